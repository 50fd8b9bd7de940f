//! The import writer on an in-memory store: insert, the lookups a re-import makes,
//! update, delete, the overlap scan and a dry run rolled back.

use super::*;
use crate::store::Store;

#[test]
fn insert_probe_and_dry_run() {
    let mut store = Store::open_in_memory().unwrap();
    let tags = vec!["a".to_string(), "b".to_string()];
    store
        .write(|tx| {
            let mut w = ImportWriter::new(tx, 100);
            let row = ImportRow {
                uuid: "u1",
                project: "p",
                tags: &tags,
                note: None,
                start: 10,
                end: 20,
                zone: "UTC",
                source: "toggl",
                source_key: "10",
                source_version: "v1",
            };
            let one = SessionId::new(1);
            assert_eq!(w.insert(&row).unwrap(), one);
            assert_eq!(w.by_uuid("u1").unwrap().map(|s| s.id), Some(one));
            let found = w.by_start("toggl", "import", 10).unwrap().unwrap();
            assert_eq!(
                (found.source.as_deref(), found.source_version.as_deref()),
                (Some("toggl"), Some("v1"))
            );
            assert_eq!(w.by_start("bartib", "import", 10).unwrap(), None);
            let toggl = Some("toggl".to_string());
            assert_eq!(w.overlapping(19, 30, None).unwrap(), Some((one, toggl)));
            assert_eq!(w.overlapping(19, 30, Some(one)).unwrap(), None);
            assert_eq!(w.overlapping(20, 30, None).unwrap(), None);
            assert_eq!(w.overlapping(0, 10, None).unwrap(), None);
            // Moved onto [5, 15) with one tag: the same id, a new note.
            w.update(
                one,
                &ImportRow {
                    start: 5,
                    end: 15,
                    tags: &tags[..1],
                    note: Some("moved"),
                    ..row.clone()
                },
            )
            .unwrap();
            let moved = w.by_uuid("u1").unwrap().unwrap();
            assert_eq!(
                (moved.start, moved.end, moved.note.as_deref()),
                (5, Some(15), Some("moved"))
            );
            assert_eq!(w.tags_of(one).unwrap(), ["a"]);
            assert!(w.overlaps(5).unwrap().is_empty());
            let two = w
                .insert(&ImportRow {
                    uuid: "u3",
                    start: 12,
                    end: 18,
                    source_key: "12",
                    ..row.clone()
                })
                .unwrap();
            assert_eq!(w.overlaps(5).unwrap(), [(two, one)]);
            assert_eq!(w.of_source_in("toggl", 0, 13).unwrap(), [one, two]);
            w.delete(two).unwrap();
            w.update(one, &row).unwrap();
            w.begin_dry_run().unwrap();
            w.insert(&ImportRow {
                uuid: "u2",
                start: 30,
                end: 40,
                source_key: "30",
                ..row
            })
            .unwrap();
            w.rollback_dry_run().unwrap();
            assert_eq!(w.by_uuid("u2").unwrap(), None);
            Ok(())
        })
        .unwrap();
    let s = crate::store::sessions::by_id(store.reader(), SessionId::new(1))
        .unwrap()
        .unwrap();
    assert_eq!((s.project.as_str(), s.tags), ("p", tags));
}

/// A canonical uuid of the writer tests below.
fn canonical(i: usize) -> String {
    format!("0b6f3a4e-61d5-4f0e-9c39-{i:012x}")
}

#[test]
fn gathered_sessions_are_written_before_a_read_and_when_the_index_comes_back() {
    let mut store = Store::open_in_memory().unwrap();
    let tags = vec!["a".to_string()];
    store
        .write(|tx| {
            let mut w = ImportWriter::new(tx, 100);
            let uuids: Vec<String> = (0..70).map(canonical).collect();
            let row = |i: usize| ImportRow {
                uuid: &uuids[i],
                project: "p",
                tags: &tags,
                note: None,
                start: 100 * i64::try_from(i).unwrap(),
                end: 100 * i64::try_from(i).unwrap() + 50,
                zone: "UTC",
                source: "otium",
                source_key: "",
                source_version: "v",
            };
            for i in 0..66 {
                let id = w.insert_new(&row(i)).unwrap();
                assert_eq!(id, Some(SessionId::new(i64::try_from(i).unwrap() + 1)));
            }
            // 64 went in one statement; 65 and 66 are gathered, and a read sees them.
            assert_eq!(
                w.by_uuid(&uuids[65]).unwrap().map(|s| (s.id, s.start)),
                Some((SessionId::new(66), 6500))
            );
            assert_eq!(w.tags_of(SessionId::new(66)).unwrap(), ["a"]);
            for i in 66..68 {
                w.insert_new(&row(i)).unwrap();
            }
            assert_eq!(
                w.overlapping(6720, 6730, None).unwrap().map(|(id, _)| id),
                Some(SessionId::new(68))
            );
            w.insert_new(&row(68)).unwrap();
            // A key the map cannot hold: what is gathered goes in, then the index.
            let odd = ImportRow {
                uuid: "not-a-uuid",
                start: 10_000,
                end: 10_050,
                ..row(69)
            };
            assert_eq!(w.insert(&odd).unwrap(), SessionId::new(70));
            w.finish().unwrap();
            Ok(())
        })
        .unwrap();
    let conn = store.reader().conn();
    let (n, first, last, links): (i64, i64, i64, i64) = conn
        .query_row(
            "SELECT count(*), min(id), max(id), (SELECT count(*) FROM session_tags) FROM sessions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!((n, first, last, links), (70, 1, 70, 70));
    let index: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions_by_uuid'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(index, 1);
}
