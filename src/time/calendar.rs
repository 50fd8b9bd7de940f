//! The calendar as pure functions on `NaiveDate` and `Weekday`: stepping by days,
//! the week containing a date for a configured `week_start`, ISO week names
//! (`2026-W10`), month bounds, and a run of ISO weeks ([`Weeks`]). No zones here:
//! turning days into instants stays in [`crate::time::range`].
//!
//! Near chrono's limits (years ±262 143) a step that would leave the calendar
//! stays on the date it started from, so callers never see an error for a range
//! no one will ever ask for.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::error::{Error, Result};

/// `date + days`, or `date` itself when that would pass the calendar's end.
#[must_use]
pub fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// `date - days`, or `date` itself when that would pass the calendar's start.
#[must_use]
pub fn sub_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

/// The days `first..=last` in order, none when `last` is before `first`. Unlike
/// chrono's `iter_days`, the calendar's last date is included when asked for.
pub fn days(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    std::iter::successors((first <= last).then_some(first), move |day| {
        day.succ_opt().filter(|next| *next <= last)
    })
}

/// The first day of the week containing `date`, weeks starting on `week_start`
/// (`date` itself when that day lies before the calendar's start).
#[must_use]
pub fn week_first(date: NaiveDate, week_start: Weekday) -> NaiveDate {
    let back = date.weekday().days_since(week_start);
    sub_days(date, u64::from(back))
}

/// The last day of the week starting on `first` (`first` itself at the calendar's end).
#[must_use]
pub fn week_last(first: NaiveDate) -> NaiveDate {
    add_days(first, 6)
}

/// The ISO week holding `date`, as `2026-W10`. The year is the ISO week-year, so
/// 2021-01-03 is `2020-W53` and 2026-12-31 is `2026-W53`.
#[must_use]
pub fn iso_week_label(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// The key of the week containing `date`: `2026-W10` when weeks start on Monday
/// (the ISO week), else `week of 2026-03-01` naming the week's first day, since
/// other weeks have no standard number.
#[must_use]
pub fn week_key(date: NaiveDate, week_start: Weekday) -> String {
    if week_start == Weekday::Mon {
        iso_week_label(date)
    } else {
        format!("week of {}", week_first(date, week_start))
    }
}

/// Parses `YYYY-Www` (ISO week, `w` in either case) into that week's Monday.
#[must_use]
pub fn parse_iso_week(text: &str) -> Option<NaiveDate> {
    let (year, week) = text.trim().split_once(['-'])?;
    let week = week.strip_prefix('W').or_else(|| week.strip_prefix('w'))?;
    if week.len() != 2 || year.len() != 4 {
        return None;
    }
    NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)
}

/// Parses `YYYY-MM` into the first day of that month.
#[must_use]
pub fn parse_month(text: &str) -> Option<NaiveDate> {
    let (year, month) = text.trim().split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

/// The first day of the month containing `date`.
#[must_use]
pub fn month_first(date: NaiveDate) -> NaiveDate {
    // Every month has a 1st, so this never falls back.
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month after the one containing `date`; `None` in the
/// calendar's last month.
#[must_use]
pub fn next_month(date: NaiveDate) -> Option<NaiveDate> {
    month_first(date).checked_add_months(Months::new(1))
}

/// The first day of the month before the one containing `date`; `None` in the
/// calendar's first month.
#[must_use]
pub fn prev_month(date: NaiveDate) -> Option<NaiveDate> {
    month_first(date).checked_sub_months(Months::new(1))
}

/// The last day of the month containing `date`.
#[must_use]
pub fn month_last(date: NaiveDate) -> NaiveDate {
    match next_month(date) {
        Some(next) => next.pred_opt().unwrap_or(date),
        // Only the calendar's last month has no next one, and it ends on the last date.
        None => NaiveDate::MAX,
    }
}

/// A run of whole ISO weeks, given by their Mondays (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weeks {
    /// Monday of the first week.
    pub first: NaiveDate,
    /// Monday of the last week.
    pub last: NaiveDate,
}

impl Weeks {
    /// `2026-W10..2026-W13`, or one week `2026-W10`.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(format!(
                "{text:?} is not a week or run of weeks; use e.g. 2026-W10 or 2026-W10..2026-W13"
            ))
        };
        let (a, b) = text.split_once("..").unwrap_or((text, text));
        let first = parse_iso_week(a).ok_or_else(bad)?;
        let last = parse_iso_week(b).ok_or_else(bad)?;
        if last < first {
            return Err(Error::invalid(format!(
                "in {text:?} the last week comes before the first"
            )));
        }
        Ok(Weeks { first, last })
    }

    /// The single week starting on `monday`.
    #[must_use]
    pub fn one(monday: NaiveDate) -> Self {
        Weeks {
            first: monday,
            last: monday,
        }
    }

    /// How many weeks.
    #[must_use]
    pub fn count(&self) -> i64 {
        (self.last - self.first).num_days() / 7 + 1
    }

    /// The last day of the run: the Sunday of its last week.
    #[must_use]
    pub fn last_day(&self) -> NaiveDate {
        week_last(self.last)
    }

    /// `2026-W10` or `2026-W10..2026-W13`.
    #[must_use]
    pub fn label(&self) -> String {
        if self.first == self.last {
            iso_week_label(self.first)
        } else {
            format!(
                "{}..{}",
                iso_week_label(self.first),
                iso_week_label(self.last)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn week_first_follows_week_start() {
        // Sunday 2026-03-01: Monday weeks began six days earlier, Sunday weeks that day.
        assert_eq!(
            week_first(date("2026-03-01"), Weekday::Mon),
            date("2026-02-23")
        );
        assert_eq!(
            week_first(date("2026-03-01"), Weekday::Sun),
            date("2026-03-01")
        );
        // Wednesday 2026-03-04: back to Mon 2 Mar, Sun 1 Mar, Sat 28 Feb; Thursday
        // weeks began the Thursday before, 2026-02-26.
        let wed = date("2026-03-04");
        assert_eq!(week_first(wed, Weekday::Mon), date("2026-03-02"));
        assert_eq!(week_first(wed, Weekday::Sun), date("2026-03-01"));
        assert_eq!(week_first(wed, Weekday::Sat), date("2026-02-28"));
        assert_eq!(week_first(wed, Weekday::Thu), date("2026-02-26"));
        assert_eq!(week_first(wed, Weekday::Wed), wed);
        // Across a year end: Friday 2027-01-01 is in the week of Monday 2026-12-28.
        assert_eq!(
            week_first(date("2027-01-01"), Weekday::Mon),
            date("2026-12-28")
        );
        assert_eq!(week_last(date("2026-12-28")), date("2027-01-03"));
    }

    #[test]
    fn iso_week_years_at_year_ends() {
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027-01-01 (Friday)
        // still belongs to 2026-W53, and 2027-W01 starts Monday 2027-01-04.
        assert_eq!(iso_week_label(date("2026-12-31")), "2026-W53");
        assert_eq!(iso_week_label(date("2027-01-01")), "2026-W53");
        assert_eq!(iso_week_label(date("2027-01-03")), "2026-W53");
        assert_eq!(iso_week_label(date("2027-01-04")), "2027-W01");
        // 2021-01-03 is a Sunday, the last day of 2020-W53 (2020 began on a Wednesday
        // in a leap year).
        assert_eq!(iso_week_label(date("2021-01-03")), "2020-W53");
        assert_eq!(iso_week_label(date("2021-01-04")), "2021-W01");
        // Monday 2025-12-29 opens 2026-W01.
        assert_eq!(iso_week_label(date("2025-12-29")), "2026-W01");
        assert_eq!(iso_week_label(date("2026-03-02")), "2026-W10");
    }

    #[test]
    fn week_keys() {
        assert_eq!(week_key(date("2026-03-04"), Weekday::Mon), "2026-W10");
        assert_eq!(week_key(date("2021-01-03"), Weekday::Mon), "2020-W53");
        assert_eq!(
            week_key(date("2026-03-04"), Weekday::Sun),
            "week of 2026-03-01"
        );
        // Saturday 2027-01-02 with Sunday weeks: the week began Sunday 2026-12-27.
        assert_eq!(
            week_key(date("2027-01-02"), Weekday::Sun),
            "week of 2026-12-27"
        );
    }

    #[test]
    fn parses_weeks_and_months() {
        assert_eq!(parse_iso_week("2026-W10"), Some(date("2026-03-02")));
        assert_eq!(parse_iso_week(" 2026-w01 "), Some(date("2025-12-29")));
        assert_eq!(parse_iso_week("2020-W53"), Some(date("2020-12-28")));
        assert_eq!(parse_iso_week("2026-W53"), Some(date("2026-12-28")));
        // 2027 starts on a Friday: 52 weeks only.
        assert_eq!(parse_iso_week("2027-W53"), None);
        assert_eq!(parse_iso_week("2026-W54"), None);
        assert_eq!(parse_iso_week("2026-W1"), None);
        assert_eq!(parse_iso_week("2026-10"), None);
        assert_eq!(parse_month("2026-02"), Some(date("2026-02-01")));
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("2026-2"), None);
    }

    #[test]
    fn month_bounds() {
        assert_eq!(month_first(date("2024-02-17")), date("2024-02-01"));
        // 2024 is a leap year; 2026 and 1900 are not; 2000 is.
        assert_eq!(month_last(date("2024-02-01")), date("2024-02-29"));
        assert_eq!(month_last(date("2026-02-10")), date("2026-02-28"));
        assert_eq!(month_last(date("1900-02-01")), date("1900-02-28"));
        assert_eq!(month_last(date("2000-02-01")), date("2000-02-29"));
        assert_eq!(month_last(date("2026-04-30")), date("2026-04-30"));
        assert_eq!(month_last(date("2026-12-05")), date("2026-12-31"));
        assert_eq!(next_month(date("2026-12-31")), Some(date("2027-01-01")));
        assert_eq!(next_month(date("2026-01-31")), Some(date("2026-02-01")));
        assert_eq!(prev_month(date("2026-03-31")), Some(date("2026-02-01")));
        assert_eq!(prev_month(date("2026-01-15")), Some(date("2025-12-01")));
    }

    #[test]
    fn days_step_and_saturate() {
        assert_eq!(add_days(date("2024-02-28"), 1), date("2024-02-29"));
        assert_eq!(add_days(date("2026-12-31"), 1), date("2027-01-01"));
        assert_eq!(sub_days(date("2026-03-01"), 1), date("2026-02-28"));
        assert_eq!(add_days(date("2026-03-02"), 0), date("2026-03-02"));
        // At chrono's ends a step stays put instead of failing.
        assert_eq!(add_days(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(sub_days(NaiveDate::MIN, 1), NaiveDate::MIN);
        let near_end = sub_days(NaiveDate::MAX, 2);
        assert_eq!(add_days(near_end, 6), near_end);
        assert_eq!(week_last(near_end), near_end);
    }

    #[test]
    fn runs_of_days() {
        let feb_end: Vec<String> = days(date("2024-02-27"), date("2024-03-01"))
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            feb_end,
            ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]
        );
        assert_eq!(days(date("2026-03-02"), date("2026-03-02")).count(), 1);
        assert_eq!(days(date("2026-03-02"), date("2026-03-01")).count(), 0);
        // The calendar's last two dates, both included, and then the run ends.
        let end: Vec<NaiveDate> = days(sub_days(NaiveDate::MAX, 1), NaiveDate::MAX).collect();
        assert_eq!(end, [sub_days(NaiveDate::MAX, 1), NaiveDate::MAX]);
    }

    #[test]
    fn calendar_limits() {
        // The first day of all is a week's start only if it is that weekday;
        // otherwise the week would begin before it, and the date stays.
        let min = NaiveDate::MIN;
        assert_eq!(week_first(min, min.weekday()), min);
        assert_eq!(week_first(min, min.weekday().succ()), min);
        assert_eq!(prev_month(min), None);
        assert_eq!(next_month(NaiveDate::MAX), None);
        // The last month ends on the last date there is (December 31).
        assert_eq!(NaiveDate::MAX.month(), 12);
        assert_eq!(NaiveDate::MAX.day(), 31);
        assert_eq!(month_last(NaiveDate::MAX), NaiveDate::MAX);
        assert_eq!(month_last(month_first(NaiveDate::MAX)), NaiveDate::MAX);
        assert_eq!(month_first(min), min);
    }

    #[test]
    fn runs_of_weeks() {
        let run = Weeks::parse("2026-W10..2026-W13").unwrap();
        assert_eq!(run.first, date("2026-03-02"));
        assert_eq!(run.last, date("2026-03-23"));
        assert_eq!(run.count(), 4);
        assert_eq!(run.last_day(), date("2026-03-29"));
        assert_eq!(run.label(), "2026-W10..2026-W13");
        let one = Weeks::parse("2020-W53").unwrap();
        assert_eq!(one, Weeks::one(date("2020-12-28")));
        assert_eq!(one.count(), 1);
        assert_eq!(one.label(), "2020-W53");
        assert_eq!(one.last_day(), date("2021-01-03"));
        assert!(Weeks::parse("2026-W13..2026-W10").is_err());
        assert!(Weeks::parse("2026-13").is_err());
    }
}
