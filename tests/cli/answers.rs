//! The JSON answers of `start`, `continue`, `stop` and `add` say what happened to any
//! other session: a script holding the id of the session that ran learns that it was
//! stopped, or dropped by a start in the same second.
//!
//! The clock is pinned at Monday 2026-03-02 12:00 Europe/Berlin (`TestEnv::new`).

use serde_json::{Value, json};

use crate::env::TestEnv;

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap()
}

#[test]
fn a_same_second_start_names_the_session_it_dropped() {
    let env = TestEnv::new();
    let first = env.json(&["start", "coding", "--at", "9:00"]);
    assert_eq!(first["stopped"], Value::Null);
    assert_eq!(first["dropped"], Value::Null);
    // Same second: the first session held no time and is deleted.
    let second = env.json(&["start", "writing", "+book", "--at", "9:00"]);
    assert_eq!(second["project"], "writing");
    assert_eq!(second["stopped"], Value::Null);
    assert_eq!(second["dropped"]["id"], first["id"]);
    assert_eq!(second["dropped"]["project"], "coding");
    assert_eq!(second["dropped"]["start"], "2026-03-02T09:00:00+01:00");
    let ids: Vec<i64> = env
        .json(&["log", "--all"])
        .as_array()
        .unwrap()
        .iter()
        .map(id)
        .collect();
    assert_eq!(ids, vec![id(&second)]);

    // A later start stops it: the answer carries it with its end and length.
    let third = env.json(&["start", "meeting", "--at", "10:15"]);
    assert_eq!(third["dropped"], Value::Null);
    assert_eq!(third["stopped"]["id"], second["id"]);
    assert_eq!(third["stopped"]["end"], "2026-03-02T10:15:00+01:00");
    // 09:00 to 10:15.
    assert_eq!(third["stopped"]["duration_seconds"], 4500);
    assert_eq!(third["stopped"]["tags"], json!(["book"]));
}

#[test]
fn continue_names_what_it_stopped_or_dropped_and_stop_and_add_name_nothing() {
    let env = TestEnv::new();
    let a = env.json(&["add", "coding", "--from", "8:00", "--for", "30m"]);
    // The session's own fields are where they were, and both keys are there, null.
    assert_eq!(a["end"], "2026-03-02T08:30:00+01:00");
    assert_eq!(a["stopped"], Value::Null);
    assert_eq!(a["dropped"], Value::Null);
    let b = env.json(&["start", "writing", "--at", "9:00"]);
    // `continue ID` while something runs stops it like `start`.
    let c = env.json(&["continue", &id(&a).to_string(), "--at", "9:40"]);
    assert_eq!(c["project"], "coding");
    assert_eq!(c["stopped"]["id"], b["id"]);
    assert_eq!(c["stopped"]["duration_seconds"], 2400);
    assert_eq!(c["dropped"], Value::Null);
    // And in the same second it drops it.
    let d = env.json(&["continue", &id(&b).to_string(), "--at", "9:40"]);
    assert_eq!(d["project"], "writing");
    assert_eq!(d["dropped"]["id"], c["id"]);
    assert_eq!(d["stopped"], Value::Null);
    let stopped = env.json(&["stop", "--at", "10:00"]);
    assert_eq!(stopped["id"], d["id"]);
    assert_eq!(stopped["end"], "2026-03-02T10:00:00+01:00");
    assert_eq!(stopped["stopped"], Value::Null);
    assert_eq!(stopped["dropped"], Value::Null);
}
