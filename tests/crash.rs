//! No data loss, proven: the real binary killed at every write, at random moments,
//! racing another process, and fed hostile files.
//!
//! The kill harness runs each command under `strace -f -e inject=SYSCALL:signal=SIGKILL:when=N`
//! for N = 1, 2, … until the command completes without being killed, for `pwrite64`,
//! `fdatasync`, `fsync` and the `rename` family. After every kill the database must pass
//! `PRAGMA integrity_check`, keep the session rules (at most one running session, every
//! end after its start, no overlaps), and hold exactly the sessions from before the
//! command or exactly those from after it: all or nothing. strace is required (CI
//! installs it in `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tempfile::TempDir;

const NOW: &str = "2026-03-02T12:00:00+01:00";
const TZ: &str = "Europe/Berlin";

fn otium_bin() -> &'static str {
    env!("CARGO_BIN_EXE_otium")
}

/// One folder with a private config and a database path inside `data/`.
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        Env { dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("otium.db")
    }

    /// `program ARGS… otium OTIUM_ARGS…` with the pinned environment.
    fn command(&self, prefix: &[&str], args: &[String], now: &str) -> Command {
        let mut cmd = if prefix.is_empty() {
            Command::new(otium_bin())
        } else {
            let mut c = Command::new(prefix[0]);
            c.args(&prefix[1..]).arg(otium_bin());
            c
        };
        cmd.env_clear()
            .env("OTIUM_DB", self.db())
            .env("OTIUM_CONFIG", self.dir.path().join("config.toml"))
            .env("OTIUM_NOW", now)
            .env("OTIUM_TZ", TZ)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn run(&self, args: &[String]) -> Output {
        self.command(&[], args, NOW).output().unwrap()
    }

    fn ok(&self, args: &[&str]) {
        let args = words(args);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "otium {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A fresh environment holding a copy of this one's (closed) database.
    fn copy(&self) -> Env {
        let env = Env::new();
        if self.db().exists() {
            std::fs::copy(self.db(), env.db()).unwrap();
        }
        env
    }
}

fn words(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_string()).collect()
}

/// A session as compared before and after: everything but the random uuid and the
/// bookkeeping times.
type Row = (i64, String, i64, Option<i64>, Option<String>, String);

/// What the database holds, after checking it is sound. Opening it read-write lets
/// SQLite recover a write-ahead log left by a killed process, as otium would.
fn inspect(db: &Path) -> Result<Vec<Row>, String> {
    if std::fs::metadata(db).map(|m| m.len()).unwrap_or(0) == 0 {
        return Ok(Vec::new());
    }
    let conn = Connection::open(db).map_err(|e| format!("open: {e}"))?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| format!("integrity_check: {e}"))?;
    if integrity != "ok" {
        return Err(format!("integrity_check: {integrity}"));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| e.to_string())?;
    if tables == 0 {
        return Ok(Vec::new());
    }
    let count = |sql: &str| -> Result<i64, String> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| e.to_string())
    };
    let running = count("SELECT count(*) FROM sessions WHERE end_utc IS NULL")?;
    if running > 1 {
        return Err(format!("{running} running sessions"));
    }
    let backwards = count("SELECT count(*) FROM sessions WHERE end_utc <= start_utc")?;
    if backwards > 0 {
        return Err(format!("{backwards} sessions end before they start"));
    }
    let overlaps = count(
        "SELECT count(*) FROM (SELECT start_utc, max(coalesce(end_utc, 9223372036854775807))
             OVER (ORDER BY start_utc, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
             FROM sessions) WHERE prev > start_utc",
    )?;
    if overlaps > 0 {
        return Err(format!("{overlaps} overlapping sessions"));
    }
    let mut st = conn
        .prepare(
            "SELECT s.id, p.name, s.start_utc, s.end_utc, s.note,
                    coalesce((SELECT group_concat(name, ' ') FROM (
                        SELECT t.name FROM session_tags st JOIN tags t ON t.id = st.tag_id
                        WHERE st.session_id = s.id ORDER BY t.name)), '')
             FROM sessions s JOIN projects p ON p.id = s.project_id ORDER BY s.id",
        )
        .map_err(|e| e.to_string())?;
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .map_err(|e| e.to_string())?
    .collect::<rusqlite::Result<Vec<Row>>>()
    .map_err(|e| e.to_string())
}

fn require_strace() {
    let found = Command::new("strace")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "strace is needed for the kill tests; install it (`apt-get install strace`; .ci/run does)"
    );
}

/// A template database: two finished sessions and one running since 11:30.
fn template() -> Env {
    let env = Env::new();
    env.ok(&[
        "add", "coding", "+review", "--from", "9:00", "--to", "10:00",
    ]);
    env.ok(&[
        "add", "writing", "--from", "10:30", "--to", "11:00", "--note", "n",
    ]);
    env.ok(&["start", "reading", "+book", "--at", "11:30"]);
    env
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// The commands under test, each run on a copy of the template.
fn scenarios() -> Vec<(&'static str, Vec<String>)> {
    vec![
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
                fixture("watson-frames.json"),
            ],
        ),
    ]
}

/// The syscalls a kill is injected at (`?` skips one this architecture lacks).
const SYSCALLS: &[&str] = &[
    "pwrite64",
    "fdatasync",
    "fsync",
    "?rename,?renameat,?renameat2",
];

/// What one kill series found.
#[derive(Default, Debug)]
struct Tally {
    runs: usize,
    kills: usize,
    before: usize,
    after: usize,
}

/// Runs `args` on copies of `base`, killed at the N-th call of `syscall` for N = 1, 2, …,
/// until a run completes; `check` judges the database after each kill.
fn kill_series(
    base: &Env,
    args: &[String],
    syscall: &str,
    mut check: impl FnMut(&Env, usize) -> Result<bool, String>,
) -> Tally {
    let mut tally = Tally::default();
    let trace = format!("trace={syscall}");
    for n in 1..=500 {
        let env = base.copy();
        let inject = format!("inject={syscall}:signal=SIGKILL:when={n}");
        let out = env
            .command(
                &[
                    "strace",
                    "-f",
                    "-qq",
                    "-o",
                    "/dev/null",
                    "-e",
                    &trace,
                    "-e",
                    &inject,
                ],
                args,
                NOW,
            )
            .output()
            .unwrap();
        tally.runs += 1;
        let killed = std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(9);
        if !killed {
            assert!(
                out.status.success(),
                "{args:?} under strace ({syscall} #{n}) failed: {:?} {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            return tally;
        }
        tally.kills += 1;
        match check(&env, n) {
            Ok(true) => tally.after += 1,
            Ok(false) => tally.before += 1,
            Err(e) => panic!("{args:?} killed at {syscall} #{n}: {e}"),
        }
        // otium itself opens the recovered file and carries on.
        let status = env.run(&words(&["status"]));
        assert!(
            status.status.success(),
            "{args:?} killed at {syscall} #{n}: otium cannot open the database afterwards: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
    panic!("{args:?}: {syscall} was still being called after 500 kills");
}

/// After a kill the sessions are exactly those before (false) or after (true).
fn all_or_nothing(
    before: &[Row],
    after: &[Row],
) -> impl FnMut(&Env, usize) -> Result<bool, String> {
    move |env, _| {
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
fn killed_at_every_write_each_command_is_all_or_nothing() {
    require_strace();
    let started = Instant::now();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    assert_eq!(before.len(), 3);
    let mut report = Vec::new();
    for (name, args) in scenarios() {
        let done = base.copy();
        let out = done.run(&args);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = inspect(&done.db()).unwrap();
        assert_ne!(before, after, "{name} changed nothing");
        let mut total = Tally::default();
        for syscall in SYSCALLS {
            let t = kill_series(&base, &args, syscall, all_or_nothing(&before, &after));
            report.push(format!(
                "{name:7} {syscall:28} runs {:3} kills {:3} (before {:3}, after {:3})",
                t.runs, t.kills, t.before, t.after
            ));
            total.runs += t.runs;
            total.kills += t.kills;
            total.before += t.before;
            total.after += t.after;
        }
        // Every command writes: some kills must have landed before its commit.
        assert!(total.before > 0, "{name}: no kill landed before the commit");
    }
    eprintln!(
        "kill at every write ({:.1} s):\n{}",
        started.elapsed().as_secs_f64(),
        report.join("\n")
    );
}

/// A brand-new database is created and migrated to the latest schema (2) in one
/// transaction: killed anywhere in it, the file is empty (version 0) or whole
/// (version 2), never in between, and the next run finishes the job. The upgrade of an
/// existing version-1 file is `killed_while_upgrading_a_version_1_database`.
#[test]
fn killed_while_creating_and_migrating_a_new_database() {
    require_strace();
    let base = Env::new();
    let mut lines = Vec::new();
    for syscall in SYSCALLS {
        let t = kill_series(&base, &words(&["status"]), syscall, |env, n| {
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
                    (2, o) if o > 5 => Ok(true),
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
    let text = |sql: &str| -> Result<Vec<String>, String> {
        let mut st = conn.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
        let n = st.column_count();
        st.query_map([], |r| {
            (0..n)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(|v| v.join("|"))
        })
        .map_err(|e| e.to_string())?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| format!("{sql}: {e}"))
    };
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
/// a note, one across midnight, one running, and an output) is upgraded to version 2 by
/// a plain `status`, which first backs it up (`VACUUM INTO`, rename) and then rebuilds
/// two tables in one transaction. Killed at every write of either: the database is
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
    assert_eq!((v1.version, v2.version), (1, 2));
    // The data is the same; only the schema (and sqlite_sequence) moved on.
    let data = |s: &Snapshot| -> Vec<String> {
        s.rows
            .iter()
            .filter(|r| !r.starts_with("sqlite_sequence"))
            .cloned()
            .collect()
    };
    assert_eq!(data(&v1), data(&v2));
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
            let out = env
                .command(
                    &[
                        "strace",
                        "-f",
                        "-qq",
                        "-o",
                        "/dev/null",
                        "-e",
                        &format!("trace={syscall}"),
                        "-e",
                        &format!("inject={syscall}:signal=SIGKILL:when={n}"),
                    ],
                    &status,
                    NOW,
                )
                .output()
                .unwrap();
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
            "upgrade {syscall:28} runs {:3} kills {:3} (version 1 {:3}, version 2 {:3}); after kills: whole backups {whole_backups:2}, temp files left {temp_left:2}",
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
        "kill during migration v1 -> v2 ({:.1} s): runs {}, kills {}, left at version 1 {}, at version 2 {}\n{}",
        started.elapsed().as_secs_f64(),
        totals.0,
        totals.1,
        totals.2,
        totals.3,
        lines.join("\n")
    );
}

/// `otium backup FILE` killed anywhere: the database is untouched, and the target is
/// either absent or a whole, sound copy.
#[test]
fn killed_while_backing_up() {
    require_strace();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    let mut lines = Vec::new();
    for syscall in SYSCALLS {
        let mut tally = Tally::default();
        for n in 1..=500 {
            // The target is inside each copy's own folder.
            let env = base.copy();
            let target = env.dir.path().join("b.db");
            let args = vec!["backup".to_string(), target.to_string_lossy().into_owned()];
            let out = env
                .command(
                    &[
                        "strace",
                        "-f",
                        "-qq",
                        "-o",
                        "/dev/null",
                        "-e",
                        &format!("trace={syscall}"),
                        "-e",
                        &format!("inject={syscall}:signal=SIGKILL:when={n}"),
                    ],
                    &args,
                    NOW,
                )
                .output()
                .unwrap();
            tally.runs += 1;
            let killed = std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(9);
            assert_eq!(
                inspect(&env.db()).unwrap(),
                before,
                "backup changed the database"
            );
            if target.exists() {
                assert_eq!(
                    inspect(&target).unwrap(),
                    before,
                    "{syscall} #{n}: the backup is not a whole copy"
                );
                tally.after += 1;
            } else {
                tally.before += 1;
            }
            if !killed {
                assert!(out.status.success(), "{:?}", out);
                assert!(target.exists());
                break;
            }
            tally.kills += 1;
            assert!(n < 500, "{syscall} was still being called after 500 kills");
        }
        lines.push(format!(
            "backup  {syscall:28} runs {:3} kills {:3} (no file {:3}, whole file {:3})",
            tally.runs, tally.kills, tally.before, tally.after
        ));
    }
    eprintln!("{}", lines.join("\n"));
}

/// A small deterministic generator (xorshift64*), so the random delays repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn a_hundred_kills_at_random_moments() {
    let base = template();
    let before = inspect(&base.db()).unwrap();
    let scenarios = scenarios();
    // What each command leaves, and how long it takes when left alone.
    let mut afters = Vec::new();
    let mut longest = Duration::ZERO;
    for (name, args) in &scenarios {
        let env = base.copy();
        let t = Instant::now();
        let out = env.run(args);
        longest = longest.max(t.elapsed());
        assert!(out.status.success(), "{name}");
        afters.push(inspect(&env.db()).unwrap());
    }
    let window = u64::try_from(longest.as_micros()).unwrap().max(1000) * 3 / 2;
    let mut rng = Rng(0x6F74_6975_6D21);
    let (mut kills, mut finished, mut kept_before, mut kept_after) = (0, 0, 0, 0);
    for i in 0..100 {
        let k = usize::try_from(rng.next() % 6).unwrap();
        let delay = Duration::from_micros(rng.next() % window);
        let (name, args) = &scenarios[k];
        let env = base.copy();
        let mut child = env.command(&[], args, NOW).spawn().unwrap();
        std::thread::sleep(delay);
        let was_running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let status = child.wait().unwrap();
        if was_running && !status.success() {
            kills += 1;
        } else {
            assert!(status.success(), "{name} #{i}: {status:?}");
            finished += 1;
        }
        let found = inspect(&env.db()).unwrap_or_else(|e| panic!("{name} #{i}: {e}"));
        if found == before {
            kept_before += 1;
        } else if found == afters[k] {
            kept_after += 1;
        } else {
            panic!("{name} #{i} killed after {delay:?}: half a change: {found:?}");
        }
        if status.success() {
            assert_eq!(found, afters[k], "{name} #{i} finished but lost its change");
        }
    }
    eprintln!(
        "random kills (window {window} µs): {kills} killed, {finished} finished; database before {kept_before}, after {kept_after}"
    );
    assert_eq!(kills + finished, 100);
    assert!(kills > 0, "no run was killed: the delays are too long");
}

/// Two processes, 200 commands each, interleaving start, stop and edit on one
/// database with a shared clock that moves a minute per command: never a lock
/// error, and the session rules hold throughout.
#[test]
fn two_processes_interleaving_start_stop_and_edit() {
    let env = Env::new();
    env.ok(&["add", "base", "--from", "2026-02-01 09:00", "--for", "1h"]);
    let clock = std::sync::atomic::AtomicI64::new(0);
    let results: Vec<(Vec<String>, Output)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|k| {
                let (env, clock) = (&env, &clock);
                scope.spawn(move || {
                    (0..200)
                        .map(|i| {
                            let args = match i % 3 {
                                0 => words(&["start", &format!("p{k}")]),
                                1 => words(&["stop"]),
                                _ => words(&["edit", "1", "--note", &format!("w{k} #{i}")]),
                            };
                            let tick = clock.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            let now = minutes_after_noon(tick);
                            let out = env.command(&[], &args, &now).output().unwrap();
                            (args, out)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert_eq!(results.len(), 400);
    let mut ok = 0;
    let mut refused = 0;
    for (args, out) in &results {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("locked"), "{args:?}: {stderr}");
        match out.status.code() {
            Some(0) => ok += 1,
            // The other process may have stopped first, or started a minute later:
            // a conflict (5) or a refused time (3), never a database error (6).
            Some(3 | 5) => refused += 1,
            other => panic!("{args:?} exited {other:?}: {stderr}"),
        }
    }
    let rows = inspect(&env.db()).unwrap();
    let edits_ok = results
        .iter()
        .filter(|(a, o)| a[0] == "edit" && o.status.success())
        .count();
    eprintln!(
        "2 × 200 interleaved: {ok} ok, {refused} refused by the rules, {} sessions, {edits_ok} edits",
        rows.len()
    );
    assert_eq!(edits_ok, 2 * 66, "every edit of session 1 succeeds");
    assert!(ok >= 200, "too few commands succeeded: {ok}");
}

/// Monday 2026-03-02 12:00 Berlin plus `minutes` (the shared clock of the race).
fn minutes_after_noon(minutes: i64) -> String {
    let total = 12 * 60 + minutes;
    assert!(total < 24 * 60);
    format!("2026-03-02T{:02}:{:02}:00+01:00", total / 60, total % 60)
}

// ------------------------------------------------------------------ hostile files

/// Peak resident memory of `cmd` in KiB, via GNU time when present, else by polling /proc.
fn run_measured(env: &Env, args: &[String]) -> (Output, u64) {
    let report = env.dir.path().join("time.txt");
    if Path::new("/usr/bin/time").exists() {
        let report_s = report.to_string_lossy().into_owned();
        let out = env
            .command(&["/usr/bin/time", "-f", "%M", "-o", &report_s], args, NOW)
            .output()
            .unwrap();
        let kib = std::fs::read_to_string(&report)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        return (out, kib);
    }
    let child = env.command(&[], args, NOW).spawn().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let waiter = std::thread::spawn(move || child.wait_with_output().unwrap());
    while !waiter.is_finished() {
        if let Ok(text) = std::fs::read_to_string(&status) {
            for line in text.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kib: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak = peak.max(kib);
                }
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    (waiter.join().unwrap(), peak)
}

fn one_line_error(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr:?}");
    assert!(stderr.starts_with("error: "), "{what}: {stderr:?}");
    stderr
}

/// A 1 GiB sparse file and 4 MiB of NUL bytes, as the database and as every import format.
#[test]
fn huge_sparse_and_nul_files_are_refused_in_bounded_memory() {
    const LIMIT_KIB: u64 = 200 * 1024;
    let files = Env::new();
    let sparse = files.dir.path().join("sparse.bin");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let nul = files.dir.path().join("nul.bin");
    std::fs::write(&nul, vec![0u8; 4 << 20]).unwrap();
    let mut lines = Vec::new();
    for file in [&sparse, &nul] {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        // As the database: refused as not SQLite (exit 6), the file untouched.
        let env = Env::new();
        let before_len = std::fs::metadata(file).unwrap().len();
        let args = vec![
            "--db".to_string(),
            file.to_string_lossy().into_owned(),
            "status".to_string(),
        ];
        let (out, kib) = run_measured(&env, &args);
        assert_eq!(out.status.code(), Some(6), "{name} as --db: {out:?}");
        let stderr = one_line_error(&out, &name);
        assert!(stderr.contains("not an SQLite database"), "{stderr}");
        assert!(kib < LIMIT_KIB, "{name} as --db: {kib} KiB");
        assert_eq!(std::fs::metadata(file).unwrap().len(), before_len);
        lines.push(format!("{name:10} as --db            exit 6, {kib:6} KiB"));
        // As an import file of every format: refused (exit 3), nothing written.
        for format in ["watson", "timewarrior", "toggl", "bartib", "csv", "json"] {
            let env = template();
            let before = inspect(&env.db()).unwrap();
            let args = vec![
                "import".to_string(),
                format.to_string(),
                file.to_string_lossy().into_owned(),
            ];
            let t = Instant::now();
            let (out, kib) = run_measured(&env, &args);
            assert_eq!(
                out.status.code(),
                Some(3),
                "{name} as {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            one_line_error(&out, &format!("{name} as {format}"));
            assert!(kib < LIMIT_KIB, "{name} as {format}: {kib} KiB");
            assert_eq!(inspect(&env.db()).unwrap(), before);
            lines.push(format!(
                "{name:10} as import {format:11} exit 3, {kib:6} KiB, {:.2} s",
                t.elapsed().as_secs_f64()
            ));
        }
    }
    eprintln!("{}", lines.join("\n"));
}
