//! Working-time rules (the EU and PRC sets, or the user's own values) checked over
//! tracked work. Rest periods are the gaps between sessions.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use super::{Interval, add_days, day_totals, hours_text, hours_to_seconds, sub_days, week_first};
use crate::config::LimitsConfig;
use crate::time;

const HOUR: i64 = 3600;

/// One working-time rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// At most `limit` seconds on any local day.
    MaxDaily {
        /// Seconds.
        limit: i64,
    },
    /// At most `limit` seconds per week on average over `weeks` weeks.
    MaxWeeklyAverage {
        /// Seconds per week.
        limit: i64,
        /// The reference period in weeks (1 = each week on its own).
        weeks: u32,
    },
    /// At least `rest` consecutive seconds of rest in every 24 hours.
    MinDailyRest {
        /// Seconds.
        rest: i64,
    },
    /// At least `rest` consecutive seconds of rest in every 7 days.
    MinWeeklyRest {
        /// Seconds.
        rest: i64,
    },
    /// At least `days` local days without work in every week.
    MinRestDays {
        /// Days.
        days: u32,
    },
    /// At most `limit` seconds of overtime per calendar month, overtime being a
    /// day's work beyond `after_daily` seconds.
    MaxMonthlyOvertime {
        /// Seconds per month.
        limit: i64,
        /// Seconds a day after which work is overtime.
        after_daily: i64,
    },
}

/// A rule with its name and its legal source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRule {
    /// What is checked.
    pub rule: Rule,
    /// A short stable name (`max_daily_hours`, …), used in JSON.
    pub name: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
}

impl NamedRule {
    /// The rule in words: `at most 8 h per day`.
    #[must_use]
    pub fn describe(&self) -> String {
        match self.rule {
            Rule::MaxDaily { limit } => format!("at most {} per day", hours_text(limit)),
            Rule::MaxWeeklyAverage { limit, weeks: 1 } => {
                format!("at most {} per week", hours_text(limit))
            }
            Rule::MaxWeeklyAverage { limit, weeks } => format!(
                "at most {} per week on average over {weeks} weeks",
                hours_text(limit)
            ),
            Rule::MinDailyRest { rest } => {
                format!("at least {} of rest in every 24 h", hours_text(rest))
            }
            Rule::MinWeeklyRest { rest } => {
                format!("at least {} of rest in every 7 days", hours_text(rest))
            }
            Rule::MinRestDays { days } => format!("at least {days} day(s) of rest per week"),
            Rule::MaxMonthlyOvertime { limit, after_daily } => format!(
                "at most {} of overtime (beyond {} a day) per month",
                hours_text(limit),
                hours_text(after_daily)
            ),
        }
    }
}

/// A named set of rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitSet {
    /// `eu`, `cn` or `custom`.
    pub name: &'static str,
    /// The rules checked.
    pub rules: Vec<NamedRule>,
}

impl LimitSet {
    /// EU Working Time Directive 2003/88/EC.
    #[must_use]
    pub fn eu() -> LimitSet {
        LimitSet {
            name: "eu",
            rules: vec![
                NamedRule {
                    rule: Rule::MaxWeeklyAverage {
                        limit: 48 * HOUR,
                        weeks: 17,
                    },
                    name: "max_weekly_hours",
                    source: "Directive 2003/88/EC art. 6(b); 17-week reference period art. 16(b)",
                },
                NamedRule {
                    rule: Rule::MinDailyRest { rest: 11 * HOUR },
                    name: "min_daily_rest",
                    source: "Directive 2003/88/EC art. 3",
                },
                NamedRule {
                    rule: Rule::MinWeeklyRest {
                        rest: (24 + 11) * HOUR,
                    },
                    name: "min_weekly_rest",
                    source: "Directive 2003/88/EC art. 5 (24 h plus the 11 h of art. 3)",
                },
            ],
        }
    }

    /// PRC Labour Law (1994) arts. 36, 38 and 41.
    #[must_use]
    pub fn cn() -> LimitSet {
        LimitSet {
            name: "cn",
            rules: vec![
                NamedRule {
                    rule: Rule::MaxDaily { limit: 8 * HOUR },
                    name: "max_daily_hours",
                    source: "PRC Labour Law art. 36",
                },
                NamedRule {
                    rule: Rule::MaxWeeklyAverage {
                        limit: 44 * HOUR,
                        weeks: 1,
                    },
                    name: "max_weekly_hours",
                    source: "PRC Labour Law art. 36",
                },
                NamedRule {
                    rule: Rule::MinRestDays { days: 1 },
                    name: "min_rest_days",
                    source: "PRC Labour Law art. 38",
                },
                NamedRule {
                    rule: Rule::MaxMonthlyOvertime {
                        limit: 36 * HOUR,
                        after_daily: 8 * HOUR,
                    },
                    name: "max_monthly_overtime",
                    source: "PRC Labour Law art. 41",
                },
            ],
        }
    }

    /// The set the config asks for, or `None` for `limits = "none"`.
    #[must_use]
    pub fn from_config(config: &LimitsConfig) -> Option<LimitSet> {
        match config {
            LimitsConfig::None => None,
            LimitsConfig::Eu => Some(LimitSet::eu()),
            LimitsConfig::Cn => Some(LimitSet::cn()),
            LimitsConfig::Explicit(l) => {
                const SOURCE: &str = "your config ([limits])";
                let mut rules = Vec::new();
                let mut push = |rule, name| {
                    rules.push(NamedRule {
                        rule,
                        name,
                        source: SOURCE,
                    });
                };
                if let Some(h) = l.max_daily_hours {
                    push(
                        Rule::MaxDaily {
                            limit: hours_to_seconds(h),
                        },
                        "max_daily_hours",
                    );
                }
                if let Some(h) = l.max_weekly_hours {
                    push(
                        Rule::MaxWeeklyAverage {
                            limit: hours_to_seconds(h),
                            weeks: l.average_weeks.unwrap_or(1).max(1),
                        },
                        "max_weekly_hours",
                    );
                }
                if let Some(h) = l.min_daily_rest_hours {
                    push(
                        Rule::MinDailyRest {
                            rest: hours_to_seconds(h),
                        },
                        "min_daily_rest",
                    );
                }
                if let Some(h) = l.min_weekly_rest_hours {
                    push(
                        Rule::MinWeeklyRest {
                            rest: hours_to_seconds(h),
                        },
                        "min_weekly_rest",
                    );
                }
                if let Some(days) = l.min_rest_days_per_week {
                    push(Rule::MinRestDays { days }, "min_rest_days");
                }
                if let Some(h) = l.max_monthly_overtime_hours {
                    push(
                        Rule::MaxMonthlyOvertime {
                            limit: hours_to_seconds(h),
                            after_daily: hours_to_seconds(
                                l.overtime_after_daily_hours.unwrap_or(8.0),
                            ),
                        },
                        "max_monthly_overtime",
                    );
                }
                Some(LimitSet {
                    name: "custom",
                    rules,
                })
            }
        }
    }

    /// How many days before a range the work must be loaded for the checks.
    #[must_use]
    pub fn lookback_days(&self) -> u64 {
        self.rules
            .iter()
            .map(|r| match r.rule {
                Rule::MaxWeeklyAverage { weeks, .. } => u64::from(weeks) * 7 + 7,
                Rule::MaxMonthlyOvertime { .. } => 31,
                Rule::MinWeeklyRest { .. } | Rule::MinRestDays { .. } => 14,
                Rule::MaxDaily { .. } | Rule::MinDailyRest { .. } => 2,
            })
            .max()
            .unwrap_or(0)
    }
}

/// What the checks run over.
#[derive(Debug, Clone, Copy)]
pub struct Check<'a> {
    /// Work, oldest first, not overlapping; covering the range plus the lookback
    /// ([`LimitSet::lookback_days`]) and the rest of the range's last week and month.
    pub work: &'a [Interval],
    /// The zone days are read in.
    pub zone: Tz,
    /// The first day of a week.
    pub week_start: Weekday,
    /// First day checked.
    pub first: NaiveDate,
    /// Last day checked.
    pub last: NaiveDate,
    /// Now: work after the last interval is rest still going on.
    pub now: DateTime<Utc>,
}

/// One breach of a rule, with its dates and figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breach {
    /// The rule's short name.
    pub rule: &'static str,
    /// The rule in words.
    pub description: String,
    /// Its legal source.
    pub source: &'static str,
    /// First day of the period in breach.
    #[serde(serialize_with = "super::serialize_date")]
    pub from: NaiveDate,
    /// Last day of the period in breach.
    #[serde(serialize_with = "super::serialize_date")]
    pub to: NaiveDate,
    /// The figure found: seconds (hours rules, rest rules) or days (rest days).
    pub actual: i64,
    /// The limit it is compared with, in the same unit.
    pub limit: i64,
    /// `seconds` or `days`.
    pub unit: &'static str,
    /// One line saying what happened.
    pub message: String,
}

/// Every breach of `set` within `check.first..=check.last`, rule by rule, oldest first.
#[must_use]
pub fn check(set: &LimitSet, check: &Check<'_>) -> Vec<Breach> {
    let totals = day_totals(check.zone, check.work);
    let mut out = Vec::new();
    for rule in &set.rules {
        let breach = |from, to, actual, limit, unit, message| Breach {
            rule: rule.name,
            description: rule.describe(),
            source: rule.source,
            from,
            to,
            actual,
            limit,
            unit,
            message,
        };
        match rule.rule {
            Rule::MaxDaily { limit } => {
                let days = totals.range(check.first..=check.last.max(check.first));
                for (date, secs) in days {
                    if *secs > limit {
                        out.push(breach(
                            *date,
                            *date,
                            *secs,
                            limit,
                            "seconds",
                            format!(
                                "{date}: {} worked, over {}",
                                hours_text(*secs),
                                hours_text(limit)
                            ),
                        ));
                    }
                }
            }
            Rule::MaxWeeklyAverage { limit, weeks } => {
                for week in weeks_of(check) {
                    let window_first = sub_days(week, u64::from(weeks.saturating_sub(1)) * 7);
                    let window_last = add_days(week, 6);
                    let total = sum_days(&totals, window_first, window_last);
                    if total > limit * i64::from(weeks) {
                        let average = div_round(total, i64::from(weeks));
                        let message = if weeks == 1 {
                            format!(
                                "week {week}–{window_last}: {} worked, over {}",
                                hours_text(total),
                                hours_text(limit)
                            )
                        } else {
                            format!(
                                "{weeks} weeks {window_first}–{window_last}: {} worked, {} a week on average, over {}",
                                hours_text(total),
                                hours_text(average),
                                hours_text(limit)
                            )
                        };
                        out.push(breach(
                            window_first,
                            window_last,
                            average,
                            limit,
                            "seconds",
                            message,
                        ));
                    }
                }
            }
            Rule::MinRestDays { days } => {
                for week in weeks_of(check) {
                    let rest = (0..7)
                        .filter(|i| totals.get(&add_days(week, *i)).is_none_or(|s| *s == 0))
                        .count() as i64;
                    if rest < i64::from(days) {
                        let last = add_days(week, 6);
                        out.push(breach(
                            week,
                            last,
                            rest,
                            i64::from(days),
                            "days",
                            format!(
                                "week {week}–{last}: {rest} day(s) without work, fewer than {days}"
                            ),
                        ));
                    }
                }
            }
            Rule::MaxMonthlyOvertime { limit, after_daily } => {
                for month in months_of(check) {
                    let next = month
                        .checked_add_months(chrono::Months::new(1))
                        .unwrap_or(month);
                    let last = sub_days(next, 1);
                    let overtime: i64 = totals
                        .range(month..next)
                        .map(|(_, s)| (s - after_daily).max(0))
                        .sum();
                    if overtime > limit {
                        out.push(breach(
                            month,
                            last,
                            overtime,
                            limit,
                            "seconds",
                            format!(
                                "{}: {} of overtime (beyond {} a day), over {}",
                                month.format("%Y-%m"),
                                hours_text(overtime),
                                hours_text(after_daily),
                                hours_text(limit)
                            ),
                        ));
                    }
                }
            }
            Rule::MinDailyRest { rest } => {
                for s in stretches(check, rest, 24 * HOUR) {
                    out.push(stretch_breach(check, rest, "24 h", &s, &breach));
                }
            }
            Rule::MinWeeklyRest { rest } => {
                for s in stretches(check, rest, 7 * 24 * HOUR) {
                    out.push(stretch_breach(check, rest, "7 days", &s, &breach));
                }
            }
        }
    }
    out
}

type MakeBreach<'r> = dyn Fn(NaiveDate, NaiveDate, i64, i64, &'static str, String) -> Breach + 'r;

fn stretch_breach(
    check: &Check<'_>,
    rest: i64,
    period: &str,
    s: &Stretch,
    breach: &MakeBreach<'_>,
) -> Breach {
    let zone = check.zone;
    let best = match s.longest_rest {
        Some((a, b)) => format!(
            "the longest rest was {} ({} – {})",
            time::human_duration((b - a).num_seconds()),
            time::date_hhmm_in(zone, a),
            time::date_hhmm_in(zone, b)
        ),
        None => "no rest at all".to_string(),
    };
    let longest = s.longest_rest.map_or(0, |(a, b)| (b - a).num_seconds());
    breach(
        time::local_date(zone, s.start),
        time::local_date(zone, s.end - Duration::seconds(1)),
        longest,
        rest,
        "seconds",
        format!(
            "{} – {}: {} of work without {} of rest in {period}; {best}",
            time::date_hhmm_in(zone, s.start),
            time::date_hhmm_in(zone, s.end),
            time::human_duration((s.end - s.start).num_seconds()),
            hours_text(rest)
        ),
    )
}

/// Work between two rests of at least the minimum length.
struct Stretch {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    longest_rest: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Stretches of work (between rests of at least `rest`) longer than `period - rest`:
/// then some `period` from their start holds no rest of `rest`. Time before the first
/// interval and after the last (up to now and beyond) counts as rest.
fn stretches(check: &Check<'_>, rest: i64, period: i64) -> Vec<Stretch> {
    let range_from = time::day_start(check.zone, check.first);
    let range_to = time::day_start(check.zone, add_days(check.last, 1));
    let allowed = period - rest;
    let mut found = Vec::new();
    let mut current: Option<Stretch> = None;
    for i in check.work {
        current = match current.take() {
            Some(mut s) if (i.start - s.end).num_seconds() < rest => {
                let gap = (s.end, i.start);
                if i.start > s.end
                    && s.longest_rest
                        .is_none_or(|(a, b)| (gap.1 - gap.0) > (b - a))
                {
                    s.longest_rest = Some(gap);
                }
                s.end = s.end.max(i.end);
                Some(s)
            }
            previous => {
                if let Some(s) = previous {
                    found.push(s);
                }
                Some(Stretch {
                    start: i.start,
                    end: i.end,
                    longest_rest: None,
                })
            }
        };
    }
    found.extend(current);
    found
        .into_iter()
        .filter(|s| {
            (s.end - s.start).num_seconds() > allowed && s.start < range_to && s.end > range_from
        })
        .collect()
}

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

fn months_of(check: &Check<'_>) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = check.first.with_day(1).unwrap_or(check.first);
    while month <= check.last {
        months.push(month);
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    months
}

/// Seconds on the days `first..=last` (0 when `last` is before `first`).
fn sum_days(totals: &BTreeMap<NaiveDate, i64>, first: NaiveDate, last: NaiveDate) -> i64 {
    if last < first {
        return 0;
    }
    totals.range(first..=last).map(|(_, s)| s).sum()
}

fn div_round(a: i64, b: i64) -> i64 {
    (a + b / 2).div_euclid(b.max(1))
}

/// Alerts for the week containing `today`: its breaches so far, and for the weekly
/// hours rule, a warning when the week is on course to break it (hours so far,
/// spread over the working days elapsed, up to 5, projected to 5 days).
#[must_use]
pub fn week_alerts(
    set: &LimitSet,
    work: &[Interval],
    zone: Tz,
    week_start: Weekday,
    now: DateTime<Utc>,
) -> Vec<String> {
    let today = time::local_date(zone, now);
    let first = week_first(today, week_start);
    let last = add_days(first, 6);
    let c = Check {
        work,
        zone,
        week_start,
        first,
        last,
        now,
    };
    let breaches = check(set, &c);
    // One line per rule broken: the first breach, and how many there are.
    let mut alerts: Vec<String> = Vec::new();
    for rule in &set.rules {
        let mine: Vec<&Breach> = breaches.iter().filter(|b| b.rule == rule.name).collect();
        if let Some(first) = mine.first() {
            let more = match mine.len() {
                1 => String::new(),
                n => format!(" (and {} more this week)", n - 1),
            };
            alerts.push(format!(
                "{} ({}): {}{more}",
                first.description, first.source, first.message
            ));
        }
    }
    let totals = day_totals(zone, work);
    for rule in &set.rules {
        if let Rule::MaxWeeklyAverage { limit, weeks } = rule.rule {
            if breaches.iter().any(|b| b.rule == rule.name) {
                continue;
            }
            let so_far = sum_days(&totals, first, today);
            let elapsed = ((today - first).num_days() + 1).clamp(1, 5);
            let projected = so_far * 5 / elapsed;
            let before = sum_days(
                &totals,
                sub_days(first, u64::from(weeks.saturating_sub(1)) * 7),
                sub_days(first, 1),
            );
            if before + projected > limit * i64::from(weeks) {
                alerts.push(format!(
                    "{} ({}): on course to break it: {} so far this week, about {} at this pace",
                    rule.describe(),
                    rule.source,
                    hours_text(so_far),
                    hours_text(projected)
                ));
            }
        }
    }
    alerts
}
