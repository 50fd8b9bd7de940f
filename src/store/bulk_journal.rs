//! An import into a database this process created writes through a rollback journal.
//!
//! In WAL mode every page a transaction writes goes to the `-wal` first and is copied
//! into the database by the checkpoint at close: a 1M-session import writes its 371 MB
//! twice. A rollback journal keeps only the pages as they were before the transaction,
//! and a page past the old end of the file has nothing to keep: into an empty database
//! nearly everything is written once. Both are all-or-nothing under a crash or a power
//! cut. `synchronous=EXTRA` makes the commit durable in this mode: the commit is the
//! journal's deletion, and EXTRA syncs the folder after it (FULL does not, and a power
//! cut could bring the journal back and roll a finished import away). The switch back
//! to WAL happens to sync the folder as well, but it is refused while another process
//! reads, and the commit must not depend on it.
//!
//! Only into a database this process created (the file was new or empty, and this
//! open wrote its schema), and only while it holds no session. Leaving WAL and coming
//! back rewrite the database header (its change counter), so a refused import would
//! leave a file that existed before it changed; a file this process made has no
//! earlier bytes to keep. And the cost is concurrency: while such an import runs,
//! another otium process waits for it (up to the busy timeout) to open the database,
//! which is only worth it when there is nothing to share yet. WAL comes back as soon as
//! the transaction ends, and any later open switches to it anyway.

use crate::error::Result;
use crate::store::{Db, Store};

impl Store {
    /// Runs `f` as [`Store::write`] does. When this open created the database, it holds
    /// no session and no other connection has it open, the transaction writes through a
    /// rollback journal (see the module comment); otherwise, or when the switch is
    /// refused, in WAL.
    pub fn write_bulk<T>(&mut self, f: impl FnOnce(Db<'_>) -> Result<T>) -> Result<T> {
        let switched = self.rollback_journal_if_empty();
        let result = self.write(f);
        if switched {
            self.back_to_wal();
        }
        result
    }

    /// Whether the database is now in rollback-journal mode with `synchronous=EXTRA`.
    /// Any refusal (another connection holds the file, sessions exist) leaves it in WAL.
    fn rollback_journal_if_empty(&self) -> bool {
        if !self.fresh || self.read_only || self.path == std::path::Path::new(":memory:") {
            return false;
        }
        if !crate::store::sessions::none_stored(&self.conn).unwrap_or(false) {
            return false;
        }
        // Leaving WAL needs the only connection: with another one open SQLite answers
        // busy at once, and the import goes ahead in WAL.
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                r.get::<_, String>(0)
            });
        if !mode.is_ok_and(|m| m.eq_ignore_ascii_case("delete")) {
            return false;
        }
        if self
            .conn
            .pragma_update(None, "synchronous", "EXTRA")
            .is_err()
        {
            self.back_to_wal();
            return false;
        }
        true
    }

    /// Puts WAL and `synchronous=FULL` back. Best effort: the transaction has ended
    /// (committed or not), and a connection that cannot switch now (another process is
    /// reading) leaves the switch to the next open, which always makes it.
    fn back_to_wal(&self) {
        let _ = self.enable_wal();
        let _ = self.conn.pragma_update(None, "synchronous", "FULL");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal_mode(store: &Store) -> String {
        store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    }

    fn synchronous(store: &Store) -> i64 {
        store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap()
    }

    /// What the transaction ran in, read inside it.
    fn mode_inside(store: &mut Store) -> (String, i64) {
        store
            .write_bulk(|db| {
                db.sql(|c| {
                    let mode = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
                    let sync = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
                    Ok((mode, sync))
                })
            })
            .unwrap()
    }

    fn add_session(store: &mut Store) {
        let start = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 1, 5, 9, 0, 0).unwrap();
        let session = crate::model::NewSession {
            project: "p".into(),
            tags: Vec::new(),
            note: None,
            start,
            end: Some(start + chrono::Duration::hours(1)),
            zone: chrono_tz::Europe::Berlin,
        };
        store
            .write(|tx| crate::store::sessions::insert(tx, &session, start).map(|_| ()))
            .unwrap();
    }

    #[test]
    fn an_empty_database_is_written_through_a_rollback_journal_then_back_in_wal() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("otium.db")).unwrap();
        assert_eq!(mode_inside(&mut store), ("delete".to_string(), 3));
        assert_eq!(journal_mode(&store), "wal");
        assert_eq!(synchronous(&store), 2);
    }

    #[test]
    fn a_database_with_sessions_stays_in_wal() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("otium.db")).unwrap();
        add_session(&mut store);
        assert_eq!(mode_inside(&mut store), ("wal".to_string(), 2));
    }

    /// A file that was there before keeps its bytes if the import is refused: only a
    /// database this open created leaves WAL.
    #[test]
    fn a_database_that_was_there_stays_in_wal_even_with_no_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("otium.db");
        drop(Store::open(&path).unwrap());
        let mut store = Store::open(&path).unwrap();
        assert_eq!(mode_inside(&mut store), ("wal".to_string(), 2));
    }

    #[test]
    fn an_empty_file_counts_as_new() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("otium.db");
        std::fs::write(&path, b"").unwrap();
        let mut store = Store::open(&path).unwrap();
        assert_eq!(mode_inside(&mut store), ("delete".to_string(), 3));
    }

    #[test]
    fn another_open_connection_keeps_it_in_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("otium.db");
        let mut store = Store::open(&path).unwrap();
        let other = Store::open(&path).unwrap();
        other.data_version().unwrap();
        assert_eq!(mode_inside(&mut store), ("wal".to_string(), 2));
        drop(other);
    }

    #[test]
    fn a_failed_transaction_also_puts_wal_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("otium.db")).unwrap();
        let failed: Result<()> =
            store.write_bulk(|_| Err(crate::error::Error::database("refused".to_string())));
        assert!(failed.is_err());
        assert_eq!(journal_mode(&store), "wal");
        assert_eq!(synchronous(&store), 2);
    }

    #[test]
    fn in_memory_databases_are_left_alone() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(mode_inside(&mut store).0, "memory");
    }
}
