//! Reports as pure functions: sessions in, a tree of totals out. No SQL, no terminal.
//!
//! A session is clipped to the range, split at local-day boundaries in the
//! report's zone, optionally rounded (per session, for billing), and its seconds
//! are added under a key path (`project`, then `tag`, …). Every group's seconds
//! are exact; display rounding is done by [`apportion`] so shown parts add up to
//! the shown total.

pub mod apportion;
pub mod csv;
pub mod document;
pub mod html;
pub mod html_sections;
pub mod json;
mod labels;
pub mod markdown;
pub mod money;
pub mod svg;
pub mod table;

pub use labels::{
    day_in, display_key, display_key_in, header, header_in, range_label, range_label_in,
    weekday_day_in,
};

use std::borrow::Cow;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::i18n::{Lang, t};
use crate::model::{LeanSession, Session};
use crate::time::{calendar::week_key, range::Span, split::split_by_day};

/// Which sessions a report counts: any of `projects` (all when empty) and any of
/// `tags` (all when empty); the two lists combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Project names.
    pub projects: Vec<String>,
    /// Tag names, without `+`.
    pub tags: Vec<String>,
}

impl Filter {
    /// Whether a session with `project` and `tags` passes.
    #[must_use]
    pub fn matches(&self, project: &str, tags: &[String]) -> bool {
        (self.projects.is_empty() || self.projects.iter().any(|p| p == project))
            && (self.tags.is_empty() || self.tags.iter().any(|t| tags.contains(t)))
    }

    /// Whether a stored row passes (as [`Filter::matches`] of its project and tags).
    #[must_use]
    pub fn matches_row(&self, row: &crate::model::SessionRow<'_>) -> bool {
        (self.projects.is_empty() || self.projects.iter().any(|p| p == row.project))
            && (self.tags.is_empty() || row.tags().any(|t| self.tags.iter().any(|f| f == t)))
    }

    /// Whether the filter reads tags.
    #[must_use]
    pub fn needs_tags(&self) -> bool {
        !self.tags.is_empty()
    }
}

/// What rows are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// The session's project.
    Project,
    /// Each of the session's tags (`(no tag)` when it has none).
    Tag,
    /// The local day (`2026-03-02`).
    Day,
    /// The week (`2026-W10`, or the first day's date when weeks start on another day).
    Week,
    /// The month (`2026-03`).
    Month,
}

impl GroupBy {
    /// Parses `project,tag` into a list.
    pub fn parse_list(text: &str) -> Result<Vec<GroupBy>> {
        text.split(',')
            .map(|part| match part.trim() {
                "project" => Ok(GroupBy::Project),
                "tag" => Ok(GroupBy::Tag),
                "day" => Ok(GroupBy::Day),
                "week" => Ok(GroupBy::Week),
                "month" => Ok(GroupBy::Month),
                other => Err(Error::keyed(
                    crate::error::ErrorKind::InvalidInput,
                    "report-error-group",
                    vec![("what", format!("{other:?}"))],
                )),
            })
            .collect()
    }

    /// The name used in headers and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Project => "project",
            GroupBy::Tag => "tag",
            GroupBy::Day => "day",
            GroupBy::Week => "week",
            GroupBy::Month => "month",
        }
    }

    /// The name in `lang`, for headers people read (`project`, `项目`).
    #[must_use]
    pub fn name_in(self, lang: Lang) -> String {
        let key = match self {
            GroupBy::Project => "report-by-project",
            GroupBy::Tag => "report-by-tag",
            GroupBy::Day => "report-by-day",
            GroupBy::Week => "report-by-week",
            GroupBy::Month => "report-by-month",
        };
        t(lang, key, &[])
    }

    fn is_time(self) -> bool {
        matches!(self, GroupBy::Day | GroupBy::Week | GroupBy::Month)
    }
}

/// How session durations are rounded for billing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundMode {
    /// To the next multiple.
    Up,
    /// To the nearest multiple (halves go up).
    Nearest,
    /// To the previous multiple.
    Down,
}

/// Per-session rounding to a step in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    /// The step, in seconds (> 0).
    pub step: i64,
    /// The direction.
    pub mode: RoundMode,
}

impl Rounding {
    /// `seconds` rounded to the step.
    #[must_use]
    pub fn apply(self, seconds: i64) -> i64 {
        let step = self.step.max(1);
        let down = seconds / step * step;
        match self.mode {
            RoundMode::Down => down,
            RoundMode::Up if down == seconds => down,
            RoundMode::Up => down + step,
            RoundMode::Nearest if (seconds - down) * 2 >= step => down + step,
            RoundMode::Nearest => down,
        }
    }
}

/// Everything a report needs besides the sessions.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The range; sessions are clipped to it.
    pub span: Span,
    /// The zone days are read in.
    pub zone: Tz,
    /// Grouping, outermost first (may be empty: just the total).
    pub group_by: Vec<GroupBy>,
    /// Billing rounding, if any.
    pub rounding: Option<Rounding>,
    /// First day of the week for `GroupBy::Week`.
    pub week_start: Weekday,
    /// "Now", for running sessions.
    pub now: DateTime<Utc>,
}

/// One row of a report, with its nested rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The key (project name, tag, `2026-03-02`, `2026-W10`, `2026-03`).
    pub key: String,
    /// Seconds, after rounding if any.
    pub seconds: i64,
    /// Seconds before rounding.
    pub raw_seconds: i64,
    /// The next grouping level.
    pub children: Vec<Group>,
}

/// A finished report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The options it was built with.
    pub options: ReportOptions,
    /// Total seconds in range, after rounding if any.
    pub total_seconds: i64,
    /// Total seconds in range before rounding.
    pub raw_total_seconds: i64,
    /// Sessions that contributed any time.
    pub sessions_count: usize,
    /// Top-level rows.
    pub groups: Vec<Group>,
    /// Seconds per project (after rounding), whatever the grouping: what amounts are
    /// totalled from, so tag or day groupings never bill a session twice.
    pub per_project: BTreeMap<String, i64>,
    /// Hourly rates by project; empty unless the caller adds them ([`Report::with_rates`]).
    pub rates: money::Rates,
}

impl Report {
    /// Whether groups may add up to more than the total (tag grouping counts a
    /// session with several tags under each).
    #[must_use]
    pub fn groups_overlap(&self) -> bool {
        self.options.group_by.contains(&GroupBy::Tag)
    }

    /// The report with `rates`, keeping only those of projects it counts.
    #[must_use]
    pub fn with_rates(mut self, rates: &money::Rates) -> Self {
        self.rates = rates
            .iter()
            .filter(|(p, _)| self.per_project.contains_key(*p))
            .map(|(p, r)| (p.clone(), r.clone()))
            .collect();
        self
    }

    /// Whether any counted project has a rate: money columns are shown only then.
    #[must_use]
    pub fn has_amounts(&self) -> bool {
        !self.rates.is_empty()
    }

    /// The rate of a group whose key path is `path` (outermost first), if the path
    /// names a project with a rate.
    #[must_use]
    pub fn rate_for(&self, path: &[&str]) -> Option<&money::Rate> {
        let level = self
            .options
            .group_by
            .iter()
            .position(|g| *g == GroupBy::Project)?;
        self.rates.get(*path.get(level)?)
    }

    /// Per-currency totals.
    #[must_use]
    pub fn amounts(&self) -> Vec<money::Total> {
        money::totals(&self.per_project, &self.rates)
    }
}

#[derive(Default)]
struct Node {
    seconds: i64,
    raw: i64,
    children: BTreeMap<String, Node>,
}

/// Builds a report from sessions (any order; those outside the span are ignored).
#[must_use]
pub fn build(sessions: &[Session], options: ReportOptions) -> Report {
    let mut builder = ReportBuilder::new(options);
    for session in sessions {
        builder.add(&LeanSession::from(session));
    }
    builder.finish()
}

/// Builds a report one session at a time, so a full history streams through
/// without being held in memory.
pub struct ReportBuilder {
    options: ReportOptions,
    root: Node,
    count: usize,
    per_project: BTreeMap<String, i64>,
}

impl ReportBuilder {
    /// An empty report for `options`.
    #[must_use]
    pub fn new(options: ReportOptions) -> Self {
        ReportBuilder {
            options,
            root: Node::default(),
            count: 0,
            per_project: BTreeMap::new(),
        }
    }

    /// Adds the part of `session` inside the range.
    pub fn add(&mut self, session: &LeanSession) {
        let options = &self.options;
        let start = options
            .span
            .from
            .map_or(session.start, |f| f.max(session.start));
        let end = session.end.unwrap_or(options.now);
        let end = options.span.to.map_or(end, |t| t.min(end));
        if end <= start {
            return;
        }
        self.count += 1;
        if !options.group_by.iter().any(|g| g.is_time()) {
            // No day keys needed: one piece, no zone arithmetic.
            let seconds = (end - start).num_seconds();
            let rounded = options.rounding.map_or(seconds, |r| r.apply(seconds));
            let paths = key_paths(session, NaiveDate::MIN, options);
            add(&mut self.root, &paths, rounded, seconds);
            self.root.seconds += rounded;
            self.root.raw += seconds;
            self.count_project(&session.project, rounded);
            return;
        }
        let pieces = split_by_day(options.zone, start, end);
        let raw_total: i64 = pieces.iter().map(|p| p.seconds).sum();
        let rounded_total = options.rounding.map_or(raw_total, |r| r.apply(raw_total));
        // Spread the rounded total over the day pieces by cumulative rounding, so
        // pieces stay non-negative and add up to the rounded total exactly.
        let mut cumulative_raw = 0;
        let mut given = 0;
        for piece in &pieces {
            cumulative_raw += piece.seconds;
            let upto = cumulative_share(rounded_total, cumulative_raw, raw_total);
            let paths = key_paths(session, piece.date, options);
            add(&mut self.root, &paths, upto - given, piece.seconds);
            given = upto;
        }
        self.root.seconds += rounded_total;
        self.root.raw += raw_total;
        self.count_project(&session.project, rounded_total);
    }

    /// Whether [`ReportBuilder::add_whole`] can stand in for adding sessions one by
    /// one: the range is the whole history (nothing is clipped), nothing is rounded per
    /// session, and the rows are at most per project (no days, weeks, months or tags).
    #[must_use]
    pub fn takes_whole_totals(&self) -> bool {
        let o = &self.options;
        o.span.from.is_none()
            && o.span.to.is_none()
            && o.rounding.is_none()
            && o.group_by.iter().all(|g| *g == GroupBy::Project)
            && o.group_by.len() <= 1
    }

    /// Adds `sessions` whole sessions of `project` lasting `seconds` together, as
    /// [`ReportBuilder::add`] would one by one; only when
    /// [`ReportBuilder::takes_whole_totals`] (else the sum would be wrong, so it is
    /// not added and `false` comes back).
    pub fn add_whole(&mut self, project: &str, sessions: usize, seconds: i64) -> bool {
        if !self.takes_whole_totals() {
            return false;
        }
        if sessions == 0 {
            return true;
        }
        self.count += sessions;
        if !self.options.group_by.is_empty() {
            let paths = [vec![Cow::Borrowed(project)]];
            add(&mut self.root, &paths, seconds, seconds);
        }
        self.root.seconds += seconds;
        self.root.raw += seconds;
        self.count_project(project, seconds);
        true
    }

    fn count_project(&mut self, project: &str, seconds: i64) {
        // Looked up before inserting: a known project costs no allocation.
        match self.per_project.get_mut(project) {
            Some(total) => *total += seconds,
            None => {
                self.per_project.insert(project.to_string(), seconds);
            }
        }
    }

    /// The finished report.
    #[must_use]
    pub fn finish(mut self) -> Report {
        let options = self.options;
        if let (Some(GroupBy::Day), Some(from), Some(to)) =
            (options.group_by.first(), options.span.from, options.span.to)
        {
            fill_days(&mut self.root, options.zone, from, to);
        }
        let groups = to_groups(self.root.children, &options.group_by);
        Report {
            total_seconds: self.root.seconds,
            raw_total_seconds: self.root.raw,
            sessions_count: self.count,
            groups,
            per_project: self.per_project,
            rates: money::Rates::new(),
            options,
        }
    }
}

fn cumulative_share(total: i64, part: i64, whole: i64) -> i64 {
    if whole == 0 {
        return 0;
    }
    let share = i128::from(total) * i128::from(part) / i128::from(whole);
    i64::try_from(share).unwrap_or(total)
}

/// Adds a piece under every node its paths pass through, each node once: with
/// several tags the paths share their prefix (the project), which must not count twice.
fn add(root: &mut Node, paths: &[Vec<Cow<'_, str>>], seconds: i64, raw: i64) {
    // A key is looked up before it is inserted, so an existing group costs no allocation
    // (a full-history report passes here once per session).
    fn child<'n>(node: &'n mut Node, key: &str) -> &'n mut Node {
        if !node.children.contains_key(key) {
            node.children.insert(key.to_string(), Node::default());
        }
        node.children.get_mut(key).unwrap_or_else(|| unreachable!())
    }
    if let [path] = paths {
        let mut node = root;
        for key in path {
            node = child(node, key);
            node.seconds += seconds;
            node.raw += raw;
        }
        return;
    }
    let prefixes: std::collections::BTreeSet<&[Cow<'_, str>]> = paths
        .iter()
        .flat_map(|p| (1..=p.len()).map(move |n| &p[..n]))
        .collect();
    for prefix in prefixes {
        let mut node = &mut *root;
        for key in prefix {
            node = child(node, key);
        }
        node.seconds += seconds;
        node.raw += raw;
    }
}

/// Every key path a piece counts under (more than one only for several tags). Keys
/// borrow the session's project and tags; only day, week and month keys are made.
fn key_paths<'a>(
    session: &'a LeanSession,
    date: NaiveDate,
    options: &ReportOptions,
) -> Vec<Vec<Cow<'a, str>>> {
    let mut paths = vec![Vec::with_capacity(options.group_by.len())];
    for by in &options.group_by {
        let keys: Vec<Cow<'a, str>> = match by {
            GroupBy::Project => vec![Cow::Borrowed(session.project.as_str())],
            GroupBy::Tag if session.tags.is_empty() => vec![Cow::Borrowed(labels::NO_TAG)],
            GroupBy::Tag => session
                .tags
                .iter()
                .map(|t| Cow::Borrowed(t.as_str()))
                .collect(),
            GroupBy::Day => vec![Cow::Owned(date.format("%Y-%m-%d").to_string())],
            GroupBy::Week => vec![Cow::Owned(week_key(date, options.week_start))],
            GroupBy::Month => vec![Cow::Owned(date.format("%Y-%m").to_string())],
        };
        if let [key] = keys.as_slice() {
            // One key at this level (all but a multi-tag session): extend in place.
            for path in &mut paths {
                path.push(key.clone());
            }
            continue;
        }
        paths = paths
            .into_iter()
            .flat_map(|p| {
                keys.iter().map(move |k| {
                    let mut next = p.clone();
                    next.push(k.clone());
                    next
                })
            })
            .collect();
    }
    paths
}

fn fill_days(root: &mut Node, zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) {
    let mut day = crate::time::local_date(zone, from);
    let last = crate::time::local_date(zone, to - chrono::Duration::seconds(1));
    // Bounded: a range of days far beyond a few years is not a day report anyone reads.
    for _ in 0..3660 {
        if day > last {
            break;
        }
        root.children
            .entry(day.format("%Y-%m-%d").to_string())
            .or_default();
        day = match day.succ_opt() {
            Some(next) => next,
            None => break,
        };
    }
}

fn to_groups(nodes: BTreeMap<String, Node>, by: &[GroupBy]) -> Vec<Group> {
    let level = by.first().copied();
    let rest = by.get(1..).unwrap_or(&[]);
    let mut groups: Vec<Group> = nodes
        .into_iter()
        .map(|(key, node)| Group {
            key,
            seconds: node.seconds,
            raw_seconds: node.raw,
            children: to_groups(node.children, rest),
        })
        .collect();
    // Time keys read best in order; projects and tags biggest first.
    if !level.is_some_and(GroupBy::is_time) {
        groups.sort_by(|a, b| b.seconds.cmp(&a.seconds).then_with(|| a.key.cmp(&b.key)));
    }
    groups
}

#[cfg(test)]
mod tests;
