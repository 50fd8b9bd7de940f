//! Report arithmetic checked against hand calculations.

use chrono::{NaiveDate, TimeZone};
use proptest::prelude::*;

use super::*;
use crate::time::range::Span;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn session(id: i64, project: &str, tags: &[&str], start: &str, end: &str) -> Session {
    let parse = |t: &str| DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
    Session {
        id: crate::model::SessionId::new(id),
        uuid: format!("u{id}"),
        project: project.into(),
        tags: tags.iter().map(|t| (*t).to_string()).collect(),
        note: None,
        start: parse(start),
        end: Some(parse(end)),
        zone: Tz::UTC,
    }
}

fn options(zone: Tz, first: NaiveDate, last: NaiveDate, by: &[GroupBy]) -> ReportOptions {
    ReportOptions {
        span: Span::days(zone, first, last),
        zone,
        group_by: by.to_vec(),
        rounding: None,
        week_start: Weekday::Mon,
        now: Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap(),
    }
}

fn keys_and_seconds(groups: &[Group]) -> Vec<(&str, i64)> {
    groups.iter().map(|g| (g.key.as_str(), g.seconds)).collect()
}

#[test]
fn new_york_fall_back_session_counts_three_and_a_half_hours_on_its_day() {
    let ny = chrono_tz::America::New_York;
    // 00:30 EDT (04:30Z) to 03:00 EST (08:00Z).
    let s = session(
        1,
        "p",
        &[],
        "2026-11-01T00:30:00-04:00",
        "2026-11-01T03:00:00-05:00",
    );
    let r = build(
        &[s],
        options(ny, date(2026, 10, 31), date(2026, 11, 1), &[GroupBy::Day]),
    );
    assert_eq!(
        keys_and_seconds(&r.groups),
        [("2026-10-31", 0), ("2026-11-01", 12_600)]
    );
    assert_eq!(r.total_seconds, 12_600);
}

#[test]
fn berlin_session_across_midnight_splits_per_day_and_clips_to_the_range() {
    let berlin = chrono_tz::Europe::Berlin;
    // 22:00 on Sun 03-08 to 02:00 on Mon 03-09 (CET): 2 h on Sunday, 2 h on Monday.
    let s = session(
        1,
        "p",
        &[],
        "2026-03-08T22:00:00+01:00",
        "2026-03-09T02:00:00+01:00",
    );
    let week = build(
        std::slice::from_ref(&s),
        options(berlin, date(2026, 3, 2), date(2026, 3, 8), &[GroupBy::Day]),
    );
    assert_eq!(week.groups.len(), 7);
    assert_eq!(
        week.groups[6],
        Group {
            key: "2026-03-08".into(),
            seconds: 7200,
            raw_seconds: 7200,
            children: vec![]
        }
    );
    assert_eq!(week.total_seconds, 7200);
    let next = build(
        &[s],
        options(
            berlin,
            date(2026, 3, 9),
            date(2026, 3, 9),
            &[GroupBy::Project],
        ),
    );
    assert_eq!(keys_and_seconds(&next.groups), [("p", 7200)]);
}

#[test]
fn lord_howe_day_of_twenty_three_and_a_half_hours() {
    let lh = chrono_tz::Australia::Lord_Howe;
    // A session covering the whole of 2026-10-04 local time: 23.5 h = 84 600 s.
    let s = session(
        1,
        "p",
        &[],
        "2026-10-04T00:00:00+10:30",
        "2026-10-05T00:00:00+11:00",
    );
    let r = build(
        &[s],
        options(lh, date(2026, 10, 3), date(2026, 10, 5), &[GroupBy::Day]),
    );
    assert_eq!(
        keys_and_seconds(&r.groups),
        [("2026-10-03", 0), ("2026-10-04", 84_600), ("2026-10-05", 0)]
    );
}

#[test]
fn nested_grouping_and_tag_fan_out() {
    let utc = Tz::UTC;
    let sessions = [
        session(
            1,
            "writing",
            &["draft", "book"],
            "2026-03-02T09:00:00Z",
            "2026-03-02T10:00:00Z",
        ),
        session(
            2,
            "writing",
            &[],
            "2026-03-02T11:00:00Z",
            "2026-03-02T11:30:00Z",
        ),
        session(
            3,
            "coding",
            &["book"],
            "2026-03-03T09:00:00Z",
            "2026-03-03T11:00:00Z",
        ),
    ];
    let r = build(
        &sessions,
        options(
            utc,
            date(2026, 3, 2),
            date(2026, 3, 8),
            &[GroupBy::Project, GroupBy::Tag],
        ),
    );
    assert_eq!(r.total_seconds, 3600 + 1800 + 7200);
    assert_eq!(
        keys_and_seconds(&r.groups),
        [("coding", 7200), ("writing", 5400)]
    );
    // Writing: book 1 h, draft 1 h (the same session), no tag 30 min.
    assert_eq!(
        keys_and_seconds(&r.groups[1].children),
        [("book", 3600), ("draft", 3600), ("(no tag)", 1800)]
    );
    assert!(r.groups_overlap());
    let by_week = build(
        &sessions,
        options(
            utc,
            date(2026, 3, 2),
            date(2026, 3, 8),
            &[GroupBy::Week, GroupBy::Month],
        ),
    );
    assert_eq!(by_week.groups[0].key, "2026-W10");
    assert_eq!(by_week.groups[0].children[0].key, "2026-03");
}

#[test]
fn rounding_is_per_session_and_spread_over_days() {
    let utc = Tz::UTC;
    let sessions = [
        // 7 min, 22 min, and 23:50 -> 00:20 (10 min + 20 min = 30 min).
        session(1, "a", &[], "2026-03-02T09:00:00Z", "2026-03-02T09:07:00Z"),
        session(2, "a", &[], "2026-03-02T10:00:00Z", "2026-03-02T10:22:00Z"),
        session(3, "a", &[], "2026-03-02T23:50:00Z", "2026-03-03T00:20:00Z"),
    ];
    let mut o = options(utc, date(2026, 3, 2), date(2026, 3, 3), &[GroupBy::Day]);
    o.rounding = Some(Rounding {
        step: 900,
        mode: RoundMode::Up,
    });
    let up = build(&sessions, o.clone());
    // Up to 15 min: 15 + 30 + 30 = 75 min.
    assert_eq!(up.total_seconds, 75 * 60);
    assert_eq!(up.raw_total_seconds, (7 + 22 + 30) * 60);
    // Session 3's 30 min stay 30: 10 on Monday, 20 on Tuesday; Monday 15 + 30 + 10 = 55.
    assert_eq!(
        keys_and_seconds(&up.groups),
        [("2026-03-02", 55 * 60), ("2026-03-03", 20 * 60)]
    );
    o.rounding = Some(Rounding {
        step: 900,
        mode: RoundMode::Nearest,
    });
    // Nearest: 7 -> 0, 22 -> 15, 30 -> 30.
    assert_eq!(build(&sessions, o.clone()).total_seconds, 45 * 60);
    o.rounding = Some(Rounding {
        step: 900,
        mode: RoundMode::Down,
    });
    assert_eq!(build(&sessions, o).total_seconds, 45 * 60);
}

#[test]
fn rounding_modes() {
    let r = |mode| Rounding { step: 900, mode };
    assert_eq!(r(RoundMode::Up).apply(901), 1800);
    assert_eq!(r(RoundMode::Up).apply(900), 900);
    assert_eq!(r(RoundMode::Nearest).apply(449), 0);
    assert_eq!(r(RoundMode::Nearest).apply(450), 900);
    assert_eq!(r(RoundMode::Down).apply(1799), 900);
}

#[test]
fn header_states_range_zone_and_total() {
    let berlin = chrono_tz::Europe::Berlin;
    let s = session(
        1,
        "p",
        &[],
        "2026-03-02T09:00:00+01:00",
        "2026-03-02T10:30:00+01:00",
    );
    let r = build(
        &[s],
        options(
            berlin,
            date(2026, 3, 2),
            date(2026, 3, 8),
            &[GroupBy::Project],
        ),
    );
    assert_eq!(
        header(&r),
        "2026-03-02 – 2026-03-08 · Europe/Berlin · by project · total 1h 30m in 1 session"
    );
}

proptest! {
    #[test]
    fn day_totals_add_up_to_the_range_total(
        raw in proptest::collection::vec((0_i64..40 * 86_400, 1_i64..3 * 86_400), 1..12),
        zone in prop::sample::select(vec!["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]),
        first_offset in 0_i64..20,
        days in 1_i64..30,
    ) {
        let tz: Tz = zone.parse().unwrap();
        // Non-overlapping sessions laid end to end with gaps, from 2026-03-01.
        let base = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap().timestamp();
        let mut t = base;
        let mut sessions = Vec::new();
        for (i, (gap, length)) in raw.iter().enumerate() {
            t += gap / 10;
            let start = DateTime::from_timestamp(t, 0).unwrap();
            let end = DateTime::from_timestamp(t + length, 0).unwrap();
            sessions.push(Session { id: crate::model::SessionId::new(i64::try_from(i).unwrap()), uuid: String::new(), project: "p".into(), tags: vec![], note: None, start, end: Some(end), zone: tz });
            t += length;
        }
        let first = date(2026, 3, 1) + chrono::Duration::days(first_offset);
        let last = first + chrono::Duration::days(days);
        let r = build(&sessions, options(tz, first, last, &[GroupBy::Day]));
        // Independent total: overlap of each session with the span, in plain seconds.
        let span = Span::days(tz, first, last);
        let (from, to) = (span.from.unwrap(), span.to.unwrap());
        let expected: i64 = sessions.iter().map(|s| {
            let a = s.start.max(from);
            let b = s.end.unwrap().min(to);
            (b - a).num_seconds().max(0)
        }).sum();
        prop_assert_eq!(r.total_seconds, expected);
        prop_assert_eq!(r.groups.iter().map(|g| g.seconds).sum::<i64>(), expected);
        prop_assert_eq!(i64::try_from(r.groups.len()).unwrap(), days + 1);
    }
}

#[test]
fn one_level_by_project_or_tag_clips_rounds_and_counts_each_tag() {
    // Berlin, the week of 2026-03-02. Sessions (UTC):
    //   a +x +y  Sun 03-01 23:00Z – Mon 00:30Z: 90 min, all in the week (Monday 00:00
    //            in Berlin, +01:00, is Sunday 23:00Z)
    //   b        Mon 09:00Z – 09:10Z: 10 min
    //   a +y     Tue 10:00Z – 10:20Z: 20 min
    let sessions = [
        session(
            1,
            "a",
            &["x", "y"],
            "2026-03-01T23:00:00Z",
            "2026-03-02T00:30:00Z",
        ),
        session(2, "b", &[], "2026-03-02T09:00:00Z", "2026-03-02T09:10:00Z"),
        session(
            3,
            "a",
            &["y"],
            "2026-03-03T10:00:00Z",
            "2026-03-03T10:20:00Z",
        ),
        // Outside the week (ends as the week starts): ignored.
        session(
            4,
            "c",
            &["x"],
            "2026-03-01T22:00:00Z",
            "2026-03-01T23:00:00Z",
        ),
    ];
    let berlin = chrono_tz::Europe::Berlin;
    let week = |by: &[GroupBy]| options(berlin, date(2026, 3, 2), date(2026, 3, 8), by);
    let r = build(&sessions, week(&[GroupBy::Project]));
    // a: 90 + 20 = 110 min; b: 10 min.
    assert_eq!(keys_and_seconds(&r.groups), [("a", 6600), ("b", 600)]);
    assert_eq!((r.total_seconds, r.sessions_count), (7200, 3));
    let r = build(&sessions, week(&[GroupBy::Tag]));
    // Each tag counts the whole session: x 90 min, y 90 + 20 min; b has no tag.
    // Groups come largest first.
    assert_eq!(
        keys_and_seconds(&r.groups),
        [("y", 6600), ("x", 5400), ("(no tag)", 600)]
    );
    assert_eq!(r.total_seconds, 7200);
    // Rounding up to 15 min per session: 90 -> 90, 10 -> 15, 20 -> 30.
    let mut rounded = week(&[GroupBy::Project]);
    rounded.rounding = Some(Rounding {
        step: 900,
        mode: RoundMode::Up,
    });
    let r = build(&sessions, rounded);
    assert_eq!(keys_and_seconds(&r.groups), [("a", 7200), ("b", 900)]);
}
