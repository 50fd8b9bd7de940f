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
