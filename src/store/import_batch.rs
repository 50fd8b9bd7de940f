//! The sessions of an import into an empty table, gathered and inserted many to a
//! statement (see [`Batch`]). Used by [`super::ImportWriter`] only, while the uuid
//! index is set aside (`import_uuids.rs`).

use std::ops::Range;

use rusqlite::{Connection, Statement};

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

/// `COLUMNS` with `rows` rows of placeholders.
fn sessions_sql(rows: usize) -> String {
    let mut sql = String::from(COLUMNS);
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(ROW);
    }
    sql
}

/// `LINK_COLUMNS` with `rows` pairs of placeholders.
fn links_sql(rows: usize) -> String {
    let mut sql = String::from(LINK_COLUMNS);
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str("(?,?)");
    }
    sql
}

/// One gathered session: its numbers, and its texts as places in [`Batch::text`].
struct Gathered {
    id: i64,
    project: i64,
    start: i64,
    end: i64,
    /// uuid, zone, note, source, source key, source version.
    texts: [Range<usize>; 6],
    has_note: bool,
}

/// The text fields of one session to gather.
pub(super) struct Texts<'a> {
    pub uuid: &'a str,
    pub zone: &'a str,
    pub note: Option<&'a str>,
    pub source: &'a str,
    pub source_key: &'a str,
    pub source_version: &'a str,
}

/// Sessions and tag links not yet written. Each `INSERT` statement SQLite runs costs
/// the same setup whatever it writes: cursors on the table and its indexes opened and
/// closed, the `AUTOINCREMENT` counter read and written, the statement reset. One
/// statement per session was most of a first import's writing; one per 64 sessions
/// (and one per 256 links) pays that once for all of them. The rows are the same, in
/// the same order, with the ids SQLite would give them: `AUTOINCREMENT` takes the
/// largest id the table ever held plus one, and nothing else writes in the import's
/// transaction, so [`Batch::next_id`] counts on from there.
///
/// Nothing gathered is visible to SQL until [`Batch::flush`], which the writer runs
/// before any statement of its own that reads or changes sessions.
pub(super) struct Batch<'c> {
    next_id: i64,
    now: i64,
    text: String,
    sessions: Vec<Gathered>,
    links: Vec<(i64, i64)>,
    many_sessions: Statement<'c>,
    many_links: Statement<'c>,
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
            many_sessions: conn.prepare(&sessions_sql(SESSIONS))?,
            many_links: conn.prepare(&links_sql(LINKS))?,
        })
    }

    /// Gathers a session and returns the id it gets.
    pub(super) fn push(
        &mut self,
        conn: &'c Connection,
        project: i64,
        start: i64,
        end: i64,
        texts: &Texts<'_>,
    ) -> Sql<i64> {
        let has_note = texts.note.is_some();
        let mut place = |s: &str| {
            let from = self.text.len();
            self.text.push_str(s);
            from..self.text.len()
        };
        let texts = [
            place(texts.uuid),
            place(texts.zone),
            place(texts.note.unwrap_or("")),
            place(texts.source),
            place(texts.source_key),
            place(texts.source_version),
        ];
        let id = self.next_id;
        self.next_id += 1;
        self.sessions.push(Gathered {
            id,
            project,
            start,
            end,
            texts,
            has_note,
        });
        if self.sessions.len() == SESSIONS {
            self.write_sessions(conn)?;
        }
        Ok(id)
    }

    /// Gathers a tag link of a gathered (or written) session.
    pub(super) fn link(&mut self, conn: &'c Connection, session: i64, tag: i64) -> Sql<()> {
        self.links.push((session, tag));
        if self.links.len() == LINKS {
            // A link's session must be in the table first (its foreign key).
            self.write_sessions(conn)?;
            self.write_links(conn)?;
        }
        Ok(())
    }

    /// Writes everything gathered.
    pub(super) fn flush(&mut self, conn: &'c Connection) -> Sql<()> {
        self.write_sessions(conn)?;
        self.write_links(conn)
    }

    fn write_sessions(&mut self, conn: &'c Connection) -> Sql<()> {
        let full = self.sessions.len() == SESSIONS;
        let mut one;
        let statement = if full {
            &mut self.many_sessions
        } else {
            one = conn.prepare_cached(&sessions_sql(1))?;
            &mut *one
        };
        let mut at = 0;
        for row in &self.sessions {
            let text = |i: usize| &self.text[row.texts[i].clone()];
            let note = row.has_note.then(|| text(2));
            statement.raw_bind_parameter(at + 1, row.id)?;
            statement.raw_bind_parameter(at + 2, text(0))?;
            statement.raw_bind_parameter(at + 3, row.project)?;
            statement.raw_bind_parameter(at + 4, row.start)?;
            statement.raw_bind_parameter(at + 5, row.end)?;
            statement.raw_bind_parameter(at + 6, text(1))?;
            statement.raw_bind_parameter(at + 7, note)?;
            statement.raw_bind_parameter(at + 8, self.now)?;
            statement.raw_bind_parameter(at + 9, self.now)?;
            statement.raw_bind_parameter(at + 10, text(3))?;
            statement.raw_bind_parameter(at + 11, text(4))?;
            statement.raw_bind_parameter(at + 12, text(5))?;
            if full {
                at += 12;
            } else {
                statement.raw_execute()?;
            }
        }
        if full {
            statement.raw_execute()?;
        }
        self.sessions.clear();
        self.text.clear();
        Ok(())
    }

    fn write_links(&mut self, conn: &'c Connection) -> Sql<()> {
        if self.links.len() == LINKS {
            for (i, (session, tag)) in self.links.iter().enumerate() {
                self.many_links.raw_bind_parameter(2 * i + 1, session)?;
                self.many_links.raw_bind_parameter(2 * i + 2, tag)?;
            }
            self.many_links.raw_execute()?;
        } else if !self.links.is_empty() {
            let mut one = conn.prepare_cached(&links_sql(1))?;
            for (session, tag) in &self.links {
                one.raw_bind_parameter(1, session)?;
                one.raw_bind_parameter(2, tag)?;
                one.raw_execute()?;
            }
        }
        self.links.clear();
        Ok(())
    }
}
