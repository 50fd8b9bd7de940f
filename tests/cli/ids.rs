//! Session ids are never reused (schema version 2): after `rm` or `cancel` of the newest
//! session, after an import, in a later process, and in a database upgraded from
//! version 1. Every command is its own process, so each step below is also a restart.
//!
//! The clock is pinned at Monday 2026-03-02 12:00 Europe/Berlin (`TestEnv::new`).

use std::path::Path;

use serde_json::Value;

use crate::env::TestEnv;

/// `add PROJECT --from FROM --to TO --json` and the new session's id.
fn add(env: &TestEnv, project: &str, from: &str, to: &str) -> i64 {
    env.json(&["add", project, "--from", from, "--to", to])["id"]
        .as_i64()
        .unwrap()
}

fn ids(env: &TestEnv) -> Vec<i64> {
    env.json(&["log", "--all"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

fn by_id(env: &TestEnv, id: i64) -> Value {
    env.json(&["log", "--all"])
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .cloned()
        .unwrap_or(Value::Null)
}

#[test]
fn rm_of_the_newest_session_does_not_free_its_id() {
    let env = TestEnv::new();
    assert_eq!(add(&env, "a", "9:00", "9:30"), 1);
    assert_eq!(add(&env, "b", "9:30", "10:00"), 2);
    assert_eq!(add(&env, "c", "10:00", "10:30"), 3);
    assert_eq!(env.json(&["rm", "3"])["id"], 3);
    assert_eq!(ids(&env), [1, 2]);
    // A script still holding "session 3" finds nothing, not the next session.
    env.ok(&["status"]);
    assert_eq!(add(&env, "d", "10:30", "11:00"), 4);
    assert_eq!(by_id(&env, 3), Value::Null);
    assert_eq!(ids(&env), [1, 2, 4]);
    // Removing everything does not reset the count either.
    for id in ["1", "2", "4"] {
        env.ok(&["rm", id]);
    }
    assert!(ids(&env).is_empty());
    assert_eq!(add(&env, "e", "8:00", "8:30"), 5);
}

#[test]
fn a_cancelled_session_does_not_free_its_id() {
    let env = TestEnv::new();
    assert_eq!(add(&env, "a", "9:00", "9:30"), 1);
    let started = env.json(&["start", "b", "--at", "11:00"]);
    assert_eq!(started["id"], 2, "{started}");
    assert_eq!(env.json(&["cancel"])["id"], 2);
    assert_eq!(ids(&env), [1]);
    assert_eq!(add(&env, "c", "10:00", "10:30"), 3);
    // And a start after a cancel takes a new id too.
    assert_eq!(env.json(&["start", "d", "--at", "11:00"])["id"], 4);
    env.ok(&["cancel"]);
    assert_eq!(env.json(&["start", "d", "--at", "11:00"])["id"], 5);
    assert_eq!(ids(&env), [1, 3, 5]);
}

#[test]
fn imported_sessions_take_ids_after_every_id_ever_used() {
    let env = TestEnv::new();
    for (p, from, to) in [("a", "9:00", "9:30"), ("b", "9:30", "10:00")] {
        add(&env, p, from, to);
    }
    let export = env.dir.path().join("export.json");
    env.ok(&[
        "export",
        "--all",
        "--format",
        "json",
        "-o",
        export.to_str().unwrap(),
    ]);
    let second = by_id(&env, 2);
    env.ok(&["rm", "2"]);
    // Watson's four frames (January 2024) come after the removed id 2.
    let watson =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/watson-frames.json");
    let summary = env.json(&["import", "watson", watson.to_str().unwrap()]);
    assert_eq!(summary["imported"], 4);
    assert_eq!(
        ids(&env),
        [3, 4, 5, 6, 1],
        "oldest first: the 2024 frames, then 2026"
    );
    // Re-importing our own export brings session 2 back (same uuid) under a new id;
    // session 1 is already there.
    let summary = env.json(&["import", "json", export.to_str().unwrap()]);
    assert_eq!(
        (
            summary["imported"].as_i64(),
            summary["already_present"].as_i64()
        ),
        (Some(1), Some(1)),
        "{summary}"
    );
    let back = by_id(&env, 7);
    assert_eq!(back["uuid"], second["uuid"], "{back}");
    assert_eq!(back["start"], second["start"]);
    assert_eq!(by_id(&env, 2), Value::Null);
    // After removing the newest imported session, the next add still moves on.
    env.ok(&["rm", "7"]);
    assert_eq!(add(&env, "c", "10:00", "10:30"), 8);
}

#[test]
fn a_database_upgraded_from_version_1_stops_reusing_ids() {
    let env = TestEnv::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db/v1.db");
    std::fs::create_dir_all(env.db().parent().unwrap()).unwrap();
    std::fs::copy(&fixture, env.db()).unwrap();
    // v1.db holds sessions 1–4, 4 running; cancelling it on the upgraded file frees nothing.
    assert_eq!(ids(&env), [1, 2, 3, 4]);
    assert_eq!(env.json(&["cancel"])["id"], 4);
    assert_eq!(add(&env, "late", "11:00", "11:30"), 5);
    env.ok(&["rm", "5"]);
    assert_eq!(env.json(&["start", "again", "--at", "11:45"])["id"], 6);
}
