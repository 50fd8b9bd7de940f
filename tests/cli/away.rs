//! Away time the TUI recorded, asked about by `otium status` (text and JSON) and
//! answered by `otium away keep|cut|stop`; cut and stop undone by `otium undo`. The
//! TUI's recording is stood in for by the library call it makes. Berlin, Monday
//! 2026-03-02, "now" 15:30; every expected time is counted by hand in the comments.

use crate::env::TestEnv;

fn instant(hhmm: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-03-02T{hhmm}:00+01:00"))
        .unwrap()
        .to_utc()
}

/// `coding` running since 13:30, and the TUI saw the user away 14:02–15:22.
fn away_env() -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2026-03-02T15:30:00+01:00");
    env.ok(&["start", "coding", "+deep", "--at", "13:30"]);
    record(&env, "14:02", "15:22");
    env
}

fn record(env: &TestEnv, from: &str, to: &str) {
    let mut t = otium::Tracker::open(
        &env.db(),
        otium::config::Config::default(),
        otium::time::Clock::Fixed(instant("15:30")),
        chrono_tz::Europe::Berlin,
    )
    .unwrap();
    assert!(t.record_away(instant(from), instant(to)).unwrap().is_some());
}

#[test]
fn status_asks_about_the_gap_and_names_the_answers() {
    let env = away_env();
    let text = env.ok(&["status"]);
    assert!(
        text.contains(
            "You were away 14:02–15:22 (1h 20m). Keep it, cut it out of the session (split in two), or stop at 14:02? `otium away keep`, `otium away cut` or `otium away stop`.\n"
        ),
        "{text}"
    );
    let json = env.json(&["status"]);
    assert_eq!(json["away"][0]["from"], "2026-03-02T14:02:00+01:00");
    assert_eq!(json["away"][0]["to"], "2026-03-02T15:22:00+01:00");
    // 1h 20m = 4800 s.
    assert_eq!(json["away"][0]["seconds"], 4800);
    // Two gaps: each answer names its id.
    record(&env, "15:24", "15:29");
    let text = env.ok(&["status"]);
    assert!(text.contains("`otium away cut --id 2`"), "{text}");
}

#[test]
fn cut_splits_the_session_and_undo_joins_it_again() {
    let env = away_env();
    let text = env.ok(&["away", "cut"]);
    assert_eq!(
        text,
        "Cut 14:02–15:22 (1h 20m) out: session 1 (coding +deep) ends at 14:02; session 2 runs on from 15:22.\n"
    );
    let log = env.json(&["log"]);
    let sessions = log.as_array().unwrap();
    // 13:30–14:02 is 32 minutes; the rest runs from 15:22 with the same project and tag.
    assert_eq!(sessions.len(), 2, "{log}");
    assert_eq!(sessions[0]["end"], "2026-03-02T14:02:00+01:00");
    assert_eq!(sessions[0]["duration_seconds"], 32 * 60);
    assert_eq!(sessions[1]["start"], "2026-03-02T15:22:00+01:00");
    assert_eq!(sessions[1]["project"], "coding");
    assert_eq!(sessions[1]["tags"][0], "deep");
    assert!(sessions[1]["end"].is_null());
    // Answered: status no longer asks.
    assert!(env.json(&["status"]).get("away").is_none());
    env.ok(&["undo"]);
    let log = env.json(&["log"]);
    assert_eq!(log.as_array().unwrap().len(), 1, "{log}");
    assert!(log[0]["end"].is_null());
}

#[test]
fn stop_ends_the_session_when_the_user_left_and_keep_changes_nothing() {
    let env = away_env();
    let text = env.ok(&["away", "stop", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["answer"], "stop");
    assert_eq!(json["session"]["end"], "2026-03-02T14:02:00+01:00");
    assert!(json["resumed"].is_null());
    assert!(env.ok(&["status"]).starts_with("Nothing running."));
    env.ok(&["undo"]);
    assert!(env.ok(&["status"]).starts_with("Running: coding +deep"));

    let env = away_env();
    let before = env.json(&["log"]);
    assert_eq!(
        env.ok(&["away", "keep"]),
        "Kept 14:02–15:22 (1h 20m) in session 1 (coding +deep).\n"
    );
    assert_eq!(env.json(&["log"]), before);
    assert!(!env.ok(&["status"]).contains("You were away"));
}

#[test]
fn nothing_to_answer_is_refused_and_changes_nothing() {
    let env = away_env();
    env.ok(&["away", "keep"]);
    let bytes = env.db_bytes();
    let err = env.fails(&["away", "cut"], 5);
    assert!(
        err.contains("no away time to answer: the running session has none recorded"),
        "{err}"
    );
    let err = env.fails(&["away", "stop", "--id", "9"], 4);
    assert!(err.contains("no unanswered away time with id 9"), "{err}");
    assert_eq!(env.db_bytes(), bytes);
    env.ok(&["stop"]);
    let err = env.fails(&["away", "stop"], 5);
    assert!(err.contains("nothing is running"), "{err}");
}
