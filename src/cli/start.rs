//! `otium start` and `otium continue`.

use chrono::{DateTime, Utc};
use clap::Args;
use serde::Serialize;

use super::{Ctx, format, split_tags};
use crate::error::Result;
use crate::i18n::{self, t};
use crate::model::{Session, SessionId, SessionJson, parse_tags};
use crate::time;
use crate::tracker::{StartRequest, Started};

// `start PROJECT [+tag…] [--note N] [--at T]`.
#[derive(Debug, Args)]
pub struct StartArgs {
    /// The project, e.g. writing.
    #[arg(add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub project: String,
    /// Tags, each written +name.
    #[arg(add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub tags: Vec<String>,
    /// A note for the session.
    #[arg(short, long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Start at a past time instead of now (e.g. 9:15, "10 min ago").
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub at: Option<String>,
}

// `continue [ID] [--at T]`.
#[derive(Debug, Args)]
pub struct ContinueArgs {
    /// The session to continue [default: the last one].
    pub id: Option<SessionId>,
    /// Start at a past time instead of now.
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub at: Option<String>,
}

pub fn run(ctx: &mut Ctx, mut args: StartArgs) -> Result<()> {
    // `--at 昨天 9:00` without quotes: the clock came as a stray word (see `add`).
    let stray = args.tags.iter().position(|w| !w.starts_with('+'));
    if let (Some(at), Some(i)) = (&args.at, stray)
        && let Some(joined) = time::parse::day_then_clock(at, &args.tags[i])
    {
        args.at = Some(joined);
        args.tags.remove(i);
    }
    let tags = split_tags(&args.tags)?;
    let at = args
        .at
        .as_deref()
        .map(|t| ctx.instant(t, None))
        .transpose()?;
    let started = ctx.tracker.start(StartRequest {
        project: super::project_name(&args.project, "otium start writing")?,
        tags: parse_tags(tags)?,
        note: args.note,
        at,
    })?;
    report(ctx, &started);
    Ok(())
}

pub fn resume(ctx: &mut Ctx, args: &ContinueArgs) -> Result<()> {
    let at = args
        .at
        .as_deref()
        .map(|t| ctx.instant(t, None))
        .transpose()?;
    let started = ctx.tracker.resume(args.id, at)?;
    report(ctx, &started);
    Ok(())
}

fn report(ctx: &mut Ctx, started: &Started) {
    let (now, zone, lang) = (ctx.tracker.now(), ctx.tracker.zone(), ctx.lang);
    let new = &started.session;
    if let Some(old) = &started.stopped {
        ctx.out.line(t(
            lang,
            "capture-start-stopped-old",
            &[
                ("label", &format::label(old)),
                ("id", &old.id),
                ("at", &time::hhmm_in(zone, new.start)),
                ("elapsed", &i18n::duration(lang, old.duration_seconds(now))),
            ],
        ));
    }
    if let Some(old) = &started.dropped {
        ctx.out.line(t(
            lang,
            "capture-start-dropped",
            &[("label", &format::label(old)), ("id", &old.id)],
        ));
    }
    ctx.out.line(t(
        lang,
        "capture-started",
        &[
            ("label", &format::label(new)),
            ("at", &time::hhmm_in(zone, new.start)),
            ("id", &new.id),
        ],
    ));
    ctx.out
        .value(|| Answer::new(new, started.stopped.as_ref(), started.dropped.as_ref(), now));
}

/// The JSON answer of `start`, `continue`, `stop` and `add`: the session's own fields
/// (the shape scripts already read) plus what happened to any other session, so a
/// script holding the id of the session that ran learns it was stopped or dropped.
#[derive(Debug, Serialize)]
pub(super) struct Answer {
    #[serde(flatten)]
    session: SessionJson,
    /// The session that ran, stopped where this one starts; `null` if none was.
    stopped: Option<SessionJson>,
    /// The session that ran, deleted because it started at the same second (it held
    /// no time, and `end > start` forbids stopping it there); `null` if none was.
    dropped: Option<SessionJson>,
}

impl Answer {
    /// The answer for `session`, with the other sessions the verb stopped or dropped.
    pub(super) fn new(
        session: &Session,
        stopped: Option<&Session>,
        dropped: Option<&Session>,
        now: DateTime<Utc>,
    ) -> Self {
        Answer {
            session: session.to_json(now),
            stopped: stopped.map(|s| s.to_json(now)),
            dropped: dropped.map(|s| s.to_json(now)),
        }
    }
}
