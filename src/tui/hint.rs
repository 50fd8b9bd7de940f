//! How the TUI says a library [`Hint`]: as the key to press, or what to do on screen.

use crate::error::{Error, Hint};

/// The error's one line for the status bar or a form: the message, then the hint.
#[must_use]
pub fn error_line(err: &Error) -> String {
    match err.hint() {
        Some(hint) => format!("{}; {}", err.message(), keys(hint)),
        None => err.message().to_string(),
    }
}

/// The hint as the key or view that does it.
#[must_use]
pub fn keys(hint: &Hint) -> String {
    match hint {
        Hint::StartSession => "press s to start one".to_string(),
        Hint::ListSessions => "the Sessions view (2) lists them".to_string(),
        Hint::ListProjects => "the Reports view (3) lists them".to_string(),
        Hint::DeclareUnit { project } => {
            format!("declare one from a shell: otium project {project} --unit pages")
        }
        Hint::RecordOutput { project } => {
            format!("record some from a shell: otium output N --project {project}")
        }
        Hint::ListCountries => "press c or C to pick another".to_string(),
        Hint::Doctor => "quit and run otium doctor in a shell".to_string(),
        Hint::LaterStop => "give a later end".to_string(),
        Hint::GiveEnd => "fill in the end".to_string(),
        Hint::ChangeAField => "change a field first, or press Esc".to_string(),
        Hint::NameUnit => "name what the project produces, e.g. pages".to_string(),
        Hint::SyncInit => "join a sync folder with `otium sync init DIR` in a shell".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::error_line;
    use crate::Tracker;
    use crate::time::Clock;

    #[test]
    fn the_tui_says_a_hint_as_the_key_to_press() {
        let mut t =
            Tracker::in_memory(Clock::Fixed(chrono::DateTime::UNIX_EPOCH), chrono_tz::UTC).unwrap();
        let line = error_line(&t.stop(None).unwrap_err());
        assert_eq!(line, "nothing is running; press s to start one");
        assert!(!line.contains("otium"), "{line}");
    }
}
