//! The `Tracker` methods behind balances and working-time limits: the work of a range
//! of days as intervals, when tracking began, and the status of this week (target,
//! balance, limit alerts) that `status`, `report` and the TUI's dashboard show.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::error::Result;
use crate::i18n::Lang;
use crate::limits::rules::{self, Breach, Check, LimitSet, Scan};
use crate::limits::{self, Interval, Targets};
use crate::store::sessions;
use crate::time::{self, calendar, range::Span};
use crate::tracker::Tracker;

/// This week against the configured targets and working-time limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekStatus {
    /// This week's target in seconds, if targets are set.
    pub week_target_seconds: Option<i64>,
    /// The running overtime balance (since `balance_since`, else since this week
    /// began), if targets are set.
    pub balance_seconds: Option<i64>,
    /// This week's limit breaches or warnings, one line per rule (empty without limits).
    pub alerts: Vec<String>,
    /// The limit set's name, if limits are checked.
    pub limits: Option<&'static str>,
}

impl WeekStatus {
    /// Whether the config sets neither targets nor limits (nothing to show).
    #[must_use]
    pub fn is_unconfigured(&self) -> bool {
        self.week_target_seconds.is_none() && self.limits.is_none()
    }
}

/// The limit alerts under a report: one line per rule broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeAlerts {
    /// Whether the range is the week running now (the lines are this week's, with
    /// its "on course" warning).
    pub this_week: bool,
    /// One line per rule.
    pub alerts: Vec<String>,
}

impl Tracker {
    /// The work of the local days `from..=to` in `zone`, oldest first (a running
    /// session counted to now): what balances and working-time limits are computed on.
    pub fn work(&self, zone: Tz, from: NaiveDate, to: NaiveDate) -> Result<Vec<Interval>> {
        let mut work = Vec::new();
        // The range query yields sessions in start order, which never overlap.
        self.each_work(zone, from, to, |i| work.push(i))?;
        Ok(work)
    }

    /// Streams the work of the local days `from..=to` in `zone` to `f`, oldest first,
    /// as [`Tracker::work`] would return it, without holding it: whole-history checks
    /// keep what they derive (day totals, open stretches), not a million intervals.
    pub fn each_work(
        &self,
        zone: Tz,
        from: NaiveDate,
        to: NaiveDate,
        mut f: impl FnMut(Interval),
    ) -> Result<()> {
        self.each_work_seconds(zone, from, to, |start, end| {
            f(Interval {
                start: time::from_unix(start),
                end: time::from_unix(end),
            });
        })
    }

    /// [`Tracker::each_work`] in unix seconds `[start, end)`: what the day walk of
    /// balances and limits reads, with no date made of each instant.
    fn each_work_seconds(
        &self,
        zone: Tz,
        from: NaiveDate,
        to: NaiveDate,
        mut f: impl FnMut(i64, i64),
    ) -> Result<()> {
        let now = self.now().timestamp();
        sessions::each_time_in_span(
            self.reader(),
            Span::days(zone, from, to),
            &mut |start, end| {
                // A running session ends now; one with no length is no work (as
                // `Interval::of`).
                let end = end.unwrap_or(now);
                if end > start {
                    f(start, end);
                }
                Ok(true)
            },
        )
    }

    /// Seconds worked on each local day of `from..=to` in `zone` that has any work,
    /// streamed from the store (memory grows with the days, not the sessions).
    pub fn day_totals(
        &self,
        zone: Tz,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<BTreeMap<NaiveDate, i64>> {
        let mut totals = limits::DayTotals::new(zone);
        self.each_work_seconds(zone, from, to, |start, end| {
            totals.push_seconds(start, end);
        })?;
        Ok(totals.finish())
    }

    /// The balance of the local days `first..=last` in `zone` (days after today left
    /// out) against `targets`, with the running balance since `balance_since`: what
    /// `otium balance` shows. Work streams into one total per day, so a whole history
    /// costs one pass over its sessions and memory for its days.
    pub fn balance(
        &self,
        targets: &Targets,
        zone: Tz,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<limits::Balance> {
        let config = self.config();
        let today = time::local_date(zone, self.now());
        let since = config.balance_since.map(|d| d.0);
        let load_from = since.map_or(first, |s| s.min(first));
        let totals = self.day_totals(zone, load_from, last.min(today).max(load_from))?;
        Ok(limits::targets::balance(
            &totals,
            targets,
            config.week_start.0,
            first,
            last,
            since,
            today,
        ))
    }

    /// Every breach of `set` on the local days `first..=last` in `zone`. The work (the
    /// range plus the rules' look-back before it and the rest of its last week and
    /// month after it) streams through a [`Scan`]: one pass, memory for days and open
    /// stretches, not for sessions.
    fn breaches_of(
        &self,
        set: &LimitSet,
        zone: Tz,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<Breach>> {
        let check = Check {
            work: &[],
            zone,
            week_start: self.config().week_start.0,
            first,
            last,
            now: self.now(),
            tracked_since: self.tracked_since()?,
        };
        let mut scan = Scan::new(set, &check);
        self.each_work_seconds(
            zone,
            calendar::sub_days(first, set.lookback_days()),
            calendar::add_days(last, 38),
            |start, end| scan.push_seconds(start, end),
        )?;
        Ok(scan.finish(set, &check))
    }

    /// The local day (in the user's zone) of the first session ever, if any: where
    /// averages over a reference period begin.
    pub fn tracked_since(&self) -> Result<Option<NaiveDate>> {
        Ok(self
            .first_start(None)?
            .map(|start| time::local_date(self.zone(), start)))
    }

    /// This week's limit alerts in English (what JSON gives): see
    /// [`Tracker::week_alerts_in`].
    pub fn week_alerts(&self) -> Result<Vec<String>> {
        self.week_alerts_in(Lang::En)
    }

    /// This week's limit alerts (breaches, or on course for the weekly hours), one
    /// line per rule in `lang`; empty when no limits are set.
    pub fn week_alerts_in(&self, lang: Lang) -> Result<Vec<String>> {
        let Some(set) = LimitSet::from_config(&self.config().limits) else {
            return Ok(Vec::new());
        };
        let today = time::local_date(self.zone(), self.now());
        let work = self.work(
            self.zone(),
            calendar::sub_days(today, lookback(&set)),
            today,
        )?;
        self.alerts_on(&set, &work, lang)
    }

    /// [`Tracker::week_status_in`] with the alerts in English.
    pub fn week_status(&self) -> Result<WeekStatus> {
        self.week_status_in(Lang::En)
    }

    /// The target, balance and limit alerts (in `lang`) of this week, as `status`,
    /// `report` and the TUI's dashboard show them: one computation for every face.
    pub fn week_status_in(&self, lang: Lang) -> Result<WeekStatus> {
        let config = self.config();
        let targets = Targets::from_config(config);
        let set = LimitSet::from_config(&config.limits);
        if targets.is_none() && set.is_none() {
            return Ok(WeekStatus {
                week_target_seconds: None,
                balance_seconds: None,
                alerts: Vec::new(),
                limits: None,
            });
        }
        let zone = self.zone();
        let today = time::local_date(zone, self.now());
        let week_start = config.week_start.0;
        let week = calendar::week_first(today, week_start);
        let since = config.balance_since.map(|d| d.0);
        let back = set.as_ref().map_or(0, lookback);
        let from = since.unwrap_or(week).min(calendar::sub_days(today, back));
        let work = self.work(zone, from, today)?;
        let balance = targets.as_ref().map(|t| {
            let totals = limits::day_totals(zone, &work);
            limits::targets::balance(&totals, t, week_start, week, today, since, today)
        });
        let alerts = match &set {
            Some(set) => self.alerts_on(set, &work, lang)?,
            None => Vec::new(),
        };
        Ok(WeekStatus {
            week_target_seconds: targets.map(|t| t.week()),
            balance_seconds: balance.and_then(|b| b.balance_seconds),
            alerts,
            limits: set.map(|s| s.name),
        })
    }

    /// Every breach of the configured limits within the local days `first..=last` in
    /// `zone`, rule by rule, oldest first; empty without limits. What `otium limits`
    /// lists and [`Tracker::range_alerts`] sums up.
    pub fn breaches(&self, zone: Tz, first: NaiveDate, last: NaiveDate) -> Result<Vec<Breach>> {
        let Some(set) = LimitSet::from_config(&self.config().limits) else {
            return Ok(Vec::new());
        };
        self.breaches_of(&set, zone, first, last)
    }

    /// The limit alerts of the local days `first..=last` in `zone`, one line per rule
    /// in `lang`, for both faces to show under a report of that range. The week running now (in
    /// the user's zone) gets [`Tracker::week_alerts`], with its "on course" warning;
    /// any other range gets its own breaches, not this week's. A range with no work
    /// gets none.
    pub fn range_alerts(
        &self,
        zone: Tz,
        first: NaiveDate,
        last: NaiveDate,
        lang: Lang,
    ) -> Result<RangeAlerts> {
        let today = time::local_date(self.zone(), self.now());
        let week = calendar::week_first(today, self.config().week_start.0);
        let this_week = zone == self.zone() && first == week && last == calendar::week_last(week);
        let set = LimitSet::from_config(&self.config().limits);
        // Without limits another range has nothing to say: answered before reading its
        // work (a whole history's is a million intervals).
        if set.is_none() && !this_week {
            return Ok(RangeAlerts {
                this_week,
                alerts: Vec::new(),
            });
        }
        if self.work(zone, first, last)?.is_empty() {
            return Ok(RangeAlerts {
                this_week,
                alerts: Vec::new(),
            });
        }
        if this_week {
            return Ok(RangeAlerts {
                this_week,
                alerts: self.week_alerts_in(lang)?,
            });
        }
        let Some(set) = set else {
            return Ok(RangeAlerts {
                this_week,
                alerts: Vec::new(),
            });
        };
        let breaches = self.breaches(zone, first, last)?;
        Ok(RangeAlerts {
            this_week,
            alerts: rules::one_line_per_rule_in(lang, &set, &breaches, rules::Within::Range),
        })
    }

    fn alerts_on(&self, set: &LimitSet, work: &[Interval], lang: Lang) -> Result<Vec<String>> {
        Ok(rules::week_alerts_in(
            lang,
            set,
            work,
            self.zone(),
            self.config().week_start.0,
            self.now(),
            self.tracked_since()?,
        ))
    }
}

/// How many days before today this week's alerts need: the rules' own look-back
/// (averages, rests) plus the week itself.
fn lookback(set: &LimitSet) -> u64 {
    set.lookback_days() + 7
}
