//! Session rows: insert, update, delete, the running session, the overlap check
//! and range queries. Functions take a `&Connection` (a transaction derefs to one).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::model::{NewSession, ProjectSummary, Session, SessionId, TagSummary};
use crate::time::{from_unix, range::Span, zone_named};

type Sql<T> = rusqlite::Result<T>;

/// A session's tags in one column; tag names cannot hold control characters, so U+001F
/// separates them.
const TAGS: &str = "(SELECT group_concat(t.name, char(31)) FROM session_tags st
    JOIN tags t ON t.id = st.tag_id WHERE st.session_id = s.id)";

/// Every column of a session, joined with its project and tags.
const SELECT: &str = "SELECT s.id, s.uuid, p.name, s.note, s.start_utc, s.end_utc, s.zone,
    (SELECT group_concat(t.name, char(31)) FROM session_tags st
     JOIN tags t ON t.id = st.tag_id WHERE st.session_id = s.id)
    FROM sessions s JOIN projects p ON p.id = s.project_id";

fn from_row(row: &Row<'_>) -> Sql<Session> {
    let tags: Option<String> = row.get(7)?;
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    tags.sort();
    let zone: String = row.get(6)?;
    Ok(Session {
        id: row.get(0)?,
        uuid: row.get(1)?,
        project: row.get(2)?,
        note: row.get(3)?,
        start: from_unix(row.get(4)?),
        end: row.get::<_, Option<i64>>(5)?.map(from_unix),
        zone: zone_named(&zone).unwrap_or(Tz::UTC),
        tags,
    })
}

/// The running session, if any.
pub fn running(conn: &Connection) -> Sql<Option<Session>> {
    conn.query_row(&format!("{SELECT} WHERE s.end_utc IS NULL"), [], from_row)
        .optional()
}

/// The session with `id`.
pub fn by_id(conn: &Connection, id: SessionId) -> Sql<Option<Session>> {
    conn.query_row(&format!("{SELECT} WHERE s.id = ?1"), [id], from_row)
        .optional()
}

/// The session that started last.
pub fn latest(conn: &Connection) -> Sql<Option<Session>> {
    conn.query_row(
        &format!("{SELECT} ORDER BY s.start_utc DESC, s.id DESC LIMIT 1"),
        [],
        from_row,
    )
    .optional()
}

/// A stored session (other than `exclude`) that shares time with `[start, end)`;
/// `end = None` means open-ended. Stored sessions never overlap each other, so
/// the one starting last before `end` is the only one that can reach back past
/// `start`: one index probe, whatever the history's size.
pub fn overlapping(
    conn: &Connection,
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    exclude: Option<SessionId>,
) -> Sql<Option<Session>> {
    let limit = end.map_or(i64::MAX, |e| e.timestamp());
    let candidate = conn
        .query_row(&overlap_sql(), params![limit, exclude], from_row)
        .optional()?;
    Ok(candidate.filter(|s| s.end.is_none_or(|e| e > start)))
}

/// The overlap probe: the session starting last before `?1`, other than `?2`.
fn overlap_sql() -> String {
    format!("{SELECT} WHERE s.start_utc < ?1 AND s.id IS NOT ?2 ORDER BY s.start_utc DESC LIMIT 1")
}

/// The range query: the one session that can reach into `[?1, ?2)` from before it,
/// plus every session starting inside it.
fn span_sql(columns: Columns) -> String {
    let select = match columns {
        Columns::Full => SELECT.to_string(),
        Columns::Lean { tags } => {
            let tags = if tags { TAGS } else { "NULL" };
            format!(
                "SELECT s.id, '', p.name, NULL, s.start_utc, s.end_utc, 'UTC', {tags}
                 FROM sessions s JOIN projects p ON p.id = s.project_id"
            )
        }
    };
    // Sessions never overlap, so only the one starting last before `from` can reach into
    // the span from before it; the index on start_utc serves both halves.
    format!(
        "{select} WHERE s.id = (SELECT id FROM sessions WHERE start_utc < ?1 ORDER BY start_utc DESC LIMIT 1)
           AND (s.end_utc IS NULL OR s.end_utc > ?1)
         UNION ALL
         {select} WHERE s.start_utc >= ?1 AND s.start_utc < ?2
         ORDER BY 5"
    )
}

fn project_id(conn: &Connection, name: &str, now: i64) -> Sql<i64> {
    conn.prepare_cached(
        "INSERT INTO projects (name, created_utc) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
    )?
    .execute(params![name, now])?;
    conn.prepare_cached("SELECT id FROM projects WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
}

fn set_tags(conn: &Connection, id: SessionId, tags: &[String]) -> Sql<()> {
    conn.prepare_cached("DELETE FROM session_tags WHERE session_id = ?1")?
        .execute([id])?;
    for tag in tags {
        conn.prepare_cached("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")?
            .execute([tag])?;
        conn.prepare_cached(
            "INSERT INTO session_tags (session_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
        )?
        .execute(params![id, tag])?;
    }
    Ok(())
}

/// Inserts a session (creating its project and tags) and returns its id.
pub fn insert(conn: &Connection, new: &NewSession, now: DateTime<Utc>) -> Sql<SessionId> {
    let now = now.timestamp();
    let project = project_id(conn, &new.project, now)?;
    let id = conn
        .prepare_cached(
            "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
        )?
        .query_row(
            params![
                uuid::Uuid::new_v4().to_string(),
                project,
                new.start.timestamp(),
                new.end.map(|e| e.timestamp()),
                new.zone.name(),
                new.note,
                now
            ],
            |r| r.get(0),
        )?;
    set_tags(conn, id, &new.tags)?;
    Ok(id)
}

/// Puts a deleted session back with its own id and uuid (undo). Ids are never handed
/// out twice (AUTOINCREMENT), so the id is still free; the insert fails if it is not.
pub fn insert_restored(conn: &Connection, session: &Session, now: DateTime<Utc>) -> Sql<()> {
    let now = now.timestamp();
    let project = project_id(conn, &session.project, now)?;
    conn.execute(
        "INSERT INTO sessions (id, uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            session.id,
            session.uuid,
            project,
            session.start.timestamp(),
            session.end.map(|e| e.timestamp()),
            session.zone.name(),
            session.note,
            now
        ],
    )?;
    set_tags(conn, session.id, &session.tags)
}

/// Replaces every editable field of session `session.id` with the given values.
pub fn update(conn: &Connection, session: &Session, now: DateTime<Utc>) -> Sql<()> {
    let now = now.timestamp();
    let project = project_id(conn, &session.project, now)?;
    conn.execute(
        "UPDATE sessions SET project_id = ?2, start_utc = ?3, end_utc = ?4, note = ?5, updated_utc = ?6
         WHERE id = ?1",
        params![
            session.id,
            project,
            session.start.timestamp(),
            session.end.map(|e| e.timestamp()),
            session.note,
            now
        ],
    )?;
    set_tags(conn, session.id, &session.tags)
}

/// Deletes a session (its tag links go with it).
pub fn delete(conn: &Connection, id: SessionId) -> Sql<usize> {
    conn.execute("DELETE FROM sessions WHERE id = ?1", [id])
}

/// Sessions sharing any time with `span`, oldest first.
pub fn in_span(conn: &Connection, span: Span) -> Sql<Vec<Session>> {
    let mut out = Vec::new();
    each_in_span(conn, span, Columns::Full, &mut |s| {
        out.push(s);
        Ok(true)
    })?;
    Ok(out)
}

/// Which columns a streaming read fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// Every field.
    Full,
    /// Only project, start, end and (if asked) tags: enough for reports, and much
    /// cheaper over a whole history. `uuid` and `note` stay empty, `zone` is UTC.
    Lean {
        /// Whether to load tags.
        tags: bool,
    },
}

/// Streams the sessions sharing time with `span`, oldest first, to `f` (which
/// returns `false` to stop), so exports and full-history reports use flat memory.
pub fn each_in_span(
    conn: &Connection,
    span: Span,
    columns: Columns,
    f: &mut dyn FnMut(Session) -> Sql<bool>,
) -> Sql<()> {
    let from = span.from.map_or(i64::MIN, |t| t.timestamp());
    let to = span.to.map_or(i64::MAX, |t| t.timestamp());
    let sql = span_sql(columns);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params![from, to])?;
    let read = match columns {
        Columns::Full => from_row,
        Columns::Lean { .. } => from_lean_row,
    };
    while let Some(row) = rows.next()? {
        if !f(read(row)?)? {
            break;
        }
    }
    Ok(())
}

/// A row of the lean query: only the columns it carries are read (a million-row
/// report spends its time here), the rest left empty as [`Columns::Lean`] says.
fn from_lean_row(row: &Row<'_>) -> Sql<Session> {
    let tags = match row.get_ref(7)? {
        rusqlite::types::ValueRef::Text(text) => {
            let mut tags: Vec<String> = String::from_utf8_lossy(text)
                .split('\u{1f}')
                .map(str::to_string)
                .collect();
            tags.sort();
            tags
        }
        _ => Vec::new(),
    };
    Ok(Session {
        id: row.get(0)?,
        uuid: String::new(),
        project: row.get(2)?,
        note: None,
        start: from_unix(row.get(4)?),
        end: row.get::<_, Option<i64>>(5)?.map(from_unix),
        zone: Tz::UTC,
        tags,
    })
}

/// Every project with its session count and tracked time (running counted to `now`).
pub fn project_summaries(conn: &Connection, now: DateTime<Utc>) -> Sql<Vec<ProjectSummary>> {
    let mut stmt = conn.prepare(
        "SELECT p.name, p.output_unit, count(s.id),
                coalesce(sum(coalesce(s.end_utc, ?1) - s.start_utc), 0), max(s.start_utc)
         FROM projects p LEFT JOIN sessions s ON s.project_id = p.id
         GROUP BY p.id ORDER BY p.name",
    )?;
    stmt.query_map([now.timestamp()], |r| {
        Ok(ProjectSummary {
            name: r.get(0)?,
            output_unit: r.get(1)?,
            sessions: r.get(2)?,
            total_seconds: r.get(3)?,
            last_start: r
                .get::<_, Option<i64>>(4)?
                .map(|t| from_unix(t).to_rfc3339()),
        })
    })?
    .collect()
}

/// Every tag in use with its session count and tracked time.
pub fn tag_summaries(conn: &Connection, now: DateTime<Utc>) -> Sql<Vec<TagSummary>> {
    let mut stmt = conn.prepare(
        "SELECT t.name, count(s.id), coalesce(sum(coalesce(s.end_utc, ?1) - s.start_utc), 0)
         FROM tags t JOIN session_tags st ON st.tag_id = t.id JOIN sessions s ON s.id = st.session_id
         GROUP BY t.id ORDER BY t.name",
    )?;
    stmt.query_map([now.timestamp()], |r| {
        Ok(TagSummary {
            name: r.get(0)?,
            sessions: r.get(1)?,
            total_seconds: r.get(2)?,
        })
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0).unwrap()
    }

    fn new(start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> NewSession {
        NewSession {
            project: "p".into(),
            tags: vec!["a".into(), "b".into()],
            note: None,
            start,
            end,
            zone: Tz::UTC,
        }
    }

    #[test]
    fn the_database_allows_only_one_running_session() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.write(|tx| {
            insert(tx, &new(t(9, 0), None), t(12, 0)).unwrap();
            insert(tx, &new(t(10, 0), None), t(12, 0)).map_err(|e| tx_error(&e))
        });
        assert!(err.unwrap_err().message().contains("UNIQUE"));
        // The failed transaction rolled back entirely: not even the first insert stayed.
        assert_eq!(running(store.reader()).unwrap(), None);
    }

    #[test]
    fn the_database_rejects_end_not_after_start() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.write(|tx| {
            insert(tx, &new(t(9, 0), Some(t(9, 0))), t(12, 0)).map_err(|e| tx_error(&e))
        });
        assert!(err.unwrap_err().message().contains("CHECK"));
    }

    #[test]
    fn overlap_probe_and_span_query() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                for (a, b) in [
                    (t(8, 0), t(9, 0)),
                    (t(9, 0), t(10, 0)),
                    (t(11, 0), t(12, 0)),
                ] {
                    insert(tx, &new(a, Some(b)), t(12, 0)).unwrap();
                }
                Ok(())
            })
            .unwrap();
        let conn = store.reader();
        // Touching is not overlapping.
        assert_eq!(
            overlapping(conn, t(10, 0), Some(t(11, 0)), None).unwrap(),
            None
        );
        assert_eq!(
            overlapping(conn, t(9, 30), Some(t(10, 30)), None)
                .unwrap()
                .unwrap()
                .id,
            2
        );
        assert_eq!(
            overlapping(conn, t(7, 0), Some(t(13, 0)), None)
                .unwrap()
                .unwrap()
                .id,
            3
        );
        assert_eq!(
            overlapping(conn, t(9, 30), Some(t(10, 30)), Some(2)).unwrap(),
            None
        );
        assert_eq!(
            overlapping(conn, t(11, 59), None, None)
                .unwrap()
                .unwrap()
                .id,
            3
        );
        // A span starting inside session 2 finds it, plus everything starting in the span.
        let span = Span {
            from: Some(t(9, 30)),
            to: Some(t(11, 0)),
        };
        let ids: Vec<_> = in_span(conn, span).unwrap().iter().map(|s| s.id).collect();
        assert_eq!(ids, [2]);
        let ids: Vec<_> = in_span(conn, Span::ALL)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, [1, 2, 3]);
        assert_eq!(by_id(conn, 1).unwrap().unwrap().tags, ["a", "b"]);
    }

    fn tx_error(e: &rusqlite::Error) -> crate::Error {
        crate::Error::database(e.to_string())
    }
}

#[cfg(test)]
mod query_plans {
    //! The hot queries must use an index, however long the history: checked with
    //! `EXPLAIN QUERY PLAN` rather than with timings.
    use crate::store::Store;

    fn plan(sql: &str) -> String {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .reader()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    fn assert_no_full_scan_of_sessions(sql: &str) {
        let plan = plan(sql);
        for line in plan.lines() {
            assert!(
                !(line.contains("SCAN s") || line.contains("SCAN sessions"))
                    || line.contains("USING"),
                "full scan of sessions in:\n{plan}\nfor {sql}"
            );
        }
    }

    #[test]
    fn running_session_uses_the_partial_index() {
        let plan = plan(&format!("{} WHERE s.end_utc IS NULL", super::SELECT).replace("?1", "0"));
        assert!(plan.contains("sessions_one_running"), "{plan}");
    }

    #[test]
    fn overlap_probe_uses_the_start_index() {
        let sql = super::overlap_sql()
            .replace("?1", "100")
            .replace("?2", "NULL");
        assert!(plan(&sql).contains("sessions_by_start"), "{}", plan(&sql));
        assert_no_full_scan_of_sessions(&sql);
    }

    #[test]
    fn range_queries_use_the_start_index() {
        for columns in [
            super::Columns::Full,
            super::Columns::Lean { tags: true },
            super::Columns::Lean { tags: false },
        ] {
            let sql = super::span_sql(columns)
                .replace("?1", "100")
                .replace("?2", "200");
            let plan = plan(&sql);
            assert!(plan.contains("sessions_by_start"), "{plan}");
            assert_no_full_scan_of_sessions(&sql);
        }
    }
}
