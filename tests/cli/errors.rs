//! Bad input: a clear one-line error, the documented exit code, and a byte-for-byte unchanged database.
//!
//! The clock is pinned at Monday 2026-03-02 12:00 Europe/Berlin (`TestEnv::new`).
//! `seeded` holds session 1 (coding +review, 09:00–10:00) and session 2 (writing,
//! 10:30–11:00); `seeded_running` adds session 3 (reading), running since 11:30.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::env::{TestEnv, code};

/// Two finished sessions, nothing running.
fn seeded() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "add", "coding", "+review", "--from", "9:00", "--to", "10:00",
    ]);
    env.ok(&["add", "writing", "--from", "10:30", "--to", "11:00"]);
    env
}

/// `seeded` plus session 3, running since 11:30.
fn seeded_running() -> TestEnv {
    let env = seeded();
    env.ok(&["start", "reading", "--at", "11:30"]);
    env
}

/// What a failed command must leave alone: the database bytes (if the file exists)
/// and the names of the files beside it (no new -wal, -shm or -journal).
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    db: Option<Vec<u8>>,
    files: Vec<String>,
}

fn snapshot(env: &TestEnv) -> Snapshot {
    let db = env.db();
    let folder = db.parent().unwrap_or_else(|| Path::new("/"));
    let mut files: Vec<String> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .map(|e| {
                e.unwrap_or_else(|err| panic!("reading {}: {err}", folder.display()))
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    Snapshot {
        db: std::fs::read(&db).ok(),
        files,
    }
}

fn assert_unchanged(before: &Snapshot, after: &Snapshot, what: &str) {
    assert!(
        before.db == after.db,
        "{what}: the database file changed ({:?} bytes before, {:?} after)",
        before.db.as_ref().map(Vec::len),
        after.db.as_ref().map(Vec::len)
    );
    assert_eq!(
        before.files, after.files,
        "{what}: the files beside the database changed"
    );
}

/// Runs `cmd`, which must fail with `code`, print nothing on stdout and exactly one
/// `error: …` line on stderr. Returns the message after `error: `.
fn error_line(mut cmd: Command, what: &str, code: i32) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run otium: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{what}: stderr {stderr:?}");
    assert!(!stderr.contains("panicked"), "{what}: panic: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{what}: stdout should be empty: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: stderr is not one line: {stderr:?}");
    let message = lines[0]
        .strip_prefix("error: ")
        .unwrap_or_else(|| panic!("{what}: stderr does not start with `error: `: {stderr:?}"));
    assert!(
        message.trim().len() > 10,
        "{what}: message says nothing: {stderr:?}"
    );
    message.to_string()
}

/// Like `error_line`, with `--json`: stderr is one JSON line
/// `{"error":{"kind":KIND,"message":…}}`. Returns the message.
fn error_json(mut cmd: Command, what: &str, code: i32, kind: &str) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run otium: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{what}: stderr {stderr:?}");
    assert!(!stderr.contains("panicked"), "{what}: panic: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{what}: stdout should be empty: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what}: stderr is not one line: {stderr:?}");
    let value: Value = serde_json::from_str(lines[0])
        .unwrap_or_else(|e| panic!("{what}: stderr is not JSON ({e}): {stderr:?}"));
    let outer = value
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not an object: {value}"));
    assert_eq!(
        outer.keys().collect::<Vec<_>>(),
        ["error"],
        "{what}: {value}"
    );
    let error = value["error"]
        .as_object()
        .unwrap_or_else(|| panic!("{what}: error is not an object: {value}"));
    let mut keys: Vec<&str> = error.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["kind", "message"], "{what}: {value}");
    assert_eq!(value["error"]["kind"], kind, "{what}: {value}");
    let message = value["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: message is not a string: {value}"));
    assert!(message.trim().len() > 10, "{what}: empty message: {value}");
    assert!(!message.contains('\n'), "{what}: {value}");
    assert!(
        !message.starts_with("error"),
        "{what}: the kind is in `kind`, the message should not repeat `error:`: {value}"
    );
    message.to_string()
}

/// `error_line`, and the database and the files beside it are as they were.
fn check_rejected(env: &TestEnv, cmd: Command, what: &str, code: i32) -> String {
    let before = snapshot(env);
    let message = error_line(cmd, what, code);
    assert_unchanged(&before, &snapshot(env), what);
    message
}

/// `otium ARGS` must be refused with `code`, changing nothing; returns the message.
fn rejected(env: &TestEnv, args: &[&str], code: i32) -> String {
    check_rejected(env, env.cmd(args), &format!("otium {args:?}"), code)
}

/// `error_json`, and the database and the files beside it are as they were.
fn rejected_json(env: &TestEnv, cmd: Command, what: &str, code: i32, kind: &str) -> String {
    let before = snapshot(env);
    let message = error_json(cmd, what, code, kind);
    assert_unchanged(&before, &snapshot(env), what);
    message
}

/// Whether `message` names `session ID` (and not, say, session ID0).
fn names_session(message: &str, id: i64) -> bool {
    let needle = format!("session {id}");
    message.match_indices(&needle).any(|(at, _)| {
        !message[at + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// The numbers in `text`, e.g. `["99", "1"]`.
fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {mode:o} {}: {e}", path.display()));
}

// ---------------------------------------------------------------- times and durations

#[test]
fn end_before_start_is_invalid() {
    let env = seeded();
    let message = rejected(
        &env,
        &["add", "x", "--from", "10:00", "--to", "9:00"],
        code::INVALID,
    );
    assert!(message.contains("before"), "{message}");
    assert!(
        message.contains("10:00") && message.contains("09:00"),
        "{message}"
    );
}

#[test]
fn zero_length_sessions_are_invalid() {
    let env = seeded();
    let message = rejected(
        &env,
        &["add", "x", "--from", "7:00", "--for", "0m"],
        code::INVALID,
    );
    assert!(message.contains("zero"), "{message}");
    let message = rejected(
        &env,
        &["add", "x", "--from", "7:00", "--to", "7:00"],
        code::INVALID,
    );
    assert!(
        message.contains("zero") || message.contains("after the start"),
        "{message}"
    );
}

#[test]
fn future_times_are_invalid() {
    // Now is 12:00; 23:00 today is eleven hours ahead.
    let env = seeded();
    let message = rejected(&env, &["start", "x", "--at", "23:00"], code::INVALID);
    assert!(message.contains("future"), "{message}");
    assert!(message.contains("23:00"), "{message}");
    let message = rejected(
        &env,
        &["add", "x", "--from", "22:00", "--to", "23:00"],
        code::INVALID,
    );
    assert!(message.contains("future"), "{message}");
    // Only the end is ahead of now (11:30 is free: session 2 ends at 11:00).
    let message = rejected(
        &env,
        &["add", "x", "--from", "11:30", "--to", "13:00"],
        code::INVALID,
    );
    assert!(message.contains("future"), "{message}");
    assert!(message.contains("13:00"), "{message}");
    let message = rejected(
        &env,
        &["add", "x", "--from", "23:00", "--for", "1h"],
        code::INVALID,
    );
    assert!(message.contains("future"), "{message}");

    let env = seeded_running();
    let message = rejected(&env, &["stop", "--at", "23:00"], code::INVALID);
    assert!(message.contains("future"), "{message}");
    let message = rejected(&env, &["continue", "1", "--at", "23:00"], code::INVALID);
    assert!(message.contains("future"), "{message}");
}

#[test]
fn times_before_1970_are_a_mistyped_year() {
    let env = seeded();
    for args in [
        &["add", "x", "--from", "0026-03-02 10:00", "--for", "1h"][..],
        &[
            "add",
            "x",
            "--from",
            "1969-12-31 23:00",
            "--to",
            "1969-12-31 23:30",
        ][..],
        &["start", "x", "--at", "1960-01-01 09:00"][..],
        &["edit", "1", "--from", "0026-03-02 09:00"][..],
    ] {
        let message = rejected(&env, args, code::INVALID);
        assert!(
            message.contains("before 1970; check the year"),
            "{args:?}: {message}"
        );
    }
    env.ok(&["project", "writing", "--unit", "pages"]);
    let message = rejected(
        &env,
        &[
            "output",
            "3",
            "--project",
            "writing",
            "--at",
            "1960-01-01 10:00",
        ],
        code::INVALID,
    );
    assert!(
        message.contains("output time 1960-01-01 10:00 is before 1970"),
        "{message}"
    );
}

#[test]
fn stop_at_or_before_the_running_start_is_invalid() {
    // Session 3 runs since 11:30.
    let env = seeded_running();
    let message = rejected(&env, &["stop", "--at", "11:00"], code::INVALID);
    assert!(names_session(&message, 3), "{message}");
    rejected(&env, &["stop", "--at", "11:30"], code::INVALID);
}

#[test]
fn unreadable_times_are_invalid() {
    let env = seeded();
    for bad in ["25:99", "tomorrowish", "9.15", "2026-03-02"] {
        let message = rejected(&env, &["start", "x", "--at", bad], code::INVALID);
        assert!(message.contains(bad), "{bad}: {message}");
        assert!(message.contains("time"), "{bad}: {message}");
    }
    let message = rejected(
        &env,
        &["add", "x", "--from", "tomorrowish", "--for", "1h"],
        code::INVALID,
    );
    assert!(message.contains("tomorrowish"), "{message}");
    let message = rejected(
        &env,
        &["add", "x", "--from", "7:00", "--to", "25:99"],
        code::INVALID,
    );
    assert!(message.contains("25:99"), "{message}");
    let message = rejected(&env, &["edit", "1", "--from", "25:99"], code::INVALID);
    assert!(message.contains("25:99"), "{message}");
}

#[test]
fn unreadable_durations_are_invalid() {
    let env = seeded();
    // A bare number: minutes or hours? The message must say the unit is missing.
    let message = rejected(
        &env,
        &["add", "x", "--from", "7:00", "--for", "90"],
        code::INVALID,
    );
    assert!(message.contains("\"90\""), "{message}");
    assert!(message.contains("unit"), "{message}");
    let message = rejected(
        &env,
        &["add", "x", "--from", "7:00", "--for", "abc"],
        code::INVALID,
    );
    assert!(message.contains("\"abc\""), "{message}");
    assert!(message.contains("duration"), "{message}");
}

// ---------------------------------------------------------------- ids and names

#[test]
fn unknown_ids_are_not_found() {
    let env = seeded();
    for args in [
        ["edit", "99", "--note", "x"].as_slice(),
        ["rm", "99"].as_slice(),
        ["continue", "99"].as_slice(),
    ] {
        let message = rejected(&env, args, code::NOT_FOUND);
        assert!(
            numbers(&message).contains(&"99".to_string()),
            "{args:?}: {message}"
        );
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    // clap's message folded into one line: what is wrong, and the verb's --help.
    let env = seeded();
    for (args, names) in [
        (["start", "x", "--bogus"].as_slice(), "'--bogus'"),
        (["--bogus", "status"].as_slice(), "'--bogus'"),
        (["stop", "--at"].as_slice(), "--at"),
        (["rm", "one"].as_slice(), "'one'"),
        (["add", "coding", "--from", "8:00"].as_slice(), "--to"),
        (["start"].as_slice(), "<PROJECT>"),
        (["rm"].as_slice(), "<ID>"),
        (["log", "--to", "2026-03-03"].as_slice(), "--from"),
    ] {
        let before = snapshot(&env);
        let out = env.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code::USAGE), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(
            stderr.contains(names),
            "{args:?} should name {names}: {stderr}"
        );
        assert_unchanged(&before, &snapshot(&env), &format!("{args:?}"));
    }
    let stderr = env.fails(&["add", "coding", "--from", "8:00"], code::USAGE);
    assert!(stderr.contains("see `otium add --help`"), "{stderr}");
    let stderr = env.fails(&["add", "--json"], code::USAGE);
    assert!(
        stderr.contains("<PROJECT>") && stderr.contains("--from"),
        "{stderr}"
    );
}

#[test]
fn empty_project_names_are_invalid() {
    let env = seeded();
    for name in ["", "  ", "\t"] {
        let message = rejected(&env, &["start", name], code::INVALID);
        assert!(message.contains("empty"), "{name:?}: {message}");
    }
    rejected(
        &env,
        &["add", " ", "--from", "7:00", "--to", "8:00"],
        code::INVALID,
    );
    rejected(&env, &["edit", "1", "--project", ""], code::INVALID);
}

#[test]
fn project_starting_with_plus_is_invalid() {
    let env = seeded();
    let message = rejected(&env, &["start", "+x"], code::INVALID);
    assert!(message.contains("+x"), "{message}");
    assert!(message.contains("project"), "{message}");
    rejected(
        &env,
        &["add", "+x", "--from", "7:00", "--to", "8:00"],
        code::INVALID,
    );
    rejected(&env, &["edit", "1", "--project", "+x"], code::INVALID);
}

#[test]
fn a_word_that_is_not_a_tag_is_invalid() {
    let env = seeded();
    let message = rejected(&env, &["start", "x", "review"], code::INVALID);
    assert!(message.contains("review"), "{message}");
}

// ---------------------------------------------------------------- conflicts

#[test]
fn stop_and_cancel_with_nothing_running_conflict() {
    let env = seeded();
    let message = rejected(&env, &["stop"], code::CONFLICT);
    assert!(message.contains("running"), "{message}");
    let message = rejected(&env, &["cancel"], code::CONFLICT);
    assert!(message.contains("running"), "{message}");
    // Also on a database that has never had a session.
    let empty = TestEnv::new();
    empty.create_db();
    rejected(&empty, &["stop"], code::CONFLICT);
    rejected(&empty, &["cancel"], code::CONFLICT);
    rejected(&empty, &["continue"], code::CONFLICT);
}

#[test]
fn continue_while_the_last_session_runs_conflicts() {
    let env = seeded_running();
    let message = rejected(&env, &["continue"], code::CONFLICT);
    assert!(message.contains("running"), "{message}");
    assert!(names_session(&message, 3), "{message}");
    let message = rejected(&env, &["continue", "3"], code::CONFLICT);
    assert!(names_session(&message, 3), "{message}");
}

#[test]
fn overlapping_add_conflicts_and_names_the_other_session() {
    let env = seeded();
    // 09:30–10:15 reaches into session 1 (09:00–10:00).
    let message = rejected(
        &env,
        &["add", "x", "--from", "9:30", "--to", "10:15"],
        code::CONFLICT,
    );
    assert!(message.contains("overlap"), "{message}");
    assert!(names_session(&message, 1), "{message}");
    // 10:45 for 30m reaches into session 2 (10:30–11:00) only.
    let message = rejected(
        &env,
        &["add", "x", "--from", "10:45", "--for", "30m"],
        code::CONFLICT,
    );
    assert!(names_session(&message, 2), "{message}");
    // 08:00–11:30 covers both; either may be named.
    let message = rejected(
        &env,
        &["add", "x", "--from", "8:00", "--to", "11:30"],
        code::CONFLICT,
    );
    assert!(
        names_session(&message, 1) || names_session(&message, 2),
        "{message}"
    );
    // Exactly the same interval as session 1.
    let message = rejected(
        &env,
        &["add", "x", "--from", "9:00", "--to", "10:00"],
        code::CONFLICT,
    );
    assert!(names_session(&message, 1), "{message}");
}

#[test]
fn an_overlap_with_a_multi_day_session_names_both_dates() {
    let env = TestEnv::new();
    // A 48 h session (a forgotten timer fixed later) from Saturday 12:00 to Monday 12:00.
    env.ok(&["add", "long", "--from", "2026-02-28 12:00", "--for", "48h"]);
    let message = rejected(
        &env,
        &["add", "x", "--from", "2026-03-01 09:00", "--for", "1h"],
        code::CONFLICT,
    );
    assert!(
        message.contains("2026-02-28 12:00–2026-03-02 12:00 Europe/Berlin"),
        "{message}"
    );
}

#[test]
fn add_overlapping_the_running_session_conflicts() {
    // Session 3 runs since 11:30, so 11:40–11:50 lies inside it.
    let env = seeded_running();
    let message = rejected(
        &env,
        &["add", "x", "--from", "11:40", "--to", "11:50"],
        code::CONFLICT,
    );
    assert!(names_session(&message, 3), "{message}");
}

#[test]
fn overlapping_edit_conflicts_and_names_the_other_session() {
    let env = seeded();
    // Session 2 moved to start 09:45 would share 09:45–10:00 with session 1.
    let message = rejected(&env, &["edit", "2", "--from", "9:45"], code::CONFLICT);
    assert!(message.contains("overlap"), "{message}");
    assert!(names_session(&message, 1), "{message}");
    // Session 1 ending 10:45 would share 10:30–10:45 with session 2.
    let message = rejected(&env, &["edit", "1", "--to", "10:45"], code::CONFLICT);
    assert!(names_session(&message, 2), "{message}");
}

#[test]
fn start_before_the_running_session_conflicts() {
    // Session 3 runs since 11:30; 11:15 is free of finished sessions (session 2 ends 11:00).
    let env = seeded_running();
    let message = rejected(&env, &["start", "x", "--at", "11:15"], code::CONFLICT);
    assert!(names_session(&message, 3), "{message}");
    assert!(message.contains("11:30"), "{message}");
    let message = rejected(&env, &["continue", "1", "--at", "11:15"], code::CONFLICT);
    assert!(names_session(&message, 3), "{message}");
}

// ---------------------------------------------------------------- edit

#[test]
fn edit_without_changes_is_invalid() {
    let env = seeded();
    let message = rejected(&env, &["edit", "1"], code::INVALID);
    assert!(message.contains("change"), "{message}");
}

#[test]
fn removing_a_missing_tag_is_invalid() {
    let env = seeded();
    let message = rejected(&env, &["edit", "1", "--rm-tag", "nope"], code::INVALID);
    assert!(message.contains("nope"), "{message}");
    assert!(message.contains("tag"), "{message}");
    // Session 2 has no tags at all; removing one it lacks with one it has changes nothing either.
    rejected(&env, &["edit", "2", "--rm-tag", "review"], code::INVALID);
    rejected(
        &env,
        &["edit", "1", "--rm-tag", "review", "--rm-tag", "nope"],
        code::INVALID,
    );
}

// ---------------------------------------------------------------- the database file

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let env = TestEnv::new();
    let db = env.db();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let text: String = "not a database, just some notes\n"
        .repeat(200)
        .chars()
        .take(4096)
        .collect();
    std::fs::write(&db, &text).unwrap();
    for args in [["status"].as_slice(), ["start", "x"].as_slice()] {
        let message = rejected(&env, args, code::DATABASE);
        assert!(message.contains("SQLite"), "{message}");
        assert!(message.contains(&db.display().to_string()), "{message}");
    }
    assert_eq!(std::fs::read_to_string(&db).unwrap(), text);
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let env = TestEnv::new();
    let db = env.db();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE foo (x INTEGER); INSERT INTO foo VALUES (42);")
            .unwrap();
    }
    for args in [
        ["status"].as_slice(),
        ["start", "x"].as_slice(),
        ["log", "--all"].as_slice(),
    ] {
        let message = rejected(&env, args, code::DATABASE);
        assert!(message.contains("another program"), "{message}");
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let x: i64 = conn
        .query_row("SELECT x FROM foo", [], |r| r.get(0))
        .unwrap();
    assert_eq!(x, 42);
}

#[test]
fn a_newer_schema_is_refused_naming_both_versions() {
    let env = seeded();
    {
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    // Closing the last connection checkpoints and removes the WAL.
    let wal = env.db().with_extension("db-wal");
    assert!(!wal.exists(), "{} left behind", wal.display());
    for args in [["status"].as_slice(), ["start", "x"].as_slice()] {
        let message = rejected(&env, args, code::DATABASE);
        // The path may contain digits; look at the rest.
        let rest = message.replace(&env.db().display().to_string(), "");
        let found = numbers(&rest);
        assert!(found.contains(&"99".to_string()), "{message}");
        // The version this otium writes.
        let latest = otium::SCHEMA_VERSION.to_string();
        assert!(found.contains(&latest), "{message}");
    }
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn a_read_only_database_refuses_writes_and_changes_nothing() {
    // otium honours the mode bits even for root, who could otherwise write anyway.
    let env = seeded();
    set_mode(&env.db(), 0o400);
    let before = snapshot(&env);
    for args in [
        ["start", "x"].as_slice(),
        ["add", "x", "--from", "7:00", "--to", "8:00"].as_slice(),
        ["rm", "1"].as_slice(),
    ] {
        let message = error_line(env.cmd(args), &format!("{args:?}"), code::DATABASE);
        assert!(message.contains("read-only"), "{args:?}: {message}");
        assert!(before.db == snapshot(&env).db, "{args:?} changed the file");
    }
    let message = error_json(
        env.cmd(&["start", "x", "--json"]),
        "start --json",
        code::DATABASE,
        "database",
    );
    assert!(message.contains("read-only"), "{message}");
    // Nothing new beside it either: a -wal or -shm left here carries the 0400 mode, and
    // once the user makes the database writable again it keeps SQLite read-only.
    assert_unchanged(&before, &snapshot(&env), "writes to a read-only database");
    set_mode(&env.db(), 0o600);
}

#[test]
fn a_read_only_database_can_still_be_read() {
    let env = seeded();
    set_mode(&env.db(), 0o400);
    let before = env.db_bytes();
    assert_eq!(
        env.json(&["status"]),
        serde_json::json!({"running": false, "session": null})
    );
    let all = env.json(&["log", "--all"]);
    let ids: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2]);
    assert!(before == env.db_bytes(), "reading changed the file");
    set_mode(&env.db(), 0o600);
}

// ---------------------------------------------------------------- configuration

#[test]
fn a_malformed_config_names_the_line() {
    let env = seeded();
    let config = env.dir.path().join("config.toml");
    std::fs::write(
        &config,
        "week_start = \"monday\"\ncountry = \"DEU\"\nweekly_target_hours = = 3\n",
    )
    .unwrap();
    for args in [["status"].as_slice(), ["start", "x"].as_slice()] {
        let message = rejected(&env, args, code::CONFIG);
        assert!(message.contains("line 3"), "{message}");
    }
    // An unknown key is an error too, naming its line and the key.
    std::fs::write(&config, "country = \"DEU\"\nweek_sart = \"sunday\"\n").unwrap();
    let message = rejected(&env, &["status"], code::CONFIG);
    assert!(message.contains("line 2"), "{message}");
    assert!(message.contains("week_sart"), "{message}");
}

#[test]
fn a_bad_otium_tz_is_a_config_error() {
    let env = seeded();
    for zone in ["Mars/Olympus", "Berlin", "+01:00"] {
        let mut cmd = env.cmd(&["start", "x"]);
        cmd.env("OTIUM_TZ", zone);
        let message = check_rejected(&env, cmd, &format!("OTIUM_TZ={zone}"), code::CONFIG);
        assert!(message.contains("OTIUM_TZ"), "{message}");
        assert!(message.contains(zone), "{message}");
    }
}

#[test]
fn a_bad_otium_now_is_a_config_error() {
    let env = seeded();
    for now in ["tomorrow", "2026-03-02 12:00", "2026-13-02T12:00:00Z"] {
        let mut cmd = env.cmd(&["start", "x"]);
        cmd.env("OTIUM_NOW", now);
        let message = check_rejected(&env, cmd, &format!("OTIUM_NOW={now}"), code::CONFIG);
        assert!(message.contains("OTIUM_NOW"), "{message}");
    }
}

// ---------------------------------------------------------------- --json errors

fn json_args(args: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_string()).collect();
    all.push("--json".to_string());
    all
}

#[test]
fn json_errors_are_one_line_with_the_kind() {
    let env = seeded_running();
    let cases: [(&[&str], i32, &str); 11] = [
        (
            &["add", "x", "--from", "10:00", "--to", "9:00"],
            code::INVALID,
            "invalid_input",
        ),
        (
            &["start", "x", "--at", "23:00"],
            code::INVALID,
            "invalid_input",
        ),
        (
            &["start", "x", "--at", "25:99"],
            code::INVALID,
            "invalid_input",
        ),
        (&["edit", "1"], code::INVALID, "invalid_input"),
        (&["rm", "99"], code::NOT_FOUND, "not_found"),
        (&["edit", "99", "--note", "x"], code::NOT_FOUND, "not_found"),
        (
            &["add", "x", "--from", "9:30", "--to", "10:15"],
            code::CONFLICT,
            "conflict",
        ),
        (&["continue"], code::CONFLICT, "conflict"),
        (&["start", "x", "--at", "11:15"], code::CONFLICT, "conflict"),
        (&["start", "x", "--bogus"], code::USAGE, "usage"),
        (&["frobnicate"], code::USAGE, "usage"),
    ];
    for (args, exit, kind) in cases {
        let all = json_args(args);
        let mut cmd = env.cmd(&[]);
        cmd.args(&all);
        let message = rejected_json(&env, cmd, &format!("otium {all:?}"), exit, kind);
        if kind == "usage" {
            let word = args
                .iter()
                .find(|a| a.starts_with("--") || **a == "frobnicate");
            assert!(
                word.is_some_and(|w| message.contains(w)),
                "{args:?}: {message}"
            );
        }
    }
    // The overlap message names the other session in JSON too.
    let cmd = env.cmd(&["add", "x", "--from", "9:30", "--to", "10:15", "--json"]);
    let message = rejected_json(&env, cmd, "overlap --json", code::CONFLICT, "conflict");
    assert!(names_session(&message, 1), "{message}");
    // `--json` works before the verb as well.
    let message = rejected_json(
        &env,
        env.cmd(&["--json", "rm", "99"]),
        "--json rm 99",
        code::NOT_FOUND,
        "not_found",
    );
    assert!(numbers(&message).contains(&"99".to_string()), "{message}");
}

#[test]
fn json_stop_and_cancel_with_nothing_running_conflict() {
    let env = seeded();
    for args in [["stop", "--json"], ["cancel", "--json"]] {
        rejected_json(
            &env,
            env.cmd(&args),
            &format!("{args:?}"),
            code::CONFLICT,
            "conflict",
        );
    }
}

#[test]
fn json_config_errors_have_kind_config() {
    let env = seeded();
    let mut cmd = env.cmd(&["status", "--json"]);
    cmd.env("OTIUM_TZ", "Mars/Olympus");
    let message = rejected_json(&env, cmd, "bad OTIUM_TZ", code::CONFIG, "config");
    assert!(message.contains("OTIUM_TZ"), "{message}");
    let mut cmd = env.cmd(&["status", "--json"]);
    cmd.env("OTIUM_NOW", "tomorrow");
    rejected_json(&env, cmd, "bad OTIUM_NOW", code::CONFIG, "config");
    std::fs::write(
        env.dir.path().join("config.toml"),
        "country = \"DEU\"\nbogus\n",
    )
    .unwrap();
    let message = rejected_json(
        &env,
        env.cmd(&["status", "--json"]),
        "bad config",
        code::CONFIG,
        "config",
    );
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn json_database_errors_have_kind_database() {
    let env = seeded();
    {
        let conn = rusqlite::Connection::open(env.db()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let message = rejected_json(
        &env,
        env.cmd(&["status", "--json"]),
        "newer schema",
        code::DATABASE,
        "database",
    );
    assert!(message.contains("99"), "{message}");

    let env = TestEnv::new();
    std::fs::create_dir_all(env.db().parent().unwrap()).unwrap();
    std::fs::write(env.db(), "x".repeat(4096)).unwrap();
    rejected_json(
        &env,
        env.cmd(&["status", "--json"]),
        "not SQLite",
        code::DATABASE,
        "database",
    );
}

// ---------------------------------------------------------------- usage suggestions

#[test]
fn a_mistyped_verb_or_flag_gets_clap_s_suggestion() {
    let env = seeded();
    let stderr = env.fails(&["strat"], code::USAGE);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: unrecognized subcommand 'strat' (did you mean "),
        "{stderr}"
    );
    assert!(stderr.contains("'start'"), "{stderr}");
    assert!(stderr.ends_with("?); see `otium --help`\n"), "{stderr}");
    let stderr = env.fails(&["report", "--lastweek"], code::USAGE);
    assert_eq!(
        stderr,
        "error: unexpected argument '--lastweek' found (did you mean '--last-week'?); see `otium report --help`\n"
    );
}

#[test]
fn json_usage_errors_keep_the_suggestion() {
    let env = seeded();
    let message = rejected_json(
        &env,
        env.cmd(&["report", "--lastweek", "--json"]),
        "report --lastweek --json",
        code::USAGE,
        "usage",
    );
    // The kind says it is a usage error; the message is clap's, without the `see` hint.
    assert_eq!(
        message,
        "unexpected argument '--lastweek' found (did you mean '--last-week'?)"
    );
    let message = rejected_json(
        &env,
        env.cmd(&["--json", "strat"]),
        "--json strat",
        code::USAGE,
        "usage",
    );
    assert!(message.contains("'start'"), "{message}");
}
