//! The `sessions_by_uuid` index (migration 010) set aside for an import into a table
//! that holds no session: dropped at the import's first insert and created again, by
//! its stored text, when the import is done, inside the import's one transaction (see
//! [`SetAside`]). Used by [`super::ImportWriter`] only.

use rusqlite::Connection;

use crate::model::SessionId;

type Sql<T> = rusqlite::Result<T>;

/// The uuid index while it is out, and the uuids written meanwhile. UUIDs come in
/// random order, so each insert into the index lands at a random page of it: for a
/// first import of a million sessions about an eighth of the time, and growing faster
/// than the file. Creating the index once at the end sorts instead. Meanwhile this
/// map answers what the index would: which session has a uuid. It is complete
/// because the table held no session when the index went out, so every session in it
/// is one this import inserted. Both the drop and the re-creation are inside the
/// import's transaction: a failure rolls them back with everything else, and no other
/// connection ever sees the table without its index.
pub(super) struct SetAside {
    /// The index's `CREATE UNIQUE INDEX` statement as stored, run again verbatim, and
    /// those of [`REBUILT`] (all taken out together).
    sql: Vec<String>,
    /// The sessions inserted since, by uuid (128 bits: keys are canonical UUIDs).
    ids: foldhash::HashMap<u128, SessionId>,
}

/// A session key as the map holds it; `None` for a key that is not a UUID in its
/// canonical text, lowercase and hyphenated (the writer then puts the index back and
/// goes on without the map). Only that one spelling maps to bits, so two keys are the
/// same bits exactly when they are the same text, as the index compares them: `ABC…`
/// and `abc…`, or a braced form, would be one UUID but two index entries.
pub(super) fn bits(uuid: &str) -> Option<u128> {
    if uuid.len() != 36 || uuid.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // At 36 characters the parser takes only the hyphenated form.
    uuid::Uuid::try_parse(uuid).ok().map(|u| u.as_u128())
}

/// The indexes a first import also builds once at its end instead of row by row: their
/// keys (a session's project, a link's tag) take turns among a few values, so each
/// insert lands in the middle of the index and splits its pages half full, where a
/// sort at the end writes them in order. Nothing the import reads goes through them.
const REBUILT: [&str; 2] = ["sessions_by_project", "session_tags_by_tag"];

impl SetAside {
    /// Takes the index out when `sessions` is empty; `None` (and nothing done) when it
    /// holds a session, or for a database without the index (none older than version
    /// 10 opens here).
    pub(super) fn begin(conn: &Connection) -> Sql<Option<Self>> {
        if !crate::store::sessions::none_stored(conn)? {
            return Ok(None);
        }
        let Some(uuid) = super::take_out(conn, "index", "sessions_by_uuid")? else {
            return Ok(None);
        };
        let mut sql = vec![uuid];
        for name in REBUILT {
            sql.extend(super::take_out(conn, "index", name)?);
        }
        Ok(Some(SetAside {
            sql,
            ids: foldhash::HashMap::default(),
        }))
    }

    /// The session with this uuid, as the index would find it.
    pub(super) fn get(&self, bits: u128) -> Option<SessionId> {
        self.ids.get(&bits).copied()
    }

    /// Records that session `id` was inserted with this uuid.
    pub(super) fn insert(&mut self, bits: u128, id: SessionId) {
        self.ids.insert(bits, id);
    }

    /// Forgets session `id`, deleted.
    pub(super) fn forget(&mut self, id: SessionId) {
        self.ids.retain(|_, kept| *kept != id);
    }

    /// Creates the indexes again, sorting their keys in pieces (see [`SortInPieces`]).
    /// The uuid index cannot fail on a duplicate: every insert checked the map first.
    pub(super) fn end(self, conn: &Connection) -> Sql<()> {
        let pieces = SortInPieces::begin(conn)?;
        let built = self.sql.iter().try_for_each(|sql| conn.execute_batch(sql));
        let restored = pieces.end(conn);
        built.and(restored)
    }
}

/// The connection's settings while [`SetAside::end`] builds the indexes, and what they
/// were before. `CREATE INDEX` sorts every key of the table. With temporary storage in
/// memory (the import's setting, for its statement journals) SQLite's sorter keeps
/// them all in one list, a separate allocation each, and merge-sorts it on one thread
/// at the end: the three indexes of a million sessions took 2.4 s, a third of the
/// whole import. With temporary files allowed, it cuts the keys into runs of at most
/// the page cache's size, sorts each run as it fills (on worker threads when it may
/// have them) and merges the runs. Runs of 1 MiB (SQLite's smallest, 250 pages) kept
/// in cache took 0.75 s for the same three indexes: the page cache shrinks for the
/// sort's sake only, so spilling is off meanwhile and every dirty page stays where it
/// is. A run that spills goes to a temporary file SQLite deletes as it opens it.
struct SortInPieces {
    cache_size: i64,
    temp_store: i64,
    cache_spill: bool,
    threads: i64,
}

/// The page cache while the indexes are built, in KiB: the size of a sorted run.
const RUN_KIB: i64 = 1024;

impl SortInPieces {
    fn begin(conn: &Connection) -> Sql<Self> {
        let read = |pragma: &str| conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0));
        let before = SortInPieces {
            cache_size: read("cache_size")?,
            temp_store: read("temp_store")?,
            cache_spill: read("cache_spill").map(|n: i64| n != 0)?,
            threads: read("threads")?,
        };
        // One worker per core beside this thread, as SQLite's sorter uses them: the
        // import's reading thread is done by now.
        let workers = std::thread::available_parallelism()
            .map_or(0, |n| i64::try_from(n.get()).unwrap_or(1) - 1)
            .clamp(0, 3);
        conn.execute_batch(&format!(
            "PRAGMA cache_spill = OFF; PRAGMA cache_size = -{RUN_KIB}; PRAGMA threads = {workers}"
        ))?;
        // Refused inside a transaction once the temporary database is open (nothing of
        // the import's opens it): then the sort stays in memory, slower, same index.
        let _ = conn.execute_batch("PRAGMA temp_store = FILE");
        Ok(before)
    }

    fn end(self, conn: &Connection) -> Sql<()> {
        let spill = if self.cache_spill { "ON" } else { "OFF" };
        let _ = conn.execute_batch(&format!("PRAGMA temp_store = {}", self.temp_store));
        conn.execute_batch(&format!(
            "PRAGMA cache_spill = {spill}; PRAGMA cache_size = {}; PRAGMA threads = {}",
            self.cache_size, self.threads
        ))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use rusqlite::Connection;

    use super::{SortInPieces, bits};

    fn settings(conn: &Connection) -> [i64; 4] {
        ["cache_size", "temp_store", "cache_spill", "threads"].map(|p| {
            conn.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
                .unwrap()
        })
    }

    /// A file database in a transaction, with the import's own settings.
    fn importing() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("t.db")).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;
             CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT NOT NULL); BEGIN IMMEDIATE",
        )
        .unwrap();
        (dir, conn)
    }

    #[test]
    fn the_sort_settings_hold_while_the_indexes_are_built_and_go_back_after() {
        let (_dir, conn) = importing();
        let before = settings(&conn);
        assert_eq!(before[..2], [-65536, 2]);
        let pieces = SortInPieces::begin(&conn).unwrap();
        let [cache, temp, spill, _] = settings(&conn);
        assert_eq!([cache, temp, spill], [-1024, 1, 0]);
        pieces.end(&conn).unwrap();
        assert_eq!(settings(&conn), before);
    }

    /// Keys in an order far from sorted, several runs of the sorter's 1 MiB long (60,000
    /// keys of 36 bytes): the index built holds each once, in the order Rust sorts them.
    #[test]
    fn an_index_sorted_in_pieces_is_whole_and_in_order() {
        let (_dir, conn) = importing();
        let mut keys: Vec<String> = (0..60_000u64)
            .map(|i| format!("{:036x}", i.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
            .collect();
        let mut insert = conn.prepare("INSERT INTO t (key) VALUES (?1)").unwrap();
        for key in &keys {
            insert.execute([key]).unwrap();
        }
        let pieces = SortInPieces::begin(&conn).unwrap();
        conn.execute_batch("CREATE UNIQUE INDEX t_by_key ON t (key)")
            .unwrap();
        pieces.end(&conn).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let mut read = conn
            .prepare("SELECT key FROM t INDEXED BY t_by_key ORDER BY key")
            .unwrap();
        let indexed: Vec<String> = read
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        keys.sort();
        assert_eq!(indexed, keys);
    }

    #[test]
    fn only_the_canonical_spelling_maps_to_bits() {
        let canonical = "0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01";
        assert_eq!(
            bits(canonical),
            Some(0x0b6f_3a4e_61d5_4f0e_9c39_2a3a_7f7e_2a01)
        );
        for other in [
            "0B6F3A4E-61D5-4F0E-9C39-2A3A7F7E2A01",
            "0b6f3a4e61d54f0e9c392a3a7f7e2a01",
            "{0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01}",
            "urn:uuid:0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01",
            "0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a0g",
            "",
        ] {
            assert_eq!(bits(other), None, "{other}");
        }
    }
}
