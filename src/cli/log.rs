//! `otium log`: sessions grouped by the local day they start on.

use chrono::NaiveDate;
use clap::Args;

use super::{Ctx, args::RangeArgs, format};
use crate::error::Result;
use crate::model::SessionJson;
use crate::report::apportion;
use crate::time;

/// `log [range]`.
#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(flatten)]
    pub range: RangeArgs,
}

pub fn run(ctx: &mut Ctx, args: &LogArgs) -> Result<()> {
    let zone = args.range.zone(ctx)?;
    let span = args.range.span(ctx, zone)?;
    let now = ctx.tracker.now();
    let sessions = ctx.tracker.sessions(span)?;
    let json: Vec<SessionJson> = sessions.iter().map(|s| s.to_json(now)).collect();
    ctx.out.value(&json);
    if sessions.is_empty() {
        ctx.out.line("No sessions in this range.");
    }
    // A day's rows share its rounded total by largest remainder, as in `report`, so
    // the minutes shown on the rows add up to the minutes shown for the day.
    let mut rest = sessions.as_slice();
    while let Some(first) = rest.first() {
        let date: NaiveDate = time::local_date(zone, first.start);
        let count = rest
            .iter()
            .take_while(|o| time::local_date(zone, o.start) == date)
            .count();
        let (day, later) = rest.split_at(count);
        rest = later;
        let seconds: Vec<i64> = day.iter().map(|o| o.duration_seconds(now)).collect();
        let total: i64 = seconds.iter().sum();
        let total_minutes = apportion::round_minutes(total);
        ctx.out.line(format!(
            "{}  {:>8}",
            date.format("%a %Y-%m-%d"),
            time::human_duration(total)
        ));
        let shown = apportion::apportion(&seconds, total_minutes);
        for ((s, exact), minutes) in day.iter().zip(&seconds).zip(shown) {
            let duration = format::minutes(*exact, minutes);
            ctx.out.line(format::row_shown(s, zone, &duration));
        }
    }
    Ok(())
}
