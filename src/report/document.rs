//! The report a person sends: one weekly (or any range's) document with a title,
//! who did the work and for whom, charts, the table, optionally the sessions, the
//! targets and limits of the range, and the leisure dividend. Pure data; the HTML
//! and Markdown renderers draw it, the tracker fills it.

use chrono::NaiveDate;

use super::{Report, weekday_day_in};
use crate::i18n::{Lang, t};
use crate::leisure::alternatives::WeekAlternative;
use crate::limits::rules::{Breach, NamedRule};
use crate::limits::targets::Balance;
use crate::model::Session;

/// Everything the sent report shows.
#[derive(Debug, Clone)]
pub struct Document {
    /// The heading (`--title`); `None` for the default, "Work report" in the
    /// reader's language ([`Document::title_in`]).
    pub title: Option<String>,
    /// Who did the work (`[report] name`).
    pub name: Option<String>,
    /// Who it was done for (`[report] client`).
    pub client: Option<String>,
    /// The first local day of the range.
    pub first: NaiveDate,
    /// The last local day of the range.
    pub last: NaiveDate,
    /// The report itself, as asked (`--by`, filters, `--round`).
    pub report: Report,
    /// Hours per day (or month, for long ranges), for the first chart.
    pub over_time: Report,
    /// Whether `over_time` is per month rather than per day.
    pub over_time_monthly: bool,
    /// Hours per project, for the second chart.
    pub per_project: Report,
    /// The sessions of the range, oldest first, when asked (`--sessions`).
    pub sessions: Option<Vec<Session>>,
    /// Worked against target over the range and the overtime balance, when targets are set.
    pub balance: Option<Balance>,
    /// The working-time limits of the range, when limits are set.
    pub limits: Option<Limits>,
    /// The leisure dividend, unless left out (`--no-dividend`).
    pub dividend: Option<DividendPart>,
}

/// The limits checked over the range.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The set's name (`eu`, `cn`, `custom`).
    pub set: &'static str,
    /// Each rule checked (said in words, with its source, by the renderers).
    pub rules: Vec<NamedRule>,
    /// What the range broke.
    pub breaches: Vec<Breach>,
}

/// Your week against the alternatives.
#[derive(Debug, Clone)]
pub struct DividendPart {
    /// The country the national figures are of.
    pub country: String,
    /// You, 996, the national average, statutory, base-year living, Keynes (those known).
    pub alternatives: Vec<WeekAlternative>,
    /// The data attribution (CC BY) in English; the renderers say it in their
    /// language with `leisure::data::attribution`.
    pub attribution: &'static str,
}

impl Document {
    /// The heading in `lang`: the one given, else "Work report" (`工时报表`).
    #[must_use]
    pub fn title_in(&self, lang: Lang) -> String {
        self.title
            .clone()
            .unwrap_or_else(|| t(lang, "report-default-title", &[]))
    }

    /// `Mon 2026-11-23 – Sun 2026-11-29`, or one day.
    #[must_use]
    pub fn range_label(&self) -> String {
        self.range_label_in(Lang::En)
    }

    /// The range in `lang`: `Mon 2026-11-23 – Sun 2026-11-29`, or
    /// `2026年11月23日 周一 – 2026年11月29日 周日`; one day alone.
    #[must_use]
    pub fn range_label_in(&self, lang: Lang) -> String {
        let day = |d: NaiveDate| weekday_day_in(lang, d);
        if self.first == self.last {
            day(self.first)
        } else {
            format!("{} – {}", day(self.first), day(self.last))
        }
    }
}
