//! `otium away keep|cut|stop [--id N]`: answers the away time the TUI recorded in the
//! running session, which `otium status` asks about. Keep leaves the session alone, cut
//! splits it around the gap, stop ends it where the gap began; cut and stop are
//! journaled, so `otium undo` takes them back.

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{Ctx, format};
use crate::error::Result;
use crate::i18n::{self, t};
use crate::model::SessionJson;
use crate::time;
use crate::tracker::away::{Answer, AwayJson};

// `away ANSWER [--id N]`.
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
    let lang = ctx.lang;
    // `09:10–10:40 (1h 30m)`, with the length in the user's language.
    let to = if time::local_date(zone, done.gap.to) == time::local_date(zone, done.gap.from) {
        time::hhmm_in(zone, done.gap.to)
    } else {
        time::date_hhmm_in(zone, done.gap.to)
    };
    let length = i18n::duration(lang, done.gap.seconds());
    let span = if lang.is_zh() {
        format!("{}–{to}（{length}）", time::hhmm_in(zone, done.gap.from))
    } else {
        span
    };
    let label = format::label(s);
    let left = time::hhmm_in(zone, done.gap.from);
    let line = match (&done.resumed, answer) {
        (Some(r), _) => t(
            lang,
            "capture-away-cut",
            &[
                ("span", &span),
                ("id", &s.id),
                ("label", &label),
                ("at", &left),
                ("next", &r.id),
                ("from", &time::hhmm_in(zone, r.start)),
            ],
        ),
        (None, Answer::Stop) => t(
            lang,
            "capture-away-stopped",
            &[
                ("id", &s.id),
                ("label", &label),
                ("at", &left),
                ("span", &span),
            ],
        ),
        (None, _) => t(
            lang,
            "capture-away-kept",
            &[("span", &span), ("id", &s.id), ("label", &label)],
        ),
    };
    ctx.out.line(line);
    Ok(())
}
