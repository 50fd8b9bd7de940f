//! `otium away keep|cut|stop [--id N]`: answers the away time the TUI recorded in the
//! running session, which `otium status` asks about. Keep leaves the session alone, cut
//! splits it around the gap, stop ends it where the gap began; cut and stop are
//! journaled, so `otium undo` takes them back.

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{Ctx, format};
use crate::error::Result;
use crate::model::SessionJson;
use crate::time;
use crate::tracker::away::{Answer, AwayJson};

/// `away ANSWER [--id N]`.
#[derive(Debug, Args)]
pub struct AwayArgs {
    /// keep (the time was work), cut (split the session around it), or stop (end the
    /// session where it began).
    #[arg(value_enum)]
    pub answer: AnswerArg,
    /// Which away time (the ids `otium status --json` lists); default the oldest.
    #[arg(long, value_name = "N")]
    pub id: Option<i64>,
}

/// The answers on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AnswerArg {
    /// Keep the away time in the session.
    Keep,
    /// Cut it out: the session ends where it began and runs on from where it ended.
    Cut,
    /// Stop the session where it began.
    Stop,
}

#[derive(Serialize)]
struct AnsweredJson {
    answer: &'static str,
    away: AwayJson,
    session: SessionJson,
    resumed: Option<SessionJson>,
}

/// `otium away`.
pub fn run(ctx: &mut Ctx, args: &AwayArgs) -> Result<()> {
    let answer = match args.answer {
        AnswerArg::Keep => Answer::Keep,
        AnswerArg::Cut => Answer::Cut,
        AnswerArg::Stop => Answer::Stop,
    };
    let done = ctx.tracker.answer_away(args.id, answer)?;
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    let span = done.gap.span_text(zone);
    ctx.out.value(|| AnsweredJson {
        answer: answer.word(),
        away: done.gap.to_json(zone),
        session: done.session.to_json(now),
        resumed: done.resumed.as_ref().map(|s| s.to_json(now)),
    });
    let s = &done.session;
    match (&done.resumed, answer) {
        (Some(r), _) => {
            ctx.out.line(format!(
                "Cut {span} out: session {} ({}) ends at {}; session {} runs on from {}.",
                s.id,
                format::label(s),
                time::hhmm_in(zone, done.gap.from),
                r.id,
                time::hhmm_in(zone, r.start)
            ));
        }
        (None, Answer::Stop) => ctx.out.line(format!(
            "Stopped session {} ({}) at {}, when you left ({span} away).",
            s.id,
            format::label(s),
            time::hhmm_in(zone, done.gap.from)
        )),
        (None, _) => ctx.out.line(format!(
            "Kept {span} in session {} ({}).",
            s.id,
            format::label(s)
        )),
    }
    Ok(())
}
