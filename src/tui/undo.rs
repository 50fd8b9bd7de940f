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

/// `Undid "deleted session 2 (…)": restored session 2 (…). U redoes.` The journal
/// keeps its summaries in English, so another language names the change by its verb
/// and says each effect from the data.
fn message(lang: Lang, done: &Reverted, redo: bool) -> String {
    let key = if redo { "tui-redid" } else { "tui-undid" };
    let (summary, effects) = if lang == Lang::En {
        (done.entry.summary.clone(), done.effects.join("; "))
    } else {
        let effects: Vec<String> = done.done.iter().flat_map(|e| e.lines_in(lang)).collect();
        (done.entry.verb.name_in(lang), effects.join("；"))
    };
    t(lang, key, &[("summary", &summary), ("effects", &effects)])
}
