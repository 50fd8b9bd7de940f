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
        Hint::LaterStop => "give a later --at".to_string(),
        Hint::GiveEnd => "give --to or --for".to_string(),
        Hint::ChangeAField => {
            "give --project, --from, --to, --note, --add-tag or --rm-tag".to_string()
        }
        Hint::NameUnit => "name what the project produces, e.g. --unit pages".to_string(),
        Hint::SyncInit => "join a sync folder with `otium sync init DIR`".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::error_line;
    use crate::Tracker;
    use crate::time::Clock;

    #[test]
    fn the_cli_says_a_hint_as_the_command_to_type() {
        let mut t =
            Tracker::in_memory(Clock::Fixed(chrono::DateTime::UNIX_EPOCH), chrono_tz::UTC).unwrap();
        let err = t.stop(None).unwrap_err();
        assert_eq!(err.message(), "nothing is running");
        assert_eq!(
            error_line(&err),
            "nothing is running; start a session with `otium start PROJECT`"
        );
    }
}
