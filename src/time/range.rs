//! Local-day ranges: a day, a week, an inclusive run of days, each as a
//! half-open UTC span. Days are 23, 24 or 25 hours long; the span follows the zone.

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;

use super::calendar::{add_days, month_first, month_last, week_first, week_last};
use super::day_start;

/// A half-open interval of instants `[from, to)`; `None` means unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First instant included, or unbounded.
    pub from: Option<DateTime<Utc>>,
    /// First instant no longer included, or unbounded.
    pub to: Option<DateTime<Utc>>,
}

impl Span {
    /// Everything.
    pub const ALL: Span = Span {
        from: None,
        to: None,
    };

    /// The local days `first..=last` in `tz`.
    #[must_use]
    pub fn days(tz: Tz, first: NaiveDate, last: NaiveDate) -> Span {
        let after = add_days(last, 1);
        Span {
            from: Some(day_start(tz, first)),
            to: Some(day_start(tz, after)),
        }
    }

    /// The week containing `date`, starting on `week_start`.
    #[must_use]
    pub fn week(tz: Tz, date: NaiveDate, week_start: Weekday) -> Span {
        let first = week_first(date, week_start);
        Span::days(tz, first, week_last(first))
    }

    /// Whether `[start, end)` (end `None` = still running) shares any instant with the span.
    #[must_use]
    pub fn overlaps(&self, start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> bool {
        let starts_before_end = self.to.is_none_or(|to| start < to);
        let ends_after_start = match (self.from, end) {
            (Some(from), Some(end)) => end > from,
            _ => true,
        };
        starts_before_end && ends_after_start
    }
}

/// The local days of the month containing `date`.
#[must_use]
pub fn month_span(tz: Tz, date: NaiveDate) -> Span {
    Span::days(tz, month_first(date), month_last(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dst_days_are_23_and_25_hours() {
        let berlin = chrono_tz::Europe::Berlin;
        let hours = |d| {
            let s = Span::days(berlin, d, d);
            (s.to.unwrap() - s.from.unwrap()).num_hours()
        };
        assert_eq!(hours(date(2026, 3, 29)), 23);
        assert_eq!(hours(date(2026, 10, 25)), 25);
        assert_eq!(hours(date(2026, 6, 1)), 24);
    }

    #[test]
    fn iso_week_and_sunday_week() {
        let utc = chrono_tz::UTC;
        // 2026-03-04 is a Wednesday; its ISO week runs Mon 2 Mar .. Sun 8 Mar.
        let iso = Span::week(utc, date(2026, 3, 4), Weekday::Mon);
        assert_eq!(iso.from.unwrap().to_rfc3339(), "2026-03-02T00:00:00+00:00");
        assert_eq!(iso.to.unwrap().to_rfc3339(), "2026-03-09T00:00:00+00:00");
        let us = Span::week(utc, date(2026, 3, 4), Weekday::Sun);
        assert_eq!(us.from.unwrap().to_rfc3339(), "2026-03-01T00:00:00+00:00");
        // On the start day itself the week begins that day.
        let monday = Span::week(utc, date(2026, 3, 2), Weekday::Mon);
        assert_eq!(monday.from, iso.from);
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;
    use crate::time::calendar::{parse_iso_week, parse_month};

    #[test]
    fn weeks_and_months() {
        // ISO 2026-W10 starts Monday 2026-03-02; 2026-W01 starts 2025-12-29.
        assert_eq!(
            parse_iso_week("2026-W10"),
            NaiveDate::from_ymd_opt(2026, 3, 2)
        );
        assert_eq!(
            parse_iso_week("2026-W01"),
            NaiveDate::from_ymd_opt(2025, 12, 29)
        );
        assert_eq!(parse_iso_week("2026-W54"), None);
        assert_eq!(parse_iso_week("2026-10"), None);
        assert_eq!(parse_month("2026-02"), NaiveDate::from_ymd_opt(2026, 2, 1));
        assert_eq!(parse_month("2026-13"), None);
        let feb = month_span(chrono_tz::UTC, parse_month("2026-02").unwrap());
        assert_eq!((feb.to.unwrap() - feb.from.unwrap()).num_days(), 28);
    }

    #[test]
    fn month_span_takes_any_day_and_reaches_the_calendars_end() {
        let utc = chrono_tz::UTC;
        // Any day of February 2024 names the whole leap month: 1 Feb .. 29 Feb.
        let feb = month_span(utc, NaiveDate::from_ymd_opt(2024, 2, 17).unwrap());
        assert_eq!(feb.from.unwrap().to_rfc3339(), "2024-02-01T00:00:00+00:00");
        assert_eq!(feb.to.unwrap().to_rfc3339(), "2024-03-01T00:00:00+00:00");
        // The last month chrono knows starts on its 1st; there is no day after its
        // 31st to end on, so the span stops at the start of that day.
        let last = month_span(utc, NaiveDate::MAX);
        assert_eq!(
            last.from.unwrap().to_rfc3339(),
            "+262142-12-01T00:00:00+00:00"
        );
        assert_eq!(
            last.to.unwrap().to_rfc3339(),
            "+262142-12-31T00:00:00+00:00"
        );
    }
}
