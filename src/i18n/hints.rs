//! How a library [`Hint`] is said, from the catalogue: one table of every hint with
//! its two renderings, as the command to type (the CLI) and as the key to press or
//! what to do on screen (the TUI). The faces pick theirs; neither repeats the table.

use super::{Lang, t};
use crate::error::{Error, Hint};

/// Which face says the hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// As the command to type.
    Cli,
    /// As the key to press, or what to do on screen.
    Tui,
}

/// The hint in `lang`, as `face` says it.
#[must_use]
pub fn hint(lang: Lang, face: Face, hint: &Hint) -> String {
    // (the CLI's key, the TUI's key, the arguments both take)
    let (cli, tui, args): (&str, &str, Vec<(&str, &dyn std::fmt::Display)>) = match hint {
        Hint::StartSession => ("hint-cli-start-session", "hint-tui-start-session", vec![]),
        Hint::ListSessions => ("hint-cli-list-sessions", "hint-tui-list-sessions", vec![]),
        Hint::ListProjects => ("hint-cli-list-projects", "hint-tui-list-projects", vec![]),
        Hint::DeclareUnit { project } => (
            "hint-cli-declare-unit",
            "hint-tui-declare-unit",
            vec![("project", project)],
        ),
        Hint::RecordOutput { project } => (
            "hint-cli-record-output",
            "hint-tui-record-output",
            vec![("project", project)],
        ),
        Hint::ListCountries => ("hint-cli-list-countries", "hint-tui-list-countries", vec![]),
        Hint::Doctor => ("hint-cli-doctor", "hint-tui-doctor", vec![]),
        Hint::LaterStop => ("hint-cli-later-stop", "hint-tui-later-stop", vec![]),
        Hint::GiveEnd => ("hint-cli-give-end", "hint-tui-give-end", vec![]),
        Hint::ChangeAField => ("hint-cli-change-a-field", "hint-tui-change-a-field", vec![]),
        Hint::NameUnit => ("hint-cli-name-unit", "hint-tui-name-unit", vec![]),
        Hint::SyncInit => ("hint-cli-sync-init", "hint-tui-sync-init", vec![]),
    };
    let key = match face {
        Face::Cli => cli,
        Face::Tui => tui,
    };
    t(lang, key, &args)
}

/// The error's one line in `lang`: the message, then the hint as `face` says it.
#[must_use]
pub fn error_line(lang: Lang, face: Face, err: &Error) -> String {
    let message = err.message_in(lang);
    match err.hint() {
        Some(h) => t(
            lang,
            "error-with-hint",
            &[("message", &message), ("hint", &hint(lang, face, h))],
        ),
        None => message,
    }
}
