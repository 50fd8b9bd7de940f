//! The SQL of `otium import`: one writer per import, used inside the single
//! `BEGIN IMMEDIATE` transaction of [`crate::store::Store::write`], with cached
//! prepared statements, in-memory project and tag ids and a page cache sized to the
//! input, so 100k rows take about a second.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::error::Result;
use crate::model::SessionId;

type Sql<T> = rusqlite::Result<T>;

/// One session to insert, with every field already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow<'a> {
    /// The session's UUID (from the source or derived).
    pub uuid: &'a str,
    /// Project name.
    pub project: &'a str,
    /// Tags, sorted and de-duplicated.
    pub tags: &'a [String],
    /// Note.
    pub note: Option<&'a str>,
    /// Start, unix seconds.
    pub start: i64,
    /// End, unix seconds.
    pub end: i64,
    /// IANA zone name.
    pub zone: &'a str,
}

/// Writes imported sessions inside one transaction.
pub struct ImportWriter<'c> {
    db: Db<'c>,
    now: i64,
    projects: HashMap<String, i64>,
    tags: HashMap<String, i64>,
}

impl<'c> ImportWriter<'c> {
    /// A writer on `db` (a write transaction); `now` stamps created/updated times.
    #[must_use]
    pub fn new(db: Db<'c>, now: i64) -> Self {
        ImportWriter {
            db,
            now,
            projects: HashMap::new(),
            tags: HashMap::new(),
        }
    }

    /// Gives SQLite a page cache for this connection big enough for what an input of
    /// `input_bytes` writes (twice its size, at least 16 MiB, at most 1 GiB), so the
    /// pages a big file dirties stay in memory until the commit. A smaller cache spills
    /// them to the write-ahead log mid-transaction, and the random order of the UUID
    /// index rewrites the same pages again and again: a 1M-session CSV spent 43% of
    /// its time in `pwrite` with 16 MiB. The memory is the import's alone and goes
    /// with its connection.
    pub fn tune(&self, input_bytes: u64) -> Result<()> {
        let kib = (input_bytes / 512).clamp(16 * 1024, 1024 * 1024);
        let kib = i64::try_from(kib).unwrap_or(16 * 1024);
        self.db
            .sql(|conn| conn.pragma_update(None, "cache_size", -kib))
    }

    /// Gives the page cache [`ImportWriter::tune`] grew back (SQLite's default, 2 MiB),
    /// once the import's transaction has ended, for a tracker that stays open.
    pub fn untune(db: Db<'_>) -> Result<()> {
        db.sql(|conn| conn.pragma_update(None, "cache_size", -2000))
    }

    /// Marks the point a dry run rolls back to (see [`ImportWriter::rollback_dry_run`]).
    pub fn begin_dry_run(&self) -> Result<()> {
        self.db
            .sql(|conn| conn.execute_batch("SAVEPOINT otium_import_dry_run"))
    }

    /// Undoes everything since [`ImportWriter::begin_dry_run`].
    pub fn rollback_dry_run(&self) -> Result<()> {
        self.db.sql(|conn| {
            conn.execute_batch("ROLLBACK TO otium_import_dry_run; RELEASE otium_import_dry_run")
        })
    }

    /// The id of the session with this UUID, if stored.
    pub fn by_uuid(&self, uuid: &str) -> Result<Option<SessionId>> {
        self.db.sql(|conn| {
            conn.prepare_cached("SELECT id FROM sessions WHERE uuid = ?1")?
                .query_row([uuid], |r| r.get(0))
                .optional()
        })
    }

    /// The id of a stored session sharing time with `[start, end)`. Stored sessions
    /// never overlap, so only the one starting last before `end` can: one index probe.
    pub fn overlapping(&self, start: i64, end: i64) -> Result<Option<SessionId>> {
        let found: Option<(SessionId, Option<i64>)> = self.db.sql(|conn| {
            conn.prepare_cached(
                "SELECT id, end_utc FROM sessions WHERE start_utc < ?1
                 ORDER BY start_utc DESC LIMIT 1",
            )?
            .query_row([end], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
        })?;
        Ok(found.and_then(|(id, e)| e.is_none_or(|e| e > start).then_some(id)))
    }

    fn project_id(&mut self, name: &str) -> Sql<i64> {
        if let Some(id) = self.projects.get(name) {
            return Ok(*id);
        }
        self.db
                .conn()
            .prepare_cached(
                "INSERT INTO projects (name, created_utc) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
            )?
            .execute(params![name, self.now])?;
        let id = self
            .db
            .conn()
            .prepare_cached("SELECT id FROM projects WHERE name = ?1")?
            .query_row([name], |r| r.get(0))?;
        self.projects.insert(name.to_string(), id);
        Ok(id)
    }

    fn tag_id(&mut self, name: &str) -> Sql<i64> {
        if let Some(id) = self.tags.get(name) {
            return Ok(*id);
        }
        self.db
            .conn()
            .prepare_cached("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
            .execute([name])?;
        let id = self
            .db
            .conn()
            .prepare_cached("SELECT id FROM tags WHERE name = ?1")?
            .query_row([name], |r| r.get(0))?;
        self.tags.insert(name.to_string(), id);
        Ok(id)
    }

    /// Inserts a session with its project and tags; returns its id.
    pub fn insert(&mut self, row: &ImportRow<'_>) -> Result<SessionId> {
        let db = self.db;
        self.insert_row(row).map_err(|e| db.error(&e))
    }

    fn insert_row(&mut self, row: &ImportRow<'_>) -> Sql<SessionId> {
        let project = self.project_id(row.project)?;
        let id: SessionId = self
            .db
            .conn()
            .prepare_cached(
                "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
            )?
            .query_row(
                params![
                    row.uuid, project, row.start, row.end, row.zone, row.note, self.now
                ],
                |r| r.get(0),
            )?;
        for tag in row.tags {
            let tag = self.tag_id(tag)?;
            self.db
                .conn()
                .prepare_cached("INSERT INTO session_tags (session_id, tag_id) VALUES (?1, ?2)")?
                .execute(params![id, tag])?;
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn insert_probe_and_dry_run() {
        let mut store = Store::open_in_memory().unwrap();
        let tags = vec!["a".to_string(), "b".to_string()];
        store
            .write(|tx| {
                let mut w = ImportWriter::new(tx, 100);
                let row = ImportRow {
                    uuid: "u1",
                    project: "p",
                    tags: &tags,
                    note: None,
                    start: 10,
                    end: 20,
                    zone: "UTC",
                };
                assert_eq!(w.insert(&row).unwrap(), 1);
                assert_eq!(w.by_uuid("u1").unwrap(), Some(SessionId::new(1)));
                assert_eq!(w.overlapping(19, 30).unwrap(), Some(SessionId::new(1)));
                assert_eq!(w.overlapping(20, 30).unwrap(), None);
                assert_eq!(w.overlapping(0, 10).unwrap(), None);
                w.begin_dry_run().unwrap();
                w.insert(&ImportRow {
                    uuid: "u2",
                    start: 30,
                    end: 40,
                    ..row
                })
                .unwrap();
                w.rollback_dry_run().unwrap();
                assert_eq!(w.by_uuid("u2").unwrap(), None);
                Ok(())
            })
            .unwrap();
        let s = crate::store::sessions::by_id(store.reader(), SessionId::new(1))
            .unwrap()
            .unwrap();
        assert_eq!((s.project.as_str(), s.tags), ("p", tags));
    }
}
