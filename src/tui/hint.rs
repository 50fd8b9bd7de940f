//! How the TUI says a library [`Hint`]: as the key to press, or what to do on screen.

use crate::error::Error;
use crate::i18n::Lang;
use crate::i18n::hints::{self, Face};

/// The error's one line in English (see [`error_line_in`]).
#[cfg(test)]
#[must_use]
pub fn error_line(err: &Error) -> String {
    error_line_in(Lang::En, err)
}

/// The error's one line in `lang`: the message, then the hint as the key to press or what to do on screen.
#[must_use]
pub fn error_line_in(lang: Lang, err: &Error) -> String {
    hints::error_line(lang, Face::Tui, err)
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
            crate::i18n::hints::hint(
                Lang::ZhCn,
                crate::i18n::hints::Face::Tui,
                &Hint::StartSession
            ),
            "按 s 开始计时"
        );
        assert_eq!(
            crate::i18n::hints::hint(
                Lang::ZhCn,
                crate::i18n::hints::Face::Tui,
                &Hint::ChangeAField
            ),
            "请先改一项，或按 Esc 取消"
        );
        assert_eq!(
            crate::i18n::hints::hint(
                Lang::ZhCn,
                crate::i18n::hints::Face::Tui,
                &Hint::RecordOutput {
                    project: "写作".into()
                }
            ),
            "请在终端里登记产出：otium output N --project 写作"
        );
    }
}
