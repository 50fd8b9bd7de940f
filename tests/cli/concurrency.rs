//! Several processes at once: one running session, no lost adds, no "database is locked".
//!
//! Every process gets the same pinned clock (Monday 2026-03-02 12:00 Europe/Berlin),
//! so nothing here depends on how fast the machine is.

use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

use crate::env::TestEnv;

/// The real binary as a plain `std` command with the same environment as `TestEnv::cmd`.
fn otium(env: &TestEnv, args: &[String]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("otium"));
    cmd.env_clear()
        .env("OTIUM_DB", env.db())
        .env("OTIUM_CONFIG", env.dir.path().join("config.toml"))
        .env("OTIUM_NOW", &env.now)
        .env("OTIUM_TZ", &env.tz)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn spawn(env: &TestEnv, args: &[String]) -> Child {
    otium(env, args)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot spawn otium {args:?}: {e}"))
}

fn words(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| (*a).to_string()).collect()
}

/// What one process did, for the assertions and their messages.
struct Run {
    args: Vec<String>,
    output: Output,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
}

/// Every process exited 0, and none of them mentions a lock.
fn assert_all_ok(runs: &[Run]) {
    let failed: Vec<String> = runs
        .iter()
        .filter(|r| !r.output.status.success())
        .map(|r| {
            format!(
                "{:?} -> {:?}: {}",
                r.args,
                r.output.status.code(),
                r.stderr()
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} failed:\n{}",
        failed.len(),
        runs.len(),
        failed.join("\n")
    );
    let locked: Vec<String> = runs
        .iter()
        .filter(|r| r.stderr().contains("locked"))
        .map(|r| format!("{:?}: {}", r.args, r.stderr()))
        .collect();
    assert!(locked.is_empty(), "lock errors:\n{}", locked.join("\n"));
    for r in runs {
        assert!(
            !r.stderr().contains("panicked"),
            "{:?}: {}",
            r.args,
            r.stderr()
        );
    }
}

/// Starts `otium start p0` … `otium start p7` as eight processes at once and waits for all.
fn eight_starts(env: &TestEnv) -> Vec<Run> {
    let children: Vec<(Vec<String>, Child)> = (0..8)
        .map(|n| {
            let args = words(&["start", &format!("p{n}")]);
            let child = spawn(env, &args);
            (args, child)
        })
        .collect();
    children
        .into_iter()
        .map(|(args, child)| {
            let output = child
                .wait_with_output()
                .unwrap_or_else(|e| panic!("waiting for otium {args:?}: {e}"));
            Run { args, output }
        })
        .collect()
}

fn projects(sessions: &Value) -> Vec<String> {
    sessions
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {sessions}"))
        .iter()
        .map(|s| s["project"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// After eight simultaneous starts at the same second, one of them runs, started now.
fn assert_one_of_eight_runs(env: &TestEnv) -> Value {
    let status = env.json(&["status"]);
    assert_eq!(status["running"], true, "{status}");
    let session = &status["session"];
    let project = session["project"].as_str().unwrap_or_default();
    assert!(
        (0..8).any(|n| project == format!("p{n}")),
        "running project {project:?}"
    );
    assert_eq!(session["start"], "2026-03-02T12:00:00+01:00", "{status}");
    assert_eq!(session["end"], Value::Null, "{status}");
    assert_eq!(session["duration_seconds"], 0, "{status}");
    session.clone()
}

#[test]
fn eight_simultaneous_starts_on_a_new_database() {
    // Several rounds, each on a database no process has created yet: the processes
    // race to create the file, switch it to WAL and apply the schema.
    for round in 0..12 {
        let env = TestEnv::new();
        assert!(!env.db().exists());
        let runs = eight_starts(&env);
        assert_all_ok(&runs);
        let running = assert_one_of_eight_runs(&env);
        // All started at the same second, so each start dropped the one before it:
        // exactly one session is left.
        let all = env.json(&["log", "--all"]);
        assert_eq!(
            all.as_array().map(Vec::len),
            Some(1),
            "round {round}: {all}"
        );
        assert_eq!(all[0]["id"], running["id"], "round {round}");
    }
}

#[test]
fn eight_simultaneous_starts_on_an_existing_database() {
    for round in 0..4 {
        let env = TestEnv::new();
        env.ok(&["add", "base", "--from", "9:00", "--to", "10:00"]);
        env.ok(&["start", "earlier", "--at", "11:00"]);
        let runs = eight_starts(&env);
        assert_all_ok(&runs);
        let running = assert_one_of_eight_runs(&env);
        // The first start to commit stopped "earlier" at 12:00 (it began an hour
        // before); every later one dropped the same-second session it found.
        let all = env.json(&["log", "--all"]);
        assert_eq!(
            all.as_array().map(Vec::len),
            Some(3),
            "round {round}: {all}"
        );
        assert_eq!(projects(&all)[..2], ["base", "earlier"], "round {round}");
        assert_eq!(all[0]["start"], "2026-03-02T09:00:00+01:00");
        assert_eq!(all[0]["end"], "2026-03-02T10:00:00+01:00");
        assert_eq!(all[1]["start"], "2026-03-02T11:00:00+01:00");
        assert_eq!(all[1]["end"], "2026-03-02T12:00:00+01:00");
        assert_eq!(all[1]["duration_seconds"], 3600);
        assert_eq!(all[2]["id"], running["id"], "round {round}");
    }
}

/// Process `k`'s `i`-th add: on 2026-02-(10+k), 20 minutes starting at i × 25 minutes
/// past midnight (the last, i = 49, runs 20:25–20:45). All well before now, and no
/// two share a minute: different days for different processes, 5-minute gaps within one.
fn add_args(k: usize, i: usize) -> Vec<String> {
    let minutes = i * 25;
    words(&[
        "add",
        &format!("w{k}"),
        "--from",
        &format!(
            "2026-02-{:02} {:02}:{:02}",
            10 + k,
            minutes / 60,
            minutes % 60
        ),
        "--for",
        "20m",
    ])
}

/// Four processes at once, each running its 50 `add`s one after another.
fn add_in_four_processes(env: &TestEnv) -> Vec<Run> {
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|k| {
                let env = &env;
                scope.spawn(move || {
                    (0..50)
                        .map(|i| {
                            let args = add_args(k, i);
                            let output = otium(env, &args)
                                .output()
                                .unwrap_or_else(|e| panic!("cannot run otium {args:?}: {e}"));
                            Run { args, output }
                        })
                        .collect::<Vec<Run>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|_| panic!("a worker thread panicked"))
            })
            .collect()
    })
}

#[test]
fn four_processes_adding_fifty_sessions_each_lose_nothing() {
    let env = TestEnv::new();
    // Create the database first: this test is about concurrent writes, not creation.
    env.create_db();
    let runs = add_in_four_processes(&env);
    assert_eq!(runs.len(), 200);
    assert_all_ok(&runs);

    let all = env.json(&["log", "--all"]);
    let sessions = all.as_array().unwrap();
    assert_eq!(sessions.len(), 200);
    let mut ids: Vec<i64> = sessions.iter().map(|s| s["id"].as_i64().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 200, "ids are not unique");
    assert!(sessions.iter().all(|s| s["duration_seconds"] == 1200));
    // Oldest first: process 0's day, then 1's, 2's, 3's; each day 00:00, 00:25, …
    for (n, s) in sessions.iter().enumerate() {
        let (k, i) = (n / 50, n % 50);
        let minutes = i * 25;
        let start = format!(
            "2026-02-{:02}T{:02}:{:02}:00+01:00",
            10 + k,
            minutes / 60,
            minutes % 60
        );
        assert_eq!(s["start"], start.as_str(), "session {n}: {s}");
        assert_eq!(s["project"], format!("w{k}").as_str(), "session {n}: {s}");
    }
    // Per project: 50 sessions of 20 minutes = 60 000 seconds.
    let projects = env.json(&["projects"]);
    let summary: Vec<(String, i64, i64)> = projects
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["sessions"].as_i64().unwrap(),
                p["total_seconds"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, i64, i64)> = (0..4).map(|k| (format!("w{k}"), 50, 60_000)).collect();
    assert_eq!(summary, expected);
    assert_eq!(env.json(&["status"])["running"], false);
}

/// The same 4 × 50 `add`s while another connection holds a read transaction open the
/// whole time (as the TUI or a `sqlite3` shell might): in WAL mode readers never block
/// writers, so every add succeeds without waiting, and the reader keeps its snapshot.
#[test]
fn four_processes_adding_while_a_reader_holds_the_database_open() {
    let env = TestEnv::new();
    env.create_db();
    let reader =
        rusqlite::Connection::open_with_flags(env.db(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let count = || -> i64 {
        reader
            .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(), 0);
    let runs = add_in_four_processes(&env);
    assert_eq!(runs.len(), 200);
    assert_all_ok(&runs);
    // Still inside its transaction, the reader sees the database as it was.
    assert_eq!(count(), 0);
    reader.execute_batch("COMMIT").unwrap();
    assert_eq!(count(), 200);
    drop(reader);
    let all = env.json(&["log", "--all"]);
    assert_eq!(all.as_array().map(Vec::len), Some(200));
    let projects = env.json(&["projects"]);
    let counts: Vec<i64> = projects
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sessions"].as_i64().unwrap())
        .collect();
    assert_eq!(counts, [50, 50, 50, 50]);
}

/// An import that creates the database writes through a rollback journal
/// (`src/store/bulk_journal.rs`): until it ends, no other process can open the file in
/// WAL mode. Readers and a writer started meanwhile wait for it; none fails, each
/// reader sees no imported session or all of them, the writer's session is kept, and
/// the file is in WAL mode afterwards with no journal left.
#[test]
fn processes_started_during_an_import_that_creates_the_database_wait_for_it() {
    let env = TestEnv::new();
    // 100,000 sessions of 20 minutes every 30 from 2020-01-01 (UTC), ending in 2025:
    // an import long enough for the others to start during it.
    const SESSIONS: i64 = 100_000;
    let first = chrono::DateTime::parse_from_rfc3339("2020-01-01T00:00:00+00:00").unwrap();
    let mut csv = String::from("id,uuid,project,tags,note,start,end,duration_seconds,zone\n");
    for i in 0..SESSIONS {
        let start = first + chrono::Duration::minutes(30 * i);
        let end = start + chrono::Duration::minutes(20);
        csv.push_str(&format!(
            "{},00000000-0000-4000-8000-{i:012},p{},,,{},{},1200,UTC\n",
            i + 1,
            i % 5,
            start.to_rfc3339(),
            end.to_rfc3339()
        ));
    }
    let path = env.dir.path().join("history.csv");
    std::fs::write(&path, csv).unwrap();
    let mut import = spawn(
        &env,
        &words(&["import", "csv", &path.to_string_lossy(), "--json"]),
    );
    // Until the import is inside its transaction: its journal holds more than page 1
    // (the switch out of WAL writes one of page 1 alone first). A journal never seen
    // means the import ran in WAL, and this test would prove nothing.
    let mut journal = env.db().into_os_string();
    journal.push("-journal");
    let journal = std::path::PathBuf::from(journal);
    let mut journaled = false;
    while import.try_wait().unwrap().is_none() {
        if std::fs::metadata(&journal).is_ok_and(|m| m.len() > 8192) {
            journaled = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(journaled, "the import wrote no rollback journal");
    // Three readers and a writer at once, and again a little later, each started
    // while the import is still running (counted): they wait for it together.
    let mut children = Vec::new();
    let mut started_during = 0;
    for round in 0..2 {
        for k in 0..4 {
            if import.try_wait().unwrap().is_some() {
                break;
            }
            started_during += 1;
            let args = if k < 3 {
                words(&["report", "--all", "--json"])
            } else {
                let day = format!("2026-03-0{}", round + 1);
                words(&[
                    "add",
                    "meanwhile",
                    "--from",
                    &format!("{day}T09:00"),
                    "--to",
                    &format!("{day}T10:00"),
                ])
            };
            children.push((args.clone(), spawn(&env, &args)));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let runs: Vec<Run> = children
        .into_iter()
        .map(|(args, child)| Run {
            args,
            output: child.wait_with_output().unwrap(),
        })
        .collect();
    let added = runs.iter().filter(|r| r.args[0] == "add").count();
    let imported = import.wait_with_output().unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let summary: Value = serde_json::from_slice(&imported.stdout).unwrap();
    assert_eq!(summary["imported"], SESSIONS);
    assert_all_ok(&runs);
    assert!(
        started_during >= 4,
        "the import ended before the others started ({started_during})"
    );
    for run in runs.iter().filter(|r| r.args[0] == "report") {
        let report: Value = serde_json::from_slice(&run.output.stdout).unwrap();
        let count = report["sessions_count"].as_i64().unwrap();
        // The writers' sessions (at most two) may be there too.
        let whole = (0..=2).any(|w| count == w || count == SESSIONS + w);
        assert!(whole, "a reader saw {count} sessions");
    }
    let report = env.json(&["report", "--all"]);
    assert_eq!(
        report["sessions_count"].as_i64(),
        Some(SESSIONS + i64::try_from(added).unwrap())
    );
    assert!(!journal.exists());
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
