//! The change journal: `otium undo`, `otium redo`, `otium undo --list`. Every command
//! is its own process, so every test here is also an undo across processes.

use rusqlite::Connection;
use serde_json::Value;

use crate::env::{TestEnv, code};

/// The sessions as `log --all --json` lists them (ids, uuids and every field); a
/// running session's duration grows with the clock, so it is left out.
fn sessions(env: &TestEnv) -> Value {
    let mut all = env.json(&["log", "--all"]);
    for s in all.as_array_mut().unwrap() {
        if s["end"].is_null() {
            s.as_object_mut().unwrap().remove("duration_seconds");
        }
    }
    all
}

fn at(env: &mut TestEnv, hhmm: &str) {
    env.now = format!("2026-03-02T{hhmm}:00+01:00");
}

#[test]
fn every_change_kind_is_undone_and_redone_step_by_step() {
    let mut env = TestEnv::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/otium-export.csv"
    );
    env.create_db();
    let mut states = vec![sessions(&env)];
    let steps: &[(&str, &[&str])] = &[
        ("08:00", &["start", "coding", "+rust"]),
        ("08:30", &["start", "mail"]),
        ("09:00", &["stop"]),
        ("09:10", &["continue", "1"]),
        ("09:40", &["cancel"]),
        (
            "10:00",
            &["add", "review", "--from", "06:00", "--to", "07:00"],
        ),
        (
            "10:05",
            &["edit", "4", "--project", "reading", "--note", "paper"],
        ),
        ("10:10", &["rm", "2"]),
        ("10:20", &["import", "csv", fixture]),
    ];
    for (hhmm, args) in steps {
        at(&mut env, hhmm);
        env.ok(args);
        states.push(sessions(&env));
    }
    // Hand-checked landmarks: after the edit, session 4 is "reading" 06:00–07:00 with
    // a note; the import added the fixture's 2 sessions.
    let after_edit = &states[7];
    let four = after_edit
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == 4)
        .unwrap();
    assert_eq!(four["project"], "reading");
    assert_eq!(four["note"], "paper");
    assert_eq!(
        states[9].as_array().unwrap().len(),
        states[8].as_array().unwrap().len() + 2
    );
    let verbs: Vec<String> = env
        .json(&["undo", "--list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["verb"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        verbs,
        [
            "import", "rm", "edit", "add", "cancel", "continue", "stop", "start", "start"
        ]
    );
    at(&mut env, "11:00");
    // Walk all the way back: each undo restores exactly the state before its change.
    for i in (0..steps.len()).rev() {
        let out = env.json(&["undo"]);
        assert_eq!(out["action"], "undo");
        assert_eq!(out["entry"]["verb"], steps[i].1[0]);
        assert_eq!(
            sessions(&env),
            states[i],
            "after undoing step {i} ({:?})",
            steps[i].1
        );
    }
    let err = env.fails(&["undo"], code::CONFLICT);
    assert!(err.contains("nothing to undo"), "{err}");
    // And forward again.
    for (i, step) in steps.iter().enumerate() {
        let out = env.json(&["redo"]);
        assert_eq!(out["entry"]["verb"], step.1[0]);
        assert_eq!(sessions(&env), states[i + 1], "after redoing step {i}");
    }
    let err = env.fails(&["redo"], code::CONFLICT);
    assert!(err.contains("nothing to redo"), "{err}");
}

#[test]
fn undo_says_what_it_did_and_a_deleted_session_comes_back_with_its_id_and_uuid() {
    let mut env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "09:00", "--to", "10:30"]);
    let before = sessions(&env);
    env.ok(&["rm", "1"]);
    at(&mut env, "12:05");
    let text = env.ok(&["undo"]);
    assert_eq!(
        text,
        "Undid rm \u{201c}deleted session 1 (coding, 2026-03-02 09:00–10:30 Europe/Berlin)\u{201d}.\n  \
         restored session 1 (coding, 2026-03-02 09:00–10:30 Europe/Berlin)\n\
         (`otium redo` re-applies it.)\n"
    );
    assert_eq!(sessions(&env), before);
    let list = env.ok(&["undo", "--list"]);
    assert!(list.contains("undone  rm"), "{list}");
}

#[test]
fn a_new_change_after_an_undo_clears_the_redo_stack() {
    let env = TestEnv::new();
    env.ok(&["add", "a", "--from", "08:00", "--to", "09:00"]);
    env.ok(&["undo"]);
    env.ok(&["add", "b", "--from", "08:00", "--to", "09:00"]);
    let err = env.fails(&["redo"], code::CONFLICT);
    assert!(err.contains("nothing to redo"), "{err}");
    // The dropped entry is gone from the list; only b's add is left.
    let list = env.json(&["undo", "--list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["verb"], "add");
    assert_eq!(list[0]["state"], "done");
}

#[test]
fn a_whole_import_is_one_entry() {
    let env = TestEnv::new();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/otium-export.csv"
    );
    env.ok(&["add", "mine", "--from", "08:00", "--to", "09:00"]);
    env.ok(&["import", "csv", fixture]);
    let list = env.json(&["undo", "--list"]);
    assert_eq!(list[0]["verb"], "import");
    assert_eq!(list[0]["sessions"], 2);
    let out = env.json(&["undo"]);
    assert_eq!(out["entry"]["verb"], "import");
    let left = sessions(&env);
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["project"], "mine");
    // A dry run and an import that finds everything present journal nothing.
    env.ok(&["import", "csv", fixture, "--dry-run"]);
    assert_eq!(env.json(&["undo", "--list"])[0]["state"], "undone");
}

/// A change the journal did not see (another device's sync, a database edited by
/// hand): the undo that would now clash is refused, naming the clash, and the file
/// stays byte for byte as it was.
#[test]
fn an_undo_that_would_conflict_is_refused_and_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "09:00", "--to", "10:30"]);
    env.ok(&["rm", "1"]);
    // Another session now fills 10:00–11:00, written outside the journal.
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
         VALUES ('outside', 1, 1772442000, 1772445600, 'Europe/Berlin', 0, 0);",
    )
    .unwrap();
    drop(conn);
    env.ok(&["status"]);
    let before = env.db_bytes();
    let err = env.fails(&["undo"], code::CONFLICT);
    assert_eq!(
        err,
        "error: cannot undo \u{201c}deleted session 1 (coding, 2026-03-02 09:00–10:30 Europe/Berlin)\u{201d}: \
         session 1 would overlap session 2 (coding, 2026-03-02 10:00–11:00 Europe/Berlin), recorded since; \
         edit or remove session 2 first; nothing was changed\n"
    );
    assert_eq!(env.db_bytes(), before);
    // Once the clash is gone (here by hand, as it came), the same undo goes through.
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch("DELETE FROM sessions WHERE uuid = 'outside';")
        .unwrap();
    drop(conn);
    assert!(env.ok(&["undo"]).contains("restored session 1"));
}

#[test]
fn an_undo_of_a_session_changed_outside_the_journal_is_refused() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "09:00", "--to", "10:30"]);
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch("UPDATE sessions SET note = 'synced' WHERE id = 1;")
        .unwrap();
    drop(conn);
    env.ok(&["status"]);
    let before = env.db_bytes();
    let err = env.fails(&["undo"], code::CONFLICT);
    assert!(
        err.contains(
            "session 1 (coding, 2026-03-02 09:00–10:30 Europe/Berlin) has been changed since"
        ),
        "{err}"
    );
    assert_eq!(env.db_bytes(), before);
}
