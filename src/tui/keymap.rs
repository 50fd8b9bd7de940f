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
    /// Help text.
    pub help: &'static str,
}

const fn bind(
    keys: &'static str,
    codes: &'static [KeyCode],
    scope: Scope,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        codes,
        scope,
        action,
        help,
    }
}

use KeyCode::{Char, Down, Enter, Left, Right, Tab, Up};
use Scope::{Global, In};

/// Every binding of the normal mode (forms and prompts take typed text instead).
pub const BINDINGS: &[Binding] = &[
    bind("q", &[Char('q')], Global, Action::Quit, "quit"),
    bind(
        "?",
        &[Char('?')],
        Global,
        Action::ToggleHelp,
        "show or hide this help",
    ),
    bind("Tab", &[Tab], Global, Action::NextView, "next view"),
    bind(
        "S-Tab",
        &[KeyCode::BackTab],
        Global,
        Action::PrevView,
        "previous view",
    ),
    bind(
        "1",
        &[Char('1')],
        Global,
        Action::Show(View::Dashboard),
        "dashboard",
    ),
    bind(
        "2",
        &[Char('2')],
        Global,
        Action::Show(View::Sessions),
        "sessions",
    ),
    bind(
        "3",
        &[Char('3')],
        Global,
        Action::Show(View::Reports),
        "reports",
    ),
    bind(
        "4",
        &[Char('4')],
        Global,
        Action::Show(View::Dividend),
        "dividend",
    ),
    bind(
        "s",
        &[Char('s')],
        Global,
        Action::OpenStart,
        "start a session",
    ),
    bind(
        "x",
        &[Char('x')],
        Global,
        Action::StopTimer,
        "stop the running session",
    ),
    bind(
        "a",
        &[Char('a')],
        Global,
        Action::OpenAdd,
        "add a past session",
    ),
    bind(
        "r",
        &[Char('r')],
        Global,
        Action::Reload,
        "reload from the database",
    ),
    bind(
        "↑ k",
        &[Up, Char('k')],
        In(View::Sessions),
        Action::Up,
        "select previous session",
    ),
    bind(
        "↓ j",
        &[Down, Char('j')],
        In(View::Sessions),
        Action::Down,
        "select next session",
    ),
    bind(
        "Enter e",
        &[Enter, Char('e')],
        In(View::Sessions),
        Action::OpenEdit,
        "edit the selected session",
    ),
    bind(
        "c",
        &[Char('c')],
        In(View::Sessions),
        Action::ContinueSelected,
        "continue the selected session",
    ),
    bind(
        "d",
        &[Char('d')],
        In(View::Sessions),
        Action::AskDelete,
        "delete the selected session",
    ),
    bind(
        "u",
        &[Char('u')],
        In(View::Sessions),
        Action::Undo,
        "undo the last edit or delete",
    ),
    bind(
        "/",
        &[Char('/')],
        In(View::Sessions),
        Action::OpenFilter,
        "filter by project or tag",
    ),
    bind(
        "← h",
        &[Left, Char('h')],
        In(View::Reports),
        Action::Left,
        "previous range",
    ),
    bind(
        "→ l",
        &[Right, Char('l')],
        In(View::Reports),
        Action::Right,
        "next range",
    ),
    bind(
        "t",
        &[Char('t')],
        In(View::Reports),
        Action::CycleRange,
        "day / week / month",
    ),
    bind(
        "g",
        &[Char('g')],
        In(View::Reports),
        Action::CycleGrouping,
        "group by project / tag / day / week",
    ),
    bind(
        "T",
        &[Char('T')],
        In(View::Reports),
        Action::ToggleTargets,
        "show or hide the target line",
    ),
    bind(
        "← h",
        &[Left, Char('h')],
        In(View::Dividend),
        Action::Left,
        "earlier base year",
    ),
    bind(
        "→ l",
        &[Right, Char('l')],
        In(View::Dividend),
        Action::Right,
        "later base year",
    ),
    bind(
        "c",
        &[Char('c')],
        In(View::Dividend),
        Action::NextCountry,
        "next country",
    ),
    bind(
        "C",
        &[Char('C')],
        In(View::Dividend),
        Action::PrevCountry,
        "previous country",
    ),
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

/// The action for `key` while a form, prompt or confirmation is open.
#[must_use]
pub fn lookup_text(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == Char('c') {
        return Some(Action::Cancel);
    }
    match key.code {
        KeyCode::Esc => Some(Action::Cancel),
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
