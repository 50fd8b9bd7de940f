//! `Tracker`: the one API the CLI and the TUI call. It validates requests, runs
//! each change in one write transaction and returns plain data.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::model::{
    NewSession, ProjectSummary, Session, SessionEdit, SessionId, TagSummary, normalize_note,
    normalize_tags, validate_project,
};
use crate::store::sessions::{self, Columns};
use crate::store::{Store, db_error};
use crate::time::{self, Clock, range::Span};

/// What `start` (and `continue`) should record.
#[derive(Debug, Clone, Default)]
pub struct StartRequest {
    /// Project name.
    pub project: String,
    /// Tag names without `+`.
    pub tags: Vec<String>,
    /// Optional note.
    pub note: Option<String>,
    /// Start instant; `None` is now.
    pub at: Option<DateTime<Utc>>,
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

/// The tracker: a store plus the clock and zone every time is read against.
pub struct Tracker {
    pub(crate) store: Store,
    clock: Clock,
    zone: Tz,
    config: Config,
}

trait SqlResult<T> {
    fn db(self, path: &Path) -> Result<T>;
}

impl<T> SqlResult<T> for rusqlite::Result<T> {
    fn db(self, path: &Path) -> Result<T> {
        self.map_err(|e| db_error(path, &e))
    }
}

impl Tracker {
    /// Opens the database at `db` (created if missing).
    pub fn open(db: &Path, config: Config, clock: Clock, zone: Tz) -> Result<Self> {
        Ok(Tracker {
            store: Store::open(db)?,
            clock,
            zone,
            config,
        })
    }

    /// A tracker on a fresh in-memory database, for tests.
    pub fn in_memory(clock: Clock, zone: Tz) -> Result<Self> {
        Ok(Tracker {
            store: Store::open_in_memory()?,
            clock,
            zone,
            config: Config::default(),
        })
    }

    /// The current instant (from the injected clock).
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The user's zone.
    #[must_use]
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The loaded configuration.
    #[must_use]
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The database file.
    #[must_use]
    pub fn db_path(&self) -> &Path {
        self.store.path()
    }

    fn path(&self) -> PathBuf {
        self.store.path().to_path_buf()
    }

    /// Starts a session; a running one is stopped at the same instant first.
    pub fn start(&mut self, request: StartRequest) -> Result<Started> {
        let now = self.now();
        let at = request.at.unwrap_or(now);
        not_future(at, now, "start", self.zone)?;
        let new = NewSession {
            project: validate_project(&request.project)?,
            tags: normalize_tags(&request.tags)?,
            note: normalize_note(request.note.as_deref()),
            start: at,
            end: None,
            zone: self.zone,
        };
        let path = self.path();
        self.store.write(|tx| {
            let (mut stopped, mut dropped) = (None, None);
            if let Some(mut running) = sessions::running(tx).db(&path)? {
                if at < running.start {
                    return Err(Error::conflict(format!(
                        "{} started after {}; stop or cancel it first, or start later",
                        describe(&running),
                        time::date_hhmm_in(running.zone, at)
                    )));
                }
                if at == running.start {
                    // Zero seconds long: stopping it would break `end > start`, and it holds no time.
                    sessions::delete(tx, running.id).db(&path)?;
                    dropped = Some(running);
                } else {
                    running.end = Some(at);
                    sessions::update(tx, &running, now).db(&path)?;
                    stopped = Some(running);
                }
            }
            if let Some(other) = sessions::overlapping(tx, at, None, None).db(&path)? {
                return Err(overlap_error("the new session", &other));
            }
            let id = sessions::insert(tx, &new, now).db(&path)?;
            let session = load(tx, id, &path)?;
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
        also: impl FnOnce(&rusqlite::Transaction<'_>, &Session) -> Result<T>,
    ) -> Result<(Session, T)> {
        let now = self.now();
        let at = at.unwrap_or(now);
        not_future(at, now, "stop", self.zone)?;
        let path = self.path();
        self.store.write(|tx| {
            let mut running = sessions::running(tx)
                .db(&path)?
                .ok_or_else(nothing_running)?;
            if at <= running.start {
                return Err(Error::invalid(format!(
                    "the stop time {} is not after the start of {}; give a later --at",
                    time::date_hhmm_in(running.zone, at),
                    describe(&running)
                )));
            }
            running.end = Some(at);
            sessions::update(tx, &running, now).db(&path)?;
            let session = load(tx, running.id, &path)?;
            let extra = also(tx, &session)?;
            Ok((session, extra))
        })
    }

    /// Deletes the running session without recording it.
    pub fn cancel(&mut self) -> Result<Session> {
        let path = self.path();
        self.store.write(|tx| {
            let running = sessions::running(tx)
                .db(&path)?
                .ok_or_else(nothing_running)?;
            sessions::delete(tx, running.id).db(&path)?;
            Ok(running)
        })
    }

    /// Starts a new session with the project, tags and note of session `id`
    /// (default: the one that started last).
    pub fn resume(&mut self, id: Option<SessionId>, at: Option<DateTime<Utc>>) -> Result<Started> {
        let path = self.path();
        let source = match id {
            Some(id) => self.session(id)?,
            None => sessions::latest(self.store.reader())
                .db(&path)?
                .ok_or_else(|| {
                    Error::conflict(
                        "there is no session to continue yet; start one with `otium start PROJECT`",
                    )
                })?,
        };
        if source.is_running() {
            return Err(Error::conflict(format!(
                "{} is still running; nothing to continue",
                describe(&source)
            )));
        }
        self.start(StartRequest {
            project: source.project,
            tags: source.tags,
            note: source.note,
            at,
        })
    }

    /// Records a finished session.
    pub fn add(&mut self, new: NewSession) -> Result<Session> {
        let now = self.now();
        let end = new
            .end
            .ok_or_else(|| Error::invalid("a past session needs an end; give --to or --for"))?;
        let new = NewSession {
            project: validate_project(&new.project)?,
            tags: normalize_tags(&new.tags)?,
            note: normalize_note(new.note.as_deref()),
            ..new
        };
        check_interval(new.start, Some(end), now, self.zone)?;
        let path = self.path();
        self.store.write(|tx| {
            if let Some(other) = sessions::overlapping(tx, new.start, Some(end), None).db(&path)? {
                return Err(overlap_error("the new session", &other));
            }
            let id = sessions::insert(tx, &new, now).db(&path)?;
            load(tx, id, &path)
        })
    }

    /// The schema upgrade that opening the database made, if any: the caller tells
    /// the user where the file as it was is kept.
    #[must_use]
    pub fn upgraded(&self) -> Option<&crate::store::Upgrade> {
        self.store.upgraded()
    }

    /// Puts back a session that was deleted, with its id and uuid, under the checks
    /// `add` makes (a running one only if nothing else runs). The TUI's undo uses it.
    pub fn restore(&mut self, session: &Session) -> Result<Session> {
        let now = self.now();
        check_interval(session.start, session.end, now, self.zone)?;
        let path = self.path();
        self.store.write(|tx| {
            let overlap = sessions::overlapping(tx, session.start, session.end, None).db(&path)?;
            if let Some(other) = overlap {
                return Err(overlap_error(&format!("session {}", session.id), &other));
            }
            sessions::insert_restored(tx, session, now).db(&path)?;
            load(tx, session.id, &path)
        })
    }

    /// Changes fields of session `id`; the result must not overlap another session.
    pub fn edit(&mut self, id: SessionId, edit: &SessionEdit) -> Result<Session> {
        if edit.is_empty() {
            return Err(Error::invalid(
                "nothing to change; give --project, --from, --to, --note, --add-tag or --rm-tag",
            ));
        }
        let (now, zone) = (self.now(), self.zone);
        let path = self.path();
        let add_tags = normalize_tags(&edit.add_tags)?;
        let project = edit.project.as_deref().map(validate_project).transpose()?;
        self.store.write(|tx| {
            let mut session = load(tx, id, &path)?;
            if let Some(project) = project {
                session.project = project;
            }
            session.start = edit.start.unwrap_or(session.start);
            session.end = edit.end.or(session.end);
            if let Some(note) = &edit.note {
                session.note = normalize_note(note.as_deref());
            }
            for tag in &edit.remove_tags {
                let before = session.tags.len();
                session.tags.retain(|t| t != tag.trim_start_matches('+'));
                if session.tags.len() == before {
                    return Err(Error::invalid(format!(
                        "session {id} has no tag {tag:?}; nothing removed"
                    )));
                }
            }
            session.tags.extend(add_tags.iter().cloned());
            session.tags = normalize_tags(&session.tags)?;
            check_interval(session.start, session.end, now, zone)?;
            if let Some(other) =
                sessions::overlapping(tx, session.start, session.end, Some(id)).db(&path)?
            {
                return Err(overlap_error(&format!("session {id}"), &other));
            }
            sessions::update(tx, &session, now).db(&path)?;
            load(tx, id, &path)
        })
    }

    /// Deletes session `id` and returns what it was.
    pub fn remove(&mut self, id: SessionId) -> Result<Session> {
        let path = self.path();
        self.store.write(|tx| {
            let session = load(tx, id, &path)?;
            sessions::delete(tx, id).db(&path)?;
            Ok(session)
        })
    }

    /// Changes whenever another process commits to the database (one cheap read).
    pub fn data_version(&self) -> Result<i64> {
        self.store.data_version()
    }

    /// The running session, if any.
    pub fn running(&self) -> Result<Option<Session>> {
        sessions::running(self.store.reader()).db(self.store.path())
    }

    /// The session that started last, running or not.
    pub fn latest(&self) -> Result<Option<Session>> {
        sessions::latest(self.store.reader()).db(self.store.path())
    }

    /// Session `id`, or a not-found error.
    pub fn session(&self, id: SessionId) -> Result<Session> {
        load(self.store.reader(), id, self.store.path())
    }

    /// Sessions sharing time with `span`, oldest first.
    pub fn sessions(&self, span: Span) -> Result<Vec<Session>> {
        sessions::in_span(self.store.reader(), span).db(self.store.path())
    }

    /// Streams the sessions sharing time with `span`, oldest first, into `f`.
    /// An error from `f` stops the stream and is returned as is.
    pub fn each_session(&self, span: Span, f: impl FnMut(&Session) -> Result<()>) -> Result<()> {
        self.each_session_with(span, Columns::Full, f)
    }

    /// Like [`Tracker::each_session`], reading only `columns` (reports use `Lean`).
    pub fn each_session_with(
        &self,
        span: Span,
        columns: Columns,
        mut f: impl FnMut(&Session) -> Result<()>,
    ) -> Result<()> {
        let mut failure = None;
        sessions::each_in_span(self.store.reader(), span, columns, &mut |s| match f(&s) {
            Ok(()) => Ok(true),
            Err(e) => {
                failure = Some(e);
                Ok(false)
            }
        })
        .db(self.store.path())?;
        failure.map_or(Ok(()), Err)
    }

    /// Projects with their totals.
    pub fn projects(&self) -> Result<Vec<ProjectSummary>> {
        sessions::project_summaries(self.store.reader(), self.now()).db(self.store.path())
    }

    /// Tags in use with their totals.
    pub fn tags(&self) -> Result<Vec<TagSummary>> {
        sessions::tag_summaries(self.store.reader(), self.now()).db(self.store.path())
    }
}

fn load(conn: &rusqlite::Connection, id: SessionId, path: &Path) -> Result<Session> {
    sessions::by_id(conn, id).db(path)?.ok_or_else(|| {
        Error::not_found(format!(
            "no session with id {id}; `otium log --all` lists the ids"
        ))
    })
}

fn nothing_running() -> Error {
    Error::conflict("nothing is running; start a session with `otium start PROJECT`")
}

/// A time must lie between 1970 (as imports require; an earlier one is a mistyped
/// year, `0026-03-02`) and now.
pub(crate) fn not_future(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    what: &str,
    zone: Tz,
) -> Result<()> {
    if at.timestamp() < 0 {
        return Err(Error::invalid(format!(
            "the {what} time {} is before 1970; check the year",
            time::date_hhmm_in(zone, at)
        )));
    }
    if at > now {
        return Err(Error::invalid(format!(
            "the {what} time {} is in the future (now is {} {}); give a time up to now",
            time::date_hhmm_in(zone, at),
            time::date_hhmm_in(zone, now),
            zone.name()
        )));
    }
    Ok(())
}

fn check_interval(
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<()> {
    not_future(start, now, "start", zone)?;
    if let Some(end) = end {
        not_future(end, now, "end", zone)?;
        if end <= start {
            let what = if end == start {
                "is zero-length"
            } else {
                "ends before it starts"
            };
            return Err(Error::invalid(format!(
                "the session {what} ({} to {} {}); give an end after the start",
                time::date_hhmm_in(zone, start),
                time::date_hhmm_in(zone, end),
                zone.name()
            )));
        }
    }
    Ok(())
}

/// `session 7 (coding, 2026-03-02 09:00–10:30 Europe/Berlin)`; the end carries its
/// date when it falls on another local day (`2026-03-02 22:00–2026-03-03 01:00`).
#[must_use]
pub fn describe(s: &Session) -> String {
    let end = s.end.map_or_else(
        || "now".to_string(),
        |e| {
            if time::local_date(s.zone, e) == time::local_date(s.zone, s.start) {
                time::hhmm_in(s.zone, e)
            } else {
                time::date_hhmm_in(s.zone, e)
            }
        },
    );
    format!(
        "session {} ({}, {}–{} {})",
        s.id,
        s.project,
        time::date_hhmm_in(s.zone, s.start),
        end,
        s.zone.name()
    )
}

fn overlap_error(what: &str, other: &Session) -> Error {
    Error::conflict(format!(
        "{what} would overlap {}; choose other times or edit session {} first",
        describe(other),
        other.id
    ))
}
