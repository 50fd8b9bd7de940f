//! The command-line face: `Cli` (clap derive), the shared context each verb gets,
//! and `run`, which dispatches to one module per verb. No SQL here: verbs call `Tracker`.

mod add;
mod args;
mod away;
mod backup;
mod balance;
mod confirm;
mod dividend;
mod doctor;
mod edit;
mod editor;
mod export;
mod format;
pub mod help;
pub mod hint;
mod import;
mod limits;
mod lists;
mod log;
mod man;
mod notify;
mod out;
mod output;
pub mod parse;
mod paths;
mod project;
mod report;
pub mod shell;
mod start;
mod status;
mod stop;
mod sync;
mod timew;
mod undo;
mod usage;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::Tracker;
use crate::error::{Error, Result};
use crate::setup::Setup;
use crate::time::{self, Resolved};

pub use out::{JsonArray, Out};
pub use usage::{forgotten_quotes, usage_message, usage_message_in};

/// otium: track work time from the terminal, and see the leisure your productivity could buy.
#[derive(Debug, Parser)]
#[command(name = "otium", version, about, max_term_width = 100)]
pub struct Cli {
    /// `--db`, `--config`, `--json`, `--lang` and `--demo`.
    #[command(flatten)]
    pub options: Options,
    /// What to do; without one, the TUI opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options of `otium` itself, apart from the verb: the fast parse
/// ([`parse::parse`]) builds them without the verbs it was not given.
#[derive(Debug, Args)]
#[group(skip)]
pub struct Options {
    /// The database file [env: OTIUM_DB; default: otium.db in the platform data dir].
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// The config file [env: OTIUM_CONFIG; default: config.toml in the platform config dir].
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub config: Option<PathBuf>,
    /// Print machine-readable JSON (errors too, on stderr).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,
    /// The language of human text [env: OTIUM_LANG; then the config's language, then
    /// LC_ALL/LC_MESSAGES/LANG; default: en]. JSON, CSV and ICS never change.
    #[arg(long, global = true, value_name = "LANG", help_heading = GLOBAL)]
    pub lang: Option<crate::i18n::Lang>,
    /// Open the TUI on a throw-away database with sample data.
    #[arg(long)]
    pub demo: bool,
}

/// The verbs. Each verb's arguments are defined when it is the one parsed (or when
/// help, completions or man pages build the whole tree): a process start then builds
/// one verb, not thirty (issue 21: half the pages `otium --version` touched were
/// the heap of the whole command tree).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Start a session now (or --at a past time); a running one is stopped first.
    Start(start::StartArgs),
    /// Stop the running session.
    Stop(stop::StopArgs),
    /// Show what is running, since when, and for how long.
    Status(status::StatusArgs),
    /// Check the [reminders] once and tell each new one once (for cron or a systemd timer).
    Notify,
    /// Answer the away time `otium status` asks about: keep it, cut it out, or stop there.
    Away(away::AwayArgs),
    /// Drop the running session without recording it.
    Cancel,
    /// Start again with the project, tags and note of the last (or given) session.
    Continue(start::ContinueArgs),
    /// Record a past session.
    Add(add::AddArgs),
    /// List sessions by day.
    Log(log::LogArgs),
    /// Change a session's project, times, note or tags (no flags: in $VISUAL/$EDITOR).
    Edit(edit::EditArgs),
    /// Delete sessions: one id, several, or a range (12-15); one undo brings them back.
    Rm(edit::RmArgs),
    /// Take back the newest change (start, stop, add, edit, rm, cancel, continue, import);
    /// again to walk further back. --list shows the journal.
    Undo(undo::UndoArgs),
    /// Re-apply the change undone last.
    Redo,
    /// Totals for a range, grouped, as a table, Markdown, CSV, JSON or HTML.
    Report(report::ReportArgs),
    /// Raw sessions as CSV, JSON or iCalendar, or back out to Timewarrior, Toggl or timeclock [default range: everything].
    Export(export::ExportArgs),
    /// Import sessions from Watson, Timewarrior, Toggl, bartib, Clockify, Kimai, klog, timeclock, or otium CSV/JSON.
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
    /// Sync with your other devices through a folder you already sync (init DIR, status).
    Sync(sync::SyncArgs),
    /// Print the script that makes SHELL complete otium's verbs, flags, projects and tags.
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff), or write one page per verb with --dir.
    Man(man::ManArgs),
    /// Print where the database and the config file are.
    Paths,
}

/// The help heading of the options every verb takes.
const GLOBAL: &str = "Global options";

/// The command-line definition with its help in `lang` (from `help.ftl`), and the
/// paths this machine resolves shown in the help of `--db` and `--config` (`--help`
/// is where people look for them).
#[must_use]
pub fn command_with_paths(lang: crate::i18n::Lang) -> clap::Command {
    use clap::CommandFactory;
    let (db, config) = paths::resolved_for_help(lang);
    with_paths(help::localized(Cli::command(), lang), &db, &config)
}

/// `cmd` and its verbs with `db` and `config` appended to the help of `--db` and
/// `--config` (a built command holds a copy of each global flag in every verb).
fn with_paths(cmd: clap::Command, db: &str, config: &str) -> clap::Command {
    // In place (`mut_args`): the command may be built, and moving an argument would
    // leave clap's index of flags pointing at the wrong one.
    cmd.mut_args(|a| {
        let extra = match a.get_id().as_str() {
            "db" => db,
            "config" => config,
            _ => return a,
        };
        let help = a.get_help().map(ToString::to_string).unwrap_or_default();
        a.help(format!("{help}{extra}"))
    })
    .mut_subcommands(|sub| with_paths(sub, db, config))
}

/// What every verb works with: the tracker, the output, and time parsing.
pub struct Ctx {
    /// The library handle.
    pub tracker: Tracker,
    /// Where answers go.
    pub out: Out,
    /// The language of human text.
    pub lang: crate::i18n::Lang,
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
            // The library's note is English; Chinese says it from the catalogue.
            let said = if self.lang.is_zh() {
                format::dst_note(self.lang, zone, instant)
            } else {
                None
            };
            self.out.note(&said.unwrap_or(note));
        }
        Ok(instant)
    }
}

/// Runs one verb on the tracker `setup` opens, streaming its answer to stdout (or
/// `-o FILE`) in human or `json` form. A closed stdout pipe is success.
pub fn run(command: Command, setup: Setup, json: bool) -> Result<()> {
    // These need no database: they neither open nor create one.
    let command = match command {
        Command::Completions(args) => {
            let mut out = Out::stdout(json);
            let result = shell::run(&args, &mut out);
            return out.finish(result);
        }
        Command::Man(args) => {
            let mut out = Out::stdout(json);
            let lang = setup.lang();
            let result = man::run(&args, &mut out).map(|written| {
                for page in &written {
                    let page = page.display();
                    out.line(crate::i18n::t(lang, "admin-man-wrote", &[("path", &page)]));
                }
                out.value(|| written);
            });
            return out.finish(result);
        }
        Command::Paths => {
            let mut out = Out::stdout(json);
            let result = paths::run(&setup, &mut out, setup.lang());
            return out.finish(result);
        }
        Command::Report(args) if args.timew => {
            // Timewarrior's intervals on stdin, reported from a throw-away database:
            // the user's own database is neither opened nor needed.
            return timew::report(setup, args, json);
        }
        Command::Dividend(args) if args.countries => {
            // Built-in data: no database is opened, created or needed.
            let mut out = Out::stdout(json);
            let result = dividend::countries(&mut out, setup.lang());
            return out.finish(result);
        }
        command => command,
    };
    let db = setup.database_path()?;
    // A verb that records creates a missing database; one that only reads refuses it,
    // or a mistyped --db would answer "no sessions yet" from a new empty file.
    if let Some(what) = only_reads(&command) {
        doctor::require_database(&db, what)?;
    }
    let config_path = setup.config_path().map(Path::to_path_buf);
    let default = crate::paths::database_path(None).ok();
    let lang = setup.lang();
    let tracker = setup.open(&db)?;
    let created = tracker.created_database() && default.as_deref() != Some(db.as_path());
    let mut out = Out::stdout(json);
    out.set_lang(lang);
    if let Some(upgrade) = tracker.upgraded() {
        let backup = upgrade.backup.display();
        out.note(&crate::i18n::t(
            lang,
            "note-upgraded",
            &[
                ("from", &upgrade.from),
                ("to", &upgrade.to),
                ("backup", &backup),
            ],
        ));
    }
    let mut ctx = Ctx { tracker, out, lang };
    // `[sync] auto`: the others' new records before the command reads, its own
    // records after it wrote (sync, doctor and backup look at things as they are).
    let auto = ctx.tracker.config().sync.auto
        && !matches!(
            command,
            Command::Sync(_) | Command::Doctor(_) | Command::Backup(_)
        );
    // A folder that failed before the command is said once, not again after it.
    let reached = !auto || sync::auto(&mut ctx, true);
    let result = dispatch(&mut ctx, command, config_path.as_deref());
    if auto && result.is_ok() {
        sync::auto(&mut ctx, reached);
    }
    if created && result.is_ok() {
        // Said once, by the command that made it and recorded into it: a typo in --db
        // or OTIUM_DB would otherwise split the history across two files unnoticed.
        let note = crate::i18n::t(
            ctx.lang,
            "capture-created-database",
            &[("path", &db.display())],
        );
        ctx.out.note(&note);
    }
    ctx.out.finish(result)
}

/// For a verb that only reads the database, what it does to one (for the message
/// when there is none); `None` for a verb that records (it creates the database).
/// `project NAME` without `--unit`/`--no-unit` only shows the project.
fn only_reads(command: &Command) -> Option<&'static str> {
    match command {
        Command::Status(_)
        | Command::Log(_)
        | Command::Report(_)
        | Command::Export(_)
        | Command::Dividend(_)
        | Command::Projects
        | Command::Tags
        | Command::Balance(_)
        | Command::Limits(_) => Some("read"),
        Command::Project(args) if !args.changes() => Some("read"),
        Command::Doctor(_) => Some("check"),
        Command::Backup(_) => Some("back up"),
        Command::Sync(args) if args.only_reads() => Some("sync"),
        Command::Sync(_) => None,
        Command::Start(_)
        | Command::Stop(_)
        | Command::Cancel
        | Command::Away(_)
        | Command::Continue(_)
        | Command::Add(_)
        | Command::Edit(_)
        | Command::Rm(_)
        | Command::Import(_)
        | Command::Project(_)
        | Command::Output(_) => None,
        // Nothing to undo or redo in a database that is not there yet.
        Command::Undo(_) | Command::Redo => Some("read"),
        // Remembers what it said, so it records (and "nothing running" holds without
        // a database too).
        Command::Notify => None,
        // Answered before any database is looked for.
        Command::Completions(_) | Command::Man(_) | Command::Paths => None,
    }
}

fn dispatch(ctx: &mut Ctx, command: Command, config_path: Option<&Path>) -> Result<()> {
    match command {
        Command::Start(args) => start::run(ctx, args),
        Command::Stop(args) => stop::run(ctx, &args),
        Command::Status(args) => status::run(ctx, &args),
        Command::Notify => notify::run(ctx),
        Command::Away(args) => away::run(ctx, &args),
        Command::Cancel => stop::cancel(ctx),
        Command::Continue(args) => start::resume(ctx, &args),
        Command::Add(args) => add::run(ctx, args),
        Command::Log(args) => log::run(ctx, &args),
        Command::Edit(args) => edit::run(ctx, args),
        Command::Rm(args) => edit::remove(ctx, &args),
        Command::Undo(args) => undo::run(ctx, &args),
        Command::Redo => undo::redo(ctx),
        Command::Report(args) => report::run(ctx, &args),
        Command::Export(args) => export::run(ctx, &args),
        Command::Import(args) => import::run(ctx, &args),
        Command::Project(args) => project::run(ctx, &args),
        Command::Output(args) => output::run(ctx, &args),
        Command::Dividend(args) => dividend::run(ctx, &args),
        Command::Projects => lists::projects(ctx),
        Command::Tags => lists::tags(ctx),
        Command::Balance(args) => balance::run(ctx, &args),
        Command::Limits(args) => limits::run(ctx, &args),
        Command::Doctor(args) => doctor::run(ctx, &args, config_path),
        Command::Backup(args) => backup::run(ctx, &args),
        Command::Sync(args) => sync::run(ctx, &args),
        Command::Completions(_) | Command::Man(_) | Command::Paths => Ok(()),
    }
}

/// Reads a project name typed for `example` (the verb as the user would type it with
/// a project, `otium add writing`): an empty one is refused naming that verb, not
/// another one.
fn project_name(text: &str, example: &str) -> Result<crate::model::ProjectName> {
    if text.trim().is_empty() {
        return Err(Error::keyed(
            crate::error::ErrorKind::InvalidInput,
            "capture-error-project-empty-example",
            vec![("example", example.to_string())],
        ));
    }
    text.parse()
}

/// Splits `+tag` words from anything else, which is an error with a hint.
fn split_tags(words: &[String]) -> Result<&[String]> {
    // After the project, every word must be a +tag: a bare word is most likely a
    // note that lost its --note.
    if let Some(w) = words.iter().find(|w| !w.starts_with('+')) {
        return Err(Error::keyed(
            crate::error::ErrorKind::InvalidInput,
            "capture-error-unexpected-word",
            vec![("quoted", format!("{w:?}")), ("word", w.clone())],
        ));
    }
    Ok(words)
}

/// The language `--help` is printed in, read before clap parses (clap prints the
/// help while parsing): `--lang` as typed, else `OTIUM_LANG`, the config named by
/// `--config` (or the usual one) and the locale, as for every other command. A
/// problem there (an unknown language, a broken config) gives the locale's
/// language: the help is wanted, and the problem is reported by the next command.
#[must_use]
pub fn help_lang(args: &[std::ffi::OsString]) -> crate::i18n::Lang {
    let value = |flag: &str| {
        let words: Vec<&str> = args
            .iter()
            .skip(1)
            .take_while(|a| *a != "--")
            .filter_map(|a| a.to_str())
            .collect();
        words.iter().enumerate().find_map(|(i, w)| {
            w.strip_prefix(&format!("{flag}="))
                .or_else(|| (*w == flag).then(|| words.get(i + 1).copied()).flatten())
                .map(str::to_string)
        })
    };
    let flag = value("--lang").and_then(|v| v.parse().ok());
    let config = value("--config").map(PathBuf::from);
    Setup::load(None, config, flag).map_or_else(|_| crate::i18n::choose::early(flag), |s| s.lang())
}

/// Whether raw arguments asked for JSON (used to format clap's own errors).
#[must_use]
pub fn wants_json(args: &[std::ffi::OsString]) -> bool {
    args.iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--json")
}
