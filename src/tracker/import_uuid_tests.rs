//! A first import (into a table with no session) sets the uuid index aside and checks
//! uuids itself meanwhile (`store/import_uuids.rs`): a repeated uuid in the file is
//! still found, a clash still refused, and the index is back, unchanged, whatever
//! happens.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};

use crate::Tracker;
use crate::interop::import::{Format, Input, Options};
use crate::model::NewSession;
use crate::time::{Clock, range::Span};

const U1: &str = "0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01";
const U2: &str = "0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a02";
const HEADER: &str = "id,uuid,project,tags,note,start,end,duration_seconds,zone";

pub(super) fn tracker() -> Tracker {
    let now = Utc.with_ymd_and_hms(2026, 3, 2, 18, 0, 0).unwrap();
    Tracker::in_memory(Clock::Fixed(now), chrono_tz::UTC).unwrap()
}

pub(super) fn options() -> Options {
    Options::new(Format::Csv, chrono_tz::UTC)
}

/// An otium CSV export's row of session `uuid`, on 2 March 2026 from `from` to `to`.
fn row(uuid: &str, from: &str, to: &str) -> String {
    format!("1,{uuid},p,t,,2026-03-02T{from}:00+00:00,2026-03-02T{to}:00+00:00,0,UTC")
}

pub(super) fn csv(rows: &[String]) -> Input {
    let mut text = vec![HEADER.to_string()];
    text.extend(rows.iter().cloned());
    Input::Bytes {
        name: "sessions.csv".into(),
        data: text.join("\n").into_bytes(),
    }
}

/// The stored text of the uuid index, `None` when it is missing.
fn uuid_index(t: &Tracker) -> Option<String> {
    t.store
        .reader()
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'sessions_by_uuid'",
            [],
            |r| r.get(0),
        )
        .ok()
}

fn uuids(t: &Tracker) -> Vec<(String, DateTime<Utc>)> {
    t.sessions(Span::ALL)
        .unwrap()
        .into_iter()
        .map(|s| (s.uuid, s.start))
        .collect()
}

const INDEX: &str = "CREATE UNIQUE INDEX sessions_by_uuid ON sessions (uuid)";

#[test]
fn a_repeated_uuid_in_a_first_import_is_already_present() {
    let mut t = tracker();
    let file = csv(&[
        row(U1, "09:00", "10:00"),
        row(U2, "10:00", "11:00"),
        row(U1, "09:00", "10:00"),
    ]);
    let s = t.import(&file, &options(), &mut |_| {}).unwrap();
    assert_eq!((s.imported, s.already_present), (2, 1));
    assert_eq!(uuids(&t).len(), 2);
    assert_eq!(uuid_index(&t).as_deref(), Some(INDEX));
    // The index holds again: importing the file again finds both by uuid.
    let again = t.import(&file, &options(), &mut |_| {}).unwrap();
    assert_eq!((again.imported, again.already_present), (0, 3));
    let integrity: String = t
        .store
        .reader()
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn a_uuid_given_twice_with_other_times_is_refused_and_leaves_the_index() {
    let mut t = tracker();
    // The third record is session U2 again, moved: two records in one place.
    let file = csv(&[
        row(U1, "09:00", "10:00"),
        row(U2, "10:00", "11:00"),
        row(U2, "12:00", "13:00"),
    ]);
    let refused = t.import(&file, &options(), &mut |_| {}).unwrap_err();
    assert!(
        refused.message().contains("overlaps line 3 of this file"),
        "{}",
        refused.message()
    );
    assert!(uuids(&t).is_empty());
    assert_eq!(uuid_index(&t).as_deref(), Some(INDEX));
    // With --skip-conflicts the rest goes in, and U2 keeps the first record's times.
    let opts = Options {
        skip_conflicts: true,
        ..options()
    };
    let s = t.import(&file, &opts, &mut |_| {}).unwrap();
    assert_eq!((s.imported, s.skipped), (2, 1));
    assert_eq!(
        uuids(&t),
        [
            (
                U1.to_string(),
                Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
            ),
            (
                U2.to_string(),
                Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap()
            ),
        ]
    );
    assert_eq!(uuid_index(&t).as_deref(), Some(INDEX));
}

#[test]
fn an_import_into_a_table_with_sessions_keeps_the_index_and_finds_them() {
    let mut t = tracker();
    t.add(NewSession {
        project: "p".into(),
        tags: vec!["t".parse().unwrap()],
        note: None,
        start: Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap(),
        end: Some(Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()),
        zone: chrono_tz::UTC,
    })
    .unwrap();
    let stored = uuids(&t)[0].0.clone();
    // The stored session's own uuid, at its own times: already present.
    let file = csv(&[row(&stored, "07:00", "08:00"), row(U1, "09:00", "10:00")]);
    let s = t.import(&file, &options(), &mut |_| {}).unwrap();
    assert_eq!((s.imported, s.already_present), (1, 1));
    assert_eq!(uuids(&t).len(), 2);
    assert_eq!(uuid_index(&t).as_deref(), Some(INDEX));
}

#[test]
fn undo_and_redo_of_a_first_import_keep_the_index() {
    let mut t = tracker();
    let file = csv(&[row(U1, "09:00", "10:00"), row(U2, "10:00", "11:00")]);
    t.import(&file, &options(), &mut |_| {}).unwrap();
    t.undo().unwrap();
    assert!(uuids(&t).is_empty());
    t.redo().unwrap();
    assert_eq!(uuids(&t).len(), 2);
    assert_eq!(uuid_index(&t).as_deref(), Some(INDEX));
}
