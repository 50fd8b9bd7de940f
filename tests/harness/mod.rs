//! What the strace-driven tests share (`tests/crash.rs`, `tests/disk_full.rs`): a pinned
//! environment around the real binary, a template database, and the check that a
//! database is sound and what sessions it holds.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;
use tempfile::TempDir;

pub const NOW: &str = "2026-03-02T12:00:00+01:00";
pub const TZ: &str = "Europe/Berlin";

pub fn otium_bin() -> &'static str {
    env!("CARGO_BIN_EXE_otium")
}

/// One folder with a private config, the database in `data/` and outputs in `out/`.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        Env { dir }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("otium.db")
    }

    /// Where exports and backups under test go.
    pub fn out_dir(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    /// `program ARGS… otium OTIUM_ARGS…` with the pinned environment.
    pub fn command(&self, prefix: &[&str], args: &[String], now: &str) -> Command {
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

    pub fn run(&self, args: &[String]) -> Output {
        self.command(&[], args, NOW).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) {
        let args = words(args);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "otium {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Runs `otium ARGS…` under strace, killed (SIGKILL) at the `n`-th call of `syscall`.
    pub fn run_killed_at(&self, syscall: &str, n: usize, args: &[String]) -> Output {
        self.run_injected(syscall, &format!("signal=SIGKILL:when={n}"), args)
    }

    /// Runs `otium ARGS…` under strace with `inject=SYSCALL:ACTION` (e.g.
    /// `error=ENOSPC:when=3`), strace's own output discarded.
    pub fn run_injected(&self, syscall: &str, action: &str, args: &[String]) -> Output {
        let trace = format!("trace={syscall}");
        let inject = format!("inject={syscall}:{action}");
        let prefix = [
            "strace",
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            &trace,
            "-e",
            &inject,
        ];
        self.command(&prefix, args, NOW).output().unwrap()
    }

    /// A fresh environment holding a copy of this one's (closed) database.
    pub fn copy(&self) -> Env {
        let env = Env::new();
        if self.db().exists() {
            std::fs::copy(self.db(), env.db()).unwrap();
        }
        env
    }
}

pub fn words(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_string()).collect()
}

/// A session as compared before and after: everything but the random uuid and the
/// bookkeeping times.
pub type Row = (i64, String, i64, Option<i64>, Option<String>, String);

/// What the database holds, after checking it is sound. Opening it read-write lets
/// SQLite recover a write-ahead log left by a killed process, as otium would.
pub fn inspect(db: &Path) -> Result<Vec<Row>, String> {
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

/// Fails the test with how to get strace when it is missing (never skips).
pub fn require_strace() {
    let found = Command::new("strace")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "strace is needed for the kill and disk-full tests; install it (`apt-get install strace`; .ci/run does)"
    );
}

/// A template database: two finished sessions and one running since 11:30.
pub fn template() -> Env {
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

/// The syscalls a kill is injected at (`?` skips one this architecture lacks).
pub const SYSCALLS: &[&str] = &[
    "pwrite64",
    "fdatasync",
    "fsync",
    "?rename,?renameat,?renameat2",
];

/// What one kill series found.
#[derive(Default, Debug)]
pub struct Tally {
    pub runs: usize,
    pub kills: usize,
    pub before: usize,
    pub after: usize,
}

/// Runs `args` on copies of `base`, killed at the N-th call of `syscall` for N = 1, 2, …,
/// until a run completes; `check` judges the database after each kill.
pub fn kill_series(
    base: &Env,
    args: &[String],
    syscall: &str,
    mut check: impl FnMut(&Env, usize) -> Result<bool, String>,
) -> Tally {
    let mut tally = Tally::default();
    for n in 1..=500 {
        let env = base.copy();
        let out = env.run_killed_at(syscall, n, args);
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
pub fn all_or_nothing(
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

/// Every row of `sql`, each as its values' debug text joined by `|`: a whole-state
/// comparison of databases that needs no knowledge of their columns.
pub fn rows_as_text(conn: &Connection, sql: &str) -> Result<Vec<String>, String> {
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
    .map_err(|e| format!("{sql}: {e}"))?
    .collect::<rusqlite::Result<Vec<_>>>()
    .map_err(|e| format!("{sql}: {e}"))
}
