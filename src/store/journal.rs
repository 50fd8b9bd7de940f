//! The change journal's rows (`journal`, `journal_changes`; see migration
//! `004_journal.sql`): record a change with its sessions before and after, read the
//! undo stack, mark entries undone or redone. Sessions are named by UUID and stored as
//! JSON objects of their fields, which is what a sync record carries too. The sessions
//! an import creates are copied as typed rows into `journal_created` instead (migration
//! `009_journal_created.sql`, [`add_created`]); [`changes`] reads both tables as one
//! list in `seq` order, so undo, redo and sync see the same changes either way.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::Db;
use crate::error::{Error, Result};
use crate::model::{Session, SessionId};
use crate::time::{from_unix, zone_named};

type Sql<T> = rusqlite::Result<T>;

/// What kind of change an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verb {
    /// `start`.
    Start,
    /// `stop`.
    Stop,
    /// `add`.
    Add,
    /// `edit`.
    Edit,
    /// `rm`.
    Rm,
    /// `cancel`.
    Cancel,
    /// `continue`.
    Continue,
    /// `import` (one entry for the whole file).
    Import,
}

impl Verb {
    /// The name stored and shown.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Start => "start",
            Verb::Stop => "stop",
            Verb::Add => "add",
            Verb::Edit => "edit",
            Verb::Rm => "rm",
            Verb::Cancel => "cancel",
            Verb::Continue => "continue",
            Verb::Import => "import",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            Verb::Start,
            Verb::Stop,
            Verb::Add,
            Verb::Edit,
            Verb::Rm,
            Verb::Cancel,
            Verb::Continue,
            Verb::Import,
        ]
        .into_iter()
        .find(|v| v.as_str() == text)
    }
}

/// Where an entry is on the undo stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryState {
    /// In effect: `undo` can take it back.
    Done,
    /// Undone: `redo` can apply it again.
    Undone,
}

/// One change on the undo stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// Its number in the journal.
    pub id: i64,
    /// When the change was made.
    pub at: DateTime<Utc>,
    /// What kind of change.
    pub verb: Verb,
    /// What it did, in words (`started session 4 (coding, …)`).
    pub summary: String,
    /// Done or undone.
    pub state: EntryState,
    /// How many sessions it touched.
    pub sessions: usize,
}

/// What one change did to one session: `None` on a side means it did not exist.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The session's UUID, its identity.
    pub uuid: String,
    /// The session before the change.
    pub before: Option<Session>,
    /// The session after it.
    pub after: Option<Session>,
}

/// A session's fields as the journal stores them (the sync record's `fields`).
#[derive(Debug, Serialize, Deserialize)]
struct Fields {
    id: i64,
    project: String,
    tags: Vec<String>,
    note: Option<String>,
    start: i64,
    end: Option<i64>,
    zone: String,
}

/// The JSON a session is stored as in `journal_changes`.
#[must_use]
pub fn fields_json(s: &Session) -> String {
    let fields = Fields {
        id: s.id.get(),
        project: s.project.clone(),
        tags: s.tags.clone(),
        note: s.note.clone(),
        start: s.start.timestamp(),
        end: s.end.map(|e| e.timestamp()),
        zone: s.zone.name().to_string(),
    };
    // A struct of strings and integers always serializes.
    serde_json::to_string(&fields).unwrap_or_default()
}

fn session_from_json(uuid: &str, json: &str) -> Result<Session> {
    let broken = |why: String| {
        Error::database(format!(
            "the journal entry of session {uuid} cannot be read ({why}); run `otium doctor`"
        ))
    };
    let f: Fields = serde_json::from_str(json).map_err(|e| broken(e.to_string()))?;
    let zone = zone_named(&f.zone).ok_or_else(|| broken(format!("unknown zone {}", f.zone)))?;
    Ok(Session {
        id: SessionId::new(f.id),
        uuid: uuid.to_string(),
        project: f.project,
        tags: f.tags,
        note: f.note,
        start: from_unix(f.start),
        end: f.end.map(from_unix),
        zone,
    })
}

/// Records a change made at `at` with what it did to each session, in the caller's
/// transaction, and clears the redo stack (entries undone before it can no longer be
/// redone). Returns the entry's id.
pub fn record(
    db: Db<'_>,
    at: DateTime<Utc>,
    verb: Verb,
    summary: &str,
    changes: &[Change],
) -> Result<i64> {
    clear_redo(db)?;
    let id = begin(db, at, verb, summary)?;
    for (seq, c) in changes.iter().enumerate() {
        let json = |s: &Option<Session>| s.as_ref().map(fields_json);
        add_change(
            db,
            id,
            seq,
            &c.uuid,
            json(&c.before).as_deref(),
            json(&c.after).as_deref(),
        )?;
    }
    Ok(id)
}

/// Clears the redo stack: a new change was made, so what was undone before it can no
/// longer be redone.
pub fn clear_redo(db: Db<'_>) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "UPDATE journal SET state = 'dropped' WHERE state = 'undone'",
            [],
        )
        .map(drop)
    })
}

/// Starts an entry whose changes are added one by one (an import; call
/// [`clear_redo`] too once it wrote something). Returns the entry's id.
pub fn begin(db: Db<'_>, at: DateTime<Utc>, verb: Verb, summary: &str) -> Result<i64> {
    db.sql(|conn| {
        conn.query_row(
            "INSERT INTO journal (at_utc, verb, summary, state) VALUES (?1, ?2, ?3, 'done') RETURNING id",
            params![at.timestamp(), verb.as_str(), summary],
            |r| r.get(0),
        )
    })
}

/// Adds change number `seq` of entry `id`, with both sides already as JSON.
pub fn add_change(
    db: Db<'_>,
    id: i64,
    seq: usize,
    uuid: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<()> {
    db.sql(|conn| {
        conn.prepare_cached(
            "INSERT INTO journal_changes (entry_id, seq, session_uuid, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            i64::try_from(seq).unwrap_or(i64::MAX),
            uuid,
            before,
            after
        ])
        .map(drop)
    })
}

/// Replaces the summary of entry `id` (an import knows its count only at the end).
pub fn set_summary(db: Db<'_>, id: i64, summary: &str) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "UPDATE journal SET summary = ?2 WHERE id = ?1",
            params![id, summary],
        )
        .map(drop)
    })
}

/// Copies sessions `first_id ..= first_id + count - 1`, which change numbers
/// `first_seq ..` of entry `id` created, as they are now stored, into `journal_created`:
/// one statement for a whole run of an import's inserts, where a row of JSON each took
/// twice the space and a statement per session.
pub fn add_created(
    db: Db<'_>,
    id: i64,
    first_seq: usize,
    first_id: i64,
    count: usize,
) -> Result<()> {
    let first_seq = i64::try_from(first_seq).unwrap_or(i64::MAX);
    let last_id = first_id.saturating_add(i64::try_from(count).unwrap_or(i64::MAX) - 1);
    db.sql(|conn| {
        conn.prepare_cached(
            "INSERT INTO journal_created
                 (entry_id, seq, session_id, uuid, project_id, start_utc, end_utc, zone, note, tags)
             SELECT ?1, ?2 + (s.id - ?3), s.id, s.uuid, s.project_id, s.start_utc, s.end_utc,
                    s.zone, s.note,
                    (SELECT group_concat(st.tag_id) FROM session_tags st
                     WHERE st.session_id = s.id)
             FROM sessions s WHERE s.id BETWEEN ?3 AND ?4 ORDER BY s.id",
        )?
        .execute(params![id, first_seq, first_id, last_id])
        .map(drop)
    })
}

const ENTRY: &str = "SELECT j.id, j.at_utc, j.verb, j.summary, j.state,
    (SELECT count(*) FROM journal_changes c WHERE c.entry_id = j.id)
    + (SELECT count(*) FROM journal_created c WHERE c.entry_id = j.id) FROM journal j";

fn entry_row(r: &Row<'_>) -> Sql<JournalEntry> {
    let verb: String = r.get(2)?;
    let state: String = r.get(4)?;
    Ok(JournalEntry {
        id: r.get(0)?,
        at: from_unix(r.get(1)?),
        verb: Verb::parse(&verb).unwrap_or(Verb::Edit),
        summary: r.get(3)?,
        state: if state == "undone" {
            EntryState::Undone
        } else {
            EntryState::Done
        },
        sessions: r.get::<_, i64>(5)?.try_into().unwrap_or(0),
    })
}

/// The newest change still in effect: what `undo` takes back.
pub fn last_done(db: Db<'_>) -> Result<Option<JournalEntry>> {
    db.sql(|conn| {
        conn.query_row(
            &format!("{ENTRY} WHERE j.state = 'done' ORDER BY j.id DESC LIMIT 1"),
            [],
            entry_row,
        )
        .optional()
    })
}

/// The oldest undone change: what `redo` applies again (undone entries are always the
/// newest ones, since a new change drops them).
pub fn first_undone(db: Db<'_>) -> Result<Option<JournalEntry>> {
    db.sql(|conn| {
        conn.query_row(
            &format!("{ENTRY} WHERE j.state = 'undone' ORDER BY j.id LIMIT 1"),
            [],
            entry_row,
        )
        .optional()
    })
}

/// The undo stack, newest first, at most `limit` entries.
pub fn list(db: Db<'_>, limit: usize) -> Result<Vec<JournalEntry>> {
    db.sql(|conn| {
        conn.prepare(&format!(
            "{ENTRY} WHERE j.state IN ('done', 'undone') ORDER BY j.id DESC LIMIT ?1"
        ))?
        .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], entry_row)?
        .collect()
    })
}

/// One row of [`changes`]: a `journal_changes` row (the JSON sides) or a
/// `journal_created` row (the created session's columns).
enum ChangeRow {
    Json(String, Option<String>, Option<String>),
    Created(Session),
}

/// The changes of entry `id`, in the order they were made (both tables, by `seq`).
pub fn changes(db: Db<'_>, id: i64) -> Result<Vec<Change>> {
    let rows: Vec<ChangeRow> = db.sql(|conn| {
        // Tags are never renamed or deleted: `journal_created` names them by id.
        let tags: HashMap<i64, String> = conn
            .prepare("SELECT id, name FROM tags")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Sql<_>>()?;
        conn.prepare(
            "SELECT seq, session_uuid, before, after, NULL, NULL, NULL, NULL, NULL, NULL, NULL
             FROM journal_changes WHERE entry_id = ?1
             UNION ALL
             SELECT c.seq, c.uuid, NULL, NULL, c.session_id, p.name, c.start_utc, c.end_utc,
                    c.zone, c.note, c.tags
             FROM journal_created c JOIN projects p ON p.id = c.project_id WHERE c.entry_id = ?1
             ORDER BY 1",
        )?
        .query_map([id], |r| change_row(r, &tags))?
        .collect()
    })?;
    rows.into_iter()
        .map(|row| match row {
            ChangeRow::Created(s) => Ok(Change {
                uuid: s.uuid.clone(),
                before: None,
                after: Some(s),
            }),
            ChangeRow::Json(uuid, before, after) => {
                let side =
                    |json: Option<String>| json.map(|j| session_from_json(&uuid, &j)).transpose();
                Ok(Change {
                    before: side(before)?,
                    after: side(after)?,
                    uuid,
                })
            }
        })
        .collect()
}

fn change_row(r: &Row<'_>, names: &HashMap<i64, String>) -> Sql<ChangeRow> {
    let uuid: String = r.get(1)?;
    let Some(session) = r.get::<_, Option<i64>>(4)? else {
        return Ok(ChangeRow::Json(uuid, r.get(2)?, r.get(3)?));
    };
    let zone: String = r.get(8)?;
    let zone = zone_named(&zone).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            8,
            rusqlite::types::Type::Text,
            format!("the journal entry of session {uuid} names the unknown zone {zone}").into(),
        )
    })?;
    let ids: Option<String> = r.get(10)?;
    let mut tags = Vec::new();
    for id in ids.iter().flat_map(|ids| ids.split(',')) {
        let name = id.parse::<i64>().ok().and_then(|id| names.get(&id));
        let Some(name) = name else {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                10,
                rusqlite::types::Type::Text,
                format!("the journal entry of session {uuid} names the unknown tag {id}").into(),
            ));
        };
        tags.push(name.clone());
    }
    tags.sort();
    Ok(ChangeRow::Created(Session {
        id: SessionId::new(session),
        uuid,
        project: r.get(5)?,
        tags,
        note: r.get(9)?,
        start: from_unix(r.get(6)?),
        end: r.get::<_, Option<i64>>(7)?.map(from_unix),
        zone,
    }))
}

/// Marks entry `id` undone (`undone = true`) or done again, and records the undo or
/// redo itself at `at`.
pub fn mark(db: Db<'_>, id: i64, undone: bool, at: DateTime<Utc>, summary: &str) -> Result<()> {
    let (state, verb) = if undone {
        ("undone", "undo")
    } else {
        ("done", "redo")
    };
    db.sql(|conn| {
        conn.execute(
            "UPDATE journal SET state = ?2 WHERE id = ?1",
            params![id, state],
        )?;
        conn.execute(
            "INSERT INTO journal (at_utc, verb, summary, target) VALUES (?1, ?2, ?3, ?4)",
            params![at.timestamp(), verb, summary, id],
        )
        .map(drop)
    })
}

/// The session with `uuid`, if stored.
pub fn session_by_uuid(db: Db<'_>, uuid: &str) -> Result<Option<SessionId>> {
    db.sql(|conn| {
        conn.prepare_cached("SELECT id FROM sessions WHERE uuid = ?1")?
            .query_row([uuid], |r| r.get(0))
            .optional()
    })
}
