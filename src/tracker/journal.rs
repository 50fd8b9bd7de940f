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

use super::{Tracker, describe, load};
use crate::error::{Error, Result};
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
                    Error::conflict(
                        "nothing to undo: the journal holds no change that is still in effect",
                    )
                })?
            } else {
                journal::first_undone(tx)?.ok_or_else(|| {
                    Error::conflict("nothing to redo: no change has been undone since the last one")
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
            let effects = if effects.len() > LISTED {
                count_effects(&changes, undo)
            } else {
                effects
            };
            Ok(Reverted { entry, effects })
        })
    }
}

/// Moves session `uuid` from `from` (what the entry left, checked against what is
/// stored) to `to`; `None` is "does not exist".
fn apply(
    tx: Db<'_>,
    entry: &JournalEntry,
    undo: bool,
    uuid: &str,
    from: Option<&Session>,
    to: Option<&Session>,
    now: DateTime<Utc>,
) -> Result<String> {
    let refuse = |why: String| {
        Error::conflict(format!(
            "cannot {} \u{201c}{}\u{201d}: {why}; nothing was changed",
            if undo { "undo" } else { "redo" },
            entry.summary
        ))
    };
    let current = match journal::session_by_uuid(tx, uuid)? {
        Some(id) => Some(load(tx, id)?),
        None => None,
    };
    match (from, &current) {
        (Some(f), Some(c)) if f == c => {}
        (None, None) => {}
        (Some(f), None) => {
            return Err(refuse(format!("session {} has been deleted since", f.id)));
        }
        (Some(_), Some(c)) => {
            return Err(refuse(format!(
                "{} has been changed since; edit it by hand instead",
                describe(c)
            )));
        }
        (None, Some(c)) => return Err(refuse(format!("{} exists again", describe(c)))),
    }
    let Some(to) = to else {
        // `from` was checked equal to `current`, so both exist here.
        return Ok(match current {
            Some(c) => {
                sessions::delete(tx, c.id)?;
                format!("removed {}", describe(&c))
            }
            None => String::new(),
        });
    };
    if let Some(other) = sessions::overlapping(tx, to.start, to.end, Some(to.id))? {
        return Err(refuse(format!(
            "session {} would overlap {}, recorded since; edit or remove session {} first",
            to.id,
            describe(&other),
            other.id
        )));
    }
    Ok(match current {
        None => {
            sessions::insert_restored(tx, to, now)?;
            format!("restored {}", describe(to))
        }
        Some(c) => {
            sessions::update(tx, to, now)?;
            if to.end.is_none() && c.end.is_some() {
                format!(
                    "session {} runs again (since {})",
                    to.id,
                    time::date_hhmm_in(to.zone, to.start)
                )
            } else {
                format!("now {}", describe(to))
            }
        }
    })
}

/// The effects of a large entry, counted.
fn count_effects(changes: &[Change], undo: bool) -> Vec<String> {
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
