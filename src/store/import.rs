//! The SQL of `otium import`: one writer per import, used inside the single
//! `BEGIN IMMEDIATE` transaction of [`crate::store::Store::write`], with held and
//! cached prepared statements, in-memory project and tag ids, a page cache sized to
//! the input, statement journals in memory, no trigger on its inserts (see
//! `import_totals.rs`) and, for a first import, no uuid, project or tag index until
//! the end (see `import_uuids.rs`) and its sessions written 64 to a statement with
//! their journal rows (see `import_batch.rs`). Sessions are found again by their source identity
//! (`sessions.source`, `source_key`, schema version 3) or their uuid, updated in
//! place, and removed when a re-import says they are gone.

use std::cell::RefCell;
use std::collections::HashMap;

use rusqlite::{OptionalExtension, Statement, params};

use super::Db;
use crate::error::Result;
use crate::model::SessionId;

#[path = "import_totals.rs"]
mod totals;
use totals::Suspended;

#[path = "import_uuids.rs"]
mod uuids;
use uuids::SetAside;

#[path = "import_batch.rs"]
mod batch;
use batch::Batch;

type Sql<T> = rusqlite::Result<T>;

/// Drops the schema object `name` of `kind` (`trigger`, `index`) and returns its
/// stored `CREATE` statement, to run again verbatim; `None` (and nothing dropped)
/// when there is no such object.
fn take_out(conn: &rusqlite::Connection, kind: &str, name: &str) -> Sql<Option<String>> {
    let sql: Option<String> = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2",
            [kind, name],
            |r| r.get(0),
        )
        .optional()?;
    if sql.is_some() {
        // Both names are otium's own, never input: quoted as identifiers all the same.
        conn.execute_batch(&format!("DROP {} \"{}\"", kind.to_uppercase(), name))?;
    }
    Ok(sql)
}

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
    /// The source (`watson`, `timewarrior`, …), see `sessions.source`.
    pub source: &'a str,
    /// The identity in that source.
    pub source_key: &'a str,
    /// What the source said this time (Watson's `updated_at`, or a digest).
    pub source_version: &'a str,
}

/// A stored session as a re-import compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Its id.
    pub id: SessionId,
    /// Its uuid.
    pub uuid: String,
    /// `sessions.source`.
    pub source: Option<String>,
    /// `sessions.source_version`.
    pub source_version: Option<String>,
    /// Project name.
    pub project: String,
    /// Note.
    pub note: Option<String>,
    /// Start, unix seconds.
    pub start: i64,
    /// End, unix seconds; `None` while running.
    pub end: Option<i64>,
    /// IANA zone name.
    pub zone: String,
}

/// The session columns [`Stored`] reads, joined with its project.
const STORED: &str = "SELECT s.id, s.uuid, s.source, s.source_version, p.name, s.note, s.start_utc, s.end_utc, s.zone
     FROM sessions s JOIN projects p ON p.id = s.project_id";

fn stored(r: &rusqlite::Row<'_>) -> Sql<Stored> {
    Ok(Stored {
        id: r.get(0)?,
        uuid: r.get(1)?,
        source: r.get(2)?,
        source_version: r.get(3)?,
        project: r.get(4)?,
        note: r.get(5)?,
        start: r.get(6)?,
        end: r.get(7)?,
        zone: r.get(8)?,
    })
}

/// Writes imported sessions inside one transaction.
pub struct ImportWriter<'c> {
    db: Db<'c>,
    now: i64,
    projects: HashMap<String, i64>,
    tags: HashMap<String, i64>,
    /// Set at the first insert: see [`Suspended`].
    suspended: Option<Suspended>,
    /// Set at the first insert into an empty table: see [`SetAside`].
    uuids: Option<SetAside>,
    /// Whether the table held no session at this import's first insert: then every
    /// stored session is one it wrote.
    began_empty: bool,
    /// While the uuid index is out, the sessions gathered for a many-row insert (see
    /// [`Batch`]); written before any other statement of this writer runs, so every
    /// read sees them. In a cell because the reads take `&self`.
    batch: RefCell<Option<Batch<'c>>>,
    /// The tag ids of the session being gathered (kept for its allocation).
    tag_ids: Vec<i64>,
    /// The statements every inserted session runs, prepared at the first insert and
    /// held: `prepare_cached` hashes the SQL text and moves the statement in and out
    /// of its cache on every call, about 5% of a large import's writing.
    hot: Option<Hot<'c>>,
    /// A dry run keeps the trigger: a schema change rolled back to a savepoint still
    /// leaves SQLite's change counter bumped at the commit, and a dry run must leave
    /// the file byte for byte as it was.
    dry_run: bool,
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
            suspended: None,
            uuids: None,
            began_empty: false,
            batch: RefCell::new(None),
            tag_ids: Vec::new(),
            hot: None,
            dry_run: false,
        }
    }

    /// Takes the insert trigger of `project_totals` out (see [`Suspended`]) and, when
    /// the table holds no session yet, the uuid index (see [`SetAside`]), before the
    /// first insert of an import that is not a dry run.
    fn suspend_totals_trigger(&mut self) -> Sql<()> {
        if self.suspended.is_none() && !self.dry_run {
            self.suspended = Suspended::begin(self.db.conn())?;
            self.uuids = SetAside::begin(self.db.conn())?;
            if self.uuids.is_some() {
                self.began_empty = true;
                *self.batch.get_mut() = Some(Batch::begin(self.db.conn(), self.now)?);
            }
        }
        Ok(())
    }

    /// Writes the sessions and links gathered so far (see [`Batch`]): run before every
    /// statement of this writer other than the batch's own.
    fn settle(&self) -> Sql<()> {
        match self.batch.borrow_mut().as_mut() {
            Some(batch) => batch.flush(self.db.conn()),
            None => Ok(()),
        }
    }

    /// Lets the batch write the journal rows of the sessions it writes, session `id`
    /// being change `seq` of journal `entry` and each later one the next (see
    /// [`Batch::journal_from`]); `false` when it cannot, and the engine copies them.
    pub fn journals_created(&mut self, entry: i64, seq: usize, id: SessionId) -> Result<bool> {
        let db = self.db;
        match self.batch.get_mut().as_mut() {
            Some(batch) => batch
                .journal_from(entry, i64::try_from(seq).unwrap_or(i64::MAX), id.get())
                .map_err(|e| db.error(&e)),
            None => Ok(false),
        }
    }

    /// [`ImportWriter::settle`], for the public reads and writes.
    fn settled(&self) -> Result<()> {
        self.settle().map_err(|e| self.db.error(&e))
    }

    /// Whether every session stored now is one this import wrote: the table held none
    /// at its first insert.
    #[must_use]
    pub fn wrote_every_session(&self) -> bool {
        self.began_empty
    }

    /// `uuid` as the map of the set-aside index holds it, while the index is out; a
    /// key the map cannot hold puts the index back first (then, and with the index
    /// in, `None`).
    fn set_aside_key(&mut self, uuid: &str) -> Sql<Option<u128>> {
        if self.uuids.is_none() {
            return Ok(None);
        }
        let bits = uuids::bits(uuid);
        if bits.is_none() {
            self.restore_uuid_index()?;
        }
        Ok(bits)
    }

    /// Writes what is gathered and puts the uuid index back, if it is out.
    fn restore_uuid_index(&mut self) -> Sql<()> {
        self.settle()?;
        *self.batch.get_mut() = None;
        match self.uuids.take() {
            Some(uuids) => uuids.end(self.db.conn()),
            None => Ok(()),
        }
    }

    /// Adds the sessions this import inserted to `project_totals`, one row per project,
    /// and puts the insert trigger and the uuid index back, when [`ImportWriter::insert`]
    /// took them out. Call once, after the last write.
    pub fn finish(&mut self) -> Result<()> {
        let db = self.db;
        self.restore_uuid_index().map_err(|e| db.error(&e))?;
        match self.suspended.take() {
            Some(suspended) => self.db.sql(|conn| suspended.end(conn)),
            None => Ok(()),
        }
    }

    /// Gives SQLite a page cache for this connection big enough for what an input of
    /// `input_bytes` writes (four times its size: a 1M-session CSV of 131 MB makes a
    /// 371 MB database; at least 16 MiB, at most 2 GiB), so the pages a big file
    /// dirties stay in memory until the commit. A smaller cache spills them to the
    /// write-ahead log mid-transaction, and the random order of the UUID index rewrites
    /// the same pages again and again: a 1M-session CSV spent 43% of its time in
    /// `pwrite` with 16 MiB. The memory is the import's alone and goes with its
    /// connection.
    pub fn tune(&self, input_bytes: u64) -> Result<()> {
        let kib = (input_bytes / 256).clamp(16 * 1024, 2 * 1024 * 1024);
        let kib = i64::try_from(kib).unwrap_or(16 * 1024);
        self.db
            .sql(|conn| conn.pragma_update(None, "cache_size", -kib))
    }

    /// Keeps SQLite's statement journals (and sorts) in memory for the import: an
    /// update or delete still runs the other `project_totals` triggers, and with them
    /// SQLite copies each page it changes to a temporary file first. Set before the
    /// import's transaction (SQLite refuses it inside one); [`ImportWriter::untune`]
    /// puts the default back.
    pub fn temp_in_memory(db: Db<'_>) -> Result<()> {
        db.sql(|conn| conn.pragma_update(None, "temp_store", "MEMORY"))
    }

    /// Gives the page cache [`ImportWriter::tune`] grew back (SQLite's default, 2 MiB)
    /// and the default temporary storage, once the import's transaction has ended, for
    /// a tracker that stays open.
    pub fn untune(db: Db<'_>) -> Result<()> {
        db.sql(|conn| {
            conn.pragma_update(None, "cache_size", -2000)?;
            conn.pragma_update(None, "temp_store", "DEFAULT")
        })
    }

    /// Marks the point a dry run rolls back to (see [`ImportWriter::rollback_dry_run`]).
    pub fn begin_dry_run(&mut self) -> Result<()> {
        self.dry_run = true;
        self.db
            .sql(|conn| conn.execute_batch("SAVEPOINT otium_import_dry_run"))
    }

    /// Undoes everything since [`ImportWriter::begin_dry_run`].
    pub fn rollback_dry_run(&self) -> Result<()> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.execute_batch("ROLLBACK TO otium_import_dry_run; RELEASE otium_import_dry_run")
        })
    }

    /// The session with this UUID, if stored.
    pub fn by_uuid(&self, uuid: &str) -> Result<Option<Stored>> {
        if let Some(uuids) = &self.uuids
            && let Some(bits) = uuids::bits(uuid)
        {
            let Some(id) = uuids.get(bits) else {
                return Ok(None);
            };
            self.settled()?;
            return self.db.sql(|conn| {
                conn.prepare_cached(&format!("{STORED} WHERE s.id = ?1"))?
                    .query_row([id], stored)
                    .optional()
            });
        }
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(&format!("{STORED} WHERE s.uuid = ?1"))?
                .query_row([uuid], stored)
                .optional()
        })
    }

    /// The session of `source` (or else of `fallback`) that starts at `start`, if
    /// stored: the identity of a source without ids, found through `sessions_by_start`
    /// in one probe (sessions never overlap, so at most one starts at a given second).
    pub fn by_start(&self, source: &str, fallback: &str, start: i64) -> Result<Option<Stored>> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(&format!(
                "{STORED} WHERE s.start_utc = ?1 AND s.source IN (?2, ?3)
                 ORDER BY s.source = ?2 DESC, s.id LIMIT 1"
            ))?
            .query_row(params![start, source, fallback], stored)
            .optional()
        })
    }

    /// The tags of a stored session, sorted.
    pub fn tags_of(&self, id: SessionId) -> Result<Vec<String>> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(
                "SELECT t.name FROM session_tags st JOIN tags t ON t.id = st.tag_id
                 WHERE st.session_id = ?1 ORDER BY t.name",
            )?
            .query_map([id], |r| r.get(0))?
            .collect()
        })
    }

    /// A stored session other than `except` sharing time with `[start, end)`, with its
    /// source. Stored sessions never overlap, so only the one starting last before
    /// `end` can: one index probe.
    pub fn overlapping(
        &self,
        start: i64,
        end: i64,
        except: Option<SessionId>,
    ) -> Result<Option<(SessionId, Option<String>)>> {
        self.settled()?;
        let found: Option<(SessionId, Option<i64>, Option<String>)> = self.db.sql(|conn| {
            conn.prepare_cached(
                "SELECT id, end_utc, source FROM sessions WHERE start_utc < ?1 AND id IS NOT ?2
                 ORDER BY start_utc DESC LIMIT 1",
            )?
            .query_row(params![end, except], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
        })?;
        Ok(found.and_then(|(id, e, source)| e.is_none_or(|e| e > start).then_some((id, source))))
    }

    /// The end (unix seconds) of the session that starts last, `i64::MAX` while it
    /// runs, `i64::MIN` with no sessions: since stored sessions never overlap, no
    /// session reaches past it. One step down the start index.
    pub fn frontier(&self) -> Result<i64> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(
                "SELECT coalesce(end_utc, 9223372036854775807) FROM sessions
                 ORDER BY start_utc DESC LIMIT 1",
            )?
            .query_row([], |r| r.get(0))
            .optional()
            .map(|end| end.unwrap_or(i64::MIN))
        })
    }

    /// Up to `limit` sessions that start before an earlier-starting session ends: every
    /// overlap in the database, found in one ordered scan. Run once at the end of an
    /// import that moved sessions of its source past each other (see the engine).
    pub fn overlaps(&self, limit: u32) -> Result<Vec<(SessionId, SessionId)>> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(
                "SELECT id, prev FROM (
                     SELECT id, start_utc,
                            max(coalesce(end_utc, 9223372036854775807)) OVER w AS reach,
                            lag(id) OVER (ORDER BY start_utc, id) AS prev
                     FROM sessions
                     WINDOW w AS (ORDER BY start_utc, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
                 WHERE start_utc < reach LIMIT ?1",
            )?
            .query_map([limit], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
        })
    }

    /// The sessions of `source` starting in `[from, to)`, oldest first.
    pub fn of_source_in(&self, source: &str, from: i64, to: i64) -> Result<Vec<SessionId>> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(
                "SELECT id FROM sessions WHERE source = ?1 AND start_utc >= ?2 AND start_utc < ?3
                 ORDER BY start_utc",
            )?
            .query_map(params![source, from, to], |r| r.get(0))?
            .collect()
        })
    }

    /// Deletes a session (its tag links go with it; an output keeps its amount and
    /// loses the link, as with `otium rm`).
    pub fn delete(&mut self, id: SessionId) -> Result<()> {
        if let Some(uuids) = self.uuids.as_mut() {
            uuids.forget(id);
        }
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached("DELETE FROM sessions WHERE id = ?1")?
                .execute([id])
                .map(|_| ())
        })
    }

    /// Records where a stored session came from, changing nothing else.
    pub fn claim(&self, id: SessionId, source: &str, key: &str, version: &str) -> Result<()> {
        self.settled()?;
        self.db.sql(|conn| {
            conn.prepare_cached(
                "UPDATE sessions SET source = ?2, source_key = ?3, source_version = ?4 WHERE id = ?1",
            )?
            .execute(params![id, source, key, version])
            .map(|_| ())
        })
    }

    /// Overwrites a stored session with what the source now says (its uuid and id stay).
    pub fn update(&mut self, id: SessionId, row: &ImportRow<'_>) -> Result<()> {
        let db = self.db;
        self.update_row(id, row).map_err(|e| db.error(&e))
    }

    fn update_row(&mut self, id: SessionId, row: &ImportRow<'_>) -> Sql<()> {
        self.settle()?;
        let project = self.project_id(row.project)?;
        self.db
            .conn()
            .prepare_cached(
                "UPDATE sessions SET project_id = ?2, start_utc = ?3, end_utc = ?4, zone = ?5,
                 note = ?6, updated_utc = ?7, source = ?8, source_key = ?9, source_version = ?10
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                project,
                row.start,
                row.end,
                row.zone,
                row.note,
                self.now,
                row.source,
                row.source_key,
                row.source_version
            ])?;
        self.db
            .conn()
            .prepare_cached("DELETE FROM session_tags WHERE session_id = ?1")?
            .execute([id])?;
        self.link_tags(id, row.tags)
    }

    fn link_tags(&mut self, id: SessionId, tags: &[String]) -> Sql<()> {
        for tag in tags {
            let tag = self.tag_id(tag)?;
            self.hot()?.link.execute(params![id, tag])?;
        }
        Ok(())
    }

    /// The held statements, prepared on first use.
    fn hot(&mut self) -> Sql<&mut Hot<'c>> {
        let hot = match self.hot.take() {
            Some(hot) => hot,
            None => Hot::prepare(self.db)?,
        };
        Ok(self.hot.insert(hot))
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
        self.insert_row(row, false)
            .map_err(|e| db.error(&e))?
            .ok_or_else(|| crate::error::Error::conflict(format!("session {} exists", row.uuid)))
    }

    /// Inserts a session unless one with its uuid is stored (then `None`, nothing
    /// written): the uuid index is searched once, where a lookup and then an insert
    /// would search it twice.
    pub fn insert_new(&mut self, row: &ImportRow<'_>) -> Result<Option<SessionId>> {
        let db = self.db;
        self.insert_row(row, true).map_err(|e| db.error(&e))
    }

    fn insert_row(&mut self, row: &ImportRow<'_>, if_new: bool) -> Sql<Option<SessionId>> {
        // Prepared before the uuid index may go out: `ON CONFLICT (uuid)` names it.
        self.hot()?;
        self.suspend_totals_trigger()?;
        let project = self.project_id(row.project)?;
        let set_aside = self.set_aside_key(row.uuid)?;
        if let (Some(uuids), Some(bits)) = (&self.uuids, set_aside)
            && uuids.get(bits).is_some()
        {
            // What the unique index would have refused (`insert_new` skips it).
            return Ok(None);
        }
        if let Some(bits) = set_aside
            && let Some(mut batch) = self.batch.get_mut().take()
        {
            let mut tags = std::mem::take(&mut self.tag_ids);
            tags.clear();
            let resolved = row.tags.iter().try_for_each(|tag| {
                tags.push(self.tag_id(tag)?);
                Ok(())
            });
            // In the order the journal's copy joins them (`journal::add_created`).
            tags.sort_unstable();
            let pushed = resolved.and_then(|()| batch.push(self.db.conn(), row, project, &tags));
            *self.batch.get_mut() = Some(batch);
            self.tag_ids = tags;
            let id = SessionId::new(pushed?);
            if let Some(uuids) = self.uuids.as_mut() {
                uuids.insert(bits, id);
            }
            if let Some(suspended) = self.suspended.as_mut() {
                suspended.count(project, row.end - row.start);
            }
            return Ok(Some(id));
        }
        let (now, conn) = (self.now, self.db.conn());
        let hot = self.hot()?;
        let statement = if if_new && set_aside.is_none() {
            &mut hot.insert_new
        } else {
            &mut hot.insert
        };
        let written = statement.execute(params![
            row.uuid,
            project,
            row.start,
            row.end,
            row.zone,
            row.note,
            now,
            row.source,
            row.source_key,
            row.source_version
        ])?;
        if written == 0 {
            return Ok(None);
        }
        if let Some(suspended) = self.suspended.as_mut() {
            suspended.count(project, row.end - row.start);
        }
        let id = SessionId::new(conn.last_insert_rowid());
        if let (Some(uuids), Some(bits)) = (self.uuids.as_mut(), set_aside) {
            uuids.insert(bits, id);
        }
        self.link_tags(id, row.tags)?;
        Ok(Some(id))
    }
}

/// The statements of [`ImportWriter::insert_new`], [`ImportWriter::insert`] and their
/// tag links.
struct Hot<'c> {
    insert_new: Statement<'c>,
    insert: Statement<'c>,
    link: Statement<'c>,
}

/// The columns an inserted session gets, `?7` being both its created and updated time.
const INSERT: &str = "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, note,
                                   created_utc, updated_utc, source, source_key, source_version)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10)";

impl<'c> Hot<'c> {
    fn prepare(db: Db<'c>) -> Sql<Self> {
        let conn = db.conn();
        // No `RETURNING id`: SQLite runs a RETURNING clause as a trigger, which (as
        // the one `Suspended` takes out) makes each insert journal its pages first.
        Ok(Hot {
            insert_new: conn.prepare(&format!("{INSERT} ON CONFLICT (uuid) DO NOTHING"))?,
            insert: conn.prepare(INSERT)?,
            link: conn.prepare("INSERT INTO session_tags (session_id, tag_id) VALUES (?1, ?2)")?,
        })
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
