//! `otium stop` and `otium cancel`.

use clap::Args;

use super::{Ctx, format};
use crate::error::Result;
use crate::time;

/// `stop [--at T]`.
#[derive(Debug, Args)]
pub struct StopArgs {
    /// Stop at a past time instead of now (e.g. "10 min ago", 17:30).
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub at: Option<String>,
    /// Record this much output (in the project's unit) with the stopped session.
    #[arg(long, value_name = "AMOUNT")]
    pub output: Option<f64>,
}

pub fn run(ctx: &mut Ctx, args: &StopArgs) -> Result<()> {
    let at = args
        .at
        .as_deref()
        .map(|t| ctx.instant(t, None))
        .transpose()?;
    let (session, output) = match args.output {
        Some(amount) => {
            let (session, entry) = ctx.tracker.stop_with_output(at, amount)?;
            (session, Some(entry))
        }
        None => (ctx.tracker.stop(at)?, None),
    };
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    ctx.out.line(format!(
        "Stopped {} (session {}): {}, {}.",
        format::label(&session),
        session.id,
        format::span(&session, zone).trim_end(),
        time::human_duration(session.duration_seconds(now))
    ));
    if let Some(entry) = &output {
        let unit = entry.unit.as_deref().unwrap_or("");
        ctx.out.line(format!(
            "Recorded {} {unit} for {}.",
            entry.amount, entry.project
        ));
    }
    // No other session changes; the keys are there so one parser reads every answer.
    ctx.out
        .value(|| super::start::Answer::new(&session, None, None, now));
    Ok(())
}

pub fn cancel(ctx: &mut Ctx) -> Result<()> {
    let session = ctx.tracker.cancel()?;
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    ctx.out.line(format!(
        "Cancelled {} (session {}), started {}: {} not recorded.",
        format::label(&session),
        session.id,
        time::hhmm_in(zone, session.start),
        time::human_duration(session.duration_seconds(now))
    ));
    ctx.out.value(|| session.to_json(now));
    Ok(())
}
