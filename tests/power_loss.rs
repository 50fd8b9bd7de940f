//! Power loss, proven: every state a power cut could leave while a write command runs
//! opens, passes `integrity_check`, and holds the whole change or none of it; once the
//! command has told the user it is done, every state holds the whole change.
//!
//! A kill (`tests/crash.rs`) is not power loss: after a kill the kernel still writes
//! every page the process wrote. Here each command runs once under `strace` with its
//! write buffers in full; `harness/crash_states.rs` replays the calls onto a copy of
//! the files as they were before, keeping only what a power cut may leave (writes not
//! yet fsynced lost in any combination, one torn, names not yet made durable by a
//! folder fsync lost, the `-shm` gone). Each distinct state is written to a fresh
//! folder and checked twice:
//! - opened with rusqlite read-write, which recovers the `-wal` as any first
//!   connection does: `integrity_check` is ok, the session rules hold, and the
//!   sessions are exactly those before or after the command (for `backup`: the
//!   database is untouched and the target is absent or a whole copy; for the schema
//!   upgrade: the file is exactly version 1 or exactly the latest version, and an upgraded file
//!   always has its whole version-1 backup beside it);
//! - opened by otium itself (`otium status` on a second copy): it exits 0 and leaves
//!   the same sessions (the upgrade finishes on a version-1 state).
//!
//! The states are built from a fixed seed, so a run is repeatable. strace is required
//! (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "harness/crash_states.rs"]
mod crash_states;
mod harness;
#[path = "harness/strace_record.rs"]
mod strace_record;

use crash_states::{CrashState, crash_states, record};
use harness::*;

use std::path::Path;
use std::time::Instant;

/// Random subsets of the unsynced calls tried at each sync barrier.
const SUBSETS_PER_BARRIER: usize = 32;

/// What a state holds: the files before the command (false) or after it (true).
type Judge<'a> = dyn Fn(&Env) -> Result<bool, String> + 'a;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// One command's tally.
struct Tally {
    name: &'static str,
    calls: usize,
    barriers: usize,
    built: usize,
    checked: usize,
    before: usize,
    after: usize,
    acknowledged: usize,
}

impl Tally {
    fn line(&self) -> String {
        format!(
            "{:9} calls {:4} barriers {:3} states built {:5} distinct checked {:4} (none {:4}, whole {:4}; after the answer {:4})",
            self.name,
            self.calls,
            self.barriers,
            self.built,
            self.checked,
            self.before,
            self.after,
            self.acknowledged
        )
    }
}

/// Records `args` run in `env` (a throwaway copy), builds its crash states and checks each:
/// `judge` on a raw copy, then otium opens a second copy and `judge` runs again,
/// expecting the same answer (or "after" when `opening_finishes` it, as an upgrade).
fn power_cut(
    name: &'static str,
    env: &Env,
    args: &[String],
    seed: u64,
    judge: &Judge<'_>,
    opening_finishes: bool,
) -> Tally {
    let (out, trace) = record(env, args);
    assert!(
        out.status.success(),
        "{name} under strace: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        judge(env),
        Ok(true),
        "{name}: the finished command did not make its change"
    );
    let (states, built) = crash_states(&trace, seed, SUBSETS_PER_BARRIER);
    let mut tally = Tally {
        name,
        calls: trace.ops.len(),
        barriers: trace.ops.iter().filter(|op| op.is_barrier()).count(),
        built: built.prefixes + built.torn + built.subsets,
        checked: 0,
        before: 0,
        after: 0,
        acknowledged: 0,
    };
    for state in &states {
        let after = check(name, state, judge, opening_finishes);
        tally.checked += 1;
        if after {
            tally.after += 1;
        } else {
            tally.before += 1;
        }
        if state.acknowledged {
            tally.acknowledged += 1;
        }
    }
    // A series that never saw both sides would prove little about atomicity.
    assert!(tally.before > 0 && tally.after > 0, "{}", tally.line());
    assert!(tally.acknowledged > 0, "{name}: no state after the answer");
    tally
}

fn check(name: &str, state: &CrashState, judge: &Judge<'_>, opening_finishes: bool) -> bool {
    let fail = |what: String| -> ! { panic!("{name}, {}: {what}", state.label) };
    let raw = state.materialize();
    let after = judge(&raw).unwrap_or_else(|e| fail(e));
    if state.acknowledged && !after {
        fail("the command had answered, but its change is lost".into());
    }
    let opened = state.materialize();
    let out = opened.run(&words(&["status"]));
    if !out.status.success() {
        fail(format!(
            "otium cannot open it: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let reopened = judge(&opened).unwrap_or_else(|e| fail(format!("after otium opened it: {e}")));
    if reopened != (after || opening_finishes) {
        fail(format!("otium opened it and it changed (after: {after})"));
    }
    after
}

/// The sessions are exactly `before` (false) or `after` (true).
fn sessions_judge<'a>(
    before: &'a [Row],
    after: &'a [Row],
) -> impl Fn(&Env) -> Result<bool, String> + 'a {
    move |env| {
        let found = inspect(&env.db())?;
        if found == before {
            Ok(false)
        } else if found == after {
            Ok(true)
        } else {
            Err(format!(
                "half a change:\nbefore {before:?}\nafter  {after:?}\nfound  {found:?}"
            ))
        }
    }
}

#[test]
fn every_power_cut_during_a_write_leaves_all_or_nothing() {
    require_strace();
    let started = Instant::now();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    assert_eq!(before.len(), 3);
    let commands = [
        ("start", words(&["start", "writing", "+x", "--note", "s"])),
        ("stop", words(&["stop"])),
        (
            "add",
            words(&[
                "add", "coding", "+a", "--from", "8:00", "--to", "8:30", "--note", "early",
            ]),
        ),
        (
            "edit",
            words(&[
                "edit",
                "1",
                "--project",
                "other",
                "--from",
                "8:45",
                "--note",
                "changed",
                "--add-tag",
                "z",
            ]),
        ),
        ("rm", words(&["rm", "2"])),
        (
            "import",
            vec![
                "import".to_string(),
                "watson".to_string(),
                fixture("import/watson-frames.json"),
            ],
        ),
    ];
    let mut lines = Vec::new();
    for (seed, (name, args)) in (1u64..).zip(commands) {
        let done = base.copy();
        done.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let after = inspect(&done.db()).unwrap();
        assert_ne!(before, after, "{name} changed nothing");
        let judge = sessions_judge(&before, &after);
        lines.push(power_cut(name, &base.copy(), &args, seed, &judge, false).line());
    }
    eprintln!(
        "power cuts ({:.1} s):\n{}",
        started.elapsed().as_secs_f64(),
        lines.join("\n")
    );
}

/// The first import into a new database (an empty file at the path, so that the
/// harness's `otium status` can open every state): otium writes the schema and fills
/// it through a rollback journal (`store/bulk_journal.rs`), whose deletion is the
/// commit. A power cut leaves no session or every one, and once otium has answered,
/// every one: the folder is synced after the deletion, or the journal could come back
/// and roll the finished import away.
#[test]
fn every_power_cut_during_a_first_import_leaves_none_or_all() {
    require_strace();
    let base = Env::new();
    std::fs::write(base.db(), b"").unwrap();
    let args = vec![
        "import".to_string(),
        "watson".to_string(),
        fixture("import/watson-frames.json"),
    ];
    let done = base.copy();
    done.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let after = inspect(&done.db()).unwrap();
    assert!(!after.is_empty());
    let judge = sessions_judge(&[], &after);
    let env = base.copy();
    let (_, trace) = crash_states::record(&env.copy(), &args);
    let journaled = trace
        .ops
        .iter()
        .any(|op| matches!(op, crash_states::Op::Create { path, .. } if path.to_string_lossy().ends_with("-journal")));
    assert!(journaled, "the first import wrote no rollback journal");
    let tally = power_cut("first import", &env, &args, 11, &judge, false);
    eprintln!("power cuts:\n{}", tally.line());
}

/// `otium backup FILE`: the database is untouched, and the target is absent or a
/// whole, sound copy (its name is durable only after the folder fsync).
#[test]
fn every_power_cut_during_a_backup_leaves_no_file_or_a_whole_one() {
    require_strace();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    let rel = Path::new("out").join("b.db");
    let judge = |env: &Env| -> Result<bool, String> {
        if inspect(&env.db())? != before {
            return Err("the backup changed the database".into());
        }
        let copy = env.dir.path().join(&rel);
        if !copy.exists() {
            return Ok(false);
        }
        let found = inspect(&copy).map_err(|e| format!("the backup: {e}"))?;
        if found == before {
            Ok(true)
        } else {
            Err(format!("the backup is not a whole copy: {found:?}"))
        }
    };
    let env = base.copy();
    let args = vec![
        "backup".to_string(),
        env.dir.path().join(&rel).to_string_lossy().into_owned(),
    ];
    let tally = power_cut("backup", &env, &args, 7, &judge, false);
    eprintln!("power cuts:\n{}", tally.line());
}

/// A whole database: its schema version, every schema object's SQL and every row of
/// every table; only after `integrity_check` and `foreign_key_check` pass.
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    version: i64,
    schema: Vec<String>,
    rows: Vec<String>,
}

fn snapshot(db: &Path) -> Result<Snapshot, String> {
    let conn = rusqlite::Connection::open(db).map_err(|e| format!("open: {e}"))?;
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
    let mut rows = Vec::new();
    for table in text("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")? {
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

/// The committed version-1 fixture upgraded by a plain `status` (a `VACUUM INTO`
/// backup renamed into place and its folder fsynced, then the rebuild in one
/// transaction): every state is exactly version 1 or exactly the latest version, a
/// backup that is there is a whole version-1 copy, and an upgraded file never lost its
/// backup.
#[test]
fn every_power_cut_during_a_schema_upgrade_leaves_one_version() {
    require_strace();
    let base = Env::new();
    std::fs::copy(fixture("db/v1.db"), base.db()).unwrap();
    let v1 = snapshot(&base.db()).unwrap();
    let done = base.copy();
    done.ok(&["status"]);
    let v2 = snapshot(&done.db()).unwrap();
    // Upgraded to the latest schema, whatever number that is now.
    assert_eq!(v1.version, 1);
    assert!(v2.version > v1.version, "{} -> {}", v1.version, v2.version);
    let judge = |env: &Env| -> Result<bool, String> {
        let found = snapshot(&env.db())?;
        let upgraded = if found == v1 {
            false
        } else if found == v2 {
            true
        } else {
            return Err(format!(
                "half an upgrade, version {}: {:#?}",
                found.version, found.schema
            ));
        };
        let folder = env.db().parent().unwrap().to_path_buf();
        let mut backups = 0;
        for entry in std::fs::read_dir(&folder).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with("otium-before-v2") {
                let copy =
                    snapshot(&folder.join(&name)).map_err(|e| format!("backup {name}: {e}"))?;
                if copy.version != 1 || copy.rows != v1.rows {
                    return Err(format!("backup {name} is not the whole version 1"));
                }
                backups += 1;
            }
        }
        if upgraded && backups == 0 {
            return Err("upgraded, but the backup taken before is lost".into());
        }
        Ok(upgraded)
    };
    let tally = power_cut(
        "upgrade",
        &base.copy(),
        &words(&["status"]),
        9,
        &judge,
        true,
    );
    eprintln!("power cuts:\n{}", tally.line());
}

/// The crash-state builder itself, on hand-made traces whose states are counted by
/// hand: unsynced writes are lost in any combination (even the later one kept
/// without the earlier), the last write may be torn, and a synced file's name is
/// still lost without a folder fsync.
#[test]
fn the_crash_states_of_small_traces_are_the_ones_counted_by_hand() {
    use crash_states::{Fs, Op, Trace};
    use std::collections::BTreeSet;
    let f = |data: &[u8]| -> String { String::from_utf8(data.to_vec()).unwrap() };
    // "0000"; write "AB" at 0 and "CD" at 2, fsync, answer.
    let trace = Trace {
        initial: Fs::from_files(&[("f", b"0000")]),
        ops: vec![
            Op::Write {
                ino: 0,
                off: 0,
                data: b"AB".to_vec(),
            },
            Op::Write {
                ino: 0,
                off: 2,
                data: b"CD".to_vec(),
            },
            Op::Sync { ino: 0 },
            Op::Ack,
        ],
        calls: 3,
    };
    let (states, built) = crash_states(&trace, 1, 16);
    let contents: Vec<String> = states.iter().map(|s| f(&s.files[Path::new("f")])).collect();
    let set: BTreeSet<&str> = contents.iter().map(String::as_str).collect();
    // Untorn: none, the first, the second alone, both. Torn (1 byte of 2, a prefix or
    // a suffix as the seed picks): one of the first write, one of the second.
    for whole in ["0000", "AB00", "00CD", "ABCD"] {
        assert!(set.contains(whole), "{whole} missing from {set:?}");
    }
    assert_eq!(
        set.iter().filter(|c| ["A000", "0B00"].contains(c)).count(),
        1,
        "{set:?}"
    );
    assert_eq!(
        set.iter().filter(|c| ["ABC0", "AB0D"].contains(c)).count(),
        1,
        "{set:?}"
    );
    assert_eq!((states.len(), set.len()), (6, 6), "{set:?}");
    // Prefixes k = 0..=4, 2 torn, 4 subsets at the fsync and 1 at the end.
    assert_eq!((built.prefixes, built.torn, built.subsets), (5, 2, 5));
    let acknowledged: Vec<&str> = states
        .iter()
        .zip(&contents)
        .filter(|(s, _)| s.acknowledged)
        .map(|(_, c)| c.as_str())
        .collect();
    assert_eq!(acknowledged, ["ABCD"]);

    // A new file written and fsynced, but its folder never: after the answer the
    // file may be missing.
    let trace = Trace {
        initial: Fs::from_files(&[("db", b"x")]).with_new_inodes(1),
        ops: vec![
            Op::Create {
                path: "out/new".into(),
                ino: 1,
            },
            Op::Write {
                ino: 1,
                off: 0,
                data: b"y".to_vec(),
            },
            Op::Sync { ino: 1 },
            Op::Ack,
        ],
        calls: 3,
    };
    let (states, _) = crash_states(&trace, 1, 16);
    let lost_after_answer = states
        .iter()
        .any(|s| s.acknowledged && !s.files.contains_key(Path::new("out/new")));
    assert!(
        lost_after_answer,
        "a name without a folder fsync was taken as durable"
    );
    // With the folder fsynced before the answer, every state after it has the file.
    let mut ops = trace.ops;
    ops.insert(3, Op::DirSync { dir: "out".into() });
    let (states, _) = crash_states(&Trace { ops, ..trace }, 1, 16);
    let answered: Vec<_> = states.iter().filter(|s| s.acknowledged).collect();
    assert!(!answered.is_empty());
    for state in answered {
        assert_eq!(
            state.files.get(Path::new("out/new")).map(Vec::as_slice),
            Some(&b"y"[..])
        );
    }
}
