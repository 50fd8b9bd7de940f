//! The two faces ask the library the same questions: `otium report` and the TUI's
//! Reports view of the same week carry the same numbers, and `otium status` and the
//! dashboard the same week status. The expected figures are worked out by hand.

use chrono::DateTime;
use otium::Tracker;
use otium::config::Config;
use otium::time::Clock;
use otium::tui::app::App;
use otium::tui::theme::Theme;

use crate::env::TestEnv;

/// Wednesday 2026-03-04 18:00 in Berlin (+01:00); the week runs Mon 2 – Sun 8 March.
const NOW: &str = "2026-03-04T18:00:00+01:00";

fn week_with_a_midnight_crossing() -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", NOW);
    // Sunday 1 March 23:00 – Monday 00:30: only the 30 minutes after midnight are this week.
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-03-01 23:00",
        "--to",
        "2026-03-02 00:30",
    ]);
    env.ok(&[
        "add",
        "writing",
        "+draft",
        "--from",
        "2026-03-02 09:00",
        "--to",
        "2026-03-02 11:15",
    ]);
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-03-03 13:00",
        "--to",
        "2026-03-03 17:20",
    ]);
    // Running since 16:45: 1 h 15 min by 18:00.
    env.ok(&["start", "writing", "--at", "2026-03-04 16:45"]);
    env
}

fn tracker_on(env: &TestEnv, config: Config) -> Tracker {
    let now = DateTime::parse_from_rfc3339(NOW).unwrap().to_utc();
    Tracker::open(
        &env.db(),
        config,
        Clock::Fixed(now),
        chrono_tz::Europe::Berlin,
    )
    .unwrap()
}

#[test]
fn the_cli_report_and_the_tui_report_of_a_week_agree() {
    let env = week_with_a_midnight_crossing();
    let cli = env.json(&["report", "--week", "--by", "project"]);
    let tui = App::load(&tracker_on(&env, Config::default()), Theme::new(false)).unwrap();
    let report = &tui.snapshot.report;
    // By hand: coding 30 min + 4 h 20 min = 17 400 s; writing 2 h 15 min + 1 h 15 min
    // = 12 600 s; 30 000 s in all, from four sessions.
    let by_hand = [("coding", 17_400), ("writing", 12_600)];
    assert_eq!(cli["total_seconds"], 30_000);
    assert_eq!(report.total_seconds, 30_000);
    assert_eq!(cli["sessions_count"], 4);
    assert_eq!(report.sessions_count, 4);
    let cli_groups: Vec<(String, i64)> = cli["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                g["seconds"].as_i64().unwrap(),
            )
        })
        .collect();
    let tui_groups: Vec<(String, i64)> = report
        .groups
        .iter()
        .map(|g| (g.key.clone(), g.seconds))
        .collect();
    let by_hand: Vec<(String, i64)> = by_hand.iter().map(|(k, s)| (k.to_string(), *s)).collect();
    assert_eq!(cli_groups, by_hand);
    assert_eq!(tui_groups, by_hand);
    assert_eq!(
        report.options.span.from.unwrap().to_rfc3339(),
        "2026-03-01T23:00:00+00:00"
    );
}

#[test]
fn status_and_the_dashboard_show_the_same_week_status() {
    let env = week_with_a_midnight_crossing();
    std::fs::write(
        env.dir.path().join("config.toml"),
        "daily_target_hours = 2\nlimits = \"cn\"\n",
    )
    .unwrap();
    let config = Config::parse("daily_target_hours = 2\nlimits = \"cn\"\n").unwrap();
    let tracker = tracker_on(&env, config);
    let status = tracker.week_status().unwrap();
    // Mon–Wed at 2 h a day: 6 h = 21 600 s against 30 000 s worked: +8 400 s.
    assert_eq!(status.balance_seconds, Some(8_400));
    assert_eq!(status.week_target_seconds, Some(5 * 2 * 3600));
    let tui = App::load(&tracker, Theme::new(false)).unwrap();
    assert_eq!(tui.snapshot.targets.as_ref(), Some(&status));
    // `otium status` prints the same alerts (none here: no day over 8 h, and
    // 30 000 s over three days projects to 50 000 s, under the 44 h week).
    let json = env.json(&["status"]);
    let cli_alerts: Vec<String> = json["warnings"]
        .as_array()
        .map(|w| {
            w.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert!(status.alerts.is_empty(), "{:?}", status.alerts);
    assert!(
        cli_alerts.iter().all(|w| !w.contains("Limits")),
        "{cli_alerts:?}"
    );
}
