//! The tags read ahead on a second connection: the batches hold exactly what the
//! one-by-one read holds, a write between the two snapshots is caught, and a read
//! stopped early ends the tag reader instead of waiting on it.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};

use super::{FEED_MIN_IDS, Witness};
use crate::error::Error;
use crate::model::{NewSession, Session, Tag};
use crate::store::batches::each_batch_telling;
use crate::store::{Store, sessions};
use crate::time::range::Span;

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 1, 6, 0, 0, 0).unwrap()
}

/// Session `i` of the history `fill` writes: 20 minutes every 30, tags by the bits
/// of `i` (none, one, or up to five: sessions with many links straddle the chunks'
/// ends), a note on every seventh.
fn session(i: usize) -> NewSession {
    let start = base() + chrono::Duration::minutes(30 * i64::try_from(i).unwrap());
    let names = ["a", "b", "c", "写作", "zz"];
    let tags: Vec<Tag> = names
        .iter()
        .enumerate()
        .filter(|(bit, _)| ((i * 7 + 3) >> bit) & 1 == 1)
        .map(|(_, t)| (*t).into())
        .collect();
    NewSession {
        project: ["p", "q", "写作"][i % 3].into(),
        tags,
        note: i.is_multiple_of(7).then(|| format!("note {i}")),
        start,
        end: Some(start + chrono::Duration::minutes(20)),
        zone: chrono_tz::Europe::Berlin,
    }
}

/// A database file holding `count` sessions written in order (ids rise with starts).
fn fill(path: &Path, count: usize) -> Store {
    let mut store = Store::open(path).unwrap();
    store
        .write(|tx| {
            for i in 0..count {
                sessions::insert(tx, &session(i), base())?;
            }
            Ok(())
        })
        .unwrap();
    store
}

fn batched(store: &Store, span: Span) -> (Vec<Session>, bool) {
    let mut got = Vec::new();
    let read_ahead = each_batch_telling(store.reader(), span, &mut |batch| {
        got.extend(batch.iter().map(|r| r.to_session()));
        Ok(batch)
    })
    .unwrap();
    (got, read_ahead)
}

#[test]
fn a_long_read_takes_its_tags_from_the_second_connection_and_they_are_each_sessions_own() {
    let dir = tempfile::tempdir().unwrap();
    let count = usize::try_from(FEED_MIN_IDS).unwrap() + 5_000;
    let store = fill(&dir.path().join("otium.db"), count);
    let db = store.reader();
    // From the middle of session 10 (so one session reaches in from before the
    // span) to the end of the history.
    let inside = Span {
        from: Some(base() + chrono::Duration::minutes(305)),
        to: None,
    };
    for (span, sessions_in) in [(Span::ALL, count), (inside, count - 10)] {
        let (got, read_ahead) = batched(&store, span);
        assert!(read_ahead, "{span:?}: the tags were read on one connection");
        assert_eq!(got.len(), sessions_in, "{span:?}");
        let want = sessions::in_span(db, span).unwrap();
        assert_eq!(got, want, "{span:?}");
    }
    // By hand: session i has the tags of the set bits of 7i + 3 among the five.
    let (got, _) = batched(&store, Span::ALL);
    let links: usize = got.iter().map(|s| s.tags.len()).sum();
    let by_hand: usize = (0..count)
        .map(|i| usize::try_from(((i * 7 + 3) & 0b1_1111).count_ones()).unwrap())
        .sum();
    assert_eq!(links, by_hand);
    assert!(
        links > 4 * super::CHUNK_LINKS,
        "{links} links fill several chunks"
    );
    assert_eq!(
        got[2].tags,
        ["a", "zz"],
        "7·2 + 3 = 17 = 0b10001: tags 0 and 4"
    );
    // 7·4 + 3 = 31: all five, by name (byte order puts the Chinese one last).
    assert_eq!(got[4].tags, ["a", "b", "c", "zz", "写作"]);
}

#[test]
fn a_short_read_or_one_in_memory_stays_on_one_connection() {
    let dir = tempfile::tempdir().unwrap();
    let store = fill(&dir.path().join("otium.db"), 3_000);
    let (got, read_ahead) = batched(&store, Span::ALL);
    assert_eq!(got.len(), 3_000);
    assert!(!read_ahead);
    let mut memory = Store::open_in_memory().unwrap();
    memory
        .write(|tx| {
            for i in 0..100 {
                sessions::insert(tx, &session(i), base())?;
            }
            Ok(())
        })
        .unwrap();
    assert!(!batched(&memory, Span::ALL).1);
}

#[test]
fn a_write_between_the_two_snapshots_is_seen_and_no_twin_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("otium.db");
    let store = fill(&path, 10);
    let conn = store.reader().conn();

    let quiet = Witness::start(&path).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let seen: i64 = conn
        .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap();
    let twin = quiet
        .same_snapshot(&path)
        .expect("nothing was written between");
    let twin_seen: i64 = twin
        .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap();
    assert_eq!((seen, twin_seen), (10, 10));
    conn.execute_batch("COMMIT").unwrap();
    drop(twin);

    let witness = Witness::start(&path).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let seen: i64 = conn
        .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap();
    // Another process adds a session after this read's snapshot began.
    let mut other = Store::open(&path).unwrap();
    other
        .write(|tx| sessions::insert(tx, &session(10), base()).map(|_| ()))
        .unwrap();
    assert!(
        witness.same_snapshot(&path).is_none(),
        "a twin would see 11 sessions where this read sees {seen}"
    );
    conn.execute_batch("COMMIT").unwrap();
}

#[test]
fn a_read_stopped_early_ends_its_tag_reader() {
    let dir = tempfile::tempdir().unwrap();
    let count = usize::try_from(FEED_MIN_IDS).unwrap() + 5_000;
    let path = dir.path().join("otium.db");
    drop(fill(&path, count));
    let (done, finished) = mpsc::channel();
    std::thread::spawn(move || {
        let store = Store::open(&path).unwrap();
        let mut batches = 0;
        let result = each_batch_telling(store.reader(), Span::ALL, &mut |batch| {
            batches += 1;
            if batches == 2 {
                return Err(Error::database("the consumer stopped".to_string()));
            }
            Ok(batch)
        });
        let _ = done.send((result.map_err(|e| e.to_string()), batches));
    });
    // A tag reader left waiting on a full channel would hold the read forever.
    let (result, batches) = finished
        .recv_timeout(Duration::from_secs(120))
        .expect("the read ended");
    assert_eq!(batches, 2);
    assert!(result.unwrap_err().contains("the consumer stopped"));
}
