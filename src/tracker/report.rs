//! Whole reports for both faces: `otium report` and the TUI's Reports view ask the
//! same question through [`Tracker::report`], so their numbers cannot disagree.

use chrono_tz::Tz;

use crate::error::Result;
use crate::report::{Filter, GroupBy, Report, ReportBuilder, ReportOptions, Rounding};
use crate::time::range::Span;
use crate::tracker::Tracker;

/// What to report on.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    /// The range; sessions are clipped to it.
    pub span: Span,
    /// The zone days are read in.
    pub zone: Tz,
    /// Grouping, outermost first.
    pub group_by: Vec<GroupBy>,
    /// Which sessions count.
    pub filter: Filter,
    /// Billing rounding, if any.
    pub rounding: Option<Rounding>,
}

/// The extra groupings a page with charts draws beside the report: hours over time
/// (per day, or per month when the range is longer than about two months) and per
/// project.
#[derive(Debug, Clone)]
pub struct Charts {
    /// Hours per `over_time_by`.
    pub over_time: Report,
    /// [`GroupBy::Day`] or [`GroupBy::Month`].
    pub over_time_by: GroupBy,
    /// Hours per project.
    pub per_project: Report,
}

impl Tracker {
    /// The report for `request`, streamed from the store in flat memory.
    pub fn report(&self, request: &ReportRequest) -> Result<Report> {
        let mut main = ReportBuilder::new(self.report_options(request, request.group_by.clone()));
        if main.takes_whole_totals() && !request.filter.needs_tags() {
            self.add_stored_totals(request, &mut main)?;
        } else {
            self.each_report_session(request, |s| main.add(s))?;
        }
        Ok(main.finish().with_rates(&self.rates()?))
    }

    /// A whole-history report at most per project: the closed sessions' totals kept per
    /// project in the database (exact, and independent of the zone since no day is
    /// cut), plus the running session up to now, instead of a walk over every session.
    fn add_stored_totals(&self, request: &ReportRequest, main: &mut ReportBuilder) -> Result<()> {
        let totals = crate::store::totals::history(self.reader())?;
        for total in &totals.closed {
            if request.filter.matches(&total.project, &[]) {
                let sessions = usize::try_from(total.sessions).unwrap_or(0);
                main.add_whole(&total.project, sessions, total.seconds);
            }
        }
        if let Some(running) = &totals.running
            && request.filter.matches(&running.project, &[])
        {
            main.add(running);
        }
        Ok(())
    }

    /// The report for `request` and the charts drawn beside it, in one read.
    pub fn report_with_charts(&self, request: &ReportRequest) -> Result<(Report, Charts)> {
        let over_time_by = if is_long(request.span) {
            GroupBy::Month
        } else {
            GroupBy::Day
        };
        let mut main = ReportBuilder::new(self.report_options(request, request.group_by.clone()));
        let mut over_time = ReportBuilder::new(self.report_options(request, vec![over_time_by]));
        let mut per_project =
            ReportBuilder::new(self.report_options(request, vec![GroupBy::Project]));
        self.each_report_session(request, |s| {
            main.add(s);
            over_time.add(s);
            per_project.add(s);
        })?;
        let rates = self.rates()?;
        Ok((
            main.finish().with_rates(&rates),
            Charts {
                over_time: over_time.finish(),
                over_time_by,
                per_project: per_project.finish().with_rates(&rates),
            },
        ))
    }

    fn report_options(&self, request: &ReportRequest, group_by: Vec<GroupBy>) -> ReportOptions {
        ReportOptions {
            span: request.span,
            zone: request.zone,
            group_by,
            rounding: request.rounding,
            week_start: self.config().week_start.0,
            now: self.now(),
        }
    }

    fn each_report_session(
        &self,
        request: &ReportRequest,
        mut add: impl FnMut(&crate::model::LeanSession),
    ) -> Result<()> {
        // Tags are read only when a grouping or the filter needs them: over a whole
        // history that subquery is most of the cost.
        let tags = request.group_by.contains(&GroupBy::Tag) || request.filter.needs_tags();
        self.each_lean_session(request.span, tags, |s| {
            if request.filter.matches(&s.project, &s.tags) {
                add(s);
            }
            Ok(())
        })
    }
}

/// Whether a range is too long to chart per day (more than 62 days, or open).
fn is_long(span: Span) -> bool {
    match (span.from, span.to) {
        (Some(f), Some(t)) => (t - f).num_days() > 62,
        _ => true,
    }
}

#[cfg(test)]
#[path = "totals_tests.rs"]
mod totals_tests;
