//! `u` and `U` in the TUI: undo and redo through the database's change journal, the
//! same one `otium undo` and `otium redo` use, so a change made on the command line
//! can be taken back here and the other way round.

use super::action::Action;
use super::app::App;
use crate::error::Result;
use crate::i18n::{Lang, t};
use crate::tracker::Tracker;
use crate::tracker::journal::Reverted;

impl App {
    pub(super) fn undo(&mut self, tracker: &mut Tracker, redo: bool) -> Result<Option<Action>> {
        let done = if redo {
            tracker.redo()?
        } else {
            tracker.undo()?
        };
        self.info(message(self.lang(), &done, redo));
        Ok(Some(Action::Reload))
    }
}

/// `Undid "deleted session 2 (…)": restored session 2 (…). U redoes.` The journal's
/// summary and effects are the library's words.
fn message(lang: Lang, done: &Reverted, redo: bool) -> String {
    let key = if redo { "tui-redid" } else { "tui-undid" };
    t(
        lang,
        key,
        &[
            ("summary", &done.entry.summary),
            ("effects", &done.effects.join("; ")),
        ],
    )
}
