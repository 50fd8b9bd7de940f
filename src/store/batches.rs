//! The batched range read: every field of the sessions sharing time with a span, in
//! start order, a [`SessionRows`] batch at a time, for the CSV export of a whole
//! history. Rows are copied straight from SQLite's row into the batch's buffers, with
//! projects and tags named by index, so a million-row read allocates nothing per row.

use std::cell::Cell;
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

use rusqlite::{Connection, Row, params};

use super::Db;
use super::sessions::{Columns, before_span_sql, span_select, stream, zone_of};
use super::tag_feed::{self, Feed, Witness};
use super::tag_join::{IdPlaces, TagJoin};
use crate::error::Result;
use crate::model::{RowNames, SessionId, SessionRows};
use crate::time::range::Span;

type Sql<T> = rusqlite::Result<T>;

/// A batch holds this many rows at most…
const BATCH_ROWS: usize = 4096;
/// …and this much text (uuids and notes), so a history of long notes stays in flat
/// memory too.
const BATCH_TEXT: usize = 1 << 20;

/// Streams the sessions sharing time with `span`, oldest first, in batches to `f`,
/// which hands back a batch to fill next (the same one, emptied, or another): a
/// consumer on another thread can keep a batch while the next one fills.
pub fn each_batch_in_span(
    db: Db<'_>,
    span: Span,
    f: &mut dyn FnMut(SessionRows) -> Result<SessionRows>,
) -> Result<()> {
    each_batch_telling(db, span, f).map(|_| ())
}

/// [`each_batch_in_span`], telling whether the tags were read ahead on a second
/// connection (see `tag_feed`).
pub(super) fn each_batch_telling(
    db: Db<'_>,
    span: Span,
    f: &mut dyn FnMut(SessionRows) -> Result<SessionRows>,
) -> Result<bool> {
    // One read transaction (unless the caller is inside one): the check of the id
    // order and the read it chooses see the same snapshot.
    let conn = db.conn();
    let own = conn.is_autocommit();
    // The witness of the tags' read-ahead reads before this read's snapshot begins.
    let witness = match db.shared_path() {
        Some(path) if own && tag_feed::may_be_long(conn, span).map_err(|e| db.error(&e))? => {
            Witness::start(path)
        }
        _ => None,
    };
    if own {
        conn.execute_batch("BEGIN").map_err(|e| db.error(&e))?;
    }
    let read = read_batches(db, span, witness, f);
    if own {
        let end = conn.execute_batch(if read.is_ok() { "COMMIT" } else { "ROLLBACK" });
        if read.is_ok() {
            end.map_err(|e| db.error(&e))?;
        }
    }
    read
}

fn read_batches(
    db: Db<'_>,
    span: Span,
    witness: Option<Witness>,
    f: &mut dyn FnMut(SessionRows) -> Result<SessionRows>,
) -> Result<bool> {
    let (from, to) = super::span_seconds(span);
    let in_order = ids_in_start_order(db.conn(), from, to).map_err(|e| db.error(&e))?;
    // The tags are read ahead on a second connection only down the table (ids rise)
    // and for a long read, and only if it shares this one's snapshot.
    let twin = match (in_order, witness, db.shared_path()) {
        (Some((first, last)), Some(witness), Some(path))
            if last - first >= tag_feed::FEED_MIN_IDS =>
        {
            witness.same_snapshot(path).map(|twin| (twin, first, last))
        }
        _ => None,
    };
    std::thread::scope(|scope| {
        let feed = twin.map(|(twin, first, last)| {
            let (chunks, to_join) = sync_channel(tag_feed::AHEAD);
            scope.spawn(move || tag_feed::stream(&twin, first, last, &chunks));
            (to_join, first)
        });
        let read_ahead = feed.is_some();
        // Returning drops the receiver with the join: a tag reader still sending
        // (after an error here) then ends, and the scope joins it.
        read_rows(db, span, in_order, feed, f).map(|()| read_ahead)
    })
}

fn read_rows(
    db: Db<'_>,
    span: Span,
    in_order: Option<(i64, i64)>,
    feed: Option<(Feed, i64)>,
    f: &mut dyn FnMut(SessionRows) -> Result<SessionRows>,
) -> Result<()> {
    let mut read: Option<Read<'_>> = None;
    let mut batch = SessionRows::new(Arc::default());
    let mut tags = Vec::new();
    // The tags read ahead go to the join at the first row read down the table.
    let feed_at_next_row = Cell::new(None);
    let mut add = |row: &Row<'_>| -> Result<bool> {
        let read = match read.as_mut() {
            Some(read) => read,
            None => {
                let started = Read::new(db.conn()).map_err(|e| db.error(&e))?;
                batch.reset(Arc::clone(&started.names));
                read.insert(started)
            }
        };
        if let Some((chunks, first)) = feed_at_next_row.take() {
            read.tags.feed(chunks, first);
        }
        read.push(row, &mut batch, &mut tags)
            .map_err(|e| db.error(&e))?;
        if batch.len() >= BATCH_ROWS || batch.text_len() >= BATCH_TEXT {
            let full = std::mem::replace(&mut batch, SessionRows::new(Arc::clone(&read.names)));
            batch = f(full)?;
            batch.reset(Arc::clone(&read.names));
        }
        Ok(true)
    };
    let (from, to) = super::span_seconds(span);
    match in_order {
        Some((first, last)) => {
            if span.from.is_some() {
                each_row(db, &before_span_sql(Columns::Full), params![from], &mut add)?;
            }
            feed_at_next_row.set(feed);
            each_row(db, &by_id_sql(), params![from, to, first, last], &mut add)?;
        }
        None => stream(db, span, Columns::Full, &mut add)?,
    }
    if !batch.is_empty() {
        f(batch)?;
    }
    Ok(())
}

/// Whether the ids of the sessions starting in `[from, to)` rise with their starts,
/// as they do in a history written in order (by an import, or by ordinary use), and
/// if so the first and last id. One walk of the covering index `sessions_by_start`,
/// which stops at the first id out of order.
fn ids_in_start_order(conn: &Connection, from: i64, to: i64) -> Sql<Option<(i64, i64)>> {
    let mut stmt = conn.prepare_cached(IDS_SQL)?;
    let mut rows = stmt.query(params![from, to])?;
    let mut range: Option<(i64, i64)> = None;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        match range.as_mut() {
            None => range = Some((id, id)),
            Some((_, last)) if id > *last => *last = id,
            Some(_) => return Ok(None),
        }
    }
    Ok(range)
}

/// The ids of the sessions starting in `[?1, ?2)`, in start order.
const IDS_SQL: &str =
    "SELECT id FROM sessions WHERE start_utc >= ?1 AND start_utc < ?2 ORDER BY start_utc";

/// The sessions starting in `[?1, ?2)` with ids in `[?3, ?4]`, in id order: when ids
/// rise with starts, the same rows in the same order as the start index gives, read
/// straight down the table instead of a table seek per index entry (a quarter of
/// SQLite's time in a whole-history export).
fn by_id_sql() -> String {
    format!(
        "{} WHERE s.id >= ?3 AND s.id <= ?4 AND s.start_utc >= ?1 AND s.start_utc < ?2 ORDER BY s.id",
        span_select(Columns::Full)
    )
}

/// Runs `sql` and hands each row to `f` (which returns `false` to stop).
fn each_row(
    db: Db<'_>,
    sql: &str,
    params: &[&dyn rusqlite::ToSql],
    f: &mut dyn FnMut(&Row<'_>) -> Result<bool>,
) -> Result<()> {
    let mut stmt = db.sql(|conn| conn.prepare_cached(sql))?;
    let mut rows = stmt.query(params).map_err(|e| db.error(&e))?;
    while let Some(row) = rows.next().map_err(|e| db.error(&e))? {
        if !f(row)? {
            break;
        }
    }
    Ok(())
}

/// What one batched read keeps between rows.
struct Read<'c> {
    names: Arc<RowNames>,
    projects: IdPlaces,
    tags: TagJoin<'c>,
    zone: Option<chrono_tz::Tz>,
}

impl<'c> Read<'c> {
    fn new(conn: &'c Connection) -> Sql<Self> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM projects ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Sql<Vec<_>>>()?;
        let projects = IdPlaces::new(
            rows.iter()
                .enumerate()
                .filter_map(|(place, (id, _))| Some((*id, u32::try_from(place).ok()?))),
        );
        let mut tags = TagJoin::new(conn)?;
        let names = RowNames {
            projects: rows.into_iter().map(|(_, name)| name).collect(),
            tags: tags.sorted_names(),
        };
        Ok(Read {
            names: Arc::new(names),
            projects,
            tags,
            zone: None,
        })
    }

    /// Adds the session of `row` (a [`Columns::Full`] row) to `batch`.
    fn push(&mut self, row: &Row<'_>, batch: &mut SessionRows, tags: &mut Vec<u32>) -> Sql<()> {
        let id: SessionId = row.get(0)?;
        let project_id: i64 = row.get(2)?;
        let Some(project) = self.projects.get(project_id) else {
            // `project_id` references `projects`, so this is a broken database.
            return Err(rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Integer,
                format!(
                    "session row names project {project_id}, which is not in the projects table"
                )
                .into(),
            ));
        };
        let zone = zone_of(row, id, &mut self.zone)?;
        self.tags.ranks(id, tags)?;
        let uuid = row.get_ref(1)?.as_str()?;
        let note = row.get_ref(3)?.as_str_or_null()?;
        if !batch.push(
            id,
            uuid,
            project,
            note,
            row.get(4)?,
            row.get(5)?,
            zone,
            tags,
        ) {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("session {id} holds more text than one read can carry").into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use crate::model::{NewSession, Session};
    use crate::store::{Store, sessions};
    use crate::time::range::Span;

    /// More sessions than a batch holds, with tags, notes, two zones and a running
    /// one, once with ids rising with starts (the read down the table) and once with
    /// one id out of order (the read along the start index): the batches, read back,
    /// are exactly the sessions the one-by-one read gives, for the whole history and
    /// for a span that starts inside a session.
    #[test]
    fn batches_hold_what_the_one_by_one_read_holds() {
        for shuffled in [false, true] {
            let mut store = Store::open_in_memory().unwrap();
            let base = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
            let count = super::BATCH_ROWS + 500;
            store
                .write(|tx| {
                    for i in 0..count {
                        let slot = if shuffled && i == 10 { count + 5 } else { i };
                        let start = base + Duration::minutes(2 * i64::try_from(slot).unwrap());
                        let tags: Vec<crate::model::Tag> = ["zz", "b", "初稿"]
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| (i >> k) & 1 == 1)
                            .map(|(_, t)| (*t).into())
                            .collect();
                        let new = NewSession {
                            project: ["p", "写作", "q"][i % 3].into(),
                            tags,
                            note: (i % 4 == 0).then(|| format!("note {i}, \"quoted\"")),
                            start,
                            end: (i + 1 != count).then(|| start + Duration::minutes(1)),
                            zone: if i % 5 == 0 {
                                chrono_tz::Asia::Shanghai
                            } else {
                                chrono_tz::Europe::Berlin
                            },
                        };
                        sessions::insert(tx, &new, base)?;
                    }
                    Ok(())
                })
                .unwrap();
            let db = store.reader();
            let in_order = super::ids_in_start_order(db.conn(), i64::MIN, i64::MAX).unwrap();
            assert_eq!(
                in_order.is_some(),
                !shuffled,
                "shuffled {shuffled}: {in_order:?}"
            );
            let within = Span {
                from: Some(base + Duration::seconds(30)),
                to: Some(base + Duration::minutes(100)),
            };
            for span in [Span::ALL, within] {
                let want: Vec<Session> = sessions::in_span(db, span).unwrap();
                let mut got = Vec::new();
                let mut batches = 0;
                super::each_batch_in_span(db, span, &mut |batch| {
                    batches += 1;
                    assert!(batch.len() <= super::BATCH_ROWS);
                    got.extend(batch.iter().map(|r| r.to_session()));
                    Ok(batch)
                })
                .unwrap();
                assert_eq!(got, want, "shuffled {shuffled}, {span:?}");
                if span == Span::ALL {
                    assert_eq!(got.len(), count);
                    assert_eq!(batches, 2);
                } else {
                    // The first session started before the span and reaches into it:
                    // slots 0–49 start inside the first 100 minutes.
                    assert_eq!(got.first().map(|s| s.start), Some(base));
                    assert_eq!(got.len(), if shuffled { 49 } else { 50 });
                }
            }
        }
    }

    /// The read down the table searches the primary key, and the order check walks
    /// the start index alone.
    #[test]
    fn the_reads_search_the_keys_they_name() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.reader().conn();
        let plan = |sql: &str, n: usize| -> Vec<String> {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let params: Vec<i64> = (0..n).map(|i| i64::try_from(i).unwrap()).collect();
            stmt.query_map(rusqlite::params_from_iter(params), |r| r.get(3))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let by_id = plan(&super::by_id_sql(), 4);
        assert_eq!(
            by_id,
            ["SEARCH s USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"],
            "{by_id:#?}"
        );
        let ids = plan(super::IDS_SQL, 2);
        assert_eq!(
            ids,
            [
                "SEARCH sessions USING COVERING INDEX sessions_by_start (start_utc>? AND start_utc<?)"
            ],
            "{ids:#?}"
        );
    }

    #[test]
    fn an_empty_history_gives_no_batch() {
        let store = Store::open_in_memory().unwrap();
        let mut calls = 0;
        super::each_batch_in_span(store.reader(), Span::ALL, &mut |b| {
            calls += 1;
            Ok(b)
        })
        .unwrap();
        assert_eq!(calls, 0);
    }
}
