//! `u` and `U` in the TUI: undo and redo through the database's change journal, the
//! same one `otium undo` and `otium redo` use, so a change made on the command line
//! can be taken back here and the other way round.

use super::action::Action;
use super::app::App;
use crate::error::Result;
use crate::tracker::Tracker;
use crate::tracker::journal::Reverted;

impl App {
    pub(super) fn undo(&mut self, tracker: &mut Tracker, redo: bool) -> Result<Option<Action>> {
        let done = if redo {
            tracker.redo()?
        } else {
            tracker.undo()?
        };
        self.info(message(&done, redo));
        Ok(Some(Action::Reload))
    }
}

/// `Undid "deleted session 2 (…)": restored session 2 (…). U redoes.`
fn message(done: &Reverted, redo: bool) -> String {
    let (verb, next) = if redo {
        ("Redid", "u undoes it again")
    } else {
        ("Undid", "U redoes it")
    };
    format!(
        "{verb} \u{201c}{}\u{201d}: {}. {next}.",
        done.entry.summary,
        done.effects.join("; ")
    )
}
