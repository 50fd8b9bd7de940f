//! A first import gathers its sessions and writes them many to a statement
//! (`store/import_batch.rs`): the rows, ids, tags and journal are those one insert per
//! session wrote, and every read in the middle of the import sees the gathered ones.
//! The files here are longer than one statement's 64 sessions and 256 tag links.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};

use super::import_uuid_tests::{csv, options, tracker};
use crate::Tracker;
use crate::interop::import::Options;
use crate::model::{NewSession, SessionId};
use crate::time::range::Span;

fn uuid(i: usize) -> String {
    format!("0b6f3a4e-61d5-4f0e-9c39-{i:012x}")
}

/// Session `i` of the test files: 30 minutes from 2026-01-01 00:00 UTC plus `i` hours,
/// project `p{i % 3}`, the first `i % 4` of tags a, b, c, and a note on every fifth.
struct Planned {
    uuid: String,
    project: String,
    tags: Vec<String>,
    note: Option<String>,
    start: i64,
}

const JAN_1_2026: i64 = 1_767_225_600;

fn planned(i: usize) -> Planned {
    Planned {
        uuid: uuid(i),
        project: format!("p{}", i % 3),
        tags: ["a", "b", "c"][..i % 4]
            .iter()
            .map(ToString::to_string)
            .collect(),
        note: i.is_multiple_of(5).then(|| format!("note {i}")),
        start: JAN_1_2026 + 3600 * i64::try_from(i).unwrap(),
    }
}

fn iso(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string()
}

fn line(p: &Planned) -> String {
    format!(
        "1,{},{},{},{},{},{},1800,UTC",
        p.uuid,
        p.project,
        p.tags.join(" "),
        p.note.as_deref().unwrap_or(""),
        iso(p.start),
        iso(p.start + 1800)
    )
}

/// Every stored session as (id, uuid, project, tags, note, start, end).
type Row = (i64, String, String, Vec<String>, Option<String>, i64, i64);

fn stored(t: &Tracker) -> Vec<Row> {
    t.sessions(Span::ALL)
        .unwrap()
        .into_iter()
        .map(|s| {
            (
                s.id.get(),
                s.uuid,
                s.project,
                s.tags.iter().map(ToString::to_string).collect(),
                s.note,
                s.start.timestamp(),
                s.end.unwrap().timestamp(),
            )
        })
        .collect()
}

/// What sessions `0..n` of [`planned`] are once stored, the first with id `first`.
fn expected(n: usize, first: i64) -> Vec<Row> {
    (0..n)
        .map(|i| {
            let p = planned(i);
            let id = first + i64::try_from(i).unwrap();
            (
                id,
                p.uuid,
                p.project,
                p.tags,
                p.note,
                p.start,
                p.start + 1800,
            )
        })
        .collect()
}

fn count(t: &Tracker, sql: &str) -> i64 {
    t.store
        .reader()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_first_import_longer_than_a_statement_stores_every_row_as_given() {
    // 64 * 5 + 7 sessions. Links: 0 + 1 + 2 + 3 for each of 81 fours of sessions
    // (486), and 0 + 1 + 2 for the last three: 489, one statement of 256 and more.
    let n = 327;
    let mut t = tracker();
    let lines: Vec<String> = (0..n).map(|i| line(&planned(i))).collect();
    let s = t.import(&csv(&lines), &options(), &mut |_| {}).unwrap();
    assert_eq!(s.imported, 327);
    assert_eq!(stored(&t), expected(n, 1));
    assert_eq!(count(&t, "SELECT count(*) FROM session_tags"), 489);
    let integrity: String = t
        .store
        .reader()
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    // The indexes built once at the end are there again, as they were written.
    assert_eq!(
        count(
            &t,
            "SELECT count(*) FROM sqlite_schema WHERE sql IN (
                 'CREATE INDEX sessions_by_project ON sessions (project_id, start_utc)',
                 'CREATE INDEX session_tags_by_tag ON session_tags (tag_id)',
                 'CREATE UNIQUE INDEX sessions_by_uuid ON sessions (uuid)')"
        ),
        3
    );
    assert_eq!(
        count(&t, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    // 327 sessions of 1800 s, a third of them (109) in each project.
    assert_eq!(
        count(
            &t,
            "SELECT sum(sessions) * 1000000 + sum(seconds) FROM project_totals"
        ),
        327 * 1_000_000 + 327 * 1800
    );
    // Each session's journal row is what copying it from the table would write:
    // change number id - 1 of the one entry, its fields, its tag ids in order.
    assert_eq!(count(&t, "SELECT count(*) FROM journal_created"), 327);
    assert_eq!(
        count(
            &t,
            "SELECT count(*) FROM journal_created c JOIN sessions s ON s.id = c.session_id
             WHERE c.entry_id = (SELECT max(id) FROM journal) AND c.seq = s.id - 1
               AND c.uuid = s.uuid AND c.project_id = s.project_id
               AND c.start_utc = s.start_utc AND c.end_utc = s.end_utc AND c.zone = s.zone
               AND c.note IS s.note
               AND c.tags IS (SELECT group_concat(tag_id) FROM (SELECT tag_id FROM session_tags
                              WHERE session_id = s.id ORDER BY tag_id))"
        ),
        327
    );
    // The journal holds every one: undo takes all away, redo brings all back.
    t.undo().unwrap();
    assert!(stored(&t).is_empty());
    t.redo().unwrap();
    assert_eq!(stored(&t), expected(n, 1));
    // Imported again: every session found by its uuid, nothing written.
    let again = t.import(&csv(&lines), &options(), &mut |_| {}).unwrap();
    assert_eq!((again.imported, again.already_present), (0, 327));
}

#[test]
fn ids_go_on_from_the_largest_the_table_ever_held() {
    let mut t = tracker();
    for hour in 0..3 {
        let start = Utc.with_ymd_and_hms(2025, 6, 1, hour, 0, 0).unwrap();
        t.add(NewSession {
            project: "old".into(),
            tags: Vec::new(),
            note: None,
            start,
            end: Some(start + chrono::Duration::minutes(30)),
            zone: chrono_tz::UTC,
        })
        .unwrap();
    }
    for id in 1..=3 {
        t.remove(SessionId::new(id)).unwrap();
    }
    assert!(stored(&t).is_empty());
    let lines: Vec<String> = (0..70).map(|i| line(&planned(i))).collect();
    t.import(&csv(&lines), &options(), &mut |_| {}).unwrap();
    // Ids are never reused: the three removed took 1, 2 and 3.
    assert_eq!(stored(&t), expected(70, 4));
}

#[test]
fn reads_in_the_middle_of_a_first_import_see_the_sessions_gathered() {
    let mut t = tracker();
    let mut lines: Vec<String> = (0..100).map(|i| line(&planned(i))).collect();
    // Line 102: session 70 again, as it was (found by uuid, its tags compared).
    lines.push(line(&planned(70)));
    // Line 103: session 99 again, its tags changed: one record twice, a conflict.
    lines.push(line(&Planned {
        tags: vec!["z".into()],
        ..planned(99)
    }));
    // Line 104: a new session inside session 80's half hour (line 82).
    lines.push(line(&Planned {
        start: planned(80).start + 600,
        ..planned(500)
    }));
    let refused = t.import(&csv(&lines), &options(), &mut |_| {}).unwrap_err();
    let message = refused.message();
    assert!(message.contains("2 session(s) overlap"), "{message}");
    assert!(
        message.contains("overlaps line 101 of this file"),
        "{message}"
    );
    assert!(
        message.contains("overlaps line 82 of this file"),
        "{message}"
    );
    assert!(stored(&t).is_empty());
    let opts = Options {
        skip_conflicts: true,
        ..options()
    };
    let s = t.import(&csv(&lines), &opts, &mut |_| {}).unwrap();
    assert_eq!((s.imported, s.already_present, s.skipped), (100, 1, 2));
    assert_eq!(stored(&t), expected(100, 1));
}
