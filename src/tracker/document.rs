//! The report a person sends ([`Document`]): the report and its charts, and around
//! them the sessions, targets, limits and dividend of the same range, gathered in one
//! place so the CLI (`report --format html|md`) and the TUI (`w`) send the same thing.

use chrono::NaiveDate;

use crate::error::Result;
use crate::leisure::data;
use crate::limits::rules::{self, Check, LimitSet};
use crate::limits::{self, Targets};
use crate::report::document::{DividendPart, Document, Limits};
use crate::time::{self, calendar};
use crate::tracker::dividend::DividendRequest;
use crate::tracker::{ReportRequest, Tracker};

/// What the sent report includes besides the report itself.
#[derive(Debug, Clone)]
pub struct DocumentRequest {
    /// The report (range, zone, grouping, filters, rounding).
    pub report: ReportRequest,
    /// The heading; "Work report" in the reader's language when `None`.
    pub title: Option<String>,
    /// Whether to list the sessions with their notes.
    pub sessions: bool,
    /// Whether to include the leisure dividend.
    pub dividend: bool,
}

impl Tracker {
    /// The whole document for `request`.
    pub fn document(&self, request: &DocumentRequest) -> Result<Document> {
        let (report, charts) = self.report_with_charts(&request.report)?;
        let zone = request.report.zone;
        let today = time::local_date(zone, self.now());
        let span = request.report.span;
        let first = match span.from {
            Some(from) => time::local_date(zone, from),
            None => self
                .first_start(None)?
                .map_or(today, |t| time::local_date(zone, t)),
        };
        let last = match span.to {
            Some(to) => time::local_date(zone, to - chrono::Duration::seconds(1)),
            None => today,
        }
        .max(first);
        let sessions = if request.sessions {
            let mut list = Vec::new();
            self.each_session(span, |s| {
                if request.report.filter.matches(&s.project, &s.tags) {
                    list.push(s.clone());
                }
                Ok(())
            })?;
            Some(list)
        } else {
            None
        };
        let config = self.config();
        Ok(Document {
            title: request.title.clone(),
            name: config.report.name.clone(),
            client: config.report.client.clone(),
            first,
            last,
            balance: self.range_balance(zone, first, last, today)?,
            limits: self.range_limits(zone, first, last)?,
            dividend: if request.dividend {
                self.dividend_part()?
            } else {
                None
            },
            over_time_monthly: charts.over_time_by == crate::report::GroupBy::Month,
            over_time: charts.over_time,
            per_project: charts.per_project,
            sessions,
            report,
        })
    }

    /// Worked against target over `first..=last` (up to today) with the running balance.
    fn range_balance(
        &self,
        zone: chrono_tz::Tz,
        first: NaiveDate,
        last: NaiveDate,
        today: NaiveDate,
    ) -> Result<Option<limits::targets::Balance>> {
        let config = self.config();
        let Some(targets) = Targets::from_config(config) else {
            return Ok(None);
        };
        if first > today {
            return Ok(None);
        }
        let since = config.balance_since.map(|d| d.0);
        let load_from = since.map_or(first, |s| s.min(first));
        let work = self.work(zone, load_from, last.min(today).max(load_from))?;
        let totals = limits::day_totals(zone, &work);
        Ok(Some(limits::targets::balance(
            &totals,
            &targets,
            config.week_start.0,
            first,
            last,
            since,
            today,
        )))
    }

    /// The limits checked over `first..=last`, as `otium limits` checks them.
    fn range_limits(
        &self,
        zone: chrono_tz::Tz,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Option<Limits>> {
        let Some(set) = LimitSet::from_config(&self.config().limits) else {
            return Ok(None);
        };
        // Work before the range for averages and rests, and after it for the rest of
        // its last week and month (as `otium limits` reads it).
        let work = self.work(
            zone,
            calendar::sub_days(first, set.lookback_days()),
            calendar::add_days(last, 38),
        )?;
        let breaches = rules::check(
            &set,
            &Check {
                work: &work,
                zone,
                week_start: self.config().week_start.0,
                first,
                last,
                now: self.now(),
                tracked_since: self.tracked_since()?,
            },
        );
        Ok(Some(Limits {
            set: set.name,
            rules: set.rules.clone(),
            breaches,
        }))
    }

    /// Your week against the alternatives for the configured country.
    fn dividend_part(&self) -> Result<Option<DividendPart>> {
        let config = self.config();
        let Some(country) = data::country(&config.country) else {
            return Ok(None);
        };
        let dividend = self.dividend(&DividendRequest {
            country: config.country.clone(),
            base_year: country.base_year_for(config.base_year),
            end_year: None,
            projects: Vec::new(),
            baseline: None,
            period: None,
        })?;
        Ok(Some(DividendPart {
            country: config.country.clone(),
            alternatives: dividend.week_comparison,
            attribution: dividend.attribution,
        }))
    }
}
