//! Per-day targets from the config and the overtime balance: worked minus target,
//! per day and per week, and the running sum since `balance_since`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::hours_to_seconds;
use crate::config::Config;
use crate::time::calendar::{self, week_key};

/// The target for each weekday, in seconds (index 0 = Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// Seconds per weekday, Monday first.
    pub per_weekday: [i64; 7],
}

impl Targets {
    /// The targets the config sets, or `None` when it sets none.
    ///
    /// A day's target is `[targets] <day>` if given; otherwise, Monday to Friday,
    /// `daily_target_hours`, else `weekly_target_hours ÷ 5`; Saturday and Sunday 0.
    #[must_use]
    pub fn from_config(config: &Config) -> Option<Targets> {
        let t = &config.targets;
        let any_day = [t.mon, t.tue, t.wed, t.thu, t.fri, t.sat, t.sun]
            .iter()
            .any(Option::is_some);
        let workday = config
            .daily_target_hours
            .or(config.weekly_target_hours.map(|w| w / 5.0));
        if !any_day && workday.is_none() {
            return None;
        }
        let mut per_weekday = [0; 7];
        for (i, slot) in per_weekday.iter_mut().enumerate() {
            let day = Weekday::try_from(i as u8).unwrap_or(Weekday::Mon);
            let fallback = if i < 5 { workday.unwrap_or(0.0) } else { 0.0 };
            *slot = hours_to_seconds(t.get(day).unwrap_or(fallback));
        }
        Some(Targets { per_weekday })
    }

    /// The target on `date`, in seconds.
    #[must_use]
    pub fn on(&self, date: NaiveDate) -> i64 {
        self.per_weekday[date.weekday().num_days_from_monday() as usize]
    }

    /// The target of a whole week, in seconds.
    #[must_use]
    pub fn week(&self) -> i64 {
        self.per_weekday.iter().sum()
    }
}

/// One day of the balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayBalance {
    /// The local date.
    #[serde(serialize_with = "super::serialize_date")]
    pub date: NaiveDate,
    /// Seconds worked.
    pub worked_seconds: i64,
    /// The day's target in seconds.
    pub target_seconds: i64,
    /// Worked minus target.
    pub difference_seconds: i64,
    /// The running balance at the end of the day, or `None` before `balance_since`.
    pub balance_seconds: Option<i64>,
}

/// One week of the balance (only its days inside the range).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekBalance {
    /// `2026-W10`, or `week of 2026-03-01` with another week start.
    pub week: String,
    /// First day shown.
    #[serde(serialize_with = "super::serialize_date")]
    pub from: NaiveDate,
    /// Last day shown.
    #[serde(serialize_with = "super::serialize_date")]
    pub to: NaiveDate,
    /// Seconds worked.
    pub worked_seconds: i64,
    /// The target of the days shown.
    pub target_seconds: i64,
    /// Worked minus target.
    pub difference_seconds: i64,
    /// The running balance at the end of its last day shown.
    pub balance_seconds: Option<i64>,
}

/// The balance over a range of days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Balance {
    /// The day the running balance counts from.
    #[serde(serialize_with = "super::serialize_date")]
    pub since: NaiveDate,
    /// Every day of the range up to today.
    pub days: Vec<DayBalance>,
    /// The range's weeks.
    pub weeks: Vec<WeekBalance>,
    /// Worked in the range.
    pub worked_seconds: i64,
    /// Target of the range.
    pub target_seconds: i64,
    /// Worked minus target in the range.
    pub difference_seconds: i64,
    /// The running balance at the end of the last day shown.
    pub balance_seconds: Option<i64>,
}

/// The balance for the days `first..=last` (days after `today` are left out).
///
/// `totals` must hold the worked seconds of every day from `since` (default
/// `first`) to `last`; a day missing from it counts as 0.
#[must_use]
pub fn balance(
    totals: &BTreeMap<NaiveDate, i64>,
    targets: &Targets,
    week_start: Weekday,
    first: NaiveDate,
    last: NaiveDate,
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> Balance {
    let since = since.unwrap_or(first);
    let last = last.min(today);
    let worked = |d: NaiveDate| totals.get(&d).copied().unwrap_or(0);
    // The balance carried into `first` from the days since `since`.
    let mut running = 0;
    for day in calendar::days(since, first).take_while(|day| *day < first) {
        running += worked(day) - targets.on(day);
    }
    let mut days = Vec::new();
    for day in calendar::days(first, last) {
        let (w, t) = (worked(day), targets.on(day));
        let balance_seconds = (day >= since).then(|| {
            running += w - t;
            running
        });
        days.push(DayBalance {
            date: day,
            worked_seconds: w,
            target_seconds: t,
            difference_seconds: w - t,
            balance_seconds,
        });
    }
    let mut weeks: Vec<WeekBalance> = Vec::new();
    // The week each day is in, by its first day: two days share a label exactly when
    // they share it, so the label is written once per week, not once per day.
    let mut week_of_last: Option<NaiveDate> = None;
    for d in &days {
        let week = calendar::week_first(d.date, week_start);
        let same_week = week_of_last == Some(week);
        week_of_last = Some(week);
        match weeks.last_mut() {
            Some(w) if same_week => {
                w.to = d.date;
                w.worked_seconds += d.worked_seconds;
                w.target_seconds += d.target_seconds;
                w.difference_seconds += d.difference_seconds;
                w.balance_seconds = d.balance_seconds;
            }
            _ => weeks.push(WeekBalance {
                week: week_key(d.date, week_start),
                from: d.date,
                to: d.date,
                worked_seconds: d.worked_seconds,
                target_seconds: d.target_seconds,
                difference_seconds: d.difference_seconds,
                balance_seconds: d.balance_seconds,
            }),
        }
    }
    let worked_seconds = days.iter().map(|d| d.worked_seconds).sum();
    let target_seconds = days.iter().map(|d| d.target_seconds).sum();
    Balance {
        since,
        balance_seconds: days.last().and_then(|d| d.balance_seconds),
        days,
        weeks,
        worked_seconds,
        target_seconds,
        difference_seconds: worked_seconds - target_seconds,
    }
}
