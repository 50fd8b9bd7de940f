//! The tag links of a long batched read, read ahead on a second connection and a
//! thread of their own (issue 21). In a whole-history CSV export the walk over
//! `session_tags` was a fifth of the reading thread's work; on its own connection it
//! runs beside the row read instead of inside it.
//!
//! Both connections must read the same snapshot, or a session written between their
//! two starts could come out with another version's tags. SQLite gives no shared
//! snapshot through rusqlite's safe API, so it is proven instead: a third connection
//! reads `PRAGMA data_version` before the row read's snapshot begins and again after
//! the tag read's has begun. SQLite changes that number whenever another connection
//! commits in between; unchanged, both snapshots are the state of the first reading.
//! Changed (a write landed in that millisecond), the read-ahead is dropped and the
//! tags are read on the row read's own connection, as for a short read.

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::time::range::Span;

type Sql<T> = rusqlite::Result<T>;

/// Reads whose sessions span fewer ids than this keep to one connection: opening two
/// more costs about a millisecond, what a read of a few thousand rows takes.
pub(super) const FEED_MIN_IDS: i64 = 20_000;

/// A chunk carries about this many links…
const CHUNK_LINKS: usize = 4096;
/// …and at most this many chunks wait, read ahead and not yet joined (memory stays flat).
pub(super) const AHEAD: usize = 4;

/// The links `(session_id, tag_id)` of every session id below `end` (and at or above
/// the previous chunk's `end`), in key order.
pub(super) struct Chunk {
    pub(super) end: i64,
    pub(super) links: Vec<(i64, i64)>,
}

/// The chunks of one read, in order; a `Err` ends it.
pub(super) type Feed = Receiver<Sql<Chunk>>;

/// A read-only connection of its own to the database at `path`.
fn open_reader(path: &Path) -> Sql<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Whether a read of `span` on `conn` (outside any transaction) may be long enough to
/// be worth the read-ahead: the ids of its first and last sessions by start lie
/// [`FEED_MIN_IDS`] apart. Two index probes; a span shorter than a quarter of a year
/// asks nothing (a week of even a dense history is a few hundred sessions).
pub(super) fn may_be_long(conn: &Connection, span: Span) -> Sql<bool> {
    const QUARTER: i64 = 91 * 86_400;
    if let (Some(from), Some(to)) = (span.from, span.to)
        && to.timestamp() - from.timestamp() < QUARTER
    {
        return Ok(false);
    }
    if std::thread::available_parallelism().map_or(1, std::num::NonZero::get) < 2 {
        return Ok(false);
    }
    let (from, to) = super::span_seconds(span);
    let (first, last): (Option<i64>, Option<i64>) = conn
        .prepare_cached(
            "SELECT (SELECT id FROM sessions WHERE start_utc >= ?1 ORDER BY start_utc LIMIT 1),
                    (SELECT id FROM sessions WHERE start_utc < ?2 ORDER BY start_utc DESC LIMIT 1)",
        )?
        .query_row(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(matches!((first, last), (Some(a), Some(b)) if b.saturating_sub(a) >= FEED_MIN_IDS))
}

/// The witness that no other connection committed between [`Witness::start`] and
/// [`Witness::same_snapshot`].
pub(super) struct Witness {
    conn: Connection,
    version: i64,
}

impl Witness {
    /// Reads the data version of the database at `path` now, before the row read's
    /// snapshot begins. `None` when no connection can be opened (then nothing is read
    /// ahead).
    pub(super) fn start(path: &Path) -> Option<Witness> {
        let conn = open_reader(path).ok()?;
        let version = data_version(&conn).ok()?;
        Some(Witness { conn, version })
    }

    /// A connection reading the snapshot the row read began after [`Witness::start`],
    /// inside a read transaction of its own; `None` if a write may have come between.
    pub(super) fn same_snapshot(self, path: &Path) -> Option<Connection> {
        let twin = open_reader(path).ok()?;
        // The walk reads each page once, in order: a small cache keeps memory flat.
        twin.execute_batch("PRAGMA cache_size = -256; BEGIN").ok()?;
        // The snapshot begins at the transaction's first read.
        twin.query_row("SELECT 1 FROM session_tags LIMIT 1", [], |_| Ok(()))
            .optional()
            .ok()?;
        (data_version(&self.conn).ok()? == self.version).then_some(twin)
    }
}

fn data_version(conn: &Connection) -> Sql<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

/// Reads the links of the session ids `first..=last` on `conn` (inside the read
/// transaction [`Witness::same_snapshot`] opened) and sends them in chunks, until
/// they end or the receiver is gone.
pub(super) fn stream(conn: &Connection, first: i64, last: i64, to: &SyncSender<Sql<Chunk>>) {
    let read = || -> Sql<()> {
        let mut stmt = conn.prepare(
            "SELECT session_id, tag_id FROM session_tags
             WHERE session_id >= ?1 AND session_id <= ?2 ORDER BY session_id, tag_id",
        )?;
        let mut rows = stmt.query([first, last])?;
        let mut links = Vec::with_capacity(CHUNK_LINKS + 16);
        while let Some(row) = rows.next()? {
            let link: (i64, i64) = (row.get(0)?, row.get(1)?);
            // A chunk ends between two sessions, never inside one's links.
            if links.len() >= CHUNK_LINKS && links.last().is_some_and(|l: &(i64, i64)| l.0 < link.0)
            {
                let full = std::mem::replace(&mut links, Vec::with_capacity(CHUNK_LINKS + 16));
                if to
                    .send(Ok(Chunk {
                        end: link.0,
                        links: full,
                    }))
                    .is_err()
                {
                    return Ok(());
                }
            }
            links.push(link);
        }
        let _ = to.send(Ok(Chunk {
            end: last.saturating_add(1),
            links,
        }));
        Ok(())
    };
    if let Err(e) = read() {
        let _ = to.send(Err(e));
    }
}

#[cfg(test)]
#[path = "tag_feed_tests.rs"]
mod tests;
