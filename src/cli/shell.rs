//! `otium completions SHELL` and the completions themselves. Completion is dynamic
//! (clap_complete's `COMPLETE=SHELL otium` protocol): the shell asks otium at each
//! Tab, so verbs, flags and the values of `--by`, `--format`, … come from the same
//! clap definition as the parser, and project names and tags from the database.

use std::io::Write;

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::CompletionCandidate;
use clap_complete::env::{CompleteEnv, Shells};

use super::Cli;
use crate::error::{Error, Result};

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// GNU Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// fish.
    Fish,
    /// Elvish.
    Elvish,
    /// PowerShell.
    Powershell,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Elvish => "elvish",
            Shell::Powershell => "powershell",
        }
    }
}

// `completions SHELL`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print the completion script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The variable the shell sets when it asks otium for completions.
pub const VAR: &str = "COMPLETE";

/// Answers a completion request and exits, when the shell made one (`COMPLETE` set);
/// otherwise returns and the program runs as usual. Must run before anything is printed.
pub fn answer_if_asked() {
    CompleteEnv::with_factory(Cli::command).var(VAR).complete();
}

/// Prints the script that registers otium's completions with `shell`.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    let shells = Shells::builtins();
    let completer = shells.completer(args.shell.name()).ok_or_else(|| {
        Error::keyed(
            crate::ErrorKind::InvalidInput,
            "admin-completions-none",
            vec![("shell", args.shell.name().to_string())],
        )
    })?;
    completer
        .write_registration(VAR, "otium", "otium", "otium", out)
        .map_err(crate::interop::atomic::output_error)
}

/// The groupings `--by` takes (a comma list nests them).
pub(super) fn groupings() -> Vec<CompletionCandidate> {
    ["project", "tag", "day", "week", "month"]
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// Project names from the database, for the shell (nothing when there is none yet).
pub(super) fn projects() -> Vec<CompletionCandidate> {
    names(
        |t| Ok(t.projects()?.into_iter().map(|p| p.name).collect()),
        "",
    )
}

/// `+tag` words from the database, for the shell.
pub(super) fn tags() -> Vec<CompletionCandidate> {
    names(|t| Ok(t.tags()?.into_iter().map(|t| t.name).collect()), "+")
}

/// Reads names from the database the environment points to. A completion must never
/// create a database or print an error into the command line, so a missing or broken
/// one gives no candidates.
fn names(
    read: impl FnOnce(&crate::Tracker) -> Result<Vec<String>>,
    prefix: &str,
) -> Vec<CompletionCandidate> {
    let Ok(setup) = crate::setup::Setup::load(None, None, None) else {
        return Vec::new();
    };
    let Ok(db) = setup.database_path() else {
        return Vec::new();
    };
    if !db.is_file() {
        return Vec::new();
    }
    setup
        .open(&db)
        .and_then(|tracker| read(&tracker))
        .map(|names| {
            names
                .into_iter()
                .map(|n| CompletionCandidate::new(format!("{prefix}{n}")))
                .collect()
        })
        .unwrap_or_default()
}
