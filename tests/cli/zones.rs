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
