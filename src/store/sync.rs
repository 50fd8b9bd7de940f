//! The sync tables (migration `007_sync.sql`): this device's identity, the merge state
//! of each session (winning stamp and value per field, tombstones), the outbox of
//! records not yet written, the segments already applied, the other devices' progress
//! and the conflicts found.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};

use super::Db;
use super::sessions::{project_id, set_tags};
use crate::error::Result;
use crate::model::{Session, SessionId};
use crate::sync::hlc::Hlc;
use crate::sync::merge::Doc;
use crate::sync::record::{Field, Stamp};

/// This device, as `sync init` made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// Its UUID (its folder's name).
    pub device: String,
    /// Its name.
    pub name: String,
    /// The sync folder.
    pub dir: String,
    /// The last sequence number it handed out.
    pub seq: u64,
    /// The largest clock stamp made or seen.
    pub hlc: Hlc,
    /// The last journal entry already turned into records.
    pub exported: i64,
}

/// This device, if `sync init` ran.
pub fn device(db: Db<'_>) -> Result<Option<Device>> {
    let row: Option<(String, String, String, i64, String, i64)> = db.sql(|conn| {
        conn.query_row(
            "SELECT device, name, dir, seq, hlc, exported FROM sync_device WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()
    })?;
    Ok(row.map(|(device, name, dir, seq, hlc, exported)| Device {
        device,
        name,
        dir,
        seq: u64::try_from(seq).unwrap_or(0),
        hlc: hlc.parse().unwrap_or_default(),
        exported,
    }))
}

/// Stores this device (replacing an earlier `sync init`).
pub fn set_device(db: Db<'_>, d: &Device) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "INSERT OR REPLACE INTO sync_device (id, device, name, dir, seq, hlc, exported)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                d.device,
                d.name,
                d.dir,
                i64::try_from(d.seq).unwrap_or(i64::MAX),
                d.hlc.to_string(),
                d.exported
            ],
        )
        .map(drop)
    })
}

/// The last journal entry's id (0 for an empty journal).
pub fn last_journal_id(db: Db<'_>) -> Result<i64> {
    db.sql(|conn| conn.query_row("SELECT coalesce(max(id), 0) FROM journal", [], |r| r.get(0)))
}

/// A journal entry as sync reads it: `(id, at, verb, target)`.
pub type JournalRow = (i64, i64, String, Option<i64>);

/// Journal entries after `after`, in order.
pub fn journal_after(db: Db<'_>, after: i64) -> Result<Vec<JournalRow>> {
    db.sql(|conn| {
        conn.prepare("SELECT id, at_utc, verb, target FROM journal WHERE id > ?1 ORDER BY id")?
            .query_map([after], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect()
    })
}

/// The merge state of session `uuid` (empty if never seen).
pub fn doc(db: Db<'_>, uuid: &str) -> Result<Doc> {
    let rows: Vec<(String, String, String, String)> = db.sql(|conn| {
        conn.prepare_cached("SELECT field, hlc, device, value FROM sync_fields WHERE uuid = ?1")?
            .query_map([uuid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect()
    })?;
    let tomb: Option<(String, String)> = db.sql(|conn| {
        conn.prepare_cached("SELECT hlc, device FROM sync_tombstones WHERE uuid = ?1")?
            .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
    })?;
    let stamp = |hlc: &str, device: String| Stamp {
        hlc: hlc.parse().unwrap_or_default(),
        device,
    };
    let mut fields = BTreeMap::new();
    for (field, hlc, device, value) in rows {
        if let (Some(f), Ok(v)) = (Field::parse(&field), serde_json::from_str(&value)) {
            fields.insert(f, (stamp(&hlc, device), v));
        }
    }
    Ok(Doc {
        fields,
        tombstone: tomb.map(|(h, d)| stamp(&h, d)),
    })
}

/// Stores the merge state of session `uuid`.
pub fn set_doc(db: Db<'_>, uuid: &str, doc: &Doc) -> Result<()> {
    db.sql(|conn| {
        for (field, (stamp, value)) in &doc.fields {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO sync_fields (uuid, field, hlc, device, value)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                uuid,
                field.as_str(),
                stamp.hlc.to_string(),
                stamp.device,
                value.to_string()
            ])?;
        }
        if let Some(t) = &doc.tombstone {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO sync_tombstones (uuid, hlc, device) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![uuid, t.hlc.to_string(), t.device])?;
        }
        Ok(())
    })
}

/// Queues a record line with sequence number `seq`.
pub fn push_outbox(db: Db<'_>, seq: u64, line: &str) -> Result<()> {
    db.sql(|conn| {
        conn.prepare_cached("INSERT OR REPLACE INTO sync_outbox (seq, line) VALUES (?1, ?2)")?
            .execute(params![i64::try_from(seq).unwrap_or(i64::MAX), line])
            .map(drop)
    })
}

/// The queued record lines, in sequence order.
pub fn outbox(db: Db<'_>) -> Result<Vec<(u64, String)>> {
    db.sql(|conn| {
        conn.prepare("SELECT seq, line FROM sync_outbox ORDER BY seq")?
            .query_map([], |r| {
                Ok((u64::try_from(r.get::<_, i64>(0)?).unwrap_or(0), r.get(1)?))
            })?
            .collect()
    })
}

/// Whether records wait in the outbox (one indexed read, for the automatic check).
pub fn has_outbox(db: Db<'_>) -> Result<bool> {
    db.sql(|conn| {
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sync_outbox)", [], |r| {
            r.get(0)
        })
    })
}

/// Drops queued records up to `seq` (written as a segment).
pub fn clear_outbox(db: Db<'_>, seq: u64) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "DELETE FROM sync_outbox WHERE seq <= ?1",
            [i64::try_from(seq).unwrap_or(i64::MAX)],
        )
        .map(drop)
    })
}

/// The segments already applied, as `device/name`.
pub fn applied_segments(db: Db<'_>) -> Result<std::collections::HashSet<String>> {
    db.sql(|conn| {
        conn.prepare("SELECT device || '/' || name FROM sync_segments")?
            .query_map([], |r| r.get(0))?
            .collect()
    })
}

/// Marks a segment applied.
pub fn mark_segment(db: Db<'_>, device: &str, name: &str) -> Result<()> {
    db.sql(|conn| {
        conn.prepare_cached("INSERT OR IGNORE INTO sync_segments (device, name) VALUES (?1, ?2)")?
            .execute([device, name])
            .map(drop)
    })
}

/// What was applied from another device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    /// Its UUID.
    pub device: String,
    /// Records applied.
    pub records: u64,
    /// The largest sequence number applied.
    pub last_seq: u64,
    /// The largest clock stamp applied.
    pub last_hlc: Hlc,
}

/// Adds `records` applied records of `device`, up to `last_seq` and `last_hlc`.
pub fn note_peer(db: Db<'_>, p: &Peer) -> Result<()> {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    db.sql(|conn| {
        conn.execute(
            "INSERT INTO sync_peers (device, records, last_seq, last_hlc) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (device) DO UPDATE SET records = records + ?2,
                 last_seq = max(last_seq, ?3), last_hlc = max(last_hlc, ?4)",
            params![
                p.device,
                n(p.records),
                n(p.last_seq),
                p.last_hlc.to_string()
            ],
        )
        .map(drop)
    })
}

/// Every other device's progress.
pub fn peers(db: Db<'_>) -> Result<Vec<Peer>> {
    db.sql(|conn| {
        conn.prepare("SELECT device, records, last_seq, last_hlc FROM sync_peers ORDER BY device")?
            .query_map([], |r| {
                Ok(Peer {
                    device: r.get(0)?,
                    records: u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                    last_seq: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                    last_hlc: r.get::<_, String>(3)?.parse().unwrap_or_default(),
                })
            })?
            .collect()
    })
}

/// Inserts a session from another device with its uuid (a new local id).
pub fn insert_synced(db: Db<'_>, s: &Session, now: i64) -> Result<SessionId> {
    db.sql(|conn| {
        let project = project_id(conn, &s.project, now)?;
        let id: SessionId = conn
            .prepare_cached(
                "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
            )?
            .query_row(
                params![
                    s.uuid,
                    project,
                    s.start.timestamp(),
                    s.end.map(|e| e.timestamp()),
                    s.zone.name(),
                    s.note,
                    now
                ],
                |r| r.get(0),
            )?;
        set_tags(conn, id, &s.tags)?;
        Ok(id)
    })
}

/// Replaces every field of session `s.id`, its zone too.
pub fn update_synced(db: Db<'_>, s: &Session, now: i64) -> Result<()> {
    db.sql(|conn| {
        let project = project_id(conn, &s.project, now)?;
        conn.prepare_cached(
            "UPDATE sessions SET project_id = ?2, start_utc = ?3, end_utc = ?4, note = ?5,
                 zone = ?6, updated_utc = ?7 WHERE id = ?1",
        )?
        .execute(params![
            s.id,
            project,
            s.start.timestamp(),
            s.end.map(|e| e.timestamp()),
            s.note,
            s.zone.name(),
            now
        ])?;
        set_tags(conn, s.id, &s.tags)
    })
}

/// The longest stored closed session, in seconds: how far before a start an
/// overlapping session can begin (bounds the overlap search to an index range).
pub fn longest_session(db: Db<'_>) -> Result<i64> {
    db.sql(|conn| {
        conn.query_row(
            "SELECT coalesce(max(end_utc - start_utc), 0) FROM sessions WHERE end_utc IS NOT NULL",
            [],
            |r| r.get(0),
        )
    })
}

/// The uuids of the sessions other than `uuid` that share time with `[start, end)`;
/// `reach` is at least [`longest_session`]. Two index probes: the closed sessions
/// starting in `[start - reach, end)` through `sessions_by_start`, and the running
/// one through its partial index. The bounds are computed here and the index named,
/// so no planner can fall back to walking every session before `end` (which made
/// applying 10k records quadratic).
pub fn overlapping_uuids(
    db: Db<'_>,
    uuid: &str,
    start: i64,
    end: Option<i64>,
    reach: i64,
) -> Result<Vec<String>> {
    let hi = end.unwrap_or(i64::MAX);
    let lo = start.saturating_sub(reach);
    db.sql(|conn| {
        let mut out: Vec<String> = conn
            .prepare_cached(
                "SELECT uuid FROM sessions INDEXED BY sessions_by_start
                 WHERE start_utc >= ?2 AND start_utc < ?3 AND end_utc > ?4 AND uuid <> ?1",
            )?
            .query_map(params![uuid, lo, hi, start], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let running: Option<(String, i64)> = conn
            .prepare_cached("SELECT uuid, start_utc FROM sessions WHERE end_utc IS NULL")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((other, other_start)) = running
            && other != uuid
            && other_start < hi
        {
            out.push(other);
        }
        Ok(out)
    })
}

/// Records a conflict between two sessions (kept if already known).
pub fn add_conflict(db: Db<'_>, first: &str, second: &str, found: i64) -> Result<()> {
    db.sql(|conn| {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO sync_conflicts (first, second, found_utc) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![first, second, found])
        .map(drop)
    })
}

/// Every recorded conflict: `(first, second, found)`.
pub fn conflicts(db: Db<'_>) -> Result<Vec<(String, String, i64)>> {
    db.sql(|conn| {
        conn.prepare(
            "SELECT first, second, found_utc FROM sync_conflicts ORDER BY found_utc, first, second",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect()
    })
}

/// Forgets a conflict (resolved: a side is gone or they no longer overlap).
pub fn drop_conflict(db: Db<'_>, first: &str, second: &str) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "DELETE FROM sync_conflicts WHERE first = ?1 AND second = ?2",
            [first, second],
        )
        .map(drop)
    })
}

/// Every session's uuid (the first export of a device's history).
pub fn all_session_ids(db: Db<'_>) -> Result<Vec<SessionId>> {
    db.sql(|conn| {
        conn.prepare("SELECT id FROM sessions ORDER BY start_utc, id")?
            .query_map([], |r| r.get(0))?
            .collect()
    })
}
