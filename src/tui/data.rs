//! What the screen shows, read from the tracker in one go (`Snapshot::load`).
//! Each query is its own short read: no transaction stays open between frames,
//! so WAL checkpoints are never starved.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

use crate::dividend::{Dividend, DividendRequest};
use crate::error::Result;
use crate::leisure::data;
use crate::model::Session;
use crate::report::{GroupBy, Report, ReportBuilder, ReportOptions};
use crate::store::sessions::Columns;
use crate::time::{self, range::Span};
use crate::tracker::Tracker;

/// How far back the Sessions view lists.
pub const SESSION_DAYS: u64 = 28;

/// The report range kinds the Reports view cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKind {
    /// One local day.
    Day,
    /// One week.
    Week,
    /// One month.
    Month,
}

/// What the Reports and Dividend views are set to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    /// Day, week or month.
    pub range: RangeKind,
    /// A date inside the range.
    pub anchor: NaiveDate,
    /// Grouping.
    pub by: GroupBy,
    /// Country for the dividend.
    pub country: String,
    /// Base year for the dividend.
    pub base_year: i32,
}

/// One year of the "scissors" chart: indices with the base year at 100.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexPoint {
    /// The year.
    pub year: i32,
    /// Output per hour, base year = 100.
    pub productivity: f64,
    /// Hours per worker, base year = 100.
    pub hours: f64,
}

/// Everything the views draw.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// "Now" when read.
    pub now: DateTime<Utc>,
    /// The running session.
    pub running: Option<Session>,
    /// Seconds tracked today.
    pub today_seconds: i64,
    /// This week, Monday first: (date, seconds).
    pub week: Vec<(NaiveDate, i64)>,
    /// Sessions of the last `SESSION_DAYS` days, newest first.
    pub sessions: Vec<Session>,
    /// The report for the chosen range.
    pub report: Report,
    /// The dividend for the chosen country and base year, or why not.
    pub dividend: std::result::Result<Dividend, String>,
    /// The scissors series for the chosen country since the base year.
    pub series: Vec<IndexPoint>,
}

impl Snapshot {
    /// Reads everything for `choices`.
    pub fn load(tracker: &Tracker, choices: &Choices) -> Result<Self> {
        let (now, zone) = (tracker.now(), tracker.zone());
        let today = time::local_date(zone, now);
        let week_span = Span::week(zone, today, Weekday::Mon);
        let monday = week_span.from.map_or(today, |f| time::local_date(zone, f));
        let mut week = Vec::new();
        for offset in 0..7 {
            let date = monday.checked_add_days(Days::new(offset)).unwrap_or(monday);
            week.push((
                date,
                tracker.tracked_seconds(Span::days(zone, date, date), None)?,
            ));
        }
        let today_seconds = week
            .iter()
            .find(|(d, _)| *d == today)
            .map_or(0, |(_, s)| *s);
        let first = today
            .checked_sub_days(Days::new(SESSION_DAYS - 1))
            .unwrap_or(today);
        let mut sessions = tracker.sessions(Span {
            from: Some(time::day_start(zone, first)),
            to: None,
        })?;
        sessions.reverse();
        let request = DividendRequest {
            country: choices.country.clone(),
            base_year: choices.base_year,
            end_year: None,
            projects: Vec::new(),
            baseline: None,
            period: None,
        };
        Ok(Snapshot {
            now,
            running: tracker.running()?,
            today_seconds,
            week,
            sessions,
            report: report(tracker, choices)?,
            dividend: tracker
                .dividend(&request)
                .map_err(|e| e.message().to_string()),
            series: series(&choices.country, choices.base_year),
        })
    }
}

/// The span the Reports view shows.
#[must_use]
pub fn report_span(tracker: &Tracker, choices: &Choices) -> Span {
    let zone = tracker.zone();
    match choices.range {
        RangeKind::Day => Span::days(zone, choices.anchor, choices.anchor),
        RangeKind::Week => Span::week(zone, choices.anchor, tracker.config().week_start.0),
        RangeKind::Month => {
            time::range::month_span(zone, choices.anchor.with_day(1).unwrap_or(choices.anchor))
        }
    }
}

/// The same report `otium report` computes for this range and grouping.
fn report(tracker: &Tracker, choices: &Choices) -> Result<Report> {
    let span = report_span(tracker, choices);
    let mut builder = ReportBuilder::new(ReportOptions {
        span,
        zone: tracker.zone(),
        group_by: vec![choices.by],
        rounding: None,
        week_start: tracker.config().week_start.0,
        now: tracker.now(),
    });
    let tags = choices.by == GroupBy::Tag;
    tracker.each_session_with(span, Columns::Lean { tags }, |s| {
        builder.add(s);
        Ok(())
    })?;
    Ok(builder.finish())
}

/// Productivity and hours indices (base year = 100) from the base year on.
#[must_use]
pub fn series(country: &str, base_year: i32) -> Vec<IndexPoint> {
    let Some(c) = data::country(country) else {
        return Vec::new();
    };
    let Some(base) = c.years.get(&base_year) else {
        return Vec::new();
    };
    c.years
        .range(base_year..)
        .map(|(year, row)| IndexPoint {
            year: *year,
            productivity: row.output_per_hour / base.output_per_hour * 100.0,
            hours: row.hours / base.hours * 100.0,
        })
        .collect()
}
