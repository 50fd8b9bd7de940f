//! Tests of the schema's migrations: every version upgrades to the latest and keeps
//! its rows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rusqlite::Connection;

use super::*;
use crate::store::Store;

#[test]
fn migrations_are_valid() {
    super::migrations().validate().unwrap();
}

/// A version-1 file: sessions 1–3 (2 tagged, 3 deleted again), an output of session 2.
fn v1_file(db: &Path) {
    let mut conn = Connection::open(db).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    migrations().to_version(&mut conn, 1).unwrap();
    conn.execute_batch(
        "INSERT INTO projects (id, name, created_utc) VALUES (1, 'p', 0);
         INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
         VALUES ('a', 1, 100, 200, 'UTC', 0, 0), ('b', 1, 300, 400, 'UTC', 0, 0),
                ('c', 1, 500, NULL, 'UTC', 0, 0);
         INSERT INTO tags (id, name) VALUES (1, 't');
         INSERT INTO session_tags VALUES (2, 1);
         INSERT INTO outputs (uuid, project_id, amount, at_utc, zone, session_id)
         VALUES ('o', 1, 2.5, 350, 'UTC', 2);
         DELETE FROM sessions WHERE id = 3;",
    )
    .unwrap();
}

fn dump(conn: &Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, rusqlite::types::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect::<rusqlite::Result<Vec<_>>>()
            .map(|v| v.join("|"))
    })
    .unwrap()
    .collect::<rusqlite::Result<Vec<_>>>()
    .unwrap()
}

fn data(conn: &Connection) -> Vec<Vec<String>> {
    [
        // The columns of version 1 (version 6 adds the rate and currency).
        "SELECT id, name, output_unit, created_utc FROM projects ORDER BY id",
        // The columns of version 1 (version 3 adds the import-source columns).
        "SELECT id, uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc
         FROM sessions ORDER BY id",
        "SELECT * FROM tags ORDER BY id",
        "SELECT * FROM session_tags ORDER BY 1, 2",
        "SELECT * FROM outputs ORDER BY id",
    ]
    .iter()
    .map(|sql| dump(conn, sql))
    .collect()
}

fn next_session_id(store: &mut Store) -> i64 {
    store
        .write(|tx| {
            Ok(tx
                .query_row(
                    "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
                     VALUES (hex(randomblob(8)), 1, 9000, 9100, 'UTC', 0, 0) RETURNING id",
                    [],
                    |r| r.get(0),
                )
                .unwrap())
        })
        .unwrap()
}

#[test]
fn upgrading_version_1_keeps_every_row_and_link_and_stops_reusing_ids() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    v1_file(&db);
    let before = data(&Connection::open(&db).unwrap());
    let mut store = Store::open(&db).unwrap();
    let conn = store.reader();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
    // The tag link and the output's session survived the rebuild (with foreign keys
    // on, DROP TABLE would have deleted them).
    assert_eq!(data(&conn), before);
    // An upgraded project has no rate until one is set.
    assert_eq!(
        dump(&conn, "SELECT rate_cents, currency FROM projects"),
        ["Null|Null"]
    );
    assert!(dump(&conn, "PRAGMA foreign_key_check").is_empty());
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1, "foreign keys are on again after the migration");
    // Session 3 was deleted before the upgrade: that cannot be known, so the next id
    // is 3; from then on the high-water mark holds.
    assert_eq!(next_session_id(&mut store), 3);
    store
        .write(|tx| Ok(tx.execute("DELETE FROM sessions WHERE id = 3", []).unwrap()))
        .unwrap();
    assert_eq!(next_session_id(&mut store), 4);
    // A session put back with its old id (an undo) is allowed and lowers nothing.
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO sessions (id, uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
                 VALUES (3, 'back', 1, 600, 700, 'UTC', 0, 0)",
                [],
            )
            .unwrap();
            Ok(())
        })
        .unwrap();
    assert_eq!(next_session_id(&mut store), 5);
    assert!(dir.path().join("otium-before-v2.db").exists());
}

/// A version-7 file (before the totals) with closed and running sessions of two
/// projects: the upgrade counts every closed one into `project_totals`, makes the
/// start index cover the lean read, and the triggers keep the totals from then on.
#[test]
fn upgrading_version_7_counts_the_totals_and_covers_the_lean_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    {
        let mut conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO projects (id, name, created_utc) VALUES (1, 'p', 0), (2, 'q', 0), (3, 'idle', 0);
             INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
             VALUES ('a', 1, 100, 200, 'UTC', 0, 0), ('b', 2, 300, 450, 'UTC', 0, 0),
                    ('c', 1, 500, 530, 'UTC', 0, 0), ('d', 2, 600, NULL, 'UTC', 0, 0);",
        )
        .unwrap();
    }
    let mut store = Store::open(&db).unwrap();
    assert!(dir.path().join("otium-before-v8.db").exists());
    let totals = "SELECT project_id, sessions, seconds FROM project_totals ORDER BY 1";
    // By hand: p has 100 + 30 s in two sessions; q 150 s closed (d runs); idle none.
    assert_eq!(
        dump(&store.reader(), totals),
        [
            "Integer(1)|Integer(2)|Integer(130)",
            "Integer(2)|Integer(1)|Integer(150)"
        ]
    );
    // Stopping the running one (a plain UPDATE) counts it in.
    store
        .write(|tx| {
            Ok(tx
                .execute("UPDATE sessions SET end_utc = 700 WHERE uuid = 'd'", [])
                .unwrap())
        })
        .unwrap();
    assert_eq!(
        dump(&store.reader(), totals),
        [
            "Integer(1)|Integer(2)|Integer(130)",
            "Integer(2)|Integer(2)|Integer(250)"
        ]
    );
    let plan = dump(
        &store.reader(),
        "EXPLAIN QUERY PLAN SELECT id, project_id, start_utc, end_utc FROM sessions
         WHERE start_utc >= 0 AND start_utc < 1000",
    );
    assert!(
        plan.iter()
            .any(|row| row.contains("USING COVERING INDEX sessions_by_start")),
        "{plan:#?}"
    );
}

#[test]
fn the_rebuild_step_run_twice_keeps_rows_and_the_high_water_mark() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    v1_file(&db);
    let mut store = Store::open(&db).unwrap();
    assert_eq!(next_session_id(&mut store), 3);
    store
        .write(|tx| Ok(tx.execute("DELETE FROM sessions WHERE id = 3", []).unwrap()))
        .unwrap();
    drop(store);
    // What a second process does when it read version 1 before the first committed.
    // (Store::migrate turns foreign keys off around it, as here.)
    let conn = Connection::open(&db).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    let before = data(&conn);
    conn.execute_batch(&format!(
        "BEGIN; {} COMMIT;",
        include_str!("migrations/002_ids_never_reused.sql")
    ))
    .unwrap();
    assert_eq!(data(&conn), before);
    assert_eq!(
        dump(&conn, "SELECT name, seq FROM sqlite_sequence ORDER BY name"),
        [
            "Text(\"outputs\")|Integer(1)",
            "Text(\"sessions\")|Integer(3)"
        ]
    );
    drop(conn);
    let mut store = Store::open(&db).unwrap();
    assert_eq!(next_session_id(&mut store), 4);
}

#[test]
fn a_dangling_reference_stops_the_upgrade_and_leaves_version_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    v1_file(&db);
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; INSERT INTO session_tags VALUES (77, 1);")
        .unwrap();
    let before = data(&conn);
    drop(conn);
    let err = Store::open(&db).err().unwrap();
    assert!(err.message().contains("1 dangling reference(s)"), "{err}");
    assert!(!err.message().contains('\n'), "{err}");
    let conn = Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    assert_eq!(data(&conn), before);
    assert_eq!(
        dump(
            &conn,
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v2'"
        ),
        ["Integer(0)"]
    );
}

/// Version 3 marks the sessions a version-2 import made from content keys (UUID v5)
/// as source `import` keyed by their start, and leaves every other session alone.
#[test]
fn upgrading_version_2_marks_content_keyed_imports_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    let mut conn = Connection::open(&db).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    migrations().to_version(&mut conn, 2).unwrap();
    let v5 = crate::interop::import::content_key(1000, 2000, "p");
    let v5_same_start = crate::interop::import::content_key(1000, 1500, "q");
    let watson = "3b9f0c2a-d4e5-4b1f-8a6c-7d2e9f10a4b5";
    conn.execute_batch(&format!(
        "INSERT INTO projects (id, name, created_utc) VALUES (1, 'p', 0);
         INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
         VALUES ('{v5}', 1, 1000, 2000, 'UTC', 0, 0), ('{watson}', 1, 3000, 4000, 'UTC', 0, 0),
                ('{}', 1, 5000, 6000, 'UTC', 0, 0), ('{v5_same_start}', 1, 1000, 1500, 'UTC', 0, 0);",
        uuid::Uuid::new_v4()
    ))
    .unwrap();
    let before = data(&conn);
    drop(conn);
    let store = Store::open(&db).unwrap();
    let conn = store.reader();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
    assert_eq!(data(&conn), before);
    assert_eq!(
        dump(
            &conn,
            "SELECT id, source, source_key, source_version FROM sessions ORDER BY id"
        ),
        [
            "Integer(1)|Text(\"import\")|Text(\"1000\")|Null",
            "Integer(2)|Null|Null|Null",
            "Integer(3)|Null|Null|Null",
            // Two sessions starting at the same second (an overlap an old file may
            // hold): only the first is keyed, so an identity names one session.
            "Integer(4)|Null|Null|Null",
        ]
    );
    assert!(dir.path().join("otium-before-v3.db").exists());
}

#[test]
fn a_new_database_never_reuses_session_or_output_ids() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO projects (id, name, created_utc) VALUES (1, 'p', 0)",
                [],
            )
            .unwrap();
            Ok(())
        })
        .unwrap();
    assert_eq!(next_session_id(&mut store), 1);
    store
        .write(|tx| Ok(tx.execute("DELETE FROM sessions", []).unwrap()))
        .unwrap();
    assert_eq!(next_session_id(&mut store), 2);
    let output = |store: &mut Store| -> i64 {
        store
            .write(|tx| {
                Ok(tx
                    .query_row(
                        "INSERT INTO outputs (uuid, project_id, amount, at_utc, zone)
                         VALUES (hex(randomblob(8)), 1, 1, 0, 'UTC') RETURNING id",
                        [],
                        |r| r.get(0),
                    )
                    .unwrap())
            })
            .unwrap()
    };
    assert_eq!(output(&mut store), 1);
    store
        .write(|tx| Ok(tx.execute("DELETE FROM outputs", []).unwrap()))
        .unwrap();
    assert_eq!(output(&mut store), 2);
}

#[test]
fn upgrading_version_9_keeps_every_row_link_total_and_the_uuid_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    {
        let mut conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrations().to_version(&mut conn, 9).unwrap();
        conn.execute_batch(
            "INSERT INTO projects (id, name, created_utc) VALUES (1, 'p', 0), (2, 'q', 0);
             INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, note, created_utc,
                                   updated_utc, source, source_key, source_version)
             VALUES ('a', 1, 100, 200, 'UTC', 'n', 1, 2, 'watson', 'a', 'v1'),
                    ('b', 2, 300, 450, 'UTC', NULL, 3, 4, NULL, NULL, NULL),
                    ('c', 1, 500, NULL, 'UTC', NULL, 5, 6, NULL, NULL, NULL),
                    ('gone', 1, 600, 700, 'UTC', NULL, 7, 8, NULL, NULL, NULL);
             DELETE FROM sessions WHERE uuid = 'gone';
             INSERT INTO tags (id, name) VALUES (1, 't');
             INSERT INTO session_tags VALUES (2, 1);
             INSERT INTO outputs (uuid, project_id, amount, at_utc, zone, session_id)
             VALUES ('o', 2, 2.5, 350, 'UTC', 2);",
        )
        .unwrap();
    }
    let mut store = Store::open(&db).unwrap();
    assert!(dir.path().join("otium-before-v10.db").exists());
    let conn = store.reader();
    assert_eq!(
        dump(&conn, "SELECT * FROM sessions ORDER BY id"),
        [
            "Integer(1)|Text(\"a\")|Integer(1)|Integer(100)|Integer(200)|Text(\"UTC\")|Text(\"n\")|Integer(1)|Integer(2)|Text(\"watson\")|Text(\"a\")|Text(\"v1\")",
            "Integer(2)|Text(\"b\")|Integer(2)|Integer(300)|Integer(450)|Text(\"UTC\")|Null|Integer(3)|Integer(4)|Null|Null|Null",
            "Integer(3)|Text(\"c\")|Integer(1)|Integer(500)|Null|Text(\"UTC\")|Null|Integer(5)|Integer(6)|Null|Null|Null",
        ]
    );
    assert_eq!(
        dump(&conn, "SELECT * FROM session_tags"),
        ["Integer(2)|Integer(1)"]
    );
    assert_eq!(
        dump(&conn, "SELECT session_id FROM outputs"),
        ["Integer(2)"]
    );
    // By hand: p has session a (100 s) closed, c runs; q has b (150 s).
    let totals = "SELECT project_id, sessions, seconds FROM project_totals ORDER BY 1";
    assert_eq!(
        dump(&conn, totals),
        [
            "Integer(1)|Integer(1)|Integer(100)",
            "Integer(2)|Integer(1)|Integer(150)"
        ]
    );
    assert_eq!(
        dump(
            &conn,
            "SELECT name FROM sqlite_schema WHERE tbl_name = 'sessions' AND type IN ('index', 'trigger')
             ORDER BY name"
        ),
        [
            "Text(\"project_totals_delete\")",
            "Text(\"project_totals_insert\")",
            "Text(\"project_totals_update\")",
            "Text(\"sessions_by_project\")",
            "Text(\"sessions_by_start\")",
            "Text(\"sessions_by_uuid\")",
            "Text(\"sessions_one_running\")",
        ]
    );
    // The uuid rule holds, ids stay above the deleted session's, and the triggers count.
    let again = store.write(|tx| {
        Ok(tx.execute(
            "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
             VALUES ('a', 1, 800, 900, 'UTC', 0, 0)",
            [],
        ))
    });
    let refused = again.unwrap().expect_err("a second session 'a' is refused");
    assert!(refused.to_string().contains("UNIQUE"), "{refused}");
    assert_eq!(next_session_id(&mut store), 5);
    assert_eq!(
        dump(&store.reader(), totals),
        [
            "Integer(1)|Integer(2)|Integer(200)",
            "Integer(2)|Integer(1)|Integer(150)"
        ]
    );
}
