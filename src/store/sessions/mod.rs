//! Session rows: insert, update, delete, the running session, the overlap check
//! and range queries. Functions take a [`Db`] (a read connection or an open write
//! transaction) and return the crate's own errors.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Db;

mod ranges;
use crate::error::Result;
use crate::model::{NewSession, ProjectSummary, Session, SessionId, TagSummary};
use crate::time::{from_unix, zone_named};
#[cfg(test)]
use ranges::inside_span_sql;
pub(super) use ranges::{Columns, before_span_sql, span_select, stream};
pub use ranges::{each_in_span, each_lean_in_span, each_time_in_span, in_span};

type Sql<T> = rusqlite::Result<T>;

/// Every column of a session, joined with its project and tags.
const SELECT: &str = "SELECT s.id, s.uuid, p.name, s.note, s.start_utc, s.end_utc, s.zone,
    (SELECT group_concat(t.name, char(31)) FROM session_tags st
     JOIN tags t ON t.id = st.tag_id WHERE st.session_id = s.id)
    FROM sessions s JOIN projects p ON p.id = s.project_id";

fn from_row(row: &Row<'_>) -> Sql<Session> {
    from_row_with(row, &mut None, None)
}

/// Project names by id, read once per streamed read: the range query then carries
/// `s.project_id` instead of joining `projects` (a seek per row), and its lean form
/// is served from the covering index `sessions_by_start` alone.
type ProjectNames = HashMap<i64, String>;

fn project_names(conn: &Connection) -> Sql<ProjectNames> {
    conn.prepare_cached("SELECT id, name FROM projects")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The project of a range-query row: column 2 holds its id.
fn project_of(row: &Row<'_>, names: &ProjectNames) -> Sql<String> {
    let id: i64 = row.get(2)?;
    names.get(&id).cloned().ok_or_else(|| {
        // `project_id` references `projects`, so this is a broken database.
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Integer,
            format!("session row names project {id}, which is not in the projects table").into(),
        )
    })
}

/// [`from_row`] with the zone of the previous row kept: a streamed read names the
/// same zone row after row, and comparing its text costs less than parsing it. With
/// `names`, column 2 is the project's id (the range query), else its name.
fn from_row_with(
    row: &Row<'_>,
    last_zone: &mut Option<chrono_tz::Tz>,
    names: Option<&ProjectNames>,
) -> Sql<Session> {
    let tags: Option<String> = row.get(7)?;
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    tags.sort();
    let id: SessionId = row.get(0)?;
    let zone = zone_of(row, id, last_zone)?;
    Ok(Session {
        id,
        uuid: row.get(1)?,
        project: match names {
            Some(names) => project_of(row, names)?,
            None => row.get(2)?,
        },
        note: row.get(3)?,
        start: from_unix(row.get(4)?),
        end: row.get::<_, Option<i64>>(5)?.map(from_unix),
        zone,
        tags,
    })
}

/// The zone in column 6 of session `id`'s row, with the previous row's kept in
/// `last_zone`: a streamed read names the same zone row after row, and comparing its
/// text costs less than parsing it.
pub(super) fn zone_of(
    row: &Row<'_>,
    id: SessionId,
    last_zone: &mut Option<chrono_tz::Tz>,
) -> Sql<chrono_tz::Tz> {
    let value = row.get_ref(6)?;
    // The same zone's bytes need no UTF-8 check: they equal a valid name.
    if let (Some(zone), Ok(bytes)) = (*last_zone, value.as_bytes())
        && zone.name().as_bytes() == bytes
    {
        return Ok(zone);
    }
    let name = value.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, Box::new(e))
    })?;
    match *last_zone {
        Some(zone) if zone.name() == name => Ok(zone),
        _ => {
            let Some(zone) = zone_named(name) else {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    6,
                    rusqlite::types::Type::Text,
                    Box::new(super::UnknownZone {
                        session: id.get(),
                        zone: name.to_string(),
                    }),
                ));
            };
            *last_zone = Some(zone);
            Ok(zone)
        }
    }
}

/// Whether the table holds no session at all (the first import's fast paths).
pub(crate) fn none_stored(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM sessions)", [], |r| {
        r.get(0)
    })
}

/// The running session, if any.
pub fn running(db: Db<'_>) -> Result<Option<Session>> {
    db.sql(|conn| conn.query_row(&running_sql(), [], from_row).optional())
}

/// The running-session read, served by the partial index `sessions_one_running`.
fn running_sql() -> String {
    format!("{SELECT} WHERE s.end_utc IS NULL")
}

/// The session with `id`.
pub fn by_id(db: Db<'_>, id: SessionId) -> Result<Option<Session>> {
    db.sql(|conn| {
        conn.query_row(&format!("{SELECT} WHERE s.id = ?1"), [id], from_row)
            .optional()
    })
}

/// The session that started last.
pub fn latest(db: Db<'_>) -> Result<Option<Session>> {
    db.sql(|conn| {
        conn.query_row(
            &format!("{SELECT} ORDER BY s.start_utc DESC, s.id DESC LIMIT 1"),
            [],
            from_row,
        )
        .optional()
    })
}

/// A stored session (other than `exclude`) that shares time with `[start, end)`;
/// `end = None` means open-ended. Stored sessions never overlap each other, so
/// the one starting last before `end` is the only one that can reach back past
/// `start`: one index probe, whatever the history's size.
pub fn overlapping(
    db: Db<'_>,
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    exclude: Option<SessionId>,
) -> Result<Option<Session>> {
    let limit = end.map_or(i64::MAX, |e| e.timestamp());
    let candidate = db.sql(|conn| {
        conn.query_row(&overlap_sql(), params![limit, exclude], from_row)
            .optional()
    })?;
    Ok(candidate.filter(|s| s.end.is_none_or(|e| e > start)))
}

/// The overlap probe: the session starting last before `?1`, other than `?2`.
fn overlap_sql() -> String {
    format!("{SELECT} WHERE s.start_utc < ?1 AND s.id IS NOT ?2 ORDER BY s.start_utc DESC LIMIT 1")
}

pub(super) fn project_id(conn: &Connection, name: &str, now: i64) -> Sql<i64> {
    conn.prepare_cached(
        "INSERT INTO projects (name, created_utc) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
    )?
    .execute(params![name, now])?;
    conn.prepare_cached("SELECT id FROM projects WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
}

pub(super) fn set_tags<T: AsRef<str>>(conn: &Connection, id: SessionId, tags: &[T]) -> Sql<()> {
    conn.prepare_cached("DELETE FROM session_tags WHERE session_id = ?1")?
        .execute([id])?;
    for tag in tags {
        let tag = tag.as_ref();
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
pub fn insert(db: Db<'_>, new: &NewSession, now: DateTime<Utc>) -> Result<SessionId> {
    db.sql(|conn| insert_row(conn, new, now))
}

fn insert_row(conn: &Connection, new: &NewSession, now: DateTime<Utc>) -> Sql<SessionId> {
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
pub fn insert_restored(db: Db<'_>, session: &Session, now: DateTime<Utc>) -> Result<()> {
    db.sql(|conn| insert_restored_row(conn, session, now))
}

fn insert_restored_row(conn: &Connection, session: &Session, now: DateTime<Utc>) -> Sql<()> {
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
pub fn update(db: Db<'_>, session: &Session, now: DateTime<Utc>) -> Result<()> {
    db.sql(|conn| update_row(conn, session, now))
}

fn update_row(conn: &Connection, session: &Session, now: DateTime<Utc>) -> Sql<()> {
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
pub fn delete(db: Db<'_>, id: SessionId) -> Result<usize> {
    db.sql(|conn| conn.execute("DELETE FROM sessions WHERE id = ?1", [id]))
}

/// Every project with its session count and tracked time (running counted to `now`).
pub fn project_summaries(db: Db<'_>, now: DateTime<Utc>) -> Result<Vec<ProjectSummary>> {
    db.sql(|conn| project_summary_rows(conn, now))
}

/// [`project_summaries`] summed over every session, for the tests to compare.
#[cfg(test)]
pub fn project_summaries_by_sum(db: Db<'_>, now: DateTime<Utc>) -> Result<Vec<ProjectSummary>> {
    db.sql(|conn| summary_rows(conn, PROJECT_SUMMARIES_BY_SUM, now))
}

fn project_summary_rows(conn: &Connection, now: DateTime<Utc>) -> Sql<Vec<ProjectSummary>> {
    summary_rows(conn, PROJECT_SUMMARIES, now)
}

fn summary_rows(conn: &Connection, sql: &str, now: DateTime<Utc>) -> Sql<Vec<ProjectSummary>> {
    let mut stmt = conn.prepare_cached(sql)?;
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

/// Each project's count and time: its stored totals of closed sessions
/// (`project_totals`, kept by triggers in every write's transaction) plus the running
/// session up to `?1`, and its last start by one probe of `sessions_by_project`.
/// Summing the sessions instead read every row of the table (a seek per session for
/// its end): most of `otium dividend`'s and `otium projects`' time at a million.
/// The running session is read once, from its partial index (`MATERIALIZED` and
/// `INDEXED BY`: else SQLite joins it per project, reading each project's sessions).
pub(super) const PROJECT_SUMMARIES: &str = "WITH running AS MATERIALIZED (
        SELECT project_id, start_utc FROM sessions INDEXED BY sessions_one_running
        WHERE end_utc IS NULL)
     SELECT p.name, p.output_unit,
        coalesce(t.sessions, 0) + (r.start_utc IS NOT NULL),
        coalesce(t.seconds, 0) + coalesce(?1 - r.start_utc, 0),
        (SELECT max(s.start_utc) FROM sessions s WHERE s.project_id = p.id)
     FROM projects p
     LEFT JOIN project_totals t ON t.project_id = p.id
     LEFT JOIN running r ON r.project_id = p.id
     ORDER BY p.name";

/// The same figures summed over every session: what [`PROJECT_SUMMARIES`] must equal
/// (the tests compare them).
#[cfg(test)]
const PROJECT_SUMMARIES_BY_SUM: &str = "SELECT p.name, p.output_unit, count(s.id),
        coalesce(sum(coalesce(s.end_utc, ?1) - s.start_utc), 0), max(s.start_utc)
     FROM projects p LEFT JOIN sessions s ON s.project_id = p.id
     GROUP BY p.id ORDER BY p.name";

/// Every tag in use with its session count and tracked time.
pub fn tag_summaries(db: Db<'_>, now: DateTime<Utc>) -> Result<Vec<TagSummary>> {
    db.sql(|conn| tag_summary_rows(conn, now))
}

/// Each tag in use with its sessions and seconds (`?1`: now, for a running one),
/// grouped by `st.tag_id` in the order the tag index already walks, then named.
/// Grouped by the joined `t.id`, SQLite sorted every tag link into a temporary b-tree
/// first: 1.2–2.4 s against 0.65–0.75 s for a million sessions' 1.3 M links.
const TAG_SUMMARIES: &str = "SELECT t.name, x.sessions, x.seconds
     FROM (SELECT st.tag_id AS tag_id, count(*) AS sessions,
                  sum(coalesce(s.end_utc, ?1) - s.start_utc) AS seconds
           FROM session_tags st CROSS JOIN sessions s ON s.id = st.session_id
           GROUP BY st.tag_id) x
     JOIN tags t ON t.id = x.tag_id ORDER BY t.name";

fn tag_summary_rows(conn: &Connection, now: DateTime<Utc>) -> Sql<Vec<TagSummary>> {
    let mut stmt = conn.prepare(TAG_SUMMARIES)?;
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
    use crate::time::range::Span;
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
            zone: chrono_tz::Tz::UTC,
        }
    }

    #[test]
    fn the_database_allows_only_one_running_session() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.write(|tx| {
            insert(tx, &new(t(9, 0), None), t(12, 0)).unwrap();
            insert(tx, &new(t(10, 0), None), t(12, 0))
        });
        assert!(err.unwrap_err().message().contains("UNIQUE"));
        // The failed transaction rolled back entirely: not even the first insert stayed.
        assert_eq!(running(store.reader()).unwrap(), None);
    }

    #[test]
    fn the_database_rejects_end_not_after_start() {
        let mut store = Store::open_in_memory().unwrap();
        let err = store.write(|tx| insert(tx, &new(t(9, 0), Some(t(9, 0))), t(12, 0)));
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
            overlapping(conn, t(9, 30), Some(t(10, 30)), Some(SessionId::new(2))).unwrap(),
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
        assert_eq!(
            by_id(conn, SessionId::new(1)).unwrap().unwrap().tags,
            ["a", "b"]
        );
    }
}

#[cfg(test)]
mod query_plans;
