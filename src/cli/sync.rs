//! `otium sync init DIR [--name NAME]`, `otium sync` and `otium sync status`: sync
//! this database with other devices through a folder the user already syncs.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::error::Result;
use crate::time::range::Span;
use crate::tracker::sync::{SyncReport, SyncStatus};

/// `sync [init DIR | status]`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Without one: write this device's new changes and apply the others'.
    #[command(subcommand)]
    pub action: Option<SyncAction>,
}

/// What `sync` does besides syncing.
#[derive(Debug, Subcommand)]
pub enum SyncAction {
    /// Make this database a device of the sync folder DIR (created, or joined if other
    /// devices are there) and write its history there.
    Init {
        /// The folder to sync through (one Syncthing, Dropbox, … already syncs).
        dir: PathBuf,
        /// This device's name in `sync status` [default: device-<first part of its id>].
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Devices, pending changes, files not applied yet, and conflicts.
    Status,
}

impl SyncArgs {
    /// Whether it only reads the database (`sync status`).
    #[must_use]
    pub fn only_reads(&self) -> bool {
        !matches!(self.action, Some(SyncAction::Init { .. }))
    }
}

#[derive(Serialize)]
struct ReportJson<'a> {
    written: usize,
    applied: usize,
    changed: usize,
    stopped: usize,
    conflicts: usize,
    skipped: Vec<SkippedJson<'a>>,
    git: bool,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    file: &'a str,
    why: &'a str,
}

/// The line a report of `span` ends with when it includes unresolved sync
/// conflicts (none otherwise, and none for a database that does not sync).
pub fn report_notice(ctx: &Ctx, span: Span) -> Result<Option<String>> {
    let count = ctx.tracker.sync_conflicts_in(span)?;
    Ok(
        (count > 0)
            .then(|| crate::i18n::t(ctx.lang, "sync-report-conflicts", &[("count", &count)])),
    )
}

/// `otium sync …`.
pub fn run(ctx: &mut Ctx, args: &SyncArgs) -> Result<()> {
    match &args.action {
        None => {
            let report = ctx.tracker.sync()?;
            say(ctx, &report);
        }
        Some(SyncAction::Init { dir, name }) => {
            let report = ctx.tracker.sync_init(dir, name.as_deref())?;
            let status = ctx.tracker.sync_status()?;
            ctx.out.line(format!(
                "This database is now device {} ({}) of {}.",
                status.device.name.as_deref().unwrap_or("?"),
                status.device.id,
                status.dir.display()
            ));
            say(ctx, &report);
        }
        Some(SyncAction::Status) => {
            let status = ctx.tracker.sync_status()?;
            show(ctx, &status);
        }
    }
    Ok(())
}

fn say(ctx: &mut Ctx, r: &SyncReport) {
    ctx.out.line(format!(
        "Wrote {} record(s); applied {} from other devices ({} session(s) changed here).",
        r.written, r.applied, r.changed
    ));
    if r.stopped > 0 {
        ctx.out.line(format!(
            "Stopped {} running session(s): another device started a later one.",
            r.stopped
        ));
    }
    for s in &r.skipped {
        ctx.out
            .line(format!("Not applied yet: {} ({}).", s.file, s.why));
    }
    if r.conflicts > 0 {
        ctx.out.line(format!(
            "{} conflict(s): overlapping sessions, both kept; `otium sync status` lists them, `otium edit` or `otium rm` resolves them.",
            r.conflicts
        ));
    }
    let json = ReportJson {
        written: r.written,
        applied: r.applied,
        changed: r.changed,
        stopped: r.stopped,
        conflicts: r.conflicts,
        skipped: r
            .skipped
            .iter()
            .map(|s| SkippedJson {
                file: &s.file,
                why: &s.why,
            })
            .collect(),
        git: r.git,
        warnings: &r.warnings,
    };
    for w in &r.warnings {
        ctx.out
            .note(&crate::i18n::t(ctx.lang, "sync-git-failed", &[("why", w)]));
    }
    ctx.out.value(|| json);
}

fn show(ctx: &mut Ctx, s: &SyncStatus) {
    ctx.out.line(format!("Sync folder: {}", s.dir.display()));
    for d in &s.devices {
        let me = if d.this { " (this device)" } else { "" };
        let last = d.last_record.as_deref().unwrap_or("no records yet");
        ctx.out.line(format!(
            "  {} {}{me}: {} record(s), last {last}",
            d.name.as_deref().unwrap_or("(unnamed)"),
            d.id,
            d.records
        ));
        for (a, b) in &d.gaps {
            ctx.out.line(format!(
                "    records {a} to {b} missing (still on the way?)"
            ));
        }
    }
    ctx.out.line(format!(
        "Pending here: {} change(s) not yet in the folder{}",
        s.pending,
        if s.pending > 0 {
            "; run `otium sync`"
        } else {
            ""
        }
    ));
    for f in &s.skipped {
        ctx.out.line(format!("Not applied: {} ({})", f.file, f.why));
    }
    if s.conflicts.is_empty() {
        ctx.out.line("No conflicts.");
    }
    for c in &s.conflicts {
        ctx.out
            .line("Conflict: these sessions overlap (both kept; edit or rm one):");
        for side in &c.sessions {
            ctx.out.line(format!(
                "  session {} ({}, {} to {}) {}",
                side.id,
                side.project,
                side.start,
                side.end.as_deref().unwrap_or("now"),
                side.uuid
            ));
        }
    }
    ctx.out.value(|| s.clone());
}
