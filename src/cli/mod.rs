//! The command-line face: `Cli` (clap derive), the shared context each verb gets,
//! and `run`, which dispatches to one module per verb. No SQL here: verbs call `Tracker`.

mod add;
mod args;
mod backup;
mod balance;
mod dividend;
mod doctor;
mod edit;
mod export;
mod format;
pub mod hint;
mod import;
mod limits;
mod lists;
mod log;
mod out;
mod output;
mod project;
mod report;
mod start;
mod status;
mod stop;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::time::{self, Clock, Resolved};
use crate::{Tracker, paths};

pub use out::Out;

/// otium: track work time from the terminal, and see the leisure your productivity could buy.
#[derive(Debug, Parser)]
#[command(name = "otium", version, about, max_term_width = 100)]
pub struct Cli {
    /// The database file [env: OTIUM_DB; default: otium.db in the platform data dir].
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The config file [env: OTIUM_CONFIG; default: config.toml in the platform config dir].
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Print machine-readable JSON (errors too, on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    /// Open the TUI on a throw-away database with sample data.
    #[arg(long)]
    pub demo: bool,
    /// What to do; without one, the TUI opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a session now (or --at a past time); a running one is stopped first.
    Start(start::StartArgs),
    /// Stop the running session.
    Stop(stop::StopArgs),
    /// Show what is running, since when, and for how long.
    Status(status::StatusArgs),
    /// Drop the running session without recording it.
    Cancel,
    /// Start again with the project, tags and note of the last (or given) session.
    Continue(start::ContinueArgs),
    /// Record a past session.
    Add(add::AddArgs),
    /// List sessions by day.
    Log(log::LogArgs),
    /// Change a session's project, times, note or tags.
    Edit(edit::EditArgs),
    /// Delete a session.
    Rm(edit::RmArgs),
    /// Totals for a range, grouped, as a table, Markdown, CSV, JSON or HTML.
    Report(report::ReportArgs),
    /// Raw sessions as CSV, JSON or iCalendar [default range: everything].
    Export(export::ExportArgs),
    /// Import sessions from Watson, Timewarrior, Toggl, bartib, or otium CSV/JSON.
    Import(import::ImportArgs),
    /// Declare what a project produces (its output unit).
    Project(project::ProjectArgs),
    /// Record output (pages, tickets, …) for a project.
    Output(output::OutputCmdArgs),
    /// The leisure dividend: national, Keynes week, and your own productivity.
    Dividend(dividend::DividendArgs),
    /// List projects with their totals.
    Projects,
    /// List tags with their totals.
    Tags,
    /// Worked, target and difference per day and week, and the overtime balance.
    Balance(balance::BalanceArgs),
    /// Breaches of the working-time limits set in the config (informative; exit 0).
    Limits(limits::LimitsArgs),
    /// Check the database: files, modes, SQLite settings, integrity and the session rules.
    Doctor(doctor::DoctorArgs),
    /// Copy the database to a backup file while it stays in use.
    Backup(backup::BackupArgs),
}

/// What every verb works with: the tracker, the output, and time parsing.
pub struct Ctx {
    /// The library handle.
    pub tracker: Tracker,
    /// Where answers go.
    pub out: Out,
}

impl Ctx {
    /// Reads a user-typed instant; a bare `HH:MM` falls on `day` (default today).
    /// A DST rule that had to be applied is reported on stderr.
    pub fn instant(
        &mut self,
        text: &str,
        day: Option<NaiveDate>,
    ) -> Result<chrono::DateTime<chrono::Utc>> {
        let (now, zone) = (self.tracker.now(), self.tracker.zone());
        let day = day.unwrap_or_else(|| time::local_date(zone, now));
        let Resolved { instant, note } = time::parse_instant(text, now, zone, day)?;
        if let Some(note) = note {
            self.out.note(&note);
        }
        Ok(instant)
    }
}

/// Runs a parsed command line; the answer is written into `out`.
pub fn run(cli: Cli, out: &mut Out) -> Result<()> {
    let clock = Clock::from_env()?;
    let zone = time::zone_from_env()?;
    let config_path =
        paths::config_path(cli.config.or_else(|| env_path("OTIUM_CONFIG")).as_deref());
    let config = Config::load(
        config_path
            .as_ref()
            .map(|(p, explicit)| (p.as_path(), *explicit)),
    )?;
    let Some(command) = cli.command else {
        return open_tui(
            cli.demo,
            cli.db.or_else(|| env_path("OTIUM_DB")),
            config,
            clock,
            zone,
        );
    };
    let db = paths::database_path(cli.db.or_else(|| env_path("OTIUM_DB")).as_deref())?;
    // Every other verb creates a missing database; these two only look at one.
    match command {
        Command::Doctor(_) => doctor::require_database(&db, "check")?,
        Command::Backup(_) => doctor::require_database(&db, "back up")?,
        _ => {}
    }
    let tracker = Tracker::open(&db, config, clock, zone)?;
    if let Some(upgrade) = tracker.upgraded() {
        out.note(&upgrade.note());
    }
    let mut ctx = Ctx {
        tracker,
        out: std::mem::take(out),
    };
    let result = match command {
        Command::Start(args) => start::run(&mut ctx, args),
        Command::Stop(args) => stop::run(&mut ctx, &args),
        Command::Status(args) => status::run(&mut ctx, &args),
        Command::Cancel => stop::cancel(&mut ctx),
        Command::Continue(args) => start::resume(&mut ctx, &args),
        Command::Add(args) => add::run(&mut ctx, args),
        Command::Log(args) => log::run(&mut ctx, &args),
        Command::Edit(args) => edit::run(&mut ctx, args),
        Command::Rm(args) => edit::remove(&mut ctx, &args),
        Command::Report(args) => report::run(&mut ctx, &args),
        Command::Export(args) => export::run(&mut ctx, &args),
        Command::Import(args) => import::run(&mut ctx, &args),
        Command::Project(args) => project::run(&mut ctx, &args),
        Command::Output(args) => output::run(&mut ctx, &args),
        Command::Dividend(args) => dividend::run(&mut ctx, &args),
        Command::Projects => lists::projects(&mut ctx),
        Command::Tags => lists::tags(&mut ctx),
        Command::Balance(args) => balance::run(&mut ctx, &args),
        Command::Limits(args) => limits::run(&mut ctx, &args),
        Command::Doctor(args) => doctor::run(
            &mut ctx,
            &args,
            config_path.as_ref().map(|(p, _)| p.as_path()),
        ),
        Command::Backup(args) => backup::run(&mut ctx, &args),
    };
    *out = ctx.out;
    result
}

/// Opens the TUI on the user's database, or with `demo` on a seeded throw-away one.
fn open_tui(
    demo: bool,
    db: Option<PathBuf>,
    config: Config,
    clock: Clock,
    zone: chrono_tz::Tz,
) -> Result<()> {
    crate::tui::require_terminal()?;
    if demo {
        let dir = tempfile::tempdir().map_err(|e| {
            Error::new(
                crate::ErrorKind::Io,
                format!("cannot create a demo folder: {e}"),
            )
        })?;
        let mut tracker = Tracker::open(&dir.path().join("demo.db"), config, clock, zone)?;
        crate::demo::seed(&mut tracker)?;
        return crate::tui::run(&mut tracker);
    }
    let db = paths::database_path(db.as_deref())?;
    let mut tracker = Tracker::open(&db, config, clock, zone)?;
    crate::tui::run(&mut tracker)
}

/// A path from the environment; an empty variable counts as unset.
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Splits `+tag` words from anything else, which is an error with a hint.
fn split_tags(words: &[String]) -> Result<&[String]> {
    // After the project, every word must be a +tag: a bare word is most likely a
    // note that lost its --note.
    if let Some(w) = words.iter().find(|w| !w.starts_with('+')) {
        return Err(Error::invalid(format!(
            "unexpected word {w:?}; write tags as +{w} and put a note in --note \"…\""
        )));
    }
    Ok(words)
}

/// Whether raw arguments asked for JSON (used to format clap's own errors).
#[must_use]
pub fn wants_json(args: &[std::ffi::OsString]) -> bool {
    args.iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--json")
}
