//! How the TUI says a library [`Hint`]: as the key to press, or what to do on screen.

use crate::error::{Error, Hint};
use crate::i18n::{Lang, t};

/// The error's one line in English (see [`error_line_in`]).
#[must_use]
pub fn error_line(err: &Error) -> String {
    error_line_in(Lang::En, err)
}

/// The error's one line in `lang`: the message, then the hint as the key to press or what to do on screen.
#[must_use]
pub fn error_line_in(lang: Lang, err: &Error) -> String {
    let message = err.message_in(lang);
    match err.hint() {
        Some(hint) => t(
            lang,
            "error-with-hint",
            &[("message", &message), ("hint", &keys_in(lang, hint))],
        ),
        None => message,
    }
}

/// The hint in `lang`, as the key to press or what to do on screen.
#[must_use]
pub fn keys_in(lang: Lang, hint: &Hint) -> String {
    match hint {
        Hint::StartSession => t(lang, "hint-tui-start-session", &[]),
        Hint::ListSessions => t(lang, "hint-tui-list-sessions", &[]),
        Hint::ListProjects => t(lang, "hint-tui-list-projects", &[]),
        Hint::DeclareUnit { project } => t(lang, "hint-tui-declare-unit", &[("project", project)]),
        Hint::RecordOutput { project } => {
            t(lang, "hint-tui-record-output", &[("project", project)])
        }
        Hint::ListCountries => t(lang, "hint-tui-list-countries", &[]),
        Hint::Doctor => t(lang, "hint-tui-doctor", &[]),
        Hint::LaterStop => t(lang, "hint-tui-later-stop", &[]),
        Hint::GiveEnd => t(lang, "hint-tui-give-end", &[]),
        Hint::ChangeAField => t(lang, "hint-tui-change-a-field", &[]),
        Hint::NameUnit => t(lang, "hint-tui-name-unit", &[]),
        Hint::SyncInit => t(lang, "hint-tui-sync-init", &[]),
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

    #[test]
    fn the_tui_hints_read_in_chinese_too() {
        use crate::error::Hint;
        use crate::i18n::Lang;
        assert_eq!(
            super::keys_in(Lang::ZhCn, &Hint::StartSession),
            "按 s 开始计时"
        );
        assert_eq!(
            super::keys_in(Lang::ZhCn, &Hint::ChangeAField),
            "请先改一项，或按 Esc 取消"
        );
        assert_eq!(
            super::keys_in(
                Lang::ZhCn,
                &Hint::RecordOutput {
                    project: "写作".into()
                }
            ),
            "请在终端里登记产出：otium output N --project 写作"
        );
    }
}
