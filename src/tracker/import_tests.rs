//! The import engine skips the overlap probe and the start lookup for records that
//! start at or after every stored session's end (the frontier), and still refuses
//! every overlap: with a stored session, a running one, or an earlier record.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};

use crate::Tracker;
use crate::interop::import::{Format, Input, Options};
use crate::model::NewSession;
use crate::time::{Clock, range::Span};
use crate::tracker::StartRequest;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 18, 0, 0).unwrap()
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0).unwrap()
}

fn tracker() -> Tracker {
    Tracker::in_memory(Clock::Fixed(now()), chrono_tz::UTC).unwrap()
}

fn options(skip_conflicts: bool) -> Options {
    Options {
        skip_conflicts,
        ..Options::new(Format::Bartib, chrono_tz::UTC)
    }
}

fn bartib(lines: &[&str]) -> Input {
    Input::Bytes {
        name: "activities.bartib".into(),
        data: lines.join("\n").into_bytes(),
    }
}

fn add(t: &mut Tracker, from: DateTime<Utc>, to: DateTime<Utc>) {
    t.add(NewSession {
        project: "stored".into(),
        tags: Vec::new(),
        note: None,
        start: from,
        end: Some(to),
        zone: chrono_tz::UTC,
    })
    .unwrap();
}

/// Times of every session, in start order.
fn times(t: &Tracker) -> Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> {
    t.sessions(Span::ALL)
        .unwrap()
        .into_iter()
        .map(|s| (s.project, s.start, s.end))
        .collect()
}

#[test]
fn records_after_the_stored_history_go_in_and_overlaps_among_them_are_refused() {
    let mut t = tracker();
    add(&mut t, at(8, 0), at(9, 0));
    // Starts exactly where the stored session ends (allowed), then one in order, then
    // one starting inside the previous record: refused, nothing imported.
    let file = bartib(&[
        "2026-03-02 09:00 - 2026-03-02 10:00 | a | one",
        "2026-03-02 10:30 - 2026-03-02 11:00 | b | two",
        "2026-03-02 10:45 - 2026-03-02 11:30 | c | three",
    ]);
    let err = t.import(&file, &options(false), &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("overlap"), "{err}");
    assert_eq!(times(&t).len(), 1);
    let summary = t.import(&file, &options(true), &mut |_| {}).unwrap();
    assert_eq!((summary.imported, summary.skipped), (2, 1));
    assert_eq!(
        times(&t),
        [
            ("stored".to_string(), at(8, 0), Some(at(9, 0))),
            ("a".to_string(), at(9, 0), Some(at(10, 0))),
            ("b".to_string(), at(10, 30), Some(at(11, 0))),
        ]
    );
    // The same file again: found by their starts, nothing new.
    let again = t.import(&file, &options(true), &mut |_| {}).unwrap();
    assert_eq!((again.imported, again.already_present), (0, 2));
}

#[test]
fn a_record_reaching_into_a_stored_or_running_session_is_refused() {
    let mut t = tracker();
    add(&mut t, at(8, 0), at(9, 0));
    let into_stored = bartib(&["2026-03-02 08:30 - 2026-03-02 09:30 | a | x"]);
    assert!(
        t.import(&into_stored, &options(false), &mut |_| {})
            .is_err()
    );
    let mut request = StartRequest::new("running".into());
    request.at = Some(at(12, 0));
    t.start(request).unwrap();
    // After the running session's start: it reaches to now and beyond.
    let after_running = bartib(&["2026-03-02 13:00 - 2026-03-02 14:00 | a | y"]);
    assert!(
        t.import(&after_running, &options(false), &mut |_| {})
            .is_err()
    );
    assert_eq!(times(&t).len(), 2);
}
