//! What the screen shows, read from the tracker in one go (`Snapshot::load`).
//! Each query is its own short read: no transaction stays open between frames,
//! so WAL checkpoints are never starved.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc, Weekday};

use crate::error::Result;
use crate::leisure::CompareRow;
use crate::leisure::data;
use crate::limits::{self, Targets};
use crate::model::Session;
use crate::report::{Filter, GroupBy, Report};
use crate::time::calendar::{self, add_days, sub_days, week_first};
use crate::time::{self, range::Span};
use crate::tracker::dividend::{Dividend, DividendRequest};
use crate::tracker::{ReportRequest, Tracker, WeekStatus};

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
    /// The base year the user chose for the dividend. It stays as chosen for the
    /// whole session; each country uses [`Choices::base_year_for_country`], the
    /// nearest year it has data for, without overwriting this one.
    pub base_year: i32,
    /// What the dividend view's lower panel shows.
    pub page: DividendPage,
    /// The first day of the week the calendar shows.
    pub calendar_week: NaiveDate,
    /// The language of the screen's texts (the dividend's refusal is read in it).
    pub lang: crate::i18n::Lang,
}

impl Choices {
    /// The base year used for the chosen country: the chosen year, clamped into
    /// the country's data.
    #[must_use]
    pub fn base_year_for_country(&self) -> i32 {
        data::country(&self.country).map_or(self.base_year, |c| c.base_year_for(self.base_year))
    }
}

/// The pages of the dividend view (`v` cycles them, `i` shows the source).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DividendPage {
    /// The charts and the national, Keynes and personal figures.
    Figures,
    /// Your week against the alternatives, and the accumulated hours.
    Week,
    /// Every country side by side for the base year.
    Countries,
    /// The full citation and what the data measure.
    Source,
}

impl DividendPage {
    /// The page after this one.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Figures => Self::Week,
            Self::Week => Self::Countries,
            Self::Countries => Self::Source,
            Self::Source => Self::Figures,
        }
    }
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
    /// This week from the configured first day: (date, seconds).
    pub week: Vec<(NaiveDate, i64)>,
    /// The target of each weekday, when the config sets targets.
    pub day_targets: Option<Targets>,
    /// The Reports view's target per group key (`2026-03-02`, `2026-W10`): filled
    /// only when targets are set and the grouping is by day or week.
    pub report_targets: BTreeMap<String, i64>,
    /// Sessions of the last `SESSION_DAYS` days, newest first.
    pub sessions: Vec<Session>,
    /// The report for the chosen range.
    pub report: Report,
    /// The dividend for the chosen country and base year, or why not.
    pub dividend: std::result::Result<Dividend, String>,
    /// The scissors series for the chosen country since the base year.
    pub series: Vec<IndexPoint>,
    /// Every country side by side for the base year in use.
    pub comparison: Vec<CompareRow>,
    /// Targets, the overtime balance and this week's limit alerts (`None` when the
    /// config sets neither targets nor limits): the same [`Tracker::week_status`] that
    /// `otium status` and `otium report` show.
    pub targets: Option<WeekStatus>,
    /// The sessions sharing time with the calendar's week, oldest first.
    pub calendar: Vec<Session>,
}

impl Snapshot {
    /// Reads everything for `choices`.
    pub fn load(tracker: &Tracker, choices: &Choices) -> Result<Self> {
        let (now, zone) = (tracker.now(), tracker.zone());
        let today = time::local_date(zone, now);
        let (week, today_seconds) = week_totals(tracker)?;
        let first = sub_days(today, SESSION_DAYS - 1);
        let mut sessions = tracker.sessions(Span {
            from: Some(time::day_start(zone, first)),
            to: None,
        })?;
        sessions.reverse();
        let base_year = choices.base_year_for_country();
        let request = DividendRequest {
            country: choices.country.clone(),
            base_year,
            end_year: None,
            projects: Vec::new(),
            baseline: None,
            period: None,
        };
        let day_targets = Targets::from_config(tracker.config());
        Ok(Snapshot {
            now,
            running: tracker.running()?,
            today_seconds,
            week,
            report_targets: day_targets.map_or_else(BTreeMap::new, |t| {
                report_targets(&t, choices, tracker.config().week_start.0)
            }),
            day_targets,
            sessions,
            report: report(tracker, choices)?,
            dividend: tracker
                .dividend(&request)
                .map_err(|e| super::hint::error_line_in(choices.lang, &e)),
            series: series(&choices.country, base_year),
            comparison: crate::leisure::compare(base_year),
            targets: Some(tracker.week_status_in(choices.lang)?).filter(|w| !w.is_unconfigured()),
            calendar: tracker.sessions(Span::days(
                zone,
                choices.calendar_week,
                add_days(choices.calendar_week, 6),
            ))?,
        })
    }

    /// Re-reads what a running session changes as it runs: today, the week's days,
    /// the target balance and limit alerts, and the report when its range takes in
    /// now. The same tracker calls as [`Snapshot::load`], so the live figures are
    /// exactly what a reload (or `otium status`) would show; a few small reads of
    /// this week, not the whole snapshot (the sessions list, the dividend).
    pub fn refresh_live(&mut self, tracker: &Tracker, choices: &Choices) -> Result<()> {
        (self.week, self.today_seconds) = week_totals(tracker)?;
        self.targets = Some(tracker.week_status()?).filter(|w| !w.is_unconfigured());
        let now = tracker.now();
        if report_span(tracker, choices).overlaps(now - chrono::Duration::seconds(1), Some(now)) {
            self.report = report(tracker, choices)?;
        }
        self.now = now;
        Ok(())
    }
}

/// This week (from the configured first day) as (date, seconds) per day, and today's
/// seconds; a running session counts to now. One read, split into local days.
fn week_totals(tracker: &Tracker) -> Result<(Vec<(NaiveDate, i64)>, i64)> {
    let (now, zone) = (tracker.now(), tracker.zone());
    let today = time::local_date(zone, now);
    let first_day = week_first(today, tracker.config().week_start.0);
    let last_day = add_days(first_day, 6);
    let totals = limits::day_totals(zone, &tracker.work(zone, first_day, last_day)?);
    let week: Vec<(NaiveDate, i64)> = (0..7)
        .map(|offset| add_days(first_day, offset))
        .map(|date| (date, totals.get(&date).copied().unwrap_or(0)))
        .collect();
    let today_seconds = totals.get(&today).copied().unwrap_or(0);
    Ok((week, today_seconds))
}

/// The span the Reports view shows.
#[must_use]
pub fn report_span(tracker: &Tracker, choices: &Choices) -> Span {
    let zone = tracker.zone();
    match choices.range {
        RangeKind::Day => Span::days(zone, choices.anchor, choices.anchor),
        RangeKind::Week => Span::week(zone, choices.anchor, tracker.config().week_start.0),
        RangeKind::Month => time::range::month_span(zone, choices.anchor),
    }
}

/// The first and last local day of the Reports view's range.
#[must_use]
pub fn range_days(choices: &Choices, week_start: Weekday) -> (NaiveDate, NaiveDate) {
    let a = choices.anchor;
    match choices.range {
        RangeKind::Day => (a, a),
        RangeKind::Week => {
            let first = week_first(a, week_start);
            (first, calendar::week_last(first))
        }
        RangeKind::Month => (calendar::month_first(a), calendar::month_last(a)),
    }
}

/// The target of each bar the Reports view draws: per day (`[targets]` or the daily
/// target) when grouped by day, the sum of the range's days in each week when grouped
/// by week (so a month's partial first week gets only its days' target). Other
/// groupings have no target.
#[must_use]
pub fn report_targets(
    targets: &Targets,
    choices: &Choices,
    week_start: Weekday,
) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    let key = |date: NaiveDate| match choices.by {
        GroupBy::Day => Some(date.format("%Y-%m-%d").to_string()),
        GroupBy::Week => Some(calendar::week_key(date, week_start)),
        _ => None,
    };
    let (first, last) = range_days(choices, week_start);
    for day in calendar::days(first, last) {
        let Some(k) = key(day) else {
            break;
        };
        *out.entry(k).or_insert(0) += targets.on(day);
    }
    out
}

/// The same report `otium report` computes for this range and grouping.
fn report(tracker: &Tracker, choices: &Choices) -> Result<Report> {
    tracker.report(&ReportRequest {
        span: report_span(tracker, choices),
        zone: tracker.zone(),
        group_by: vec![choices.by],
        filter: Filter::default(),
        rounding: None,
    })
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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::config::Config;
    use crate::model::NewSession;
    use crate::time::Clock;
    use crate::tracker::Tracker;
    use crate::tui::app::App;
    use crate::tui::theme::Theme;

    #[test]
    fn dashboard_shows_target_balance_and_limit_breach() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::parse(
            "weekly_target_hours = 40\nlimits = \"cn\"\nbalance_since = 2026-03-02\n",
        )
        .unwrap();
        let berlin = chrono_tz::Europe::Berlin;
        // Wednesday 2026-03-04 20:00 (+01:00).
        let now = berlin.with_ymd_and_hms(2026, 3, 4, 20, 0, 0).unwrap();
        let mut tracker = Tracker::open(
            &dir.path().join("o.db"),
            config,
            Clock::Fixed(now.to_utc()),
            berlin,
        )
        .unwrap();
        // Mon 10 h, Tue 8 h, Wed 9 h = 27 h against 3 × 8 = 24 h: balance +3 h.
        for (day, hours) in [(2, 10), (3, 8), (4, 9)] {
            let start = berlin.with_ymd_and_hms(2026, 3, day, 8, 0, 0).unwrap();
            tracker
                .add(NewSession {
                    project: "coding".into(),
                    tags: Vec::new(),
                    note: None,
                    start: start.to_utc(),
                    end: Some((start + chrono::Duration::hours(hours)).to_utc()),
                    zone: berlin,
                })
                .unwrap();
        }
        let app = App::load(&tracker, Theme::new(false)).unwrap();
        let t = app.snapshot.targets.clone().unwrap();
        assert_eq!(t.week_target_seconds, Some(40 * 3600));
        assert_eq!(t.balance_seconds, Some((10 + 8 + 9 - 3 * 8) * 3600));
        // Monday 10 h and Wednesday 9 h are over 8 h (art. 36), and 27 h in 3 days
        // projects to 27 × 5 ÷ 3 = 45 h, over 44 h: on course to break the weekly rule.
        assert_eq!(t.alerts.len(), 2, "{:?}", t.alerts);
        assert!(
            t.alerts[0].contains("(and 1 more this week)"),
            "{:?}",
            t.alerts
        );
        assert!(t.alerts[1].contains("about 45 h"), "{:?}", t.alerts);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let buf = terminal.backend().buffer().clone();
        let screen: String = (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        assert!(
            screen.contains("Target 40h 00m · worked 27h 00m · balance +3h 00m"),
            "{screen}"
        );
        assert!(
            screen.contains("Limits (cn): at most 8 h per day"),
            "{screen}"
        );
    }
}
