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
}

pub fn run(ctx: &mut Ctx, args: &StopArgs) -> Result<()> {
    let at = args
        .at
        .as_deref()
        .map(|t| ctx.instant(t, None))
        .transpose()?;
    let session = ctx.tracker.stop(at)?;
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    ctx.out.line(format!(
        "Stopped {} (session {}): {}, {}.",
        format::label(&session),
        session.id,
        format::span(&session, zone).trim_end(),
        time::human_duration(session.duration_seconds(now))
    ));
    ctx.out.value(&session.to_json(now));
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
    ctx.out.value(&session.to_json(now));
    Ok(())
}
