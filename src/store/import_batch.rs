//! The sessions of an import into an empty table, gathered and inserted many to a
//! statement with their journal rows and tag links (see [`Batch`]). Used by [`super::ImportWriter`] only, while the uuid
//! index is set aside (`import_uuids.rs`).

use std::fmt::Write as _;
use std::ops::Range;

use rusqlite::{Connection, Statement};

use super::ImportRow;

type Sql<T> = rusqlite::Result<T>;

/// How many sessions one insert statement writes: 64 rows of 12 values, far inside
/// SQLite's limit of 32,766 parameters.
const SESSIONS: usize = 64;
/// How many tag links one insert statement writes.
const LINKS: usize = 256;

/// The columns of a gathered session, `id` given: the same rows, in the same order, as
/// one `INSERT` each would write.
const COLUMNS: &str = "INSERT INTO sessions (id, uuid, project_id, start_utc, end_utc, zone, note,
                          created_utc, updated_utc, source, source_key, source_version) VALUES ";
const ROW: &str = "(?,?,?,?,?,?,?,?,?,?,?,?)";
const LINK_COLUMNS: &str = "INSERT INTO session_tags (session_id, tag_id) VALUES ";
const LINK_ROW: &str = "(?,?)";
/// The journal row of a gathered session: what `journal::add_created` copies.
const JOURNAL_COLUMNS: &str = "INSERT INTO journal_created
    (entry_id, seq, session_id, uuid, project_id, start_utc, end_utc, zone, note, tags) VALUES ";
const JOURNAL_ROW: &str = "(?,?,?,?,?,?,?,?,?,?)";

/// `columns` with `rows` copies of `row`.
fn many(columns: &str, row: &str, rows: usize) -> String {
    let mut sql = String::from(columns);
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(row);
    }
    sql
}

/// Binds each of `rows` with `bind` (its placeholders from the given one on, `width`
/// a row) and inserts them: all in one run of `whole` when there are `full` of them,
/// else one run of `columns` with a single row each.
fn insert_rows<T>(
    conn: &Connection,
    whole: &mut Statement<'_>,
    (columns, row): (&str, &str),
    (full, width): (usize, usize),
    rows: &[T],
    mut bind: impl FnMut(&mut Statement<'_>, usize, &T) -> Sql<()>,
) -> Sql<()> {
    if rows.len() == full {
        for (i, r) in rows.iter().enumerate() {
            bind(whole, i * width + 1, r)?;
        }
        whole.raw_execute()?;
        return Ok(());
    }
    let mut one = conn.prepare_cached(&many(columns, row, 1))?;
    for r in rows {
        bind(&mut one, 1, r)?;
        one.raw_execute()?;
    }
    Ok(())
}

/// One gathered session: its numbers, and its texts as places in [`Batch::text`].
struct Gathered {
    id: i64,
    project: i64,
    start: i64,
    end: i64,
    /// uuid, zone, note, source, source key, source version, and the tag ids joined
    /// by commas, as the journal keeps them.
    texts: [Range<usize>; 7],
    has_note: bool,
}

/// Sessions, their journal rows and their tag links, not yet written. Each `INSERT`
/// statement SQLite runs costs the same setup whatever it writes: cursors on the table
/// and its indexes opened and closed, the `AUTOINCREMENT` counter read and written,
/// the statement reset. One statement per session was most of a first import's
/// writing; one per 64 sessions (and one per 256 links) pays that once for all of
/// them. The rows are the same, in the same order, with the ids SQLite would give
/// them: `AUTOINCREMENT` takes the largest id the table ever held plus one, and
/// nothing else writes in the import's transaction, so `next_id` counts on from there.
/// The journal rows are the ones `journal::add_created` would copy from the table at
/// the end of the import, written from the same fields while they are at hand instead
/// of read back (a quarter of the writing thread's work at 100k).
///
/// Nothing gathered is visible to SQL until [`Batch::flush`], which the writer runs
/// before any statement of its own that reads or changes sessions.
pub(super) struct Batch<'c> {
    next_id: i64,
    now: i64,
    text: String,
    sessions: Vec<Gathered>,
    links: Vec<(i64, i64)>,
    /// Set by [`Batch::journal_from`]: the journal entry of the import, and what to
    /// add to a session's id to get its change number in it.
    journal: Option<(i64, i64)>,
    /// Whether a session has been written yet.
    written: bool,
    many_sessions: Statement<'c>,
    many_links: Statement<'c>,
    many_journal: Statement<'c>,
}

impl<'c> Batch<'c> {
    /// A batch for an import into `conn`'s empty `sessions` table, stamping `now`.
    pub(super) fn begin(conn: &'c Connection, now: i64) -> Sql<Self> {
        // The table is empty, so the largest id it ever held is the counter's.
        let last: i64 = conn.query_row(
            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sessions'), 0)",
            [],
            |r| r.get(0),
        )?;
        Ok(Batch {
            next_id: last + 1,
            now,
            text: String::new(),
            sessions: Vec::with_capacity(SESSIONS),
            links: Vec::with_capacity(LINKS),
            journal: None,
            written: false,
            many_sessions: conn.prepare(&many(COLUMNS, ROW, SESSIONS))?,
            many_links: conn.prepare(&many(LINK_COLUMNS, LINK_ROW, LINKS))?,
            many_journal: conn.prepare(&many(JOURNAL_COLUMNS, JOURNAL_ROW, SESSIONS))?,
        })
    }

    /// Journals every session this batch writes, the one with id `id` as change `seq`
    /// of `entry` and each later one as the next change: the engine's numbering while
    /// every change of the import is a session it created, which holds while a batch
    /// runs (the table held no session, so nothing is updated or removed). `false`, and
    /// nothing done, when that cannot cover every session: a session was written
    /// already without a journal row, or `id` is not the one gathered last. Once set,
    /// `true` exactly when `seq` is the change number given to `id`, and an error
    /// otherwise (the journal would say something else than the engine).
    pub(super) fn journal_from(&mut self, entry: i64, seq: i64, id: i64) -> Sql<bool> {
        match self.journal {
            Some((e, offset)) if e == entry && id + offset == seq => Ok(true),
            Some(_) => Err(rusqlite::Error::InvalidParameterName(format!(
                "journal change {seq} of entry {entry} for session {id} out of order"
            ))),
            None if !self.written && self.sessions.last().is_some_and(|s| s.id == id) => {
                self.journal = Some((entry, seq - id));
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Gathers a session, its project and tag ids resolved, and returns the id it gets.
    pub(super) fn push(
        &mut self,
        conn: &'c Connection,
        row: &ImportRow<'_>,
        project: i64,
        tags: &[i64],
    ) -> Sql<i64> {
        // Written when the next one comes, so the one gathered last is still here when
        // the engine numbers its change (see `journal_from`). The links wait for whole
        // statements of theirs, each behind its session.
        if self.sessions.len() == SESSIONS {
            self.write_sessions(conn)?;
            self.write_links(conn, false)?;
        }
        let id = self.next_id;
        let has_note = row.note.is_some();
        let mut place = |s: &str| {
            let from = self.text.len();
            self.text.push_str(s);
            from..self.text.len()
        };
        let [uuid, zone, note, source, key, version] = [
            place(row.uuid),
            place(row.zone),
            place(row.note.unwrap_or("")),
            place(row.source),
            place(row.source_key),
            place(row.source_version),
        ];
        let from = self.text.len();
        for (i, tag) in tags.iter().enumerate() {
            let comma = if i > 0 { "," } else { "" };
            // Writing to a String cannot fail.
            let _ = write!(self.text, "{comma}{tag}");
        }
        let texts = [
            uuid,
            zone,
            note,
            source,
            key,
            version,
            from..self.text.len(),
        ];
        self.next_id += 1;
        self.sessions.push(Gathered {
            id,
            project,
            start: row.start,
            end: row.end,
            texts,
            has_note,
        });
        self.links.extend(tags.iter().map(|tag| (id, *tag)));
        Ok(id)
    }

    /// Writes everything gathered: the sessions, their journal rows, their links.
    pub(super) fn flush(&mut self, conn: &'c Connection) -> Sql<()> {
        self.write_sessions(conn)?;
        self.write_links(conn, true)
    }

    fn write_sessions(&mut self, conn: &'c Connection) -> Sql<()> {
        if self.sessions.is_empty() {
            return Ok(());
        }
        let (text, now) = (&self.text, self.now);
        insert_rows(
            conn,
            &mut self.many_sessions,
            (COLUMNS, ROW),
            (SESSIONS, 12),
            &self.sessions,
            |st, at, row| {
                let text = |i: usize| &text[row.texts[i].clone()];
                st.raw_bind_parameter(at, row.id)?;
                st.raw_bind_parameter(at + 1, text(0))?;
                st.raw_bind_parameter(at + 2, row.project)?;
                st.raw_bind_parameter(at + 3, row.start)?;
                st.raw_bind_parameter(at + 4, row.end)?;
                st.raw_bind_parameter(at + 5, text(1))?;
                st.raw_bind_parameter(at + 6, row.has_note.then(|| text(2)))?;
                st.raw_bind_parameter(at + 7, now)?;
                st.raw_bind_parameter(at + 8, now)?;
                st.raw_bind_parameter(at + 9, text(3))?;
                st.raw_bind_parameter(at + 10, text(4))?;
                st.raw_bind_parameter(at + 11, text(5))
            },
        )?;
        self.written = true;
        self.write_journal(conn)?;
        self.sessions.clear();
        self.text.clear();
        Ok(())
    }

    /// The journal rows of the gathered sessions, once [`Batch::journal_from`] is set.
    fn write_journal(&mut self, conn: &'c Connection) -> Sql<()> {
        let Some((entry, offset)) = self.journal else {
            return Ok(());
        };
        let text = &self.text;
        insert_rows(
            conn,
            &mut self.many_journal,
            (JOURNAL_COLUMNS, JOURNAL_ROW),
            (SESSIONS, 10),
            &self.sessions,
            |st, at, row| {
                let text = |i: usize| &text[row.texts[i].clone()];
                st.raw_bind_parameter(at, entry)?;
                st.raw_bind_parameter(at + 1, row.id + offset)?;
                st.raw_bind_parameter(at + 2, row.id)?;
                st.raw_bind_parameter(at + 3, text(0))?;
                st.raw_bind_parameter(at + 4, row.project)?;
                st.raw_bind_parameter(at + 5, row.start)?;
                st.raw_bind_parameter(at + 6, row.end)?;
                st.raw_bind_parameter(at + 7, text(1))?;
                st.raw_bind_parameter(at + 8, row.has_note.then(|| text(2)))?;
                st.raw_bind_parameter(at + 9, Some(text(6)).filter(|t| !t.is_empty()))
            },
        )
    }

    /// Writes the gathered links in statements of [`LINKS`], and with `all` the rest one
    /// by one; their sessions are written (a link's foreign key).
    fn write_links(&mut self, conn: &'c Connection, all: bool) -> Sql<()> {
        let upto = if all {
            self.links.len()
        } else {
            self.links.len() - self.links.len() % LINKS
        };
        for chunk in self.links[..upto].chunks(LINKS) {
            insert_rows(
                conn,
                &mut self.many_links,
                (LINK_COLUMNS, LINK_ROW),
                (LINKS, 2),
                chunk,
                |st, at, (session, tag)| {
                    st.raw_bind_parameter(at, session)?;
                    st.raw_bind_parameter(at + 1, tag)
                },
            )?;
        }
        self.links.drain(..upto);
        Ok(())
    }
}
