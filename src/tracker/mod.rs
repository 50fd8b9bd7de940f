//! `Tracker`: the one API the CLI and the TUI call. It validates requests, runs
//! each change in one write transaction and returns plain data. Every `impl Tracker`
//! block lives in this folder, one file per concern:
//!
//! - `sessions.rs`: start, stop, cancel, continue, add, edit, remove (each journaled),
//!   and the session reads;
//! - `output.rs`: output units and output records;
//! - `report.rs`: whole reports ([`Tracker::report`]) for both faces;
//! - `work.rs`: work intervals, targets, the balance and limit alerts of a week
//!   ([`Tracker::week_status`]);
//! - `dividend.rs`: the leisure dividend;
//! - `import.rs`: the import engine (one transaction per file);
//! - `journal.rs`: the change journal, undo and redo;
//! - `reminders.rs`: breaks, the day's limit, nothing running; what was told;
//! - `away.rs`: away time the TUI saw (sleep, idle) and its answers (keep, cut, stop);
//! - `maintenance.rs`: `doctor` and `backup`.
//!
//! `store` is reachable only from here: the faces never see SQL or rusqlite.

pub mod away;
pub mod dividend;
pub mod document;
mod import;
pub mod journal;
mod journal_words;
pub use journal_words::described_in;
mod maintenance;
pub mod output;
mod rates;
pub mod reminders;
pub mod report;
mod sessions;
pub mod sync;
pub mod work;

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::model::{Session, SessionId};
use crate::store::{Db, Store};
use crate::time::{self, Clock};

pub use maintenance::{Check, CheckStatus, DoctorReport};
pub use report::{Charts, ReportRequest};
pub use sessions::{StartRequest, Started};
pub use work::WeekStatus;

/// A schema upgrade opening the database made: where the file as it was is kept.
pub use crate::store::Upgrade;

/// The schema version this otium writes (`PRAGMA user_version`).
pub use crate::store::schema::LATEST_VERSION as SCHEMA_VERSION;

/// The tracker: a store plus the clock and zone every time is read against.
pub struct Tracker {
    store: Store,
    clock: Clock,
    zone: Tz,
    config: Config,
    /// The sync folder's stamp at the last automatic look (see `sync/auto.rs`).
    sync_seen: Option<String>,
}

impl Tracker {
    /// Opens the database at `db` (created if missing).
    pub fn open(db: &Path, config: Config, clock: Clock, zone: Tz) -> Result<Self> {
        Ok(Tracker {
            store: Store::open(db)?,
            clock,
            zone,
            config,
            sync_seen: None,
        })
    }

    /// A tracker on a fresh in-memory database, for tests.
    pub fn in_memory(clock: Clock, zone: Tz) -> Result<Self> {
        Ok(Tracker {
            store: Store::open_in_memory()?,
            clock,
            zone,
            config: Config::default(),
            sync_seen: None,
        })
    }

    /// The current instant (from the injected clock).
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The clock the tracker reads (the TUI's event loop reads the same one).
    #[must_use]
    pub fn clock(&self) -> Clock {
        self.clock
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

    /// The schema upgrade that opening the database made, if any: the caller tells
    /// the user where the file as it was is kept.
    #[must_use]
    pub fn upgraded(&self) -> Option<&Upgrade> {
        self.store.upgraded()
    }

    /// Whether opening created the database file: there was none at its path.
    #[must_use]
    pub fn created_database(&self) -> bool {
        self.store.created()
    }

    /// Changes whenever another process commits to the database (one cheap read).
    pub fn data_version(&self) -> Result<i64> {
        self.store.data_version()
    }

    /// Whether this tracker's connection is outside any transaction (the TUI must
    /// not hold a read open between frames, or WAL checkpoints starve).
    #[must_use]
    pub fn is_idle(&self) -> bool {
        self.store.is_autocommit()
    }

    fn reader(&self) -> Db<'_> {
        self.store.reader()
    }
}

fn load(db: Db<'_>, id: SessionId) -> Result<Session> {
    crate::store::sessions::by_id(db, id)?.ok_or_else(|| {
        Error::keyed(
            ErrorKind::NotFound,
            "capture-error-no-session",
            vec![("id", id.to_string())],
        )
        .with_hint(Hint::ListSessions)
    })
}

fn nothing_running() -> Error {
    Error::keyed(ErrorKind::Conflict, "error-nothing-running", vec![]).with_hint(Hint::StartSession)
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
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-before-1970",
            vec![
                ("what", what.to_string()),
                ("at", time::date_hhmm_in(zone, at)),
            ],
        ));
    }
    if at > now {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-future",
            vec![
                ("what", what.to_string()),
                ("at", time::date_hhmm_in(zone, at)),
                ("now", time::date_hhmm_in(zone, now)),
                ("zone", zone.name().to_string()),
            ],
        ));
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
            let what = if end == start { "zero" } else { "backwards" };
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-end-not-after-start",
                vec![
                    ("what", what.to_string()),
                    ("start", time::date_hhmm_in(zone, start)),
                    ("end", time::date_hhmm_in(zone, end)),
                    ("zone", zone.name().to_string()),
                ],
            ));
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

/// The catalogue arguments that say session `s` as [`describe`] does: `id`,
/// `project`, `from`, `to` (`now` while it runs) and `zone`, so a message in any
/// language names the session with the same facts.
pub fn described(s: &Session) -> Vec<(&'static str, String)> {
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
    vec![
        ("id", s.id.to_string()),
        ("project", s.project.clone()),
        ("from", time::date_hhmm_in(s.zone, s.start)),
        ("to", end),
        ("zone", s.zone.name().to_string()),
    ]
}

/// `what` would overlap `other`. `what` is `new` (the new session), `rest` (the
/// rest of a session cut around away time) or a session id.
fn overlap_error(what: &str, other: &Session) -> Error {
    let mut args = described(other);
    args.push(("what", what.to_string()));
    Error::keyed(ErrorKind::Conflict, "capture-error-overlap", args)
}
