//! Undo of the last change in the TUI: a delete comes back with its own id and uuid,
//! an edit is reversed field by field.

use super::action::Action;
use super::app::App;
use crate::error::{ErrorKind, Result};
use crate::model::{Session, SessionEdit, parse_tags};
use crate::tracker::Tracker;

/// What `u` can take back.
#[derive(Debug, Clone)]
pub enum Undo {
    /// A deleted session, to put back.
    Deleted(Session),
    /// A session before an edit.
    Edited(Session),
}

impl App {
    pub(super) fn undo(&mut self, tracker: &mut Tracker) -> Result<Option<Action>> {
        match self.undo.take() {
            None => self.info("Nothing to undo.".into()),
            Some(Undo::Deleted(s)) => match tracker.restore(&s) {
                Ok(back) => {
                    self.info(format!("Restored session {} ({}).", back.id, back.project));
                }
                // Its time was taken meanwhile: nothing changed, and the delete stays
                // undoable once the user has freed that time.
                Err(e) if e.kind() == ErrorKind::Conflict => {
                    self.undo = Some(Undo::Deleted(s));
                    return Err(e);
                }
                Err(e) => return Err(e),
            },
            Some(Undo::Edited(before)) => {
                let now = tracker.session(before.id)?;
                let edit = SessionEdit {
                    project: Some(before.project.parse()?),
                    start: Some(before.start),
                    end: before.end,
                    note: Some(before.note.clone()),
                    add_tags: parse_tags(
                        &before
                            .tags
                            .iter()
                            .filter(|t| !now.tags.contains(t))
                            .collect::<Vec<_>>(),
                    )?,
                    remove_tags: parse_tags(
                        &now.tags
                            .iter()
                            .filter(|t| !before.tags.contains(t))
                            .collect::<Vec<_>>(),
                    )?,
                };
                tracker.edit(before.id, &edit)?;
                self.info(format!("Undid the edit of session {}.", before.id));
            }
        }
        Ok(Some(Action::Reload))
    }
}
