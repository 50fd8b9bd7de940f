//! start, stop, status, cancel, continue, add, log, edit, rm, projects, tags.

use crate::env::{TestEnv, code};

#[test]
fn start_status_stop_round_trip() {
    let env = TestEnv::new();
    let started = env.json(&[
        "start",
        "writing",
        "+draft",
        "+book",
        "--note",
        "chapter 3",
        "--at",
        "9:15",
    ]);
    assert_eq!(started["project"], "writing");
    assert_eq!(started["tags"], serde_json::json!(["book", "draft"]));
    assert_eq!(started["start"], "2026-03-02T09:15:00+01:00");
    assert_eq!(started["end"], serde_json::Value::Null);
    // 09:15 to 12:00 is 2 h 45 min.
    assert_eq!(started["duration_seconds"], 9900);
    let status = env.json(&["status"]);
    assert_eq!(status["running"], true);
    assert_eq!(status["session"]["id"], started["id"]);
    let stopped = env.json(&["stop", "--at", "10 min ago"]);
    assert_eq!(stopped["end"], "2026-03-02T11:50:00+01:00");
    assert_eq!(stopped["duration_seconds"], 9300);
    assert_eq!(
        env.json(&["status"]),
        serde_json::json!({"running": false, "session": null})
    );
}

#[test]
fn session_json_has_the_documented_keys_in_order() {
    let env = TestEnv::new();
    let out = env.ok(&["add", "coding", "--from", "9:00", "--to", "10:00", "--json"]);
    let keys: Vec<&str> = [
        "id",
        "uuid",
        "project",
        "tags",
        "note",
        "start",
        "end",
        "duration_seconds",
        "zone",
    ]
    .to_vec();
    let mut at = 0;
    for key in &keys {
        let pos = out
            .find(&format!("\"{key}\":"))
            .unwrap_or_else(|| panic!("{key} missing in {out}"));
        assert!(pos >= at, "{key} out of order in {out}");
        at = pos;
    }
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // The answer of `add` adds what happened to other sessions after the session's
    // own keys (README: "JSON for scripts"); a session in `log` has exactly the nine.
    let mut answer: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = keys.clone();
    expected.extend(["stopped", "dropped"]);
    answer.sort_unstable();
    expected.sort_unstable();
    assert_eq!(answer, expected);
    assert!(out.find("\"zone\":").unwrap() < out.find("\"stopped\":").unwrap());
    assert!(out.find("\"stopped\":").unwrap() < out.find("\"dropped\":").unwrap());
    let listed = env.json(&["log", "--all"]);
    assert_eq!(listed[0].as_object().unwrap().len(), keys.len());
    assert_eq!(v["uuid"].as_str().unwrap().len(), 36);
    assert_eq!(v["zone"], "Europe/Berlin");
    assert_eq!(v["note"], serde_json::Value::Null);
}

#[test]
fn start_while_running_stops_the_running_one_at_the_same_instant() {
    let env = TestEnv::new();
    env.ok(&["start", "writing", "--at", "9:00"]);
    let text = env.ok(&["start", "coding", "--at", "10:30"]);
    assert!(
        text.contains("Stopped writing (session 1) at 10:30 after 1h 30m."),
        "{text}"
    );
    assert!(
        text.contains("Started coding at 10:30 (session 2)."),
        "{text}"
    );
    let all = env.json(&["log", "--all"]);
    assert_eq!(all[0]["end"], "2026-03-02T10:30:00+01:00");
    assert_eq!(all[1]["start"], "2026-03-02T10:30:00+01:00");
    assert_eq!(all[1]["end"], serde_json::Value::Null);
}

#[test]
fn start_at_the_same_second_replaces_the_empty_running_session() {
    let env = TestEnv::new();
    env.ok(&["start", "writing"]);
    let text = env.ok(&["start", "coding"]);
    assert!(text.contains("Dropped writing (session 1)"), "{text}");
    let all = env.json(&["log", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["project"], "coding");
}

#[test]
fn cancel_drops_the_running_session() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "8:00", "--to", "9:00"]);
    env.ok(&["start", "writing", "--at", "11:00"]);
    let cancelled = env.json(&["cancel"]);
    assert_eq!(cancelled["project"], "writing");
    assert_eq!(cancelled["duration_seconds"], 3600);
    let all = env.json(&["log", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(env.json(&["status"])["running"], false);
}

#[test]
fn continue_restarts_the_last_or_given_session() {
    let env = TestEnv::new();
    env.ok(&[
        "add", "writing", "+book", "--from", "8:00", "--to", "9:00", "--note", "ch 3",
    ]);
    env.ok(&[
        "add", "coding", "+review", "--from", "9:00", "--to", "10:00",
    ]);
    let last = env.json(&["continue", "--at", "10:15"]);
    assert_eq!(last["project"], "coding");
    assert_eq!(last["tags"], serde_json::json!(["review"]));
    assert_eq!(last["start"], "2026-03-02T10:15:00+01:00");
    // Continuing session 1 stops the running continuation at the same instant.
    let first = env.json(&["continue", "1", "--at", "11:00"]);
    assert_eq!(first["project"], "writing");
    assert_eq!(first["note"], "ch 3");
    assert_eq!(first["tags"], serde_json::json!(["book"]));
    let stopped = env.json(&["log", "--all"])[2].clone();
    assert_eq!(stopped["end"], "2026-03-02T11:00:00+01:00");
    assert_eq!(stopped["duration_seconds"], 2700);
}

#[test]
fn add_accepts_every_documented_form() {
    let env = TestEnv::new();
    let a = env.json(&[
        "add",
        "coding",
        "+review",
        "--from",
        "yesterday 14:00",
        "--to",
        "yesterday 15:30",
        "--note",
        "PR 12",
    ]);
    assert_eq!(a["start"], "2026-03-01T14:00:00+01:00");
    assert_eq!(a["duration_seconds"], 5400);
    let b = env.json(&[
        "add",
        "coding",
        "--from",
        "2026-03-02T08:00",
        "--for",
        "1h15m",
    ]);
    assert_eq!(b["end"], "2026-03-02T09:15:00+01:00");
    let c = env.json(&[
        "add",
        "coding",
        "--from",
        "2026-02-27 10:00",
        "--for",
        "1.5h",
    ]);
    assert_eq!(c["end"], "2026-02-27T11:30:00+01:00");
    let d = env.json(&[
        "add",
        "coding",
        "--from",
        "2026-02-26T10:00:00+00:00",
        "--for",
        "1:30",
    ]);
    // 10:00 UTC is 11:00 in Berlin.
    assert_eq!(d["start"], "2026-02-26T11:00:00+01:00");
    assert_eq!(d["duration_seconds"], 5400);
    let e = env.json(&["add", "coding", "--from", "-90m", "--to", "-30m"]);
    assert_eq!(e["start"], "2026-03-02T10:30:00+01:00");
    assert_eq!(e["end"], "2026-03-02T11:30:00+01:00");
    let f = env.json(&[
        "add",
        "coding",
        "--from",
        "2026-02-25 9:00",
        "--to",
        "17:00",
    ]);
    // A bare --to falls on the --from day.
    assert_eq!(f["end"], "2026-02-25T17:00:00+01:00");
}

#[test]
fn a_session_across_midnight_keeps_its_full_length() {
    let env = TestEnv::new();
    let s = env.json(&[
        "add",
        "coding",
        "--from",
        "2026-02-28 23:00",
        "--to",
        "2026-03-01 01:30",
    ]);
    assert_eq!(s["duration_seconds"], 9000);
    let text = env.ok(&["log", "--from", "2026-02-28", "--to", "2026-02-28"]);
    assert!(text.contains("23:00–01:30+1"), "{text}");
    // The session also shows on the day it reaches into.
    let next = env.json(&["log", "--from", "2026-03-01", "--to", "2026-03-01"]);
    assert_eq!(next.as_array().unwrap().len(), 1);
}

#[test]
fn log_ranges_select_the_right_days() {
    let env = TestEnv::new();
    // Monday 2026-03-02 is today; Sunday 03-01 is yesterday and in last week.
    env.ok(&["add", "a", "--from", "2026-02-23 09:00", "--for", "1h"]);
    env.ok(&["add", "b", "--from", "2026-03-01 09:00", "--for", "1h"]);
    env.ok(&["add", "c", "--from", "2026-03-02 09:00", "--for", "1h"]);
    let projects = |args: &[&str]| -> Vec<String> {
        env.json(args)
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["project"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(projects(&["log", "--today"]), ["c"]);
    assert_eq!(projects(&["log", "--yesterday"]), ["b"]);
    assert_eq!(projects(&["log", "--week"]), ["c"]);
    assert_eq!(projects(&["log"]), ["c"]);
    assert_eq!(projects(&["log", "--all"]), ["a", "b", "c"]);
    assert_eq!(projects(&["log", "--from", "2026-02-24"]), ["b", "c"]);
    assert_eq!(
        projects(&["log", "--from", "2026-02-23", "--to", "2026-03-01"]),
        ["a", "b"]
    );
    assert_eq!(projects(&["log", "--last-week"]), ["a", "b"]);
    assert_eq!(projects(&["log", "--month", "2026-02"]), ["a"]);
    assert_eq!(projects(&["log", "--month"]), ["b", "c"]);
    let text = env.ok(&["log", "--all"]);
    assert!(text.contains("Sun 2026-03-01    1h 00m"), "{text}");
    assert!(
        text.contains("     2  09:00–10:00      1h 00m  b"),
        "{text}"
    );
}

#[test]
fn week_start_comes_from_the_config() {
    let env = TestEnv::new();
    std::fs::write(
        env.dir.path().join("config.toml"),
        "week_start = \"sunday\"\n",
    )
    .unwrap();
    env.ok(&["add", "b", "--from", "2026-03-01 09:00", "--for", "1h"]);
    env.ok(&["add", "a", "--from", "2026-02-28 09:00", "--for", "1h"]);
    let week = env.json(&["log", "--week"]);
    assert_eq!(week.as_array().unwrap().len(), 1);
    assert_eq!(week[0]["project"], "b");
}

#[test]
fn edit_changes_fields_on_the_sessions_own_day() {
    let env = TestEnv::new();
    env.ok(&[
        "add",
        "coding",
        "+x",
        "+y",
        "--from",
        "yesterday 14:00",
        "--to",
        "yesterday 15:00",
        "--note",
        "n",
    ]);
    let e = env.json(&[
        "edit",
        "1",
        "--project",
        "writing",
        "--from",
        "9:00",
        "--to",
        "10:30",
        "--note",
        "new",
        "--add-tag",
        "z",
        "--rm-tag",
        "y",
    ]);
    assert_eq!(e["project"], "writing");
    assert_eq!(e["start"], "2026-03-01T09:00:00+01:00");
    assert_eq!(e["end"], "2026-03-01T10:30:00+01:00");
    assert_eq!(e["note"], "new");
    assert_eq!(e["tags"], serde_json::json!(["x", "z"]));
    assert_eq!(
        env.json(&["edit", "1", "--note", ""])["note"],
        serde_json::Value::Null
    );
}

#[test]
fn edit_to_on_a_running_session_stops_it() {
    let env = TestEnv::new();
    env.ok(&["start", "coding", "--at", "9:00"]);
    let e = env.json(&["edit", "1", "--to", "11:00"]);
    assert_eq!(e["duration_seconds"], 7200);
    assert_eq!(env.json(&["status"])["running"], false);
}

#[test]
fn rm_deletes_and_reports_the_session() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "9:00", "--to", "10:00"]);
    env.ok(&["add", "writing", "--from", "10:00", "--to", "11:00"]);
    let removed = env.json(&["rm", "1"]);
    assert_eq!(removed["project"], "coding");
    let all = env.json(&["log", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["id"], 2);
    env.fails(&["rm", "1"], code::NOT_FOUND);
}

#[test]
fn projects_and_tags_list_totals() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "+review", "--from", "8:00", "--for", "30m"]);
    env.ok(&["add", "coding", "--from", "9:00", "--for", "1h"]);
    env.ok(&[
        "add", "writing", "+review", "+draft", "--from", "10:00", "--for", "15m",
    ]);
    env.ok(&["start", "writing", "--at", "11:00"]);
    let projects = env.json(&["projects"]);
    assert_eq!(projects[0]["name"], "coding");
    assert_eq!(projects[0]["sessions"], 2);
    assert_eq!(projects[0]["total_seconds"], 5400);
    // 15 min done + the running hour from 11:00 to 12:00.
    assert_eq!(projects[1]["total_seconds"], 4500);
    let tags = env.json(&["tags"]);
    assert_eq!(
        tags,
        serde_json::json!([
            {"name": "draft", "sessions": 1, "total_seconds": 900},
            {"name": "review", "sessions": 2, "total_seconds": 2700},
        ])
    );
    let text = env.ok(&["projects"]);
    assert!(text.contains("coding") && text.contains("1h 30m"), "{text}");
}

#[test]
fn status_in_words() {
    let env = TestEnv::new();
    env.create_db();
    assert!(env.ok(&["status"]).contains("no sessions yet"));
    env.ok(&[
        "start",
        "writing",
        "+book",
        "-n",
        "chapter 3",
        "--at",
        "9:15",
    ]);
    let text = env.ok(&["status"]);
    assert!(
        text.contains("Running: writing +book · chapter 3"),
        "{text}"
    );
    assert!(
        text.contains("Since Mon 2026-03-02 09:15 (session 1), 2h 45m so far."),
        "{text}"
    );
    env.ok(&["stop", "--at", "10:00"]);
    let text = env.ok(&["status"]);
    assert!(
        text.contains("Nothing running.") && text.contains("09:15–10:00"),
        "{text}"
    );
}

#[test]
fn without_a_terminal_the_tui_says_what_to_do() {
    let env = TestEnv::new();
    for args in [&[][..], &["--demo"][..]] {
        let err = env.fails(args, 8);
        assert!(
            err.contains("needs a terminal") && err.contains("otium status"),
            "{err}"
        );
    }
    // Refused before the database is opened: nothing was created.
    assert!(!env.db().exists(), "{} was created", env.db().display());
}

#[test]
fn default_paths_are_private_and_follow_home() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let home = env.dir.path().join("home");
    let out = env
        .cmd(&["start", "x"])
        .env_remove("OTIUM_DB")
        .env("OTIUM_DB", "")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = home.join("data").join("otium");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("otium.db")), 0o600);
    // The explicit path wins over the default and is private too.
    env.ok(&["start", "y"]);
    assert_eq!(mode(&env.db()), 0o600);
    assert_eq!(mode(env.db().parent().unwrap()), 0o700);
}

#[test]
fn log_rows_add_up_to_the_day_total_shown() {
    let env = TestEnv::new();
    // Three sessions of 20 min 30 s: the day is 61.5 min, shown as 62 (halves up).
    // Rows share the 62 by largest remainder: 20 whole minutes each, and the two
    // missing minutes go to the first two (equal remainders: earlier first): 21 + 21 + 20.
    for from in ["2026-03-02 09:00", "2026-03-02 10:00", "2026-03-02 11:00"] {
        env.ok(&["add", "a", "--from", from, "--for", "20m30s"]);
    }
    let text = env.ok(&["log", "--today"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Mon 2026-03-02    1h 02m", "{text}");
    let shown: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(shown, ["21m", "21m", "20m"], "{text}");
    // `report` shows the same total.
    let report = env.ok(&["report", "--today"]);
    assert!(report.contains("1h 02m"), "{report}");
    // Totals per project round to the nearest minute, as the report does.
    let projects = env.ok(&["projects"]);
    assert!(projects.contains("1h 02m"), "{projects}");
}

#[test]
fn a_note_may_start_with_a_dash() {
    let env = TestEnv::new();
    let added = env.json(&[
        "add", "a", "--from", "9:00", "--for", "1h", "--note", "-2+3",
    ]);
    assert_eq!(added["note"], "-2+3");
    env.ok(&["start", "b", "-n", "- follow up"]);
    assert_eq!(env.json(&["status"])["session"]["note"], "- follow up");
    // A negative duration reaches the duration parser and is refused there (exit 3).
    let message = env.fails(&["add", "c", "--from", "7:00", "--for", "-1h"], 3);
    assert!(message.contains("-1h"), "{message}");
}

#[test]
fn every_answer_rounds_a_length_to_the_nearest_minute() {
    // 59 min 40 s: "1h 00m" in the answer of add, in log and in projects alike.
    let env = TestEnv::new();
    let added = env.ok(&["add", "a", "--from", "9:00", "--for", "59m40s"]);
    assert!(added.contains("1h 00m"), "{added}");
    assert!(env.ok(&["log", "--today"]).contains("1h 00m"));
    assert!(env.ok(&["projects"]).contains("1h 00m"));
    // Under a minute the seconds are shown.
    let short = env.ok(&["add", "b", "--from", "10:30", "--for", "45s"]);
    assert!(short.contains("45s"), "{short}");
}
