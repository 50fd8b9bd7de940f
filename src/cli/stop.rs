//! `otium stop` and `otium cancel`.

use clap::Args;

use super::{Ctx, format};
use crate::error::Result;
use crate::i18n::{self, t};
use crate::time;

// `stop [--at T]`.
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
    let (now, zone, lang) = (ctx.tracker.now(), ctx.tracker.zone(), ctx.lang);
    ctx.out.line(t(
        lang,
        "capture-stopped",
        &[
            ("label", &format::label(&session)),
            ("id", &session.id),
            ("span", &format::span(&session, zone).trim_end()),
            (
                "elapsed",
                &i18n::duration(lang, session.duration_seconds(now)),
            ),
        ],
    ));
    if let Some(entry) = &output {
        let unit = entry.unit.as_deref().unwrap_or("");
        ctx.out.line(t(
            lang,
            "capture-stop-output",
            &[
                ("amount", &entry.amount),
                ("unit", &unit),
                ("project", &entry.project),
            ],
        ));
    }
    // No other session changes; the keys are there so one parser reads every answer.
    ctx.out
        .value(|| super::start::Answer::new(&session, None, None, now));
    Ok(())
}

pub fn cancel(ctx: &mut Ctx) -> Result<()> {
    let session = ctx.tracker.cancel()?;
    let (now, zone, lang) = (ctx.tracker.now(), ctx.tracker.zone(), ctx.lang);
    ctx.out.line(t(
        lang,
        "capture-cancelled",
        &[
            ("label", &format::label(&session)),
            ("id", &session.id),
            ("at", &time::hhmm_in(zone, session.start)),
            (
                "elapsed",
                &i18n::duration(lang, session.duration_seconds(now)),
            ),
        ],
    ));
    ctx.out.value(|| session.to_json(now));
    Ok(())
}
