//! Round trips through otium's own exports, over arbitrary strings (proptest).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::otium::unneutralise;
use super::*;
use crate::Tracker;
use crate::interop::export::{ExportFormat, Exporter};
use crate::model::{NewSession, Session, normalize_note, validate_project, validate_tag};
use crate::time::{Clock, range::Span};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap()
}

fn tracker() -> Tracker {
    Tracker::in_memory(Clock::Fixed(now()), chrono_tz::Europe::Berlin).unwrap()
}

fn opts(format: Format) -> Options {
    Options::new(format, chrono_tz::Europe::Berlin)
}

fn all(t: &Tracker) -> Vec<Session> {
    t.sessions(Span::ALL).unwrap()
}

fn export(t: &Tracker, format: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    let mut e = Exporter::begin(format, &mut out, now(), false).unwrap();
    t.each_session(Span::ALL, |s| {
        e.session(s).unwrap();
        Ok(())
    })
    .unwrap();
    e.finish().unwrap();
    out
}

/// Whether a value could be mistaken for a neutralised cell (see otium.rs): such
/// values cannot survive a CSV round trip, by the export format's design.
fn ambiguous(text: &str) -> bool {
    unneutralise(text) != text
}

/// Any string, often starting with a character the CSV export neutralises.
fn text() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(vec!["", "=", "+", "-", "@", "\t", "'", "' "]),
        any::<String>(),
    )
        .prop_map(|(head, tail)| format!("{head}{tail}"))
}

fn project() -> impl Strategy<Value = String> {
    text().prop_filter_map("a valid project", |p| {
        validate_project(&p).ok().filter(|p| !ambiguous(p))
    })
}

fn tag() -> impl Strategy<Value = String> {
    text().prop_filter_map("a valid tag", |t| {
        validate_tag(&t).ok().filter(|t| !ambiguous(t))
    })
}

fn note() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
        .prop_map(|n| normalize_note(n.as_deref()))
        .prop_filter("not ambiguous", |n| !n.as_deref().is_some_and(ambiguous))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn csv_and_json_exports_read_back_the_same_sessions(
        sessions in proptest::collection::vec(
            (project(), proptest::collection::vec(tag(), 0..3), note(), 1i64..20_000),
            1..6,
        )
    ) {
        let mut source = tracker();
        let mut start = Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap();
        for (project, tags, note, seconds) in sessions {
            let end = start + Duration::seconds(seconds);
            source.add(NewSession { project: project.as_str().into(), tags: tags.iter().map(|t| t.as_str().into()).collect(), note, start, end: Some(end), zone: chrono_tz::Europe::Berlin }).unwrap();
            start = end + Duration::seconds(60);
        }
        for (format, export_format) in [(Format::Csv, ExportFormat::Csv), (Format::Json, ExportFormat::Json)] {
            let data = export(&source, export_format);
            let mut target = tracker();
            let input = Input::Bytes { name: "export".into(), data };
            let summary = target.import(&input, &opts(format), &mut |_| {}).unwrap();
            prop_assert_eq!(summary.imported as usize, all(&source).len());
            prop_assert_eq!(all(&target), all(&source));
            // And a second time: nothing new.
            let again = target.import(&input, &opts(format), &mut |_| {}).unwrap();
            prop_assert_eq!(again.imported, 0);
            prop_assert_eq!(again.already_present as usize, all(&source).len());
        }
    }
}

#[test]
fn a_neutralised_cell_loses_exactly_one_quote() {
    assert_eq!(unneutralise("'=1+1"), "=1+1");
    assert_eq!(unneutralise("''=1"), "''=1");
    assert_eq!(unneutralise("'plain"), "'plain");
    assert_eq!(unneutralise("'-"), "-");
    assert_eq!(unneutralise("'"), "'");
}

#[test]
fn content_keys_are_stable() {
    // Pinned: changing the namespace or the text would break idempotence for users.
    assert_eq!(
        content_key(1_704_704_400, 1_704_708_000, "p"),
        content_key(1_704_704_400, 1_704_708_000, "p")
    );
    assert_ne!(
        content_key(1_704_704_400, 1_704_708_000, "p"),
        content_key(1_704_704_400, 1_704_708_000, "q")
    );
    assert_eq!(map_tag(" tag  2+x "), "tag-2-x");
}

#[test]
fn progress_is_reported_every_1024_rows() {
    let mut body = String::from("[");
    for i in 0..2100i64 {
        let start = 1_704_704_400 + i * 100;
        if i > 0 {
            body.push(',');
        }
        body.push_str(&format!("[{start},{},\"p\",\"k{i}\",[],0]", start + 50));
    }
    body.push(']');
    let mut t = tracker();
    let mut calls = Vec::new();
    let input = Input::Bytes {
        name: "f".into(),
        data: body.into_bytes(),
    };
    let s = t
        .import(&input, &opts(Format::Watson), &mut |p| calls.push(p.rows))
        .unwrap();
    assert_eq!(s.imported, 2100);
    assert_eq!(s.imported_seconds, 2100 * 50);
    assert_eq!(calls, [1024, 2048]);
}
