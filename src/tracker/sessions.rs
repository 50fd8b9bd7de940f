//! Sessions: the capture verbs (start, stop, cancel, continue, add, edit, remove),
//! each written with its journal entry in one transaction, and the reads both faces
//! list sessions with.

use chrono::{DateTime, Utc};

use super::journal::{self, Verb, changed, created, deleted};
use super::{
    Tracker, check_interval, describe, described, load, not_future, nothing_running, overlap_error,
};
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::model::{
    LeanSession, NewSession, ProjectName, ProjectSummary, Session, SessionEdit, SessionId,
    SessionRows, Tag, TagSummary, normalize_note, parse_tags,
};
use crate::store::{Db, batches, sessions};
use crate::time::{self, range::Span};

/// What `start` (and `continue`) should record.
#[derive(Debug, Clone)]
pub struct StartRequest {
    /// Project name.
    pub project: ProjectName,
    /// Tags, sorted and without duplicates (see [`parse_tags`]).
    pub tags: Vec<Tag>,
    /// Optional note.
    pub note: Option<String>,
    /// Start instant; `None` is now.
    pub at: Option<DateTime<Utc>>,
}

impl StartRequest {
    /// A session of `project` from now, without tags or a note.
    #[must_use]
    pub fn new(project: ProjectName) -> Self {
        StartRequest {
            project,
            tags: Vec::new(),
            note: None,
            at: None,
        }
    }
}

/// The result of `start`: the new session and what happened to the one that ran.
#[derive(Debug, Clone)]
pub struct Started {
    /// The session now running.
    pub session: Session,
    /// The previously running session, stopped at the new start.
    pub stopped: Option<Session>,
    /// The previously running session, dropped because it had started at the same second.
    pub dropped: Option<Session>,
}

impl Tracker {
    /// Starts a session; a running one is stopped at the same instant first.
    pub fn start(&mut self, request: StartRequest) -> Result<Started> {
        self.start_as(request, Verb::Start, "started")
    }

    /// `start`, journaled as `verb` (`continue` is a start too).
    fn start_as(&mut self, request: StartRequest, verb: Verb, said: &str) -> Result<Started> {
        let now = self.now();
        let at = request.at.unwrap_or(now);
        not_future(at, now, "start", self.zone)?;
        let mut tags = request.tags;
        tags.sort();
        tags.dedup();
        let new = NewSession {
            project: request.project,
            tags,
            note: normalize_note(request.note.as_deref()),
            start: at,
            end: None,
            zone: self.zone,
        };
        self.store.write(|tx| {
            let (mut stopped, mut dropped) = (None, None);
            let mut changes = Vec::new();
            if let Some(mut running) = sessions::running(tx)? {
                let before = running.clone();
                if at < running.start {
                    let mut args = described(&running);
                    args.push(("at", time::date_hhmm_in(running.zone, at)));
                    return Err(Error::keyed(
                        ErrorKind::Conflict,
                        "capture-error-started-after",
                        args,
                    ));
                }
                if at == running.start {
                    // Zero seconds long: stopping it would break `end > start`, and it holds no time.
                    sessions::delete(tx, running.id)?;
                    changes.push(deleted(&before));
                    dropped = Some(running);
                } else {
                    running.end = Some(at);
                    sessions::update(tx, &running, now)?;
                    changes.push(changed(&before, &running));
                    stopped = Some(running);
                }
            }
            if let Some(other) = sessions::overlapping(tx, at, None, None)? {
                return Err(overlap_error("new", &other));
            }
            let id = sessions::insert(tx, &new, now)?;
            let session = load(tx, id)?;
            changes.push(created(&session));
            let mut summary = format!("{said} {}", describe(&session));
            if let Some(s) = &stopped {
                summary.push_str(&format!("; stopped session {} ({})", s.id, s.project));
            }
            if let Some(s) = &dropped {
                summary.push_str(&format!(
                    "; dropped session {} ({}, zero seconds long)",
                    s.id, s.project
                ));
            }
            journal::record(tx, now, verb, &summary, &changes)?;
            Ok(Started {
                session,
                stopped,
                dropped,
            })
        })
    }

    /// Stops the running session at `at` (default now).
    pub fn stop(&mut self, at: Option<DateTime<Utc>>) -> Result<Session> {
        self.write_stop(at, |_, _| Ok(()))
            .map(|(session, ())| session)
    }

    /// Stops the running session and runs `also` in the same transaction with the
    /// stopped session (e.g. to record its output): both are written or neither.
    pub(crate) fn write_stop<T>(
        &mut self,
        at: Option<DateTime<Utc>>,
        also: impl FnOnce(Db<'_>, &Session) -> Result<T>,
    ) -> Result<(Session, T)> {
        let now = self.now();
        let at = at.unwrap_or(now);
        not_future(at, now, "stop", self.zone)?;
        self.store.write(|tx| {
            let mut running = sessions::running(tx)?.ok_or_else(nothing_running)?;
            let before = running.clone();
            if at <= running.start {
                let mut args = described(&running);
                args.push(("at", time::date_hhmm_in(running.zone, at)));
                return Err(Error::keyed(
                    ErrorKind::InvalidInput,
                    "capture-error-stop-not-after",
                    args,
                )
                .with_hint(Hint::LaterStop));
            }
            running.end = Some(at);
            sessions::update(tx, &running, now)?;
            let session = load(tx, running.id)?;
            let summary = format!("stopped {}", describe(&session));
            journal::record(tx, now, Verb::Stop, &summary, &[changed(&before, &session)])?;
            let extra = also(tx, &session)?;
            Ok((session, extra))
        })
    }

    /// Deletes the running session without recording it.
    pub fn cancel(&mut self) -> Result<Session> {
        let now = self.now();
        self.store.write(|tx| {
            let running = sessions::running(tx)?.ok_or_else(nothing_running)?;
            sessions::delete(tx, running.id)?;
            let summary = format!("cancelled {}", describe(&running));
            journal::record(tx, now, Verb::Cancel, &summary, &[deleted(&running)])?;
            Ok(running)
        })
    }

    /// Starts a new session with the project, tags and note of session `id`
    /// (default: the one that started last).
    pub fn resume(&mut self, id: Option<SessionId>, at: Option<DateTime<Utc>>) -> Result<Started> {
        let source = match id {
            Some(id) => self.session(id)?,
            None => sessions::latest(self.reader())?.ok_or_else(|| {
                Error::keyed(
                    ErrorKind::Conflict,
                    "capture-error-nothing-to-continue",
                    vec![],
                )
                .with_hint(Hint::StartSession)
            })?,
        };
        if source.is_running() {
            return Err(Error::keyed(
                ErrorKind::Conflict,
                "capture-error-still-running",
                described(&source),
            ));
        }
        // The stored names passed these checks when they were written.
        let said = format!("continued session {} as", source.id);
        let request = StartRequest {
            project: source.project.parse()?,
            tags: parse_tags(&source.tags)?,
            note: source.note,
            at,
        };
        self.start_as(request, Verb::Continue, &said)
    }

    /// Records a finished session.
    pub fn add(&mut self, new: NewSession) -> Result<Session> {
        let now = self.now();
        let end = new.end.ok_or_else(|| {
            Error::keyed(ErrorKind::InvalidInput, "capture-error-needs-end", vec![])
                .with_hint(Hint::GiveEnd)
        })?;
        let mut new = NewSession {
            note: normalize_note(new.note.as_deref()),
            ..new
        };
        new.tags.sort();
        new.tags.dedup();
        check_interval(new.start, Some(end), now, self.zone)?;
        self.store.write(|tx| {
            if let Some(other) = sessions::overlapping(tx, new.start, Some(end), None)? {
                return Err(overlap_error("new", &other));
            }
            let id = sessions::insert(tx, &new, now)?;
            let session = load(tx, id)?;
            let summary = format!("added {}", describe(&session));
            journal::record(tx, now, Verb::Add, &summary, &[created(&session)])?;
            Ok(session)
        })
    }

    /// Changes fields of session `id`; the result must not overlap another session.
    pub fn edit(&mut self, id: SessionId, edit: &SessionEdit) -> Result<Session> {
        if edit.is_empty() {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-nothing-to-change",
                vec![],
            )
            .with_hint(Hint::ChangeAField));
        }
        let (now, zone) = (self.now(), self.zone);
        self.store.write(|tx| {
            let mut session = load(tx, id)?;
            let before = session.clone();
            if let Some(project) = &edit.project {
                session.project = project.to_string();
            }
            session.start = edit.start.unwrap_or(session.start);
            session.end = edit.end.or(session.end);
            if let Some(note) = &edit.note {
                session.note = normalize_note(note.as_deref());
            }
            for tag in &edit.remove_tags {
                let before = session.tags.len();
                session.tags.retain(|t| t != tag.as_str());
                if session.tags.len() == before {
                    return Err(Error::keyed(
                        ErrorKind::InvalidInput,
                        "capture-error-no-such-tag",
                        vec![
                            ("id", id.to_string()),
                            ("tag", format!("{:?}", tag.as_str())),
                        ],
                    ));
                }
            }
            session
                .tags
                .extend(edit.add_tags.iter().map(ToString::to_string));
            session.tags.sort();
            session.tags.dedup();
            check_interval(session.start, session.end, now, zone)?;
            if let Some(other) = sessions::overlapping(tx, session.start, session.end, Some(id))? {
                return Err(overlap_error(&id.to_string(), &other));
            }
            sessions::update(tx, &session, now)?;
            let after = load(tx, id)?;
            let summary = format!("edited {}; it was {}", describe(&after), describe(&before));
            journal::record(tx, now, Verb::Edit, &summary, &[changed(&before, &after)])?;
            Ok(after)
        })
    }

    /// Deletes session `id` and returns what it was.
    pub fn remove(&mut self, id: SessionId) -> Result<Session> {
        let now = self.now();
        self.store.write(|tx| {
            let session = load(tx, id)?;
            sessions::delete(tx, id)?;
            let summary = format!("deleted {}", describe(&session));
            journal::record(tx, now, Verb::Rm, &summary, &[deleted(&session)])?;
            Ok(session)
        })
    }

    /// Deletes every session in `ids` in one transaction and ONE journal entry, so one
    /// `undo` brings them all back. An id that names no session refuses the whole
    /// request (nothing is deleted). Returns what they were, in the order given.
    pub fn remove_many(&mut self, ids: &[SessionId]) -> Result<Vec<Session>> {
        if ids.is_empty() {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-nothing-to-remove",
                vec![],
            ));
        }
        let now = self.now();
        self.store.write(|tx| {
            let mut removed = Vec::with_capacity(ids.len());
            for &id in ids {
                if removed.iter().any(|s: &Session| s.id == id) {
                    continue;
                }
                removed.push(load(tx, id)?);
            }
            for s in &removed {
                sessions::delete(tx, s.id)?;
            }
            let summary = match removed.as_slice() {
                [one] => format!("deleted {}", describe(one)),
                many => format!(
                    "deleted {} sessions: {}",
                    many.len(),
                    many.iter().map(describe).collect::<Vec<_>>().join("; ")
                ),
            };
            let changes: Vec<_> = removed.iter().map(deleted).collect();
            journal::record(tx, now, Verb::Rm, &summary, &changes)?;
            Ok(removed)
        })
    }

    /// The running session, if any.
    pub fn running(&self) -> Result<Option<Session>> {
        sessions::running(self.reader())
    }

    /// The session that started last, running or not.
    pub fn latest(&self) -> Result<Option<Session>> {
        sessions::latest(self.reader())
    }

    /// Session `id`, or a not-found error.
    pub fn session(&self, id: SessionId) -> Result<Session> {
        load(self.reader(), id)
    }

    /// Sessions sharing time with `span`, oldest first.
    pub fn sessions(&self, span: Span) -> Result<Vec<Session>> {
        sessions::in_span(self.reader(), span)
    }

    /// Streams the sessions sharing time with `span`, oldest first, into `f`, in flat
    /// memory. An error from `f` stops the stream and is returned as is.
    pub fn each_session(
        &self,
        span: Span,
        mut f: impl FnMut(&Session) -> Result<()>,
    ) -> Result<()> {
        sessions::each_in_span(self.reader(), span, &mut |s| f(&s).map(|()| true))
    }

    /// Streams the sessions sharing time with `span`, oldest first, in batches
    /// ([`SessionRows`]): `f` gets each full batch and hands back one to fill next, so
    /// a whole history goes through in flat memory with no allocation per session.
    pub fn each_session_batch(
        &self,
        span: Span,
        mut f: impl FnMut(SessionRows) -> Result<SessionRows>,
    ) -> Result<()> {
        batches::each_batch_in_span(self.reader(), span, &mut f)
    }

    /// Streams the lean rows (project, times, and tags when `tags`) of the sessions
    /// sharing time with `span`, oldest first: what reports and balances read.
    pub(crate) fn each_lean_session(
        &self,
        span: Span,
        tags: bool,
        mut f: impl FnMut(&LeanSession) -> Result<()>,
    ) -> Result<()> {
        sessions::each_lean_in_span(self.reader(), span, tags, &mut |s| f(&s).map(|()| true))
    }

    /// Projects with their totals.
    pub fn projects(&self) -> Result<Vec<ProjectSummary>> {
        sessions::project_summaries(self.reader(), self.now())
    }

    /// Tags in use with their totals.
    pub fn tags(&self) -> Result<Vec<TagSummary>> {
        sessions::tag_summaries(self.reader(), self.now())
    }
}
