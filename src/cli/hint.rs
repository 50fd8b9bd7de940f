//! How the command line says a library [`Hint`]: as the command to type.

use crate::error::{Error, Hint};

/// The error's one line as the CLI prints it: the message, then the hint as a command.
#[must_use]
pub fn error_line(err: &Error) -> String {
    match err.hint() {
        Some(hint) => format!("{}; {}", err.message(), command(hint)),
        None => err.message().to_string(),
    }
}

/// The hint as advice naming the command that does it.
#[must_use]
pub fn command(hint: &Hint) -> String {
    match hint {
        Hint::StartSession => "start a session with `otium start PROJECT`".to_string(),
        Hint::ListSessions => "`otium log --all` lists the ids".to_string(),
        Hint::ListProjects => "`otium projects` lists them".to_string(),
        Hint::DeclareUnit { project } => {
            format!("declare one with `otium project {project} --unit pages`")
        }
        Hint::RecordOutput { project } => {
            format!("record output with `otium output N --project {project}`")
        }
        Hint::ListCountries => "`otium dividend --countries` lists them".to_string(),
        Hint::Doctor => "run `otium doctor`".to_string(),
    }
}
