//! `[reminders]` in `otium status` (text, JSON, `--format`) and `otium notify`, which
//! tells each reminder once. Times are Berlin, Monday 2026-03-02; every expected
//! duration is counted by hand in the comments.

use crate::env::TestEnv;

fn with_config(text: &str) -> TestEnv {
    let env = TestEnv::new();
    std::fs::write(env.dir.path().join("config.toml"), text).unwrap();
    env
}

#[test]
fn status_says_a_break_is_due_and_the_day_limit_is_reached() {
    let mut env = with_config(
        "[reminders]\nbreak_after = \"1h30m\"\nbreak_min = \"10m\"\nday_limit_hours = 3\n",
    );
    env.ok(&["add", "a", "--from", "07:00", "--to", "09:00"]);
    env.ok(&["start", "b", "--at", "09:05"]);
    // 09:00–09:05 is shorter than 10m: the stretch runs from 07:00 to 12:00 (5h).
    // Today: 2h + 2h 55m = 4h 55m, past the 3h limit.
    let text = env.ok(&["status"]);
    assert!(
        text.contains("reminder: break due: 5h 00m of work since 07:00 without a 10m break\n"),
        "{text}"
    );
    assert!(
        text.contains("reminder: day limit reached: 4h 55m worked today (day_limit_hours = 3)\n"),
        "{text}"
    );
    let json = env.json(&["status"]);
    assert_eq!(json["reminders"][0]["kind"], "break");
    assert_eq!(json["reminders"][1]["kind"], "day_limit");
    assert_eq!(
        env.ok(&["status", "--format", "{project} {break}"]),
        "b break due\n"
    );
    // After a real break (11:00–11:15, longer than 10m):
    env.now = "2026-03-02T12:10:00+01:00".into();
    env.ok(&["stop", "--at", "11:00"]);
    env.ok(&["start", "c", "--at", "11:15"]);
    // 11:15–12:10 is 55m of work since the 15m gap: no break due; the day (2h + 1h 55m
    // + 55m = 4h 50m) is still past the limit.
    let json = env.json(&["status"]);
    assert_eq!(json["reminders"].as_array().unwrap().len(), 1);
    assert_eq!(json["reminders"][0]["kind"], "day_limit");
    assert_eq!(env.ok(&["status", "--format", "[{break}]"]), "[]\n");
}

#[test]
fn the_eu_preset_asks_for_a_rest_break_after_six_hours() {
    let mut env = with_config("limits = \"eu\"\n");
    env.ok(&["add", "a", "--from", "06:00", "--to", "09:00"]);
    env.ok(&["start", "b", "--at", "09:10"]);
    // 12:00: 3h + 2h 50m = 5h 50m, not longer than six hours.
    assert!(env.json(&["status"]).get("reminders").is_none());
    // 12:20: 3h + 3h 10m = 6h 10m, and the 10m gap is under the preset's 15m.
    env.now = "2026-03-02T12:20:00+01:00".into();
    let text = env.ok(&["status"]);
    assert!(
        text.contains("reminder: rest break due: 6h 10m worked today without a 15m break, and the EU rule (2003/88/EC art. 4)"),
        "{text}"
    );
}

#[test]
fn notify_tells_nothing_running_once() {
    let env = with_config("[reminders]\nnothing_running = \"09:30\"\n");
    // Monday 12:00, nothing tracked.
    assert_eq!(
        env.ok(&["notify"]),
        "reminder: nothing is being tracked since 09:30 on a workday; `otium start PROJECT` starts a session\n"
    );
    assert_eq!(env.ok(&["notify"]), "");
    assert_eq!(env.json(&["notify"]), serde_json::json!([]));
    // status still shows it (status only looks; notify remembers).
    assert!(
        env.ok(&["status"])
            .contains("reminder: nothing is being tracked")
    );
}

#[test]
fn a_bad_reminder_value_names_the_key() {
    let env = with_config("[reminders]\nbreak_after = \"soon\"\n");
    let err = env.fails(&["status"], crate::env::code::CONFIG);
    assert!(
        err.contains("break_after") && err.contains("\"soon\" is not a length of time"),
        "{err}"
    );
}
