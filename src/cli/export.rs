//! `otium export`: raw sessions as CSV, JSON or iCalendar, or back out to
//! Timewarrior, Toggl or timeclock ([`crate::interop::peers`]), streamed.

use clap::{Args, ValueEnum};

use super::Ctx;
use super::args::{FilterArgs, OutputArgs, RangeArgs};
use crate::error::{Error, Result};
use crate::i18n::t;
use crate::interop::atomic::output_error;
use crate::interop::batch_export::{self, Layout};
use crate::interop::export::{ExportFormat, Exporter};
use crate::interop::peers::{Peer, PeerWriter};
use crate::time::range::Span;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// CSV with one row per session.
    Csv,
    /// A JSON array of sessions.
    Json,
    /// iCalendar, one event per session.
    Ics,
    /// Timewarrior data lines (`inc START - END # PROJECT TAGS # "NOTE"`).
    Timewarrior,
    /// Toggl Track's CSV layout (its detailed export, which its CSV import reads).
    Toggl,
    /// hledger timeclock (`i`/`o` lines).
    Timeclock,
}

impl ExportFormatArg {
    /// The peer format, for the three that go back out to another tracker.
    fn peer(self) -> Option<Peer> {
        match self {
            ExportFormatArg::Timewarrior => Some(Peer::Timewarrior),
            ExportFormatArg::Toggl => Some(Peer::Toggl),
            ExportFormatArg::Timeclock => Some(Peer::Timeclock),
            _ => None,
        }
    }
}

// `export [range, default all] [filters] [--format F] [-o FILE]`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub range: RangeArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format [default: csv; json with --json].
    #[arg(long, value_enum)]
    pub format: Option<ExportFormatArg>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &mut Ctx, args: &ExportArgs) -> Result<()> {
    if let Some(peer) = args.format.and_then(ExportFormatArg::peer) {
        return run_peer(ctx, args, peer);
    }
    let format = match (args.format, ctx.out.json) {
        (None, false) | (Some(ExportFormatArg::Csv), false) => ExportFormat::Csv,
        (None, true) | (Some(ExportFormatArg::Json), _) => ExportFormat::Json,
        (Some(ExportFormatArg::Ics), false) => ExportFormat::Ics,
        (Some(_), _) => {
            return Err(Error::invalid(
                "--json asks for JSON but --format asks for another; give one of them",
            ));
        }
    };
    let zone = args.range.zone(ctx)?;
    let span = if args.range.is_unset() {
        Span::ALL
    } else {
        args.range.span(ctx, zone)?
    };
    let now = ctx.tracker.now();
    let bom = args.output.bom(format == ExportFormat::Csv)?;
    args.output.open(ctx)?;
    let filter = args.filter.to_filter();
    let Ctx { tracker, out, .. } = ctx;
    std::io::Write::write_all(out, bom).map_err(output_error)?;
    let layout = match format {
        ExportFormat::Csv => Some(Layout::Csv {
            raw: args.output.raw,
        }),
        ExportFormat::Json => Some(Layout::Json),
        ExportFormat::Ics => None,
    };
    if let Some(layout) = layout {
        batch_export::write_batched(
            out,
            now,
            layout,
            move |row| filter.matches_row(row),
            |read| tracker.each_session_batch(span, read),
            output_error,
        )?;
        return Ok(());
    }
    let mut exporter = Exporter::begin(format, out, now, args.output.raw).map_err(output_error)?;
    tracker.each_session(span, |s| {
        if filter.matches(&s.project, &s.tags) {
            exporter.session(s).map_err(output_error)?;
        }
        Ok(())
    })?;
    exporter.finish().map_err(output_error).map(|_| ())
}

/// `export --format timewarrior|toggl|timeclock`: local times in the range's zone
/// (`--tz`, default the user's), which is also the zone to re-import Toggl with.
fn run_peer(ctx: &mut Ctx, args: &ExportArgs, peer: Peer) -> Result<()> {
    if ctx.out.json {
        return Err(Error::invalid(
            "--json asks for JSON but --format asks for another; give one of them",
        ));
    }
    if args.output.raw && peer != Peer::Toggl {
        return Err(Error::invalid(
            "--raw is for CSV output (here --format toggl); drop --raw",
        ));
    }
    let zone = args.range.zone(ctx)?;
    let span = if args.range.is_unset() {
        Span::ALL
    } else {
        args.range.span(ctx, zone)?
    };
    let bom = args.output.bom(peer == Peer::Toggl)?;
    args.output.open(ctx)?;
    let filter = args.filter.to_filter();
    let lang = ctx.lang;
    let Ctx { tracker, out, .. } = ctx;
    std::io::Write::write_all(out, bom).map_err(output_error)?;
    let mut writer =
        PeerWriter::begin(peer, &mut *out, zone, args.output.raw).map_err(output_error)?;
    let mut running = 0usize;
    tracker.each_session(span, |s| {
        if filter.matches(&s.project, &s.tags) && !writer.session(s).map_err(output_error)? {
            running += 1;
        }
        Ok(())
    })?;
    let altered = writer.altered();
    writer.finish().map_err(output_error)?;
    if altered > 0 {
        out.note(&t(lang, "admin-export-altered", &[("count", &altered)]));
    }
    if running > 0 {
        out.note(&t(
            lang,
            "admin-export-running-left-out",
            &[("count", &running)],
        ));
    }
    Ok(())
}
