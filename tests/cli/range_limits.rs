//! The limits under a report are the reported range's, the rest-rule message names a
//! calendar stretch and the hours worked in it, and an open stretch does not grow.
//! Berlin, March 2026 (+01:00).

use crate::env::TestEnv;

fn eu(now: &str) -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", now);
    std::fs::write(env.dir.path().join("config.toml"), "limits = \"eu\"\n").unwrap();
    env
}

fn add(env: &TestEnv, from: &str, to: &str) {
    env.ok(&["add", "coding", "--from", from, "--to", to]);
}

/// The night shift of the week before: Mon 2026-02-23 22:00 – Tue 06:00, then Tue
/// 15:00 – 23:00. Stretch 22:00 → 23:00 next day = 25 h; worked 8 + 8 = 16 h; the
/// longest rest 06:00 → 15:00 = 9 h < 11 h.
const STRETCH: &str = "2026-02-23 22:00 – 02-24 23:00: a 25h 00m stretch (16h 00m worked) without an 11 h rest in 24 h";

#[test]
fn last_week_report_ends_with_last_weeks_limits_not_this_weeks() {
    let env = eu("2026-03-04T12:00:00+01:00");
    add(&env, "2026-02-23 22:00", "2026-02-24 06:00");
    add(&env, "2026-02-24 15:00", "2026-02-24 23:00");
    let last = env.ok(&["report", "--last-week"]);
    let line = format!(
        "Limits 2026-02-23 – 2026-03-01: at least 11 h of rest in every 24 h (Directive 2003/88/EC art. 3): {STRETCH}"
    );
    assert!(last.contains(&line), "{last}");
    assert!(!last.contains("Limits this week"), "{last}");
    // This week has no work: its report has nothing appended (and no breach of last week).
    let this = env.ok(&["report"]);
    assert!(!this.contains("Limits"), "{this}");
    // An empty range elsewhere: nothing appended either.
    let empty = env.ok(&["report", "--from", "2026-01-05", "--to", "2026-01-11"]);
    assert!(!empty.contains("Limits"), "{empty}");
    // `otium limits` says the same, from the same breaches.
    let limits = env.ok(&["limits", "--last-week"]);
    assert!(limits.contains(STRETCH), "{limits}");
}

#[test]
fn an_open_stretch_does_not_grow_with_the_clock() {
    // The stretch ends with the last session (nothing runs, nothing after it): the
    // message is the same at 23:30 that evening and a day later.
    let mut env = eu("2026-02-24T23:30:00+01:00");
    add(&env, "2026-02-23 22:00", "2026-02-24 06:00");
    add(&env, "2026-02-24 15:00", "2026-02-24 23:00");
    let early = env.json(&["limits", "--week", "2026-02-23"]);
    env.now = "2026-02-25T23:59:00+01:00".to_string();
    let later = env.json(&["limits", "--week", "2026-02-23"]);
    assert_eq!(early["breaches"], later["breaches"]);
    assert!(
        early["breaches"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with(STRETCH),
        "{early}"
    );
}
