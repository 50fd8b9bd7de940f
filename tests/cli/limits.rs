//! `otium balance`, `otium limits`, the status warnings and `status --format`, and
//! the config keys behind them. Berlin, March 2026 (+01:00).

use crate::env::{TestEnv, code};

const H: i64 = 3600;

fn with_config(now: &str, config: &str) -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", now);
    std::fs::write(env.dir.path().join("config.toml"), config).unwrap();
    env
}

fn add(env: &TestEnv, from: &str, to: &str) {
    env.ok(&["add", "coding", "--from", from, "--to", to]);
}

#[test]
fn balance_per_day_and_week_since_the_start_date() {
    // Now Friday 2026-03-06 20:00. Targets: 8 h a day, Friday 6 h.
    let env = with_config(
        "2026-03-06T20:00:00+01:00",
        "daily_target_hours = 8\nbalance_since = 2026-02-27\n[targets]\nfri = 6\n",
    );
    // Fri 02-27: 7 h against 6 h: +1 h carried into the week.
    add(&env, "2026-02-27 09:00", "2026-02-27 16:00");
    // Mon 03-02 10 h, Tue 03-03 6 h; Wed, Thu, Fri nothing.
    add(&env, "2026-03-02 08:00", "2026-03-02 18:00");
    add(&env, "2026-03-03 09:00", "2026-03-03 15:00");
    // A week that has not begun has no balance yet: refused, not an inverted range.
    let err = env.fails(&["balance", "--week", "2026-W12"], code::INVALID);
    assert!(
        err.contains("2026-03-16 – 2026-03-22 has not begun"),
        "{err}"
    );
    let v = env.json(&["balance"]);
    assert_eq!(v["since"], "2026-02-27");
    let days = v["days"].as_array().unwrap();
    // Saturday and Sunday are after today: left out.
    assert_eq!(days.len(), 5);
    assert_eq!(days[0]["worked_seconds"], 10 * H);
    assert_eq!(days[0]["difference_seconds"], 2 * H);
    // Carried +1 h (plus Sat/Sun 02-28, 03-01 at 0 h against 0 h), Monday +2 h.
    assert_eq!(days[0]["balance_seconds"], H + 2 * H);
    // Week: worked 10 + 6 = 16 h against 4 × 8 + 6 = 38 h: −22 h; balance +1 − 22 = −21 h.
    let week = &v["weeks"][0];
    assert_eq!(week["week"], "2026-W10");
    assert_eq!(week["worked_seconds"], (10 + 6) * H);
    assert_eq!(week["target_seconds"], (4 * 8 + 6) * H);
    assert_eq!(week["difference_seconds"], (10 + 6 - (4 * 8 + 6)) * H);
    assert_eq!(v["balance_seconds"], (1 + 10 + 6 - (4 * 8 + 6)) * H);
    let text = env.ok(&["balance"]);
    assert!(
        text.contains("Mon 2026-03-02     10h 00m    8h 00m   +2h 00m   +3h 00m"),
        "{text}"
    );
    assert!(text.contains("2026-W10"), "{text}");
    assert!(text.contains("-21h 00m"), "{text}");
}

#[test]
fn balance_without_a_target_says_which_keys_to_set() {
    let env = TestEnv::new();
    env.create_db();
    let err = env.fails(&["balance"], code::INVALID);
    assert!(err.contains("daily_target_hours"), "{err}");
}

#[test]
fn limits_cn_lists_each_breach_and_exits_0() {
    // A 996 week in Shanghai: Mon 03-02 .. Sat 03-07, 09:00–21:00 (6 × 12 = 72 h).
    let env = TestEnv::at("Asia/Shanghai", "2026-03-08T20:00:00+08:00");
    std::fs::write(env.dir.path().join("config.toml"), "limits = \"cn\"\n").unwrap();
    for day in 2..=7 {
        add(&env, &format!("2026-03-0{day} 09:00"), "21:00");
    }
    let v = env.json(&["limits", "--week"]);
    assert_eq!(v["set"], "cn");
    assert_eq!(v["rules"].as_array().unwrap().len(), 4);
    let breaches = v["breaches"].as_array().unwrap();
    // 6 days over 8 h, and the week over 44 h; Sunday is free and March's overtime is
    // 6 × (12 − 8) = 24 h, under 36.
    assert_eq!(breaches.len(), 6 + 1);
    assert_eq!(breaches[0]["rule"], "max_daily_hours");
    assert_eq!(breaches[0]["actual"], 12 * H);
    assert_eq!(breaches[6]["rule"], "max_weekly_hours");
    assert_eq!(breaches[6]["actual"], 6 * 12 * H);
    assert_eq!(breaches[6]["limit"], 44 * H);
    assert_eq!(breaches[6]["source"], "PRC Labour Law art. 36");
    let text = env.ok(&["limits"]);
    assert!(text.contains("72 h worked, over 44 h"), "{text}");
    assert!(text.contains("not legal advice"), "{text}");
    // The report table ends with a line for this week; other formats do not.
    let report = env.ok(&["report"]);
    assert!(
        report.contains("Limits this week: at most 8 h per day (PRC Labour Law art. 36): 2026-03-02: 12 h worked, over 8 h (and 5 more this week)"),
        "{report}"
    );
    assert!(
        report.contains("Limits this week: at most 44 h per week"),
        "{report}"
    );
    assert!(!env.ok(&["report", "--format", "md"]).contains("Limits"));
    // The month: overtime 24 h is within 36 h, so only day and week breaches.
    let month = env.json(&["limits", "--month", "2026-03"]);
    assert_eq!(month["breaches"].as_array().unwrap().len(), 7);
}

#[test]
fn limits_eu_night_shift_rest() {
    let env = with_config("2026-03-04T12:00:00+01:00", "limits = \"eu\"\n");
    // Mon 22:00 – Tue 06:00, then Tue 15:00 – 23:00: 9 h of rest.
    add(&env, "2026-03-02 22:00", "2026-03-03 06:00");
    add(&env, "2026-03-03 15:00", "2026-03-03 23:00");
    let v = env.json(&["limits"]);
    let b = &v["breaches"][0];
    assert_eq!(b["rule"], "min_daily_rest");
    assert_eq!(b["actual"], (15 - 6) * H);
    assert_eq!(b["limit"], 11 * H);
    assert_eq!(b["from"], "2026-03-02");
    assert_eq!(b["source"], "Directive 2003/88/EC art. 3");
    // status says it too, on one line.
    let status = env.ok(&["status"]);
    assert!(
        status.contains("warning: at least 11 h of rest"),
        "{status}"
    );
}

#[test]
fn limits_none_says_how_to_set_them() {
    let env = TestEnv::new();
    env.create_db();
    let text = env.ok(&["limits"]);
    assert!(text.contains("limits = \"eu\""), "{text}");
    assert_eq!(env.json(&["limits"])["set"], "none");
}

#[test]
fn status_warns_about_a_forgotten_timer() {
    // Started 07:00, now 19:30: 12h 30m, over the default 10 h; usual end 18:00.
    let env = with_config("2026-03-02T19:30:00+01:00", "usual_end = \"18:00\"\n");
    env.ok(&["start", "writing", "--at", "07:00"]);
    let v = env.json(&["status"]);
    assert_eq!(v["running"], true);
    assert_eq!(v["session"]["duration_seconds"], 12 * H + H / 2);
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let first = warnings[0].as_str().unwrap();
    assert!(
        first.contains("12h 30m, longer than max_session_hours = 10"),
        "{first}"
    );
    assert!(
        first.contains("otium stop --at \"2026-03-02 18:00\""),
        "{first}"
    );
    assert!(warnings[1].as_str().unwrap().contains("usual end of day"));
    let text = env.ok(&["status"]);
    assert!(
        text.contains("warning: session 1 has run for 12h 30m"),
        "{text}"
    );
    // The suggested fix works.
    env.ok(&["stop", "--at", "2026-03-02 18:00"]);
    // Nothing to say: the key is left out and the shape is the documented one.
    assert_eq!(
        env.json(&["status"]),
        serde_json::json!({"running": false, "session": null})
    );
}

#[test]
fn status_within_limits_has_no_warnings() {
    let env = TestEnv::at("Europe/Berlin", "2026-03-02T12:00:00+01:00");
    env.ok(&["start", "writing", "--at", "09:00"]);
    let v = env.json(&["status"]);
    assert!(v.get("warnings").is_none(), "{v}");
    assert_eq!(v["session"]["project"], "writing");
}

#[test]
fn status_format_for_prompts() {
    let env = TestEnv::at("Europe/Berlin", "2026-03-02T12:00:00+01:00");
    env.create_db();
    // Nothing runs: nothing printed, exit 0.
    assert_eq!(env.ok(&["status", "--format", "{project} {elapsed}"]), "");
    env.ok(&["start", "writing", "+book", "--at", "10:30", "-n", "ch 3"]);
    let line = env.ok(&[
        "status",
        "--format",
        "{project} {tags} {note} {elapsed} {elapsed_minutes} {start} {id} {{x}}",
    ]);
    // 10:30 to 12:00 = 90 minutes.
    assert_eq!(line, "writing +book ch 3 1h 30m 90 10:30 1 {x}\n");
    let err = env.fails(&["status", "--format", "{bogus}"], code::INVALID);
    assert!(err.contains("{bogus}"), "{err}");
}

#[test]
fn bad_config_values_name_the_key() {
    for (config, key) in [
        ("daily_target_hours = -8\n", "daily_target_hours"),
        ("[targets]\nmon = -1\n", "targets.mon"),
        ("limits = \"us\"\n", "limits"),
        ("max_session_hours = -1\n", "max_session_hours"),
        ("usual_end = \"late\"\n", "usual_end"),
        ("balance_since = \"soon\"\n", "balance_since"),
        // A value of the wrong type: serde's message alone would not name the key.
        ("daily_target_hours = \"8\"\n", "daily_target_hours"),
        (
            "week_start = \"monday\"\nweekly_target_hours = true\n",
            "weekly_target_hours",
        ),
    ] {
        let env = with_config("2026-03-02T12:00:00+01:00", config);
        let err = env.fails(&["balance"], code::CONFIG);
        assert!(err.contains(key), "{config}: {err}");
    }
}

#[test]
fn status_and_report_warn_when_the_week_is_on_course_to_break_the_weekly_limit() {
    // Own limit: 40 h a week. Now Tuesday 2026-03-03 20:00; Mon and Tue 9 h each
    // (no daily rule, so nothing is broken yet). So far 18 h over 2 working days:
    // 18 × 5 ÷ 2 = 45 h at this pace, over 40 h.
    let env = with_config(
        "2026-03-03T20:00:00+01:00",
        "[limits]\nmax_weekly_hours = 40\n",
    );
    add(&env, "2026-03-02 08:00", "2026-03-02 17:00");
    add(&env, "2026-03-03 08:00", "2026-03-03 17:00");
    let expected = "at most 40 h per week (your config ([limits])): on course to break it: 18 h so far this week, about 45 h at this pace";
    let status = env.ok(&["status"]);
    assert!(status.contains(&format!("warning: {expected}")), "{status}");
    let v = env.json(&["status"]);
    assert_eq!(v["warnings"], serde_json::json!([expected]));
    let report = env.ok(&["report"]);
    assert!(
        report.contains(&format!("Limits this week: {expected}")),
        "{report}"
    );
    // Nothing is broken yet: `limits` lists no breach.
    assert_eq!(env.json(&["limits"])["breaches"], serde_json::json!([]));
    // `status --format` with nothing running prints nothing, warnings or not.
    let out = env.run(&["status", "--format", "{project} {elapsed}"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
}

#[test]
fn status_within_the_pace_says_nothing() {
    // The same limit, Mon and Tue 8 h each: 16 × 5 ÷ 2 = 40 h, not over 40.
    let env = with_config(
        "2026-03-03T20:00:00+01:00",
        "[limits]\nmax_weekly_hours = 40\n",
    );
    add(&env, "2026-03-02 08:00", "2026-03-02 16:00");
    add(&env, "2026-03-03 08:00", "2026-03-03 16:00");
    assert!(!env.ok(&["status"]).contains("warning"));
    assert!(!env.ok(&["report"]).contains("Limits"));
}

#[test]
fn status_help_documents_the_format_placeholders() {
    let env = TestEnv::new();
    let help = env.ok(&["status", "--help"]);
    // Clap wraps the text: compare with the spaces squeezed.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for p in [
        "{project}",
        "{tags}",
        "{note}",
        "{elapsed}",
        "{elapsed_minutes}",
        "{start}",
        "{id}",
    ] {
        assert!(help.contains(p), "{p} not in\n{help}");
    }
    assert!(
        help.contains("Prints nothing (exit 0) when nothing runs"),
        "{help}"
    );
}

#[test]
fn a_new_users_eu_average_counts_only_the_weeks_since_tracking_began() {
    // First session ever on Monday 2026-03-02; Mon–Fri 08:00–20:00 in two weeks:
    // 120 h over the 2 weeks tracked = 60 h a week, over 48 h. (Spread over 17 weeks it
    // would be 7.06 h and say nothing.)
    let env = with_config("2026-03-16T12:00:00+01:00", "limits = \"eu\"\n");
    for week in ["2026-03-02", "2026-03-09"] {
        let monday = chrono::NaiveDate::parse_from_str(week, "%Y-%m-%d").unwrap();
        for d in 0..5 {
            let day = monday + chrono::Duration::days(d);
            add(&env, &format!("{day} 08:00"), &format!("{day} 20:00"));
        }
    }
    let v = env.json(&["limits", "--from", "2026-03-09", "--to", "2026-03-15"]);
    let weekly: Vec<&serde_json::Value> = v["breaches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["rule"] == "max_weekly_hours")
        .collect();
    assert_eq!(weekly.len(), 1, "{v}");
    assert_eq!(weekly[0]["actual"], 60 * 3600);
    assert_eq!(weekly[0]["from"], "2026-03-02");
    assert!(
        weekly[0]["message"]
            .as_str()
            .unwrap()
            .contains("(since tracking began): 120 h worked"),
        "{v}"
    );
}

#[test]
fn balance_splits_dst_days_and_midnights_in_the_users_zone() {
    // Berlin: Sun 2026-03-29 has 23 hours (02:00 CET -> 03:00 CEST), Sun 2026-10-25
    // has 25 (03:00 CEST -> 02:00 CET). Targets 8 h Monday to Friday.
    let env = with_config("2026-11-02T12:00:00+01:00", "daily_target_hours = 8\n");
    add(&env, "2026-03-23 09:00", "2026-03-23 17:30");
    // Sat 22:00 CET (21:00Z) to Sun 04:00 CEST (02:00Z): 5 real hours, 2 on Saturday
    // and 3 on Sunday (00:00-04:00 on the clock, the skipped hour not among them).
    add(&env, "2026-03-28 22:00", "2026-03-29 04:00");
    add(&env, "2026-03-29 10:00", "2026-03-29 12:00");
    let v = env.json(&["balance", "--week", "2026-W13"]);
    let worked: Vec<i64> = v["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["worked_seconds"].as_i64().unwrap())
        .collect();
    assert_eq!(worked, [8 * H + 1800, 0, 0, 0, 0, 2 * H, 5 * H]);
    assert_eq!(v["weeks"][0]["worked_seconds"], 15 * H + 1800);
    assert_eq!(v["difference_seconds"], 15 * H + 1800 - 40 * H);

    // Sat 23:00 CEST (21:00Z) to Sun 03:00 CET (02:00Z): 1 h on Saturday, 4 on Sunday
    // (00:00-03:00 on the clock holds the repeated hour); Sun 22:30 to Mon 01:00 CET:
    // 1 h 30 m on Sunday, 1 h on Monday.
    add(&env, "2026-10-24 23:00", "2026-10-25 03:00");
    add(&env, "2026-10-25 22:30", "2026-10-26 01:00");
    let text = env.ok(&["balance", "--from", "2026-10-24", "--to", "2026-10-26"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[2..],
        [
            "                    worked    target      diff   balance",
            "Sat 2026-10-24      1h 00m        0m   +1h 00m   +1h 00m",
            "Sun 2026-10-25      5h 30m        0m   +5h 30m   +6h 30m",
            "2026-W43            6h 30m        0m   +6h 30m   +6h 30m",
            "",
            "Mon 2026-10-26      1h 00m    8h 00m   -7h 00m      -30m",
            "2026-W44            1h 00m    8h 00m   -7h 00m      -30m",
            "",
            "Total               7h 30m    8h 00m      -30m      -30m",
        ],
        "{text}"
    );
}
