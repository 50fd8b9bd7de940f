//! Away time: a stretch inside the running session when the user was not there (the
//! machine slept, or no key reached the TUI for `away_after_minutes`). The TUI records
//! such a gap when the user comes back; the gap stays open until it is answered, here
//! or by `otium away`:
//!
//! - keep: the time was work after all (only the gap is marked answered);
//! - cut: the session is split in two: it ends where the gap began and a copy (same
//!   project, tags and note) runs from where the gap ended; journaled as a `continue`;
//! - stop: the session ends where the gap began; journaled as a `stop`.
//!
//! Each answer is one transaction with its journal entry, so `undo` takes it back.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::journal::{self, Verb, changed, created};
use super::{Tracker, describe, load, nothing_running, overlap_error};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{NewSession, Session};
use crate::store::{Db, away, sessions};
use crate::time;

pub use crate::store::away::Gap;

/// An answer to "You were away …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The away time stays in the session.
    Keep,
    /// The away time is cut out: the session is split in two.
    Cut,
    /// The session stops where the away time began.
    Stop,
}

impl Answer {
    /// The word stored and typed (`keep`, `cut`, `stop`).
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Answer::Keep => "keep",
            Answer::Cut => "cut",
            Answer::Stop => "stop",
        }
    }
}

/// A gap as both faces show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwayJson {
    /// The gap's id (`otium away … --id`).
    pub id: i64,
    /// When the user left (RFC 3339 in the user's zone).
    pub from: String,
    /// When the user came back (RFC 3339 in the user's zone).
    pub to: String,
    /// The gap's length in seconds.
    pub seconds: i64,
}

impl Gap {
    /// Seconds away.
    #[must_use]
    pub fn seconds(&self) -> i64 {
        (self.to - self.from).num_seconds()
    }

    /// "14:02–15:22 (1h 20m)" in `zone` (dates added when the gap crosses midnight).
    #[must_use]
    pub fn span_text(&self, zone: chrono_tz::Tz) -> String {
        let to = if time::local_date(zone, self.to) == time::local_date(zone, self.from) {
            time::hhmm_in(zone, self.to)
        } else {
            time::date_hhmm_in(zone, self.to)
        };
        format!(
            "{}–{to} ({})",
            time::hhmm_in(zone, self.from),
            time::human_duration(self.seconds())
        )
    }

    /// The gap for JSON, its times in `zone`.
    #[must_use]
    pub fn to_json(&self, zone: chrono_tz::Tz) -> AwayJson {
        AwayJson {
            id: self.id,
            from: time::rfc3339_in(zone, self.from),
            to: time::rfc3339_in(zone, self.to),
            seconds: self.seconds(),
        }
    }
}

/// What an answer did.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The gap answered.
    pub gap: Gap,
    /// The answer.
    pub answer: Answer,
    /// The running session as it is now (keep), or as it was stopped (cut, stop).
    pub session: Session,
    /// The session that runs on from the gap's end (cut).
    pub resumed: Option<Session>,
}

impl Tracker {
    /// Records that the user was away from `from` to `to` during the running session.
    /// Nothing is recorded (`None`) when nothing runs, or when the running session began
    /// at or after `from`: somebody started it on purpose while the screen was idle.
    pub fn record_away(&mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Option<Gap>> {
        let now = self.now();
        let to = to.min(now);
        if to <= from {
            return Ok(None);
        }
        self.store.write(|tx| match sessions::running(tx)? {
            Some(running) if running.start < from => away::insert(tx, from, to, now).map(Some),
            _ => Ok(None),
        })
    }

    /// The unanswered gaps inside the running session, oldest first (none when
    /// nothing runs).
    pub fn open_away(&self) -> Result<Vec<Gap>> {
        match sessions::running(self.reader())? {
            Some(running) => open_in(self.reader(), &running),
            None => Ok(Vec::new()),
        }
    }

    /// Answers gap `id` (default: the oldest open one) of the running session.
    pub fn answer_away(&mut self, id: Option<i64>, answer: Answer) -> Result<Answered> {
        let now = self.now();
        self.store.write(|tx| {
            let mut running = sessions::running(tx)?.ok_or_else(nothing_running)?;
            let open = open_in(tx, &running)?;
            let gap = match id {
                Some(id) => open.iter().find(|g| g.id == id).cloned().ok_or_else(|| {
                    Error::keyed(
                        ErrorKind::NotFound,
                        "capture-error-no-away-id",
                        vec![("id", id.to_string())],
                    )
                })?,
                None => open.first().cloned().ok_or_else(|| {
                    Error::keyed(ErrorKind::Conflict, "capture-error-no-away", vec![])
                })?,
            };
            away::answer(tx, gap.id, answer.word(), now)?;
            if answer == Answer::Keep {
                return Ok(Answered {
                    gap,
                    answer,
                    session: running,
                    resumed: None,
                });
            }
            let before = running.clone();
            running.end = Some(gap.from);
            sessions::update(tx, &running, now)?;
            let stopped = load(tx, running.id)?;
            let mut changes = vec![changed(&before, &stopped)];
            let zone = stopped.zone;
            let resumed = if answer == Answer::Cut {
                if let Some(other) = sessions::overlapping(tx, gap.to, None, None)? {
                    return Err(overlap_error("rest", &other));
                }
                let new = NewSession {
                    project: stopped.project.parse()?,
                    tags: crate::model::parse_tags(&stopped.tags)?,
                    note: stopped.note.clone(),
                    start: gap.to,
                    end: None,
                    zone,
                };
                let id = sessions::insert(tx, &new, now)?;
                let session = load(tx, id)?;
                changes.push(created(&session));
                Some(session)
            } else {
                None
            };
            // Gaps that began inside the cut-out or stopped part no longer apply.
            let after = resumed.as_ref().map(|s| s.start);
            for other in open.iter().filter(|g| g.id != gap.id) {
                if after.is_none_or(|start| other.from < start) {
                    away::answer(tx, other.id, "moot", now)?;
                }
            }
            let summary = match &resumed {
                Some(r) => format!(
                    "cut away time {} out of session {}: stopped it at {}, continued as {}",
                    gap.span_text(zone),
                    stopped.id,
                    time::hhmm_in(zone, gap.from),
                    describe(r)
                ),
                None => format!(
                    "stopped {} (away from {})",
                    describe(&stopped),
                    gap.span_text(zone)
                ),
            };
            let verb = if resumed.is_some() {
                Verb::Continue
            } else {
                Verb::Stop
            };
            journal::record(tx, now, verb, &summary, &changes)?;
            Ok(Answered {
                gap,
                answer,
                session: stopped,
                resumed,
            })
        })
    }
}

/// The open gaps that began after `running` started.
fn open_in(db: Db<'_>, running: &Session) -> Result<Vec<Gap>> {
    let gaps = away::open_since(db, running.start)?;
    Ok(gaps
        .into_iter()
        .filter(|g| g.from > running.start)
        .collect())
}
