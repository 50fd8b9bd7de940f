//! `otium sync init DIR [--name NAME]`, `otium sync` and `otium sync status`: sync
//! this database with other devices through a folder the user already syncs.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::error::Result;
use crate::i18n::t;
use crate::time::range::Span;
use crate::tracker::sync::{SyncReport, SyncStatus};

// `sync [init DIR | status]`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Without one: write this device's new changes and apply the others'.
    #[command(subcommand)]
    pub action: Option<SyncAction>,
}

// What `sync` does besides syncing.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
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
    warnings: Vec<String>,
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

/// `[sync] auto = true`: syncs when the folder changed or this device has changes not
/// in it yet. A failure (the folder unmounted or read-only) never fails the command
/// it follows: one line on stderr says so (when `say_failure`), and the next sync
/// catches up. Whether the folder was reached.
pub fn auto(ctx: &mut Ctx, say_failure: bool) -> bool {
    match ctx.tracker.sync_if_changed(true) {
        Ok(Some(report)) => {
            for w in &report.warnings {
                let why = w.said(ctx.lang);
                let line = t(ctx.lang, "sync-git-failed", &[("why", &why)]);
                ctx.out.note(&line);
            }
        }
        Ok(None) => {}
        Err(e) => {
            if say_failure {
                let why = e.message_in(ctx.lang);
                let line = t(ctx.lang, "sync-auto-failed", &[("why", &why)]);
                ctx.out.note(&line);
            }
            return false;
        }
    }
    true
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
            let line = t(
                ctx.lang,
                "sync-joined",
                &[
                    ("name", &status.device.name.as_deref().unwrap_or("?")),
                    ("id", &status.device.id),
                    ("dir", &status.dir.display()),
                ],
            );
            ctx.out.line(line);
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
    let lang = ctx.lang;
    ctx.out.line(t(
        lang,
        "sync-done",
        &[
            ("written", &r.written),
            ("applied", &r.applied),
            ("changed", &r.changed),
        ],
    ));
    if r.stopped > 0 {
        ctx.out
            .line(t(lang, "sync-stopped", &[("count", &r.stopped)]));
    }
    for s in &r.skipped {
        ctx.out.line(t(
            lang,
            "sync-not-applied-yet",
            &[("file", &s.file), ("why", &s.reason.text_in(lang))],
        ));
    }
    if r.conflicts > 0 {
        ctx.out
            .line(t(lang, "sync-conflicts-found", &[("count", &r.conflicts)]));
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
        warnings: r.warnings.iter().map(ToString::to_string).collect(),
    };
    for w in &r.warnings {
        let why = w.said(ctx.lang);
        ctx.out.note(&crate::i18n::t(
            ctx.lang,
            "sync-git-failed",
            &[("why", &why)],
        ));
    }
    ctx.out.value(|| json);
}

fn show(ctx: &mut Ctx, s: &SyncStatus) {
    let lang = ctx.lang;
    ctx.out
        .line(t(lang, "sync-status-folder", &[("dir", &s.dir.display())]));
    for d in &s.devices {
        let name = d
            .name
            .clone()
            .unwrap_or_else(|| t(lang, "sync-status-unnamed", &[]));
        let key = match (d.this, &d.last_record) {
            (true, Some(_)) => "sync-status-this-device",
            (true, None) => "sync-status-this-device-empty",
            (false, Some(_)) => "sync-status-device",
            (false, None) => "sync-status-device-empty",
        };
        let last = d.last_record.as_deref().unwrap_or_default();
        // Indented by code: Fluent trims a message's leading spaces.
        let line = t(
            lang,
            key,
            &[
                ("name", &name),
                ("id", &d.id),
                ("records", &d.records),
                ("last", &last),
            ],
        );
        ctx.out.line(format!("  {line}"));
        for (a, b) in &d.gaps {
            let gap = t(lang, "sync-status-gap", &[("first", a), ("last", b)]);
            ctx.out.line(format!("    {gap}"));
        }
    }
    let key = if s.pending > 0 {
        "sync-status-pending-run"
    } else {
        "sync-status-pending"
    };
    ctx.out.line(t(lang, key, &[("count", &s.pending)]));
    for f in &s.skipped {
        ctx.out.line(t(
            lang,
            "sync-status-not-applied",
            &[("file", &f.file), ("why", &f.reason.text_in(lang))],
        ));
    }
    if s.conflicts.is_empty() {
        ctx.out.line(t(lang, "sync-status-no-conflicts", &[]));
    }
    for c in &s.conflicts {
        ctx.out.line(t(lang, "sync-status-conflict", &[]));
        for side in &c.sessions {
            let end = side
                .end
                .clone()
                .unwrap_or_else(|| t(lang, "sync-status-now", &[]));
            let line = t(
                lang,
                "sync-status-side",
                &[
                    ("id", &side.id),
                    ("project", &side.project),
                    ("start", &side.start),
                    ("end", &end),
                    ("uuid", &side.uuid),
                ],
            );
            ctx.out.line(format!("  {line}"));
        }
    }
    ctx.out.value(|| s.clone());
}
