//! `otium add`: record a past session.

use chrono::Duration;
use clap::Args;

use super::{Ctx, format, split_tags};
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::{self, t};
use crate::model::{NewSession, parse_tags};
use crate::time;

// `add PROJECT [+tag…] --from T (--to T | --for D) [--note N]`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("end").required(true).args(["to", "for_"]))]
pub struct AddArgs {
    /// The project.
    #[arg(add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub project: String,
    /// Tags, each written +name.
    #[arg(add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub tags: Vec<String>,
    /// When it started (e.g. "yesterday 14:00", 2026-03-02T13:00).
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: String,
    /// When it ended; a bare HH:MM falls on the start's day.
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub to: Option<String>,
    /// How long it lasted instead of --to (e.g. 1h15m, 90m, 1.5h, 1:30).
    #[arg(long = "for", allow_hyphen_values = true, value_name = "DURATION")]
    pub for_: Option<String>,
    /// A note for the session.
    #[arg(short, long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

pub fn run(ctx: &mut Ctx, mut args: AddArgs) -> Result<()> {
    rejoin(&mut args);
    let tags = split_tags(&args.tags)?;
    let zone = ctx.tracker.zone();
    let start = ctx.instant(&args.from, None)?;
    let end = match (&args.to, &args.for_) {
        (Some(to), _) => ctx.instant(to, Some(time::local_date(zone, start)))?,
        (None, Some(length)) => {
            let seconds = time::parse_duration(length)?;
            if seconds <= 0 {
                return Err(Error::keyed(
                    ErrorKind::InvalidInput,
                    "capture-error-for-zero",
                    vec![("input", format!("{length:?}"))],
                ));
            }
            start + Duration::seconds(seconds)
        }
        (None, None) => {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-give-end",
                vec![],
            ));
        }
    };
    let new = NewSession {
        project: super::project_name(&args.project, "otium add writing --from 9:00 --to 10:00")?,
        tags: parse_tags(tags)?,
        note: args.note,
        start,
        end: Some(end),
        zone,
    };
    let session = ctx.tracker.add(new)?;
    let (now, lang) = (ctx.tracker.now(), ctx.lang);
    ctx.out.line(t(
        lang,
        "capture-added",
        &[
            ("label", &format::label(&session)),
            ("id", &session.id),
            ("when", &format::when_in(lang, zone, session.start)),
            (
                "elapsed",
                &i18n::duration(lang, session.duration_seconds(now)),
            ),
        ],
    ));
    // No other session changes; the keys are there so one parser reads every answer.
    ctx.out
        .value(|| super::start::Answer::new(&session, None, None, now));
    Ok(())
}

/// `--from 昨天 9:00` without quotes: the shell made `9:00` a word of its own, which
/// clap took for a tag. Joined back when exactly one of `--from` and `--to` is
/// a bare day word (with both, which clock followed which flag is unknown, and the
/// words are left to be refused).
fn rejoin(args: &mut AddArgs) {
    // The first word that is not a +tag (tags may come before the flag).
    let Some(at) = args.tags.iter().position(|w| !w.starts_with('+')) else {
        return;
    };
    let first = args.tags[at].clone();
    let from = time::parse::day_then_clock(&args.from, &first);
    let to = args
        .to
        .as_deref()
        .and_then(|to| time::parse::day_then_clock(to, &first));
    let bare_to = args
        .to
        .as_deref()
        .is_some_and(|to| time::parse::day_then_clock(to, "0:00").is_some());
    let bare_from = time::parse::day_then_clock(&args.from, "0:00").is_some();
    match (from, to) {
        (Some(joined), None) if !bare_to => args.from = joined,
        (None, Some(joined)) if !bare_from => args.to = Some(joined),
        _ => return,
    }
    args.tags.remove(at);
}
