//! Range reads: the sessions sharing time with a span, oldest first, streamed in flat
//! memory, as two statements (the one session reaching in from before the span, then
//! the span's own rows in index order), with every column, the lean columns reports
//! read, or only the times balances and limits read.

use rusqlite::{Row, params};

use super::{ProjectNames, Sql, from_row_with, project_names, project_of};
use crate::error::Result;
use crate::model::{LeanSession, Session};
use crate::store::Db;
use crate::store::tag_join::TagJoin;
use crate::time::{from_unix, range::Span};

/// The columns a range read selects, from `sessions s`: every read has the same
/// eight columns, so one row decoder serves both halves of [`stream`].
pub(in crate::store) fn span_select(columns: Columns) -> &'static str {
    match columns {
        Columns::Full => {
            "SELECT s.id, s.uuid, s.project_id, s.note, s.start_utc, s.end_utc, s.zone, NULL
             FROM sessions s"
        }
        Columns::Lean { .. } => {
            "SELECT s.id, '', s.project_id, NULL, s.start_utc, s.end_utc, 'UTC', NULL
             FROM sessions s"
        }
        // Balances and limits read the times alone: constants cost nothing per row
        // (SQLite computes them once), where the id was one more column a row.
        Columns::Times => {
            "SELECT 0, '', '', NULL, s.start_utc, s.end_utc, 'UTC', NULL FROM sessions s"
        }
    }
}

/// The first half of a range read: the one session that can reach into the span
/// `[?1, …)` from before it. Sessions never overlap, so only the one starting last
/// before `?1` can. Tags are not in it (column 7 is NULL): [`TagJoin`] adds them as
/// one ordered walk, cheaper than a subquery per row.
pub(in crate::store) fn before_span_sql(columns: Columns) -> String {
    format!(
        "{} WHERE s.id = (SELECT id FROM sessions WHERE start_utc < ?1 ORDER BY start_utc DESC LIMIT 1)
           AND (s.end_utc IS NULL OR s.end_utc > ?1)",
        span_select(columns)
    )
}

/// The second half: every session starting inside `[?1, ?2)`, in start order. It is
/// its own statement rather than half of a `UNION ALL … ORDER BY`: SQLite runs such a
/// compound as a merge of two co-routines, which cost a third of a million-row
/// export's time in SQLite.
pub(in crate::store) fn inside_span_sql(columns: Columns) -> String {
    format!(
        "{} WHERE s.start_utc >= ?1 AND s.start_utc < ?2 ORDER BY s.start_utc",
        span_select(columns)
    )
}

/// Sessions sharing any time with `span`, oldest first.
pub fn in_span(db: Db<'_>, span: Span) -> Result<Vec<Session>> {
    let mut out = Vec::new();
    each_in_span(db, span, &mut |s| {
        out.push(s);
        Ok(true)
    })?;
    Ok(out)
}

/// Which columns a streaming read fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::store) enum Columns {
    /// Every field.
    Full,
    /// Only project, start, end and (if asked) tags: enough for reports, and much
    /// cheaper over a whole history.
    Lean {
        /// Whether to load tags.
        tags: bool,
    },
    /// Only start and end: what balances and limits read (no project join, no text).
    Times,
}

/// Streams the sessions sharing time with `span`, oldest first, to `f` (which
/// returns `false` to stop), so exports use flat memory.
pub fn each_in_span(
    db: Db<'_>,
    span: Span,
    f: &mut dyn FnMut(Session) -> Result<bool>,
) -> Result<()> {
    let mut tags = TagJoin::new(db.conn()).map_err(|e| db.error(&e))?;
    let names = project_names(db.conn()).map_err(|e| db.error(&e))?;
    let mut zone = None;
    stream(db, span, Columns::Full, &mut |row| {
        let session = from_row_with(row, &mut zone, Some(&names))
            .and_then(|s| {
                Ok(Session {
                    tags: tags.tags(s.id)?,
                    ..s
                })
            })
            .map_err(|e| db.error(&e))?;
        f(session)
    })
}

/// Streams the lean rows (project, times and, if `tags`, tags) of the sessions sharing
/// time with `span`, oldest first: what full-history reports and balances read.
pub fn each_lean_in_span(
    db: Db<'_>,
    span: Span,
    tags: bool,
    f: &mut dyn FnMut(LeanSession) -> Result<bool>,
) -> Result<()> {
    let mut join = if tags {
        Some(TagJoin::new(db.conn()).map_err(|e| db.error(&e))?)
    } else {
        None
    };
    let names = project_names(db.conn()).map_err(|e| db.error(&e))?;
    stream(db, span, Columns::Lean { tags }, &mut |row| {
        let mut session = from_lean_row(row, &names).map_err(|e| db.error(&e))?;
        if let Some(join) = join.as_mut() {
            session.tags = join.tags(session.id).map_err(|e| db.error(&e))?;
        }
        f(session)
    })
}

/// Streams the start and end (`None` while running) of the sessions sharing time with
/// `span`, oldest first, in unix seconds: all that balances and working-time limits
/// need, read without the project join or any text, and without making a date of
/// each instant (the day walk works in seconds).
pub fn each_time_in_span(
    db: Db<'_>,
    span: Span,
    f: &mut dyn FnMut(i64, Option<i64>) -> Result<bool>,
) -> Result<()> {
    stream(db, span, Columns::Times, &mut |row| {
        let (start, end) = times_of(row).map_err(|e| db.error(&e))?;
        f(start, end)
    })
}

/// Start and end (unix seconds) of a row of the span query.
fn times_of(row: &Row<'_>) -> Sql<(i64, Option<i64>)> {
    Ok((row.get(4)?, row.get(5)?))
}

pub(in crate::store) fn stream(
    db: Db<'_>,
    span: Span,
    columns: Columns,
    f: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
) -> Result<()> {
    let (from, to) = crate::store::span_seconds(span);
    let mut inside = db.sql(|conn| conn.prepare_cached(&inside_span_sql(columns)))?;
    let mut rows = inside.query(params![from, to]).map_err(|e| db.error(&e))?;
    // The first row is read before the session from before the span is looked up:
    // while the statement has a row, its read transaction is open, so both halves
    // see the same snapshot even when another process writes in between.
    let first = rows.next().map_err(|e| db.error(&e))?;
    if span.from.is_some() {
        let mut before = db.sql(|conn| conn.prepare_cached(&before_span_sql(columns)))?;
        let mut reaching = before.query([from]).map_err(|e| db.error(&e))?;
        if let Some(row) = reaching.next().map_err(|e| db.error(&e))?
            && !f(row)?
        {
            return Ok(());
        }
    }
    let Some(first) = first else {
        return Ok(());
    };
    if !f(first)? {
        return Ok(());
    }
    while let Some(row) = rows.next().map_err(|e| db.error(&e))? {
        if !f(row)? {
            break;
        }
    }
    Ok(())
}

/// A row of the lean query: only the columns it carries are read (a million-row
/// report spends its time here).
fn from_lean_row(row: &Row<'_>, names: &ProjectNames) -> Sql<LeanSession> {
    Ok(LeanSession {
        id: row.get(0)?,
        project: project_of(row, names)?,
        start: from_unix(row.get(4)?),
        end: row.get::<_, Option<i64>>(5)?.map(from_unix),
        tags: Vec::new(),
    })
}
