//! Hand-made schedules with hand-computed figures.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc, Weekday};
use chrono_tz::Tz;

use super::rules::{Breach, Check, LimitSet, check, week_alerts};
use super::targets::{Targets, balance};
use super::{Interval, day_totals, hours_text};
use crate::config::Config;
use crate::time::calendar::add_days;
use crate::time::resolve_local;

const H: i64 = 3600;

fn at(zone: Tz, text: &str) -> DateTime<Utc> {
    resolve_local(
        zone,
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap(),
    )
    .instant
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// `(day, from, to)` with `to` on the next day when it is not after `from`.
fn shifts(zone: Tz, list: &[(&str, &str, &str)]) -> Vec<Interval> {
    list.iter()
        .map(|(day, from, to)| {
            let start = at(zone, &format!("{day} {from}"));
            let mut end = at(zone, &format!("{day} {to}"));
            if end <= start {
                end = at(zone, &format!("{} {to}", add_days(date(day), 1)));
            }
            Interval { start, end }
        })
        .collect()
}

/// The same hours on each of `days` consecutive days from `first`.
fn daily(zone: Tz, first: &str, days: u64, from: &str, to: &str) -> Vec<Interval> {
    let list: Vec<(String, &str, &str)> = (0..days)
        .map(|i| (add_days(date(first), i).to_string(), from, to))
        .collect();
    let refs: Vec<(&str, &str, &str)> = list.iter().map(|(d, f, t)| (d.as_str(), *f, *t)).collect();
    shifts(zone, &refs)
}

fn run(set: &LimitSet, work: &[Interval], zone: Tz, first: &str, last: &str) -> Vec<Breach> {
    let now = at(zone, &format!("{} 23:59", add_days(date(last), 40)));
    check(
        set,
        &Check {
            work,
            zone,
            week_start: Weekday::Mon,
            first: date(first),
            last: date(last),
            now,
            tracked_since: None,
        },
    )
}

fn rules(breaches: &[Breach]) -> Vec<&'static str> {
    breaches.iter().map(|b| b.rule).collect()
}

#[test]
fn a_regular_40_hour_week_breaks_nothing() {
    let berlin = chrono_tz::Europe::Berlin;
    // Mon 2026-03-02 .. Fri 03-06, 09:00–17:00: 5 × 8 h = 40 h.
    let work = daily(berlin, "2026-03-02", 5, "09:00", "17:00");
    assert_eq!(day_totals(berlin, &work).values().sum::<i64>(), 5 * 8 * H);
    for set in [LimitSet::eu(), LimitSet::cn()] {
        let found = run(&set, &work, berlin, "2026-03-02", "2026-03-08");
        assert!(found.is_empty(), "{}: {found:?}", set.name);
    }
}

/// One 996 week alone (Sunday off) breaks only the daily and weekly rules: its free
/// Sunday keeps art. 38, and its overtime, 6 × (12 − 8) = 24 h, is within art. 41's
/// 36 h a month. So the schedule runs two weeks, the second with Sunday worked:
///
/// | rule (art.)          | figure by hand                                   | limit |
/// |----------------------|--------------------------------------------------|-------|
/// | 8 h a day (36)       | 12 days of 09:00–21:00 = 12 h each               | 8 h   |
/// | 44 h a week (36)     | week 1: 6 × 12 = 72 h; week 2: 6 × 12 + 4 = 76 h | 44 h  |
/// | 1 rest day (38)      | week 2: 7 days worked, 7 − 7 = 0 free days       | 1     |
/// | 36 h overtime (41)   | March: 12 days × (12 − 8) h = 48 h (Sunday's 4 h | 36 h  |
/// |                      | is under 8 h: no overtime)                        |       |
#[test]
fn a_996_fortnight_breaks_each_cn_rule() {
    let shanghai = chrono_tz::Asia::Shanghai;
    // "996": 09:00–21:00 (12 h), six days a week = 72 h. Week 1 (Mon 03-02 .. Sat 03-07)
    // keeps Sunday free, so it has its one rest day; week 2 (03-09 .. 03-14) also works
    // Sunday 03-15 10:00–14:00 (4 h).
    let mut work = daily(shanghai, "2026-03-02", 6, "09:00", "21:00");
    work.extend(daily(shanghai, "2026-03-09", 6, "09:00", "21:00"));
    work.extend(shifts(shanghai, &[("2026-03-15", "10:00", "14:00")]));
    let found = run(&LimitSet::cn(), &work, shanghai, "2026-03-02", "2026-03-15");

    // Art. 36, 8 h a day: each of the 12 long days, 12 h.
    let days: Vec<&Breach> = found
        .iter()
        .filter(|b| b.rule == "max_daily_hours")
        .collect();
    assert_eq!(days.len(), 12);
    assert!(days.iter().all(|b| b.actual == 12 * H && b.limit == 8 * H));
    assert_eq!(days[0].from, date("2026-03-02"));
    assert_eq!(days[11].from, date("2026-03-14"));

    // Art. 36, 44 h a week: 6 × 12 = 72 h, then 6 × 12 + 4 = 76 h.
    let weeks: Vec<(NaiveDate, i64)> = found
        .iter()
        .filter(|b| b.rule == "max_weekly_hours")
        .map(|b| (b.from, b.actual))
        .collect();
    assert_eq!(
        weeks,
        [
            (date("2026-03-02"), 6 * 12 * H),
            (date("2026-03-09"), (6 * 12 + 4) * H)
        ]
    );

    // Art. 38, a rest day a week: only week 2, with 0 free days.
    let rest: Vec<&Breach> = found.iter().filter(|b| b.rule == "min_rest_days").collect();
    assert_eq!(rest.len(), 1);
    assert_eq!(
        (rest[0].from, rest[0].to),
        (date("2026-03-09"), date("2026-03-15"))
    );
    assert_eq!((rest[0].actual, rest[0].limit), (0, 1));

    // Art. 41, 36 h of overtime a month: 12 days × (12 − 8) h = 48 h in March.
    let month: Vec<&Breach> = found
        .iter()
        .filter(|b| b.rule == "max_monthly_overtime")
        .collect();
    assert_eq!(month.len(), 1);
    assert_eq!(
        (month[0].actual, month[0].limit),
        (12 * (12 - 8) * H, 36 * H)
    );
    assert_eq!(
        (month[0].from, month[0].to),
        (date("2026-03-01"), date("2026-03-31"))
    );

    assert_eq!(found.len(), 12 + 2 + 1 + 1);
    assert!(
        month[0].message().contains("48 h of overtime"),
        "{}",
        month[0].message()
    );
}

/// 17 weeks from Mon 2026-01-05 (W02) to Sun 2026-05-03 (W18), Mon–Sat 08:00–16:00
/// (6 × 8 = 48 h a week), with the last Saturday changed to `last_saturday`.
/// The period spans the change to summer time on Sunday 2026-03-29.
fn eu_17_weeks(last_saturday: (&str, &str)) -> Vec<Interval> {
    let berlin = chrono_tz::Europe::Berlin;
    let mut work = Vec::new();
    for week in 0..17 {
        let monday = add_days(date("2026-01-05"), week * 7);
        let days = if week == 16 { 5 } else { 6 };
        work.extend(daily(berlin, &monday.to_string(), days, "08:00", "16:00"));
    }
    work.extend(shifts(
        berlin,
        &[("2026-05-02", last_saturday.0, last_saturday.1)],
    ));
    work
}

#[test]
fn eu_17_week_average_just_above_48_hours() {
    let berlin = chrono_tz::Europe::Berlin;
    // Last Saturday 08:00–17:00 (9 h): 16 × 48 + 5 × 8 + 9 = 817 h over 17 weeks = 48.06 h.
    let work = eu_17_weeks(("08:00", "17:00"));
    assert_eq!(
        day_totals(berlin, &work).values().sum::<i64>(),
        (16 * 48 + 5 * 8 + 9) * H
    );
    let found = run(&LimitSet::eu(), &work, berlin, "2026-04-27", "2026-05-03");
    assert_eq!(rules(&found), ["max_weekly_hours"]);
    let b = &found[0];
    // 817 h = 2 941 200 s; ÷ 17 = 173 011.76 s, to the nearest second 173 012 s
    // (48 h 03 min 32 s): over 48 h = 172 800 s by 212 s.
    assert_eq!(b.actual, 173_012);
    assert_eq!(b.limit, 48 * H);
    assert_eq!((b.from, b.to), (date("2026-01-05"), date("2026-05-03")));
    assert!(
        b.message().contains("817 h worked, 48h 04m a week"),
        "{}",
        b.message()
    );
}

#[test]
fn eu_17_week_average_just_below_48_hours() {
    let berlin = chrono_tz::Europe::Berlin;
    // Last Saturday 08:00–15:00 (7 h): 16 × 48 + 5 × 8 + 7 = 815 h = 47.94 h a week.
    let work = eu_17_weeks(("08:00", "15:00"));
    assert_eq!(
        day_totals(berlin, &work).values().sum::<i64>(),
        (16 * 48 + 5 * 8 + 7) * H
    );
    let found = run(&LimitSet::eu(), &work, berlin, "2026-04-27", "2026-05-03");
    assert!(found.is_empty(), "{found:?}");
    // Exactly 48 h on average is allowed too (816 h = 17 × 48).
    let exact = eu_17_weeks(("08:00", "16:00"));
    assert!(run(&LimitSet::eu(), &exact, berlin, "2026-04-27", "2026-05-03").is_empty());
}

#[test]
fn night_shift_then_an_afternoon_start_is_a_9_hour_rest() {
    let berlin = chrono_tz::Europe::Berlin;
    // Mon 22:00 – Tue 06:00, then Tue 15:00 – 23:00: the rest between is 15 − 6 = 9 h.
    let work = shifts(
        berlin,
        &[
            ("2026-03-02", "22:00", "06:00"),
            ("2026-03-03", "15:00", "23:00"),
        ],
    );
    let found = run(&LimitSet::eu(), &work, berlin, "2026-03-02", "2026-03-08");
    assert_eq!(rules(&found), ["min_daily_rest"]);
    let b = &found[0];
    assert_eq!((b.actual, b.limit), ((15 - 6) * H, 11 * H));
    assert_eq!((b.from, b.to), (date("2026-03-02"), date("2026-03-03")));
    // From 22:00 to 23:00 the next day is a 25 h calendar stretch without an 11 h
    // rest, in which 8 + 8 = 16 h were worked (the stretch is not all work).
    assert!(
        b.message().starts_with(
            "2026-03-02 22:00 – 03-03 23:00: a 25h 00m stretch (16h 00m worked) without an 11 h rest"
        ),
        "{}",
        b.message()
    );
    assert!(
        b.message()
            .contains("9h 00m (2026-03-03 06:00 – 2026-03-03 15:00)"),
        "{}",
        b.message()
    );

    // With 11 h between (next start at 17:00) there is no breach.
    let rested = shifts(
        berlin,
        &[
            ("2026-03-02", "22:00", "06:00"),
            ("2026-03-03", "17:00", "23:00"),
        ],
    );
    assert!(run(&LimitSet::eu(), &rested, berlin, "2026-03-02", "2026-03-08").is_empty());
}

#[test]
fn eu_weekly_rest_of_35_hours() {
    let berlin = chrono_tz::Europe::Berlin;
    // Seven days 09:00–17:00: rests of 16 h only; Mon 09:00 to Sun 17:00 is 152 h of
    // work time, more than 7 × 24 − 35 = 133 h.
    let work = daily(berlin, "2026-03-02", 7, "09:00", "17:00");
    let found = run(&LimitSet::eu(), &work, berlin, "2026-03-02", "2026-03-08");
    assert_eq!(rules(&found), ["min_weekly_rest"]);
    assert_eq!((found[0].actual, found[0].limit), (16 * H, 35 * H));
}

#[test]
fn weeks_spanning_dst_changes_count_real_hours() {
    let berlin = chrono_tz::Europe::Berlin;
    // Week of Mon 2026-03-23: Mon–Fri 09:00–17:00, and Sunday 03-29 (clocks jump from
    // 02:00 to 03:00) 00:00–08:30: 8.5 h on the wall clock, 7.5 h of real time.
    let mut spring = daily(berlin, "2026-03-23", 5, "09:00", "17:00");
    spring.extend(shifts(berlin, &[("2026-03-29", "00:00", "08:30")]));
    let found = run(&LimitSet::cn(), &spring, berlin, "2026-03-23", "2026-03-29");
    // No day over 8 h; the week is 5 × 8 + 7.5 = 47.5 h, over 44.
    assert_eq!(rules(&found), ["max_weekly_hours"]);
    assert_eq!(found[0].actual, 5 * 8 * H + 7 * H + H / 2);

    // Week of Mon 2026-10-19: Sunday 10-25 (clocks go back from 03:00 to 02:00)
    // 00:00–07:30: 7.5 h on the wall clock, 8.5 h of real time.
    let mut autumn = daily(berlin, "2026-10-19", 5, "09:00", "17:00");
    autumn.extend(shifts(berlin, &[("2026-10-25", "00:00", "07:30")]));
    let found = run(&LimitSet::cn(), &autumn, berlin, "2026-10-19", "2026-10-25");
    assert_eq!(rules(&found), ["max_daily_hours", "max_weekly_hours"]);
    assert_eq!(
        (found[0].from, found[0].actual),
        (date("2026-10-25"), 8 * H + H / 2)
    );
    assert_eq!(found[1].actual, 5 * 8 * H + 8 * H + H / 2);
}

#[test]
fn rest_across_a_dst_change_is_real_time() {
    let berlin = chrono_tz::Europe::Berlin;
    // Spring: Sat 2026-03-28 14:00–22:00, Sun 03-29 09:00–17:00. On the wall clock the
    // rest is 22:00 → 09:00 = 11 h, but 02:00–03:00 does not exist that night: 10 h.
    let spring = shifts(
        berlin,
        &[
            ("2026-03-28", "14:00", "22:00"),
            ("2026-03-29", "09:00", "17:00"),
        ],
    );
    let found = run(&LimitSet::eu(), &spring, berlin, "2026-03-23", "2026-03-29");
    assert_eq!(rules(&found), ["min_daily_rest"]);
    assert_eq!((found[0].actual, found[0].limit), (10 * H, 11 * H));
    assert_eq!(
        (found[0].from, found[0].to),
        (date("2026-03-28"), date("2026-03-29"))
    );
    // Sat 14:00 to Sun 17:00 is 27 h on the wall clock, 26 h of real time; worked
    // 8 + 8 = 16 h of it.
    assert!(
        found[0]
            .message()
            .contains("a 26h 00m stretch (16h 00m worked)"),
        "{}",
        found[0].message()
    );

    // Autumn: Sat 10-24 14:00–23:00, Sun 10-25 09:00–17:00. The wall clock says 10 h of
    // rest, but 02:00–03:00 happens twice: 11 h, enough.
    let autumn = shifts(
        berlin,
        &[
            ("2026-10-24", "14:00", "23:00"),
            ("2026-10-25", "09:00", "17:00"),
        ],
    );
    let found = run(&LimitSet::eu(), &autumn, berlin, "2026-10-19", "2026-10-25");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn explicit_limits_check_only_what_is_given() {
    let config = Config::parse("[limits]\nmax_daily_hours = 9\n").unwrap();
    let set = LimitSet::from_config(&config.limits).unwrap();
    assert_eq!(set.rules.len(), 1);
    assert_eq!(set.rules[0].source, "your config ([limits])");
    let utc = chrono_tz::UTC;
    let work = shifts(utc, &[("2026-03-02", "08:00", "18:00")]);
    let found = run(&set, &work, utc, "2026-03-02", "2026-03-02");
    assert_eq!((found[0].actual, found[0].limit), (10 * H, 9 * H));
    assert!(LimitSet::from_config(&Config::default().limits).is_none());
}

#[test]
fn week_alerts_warn_when_on_course() {
    let berlin = chrono_tz::Europe::Berlin;
    // 16 weeks of 48 h (Mon–Sat 08:00–16:00) from 2026-01-05, then Monday 04-27.
    let mut work = Vec::new();
    for week in 0..16 {
        let monday = add_days(date("2026-01-05"), week * 7);
        work.extend(daily(berlin, &monday.to_string(), 6, "08:00", "16:00"));
    }
    let mut long_monday = work.clone();
    // 10 h on Monday projects to 5 × 10 = 50 h: 16 × 48 + 50 = 818 > 17 × 48 = 816.
    long_monday.extend(shifts(berlin, &[("2026-04-27", "08:00", "18:00")]));
    let now = at(berlin, "2026-04-27 20:00");
    let alerts = week_alerts(
        &LimitSet::eu(),
        &long_monday,
        berlin,
        Weekday::Mon,
        now,
        None,
    );
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].contains("on course"), "{}", alerts[0]);
    assert!(alerts[0].contains("about 50 h"), "{}", alerts[0]);
    // 9 h projects to 45 h: 16 × 48 + 45 = 813 ≤ 816.
    work.extend(shifts(berlin, &[("2026-04-27", "08:00", "17:00")]));
    assert!(week_alerts(&LimitSet::eu(), &work, berlin, Weekday::Mon, now, None).is_empty());
}

#[test]
fn targets_from_the_config() {
    let weekly = Config::parse("weekly_target_hours = 40\n[targets]\nsat = 4\n").unwrap();
    let t = Targets::from_config(&weekly).unwrap();
    // 40 ÷ 5 = 8 h Monday to Friday, Saturday 4 h, Sunday 0.
    assert_eq!(t.per_weekday, [8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 4 * H, 0]);
    assert_eq!(t.week(), (5 * 8 + 4) * H);
    let daily = Config::parse("daily_target_hours = 7.5\nweekly_target_hours = 40\n").unwrap();
    assert_eq!(
        Targets::from_config(&daily).unwrap().on(date("2026-03-02")),
        7 * H + H / 2
    );
    assert!(Targets::from_config(&Config::default()).is_none());
}

#[test]
fn balance_per_day_and_week_since_a_start_date() {
    let berlin = chrono_tz::Europe::Berlin;
    let config = Config::parse("daily_target_hours = 8\n[targets]\nfri = 6\n").unwrap();
    let targets = Targets::from_config(&config).unwrap();
    // Week of 02-23 (before the range): 5 × 8 h = 40 h against 4 × 8 + 6 = 38 h: +2 h.
    let mut work = daily(berlin, "2026-02-23", 5, "09:00", "17:00");
    // Week of 03-02: 9, 8, 8, 8, 6 h = 39 h against 38 h: +1 h. Monday 09:00–18:00.
    work.extend(shifts(berlin, &[("2026-03-02", "09:00", "18:00")]));
    work.extend(daily(berlin, "2026-03-03", 3, "09:00", "17:00"));
    work.extend(shifts(berlin, &[("2026-03-06", "09:00", "15:00")]));
    let totals = day_totals(berlin, &work);
    let b = balance(
        &totals,
        &targets,
        Weekday::Mon,
        date("2026-03-02"),
        date("2026-03-08"),
        Some(date("2026-02-23")),
        date("2026-03-07"),
    );
    // Days after today (Sunday 03-08) are left out.
    assert_eq!(b.days.len(), 6);
    assert_eq!(b.days[0].difference_seconds, H);
    // Carried +2 h, Monday +1 h.
    assert_eq!(b.days[0].balance_seconds, Some(2 * H + H));
    assert_eq!(b.worked_seconds, (9 + 8 + 8 + 8 + 6) * H);
    assert_eq!(b.target_seconds, (4 * 8 + 6) * H);
    assert_eq!(b.difference_seconds, H);
    assert_eq!(b.balance_seconds, Some(2 * H + H));
    assert_eq!(b.weeks.len(), 1);
    assert_eq!(b.weeks[0].week, "2026-W10");
    assert_eq!(b.weeks[0].balance_seconds, Some(3 * H));

    // Without a start date the balance starts with the range.
    let fresh = balance(
        &totals,
        &targets,
        Weekday::Mon,
        date("2026-03-02"),
        date("2026-03-08"),
        None,
        date("2026-03-08"),
    );
    // Sunday's target is 0: the balance stays at +1 h.
    assert_eq!(fresh.balance_seconds, Some(H));
    assert_eq!(fresh.since, date("2026-03-02"));
    // One duration style: whole hours as the rules say them, else to the minute.
    assert_eq!(hours_text(-(3 * H + H / 2)), "-3h 30m");
    assert_eq!(hours_text(11 * H + 45 * 60), "11h 45m");
    assert_eq!(hours_text(48 * H), "48 h");
    assert_eq!(hours_text(5 * 60), "5m");
}

#[test]
fn week_alerts_with_a_one_week_rule_and_nothing_broken() {
    // cn checks each week on its own (no weeks before it): Monday 6 h projects to 30 h.
    let berlin = chrono_tz::Europe::Berlin;
    let work = shifts(berlin, &[("2026-03-02", "09:00", "15:00")]);
    let now = at(berlin, "2026-03-02 20:00");
    assert!(week_alerts(&LimitSet::cn(), &work, berlin, Weekday::Mon, now, None).is_empty());
}

#[test]
fn the_eu_average_starts_when_tracking_began() {
    // A new user: Mon–Fri 08:00–20:00 (12 h, leaving 12 h of rest) in the weeks of
    // 2026-03-02 and 2026-03-09, nothing tracked before. 2 × 5 × 12 = 120 h.
    let berlin = chrono_tz::Europe::Berlin;
    let mut work = daily(berlin, "2026-03-02", 5, "08:00", "20:00");
    work.extend(daily(berlin, "2026-03-09", 5, "08:00", "20:00"));
    let now = at(berlin, "2026-04-30 12:00");
    let run_since = |since: Option<NaiveDate>| {
        check(
            &LimitSet::eu(),
            &Check {
                work: &work,
                zone: berlin,
                week_start: Weekday::Mon,
                first: date("2026-03-09"),
                last: date("2026-03-15"),
                now,
                tracked_since: since,
            },
        )
    };
    // Counting the 15 weeks before as rest: 120 h ÷ 17 = 7.06 h a week, no breach.
    assert!(run_since(None).is_empty());
    // From the first tracked week: 120 h ÷ 2 = 60 h a week, over 48 h.
    let found = run_since(Some(date("2026-03-02")));
    assert_eq!(rules(&found), ["max_weekly_hours"]);
    let b = &found[0];
    assert_eq!((b.actual, b.limit), (60 * H, 48 * H));
    assert_eq!((b.from, b.to), (date("2026-03-02"), date("2026-03-15")));
    assert!(
        b.message()
            .contains("2 weeks 2026-03-02–2026-03-15 (since tracking began): 120 h worked, 60 h a week on average"),
        "{}",
        b.message()
    );
}
