//! The one key table: `on_key` looks keys up here, and the `?` help is generated
//! from it, so the help can never disagree with what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, View};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every view.
    Global,
    /// One view.
    In(View),
}

/// One key binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys, as shown in the help.
    pub keys: &'static str,
    /// The codes that trigger it.
    pub codes: &'static [KeyCode],
    /// Where.
    pub scope: Scope,
    /// What it does.
    pub action: Action,
    /// The help text's catalogue key.
    pub help: &'static str,
}

impl Binding {
    /// What the binding does, in `lang`, for the help.
    #[must_use]
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::t(lang, self.help, &[])
    }
}

use KeyCode::{Char, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up};
use Scope::{Global, In};

/// Every binding of the normal mode (forms and prompts take typed text instead).
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "q",
        codes: &[Char('q')],
        scope: Global,
        action: Action::Quit,
        help: "tui-key-quit",
    },
    Binding {
        keys: "?",
        codes: &[Char('?')],
        scope: Global,
        action: Action::ToggleHelp,
        help: "tui-key-show-or-hide-this-help",
    },
    Binding {
        keys: "Tab",
        codes: &[Tab],
        scope: Global,
        action: Action::NextView,
        help: "tui-key-next-view",
    },
    Binding {
        keys: "S-Tab",
        codes: &[KeyCode::BackTab],
        scope: Global,
        action: Action::PrevView,
        help: "tui-key-previous-view",
    },
    Binding {
        keys: "1",
        codes: &[Char('1')],
        scope: Global,
        action: Action::Show(View::Dashboard),
        help: "tui-key-dashboard",
    },
    Binding {
        keys: "2",
        codes: &[Char('2')],
        scope: Global,
        action: Action::Show(View::Sessions),
        help: "tui-key-sessions",
    },
    Binding {
        keys: "3",
        codes: &[Char('3')],
        scope: Global,
        action: Action::Show(View::Reports),
        help: "tui-key-reports",
    },
    Binding {
        keys: "4",
        codes: &[Char('4')],
        scope: Global,
        action: Action::Show(View::Dividend),
        help: "tui-key-dividend",
    },
    Binding {
        keys: "5",
        codes: &[Char('5')],
        scope: Global,
        action: Action::Show(View::Calendar),
        help: "tui-key-week-calendar",
    },
    Binding {
        keys: "s",
        codes: &[Char('s')],
        scope: Global,
        action: Action::OpenStart,
        help: "tui-key-start-a-session",
    },
    Binding {
        keys: "x",
        codes: &[Char('x')],
        scope: Global,
        action: Action::StopTimer,
        help: "tui-key-stop-the-running-session",
    },
    Binding {
        keys: "a",
        codes: &[Char('a')],
        scope: Global,
        action: Action::OpenAdd,
        help: "tui-key-add-a-past-session",
    },
    Binding {
        keys: "r",
        codes: &[Char('r')],
        scope: Global,
        action: Action::Reload,
        help: "tui-key-reload-from-the-database",
    },
    Binding {
        keys: "z",
        codes: &[Char('z')],
        scope: Global,
        action: Action::HideConflicts,
        help: "sync-key-hide-conflicts",
    },
    Binding {
        keys: "↑ k",
        codes: &[Up, Char('k')],
        scope: In(View::Sessions),
        action: Action::Up,
        help: "tui-key-select-previous-session",
    },
    Binding {
        keys: "↓ j",
        codes: &[Down, Char('j')],
        scope: In(View::Sessions),
        action: Action::Down,
        help: "tui-key-select-next-session",
    },
    Binding {
        keys: "Enter e",
        codes: &[Enter, Char('e')],
        scope: In(View::Sessions),
        action: Action::OpenEdit,
        help: "tui-key-edit-the-selected-session",
    },
    Binding {
        keys: "c",
        codes: &[Char('c')],
        scope: In(View::Sessions),
        action: Action::ContinueSelected,
        help: "tui-key-continue-the-selected-session",
    },
    Binding {
        keys: "d",
        codes: &[Char('d')],
        scope: In(View::Sessions),
        action: Action::AskDelete,
        help: "tui-key-delete-the-selected-session",
    },
    Binding {
        keys: "u",
        codes: &[Char('u')],
        scope: Global,
        action: Action::Undo,
        help: "tui-key-undo-the-last-change-also-one-made-by-the-cli",
    },
    Binding {
        keys: "U",
        codes: &[Char('U')],
        scope: Global,
        action: Action::Redo,
        help: "tui-key-redo-what-was-undone",
    },
    Binding {
        keys: "/",
        codes: &[Char('/')],
        scope: In(View::Sessions),
        action: Action::OpenFilter,
        help: "tui-key-filter-by-project-or-tag",
    },
    Binding {
        keys: "Esc",
        codes: &[Esc],
        scope: In(View::Sessions),
        action: Action::ClearFilter,
        help: "tui-key-clear-the-filter",
    },
    Binding {
        keys: "← h",
        codes: &[Left, Char('h')],
        scope: In(View::Reports),
        action: Action::Left,
        help: "tui-key-previous-range",
    },
    Binding {
        keys: "→ l",
        codes: &[Right, Char('l')],
        scope: In(View::Reports),
        action: Action::Right,
        help: "tui-key-next-range",
    },
    Binding {
        keys: "t",
        codes: &[Char('t')],
        scope: In(View::Reports),
        action: Action::CycleRange,
        help: "tui-key-day-week-month",
    },
    Binding {
        keys: "g",
        codes: &[Char('g')],
        scope: In(View::Reports),
        action: Action::CycleGrouping,
        help: "tui-key-group-by-project-tag-day-week",
    },
    Binding {
        keys: "T",
        codes: &[Char('T')],
        scope: In(View::Reports),
        action: Action::ToggleTargets,
        help: "tui-key-show-or-hide-the-target-line",
    },
    Binding {
        keys: "w",
        codes: &[Char('w')],
        scope: In(View::Reports),
        action: Action::WriteReport,
        help: "tui-key-write-this-range-as-an-html-report",
    },
    Binding {
        keys: "← h",
        codes: &[Left, Char('h')],
        scope: In(View::Dividend),
        action: Action::Left,
        help: "tui-key-earlier-base-year",
    },
    Binding {
        keys: "→ l",
        codes: &[Right, Char('l')],
        scope: In(View::Dividend),
        action: Action::Right,
        help: "tui-key-later-base-year",
    },
    Binding {
        keys: "c",
        codes: &[Char('c')],
        scope: In(View::Dividend),
        action: Action::NextCountry,
        help: "tui-key-next-country",
    },
    Binding {
        keys: "C",
        codes: &[Char('C')],
        scope: In(View::Dividend),
        action: Action::PrevCountry,
        help: "tui-key-previous-country",
    },
    Binding {
        keys: "/",
        codes: &[Char('/')],
        scope: In(View::Dividend),
        action: Action::OpenCountry,
        help: "tui-key-type-a-country-code-or-name",
    },
    Binding {
        keys: "v",
        codes: &[Char('v')],
        scope: In(View::Dividend),
        action: Action::NextDividendPage,
        help: "tui-key-figures-your-week-countries-source",
    },
    Binding {
        keys: "i",
        codes: &[Char('i')],
        scope: In(View::Dividend),
        action: Action::ShowSource,
        help: "tui-key-the-data-s-full-citation",
    },
    Binding {
        keys: "↑ k",
        codes: &[Up, Char('k')],
        scope: In(View::Calendar),
        action: Action::Up,
        help: "tui-key-half-an-hour-earlier",
    },
    Binding {
        keys: "↓ j",
        codes: &[Down, Char('j')],
        scope: In(View::Calendar),
        action: Action::Down,
        help: "tui-key-half-an-hour-later",
    },
    Binding {
        keys: "← h",
        codes: &[Left, Char('h')],
        scope: In(View::Calendar),
        action: Action::Left,
        help: "tui-key-previous-day",
    },
    Binding {
        keys: "→ l",
        codes: &[Right, Char('l')],
        scope: In(View::Calendar),
        action: Action::Right,
        help: "tui-key-next-day",
    },
    Binding {
        keys: "PgUp",
        codes: &[PageUp],
        scope: In(View::Calendar),
        action: Action::PageUp,
        help: "tui-key-four-hours-earlier",
    },
    Binding {
        keys: "PgDn",
        codes: &[PageDown],
        scope: In(View::Calendar),
        action: Action::PageDown,
        help: "tui-key-four-hours-later",
    },
    Binding {
        keys: "[",
        codes: &[Char('[')],
        scope: In(View::Calendar),
        action: Action::PrevWeek,
        help: "tui-key-previous-week",
    },
    Binding {
        keys: "]",
        codes: &[Char(']')],
        scope: In(View::Calendar),
        action: Action::NextWeek,
        help: "tui-key-next-week",
    },
    Binding {
        keys: "t",
        codes: &[Char('t')],
        scope: In(View::Calendar),
        action: Action::Today,
        help: "tui-key-back-to-today-and-now",
    },
    Binding {
        keys: "n",
        codes: &[Char('n')],
        scope: In(View::Calendar),
        action: Action::NextBlock,
        help: "tui-key-next-session",
    },
    Binding {
        keys: "N",
        codes: &[Char('N')],
        scope: In(View::Calendar),
        action: Action::PrevBlock,
        help: "tui-key-previous-session",
    },
    Binding {
        keys: "a",
        codes: &[Char('a')],
        scope: In(View::Calendar),
        action: Action::OpenAdd,
        help: "tui-key-add-a-session-at-the-selected-half-hour",
    },
    Binding {
        keys: "Enter e",
        codes: &[Enter, Char('e')],
        scope: In(View::Calendar),
        action: Action::OpenEdit,
        help: "tui-key-edit-the-selected-session",
    },
    Binding {
        keys: "c",
        codes: &[Char('c')],
        scope: In(View::Calendar),
        action: Action::ContinueSelected,
        help: "tui-key-continue-the-selected-session",
    },
    Binding {
        keys: "d",
        codes: &[Char('d')],
        scope: In(View::Calendar),
        action: Action::AskDelete,
        help: "tui-key-delete-the-selected-session",
    },
    Binding {
        keys: "u",
        codes: &[Char('u')],
        scope: In(View::Calendar),
        action: Action::Undo,
        help: "tui-key-undo-the-last-change-also-one-made-by-the-cli",
    },
];

/// The action for `key` in `view`, in normal mode. View bindings win over global ones.
#[must_use]
pub fn lookup(view: View, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Action::Quit);
    }
    let matches = |b: &&Binding| b.codes.contains(&key.code);
    BINDINGS
        .iter()
        .filter(matches)
        .find(|b| b.scope == Scope::In(view))
        .or_else(|| {
            BINDINGS
                .iter()
                .filter(matches)
                .find(|b| b.scope == Scope::Global)
        })
        .map(|b| b.action.clone())
}

/// The action for `key` while the help is open: the arrows, vim keys and pages
/// scroll it; any other key closes it (as before, but the tick is no key).
#[must_use]
pub fn lookup_help(key: KeyEvent) -> Action {
    match key.code {
        Up | Char('k') => Action::Up,
        Down | Char('j') => Action::Down,
        PageUp => Action::PageUp,
        PageDown | Char(' ') => Action::PageDown,
        _ => Action::ToggleHelp,
    }
}

/// The action for `key` while a form, prompt or confirmation is open.
#[must_use]
pub fn lookup_text(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Action::Cancel);
    }
    match key.code {
        Esc => Some(Action::Cancel),
        Enter => Some(Action::Confirm),
        Tab | Down => Some(Action::NextField),
        KeyCode::BackTab | Up => Some(Action::PrevField),
        KeyCode::Backspace => Some(Action::Backspace),
        Char(c) => Some(Action::Type(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn view_bindings_win_over_global_ones() {
        assert_eq!(
            lookup(View::Sessions, key(Char('c'))),
            Some(Action::ContinueSelected)
        );
        assert_eq!(
            lookup(View::Dividend, key(Char('c'))),
            Some(Action::NextCountry)
        );
        assert_eq!(lookup(View::Dashboard, key(Char('c'))), None);
        assert_eq!(lookup(View::Reports, key(Char('q'))), Some(Action::Quit));
        assert_eq!(lookup(View::Sessions, key(Char('j'))), Some(Action::Down));
        assert_eq!(lookup(View::Dashboard, key(Char('j'))), None);
    }

    #[test]
    fn every_binding_is_reachable() {
        for b in BINDINGS {
            let view = match b.scope {
                Scope::Global => View::Dashboard,
                Scope::In(v) => v,
            };
            for code in b.codes {
                let found = lookup(view, key(*code));
                let shadowed = b.scope == Scope::Global
                    && BINDINGS
                        .iter()
                        .any(|o| o.scope == Scope::In(view) && o.codes.contains(code));
                assert!(
                    shadowed || found == Some(b.action.clone()),
                    "{} in {view:?}",
                    b.keys
                );
            }
        }
    }
}
