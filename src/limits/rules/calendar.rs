//! Rules counted on the calendar: hours on a local day, hours in a week (alone or
//! averaged over a reference period), days without work in a week, and overtime in
//! a calendar month.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Breach, Check, Figures, Finding, NamedRule};
use crate::time::calendar::{
    add_days, month_first, month_last, next_month, sub_days, week_first, week_last,
};

/// Seconds worked per local day.
pub(super) type Totals = BTreeMap<NaiveDate, i64>;

/// Each day of the range with more than `limit` seconds of work.
pub(super) fn max_daily(
    rule: &NamedRule,
    limit: i64,
    check: &Check<'_>,
    totals: &Totals,
    out: &mut Vec<Breach>,
) {
    for (date, secs) in totals.range(check.first..=check.last.max(check.first)) {
        if *secs > limit {
            out.push(rule.breach(
                (*date, *date),
                Figures::seconds(*secs, limit),
                Finding::Day {
                    date: *date,
                    worked: *secs,
                    limit,
                },
            ));
        }
    }
}

/// Each week of the range whose reference period (the `weeks` weeks ending with it)
/// holds more than `weeks × limit` seconds; the figure is the weekly average.
pub(super) fn max_weekly_average(
    rule: &NamedRule,
    (limit, weeks): (i64, u32),
    check: &Check<'_>,
    totals: &Totals,
    out: &mut Vec<Breach>,
) {
    // Weeks before tracking began are unknown, not rest: the average starts with the
    // first tracked week (a new user's 60 h weeks are not diluted by empty ones).
    let tracked_from = check
        .tracked_since
        .map(|day| week_first(day, check.week_start));
    for week in weeks_of(check) {
        let mut window_first = sub_days(week, u64::from(weeks.saturating_sub(1)) * 7);
        if let Some(from) = tracked_from
            && from > window_first
            && from <= week
        {
            window_first = from;
        }
        let window_last = week_last(week);
        let counted = ((window_last - window_first).num_days() + 1) / 7;
        let total = sum_days(totals, window_first, window_last);
        if total <= limit * counted {
            continue;
        }
        let average = div_round(total, counted);
        let finding = Finding::Weeks {
            from: window_first,
            to: window_last,
            weeks: counted,
            since_tracking: counted < i64::from(weeks),
            worked: total,
            average,
            limit,
        };
        out.push(rule.breach(
            (window_first, window_last),
            Figures::seconds(average, limit),
            finding,
        ));
    }
}

/// Each week of the range with fewer than `days` local days without work.
pub(super) fn min_rest_days(
    rule: &NamedRule,
    days: u32,
    check: &Check<'_>,
    totals: &Totals,
    out: &mut Vec<Breach>,
) {
    for week in weeks_of(check) {
        let rest = (0..7)
            .filter(|i| totals.get(&add_days(week, *i)).is_none_or(|s| *s == 0))
            .count() as i64;
        if rest < i64::from(days) {
            let last = week_last(week);
            out.push(rule.breach(
                (week, last),
                Figures::days(rest, i64::from(days)),
                Finding::RestDays {
                    from: week,
                    to: last,
                    rest,
                    days: i64::from(days),
                },
            ));
        }
    }
}

/// Each calendar month of the range whose overtime (each day's work beyond
/// `after_daily`, summed) is more than `limit`.
pub(super) fn max_monthly_overtime(
    rule: &NamedRule,
    (limit, after_daily): (i64, i64),
    check: &Check<'_>,
    totals: &Totals,
    out: &mut Vec<Breach>,
) {
    for month in months_of(check) {
        let last = month_last(month);
        let overtime: i64 = totals
            .range(month..=last)
            .map(|(_, s)| (s - after_daily).max(0))
            .sum();
        if overtime > limit {
            out.push(rule.breach(
                (month, last),
                Figures::seconds(overtime, limit),
                Finding::Overtime {
                    month,
                    overtime,
                    after_daily,
                    limit,
                },
            ));
        }
    }
}

/// The first day of each week that overlaps the range.
fn weeks_of(check: &Check<'_>) -> Vec<NaiveDate> {
    let mut weeks = Vec::new();
    let mut week = week_first(check.first, check.week_start);
    while week <= check.last {
        weeks.push(week);
        let next = add_days(week, 7);
        if next == week {
            break;
        }
        week = next;
    }
    weeks
}

/// The first day of each calendar month that overlaps the range.
fn months_of(check: &Check<'_>) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = month_first(check.first);
    while month <= check.last {
        months.push(month);
        match next_month(month) {
            Some(next) => month = next,
            None => break,
        }
    }
    months
}

/// Seconds on the days `first..=last` (0 when `last` is before `first`).
pub(super) fn sum_days(totals: &Totals, first: NaiveDate, last: NaiveDate) -> i64 {
    if last < first {
        return 0;
    }
    totals.range(first..=last).map(|(_, s)| s).sum()
}

/// `a ÷ b` rounded half up (for the non-negative figures here).
fn div_round(a: i64, b: i64) -> i64 {
    (a + b / 2).div_euclid(b.max(1))
}
