//! `otium log`: sessions grouped by the local day they start on, streamed as they
//! are read, so `log --all` holds one day's rows at a time, not the whole history.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use clap::Args;

use super::{Ctx, Out, args::FilterArgs, args::RangeArgs, format};
use crate::error::Result;
use crate::i18n::{Lang, zh};
use crate::model::Session;
use crate::report::apportion;
use crate::time;

// `log [range] [--project P…] [--tag T…]`.
#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(flatten)]
    pub range: RangeArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(ctx: &mut Ctx, args: &LogArgs) -> Result<()> {
    let zone = args.range.zone(ctx)?;
    let span = args.range.span(ctx, zone)?;
    let now = ctx.tracker.now();
    // The same filter as `report`: any of the projects, any of the tags.
    let filter = args.filter.to_filter();
    let lang = ctx.lang;
    let Ctx { tracker, out, .. } = ctx;
    if out.json {
        let mut array = out.json_array();
        tracker.each_session(span, |s| {
            if filter.matches(&s.project, &s.tags) {
                array.push(&s.to_json(now))
            } else {
                Ok(())
            }
        })?;
        array.finish();
        return Ok(());
    }
    let mut day = Day {
        lang,
        zone,
        now,
        date: None,
        sessions: Vec::new(),
    };
    tracker.each_session(span, |s| {
        if !filter.matches(&s.project, &s.tags) {
            return Ok(());
        }
        let date = time::local_date(zone, s.start);
        if day.date != Some(date) {
            day.write(out);
            day.date = Some(date);
        }
        day.sessions.push(s.clone());
        out.status()
    })?;
    if day.date.is_none() {
        let key = if filter.projects.is_empty() && filter.tags.is_empty() {
            "capture-log-empty"
        } else {
            "capture-log-empty-filtered"
        };
        out.line(crate::i18n::t(lang, key, &[]));
    }
    day.write(out);
    Ok(())
}

/// The rows of the local day being read (sessions come oldest first, so a day's
/// rows arrive together).
struct Day {
    lang: Lang,
    zone: Tz,
    now: DateTime<Utc>,
    date: Option<NaiveDate>,
    sessions: Vec<Session>,
}

impl Day {
    /// Writes the day's heading and rows, and empties it for the next day.
    fn write(&mut self, out: &mut Out) {
        let Some(date) = self.date else { return };
        // A day's rows share its rounded total by largest remainder, as in `report`, so
        // the minutes shown on the rows add up to the minutes shown for the day.
        let seconds: Vec<i64> = self
            .sessions
            .iter()
            .map(|s| s.duration_seconds(self.now))
            .collect();
        let total: i64 = seconds.iter().sum();
        let width = if self.lang.is_zh() { 10 } else { 8 };
        out.line(format!(
            "{}  {}",
            format::day(self.lang, date),
            zh::pad_start(&crate::i18n::duration(self.lang, total), width)
        ));
        let shown = apportion::apportion(&seconds, apportion::round_minutes(total));
        for ((s, exact), minutes) in self.sessions.iter().zip(&seconds).zip(shown) {
            let duration = format::minutes(self.lang, *exact, minutes);
            out.line(format::row_shown(self.lang, s, self.zone, &duration));
        }
        self.sessions.clear();
    }
}
