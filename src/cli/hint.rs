//! How the command line says a library [`Hint`]: as the command to type.

use crate::error::{Error, Hint};
use crate::i18n::{Lang, t};

/// The error's one line in English (see [`error_line_in`]).
#[must_use]
pub fn error_line(err: &Error) -> String {
    error_line_in(Lang::En, err)
}

/// The error's one line in `lang`: the message, then the hint as the command to type.
#[must_use]
pub fn error_line_in(lang: Lang, err: &Error) -> String {
    let message = err.message_in(lang);
    match err.hint() {
        Some(hint) => t(
            lang,
            "error-with-hint",
            &[("message", &message), ("hint", &command_in(lang, hint))],
        ),
        None => message,
    }
}

/// The hint in `lang`, as the command to type.
#[must_use]
pub fn command_in(lang: Lang, hint: &Hint) -> String {
    match hint {
        Hint::StartSession => t(lang, "hint-cli-start-session", &[]),
        Hint::ListSessions => t(lang, "hint-cli-list-sessions", &[]),
        Hint::ListProjects => t(lang, "hint-cli-list-projects", &[]),
        Hint::DeclareUnit { project } => t(lang, "hint-cli-declare-unit", &[("project", project)]),
        Hint::RecordOutput { project } => {
            t(lang, "hint-cli-record-output", &[("project", project)])
        }
        Hint::ListCountries => t(lang, "hint-cli-list-countries", &[]),
        Hint::Doctor => t(lang, "hint-cli-doctor", &[]),
        Hint::LaterStop => t(lang, "hint-cli-later-stop", &[]),
        Hint::GiveEnd => t(lang, "hint-cli-give-end", &[]),
        Hint::ChangeAField => t(lang, "hint-cli-change-a-field", &[]),
        Hint::NameUnit => t(lang, "hint-cli-name-unit", &[]),
        Hint::SyncInit => t(lang, "hint-cli-sync-init", &[]),
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

    #[test]
    fn every_hint_reads_in_chinese_too() {
        use crate::error::Hint;
        use crate::i18n::Lang;
        let project = "写作".to_string();
        let hints = [
            Hint::StartSession,
            Hint::ListSessions,
            Hint::ListProjects,
            Hint::DeclareUnit {
                project: project.clone(),
            },
            Hint::RecordOutput { project },
            Hint::ListCountries,
            Hint::Doctor,
            Hint::LaterStop,
            Hint::GiveEnd,
            Hint::ChangeAField,
            Hint::NameUnit,
        ];
        for hint in &hints {
            let (zh, en) = (
                super::command_in(Lang::ZhCn, hint),
                super::command_in(Lang::En, hint),
            );
            assert_ne!(zh, en, "{hint:?}");
            assert!(!zh.starts_with("hint-"), "{hint:?} has no text: {zh}");
            // Every Chinese hint has Chinese in it, not only a command.
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
        assert_eq!(
            super::command_in(Lang::ZhCn, &hints[3]),
            "先用 `otium project 写作 --unit pages` 设定产出单位"
        );
    }
}
