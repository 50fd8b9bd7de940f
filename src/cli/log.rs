//! `otium log`: sessions grouped by the local day they start on.

use chrono::NaiveDate;
use clap::Args;

use super::{Ctx, args::RangeArgs, format};
use crate::error::Result;
use crate::model::SessionJson;
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
    let mut day: Option<NaiveDate> = None;
    for (i, s) in sessions.iter().enumerate() {
        let date = time::local_date(zone, s.start);
        if day != Some(date) {
            day = Some(date);
            let total: i64 = sessions[i..]
                .iter()
                .take_while(|o| time::local_date(zone, o.start) == date)
                .map(|o| o.duration_seconds(now))
                .sum();
            ctx.out.line(format!(
                "{}  {:>8}",
                date.format("%a %Y-%m-%d"),
                time::human_duration(total)
            ));
        }
        ctx.out.line(format::row(s, zone, now));
    }
    Ok(())
}
