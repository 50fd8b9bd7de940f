//! Time zones and DST: durations are instants apart, local days follow the zone.

use crate::env::TestEnv;

#[test]
fn berlin_spring_forward_session_is_one_hour() {
    // 2026-03-29 01:30 CET (+01:00) to 03:30 CEST (+02:00): 1 h, not 2.
    let env = TestEnv::at("Europe/Berlin", "2026-04-01T12:00:00+02:00");
    let s = env.json(&[
        "add",
        "x",
        "--from",
        "2026-03-29 01:30",
        "--to",
        "2026-03-29 03:30",
    ]);
    assert_eq!(s["start"], "2026-03-29T01:30:00+01:00");
    assert_eq!(s["end"], "2026-03-29T03:30:00+02:00");
    assert_eq!(s["duration_seconds"], 3600);
}

#[test]
fn new_york_fall_back_session_is_three_and_a_half_hours() {
    // 2026-11-01 00:30 EDT (-04:00) to 03:00 EST (-05:00): 04:30Z to 08:00Z = 3.5 h.
    let env = TestEnv::at("America/New_York", "2026-11-02T12:00:00-05:00");
    let s = env.json(&[
        "add",
        "x",
        "--from",
        "2026-11-01 00:30",
        "--to",
        "2026-11-01 03:00",
    ]);
    assert_eq!(s["duration_seconds"], 12_600);
}

#[test]
fn a_time_in_the_spring_gap_moves_forward_and_says_so() {
    let env = TestEnv::at("Europe/Berlin", "2026-03-29T12:00:00+02:00");
    let out = env.run(&["start", "x", "--at", "2026-03-29 02:30", "--json"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("does not exist") && stderr.contains("03:30"),
        "{stderr}"
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["start"], "2026-03-29T03:30:00+02:00");
}

#[test]
fn a_repeated_time_takes_the_first_and_says_so() {
    let env = TestEnv::at("America/New_York", "2026-11-01T12:00:00-05:00");
    let out = env.run(&[
        "add",
        "x",
        "--from",
        "2026-11-01 01:30",
        "--for",
        "30m",
        "--json",
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("happens twice") && stderr.contains("first"),
        "{stderr}"
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["start"], "2026-11-01T01:30:00-04:00");
    assert_eq!(s["end"], "2026-11-01T01:00:00-05:00");
}

#[test]
fn lord_howe_half_hour_shift() {
    // 2026-10-04 01:30 (+10:30) to 03:00 (+11:00): 15:00Z to 16:00Z = 1 h.
    let env = TestEnv::at("Australia/Lord_Howe", "2026-10-05T12:00:00+11:00");
    let s = env.json(&[
        "add",
        "x",
        "--from",
        "2026-10-04 01:30",
        "--to",
        "2026-10-04 03:00",
    ]);
    assert_eq!(s["duration_seconds"], 3600);
    assert_eq!(s["start"], "2026-10-04T01:30:00+10:30");
}

#[test]
fn the_day_follows_the_zone() {
    // 23:30 UTC on 03-01 is already 03-02 in Berlin.
    let env = TestEnv::new();
    env.ok(&["add", "x", "--from", "2026-03-01T23:30:00Z", "--for", "15m"]);
    assert_eq!(env.json(&["log", "--today"]).as_array().unwrap().len(), 1);
    assert_eq!(
        env.json(&["log", "--yesterday"]).as_array().unwrap().len(),
        0
    );
    // Each session is shown in the zone it was recorded in.
    let tokyo = TestEnv {
        tz: "Asia/Tokyo".into(),
        ..TestEnv::new()
    };
    std::fs::write(tokyo.dir.path().join("config.toml"), "").unwrap();
    let s = tokyo.json(&["add", "x", "--from", "2026-03-01T23:30:00Z", "--for", "15m"]);
    assert_eq!(s["start"], "2026-03-02T08:30:00+09:00");
    assert_eq!(s["zone"], "Asia/Tokyo");
}

#[test]
fn tz_variable_is_used_when_otium_tz_is_absent() {
    let env = TestEnv::new();
    let out = env
        .cmd(&[
            "add",
            "x",
            "--from",
            "2026-03-02T04:00",
            "--for",
            "1h",
            "--json",
        ])
        .env_remove("OTIUM_TZ")
        .env("TZ", "America/New_York")
        .output()
        .unwrap();
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["zone"], "America/New_York");
    assert_eq!(s["start"], "2026-03-02T04:00:00-05:00");
}

/// `report --by day --format json` as (day key, seconds) pairs.
fn days(env: &TestEnv, args: &[&str]) -> (i64, Vec<(String, i64)>) {
    let mut all = vec!["report", "--by", "day", "--format", "json"];
    all.extend_from_slice(args);
    let v = env.json(&all);
    let groups = crate::report::groups(&v)
        .into_iter()
        .filter(|(_, s)| *s > 0)
        .collect();
    (v["total_seconds"].as_i64().unwrap(), groups)
}

#[test]
fn new_york_report_splits_a_session_across_the_fall_back_night() {
    // 2026-10-31 23:00 EDT (03:00Z) to 2026-11-01 03:00 EST (08:00Z) = 5 h:
    // 1 h on Saturday 10-31, and 4 h on Sunday 11-01 (midnight 04:00Z to 08:00Z),
    // although the wall clock moved only 3 h that morning. Sunday is a 25 h day.
    let env = TestEnv::at("America/New_York", "2026-11-02T12:00:00-05:00");
    env.ok(&[
        "add",
        "x",
        "--from",
        "2026-10-31 23:00",
        "--to",
        "2026-11-01 03:00",
    ]);
    let (total, by_day) = days(&env, &["--from", "2026-10-31", "--to", "2026-11-01"]);
    assert_eq!(total, 5 * 3600);
    assert_eq!(
        by_day,
        [
            ("2026-10-31".to_string(), 3600),
            ("2026-11-01".to_string(), 4 * 3600)
        ]
    );
    // The whole of Sunday 11-01 is 25 h: a session over all of it counts 90 000 s.
    let env = TestEnv::at("America/New_York", "2026-11-03T12:00:00-05:00");
    env.ok(&[
        "add",
        "z",
        "--from",
        "2026-11-01 00:00",
        "--to",
        "2026-11-02 00:00",
    ]);
    let (total, by_day) = days(&env, &["--from", "2026-11-01", "--to", "2026-11-01"]);
    assert_eq!(total, 25 * 3600);
    assert_eq!(by_day, [("2026-11-01".to_string(), 25 * 3600)]);
}

#[test]
fn lord_howe_report_counts_a_day_of_twenty_three_and_a_half_hours() {
    // 2026-10-04 at 02:00 the clock jumps to 02:30 (+10:30 -> +11:00): that local day
    // runs from 10-03 13:30Z to 10-04 13:00Z = 23 h 30 min = 84 600 s.
    let env = TestEnv::at("Australia/Lord_Howe", "2026-10-06T12:00:00+11:00");
    env.ok(&[
        "add",
        "x",
        "--from",
        "2026-10-03 20:00",
        "--to",
        "2026-10-05 04:00",
    ]);
    let (total, by_day) = days(&env, &["--from", "2026-10-03", "--to", "2026-10-05"]);
    // 10-03 20:00 (+10:30) = 09:30Z to 10-05 04:00 (+11:00) = 10-04 17:00Z: 31 h 30 min.
    // Saturday 20:00–24:00 = 4 h; Sunday 23 h 30 min; Monday 00:00–04:00 = 4 h.
    assert_eq!(total, 31 * 3600 + 1800);
    assert_eq!(
        by_day,
        [
            ("2026-10-03".to_string(), 4 * 3600),
            ("2026-10-04".to_string(), 84_600),
            ("2026-10-05".to_string(), 4 * 3600),
        ]
    );
}

#[test]
fn tz_moves_the_days_of_log_and_export_too() {
    // 23:30Z on 03-01 is 03-02 in Berlin (the recording zone) but 03-01 in New York.
    let env = TestEnv::new();
    env.ok(&["add", "x", "--from", "2026-03-01T23:30:00Z", "--for", "15m"]);
    let count = |args: &[&str]| env.json(args).as_array().unwrap().len();
    assert_eq!(
        count(&["log", "--from", "2026-03-02", "--to", "2026-03-02"]),
        1
    );
    assert_eq!(
        count(&[
            "log",
            "--tz",
            "America/New_York",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02"
        ]),
        0
    );
    assert_eq!(
        count(&[
            "log",
            "--tz",
            "America/New_York",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-01"
        ]),
        1
    );
    let export = |day: &str| -> usize {
        let text = env.ok(&[
            "export",
            "--format",
            "json",
            "--tz",
            "America/New_York",
            "--from",
            day,
            "--to",
            day,
        ]);
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(export("2026-03-01"), 1);
    assert_eq!(export("2026-03-02"), 0);
}

#[test]
fn week_start_moves_report_weeks() {
    // With weeks starting on Sunday, the week of Wed 2026-03-04 is Sun 03-01 to Sat 03-07.
    let env = TestEnv::at("Europe/Berlin", "2026-03-04T12:00:00+01:00");
    std::fs::write(
        env.dir.path().join("config.toml"),
        "week_start = \"sunday\"\n",
    )
    .unwrap();
    env.ok(&["add", "sun", "--from", "2026-03-01 09:00", "--for", "1h"]);
    env.ok(&["add", "sat", "--from", "2026-02-28 09:00", "--for", "2h"]);
    let v = env.json(&["report", "--format", "json"]);
    assert_eq!(v["from"], "2026-03-01T00:00:00+01:00");
    assert_eq!(v["total_seconds"], 3600);
    let v = env.json(&["report", "--last-week", "--format", "json"]);
    assert_eq!(v["from"], "2026-02-22T00:00:00+01:00");
    assert_eq!(v["total_seconds"], 7200);
}
