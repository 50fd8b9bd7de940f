//! `otium status`: what runs, since when, and for how long.

use serde::Serialize;

use super::{Ctx, format};
use crate::error::Result;
use crate::model::SessionJson;
use crate::time;

#[derive(Serialize)]
struct StatusJson {
    running: bool,
    session: Option<SessionJson>,
}

pub fn run(ctx: &mut Ctx) -> Result<()> {
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    let running = ctx.tracker.running()?;
    ctx.out.value(&StatusJson {
        running: running.is_some(),
        session: running.as_ref().map(|s| s.to_json(now)),
    });
    if let Some(s) = running {
        ctx.out.line(format!("Running: {}", format::label(&s)));
        ctx.out.line(format!(
            "Since {} (session {}), {} so far.",
            format::when(zone, s.start),
            s.id,
            time::human_duration(s.duration_seconds(now))
        ));
    } else if let Some(last) = ctx.tracker.latest()? {
        ctx.out.line("Nothing running.");
        let end = last
            .end
            .map_or_else(String::new, |e| time::hhmm_in(zone, e));
        ctx.out.line(format!(
            "Last: {} (session {}), {}–{end}.",
            format::label(&last),
            last.id,
            format::when(zone, last.start)
        ));
    } else {
        ctx.out
            .line("Nothing running, and no sessions yet. Start one with `otium start PROJECT`.");
    }
    Ok(())
}
