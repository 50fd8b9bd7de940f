//! Schema creation and upgrades killed at every write: the database is always exactly
//! the old version or exactly the new one, never in between, and the next run finishes.
//! Driven by strace like `tests/crash.rs` (strace is required; `.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
use harness::*;

use std::path::Path;
use std::time::Instant;

use rusqlite::Connection;

/// A brand-new database is created and migrated to the latest schema (3) in one
/// transaction: killed anywhere in it, the file is empty (version 0) or whole
/// (version 3), never in between, and the next run finishes the job. The upgrade of an
/// existing version-1 file is `killed_while_upgrading_a_version_1_database`.
#[test]
fn killed_while_creating_and_migrating_a_new_database() {
    require_strace();
    let base = Env::new();
    let mut lines = Vec::new();
    for syscall in SYSCALLS {
        // A verb that records: one that only reads refuses a missing database (issue 17).
        let t = kill_series(&base, &words(&["start", "coding"]), syscall, |env, n| {
            if let Ok(meta) = std::fs::metadata(env.db())
                && meta.len() > 0
            {
                let conn = Connection::open(env.db()).map_err(|e| e.to_string())?;
                let (version, objects): (i64, i64) = conn
                    .query_row(
                        "SELECT (SELECT user_version FROM pragma_user_version()),
                                (SELECT count(*) FROM sqlite_schema)",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .map_err(|e| e.to_string())?;
                let ok: String = conn
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .map_err(|e| e.to_string())?;
                if ok != "ok" {
                    return Err(format!("#{n}: integrity_check {ok}"));
                }
                return match (version, objects) {
                    (0, 0) => Ok(false),
                    (v, o) if v == otium::SCHEMA_VERSION && o > 5 => Ok(true),
                    other => Err(format!(
                        "#{n}: half a migration: (version, objects) {other:?}"
                    )),
                };
            }
            Ok(false)
        });
        lines.push(format!(
            "new db  {syscall:28} runs {:3} kills {:3} (empty {:3}, migrated {:3})",
            t.runs, t.kills, t.before, t.after
        ));
        // A syscall name that stopped matching would kill nothing and prove nothing.
        if syscall == &"pwrite64" || syscall == &"fsync" {
            assert!(
                t.kills > 0 && t.before > 0 && t.after > 0,
                "{syscall}: {t:?}"
            );
        }
    }
    eprintln!("{}", lines.join("\n"));
}

/// Everything a database holds, for comparing whole states: `user_version`, every
/// schema object's SQL, and every row of every table (`sqlite_sequence` included).
/// Fails unless `integrity_check` is ok and `foreign_key_check` finds nothing.
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    version: i64,
    schema: Vec<String>,
    rows: Vec<String>,
}

fn snapshot(db: &Path) -> Result<Snapshot, String> {
    let conn = Connection::open(db).map_err(|e| format!("open: {e}"))?;
    let text = |sql: &str| rows_as_text(&conn, sql);
    let integrity = text("PRAGMA integrity_check")?;
    if integrity != ["Text(\"ok\")"] {
        return Err(format!("integrity_check: {integrity:?}"));
    }
    let dangling = text("PRAGMA foreign_key_check")?;
    if !dangling.is_empty() {
        return Err(format!("foreign_key_check: {dangling:?}"));
    }
    let version = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let schema = text(
        "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name",
    )?;
    let tables = text("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?;
    let mut rows = Vec::new();
    for table in tables {
        let name = table.trim_start_matches("Text(\"").trim_end_matches("\")");
        for row in text(&format!("SELECT * FROM \"{name}\" ORDER BY 1, 2"))? {
            rows.push(format!("{name}: {row}"));
        }
    }
    Ok(Snapshot {
        version,
        schema,
        rows,
    })
}

/// The committed version-1 fixture (`tests/fixtures/db/v1.db`, four sessions with tags,
/// a note, one across midnight, one running, and an output) is upgraded to version 3 by
/// a plain `status` (to the latest version), which first backs it up (`VACUUM INTO`, rename) and then rebuilds
/// two tables and adds the import-source columns, all in one transaction. Killed at every write of either: the database is
/// exactly the version-1 file or exactly the upgraded one, never in between, and sound;
/// a backup, when one appeared, is a whole copy of version 1; and the next run upgrades.
#[test]
fn killed_while_upgrading_a_version_1_database() {
    require_strace();
    let started = Instant::now();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db/v1.db");
    let base = Env::new();
    std::fs::copy(&fixture, base.db()).unwrap();
    let v1 = snapshot(&base.db()).unwrap();
    let done = base.copy();
    done.ok(&["status"]);
    let v2 = snapshot(&done.db()).unwrap();
    assert_eq!((v1.version, v2.version), (1, otium::SCHEMA_VERSION));
    // The data is the same; only the schema (and sqlite_sequence) moved on. Version 3
    // adds source, source_key and source_version to each session, NULL here (nothing
    // in the fixture was imported). The latest version (migration 006) adds rate_cents
    // and currency to each project, NULL too (no rate is set by an upgrade).
    let data = |s: &Snapshot| -> Vec<String> {
        s.rows
            .iter()
            .filter(|r| !r.starts_with("sqlite_sequence") && !r.starts_with("project_totals"))
            .map(|r| match s.version {
                v if v >= 3 && r.starts_with("sessions: ") => r
                    .strip_suffix("|Null|Null|Null")
                    .unwrap_or("a session with a source")
                    .to_string(),
                v if v == otium::SCHEMA_VERSION && r.starts_with("projects: ") => r
                    .strip_suffix("|Null|Null")
                    .unwrap_or("a project with a rate")
                    .to_string(),
                _ => r.clone(),
            })
            .collect()
    };
    assert_eq!(data(&v1), data(&v2));
    // Version 8 derives each project's closed sessions and seconds (session 4 runs):
    // by hand from the fixture: coding 5400 s, writing 8400 s, 写作 🖋 6300 s.
    let totals: Vec<&String> = v2
        .rows
        .iter()
        .filter(|r| r.starts_with("project_totals"))
        .collect();
    assert_eq!(
        totals,
        [
            "project_totals: Integer(1)|Integer(1)|Integer(8400)",
            "project_totals: Integer(2)|Integer(1)|Integer(5400)",
            "project_totals: Integer(3)|Integer(1)|Integer(6300)"
        ]
    );
    assert_eq!(
        data(&v1).len(),
        15,
        "3 projects, 4 sessions, 3 tags, 4 links, 1 output"
    );
    let status = words(&["status"]);
    let mut lines = Vec::new();
    let mut totals = (0, 0, 0, 0);
    for syscall in SYSCALLS {
        let mut tally = Tally::default();
        let mut whole_backups = 0;
        let mut temp_left = 0;
        for n in 1..=500 {
            let env = base.copy();
            let out = env.run_killed_at(syscall, n, &status);
            tally.runs += 1;
            let killed = std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(9);
            let found = snapshot(&env.db()).unwrap_or_else(|e| panic!("{syscall} #{n}: {e}"));
            if found != v1 && found != v2 {
                panic!(
                    "{syscall} #{n}: half a migration, version {}:\n{:#?}",
                    found.version, found.schema
                );
            }
            // A backup is there whole or not at all (a killed VACUUM INTO may leave its
            // hidden temp file, which is never taken for a backup).
            let folder = env.db().parent().unwrap().to_path_buf();
            let (mut whole, mut temp) = (0, 0);
            for entry in std::fs::read_dir(&folder).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if name.starts_with("otium-before-v2") {
                    let copy = snapshot(&folder.join(&name))
                        .unwrap_or_else(|e| panic!("{syscall} #{n}: backup {name}: {e}"));
                    assert_eq!(copy.version, 1, "{syscall} #{n}: {name}");
                    assert_eq!(copy.rows, v1.rows, "{syscall} #{n}: {name}");
                    whole += 1;
                } else if name.starts_with(".otium-backup-") {
                    temp += 1;
                }
            }
            if !killed {
                assert!(
                    out.status.success(),
                    "status under strace ({syscall} #{n}) failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(found, v2, "{syscall} #{n}: finished but not upgraded");
                assert_eq!(whole, 1, "{syscall} #{n}: finished without its backup");
                break;
            }
            if found == v1 {
                tally.before += 1;
            } else {
                tally.after += 1;
            }
            whole_backups += whole;
            temp_left += temp;
            tally.kills += 1;
            assert!(n < 500, "{syscall} was still being called after 500 kills");
            // The next plain run finishes the job.
            env.ok(&["status"]);
            let next = snapshot(&env.db()).unwrap_or_else(|e| panic!("{syscall} #{n}: {e}"));
            assert_eq!(next, v2, "{syscall} #{n}: the next run did not upgrade");
        }
        lines.push(format!(
            "upgrade {syscall:28} runs {:3} kills {:3} (version 1 {:3}, version 3 {:3}); after kills: whole backups {whole_backups:2}, temp files left {temp_left:2}",
            tally.runs, tally.kills, tally.before, tally.after
        ));
        totals.0 += tally.runs;
        totals.1 += tally.kills;
        totals.2 += tally.before;
        totals.3 += tally.after;
    }
    assert!(
        totals.2 > 0,
        "no kill landed before the migration committed"
    );
    eprintln!(
        "kill during migration v1 -> v3 ({:.1} s): runs {}, kills {}, left at version 1 {}, at version 3 {}\n{}",
        started.elapsed().as_secs_f64(),
        totals.0,
        totals.1,
        totals.2,
        totals.3,
        lines.join("\n")
    );
}
