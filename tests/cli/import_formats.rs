//! `otium import` from the formats people leave from: Clockify, Kimai, the Toggl API,
//! klog and timeclock. One hand-written fixture per format (tests/fixtures/import/,
//! written from each format's documentation), with totals counted by hand:
//!
//! - clockify-detailed.csv (YYYY-MM-DD, 24-hour) and clockify-us-12h.csv (MM/DD/YYYY,
//!   12-hour, CRLF): the same 3 entries, 1h30 + 0h15 + 1h15 (23:30 to 00:45) = 10800 s.
//! - kimai-export.csv: 4 rows, one running; 3h15 + 0h45 + 2h30 (22:30 to 01:00 the
//!   next day) = 23400 s.
//! - toggl-api-entries.json: 5 entries, one deleted in Toggl, one running; 1h30 +
//!   0h30 (no stop: its duration) + 1h15 = 11700 s.
//! - times.klg: 2024-01-15: 4h + 4h + 1h − 30m break = 8h30; 2024-01-16: 2h15 + 2h +
//!   30m + 45m = 5h30; one open range: 50400 s in 7 sessions, 8 read.
//! - work.timeclock: client:acme 1h30 + 2h15 = 13500 s, admin 0h45 + 0h30 = 4500 s;
//!   hledger's `bal` says 3.75h and 1.25h (checked against the real hledger when it is
//!   installed).

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::env::{TestEnv, code};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn file(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn sessions(env: &TestEnv) -> Vec<Value> {
    env.json(&["log", "--all"]).as_array().unwrap().clone()
}

/// Each session as (start, end, project, tags, note).
fn brief(env: &TestEnv) -> Vec<(String, String, String, Value, Value)> {
    sessions(env)
        .iter()
        .map(|s| {
            (
                s["start"].as_str().unwrap().to_string(),
                s["end"].as_str().unwrap().to_string(),
                s["project"].as_str().unwrap().to_string(),
                s["tags"].clone(),
                s["note"].clone(),
            )
        })
        .collect()
}

fn project_seconds(env: &TestEnv, name: &str) -> i64 {
    env.json(&["projects"])
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .map_or(0, |p| p["total_seconds"].as_i64().unwrap())
}

/// A database with one session, so a refused import can be compared byte for byte.
fn seeded() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["add", "seed", "--from", "2026-03-02 08:00", "--for", "1h"]);
    env
}

#[test]
fn clockify_reads_both_layouts_and_says_which() {
    let env = TestEnv::new();
    let iso = env.run(&["import", "clockify", &fixture("clockify-detailed.csv")]);
    assert!(iso.status.success());
    let text =
        String::from_utf8_lossy(&iso.stdout).to_string() + &String::from_utf8_lossy(&iso.stderr);
    assert!(
        text.contains(
            "read Clockify dates as YYYY-MM-DD and 24-hour times (decided from the first row)"
        ),
        "{text}"
    );
    assert!(text.contains("Imported 3 session(s) (3h 00m)"), "{text}");
    let s = brief(&env);
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].0, "2024-01-15T09:00:00+01:00");
    assert_eq!(s[0].1, "2024-01-15T10:30:00+01:00");
    assert_eq!(s[0].2, "Website");
    assert_eq!(s[0].3, json!(["review", "writing"]));
    assert_eq!(s[0].4, "Homepage copy");
    assert_eq!(s[1].4, "Standup, with a comma");
    assert_eq!(s[2].1, "2024-01-16T00:45:00+01:00");
    assert_eq!(s[2].2, "(no project)");
    assert_eq!(project_seconds(&env, "Website"), 5400 + 900);

    // The US layout of the same entries: the same sessions, so all already present.
    let us = env.run(&["import", "clockify", &fixture("clockify-us-12h.csv")]);
    let text =
        String::from_utf8_lossy(&us.stdout).to_string() + &String::from_utf8_lossy(&us.stderr);
    assert!(
        text.contains("MM/DD/YYYY and 12-hour times (AM/PM)"),
        "{text}"
    );
    let again = env.json(&["import", "clockify", &fixture("clockify-us-12h.csv")]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["already_present"], 3);
    let fresh = TestEnv::new();
    let summary = fresh.json(&["import", "clockify", &fixture("clockify-us-12h.csv")]);
    assert_eq!(summary["imported_seconds"], 10800);
    assert_eq!(brief(&fresh), s);
}

#[test]
fn clockify_refuses_a_file_that_changes_layout() {
    let env = seeded();
    let before = env.db_bytes();
    let path = file(
        &env,
        "mixed.csv",
        "Project,Description,Tags,Start Date,Start Time,End Date,End Time\n\
         a,,,2024-01-15,09:00:00,2024-01-15,10:00:00\n\
         a,,,01/16/2024,09:00:00,01/16/2024,10:00:00\n",
    );
    let err = env.fails(&["import", "clockify", &path], code::INVALID);
    assert!(
        err.contains("mixed.csv:3:4: \"01/16/2024\" is not a YYYY-MM-DD date"),
        "{err}"
    );
    let path = file(
        &env,
        "clock.csv",
        "Project,Description,Tags,Start Date,Start Time,End Date,End Time\n\
         a,,,2024-01-15,09:00:00 AM,2024-01-15,14:00:00\n",
    );
    let err = env.fails(&["import", "clockify", &path], code::INVALID);
    assert!(
        err.contains("clock.csv:2:7: \"14:00:00\" is not a time like 02:30:00 PM"),
        "{err}"
    );
    let err = env.fails(
        &["import", "clockify", &fixture("kimai-export.csv")],
        code::INVALID,
    );
    assert!(
        err.contains("wrong columns: Start Date, Start Time, End Date, End Time missing"),
        "{err}"
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn kimai_export_with_activities_night_shifts_and_a_running_entry() {
    let env = TestEnv::new();
    let summary = env.json(&["import", "kimai", &fixture("kimai-export.csv")]);
    assert_eq!(summary["read"], 4);
    assert_eq!(summary["imported"], 3);
    assert_eq!(summary["imported_seconds"], 23400);
    assert_eq!(summary["skipped_reasons"][0]["reason"], "running");
    let s = brief(&env);
    assert_eq!(s[0].2, "Website");
    assert_eq!(s[0].3, json!(["Development", "frontend", "urgent"]));
    assert_eq!(s[0].4, "Checkout totals, rounding");
    assert_eq!(s[1].3, json!(["Sprint-review"]));
    assert_eq!(s[2].0, "2024-01-15T22:30:00+01:00");
    assert_eq!(s[2].1, "2024-01-16T01:00:00+01:00");
    assert_eq!(project_seconds(&env, "Support"), 9000);
}

#[test]
fn kimai_german_headers_and_a_duration_longer_than_a_day() {
    let env = TestEnv::new();
    let path = file(
        &env,
        "kimai-de.csv",
        "Datum,Von,Bis,Dauer,Kunde,Projekt,Tätigkeit,Beschreibung,Schlagworte\n\
         15.01.2024,09:00,11:00,\"26,0\",Acme,Umzug,Packen,Kisten,\n",
    );
    let summary = env.json(&["import", "kimai", &path, "--allow-long"]);
    assert_eq!(summary["imported_seconds"], 26 * 3600);
    let s = brief(&env);
    assert_eq!(s[0].1, "2024-01-16T11:00:00+01:00");
    assert_eq!(s[0].3, json!(["Packen"]));

    let bad = seeded();
    let before = bad.db_bytes();
    let path = file(
        &bad,
        "bad.csv",
        "Date,Begin,End,Project,Description\n2024-01-15,09:00,10:00,a,\n2024-01-15,11:00,12:75,a,\n",
    );
    let err = bad.fails(&["import", "kimai", &path], code::INVALID);
    assert!(
        err.contains("bad.csv:3:3: \"12:75\" is not a time like 17:30"),
        "{err}"
    );
    let path = file(&bad, "cols.csv", "Date,End,Project\n");
    let err = bad.fails(&["import", "kimai", &path], code::INVALID);
    assert!(
        err.contains("cols.csv:1:1: wrong columns: Begin, Description missing"),
        "{err}"
    );
    assert_eq!(bad.db_bytes(), before);
}

#[test]
fn toggl_api_entries_with_and_without_a_projects_file() {
    let env = TestEnv::new();
    let entries = fixture("toggl-api-entries.json");
    let summary = env.json(&["import", "toggl-api", &entries]);
    assert_eq!(summary["format"], "toggl-api");
    assert_eq!(summary["read"], 4, "the deleted entry is not read");
    assert_eq!(summary["imported"], 3);
    assert_eq!(summary["imported_seconds"], 11700);
    assert_eq!(summary["skipped"], 1);
    let s = brief(&env);
    assert_eq!(s[0].0, "2024-01-15T09:00:00+01:00");
    assert_eq!(s[0].2, "Toggl project 501");
    assert_eq!(s[0].3, json!(["backend", "code-review"]));
    assert_eq!(
        s[1].1, "2024-01-15T11:30:00+01:00",
        "no stop: start + duration"
    );
    assert_eq!(s[1].2, "(no project)");
    assert_eq!(s[2].0, "2024-01-15T12:00:00+01:00");

    let named = TestEnv::new();
    let projects = fixture("toggl-api-projects.json");
    let args = [
        "import",
        "toggl-api",
        entries.as_str(),
        "--projects",
        projects.as_str(),
    ];
    named.json(&args);
    assert_eq!(project_seconds(&named, "Platform"), 5400);
    assert_eq!(project_seconds(&named, "Ops & on-call"), 4500);
    let again = named.json(&args);
    assert_eq!(
        (again["imported"].clone(), again["already_present"].clone()),
        (json!(0), json!(3))
    );

    let bad = seeded();
    let before = bad.db_bytes();
    let few = file(&bad, "few.json", r#"[{"id": 501, "name": "Platform"}]"#);
    let err = bad.fails(
        &["import", "toggl-api", &entries, "--projects", &few],
        code::INVALID,
    );
    assert!(
        err.contains("time entry 3: project id 502 is not in the projects file"),
        "{err}"
    );
    let err = bad.fails(
        &["import", "kimai", &entries, "--projects", &few],
        code::INVALID,
    );
    assert!(
        err.contains("--projects names Toggl API project ids"),
        "{err}"
    );
    let broken = file(
        &bad,
        "broken.json",
        "[{\"start\": \"2024-01-15 09:00\", \"stop\": null}]",
    );
    let err = bad.fails(&["import", "toggl-api", &broken], code::INVALID);
    assert!(err.contains("broken.json:1:"), "{err}");
    assert!(
        err.contains("time entry 1: start \"2024-01-15 09:00\" is not an RFC 3339 time"),
        "{err}"
    );
    assert_eq!(bad.db_bytes(), before);
}

#[test]
fn klog_records_ranges_durations_breaks_and_tags() {
    let env = TestEnv::new();
    let summary = env.json(&["import", "klog", &fixture("times.klg")]);
    assert_eq!(summary["read"], 8);
    assert_eq!(summary["imported"], 7);
    assert_eq!(summary["imported_seconds"], 50400);
    assert_eq!(summary["skipped_reasons"][0]["reason"], "running");
    // The record's #project=website names the project; its #home tags every entry.
    assert_eq!(project_seconds(&env, "website"), 30600);
    let s = brief(&env);
    assert_eq!(s[1].3, json!(["home", "review"]));
    assert_eq!(s[1].4, "Code review for the checkout #review");
    // 1h placed after the record's last range (16:30), then the 30m break taken off it.
    assert_eq!(
        (s[2].0.as_str(), s[2].1.as_str()),
        ("2024-01-15T16:30:00+01:00", "2024-01-15T17:00:00+01:00")
    );
    // `<23:30 - 0:15` of 2024-01-16 starts the day before.
    assert_eq!(
        (s[3].0.as_str(), s[3].1.as_str()),
        ("2024-01-15T23:30:00+01:00", "2024-01-16T00:15:00+01:00")
    );
    // 9:00am - 11:15am, then 2h and 30m back to back from 11:15.
    assert_eq!(s[4].3, json!(["meetings"]));
    assert_eq!(
        (s[5].0.as_str(), s[5].1.as_str()),
        ("2024-01-16T11:15:00+01:00", "2024-01-16T13:15:00+01:00")
    );
    assert_eq!(
        (s[6].0.as_str(), s[6].1.as_str()),
        ("2024-01-16T13:15:00+01:00", "2024-01-16T13:45:00+01:00")
    );
    let again = env.json(&["import", "klog", &fixture("times.klg")]);
    assert_eq!(again["already_present"], 7);
}

#[test]
fn klog_durations_alone_start_at_nine() {
    let env = TestEnv::new();
    let path = file(&env, "d.klg", "2024-01-15\n\t2h #a\n\t45m\n");
    env.json(&["import", "klog", &path]);
    let s = brief(&env);
    assert_eq!(
        (s[0].0.as_str(), s[0].1.as_str()),
        ("2024-01-15T09:00:00+01:00", "2024-01-15T11:00:00+01:00")
    );
    assert_eq!(
        (s[1].0.as_str(), s[1].1.as_str()),
        ("2024-01-15T11:00:00+01:00", "2024-01-15T11:45:00+01:00")
    );
}

#[test]
fn klog_refuses_what_the_specification_forbids() {
    let env = seeded();
    let before = env.db_bytes();
    let cases = [
        (
            "2024-01-15\n    8:00 - 9:00\n  9:00 - 10:00\n",
            ":3:1: the indentation differs",
        ),
        (
            "2024-01-15\n    10:00 - 9:00\n",
            ":2:5: the range ends before it starts",
        ),
        (
            "2024-01-15\n    8:00 - ?\n    9:00 - ?\n",
            ":3:5: a second open range",
        ),
        ("2024-01-15\n    1h\n    -2h\n", ":3:1: the record's breaks"),
        (
            "15.01.2024\n    1h\n",
            ":1:1: \"15.01.2024\" is not a klog date",
        ),
        (
            "2024-01-15 8h\n    1h\n",
            ":1:12: \"8h\" after the date is not a should-total",
        ),
        (
            "2024-01-15\n    1h\nnotes\n",
            ":3:1: a line that is not indented after the entries",
        ),
        ("    1h\n", ":1:1: an indented line outside a record"),
        (
            "2024-01-15\n    lunch\n",
            ":2:5: \"lunch\" is not a klog entry",
        ),
    ];
    for (text, want) in cases {
        let path = file(&env, "bad.klg", text);
        let err = env.fails(&["import", "klog", &path], code::INVALID);
        assert!(err.contains(&format!("bad.klg{want}")), "{text:?}: {err}");
    }
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn timeclock_sessions_by_account() {
    let env = TestEnv::new();
    let summary = env.json(&["import", "timeclock", &fixture("work.timeclock")]);
    assert_eq!(summary["imported"], 4);
    assert_eq!(summary["imported_seconds"], 18000);
    assert_eq!(project_seconds(&env, "client:acme"), 13500);
    assert_eq!(project_seconds(&env, "admin"), 4500);
    let s = brief(&env);
    assert_eq!(s[0].4, "fix the login");
    assert_eq!(s[1].4, Value::Null);

    // Across midnight, an explicit offset, concurrent sessions and a running one.
    let more = TestEnv::new();
    let path = file(
        &more,
        "more.timeclock",
        "i 2024-01-15 23:00:00 night  deploy\no 2024-01-16 01:30\n\
         i 2024-01-17 09:00+0000 remote ; from Lisbon\no 2024-01-17 10:00+0000\n\
         i 2024-01-18 09:00 a\ni 2024-01-18 10:00 b\no 2024-01-18 10:30 a\no 2024-01-18 11:00\n\
         i 2024-01-19 08:00 open\n",
    );
    let summary = more.json(&["import", "timeclock", &path, "--skip-conflicts"]);
    assert_eq!(summary["read"], 5);
    assert_eq!(summary["imported_seconds"], 9000 + 3600 + 5400);
    assert_eq!(summary["skipped_reasons"][0]["reason"], "overlap");
    assert_eq!(summary["skipped_reasons"][1]["reason"], "running");
    let s = brief(&more);
    assert_eq!(s[1].0, "2024-01-17T10:00:00+01:00");
    assert_eq!(s[1].4, "from Lisbon");

    let bad = seeded();
    let before = bad.db_bytes();
    let cases = [
        (
            "o 2024-01-15 10:00\n",
            ":1:1: a clock-out with no session clocked in",
        ),
        (
            "i 2024-01-15 09:00 a\no 2024-01-15 10:00 b\n",
            ":2:1: a clock-out of \"b\"",
        ),
        ("i 2024-01-15 9:00 a\n", ":1:14: \"9:00\" is not a time"),
        (
            "i 2024-13-15 09:00 a\n",
            ":1:3: \"2024-13-15\" is not a date",
        ),
        ("i 2024-01-15 09:00\n", ":1:19: a clock-in needs an account"),
        (
            "x 2024-01-15 09:00\n",
            ":1:1: expected `i DATE TIME ACCOUNT`",
        ),
    ];
    for (text, want) in cases {
        let path = file(&bad, "bad.timeclock", text);
        let err = bad.fails(&["import", "timeclock", &path], code::INVALID);
        assert!(
            err.contains(&format!("bad.timeclock{want}")),
            "{text:?}: {err}"
        );
    }
    assert_eq!(bad.db_bytes(), before);
}

/// hledger's own report of the fixture: `account → seconds` from `bal -O csv`.
fn hledger_balances(path: &str) -> Option<Vec<(String, i64)>> {
    let out = std::process::Command::new("hledger")
        .args(["-f", path, "bal", "-O", "csv"])
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "hledger failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    Some(
        text.lines()
            .skip(1)
            .map(|line| {
                let cells: Vec<&str> = line.split(',').map(|c| c.trim_matches('"')).collect();
                let hours: f64 = cells[1].trim_end_matches('h').parse().unwrap();
                #[allow(clippy::cast_possible_truncation)]
                (cells[0].to_string(), (hours * 3600.0).round() as i64)
            })
            .collect(),
    )
}

#[test]
fn timeclock_totals_equal_hledgers_balance() {
    let path = fixture("work.timeclock");
    let Some(balances) = hledger_balances(&path) else {
        eprintln!(
            "skipped: hledger is not installed (apt-get install hledger; .ci/run installs it)"
        );
        return;
    };
    let env = TestEnv::new();
    let summary = env.json(&["import", "timeclock", &path]);
    assert_eq!(balances.len(), 3, "{balances:?}");
    for (account, seconds) in balances {
        if account == "total" {
            assert_eq!(summary["imported_seconds"], seconds);
        } else {
            assert_eq!(project_seconds(&env, &account), seconds, "{account}");
        }
    }
}
