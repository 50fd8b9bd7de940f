//! How the command line says a library [`Hint`]: as the command to type.

use crate::error::Error;
use crate::i18n::Lang;
use crate::i18n::hints::{self, Face};

/// The error's one line in English (see [`error_line_in`]).
#[must_use]
pub fn error_line(err: &Error) -> String {
    error_line_in(Lang::En, err)
}

/// The error's one line in `lang`: the message, then the hint as the command to type.
#[must_use]
pub fn error_line_in(lang: Lang, err: &Error) -> String {
    hints::error_line(lang, Face::Cli, err)
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
                crate::i18n::hints::hint(Lang::ZhCn, crate::i18n::hints::Face::Cli, hint),
                crate::i18n::hints::hint(Lang::En, crate::i18n::hints::Face::Cli, hint),
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
            crate::i18n::hints::hint(Lang::ZhCn, crate::i18n::hints::Face::Cli, &hints[3]),
            "先用 `otium project 写作 --unit pages` 设定产出单位"
        );
    }
}
