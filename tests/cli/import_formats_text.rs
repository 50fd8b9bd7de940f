//! `otium import` from the line formats people leave from: klog and timeclock (the
//! CSV and JSON ones are in `import_formats.rs`, whose helpers these tests share).
//! Fixture totals, counted by hand from tests/fixtures/import/:
//!
//! - times.klg: 2024-01-15: 4h + 4h + 1h − 30m break = 8h30; 2024-01-16: 2h15 + 2h +
//!   30m + 45m = 5h30; one open range: 50400 s in 7 sessions, 8 read.
//! - work.timeclock: client:acme 1h30 + 2h15 = 13500 s, admin 0h45 + 0h30 = 4500 s;
//!   hledger's `bal` says 3.75h and 1.25h (checked against the real hledger when it is
//!   installed).

use serde_json::{Value, json};

use crate::env::{TestEnv, code};
use crate::import_formats::{brief, file, fixture, project_seconds, seeded};

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
