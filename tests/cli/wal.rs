//! A `-wal` beside the database that is another database's log (a backup restored
//! without moving the old log aside, a synced folder delivering one) is refused
//! before SQLite replays it: the database and the log stay byte-identical.

use std::path::{Path, PathBuf};

use crate::env::{TestEnv, code};

fn wal_of(db: &Path) -> PathBuf {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    PathBuf::from(wal)
}

/// Another program's WAL-mode database with a committed table, its `-wal` copied
/// while the connection is open (closing would checkpoint it away).
fn foreign_log(dir: &Path) -> Vec<u8> {
    let path = dir.join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(
        "PRAGMA wal_autocheckpoint = 0;
         CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not otium');",
    )
    .unwrap();
    std::fs::read(wal_of(&path)).unwrap()
}

#[test]
fn another_databases_wal_is_refused_and_both_files_stay_byte_identical() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "2026-03-02 09:00", "--for", "1h"]);
    let before_log = env.ok(&["log"]);
    assert!(before_log.contains("coding"), "{before_log}");
    let db = env.db();
    let wal = wal_of(&db);
    assert!(!wal.exists(), "otium left its log behind");
    std::fs::write(&wal, foreign_log(env.dir.path())).unwrap();
    let db_bytes = env.db_bytes();
    let wal_bytes = std::fs::read(&wal).unwrap();

    // A read verb, a write verb and doctor: all refuse, none touches the files.
    for args in [
        &["status"][..],
        &["add", "x", "--from", "2026-03-02 07:00", "--for", "10m"][..],
        &["doctor"][..],
    ] {
        let err = env.fails(args, code::DATABASE);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("is not the write-ahead log of")
                && err.contains("move the -wal file aside"),
            "{args:?}: {err}"
        );
        assert_eq!(env.db_bytes(), db_bytes, "{args:?} changed the database");
        assert_eq!(
            std::fs::read(&wal).unwrap(),
            wal_bytes,
            "{args:?} changed the -wal"
        );
    }
    // Moved aside, as the message says: the sessions are all there.
    std::fs::rename(&wal, env.dir.path().join("moved-wal")).unwrap();
    assert_eq!(env.ok(&["log"]), before_log);
}

#[test]
fn a_wal_left_by_a_killed_otium_is_still_recovered() {
    // otium's own log with a committed session not yet in the database file: a
    // connection holds it open (as a process killed mid-way would have left it).
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "2026-03-02 09:00", "--for", "1h"]);
    let db = env.db();
    let conn = rusqlite::Connection::open(&db).unwrap();
    // A read, so the connection really joins the log (SQLite opens lazily).
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .unwrap();
    // Another otium process adds a session while this connection keeps the log.
    env.ok(&[
        "add",
        "writing",
        "--from",
        "2026-03-02 10:00",
        "--for",
        "30m",
    ]);
    let saved_db = env.db_bytes();
    let saved_wal = std::fs::read(wal_of(&db)).unwrap();
    assert!(!saved_wal.is_empty());
    // The second session is only in the log, so the log really is replayed below.
    assert!(!saved_db.windows(7).any(|w| w == b"writing"));
    drop(conn);
    // Put back the pair as it was while the log held the second session.
    std::fs::write(&db, saved_db).unwrap();
    std::fs::write(wal_of(&db), saved_wal).unwrap();
    let _ = std::fs::remove_file(env.dir.path().join("data").join("otium.db-shm"));
    let log = env.ok(&["log"]);
    assert!(log.contains("coding") && log.contains("writing"), "{log}");
}
