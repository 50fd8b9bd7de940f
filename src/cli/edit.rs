//! `otium edit` and `otium rm`.

use clap::Args;

use super::{Ctx, format};
use crate::error::Result;
use crate::model::{SessionEdit, SessionId, parse_tags};
use crate::time;

/// `edit ID [--project P] [--from T] [--to T] [--note N] [--add-tag T…] [--rm-tag T…]`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The session's id (see `otium log`).
    pub id: SessionId,
    /// Move it to another project.
    #[arg(long, add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub project: Option<String>,
    /// New start; a bare HH:MM falls on the session's own day.
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: Option<String>,
    /// New end; a bare HH:MM falls on the session's own day. Stops a running session.
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub to: Option<String>,
    /// New note ("" clears it).
    #[arg(short, long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Add a tag (repeatable).
    #[arg(long = "add-tag", value_name = "TAG", add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub add_tags: Vec<String>,
    /// Remove a tag (repeatable).
    #[arg(long = "rm-tag", value_name = "TAG", add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub rm_tags: Vec<String>,
}

/// `rm ID`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The session's id.
    pub id: SessionId,
}

pub fn run(ctx: &mut Ctx, args: EditArgs) -> Result<()> {
    let zone = ctx.tracker.zone();
    let current = ctx.tracker.session(args.id)?;
    let day = Some(time::local_date(zone, current.start));
    let edit = SessionEdit {
        project: args.project.as_deref().map(str::parse).transpose()?,
        start: args
            .from
            .as_deref()
            .map(|t| ctx.instant(t, day))
            .transpose()?,
        end: args
            .to
            .as_deref()
            .map(|t| ctx.instant(t, day))
            .transpose()?,
        note: args.note.map(Some),
        add_tags: parse_tags(&args.add_tags)?,
        remove_tags: args
            .rm_tags
            .iter()
            .map(|t| t.parse())
            .collect::<Result<_>>()?,
    };
    let session = ctx.tracker.edit(args.id, &edit)?;
    let now = ctx.tracker.now();
    ctx.out.line(format!(
        "Edited session {}: {}",
        session.id,
        format::row(&session, zone, now).trim_start()
    ));
    ctx.out.value(|| session.to_json(now));
    Ok(())
}

pub fn remove(ctx: &mut Ctx, args: &RmArgs) -> Result<()> {
    let session = ctx.tracker.remove(args.id)?;
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    ctx.out.line(format!(
        "Removed session {}: {} {}, {}.",
        session.id,
        format::label(&session),
        format::when(zone, session.start),
        time::human_duration(session.duration_seconds(now))
    ));
    ctx.out.value(|| session.to_json(now));
    Ok(())
}
