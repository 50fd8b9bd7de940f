//! `otium import FORMAT FILE`: sessions from Watson, Timewarrior, Toggl (CSV and API
//! JSON), bartib, Clockify, Kimai, klog, timeclock and otium's own CSV/JSON, in one
//! transaction, with a summary.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Ctx;
use crate::error::{Error, Result};
use crate::i18n::{self, Lang, t};
use crate::interop::import::{Format, ImportSummary, Input, Options, Progress, ProjectTags};
use crate::time;

/// Rows after which a progress bar appears (on a terminal, without --json).
const PROGRESS_AFTER: u64 = 10_000;

/// Source formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Watson's frames file (~/.config/watson/frames).
    Watson,
    /// Timewarrior's data folder, a YYYY-MM.data file, or `timew export` JSON.
    Timewarrior,
    /// Toggl Track's detailed CSV export.
    Toggl,
    /// A bartib activity file.
    Bartib,
    /// otium's CSV export.
    Csv,
    /// otium's JSON export.
    Json,
    /// Clockify's detailed report CSV.
    Clockify,
    /// Kimai's CSV export.
    Kimai,
    /// Toggl Track API v9 time entries JSON (names from --projects FILE).
    TogglApi,
    /// A klog .klg file.
    Klog,
    /// A timeclock file (hledger, timeclock.el): `i`/`o` lines.
    Timeclock,
}

// `import FORMAT FILE [--dry-run] [--tz ZONE] [--project P] [--skip-conflicts] [--allow-long]`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The source format.
    #[arg(value_enum)]
    pub format: FormatArg,
    /// The file (Timewarrior: also its data folder); `-` reads standard input.
    pub file: PathBuf,
    /// Read and check everything, report what would happen, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The zone of naive local times (Toggl, bartib) and of sessions from Watson and
    /// Timewarrior [default: yours].
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Put every session in this project (Timewarrior: all tags then stay tags).
    #[arg(long, value_name = "P")]
    pub project: Option<String>,
    /// Import what does not overlap and count the rest, instead of refusing the file.
    #[arg(long)]
    pub skip_conflicts: bool,
    /// Accept sessions longer than 7 days.
    #[arg(long)]
    pub allow_long: bool,
    /// otium CSV: keep a leading ' in cells (the file came from `export --raw`).
    #[arg(long)]
    pub raw: bool,
    /// Remove sessions imported from this source before, within the range of this
    /// file, that the file no longer holds (deleted in the source).
    #[arg(long)]
    pub sync_deletes: bool,
    /// Timewarrior: which tag becomes the project: `first` (the first tag as written,
    /// the default), `none` (all stay tags), or a comma-separated LIST of project tags.
    #[arg(long, value_name = "LIST")]
    pub project_tags: Option<String>,
    /// toggl-api: the projects JSON (GET /api/v9/workspaces/{id}/projects) that names
    /// the entries' project ids.
    #[arg(long, value_name = "FILE")]
    pub projects: Option<PathBuf>,
}

pub fn run(ctx: &mut Ctx, args: &ImportArgs) -> Result<()> {
    let format = match args.format {
        FormatArg::Watson => Format::Watson,
        FormatArg::Timewarrior => Format::Timewarrior,
        FormatArg::Toggl => Format::Toggl,
        FormatArg::Bartib => Format::Bartib,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
        FormatArg::Clockify => Format::Clockify,
        FormatArg::Kimai => Format::Kimai,
        FormatArg::TogglApi => Format::TogglApi,
        FormatArg::Klog => Format::Klog,
        FormatArg::Timeclock => Format::Timeclock,
    };
    if args.projects.is_some() && format != Format::TogglApi {
        return Err(Error::invalid(format!(
            "--projects names Toggl API project ids; the {} format does not use it (drop it, or import toggl-api)",
            format.name()
        )));
    }
    let zone = match &args.tz {
        Some(name) => time::parse_zone(name.trim())?,
        None => ctx.tracker.zone(),
    };
    let opts = Options {
        format,
        zone,
        project: args.project.clone(),
        skip_conflicts: args.skip_conflicts,
        allow_long: args.allow_long,
        dry_run: args.dry_run,
        raw: args.raw,
        projects: args.projects.clone(),
        sync_deletes: args.sync_deletes,
        project_tags: args
            .project_tags
            .as_deref()
            .map(ProjectTags::parse)
            .unwrap_or_default(),
    };
    if args.project_tags.is_some() && format != Format::Timewarrior {
        return Err(Error::invalid(format!(
            "--project-tags is for Timewarrior, which has no projects; {} files name their own",
            format.name()
        )));
    }
    let input = if args.file.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::Path(args.file.clone())
    };
    let show_bar = !ctx.out.json && std::io::stderr().is_terminal();
    let mut bar: Option<ProgressBar> = None;
    let mut progress = |p: Progress| {
        if !show_bar || p.rows < PROGRESS_AFTER {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(
                Some(p.total.max(p.bytes)),
                ProgressDrawTarget::stderr(),
            );
            if let Ok(style) =
                ProgressStyle::with_template("importing {bar:30} {percent:>3}% {msg} sessions read")
            {
                bar.set_style(style);
            }
            bar
        });
        bar.set_position(p.bytes);
        bar.set_message(p.rows.to_string());
    };
    let result = ctx.tracker.import(&input, &opts, &mut progress);
    if let Some(bar) = bar.take() {
        bar.finish_and_clear();
    }
    let summary = result?;
    for note in &summary.notes {
        ctx.out.note(note);
    }
    if summary.notes_total > summary.notes.len() as u64 {
        let more = summary.notes_total - summary.notes.len() as u64;
        let note = t(ctx.lang, "admin-import-more-notes", &[("count", &more)]);
        ctx.out.note(&note);
    }
    ctx.out.value(|| &summary);
    for line in text(ctx.lang, &summary, args.tz.is_some()) {
        ctx.out.line(line);
    }
    Ok(())
}

/// Why sessions were skipped, for people; an unknown reason as the library named it.
fn reason(lang: Lang, reason: &str) -> String {
    let key = match reason {
        "running" => "admin-import-reason-running",
        "zero_length" => "admin-import-reason-zero-length",
        "overlap" => "admin-import-reason-overlap",
        other => return other.to_string(),
    };
    t(lang, key, &[])
}

/// The human summary.
fn text(lang: Lang, s: &ImportSummary, tz_given: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let duration = i18n::duration(lang, s.imported_seconds);
    let format = s.format.name();
    let first = if s.dry_run {
        "admin-import-would-import"
    } else {
        "admin-import-imported"
    };
    lines.push(t(
        lang,
        first,
        &[
            ("count", &s.imported),
            ("duration", &duration),
            ("file", &s.file),
            ("format", &format),
            ("read", &s.read),
        ],
    ));
    lines.push(t(lang, "admin-import-updated", &[("count", &s.updated)]));
    lines.push(t(
        lang,
        "admin-import-already-present",
        &[("count", &s.already_present)],
    ));
    if s.not_in_source > 0 {
        let key = match (s.removed > 0, s.dry_run) {
            (true, false) => "admin-import-gone-removed",
            (true, true) => "admin-import-gone-would-remove",
            (false, _) => "admin-import-gone-kept",
        };
        lines.push(t(lang, key, &[("count", &s.not_in_source)]));
    }
    if !s.tag_projects.is_empty() {
        let shown: Vec<String> = s
            .tag_projects
            .iter()
            .map(|t| format!("{} ({})", t.tag, t.count))
            .collect();
        let tags = shown.join(", ");
        lines.push(t(lang, "admin-import-tag-projects", &[("tags", &tags)]));
    }
    lines.push(t(lang, "admin-import-skipped", &[("count", &s.skipped)]));
    for r in &s.skipped_reasons {
        let why = reason(lang, r.reason);
        let line = t(
            lang,
            "admin-import-reason",
            &[("count", &r.count), ("reason", &why)],
        );
        lines.push(format!("  {line}"));
        for e in &r.examples {
            lines.push(format!("    {e}"));
        }
        if r.count > r.examples.len() as u64 {
            let more = r.count - r.examples.len() as u64;
            let line = t(lang, "admin-import-more", &[("count", &more)]);
            lines.push(format!("    {line}"));
        }
    }
    if let Some(zone) = &s.zone {
        let key = match (s.format.naive_times(), tz_given) {
            (true, true) => "admin-import-local-times-tz",
            (true, false) => "admin-import-local-times-yours",
            (false, true) => "admin-import-zone-tz",
            (false, false) => "admin-import-zone-yours",
        };
        lines.push(t(lang, key, &[("zone", zone)]));
    }
    lines
}
