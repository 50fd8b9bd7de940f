//! Working-time rules (the EU and PRC sets, or the user's own values) checked over
//! tracked work. Rest periods are the gaps between sessions.
//!
//! - `mod.rs`: the rule and breach types and [`check`], which runs each rule of a set;
//! - `sets.rs`: the named sets (`eu`, `cn`) with their legal sources, and the user's own;
//! - `calendar.rs`: rules counted on local days, weeks and months (hours, rest days,
//!   overtime);
//! - `rest.rs`: rules on rest periods, read from the gaps between sessions;
//! - `alerts.rs`: the current week's one-line alerts for `status`, `report` and the TUI;
//! - `words.rs`: the rules and breaches in words, in either language.
//!
//! Nothing here reads the database or prints.

mod alerts;
mod calendar;
mod rest;
mod sets;
mod words;
#[cfg(test)]
mod words_tests;

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use super::{DayTotals, Interval};
use crate::i18n::Lang;

pub use alerts::{Within, one_line_per_rule, one_line_per_rule_in, week_alerts, week_alerts_in};
pub use words::Finding;

pub use sets::LimitSet;

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
    /// Where the rule comes from (English, as JSON gives it).
    pub source: &'static str,
    /// The catalogue key of the source, for other languages.
    pub source_key: &'static str,
}

impl NamedRule {
    /// The rule in words: `at most 8 h per day` (what JSON gives).
    #[must_use]
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    /// A breach of this rule over `from..=to`: `actual` against `limit`, in `unit`,
    /// with what was found (its English line is the breach's `message`). Its
    /// `description` is left empty: [`Scan::finish`] writes the rule's words once
    /// and gives every breach of the rule a copy.
    fn breach(&self, period: (NaiveDate, NaiveDate), figures: Figures, finding: Finding) -> Breach {
        Breach {
            rule: self.name,
            description: String::new(),
            source: self.source,
            from: period.0,
            to: period.1,
            actual: figures.actual,
            limit: figures.limit,
            unit: figures.unit,
            named: self.clone(),
            finding,
        }
    }
}

/// What a breach found and what it is compared with.
#[derive(Debug, Clone, Copy)]
struct Figures {
    actual: i64,
    limit: i64,
    unit: &'static str,
}

impl Figures {
    fn seconds(actual: i64, limit: i64) -> Self {
        Figures {
            actual,
            limit,
            unit: "seconds",
        }
    }

    fn days(actual: i64, limit: i64) -> Self {
        Figures {
            actual,
            limit,
            unit: "days",
        }
    }
}

/// What the checks run over.
#[derive(Debug, Clone, Copy)]
pub struct Check<'a> {
    /// Work, oldest first, not overlapping; covering the range plus the lookback
    /// ([`LimitSet::lookback_days`]) and the rest of the range's last week and month.
    /// Read by [`check`]; a [`Scan`] is fed the same work instead and leaves it empty.
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
    /// The day tracking began (the first session ever), if known: weeks before it are
    /// unknown, not weeks without work, so averages start there.
    pub tracked_since: Option<NaiveDate>,
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
    /// The rule broken, to say it in another language (not in JSON).
    #[serde(skip)]
    pub named: NamedRule,
    /// What was found. In JSON it is the one English line saying so, `message`
    /// ([`Breach::message`]), written only when JSON is: a whole history's thousands
    /// of breaches do not each carry a line a table in another language never shows.
    #[serde(rename = "message", serialize_with = "english_message")]
    pub finding: Finding,
}

impl Breach {
    /// One line saying what happened, in English (JSON's `message`);
    /// [`Breach::message_in`] for other languages.
    #[must_use]
    pub fn message(&self) -> String {
        self.finding.message_in(Lang::En)
    }
}

/// A finding as JSON gives it: its English line.
fn english_message<S: serde::Serializer>(
    finding: &Finding,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&finding.message_in(Lang::En))
}

/// Every breach of `set` within `check.first..=check.last`, rule by rule, oldest first.
#[must_use]
pub fn check(set: &LimitSet, check: &Check<'_>) -> Vec<Breach> {
    let mut scan = Scan::new(set, check);
    for i in check.work {
        scan.push(*i);
    }
    scan.finish(set, check)
}

/// [`check`] over work that streams in instead of sitting in a slice: it keeps one
/// total per local day and, per rest rule, the open stretch and those found, so a
/// whole history is checked in memory that grows with its days, not its sessions.
/// Make it with the `Check` the result is for (its `work` is not read), feed it every
/// interval [`Check::work`] would hold, oldest first, then [`Scan::finish`].
pub struct Scan {
    totals: DayTotals,
    /// One search per rule, in the set's order (`None` for calendar rules).
    rests: Vec<Option<rest::Stretches>>,
}

impl Scan {
    /// An empty scan for `set` over the days of `check`.
    #[must_use]
    pub fn new(set: &LimitSet, check: &Check<'_>) -> Self {
        let rests = set
            .rules
            .iter()
            .map(|rule| match rule.rule {
                Rule::MinDailyRest { rest } => Some(rest::Stretches::new(check, rest, 24 * HOUR)),
                Rule::MinWeeklyRest { rest } => {
                    Some(rest::Stretches::new(check, rest, 7 * 24 * HOUR))
                }
                _ => None,
            })
            .collect();
        Scan {
            totals: DayTotals::new(check.zone),
            rests,
        }
    }

    /// Takes the next interval of work (oldest first, never overlapping).
    pub fn push(&mut self, work: Interval) {
        self.push_seconds(work.start.timestamp(), work.end.timestamp());
    }

    /// [`Scan::push`] for the work `[start, end)` in unix seconds.
    pub fn push_seconds(&mut self, start: i64, end: i64) {
        self.totals.push_seconds(start, end);
        for search in self.rests.iter_mut().flatten() {
            search.push(start, end);
        }
    }

    /// Every breach of `set` within `check.first..=check.last`, rule by rule, oldest
    /// first: what [`check`] returns for the same work.
    #[must_use]
    pub fn finish(self, set: &LimitSet, check: &Check<'_>) -> Vec<Breach> {
        let totals: &calendar::Totals = &self.totals.finish();
        let mut out = Vec::new();
        for (rule, search) in set.rules.iter().zip(self.rests) {
            let found = out.len();
            match (rule.rule, search) {
                (Rule::MaxDaily { limit }, _) => {
                    calendar::max_daily(rule, limit, check, totals, &mut out);
                }
                (Rule::MaxWeeklyAverage { limit, weeks }, _) => {
                    calendar::max_weekly_average(rule, (limit, weeks), check, totals, &mut out);
                }
                (Rule::MinRestDays { days }, _) => {
                    calendar::min_rest_days(rule, days, check, totals, &mut out);
                }
                (Rule::MaxMonthlyOvertime { limit, after_daily }, _) => {
                    calendar::max_monthly_overtime(
                        rule,
                        (limit, after_daily),
                        check,
                        totals,
                        &mut out,
                    );
                }
                (Rule::MinDailyRest { rest }, Some(search)) => {
                    rest::min_rest(rule, rest, false, check, search.finish(), &mut out);
                }
                (Rule::MinWeeklyRest { rest }, Some(search)) => {
                    rest::min_rest(rule, rest, true, check, search.finish(), &mut out);
                }
                // `new` gives every rest rule its search.
                (Rule::MinDailyRest { .. } | Rule::MinWeeklyRest { .. }, None) => {}
            }
            if out.len() > found {
                let description = rule.describe();
                for breach in &mut out[found..] {
                    breach.description.clone_from(&description);
                }
            }
        }
        out
    }
}
