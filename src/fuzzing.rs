//! Property checks shared by the `cargo fuzz` targets (`fuzz/fuzz_targets/`) and the
//! stable replay of their committed corpus (`tests/fuzz_corpus.rs`). Not part of
//! otium's API: built only with the `fuzzing` feature, which `fuzz/Cargo.toml` and
//! the package's dev-dependency on itself turn on.
//!
//! Each check takes arbitrary bytes, runs one parser on them and panics (through
//! `assert!`) when a property breaks; a parser that panics on its own is a finding
//! too. Parsers get no database here: importers stop at [`import::parse`] and the pure
//! [`import::check()`]. Nothing in otium itself calls this module.
#![doc(hidden)]

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Timelike, Utc, Weekday};
use chrono_tz::Tz;

use crate::interop::export::{ExportFormat, Exporter};
use crate::interop::import::check::{EARLIEST, LATEST, LONGEST};
use crate::interop::import::{self, Checked, Format, Input, Options, Record, Verdict};
use crate::model::{Session, validate_project, validate_tag};
use crate::time::calendar::{parse_iso_week, parse_month};
use crate::time::parse::{format_duration_input, parse_date, parse_duration, parse_instant};
use crate::time::range::{Span, month_span};

/// A check: bytes in, panic on a broken property.
pub type Check = fn(&[u8]);

/// Every fuzz target by name (the file `fuzz/fuzz_targets/<name>.rs` and the corpus
/// folder `fuzz/corpus/<name>/`) with the check it runs.
pub const TARGETS: &[(&str, Check)] = &[
    ("time_duration", duration),
    ("time_instant", instant),
    ("time_range", range),
    ("import_watson", watson),
    ("import_timewarrior", timewarrior),
    ("import_toggl", toggl),
    ("import_bartib", bartib),
    ("import_otium_csv", otium_csv),
    ("import_otium_json", otium_json),
    ("import_clockify", clockify),
    ("import_kimai", kimai),
    ("import_toggl_api", toggl_api),
    ("import_klog", klog),
    ("import_timeclock", timeclock),
];

/// The zones the time checks run in: no DST, a 1-hour DST shift, and a 30-minute one.
const ZONES: [Tz; 3] = [
    chrono_tz::UTC,
    chrono_tz::Europe::Berlin,
    chrono_tz::Australia::Lord_Howe,
];

/// "Now" for the time checks: an ordinary day, and the day Berlin springs forward
/// (so `today 02:30` falls in the gap).
const NOWS: [i64; 2] = [1_772_449_200, 1_774_744_200];

/// "Now" for the importers, unix seconds (2026-12-01T00:00:00Z).
const IMPORT_NOW: i64 = 1_796_083_200;

/// The name the importers see (it must start every error message).
const NAME: &str = "fuzz-input";

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// `time::parse_duration`: a duration is whole, non-negative seconds; formatting it
/// and reading it back gives the same value; `<it> ago` is that long before now.
pub fn duration(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let Ok(seconds) = parse_duration(text) else {
        return;
    };
    assert!(seconds >= 0, "{text:?} parsed as negative {seconds}s");
    let again = parse_duration(&format_duration_input(seconds));
    assert_eq!(again.ok(), Some(seconds), "{text:?} does not round-trip");
    let now = at(NOWS[0]);
    let ago = parse_instant(
        &format!("{text} ago"),
        now,
        chrono_tz::UTC,
        now.date_naive(),
    );
    let expected = TimeDelta::try_seconds(seconds).and_then(|d| now.checked_sub_signed(d));
    assert_eq!(
        ago.ok().map(|r| r.instant),
        expected,
        "{text:?} ago is not {seconds}s before now"
    );
}

/// `time::parse_instant`, in several zones and on a DST day: the same answer every
/// time, in whole seconds, `now` is now, a DST note names its zone, and the instant's
/// RFC 3339 form reads back as the same instant.
pub fn instant(data: &[u8]) {
    let Some(text) = text(data) else { return };
    for zone in ZONES {
        for now in NOWS.map(at) {
            let day = now.with_timezone(&zone).date_naive();
            let first = parse_instant(text, now, zone, day);
            let second = parse_instant(text, now, zone, day);
            assert_eq!(
                first.as_ref().ok(),
                second.as_ref().ok(),
                "{text:?} is not deterministic"
            );
            let resolved = match first {
                Ok(r) => r,
                Err(e) => {
                    assert!(!e.message().is_empty(), "{text:?}: empty error");
                    continue;
                }
            };
            assert_eq!(
                resolved.instant.nanosecond(),
                0,
                "{text:?}: not whole seconds"
            );
            if text.trim().eq_ignore_ascii_case("now") {
                assert_eq!(resolved.instant, now);
            }
            if let Some(note) = &resolved.note {
                assert!(note.contains(zone.name()), "{text:?}: note {note:?}");
            }
            if (1..=9999).contains(&resolved.instant.year()) {
                let rfc = resolved.instant.to_rfc3339();
                let back = parse_instant(&rfc, now, zone, day).map(|r| r.instant);
                assert_eq!(back.ok(), Some(resolved.instant), "{text:?} via {rfc}");
            }
        }
    }
}

/// Week, month and date ranges: a week starts on Monday and lasts 7 local days, a
/// month starts on the 1st and lasts 28 to 31, a day lasts 22 to 26 hours.
pub fn range(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let hours = |span: Span| match (span.from, span.to) {
        (Some(from), Some(to)) => (to - from).num_minutes() as f64 / 60.0,
        _ => f64::NAN,
    };
    for zone in ZONES {
        if let Some(monday) = parse_iso_week(text) {
            assert_eq!(monday.weekday(), Weekday::Mon, "{text:?}");
            let h = hours(Span::week(zone, monday, Weekday::Mon));
            assert!((166.0..=170.0).contains(&h), "{text:?}: week of {h} h");
        }
        if let Some(first) = parse_month(text) {
            assert_eq!(first.day(), 1, "{text:?}");
            let days = hours(month_span(zone, first)) / 24.0;
            assert!(
                (27.9..=31.1).contains(&days),
                "{text:?}: month of {days} days"
            );
        }
        if let Some(date) = parse_date(text) {
            let h = hours(Span::days(zone, date, date));
            if date.succ_opt().and_then(|d| d.succ_opt()).is_some() && date > NaiveDate::MIN {
                assert!((22.0..=26.0).contains(&h), "{text:?}: day of {h} h");
            }
        }
    }
}

/// The import options the checks try: the defaults (Berlin, no override), and a
/// 30-minute-DST zone with `--project`, `--allow-long` and `--raw`.
fn options(format: Format) -> [Options; 2] {
    let base = Options {
        format,
        zone: chrono_tz::Europe::Berlin,
        project: None,
        skip_conflicts: false,
        allow_long: false,
        dry_run: true,
        raw: false,
        sync_deletes: false,
        project_tags: import::ProjectTags::First,
        projects: None,
    };
    let other = Options {
        zone: chrono_tz::Australia::Lord_Howe,
        project: Some("client work".to_string()),
        allow_long: true,
        raw: true,
        ..base.clone()
    };
    [base, other]
}

/// Every record `data` yields as `opts.format`, and how reading ended.
fn records(data: &[u8], opts: &Options) -> (Vec<Record>, crate::Result<()>) {
    let input = Input::Bytes {
        name: NAME.to_string(),
        data: data.to_vec(),
    };
    let mut out = Vec::new();
    let result = import::parse(&input, opts, &mut |rec| {
        out.push(rec);
        Ok(())
    });
    (out, result)
}

/// What the importers must hold to, for any bytes: errors say `fuzz-input:…`; each
/// record is located in the file; a checked session lies in 1970..now, ends after it
/// starts, lasts at most 7 days without `--allow-long`, has a valid project, sorted
/// valid tags, a trimmed note and a UUID key; a skipped one is running or zero-length.
/// A UTF-8 byte-order mark in front changes nothing. Returns the sessions accepted
/// with the default options.
fn import_file(format: Format, data: &[u8]) -> Vec<Checked> {
    let mut accepted = Vec::new();
    for opts in options(format) {
        let (recs, result) = records(data, &opts);
        if let Err(e) = &result {
            assert!(e.message().starts_with(NAME), "unlocated error: {e}");
        }
        for rec in &recs {
            assert_eq!(&*rec.file, NAME);
            assert!(
                rec.line >= 1 && rec.col >= 1,
                "record at {}:{}",
                rec.line,
                rec.col
            );
            assert!(rec.bytes <= data.len() as u64, "record past the end");
            match import::check(rec, &opts, IMPORT_NOW) {
                Ok(Verdict::Session(s)) => {
                    session_holds(&s, &opts);
                    if opts.project.is_none() {
                        accepted.push(s);
                    }
                }
                Ok(Verdict::Skip { reason, example }) => {
                    let why = match reason {
                        "running" => rec.end.is_none(),
                        "zero_length" => rec.end == Some(rec.start),
                        _ => false,
                    };
                    assert!(why, "skipped as {reason}: {rec:?}");
                    assert!(example.starts_with(NAME), "{example}");
                }
                Err(e) => {
                    let here = format!("{NAME}:{}:", rec.line);
                    assert!(e.message().starts_with(&here), "unlocated: {e}");
                }
            }
        }
        if !data.starts_with(b"\xEF\xBB\xBF") {
            let mut bom = b"\xEF\xBB\xBF".to_vec();
            bom.extend_from_slice(data);
            let (with_bom, result_bom) = records(&bom, &opts);
            let strip = |r: &[Record]| -> Vec<Record> {
                r.iter()
                    .map(|r| Record {
                        bytes: 0,
                        ..r.clone()
                    })
                    .collect()
            };
            assert_eq!(strip(&with_bom), strip(&recs), "a BOM changed the records");
            assert_eq!(
                result_bom.is_ok(),
                result.is_ok(),
                "a BOM changed the outcome"
            );
        }
    }
    accepted
}

fn session_holds(s: &Checked, opts: &Options) {
    assert!(EARLIEST <= s.start, "starts before 1970: {s:?}");
    assert!(s.start < s.end, "does not end after it starts: {s:?}");
    assert!(s.end <= IMPORT_NOW.min(LATEST), "ends in the future: {s:?}");
    assert!(
        opts.allow_long || s.end - s.start <= LONGEST,
        "too long: {s:?}"
    );
    assert_eq!(validate_project(&s.project).ok().as_ref(), Some(&s.project));
    if let Some(p) = &opts.project {
        assert_eq!(&s.project, p);
    }
    assert!(s.tags.windows(2).all(|w| w[0] < w[1]), "tags: {:?}", s.tags);
    for tag in &s.tags {
        assert_eq!(validate_tag(tag).ok().as_ref(), Some(tag));
    }
    if let Some(note) = &s.note {
        assert!(!note.is_empty() && note.trim() == note, "note {note:?}");
    }
    assert!(uuid::Uuid::parse_str(&s.key).is_ok(), "key {:?}", s.key);
}

/// otium's own formats: the accepted sessions, exported raw and read back raw, are
/// the same sessions.
fn round_trip(format: Format, export: ExportFormat, accepted: &[Checked]) {
    let sessions: Vec<Session> = accepted
        .iter()
        .zip(1..)
        .map(|(c, id)| Session {
            id: crate::model::SessionId::new(id),
            uuid: c.key.clone(),
            project: c.project.clone(),
            tags: c.tags.clone(),
            note: c.note.clone(),
            start: at(c.start),
            end: Some(at(c.end)),
            zone: c.zone,
        })
        .collect();
    let mut out = Vec::new();
    let written = Exporter::begin(export, &mut out, at(IMPORT_NOW), true).and_then(|mut e| {
        sessions.iter().try_for_each(|s| e.session(s))?;
        e.finish()
    });
    assert!(written.is_ok(), "export failed: {written:?}");
    let opts = Options {
        raw: true,
        ..options(format)[0].clone()
    };
    let (recs, result) = records(&out, &opts);
    assert!(result.is_ok(), "re-import failed: {result:?}");
    let back: Vec<Checked> = recs
        .iter()
        .filter_map(|r| match import::check(r, &opts, IMPORT_NOW) {
            Ok(Verdict::Session(s)) => Some(s),
            _ => None,
        })
        .collect();
    assert_eq!(back, accepted, "the export did not read back the same");
}

/// Watson frames: the checks of every importer, and a frame id that is a UUID
/// becomes the key.
pub fn watson(data: &[u8]) {
    import_file(Format::Watson, data);
    for opts in options(Format::Watson) {
        for rec in records(data, &opts).0 {
            let id = rec
                .id
                .as_deref()
                .and_then(|i| uuid::Uuid::parse_str(i.trim()).ok());
            if let (Some(id), Ok(Verdict::Session(s))) =
                (id, import::check(&rec, &opts, IMPORT_NOW))
            {
                assert_eq!(s.key, id.hyphenated().to_string());
            }
        }
    }
}

/// Timewarrior data lines and `timew export` JSON.
pub fn timewarrior(data: &[u8]) {
    import_file(Format::Timewarrior, data);
}

/// Toggl Track detailed CSV.
pub fn toggl(data: &[u8]) {
    import_file(Format::Toggl, data);
}

/// bartib activity files.
pub fn bartib(data: &[u8]) {
    import_file(Format::Bartib, data);
}

/// Clockify detailed CSV (either date layout, either clock).
pub fn clockify(data: &[u8]) {
    import_file(Format::Clockify, data);
}

/// Kimai CSV exports.
pub fn kimai(data: &[u8]) {
    import_file(Format::Kimai, data);
}

/// Toggl Track API v9 time entries (without a projects file).
pub fn toggl_api(data: &[u8]) {
    import_file(Format::TogglApi, data);
}

/// klog files: ranges, open ranges, placed durations and breaks.
pub fn klog(data: &[u8]) {
    import_file(Format::Klog, data);
}

/// timeclock `i`/`o` files.
pub fn timeclock(data: &[u8]) {
    import_file(Format::Timeclock, data);
}

/// otium's CSV export, which also reads back what it exports.
pub fn otium_csv(data: &[u8]) {
    let accepted = import_file(Format::Csv, data);
    round_trip(Format::Csv, ExportFormat::Csv, &accepted);
}

/// otium's JSON export, which also reads back what it exports.
pub fn otium_json(data: &[u8]) {
    let accepted = import_file(Format::Json, data);
    round_trip(Format::Json, ExportFormat::Json, &accepted);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_constants_are_the_dates_they_claim() {
        assert_eq!(
            at(NOWS[0]),
            Utc.with_ymd_and_hms(2026, 3, 2, 11, 0, 0).unwrap()
        );
        assert_eq!(
            at(NOWS[1]),
            Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap()
        );
        assert_eq!(
            at(IMPORT_NOW),
            Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap()
        );
    }
}
