//! Targets, the overtime balance and working-time limits as pure functions over
//! sessions and a zone. No SQL, no terminal: `cli/balance.rs`, `cli/limits.rs`,
//! `cli/status.rs` and the TUI read sessions, call these and print the result.
//!
//! Days are local days in the zone, cut with [`split_by_day`] (or, for work that
//! streams in, a [`DayCursor`] giving the same pieces), so a session across midnight
//! or a daylight-saving change counts on each day for exactly its part.

pub mod rules;
pub mod targets;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::time::split::{DayCursor, split_by_day};

pub use rules::{Breach, LimitSet, Rule};
pub use targets::{Balance, Targets};

/// A stretch of work `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// When the work began.
    pub start: DateTime<Utc>,
    /// When it ended (now, for a running session).
    pub end: DateTime<Utc>,
}

impl Interval {
    /// A session's times as work: a running one (`end` is `None`) ends at `now`;
    /// `None` when it has no length.
    #[must_use]
    pub fn of(
        start: DateTime<Utc>,
        end: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Option<Self> {
        let end = end.unwrap_or(now);
        (end > start).then_some(Interval { start, end })
    }
}

/// Seconds worked on each local day that has any work.
#[must_use]
pub fn day_totals(zone: Tz, work: &[Interval]) -> BTreeMap<NaiveDate, i64> {
    let mut totals = DayTotals::new(zone);
    for i in work {
        totals.push(*i);
    }
    totals.finish()
}

/// Per-day totals of work that streams in: what [`day_totals`] gives for the same
/// intervals, in one pass that costs a zone look-up per local day rather than per
/// interval. The pieces come from a [`DayCursor`], and the day being filled is kept
/// aside and added to the map once the work moves on to another day, so a history
/// of sessions in date order touches the map once per day, not once per session.
#[derive(Debug, Clone)]
pub struct DayTotals {
    cursor: DayCursor,
    totals: BTreeMap<NaiveDate, i64>,
    /// The day being filled and its seconds so far (not yet in `totals`).
    open: Option<(NaiveDate, i64)>,
}

impl DayTotals {
    /// No work yet, days read in `zone`.
    #[must_use]
    pub fn new(zone: Tz) -> Self {
        DayTotals {
            cursor: DayCursor::new(zone),
            totals: BTreeMap::new(),
            open: None,
        }
    }

    /// Adds one interval, split at local midnights (intervals may come in any order;
    /// oldest first is what makes it fast).
    pub fn push(&mut self, work: Interval) {
        self.push_seconds(work.start.timestamp(), work.end.timestamp());
    }

    /// [`DayTotals::push`] for the interval `[start, end)` in unix seconds.
    pub fn push_seconds(&mut self, start: i64, end: i64) {
        let (totals, open) = (&mut self.totals, &mut self.open);
        self.cursor.split(start, end, |date, seconds| match open {
            Some((day, sum)) if *day == date => *sum += seconds,
            _ => {
                if let Some((day, sum)) = open.replace((date, seconds)) {
                    *totals.entry(day).or_insert(0) += sum;
                }
            }
        });
    }

    /// The seconds worked on each local day that has any work.
    #[must_use]
    pub fn finish(mut self) -> BTreeMap<NaiveDate, i64> {
        if let Some((day, sum)) = self.open.take() {
            *self.totals.entry(day).or_insert(0) += sum;
        }
        self.totals
    }
}

/// Adds one interval to per-day totals, split at local midnights: what
/// [`day_totals`] does for each interval, for callers that stream work instead of
/// holding it (a whole history's balance keeps one entry per day, not per session).
pub fn add_to_day_totals(totals: &mut BTreeMap<NaiveDate, i64>, zone: Tz, work: Interval) {
    for piece in split_by_day(zone, work.start, work.end) {
        *totals.entry(piece.date).or_insert(0) += piece.seconds;
    }
}

/// Hours as text for figures, in the one duration style otium prints: whole hours as
/// the rules state them (`48 h`, `11 h`), anything else to the minute as everywhere
/// else (`11h 45m`, `-3h 30m`), never as decimal hours.
#[must_use]
pub fn hours_text(seconds: i64) -> String {
    if seconds % 3600 == 0 {
        return format!("{} h", seconds / 3600);
    }
    let sign = if seconds < 0 { "-" } else { "" };
    let minutes = (seconds.abs() + 30) / 60;
    format!("{sign}{}", crate::time::minutes_text(minutes))
}

/// [`hours_text`] in `lang`: `48小时`, `11小时45分`, `-3小时30分` in Chinese.
#[must_use]
pub fn hours_text_in(lang: crate::i18n::Lang, seconds: i64) -> String {
    if !lang.is_zh() {
        return hours_text(seconds);
    }
    if seconds % 3600 == 0 {
        return format!("{}小时", seconds / 3600);
    }
    let sign = if seconds < 0 { "-" } else { "" };
    let minutes = (seconds.abs() + 30) / 60;
    format!("{sign}{}", crate::i18n::zh::minutes(minutes))
}

/// Seconds from a number of hours, to the nearest second.
#[must_use]
pub fn hours_to_seconds(hours: f64) -> i64 {
    (hours * 3600.0).round() as i64
}

/// Serialises a date as `YYYY-MM-DD` (chrono's serde support is not compiled in).
pub(crate) fn serialize_date<S: serde::Serializer>(
    date: &NaiveDate,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(&date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests;
