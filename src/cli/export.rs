//! `otium export`: raw sessions as CSV, JSON or iCalendar, streamed.

use clap::{Args, ValueEnum};

use super::Ctx;
use super::args::{FilterArgs, OutputArgs, RangeArgs};
use crate::error::{Error, Result};
use crate::interop::atomic::output_error;
use crate::interop::export::{ExportFormat, Exporter};
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
}

/// `export [range, default all] [filters] [--format F] [-o FILE]`.
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
    let format = match (args.format, ctx.out.json) {
        (None, false) | (Some(ExportFormatArg::Csv), false) => ExportFormat::Csv,
        (None, true) | (Some(ExportFormatArg::Json), _) => ExportFormat::Json,
        (Some(ExportFormatArg::Ics), false) => ExportFormat::Ics,
        (Some(_), true) => {
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
    let mut exporter = Exporter::begin(format, out, now, args.output.raw).map_err(output_error)?;
    tracker.each_session(span, |s| {
        if filter.matches(&s.project, &s.tags) {
            exporter.session(s).map_err(output_error)?;
        }
        Ok(())
    })?;
    exporter.finish().map_err(output_error).map(|_| ())
}
