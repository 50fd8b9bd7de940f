//! `otium report`: totals for a range, grouped, in a chosen format.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::Ctx;
use super::args::{FilterArgs, OutputArgs, RangeArgs};
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::t;
use crate::interop::atomic::output_error;
use crate::report::{self, GroupBy, RoundMode, Rounding};
use crate::time;
use crate::tracker::ReportRequest;
use crate::tracker::document::DocumentRequest;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A terminal table with a bar per row.
    Table,
    /// A Markdown table.
    Md,
    /// CSV, one row per innermost group.
    Csv,
    /// The stable JSON document.
    Json,
    /// One self-contained HTML page with SVG charts.
    Html,
}

/// Billing rounding directions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoundModeArg {
    /// Round each session up.
    Up,
    /// Round each session to the nearest step.
    Nearest,
    /// Round each session down.
    Down,
}

// `report [range] [--by LIST] [filters] [--round D] [--format F] [-o FILE]`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub range: RangeArgs,
    /// Group by project, tag, day, week or month; a comma list nests (project,tag).
    #[arg(long, default_value = "project", value_name = "LIST", add = clap_complete::ArgValueCandidates::new(super::shell::groupings))]
    pub by: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Round each session to this step for billing (e.g. 15m, 6m, 1h).
    #[arg(long, value_name = "DURATION")]
    pub round: Option<String>,
    /// Which way --round rounds.
    #[arg(long, value_enum, default_value_t = RoundModeArg::Up, requires = "round")]
    pub round_mode: RoundModeArg,
    /// Output format [default: table; json with --json].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// The heading of an HTML or Markdown report [default: Work report].
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// List the sessions with their notes in an HTML or Markdown report.
    #[arg(long)]
    pub sessions: bool,
    /// Leave the leisure dividend out of an HTML or Markdown report.
    #[arg(long)]
    pub no_dividend: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Report on the intervals Timewarrior gives a report extension on stdin (run as
    /// `timew report otium`) instead of on the database.
    #[arg(long)]
    pub timew: bool,
}

pub fn run(ctx: &mut Ctx, args: &ReportArgs) -> Result<()> {
    let format = resolve_format(args.format, ctx.out.json)?;
    let zone = args.range.zone(ctx)?;
    let span = args.range.span(ctx, zone)?;
    let rounding = args
        .round
        .as_deref()
        .map(|text| parse_rounding(text, args.round_mode))
        .transpose()?;
    let request = ReportRequest {
        span,
        zone,
        group_by: GroupBy::parse_list(&args.by)?,
        filter: args.filter.to_filter(),
        rounding,
    };
    let sendable = matches!(format, ReportFormat::Html | ReportFormat::Md);
    if !sendable && (args.title.is_some() || args.sessions || args.no_dividend) {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "report-error-send-only",
            Vec::new(),
        ));
    }
    if let Some(title) = &args.title
        && (title.trim().is_empty() || title.chars().any(char::is_control))
    {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "report-error-title",
            Vec::new(),
        ));
    }
    // Unresolved sync conflicts in the range: said under the table, on stderr for the
    // page people send (which stays as it is); machine formats do not change.
    let conflicts = super::sync::report_notice(ctx, span)?;
    if sendable {
        if let Some(notice) = &conflicts {
            ctx.out.note(notice);
        }
        // The page people send: the report and around it the range's charts,
        // sessions, targets, limits and dividend.
        let document = ctx.tracker.document(&DocumentRequest {
            report: request,
            title: args.title.as_ref().map(|t| t.trim().to_string()),
            sessions: args.sessions,
            dividend: !args.no_dividend,
        })?;
        // Refuses --bom here as for every format but CSV.
        args.output.bom(false)?;
        args.output.open(ctx)?;
        let (lang, out) = (ctx.lang, &mut ctx.out);
        return if format == ReportFormat::Html {
            report::html::render(&document, lang, out)
        } else {
            report::markdown::render(&document, lang, out)
        }
        .map_err(output_error);
    }
    let report = ctx.tracker.report(&request)?;
    // The table ends with the limits of the range it reports (this week's with their
    // "on course" warning, another range's own breaches); nothing under an empty one.
    let lang = ctx.lang;
    let alerts = if format == ReportFormat::Table && report.sessions_count > 0 {
        let (first, last) = super::limits::span_days(ctx, span, zone)?;
        let found = ctx.tracker.range_alerts(zone, first, last, lang)?;
        let (from, to) = (report::day_in(lang, first), report::day_in(lang, last));
        found
            .alerts
            .into_iter()
            .map(|alert| {
                if found.this_week {
                    t(lang, "report-limits-this-week", &[("alert", &alert)])
                } else {
                    t(
                        lang,
                        "report-limits-range",
                        &[("from", &from), ("to", &to), ("alert", &alert)],
                    )
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let bom = args.output.bom(format == ReportFormat::Csv)?;
    args.output.open(ctx)?;
    let out = &mut ctx.out;
    out.write_all(bom).map_err(output_error)?;
    match format {
        ReportFormat::Table => report::table::render(&report, lang, out)
            .and_then(|()| alerts.iter().try_for_each(|a| writeln!(out, "{a}")))
            .and_then(|()| conflicts.iter().try_for_each(|c| writeln!(out, "{c}"))),
        ReportFormat::Csv => report::csv::render(&report, out, args.output.raw),
        ReportFormat::Json => report::json::render(&report, out),
        // Answered above, with the whole document.
        ReportFormat::Md | ReportFormat::Html => Ok(()),
    }
    .map_err(output_error)
}

fn resolve_format(format: Option<ReportFormat>, json: bool) -> Result<ReportFormat> {
    match (format, json) {
        (None, false) => Ok(ReportFormat::Table),
        (None, true) | (Some(ReportFormat::Json), _) => Ok(ReportFormat::Json),
        (Some(f), false) => Ok(f),
        (Some(_), true) => Err(Error::keyed(
            ErrorKind::InvalidInput,
            "report-error-json-format",
            Vec::new(),
        )),
    }
}

fn parse_rounding(text: &str, mode: RoundModeArg) -> Result<Rounding> {
    let step = time::parse_duration(text)?;
    if step <= 0 {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "report-error-round-zero",
            vec![("step", format!("{text:?}"))],
        ));
    }
    let mode = match mode {
        RoundModeArg::Up => RoundMode::Up,
        RoundModeArg::Nearest => RoundMode::Nearest,
        RoundModeArg::Down => RoundMode::Down,
    };
    Ok(Rounding { step, mode })
}
