//! `otium import` from the formats people leave from: Clockify, Kimai and the Toggl
//! API. One hand-written fixture per format (tests/fixtures/import/, written from each
//! format's documentation), with totals counted by hand:
//!
//! - clockify-detailed.csv (YYYY-MM-DD, 24-hour) and clockify-us-12h.csv (MM/DD/YYYY,
//!   12-hour, CRLF): the same 3 entries, 1h30 + 0h15 + 1h15 (23:30 to 00:45) = 10800 s.
//! - kimai-export.csv: 4 rows, one running; 3h15 + 0h45 + 2h30 (22:30 to 01:00 the
//!   next day) = 23400 s.
//! - toggl-api-entries.json: 5 entries, one deleted in Toggl, one running; 1h30 +
//!   0h30 (no stop: its duration) + 1h15 = 11700 s.
//!
//! The line formats (klog, timeclock) are in `import_formats_text.rs`.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::env::{TestEnv, code};

pub(crate) fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

pub(crate) fn file(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

pub(crate) fn sessions(env: &TestEnv) -> Vec<Value> {
    env.json(&["log", "--all"]).as_array().unwrap().clone()
}

/// Each session as (start, end, project, tags, note).
pub(crate) fn brief(env: &TestEnv) -> Vec<(String, String, String, Value, Value)> {
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

pub(crate) fn project_seconds(env: &TestEnv, name: &str) -> i64 {
    env.json(&["projects"])
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .map_or(0, |p| p["total_seconds"].as_i64().unwrap())
}

/// A database with one session, so a refused import can be compared byte for byte.
pub(crate) fn seeded() -> TestEnv {
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
