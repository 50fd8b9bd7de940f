//! Undo and redo through the change journal. Every change verb records, in its own
//! transaction, what it did to each session (by UUID, before and after); `undo` applies
//! the newest entry still in effect backwards, `redo` the oldest undone one forwards.
//! Before writing anything they check that every session is still exactly as the
//! entry left it and that no other session took its time since: otherwise the undo is
//! refused with the conflict named, and the transaction rolls back (nothing written).
//!
//! A new change after undos clears the redo stack (the undone entries are marked
//! dropped), as in every editor: redoing an old change over a newer one would mix two
//! histories.

use chrono::{DateTime, Utc};

use super::{Tracker, describe, described, load};
use crate::error::{Error, ErrorKind, Result};
use crate::model::Session;
use crate::store::journal::{self, Change};
use crate::store::{Db, sessions};
use crate::time;

pub use crate::store::journal::{EntryState, JournalEntry, Verb};

/// What `undo` or `redo` did.
#[derive(Debug, Clone)]
pub struct Reverted {
    /// The entry taken back (`undo`) or applied again (`redo`).
    pub entry: JournalEntry,
    /// What happened to the sessions, in words (`session 12 runs again`).
    pub effects: Vec<String>,
    /// The same as data, for a face to say in the user's language.
    pub done: Vec<Effect>,
}

/// What an undo or redo did to one session, or, for a large entry, to how many.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The session was deleted.
    Removed(Session),
    /// The session was brought back.
    Restored(Session),
    /// The session runs again (it had been stopped).
    RunsAgain(Session),
    /// The session was put back as it was.
    Now(Session),
    /// A large entry, counted: removed, restored, put back as they were.
    Counted {
        /// Sessions deleted.
        removed: usize,
        /// Sessions brought back.
        restored: usize,
        /// Sessions put back as they were.
        reset: usize,
    },
}

/// A session that did not exist before the change.
pub(super) fn created(s: &Session) -> Change {
    Change {
        uuid: s.uuid.clone(),
        before: None,
        after: Some(s.clone()),
    }
}

/// A session the change deleted.
pub(super) fn deleted(s: &Session) -> Change {
    Change {
        uuid: s.uuid.clone(),
        before: Some(s.clone()),
        after: None,
    }
}

/// A session the change updated.
pub(super) fn changed(before: &Session, after: &Session) -> Change {
    Change {
        uuid: before.uuid.clone(),
        before: Some(before.clone()),
        after: Some(after.clone()),
    }
}

/// Records a change in the caller's transaction.
pub(super) fn record(
    tx: Db<'_>,
    now: DateTime<Utc>,
    verb: Verb,
    summary: &str,
    changes: &[Change],
) -> Result<()> {
    journal::record(tx, now, verb, summary, changes).map(drop)
}

/// How many effects are listed one by one; more are counted (an import's hundreds).
const LISTED: usize = 3;

impl Tracker {
    /// Takes back the newest change still in effect.
    pub fn undo(&mut self) -> Result<Reverted> {
        self.revert(true)
    }

    /// Applies the most recently undone change again.
    pub fn redo(&mut self) -> Result<Reverted> {
        self.revert(false)
    }

    /// The undo stack, newest first (at most `limit` entries): what `undo` and `redo`
    /// would take.
    pub fn journal(&self, limit: usize) -> Result<Vec<JournalEntry>> {
        journal::list(self.reader(), limit)
    }

    fn revert(&mut self, undo: bool) -> Result<Reverted> {
        let now = self.now();
        self.store.write(|tx| {
            let entry = if undo {
                journal::last_done(tx)?.ok_or_else(|| {
                    Error::keyed(ErrorKind::Conflict, "capture-error-nothing-to-undo", vec![])
                })?
            } else {
                journal::first_undone(tx)?.ok_or_else(|| {
                    Error::keyed(ErrorKind::Conflict, "capture-error-nothing-to-redo", vec![])
                })?
            };
            let mut changes = journal::changes(tx, entry.id)?;
            if undo {
                changes.reverse();
            }
            let mut effects = Vec::new();
            for c in &changes {
                // Undo moves each session from its `after` back to its `before`.
                let (from, to) = if undo {
                    (&c.after, &c.before)
                } else {
                    (&c.before, &c.after)
                };
                effects.push(apply(
                    tx,
                    &entry,
                    undo,
                    &c.uuid,
                    from.as_ref(),
                    to.as_ref(),
                    now,
                )?);
            }
            let word = if undo { "undo" } else { "redo" };
            journal::mark(
                tx,
                entry.id,
                undo,
                now,
                &format!("{word} of entry {}", entry.id),
            )?;
            let (effects, done) = if effects.len() > LISTED {
                let (removed, restored, reset) = count(&changes, undo);
                (
                    count_effects(removed, restored, reset),
                    vec![Effect::Counted {
                        removed,
                        restored,
                        reset,
                    }],
                )
            } else {
                effects.into_iter().unzip()
            };
            Ok(Reverted {
                entry,
                effects,
                done,
            })
        })
    }
}

/// Moves session `uuid` from `from` (what the entry left, checked against what is
/// stored) to `to`; `None` is "does not exist". Returns the effect in words and as data.
fn apply(
    tx: Db<'_>,
    entry: &JournalEntry,
    undo: bool,
    uuid: &str,
    from: Option<&Session>,
    to: Option<&Session>,
    now: DateTime<Utc>,
) -> Result<(String, Effect)> {
    // Why an undo or redo is refused: the catalogue key of the reason and its
    // arguments, beside the action and the entry's stored summary.
    let refuse = |why: &'static str, mut args: Vec<(&'static str, String)>| {
        args.push(("action", if undo { "undo" } else { "redo" }.to_string()));
        args.push(("summary", entry.summary.clone()));
        Error::keyed(ErrorKind::Conflict, why, args)
    };
    let current = match journal::session_by_uuid(tx, uuid)? {
        Some(id) => Some(load(tx, id)?),
        None => None,
    };
    match (from, &current) {
        (Some(f), Some(c)) if f == c => {}
        (None, None) => {}
        (Some(f), None) => {
            return Err(refuse(
                "capture-error-undo-deleted",
                vec![("id", f.id.to_string())],
            ));
        }
        (Some(_), Some(c)) => {
            return Err(refuse("capture-error-undo-changed", described(c)));
        }
        (None, Some(c)) => return Err(refuse("capture-error-undo-exists", described(c))),
    }
    let Some(to) = to else {
        // `from` was checked equal to `current`, so both exist here.
        return Ok(match current {
            Some(c) => {
                sessions::delete(tx, c.id)?;
                (format!("removed {}", describe(&c)), Effect::Removed(c))
            }
            None => (
                String::new(),
                Effect::Counted {
                    removed: 0,
                    restored: 0,
                    reset: 0,
                },
            ),
        });
    };
    if let Some(other) = sessions::overlapping(tx, to.start, to.end, Some(to.id))? {
        let mut args = described(&other);
        args.push(("moved", to.id.to_string()));
        return Err(refuse("capture-error-undo-overlap", args));
    }
    Ok(match current {
        None => {
            sessions::insert_restored(tx, to, now)?;
            (
                format!("restored {}", describe(to)),
                Effect::Restored(to.clone()),
            )
        }
        Some(c) => {
            sessions::update(tx, to, now)?;
            if to.end.is_none() && c.end.is_some() {
                (
                    format!(
                        "session {} runs again (since {})",
                        to.id,
                        time::date_hhmm_in(to.zone, to.start)
                    ),
                    Effect::RunsAgain(to.clone()),
                )
            } else {
                (format!("now {}", describe(to)), Effect::Now(to.clone()))
            }
        }
    })
}

/// How many sessions a large entry removes, restores and puts back as they were.
fn count(changes: &[Change], undo: bool) -> (usize, usize, usize) {
    let (mut removed, mut restored, mut reset) = (0, 0, 0);
    for c in changes {
        let (from, to) = if undo {
            (&c.after, &c.before)
        } else {
            (&c.before, &c.after)
        };
        match (from, to) {
            (_, None) => removed += 1,
            (None, Some(_)) => restored += 1,
            (Some(_), Some(_)) => reset += 1,
        }
    }
    (removed, restored, reset)
}

/// The effects of a large entry, counted, in words.
fn count_effects(removed: usize, restored: usize, reset: usize) -> Vec<String> {
    [
        (removed, "removed"),
        (restored, "restored"),
        (reset, "put back as they were"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} session(s) {what}"))
    .collect()
}
