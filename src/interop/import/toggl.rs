//! Toggl Track's detailed CSV export: columns `User, Email, Client, Project, Task,
//! Description, Billable, Start date, Start time, End date, End time, Duration, Tags`
//! (more columns, such as amounts, may follow and are ignored; the order does not
//! matter). Dates are `YYYY-MM-DD`, times `HH:MM:SS` in the exporting user's zone
//! with no offset: they are read in `--tz` (default: the user's zone). Project →
//! project (empty: `(no project)`), Description → note, Tags (comma separated) → tags;
//! Client, Task and Billable are not kept. Toggl rows have no id: a session is known
//! again by its start.
//!
//! **Duration** (`HH:MM:SS`, hours may pass 24; optional) settles the repeated hour when
//! clocks go back: a start or end that happens twice is read with the offset that makes
//! end − start equal Duration (else the first, as everywhere). When start, end and
//! Duration disagree otherwise, start and end are used and a `note:` says so.

use chrono::{LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use csv::StringRecord;

use super::{Options, Sink, Source};
use crate::error::Result;
use crate::time;

const REQUIRED: [&str; 7] = [
    "Project",
    "Description",
    "Start date",
    "Start time",
    "End date",
    "End time",
    "Tags",
];

/// Finds each required column in the header, or says which are missing.
pub(crate) fn columns<const N: usize>(
    header: &StringRecord,
    required: [&str; N],
) -> std::result::Result<[usize; N], Vec<String>> {
    let mut out = [0; N];
    let mut missing = Vec::new();
    for (i, name) in required.iter().enumerate() {
        match header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
        {
            Some(c) => out[i] = c,
            None => missing.push((*name).to_string()),
        }
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

/// `HH:MM:SS` (or `HH:MM`) as seconds; hours may be any number.
fn duration(text: &str) -> Option<i64> {
    let mut parts = text.trim().split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let s: i64 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    if parts.next().is_some() || h < 0 || !(0..60).contains(&m) || !(0..60).contains(&s) {
        return None;
    }
    h.checked_mul(3600)?.checked_add(m * 60 + s)
}

/// The instants a naive local time can mean in `zone`: two in a repeated hour, else one
/// (a time in a gap moved forward, by `time::resolve_local`'s rule).
fn readings(zone: Tz, naive: NaiveDateTime) -> Vec<i64> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Ambiguous(a, b) => vec![a.timestamp(), b.timestamp()],
        _ => vec![time::resolve_local(zone, naive).instant.timestamp()],
    }
}

/// Start and end as instants: the readings whose difference is nearest `duration`
/// (without one: the first of each, with the DST notes of `super::local`).
fn instants(
    zone: Tz,
    start: NaiveDateTime,
    end: NaiveDateTime,
    duration: Option<i64>,
    notes: &mut Vec<String>,
) -> (i64, i64) {
    let (starts, ends) = (readings(zone, start), readings(zone, end));
    let Some(want) = duration else {
        return (
            super::local(zone, start, notes),
            super::local(zone, end, notes),
        );
    };
    let mut best = (starts[0], ends[0]);
    for &s in &starts {
        for &e in &ends {
            if (e - s - want).abs() < (best.1 - best.0 - want).abs() {
                best = (s, e);
            }
        }
    }
    let shown = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|t| t.with_timezone(&zone).format("%H:%M %Z (%:z)").to_string())
            .unwrap_or_default()
    };
    for (naive, all, chosen) in [(start, &starts, best.0), (end, &ends, best.1)] {
        if all.len() > 1 {
            notes.push(format!(
                "{} happens twice in {zone} (clocks go back); Duration {} says {}",
                naive.format("%Y-%m-%d %H:%M"),
                time::human_duration(want),
                shown(chosen)
            ));
        }
    }
    let got = best.1 - best.0;
    if got != want {
        notes.push(format!(
            "start, end and Duration disagree: {} to {} is {} but Duration says {}; used start and end",
            start.format("%Y-%m-%d %H:%M:%S"),
            end.format("%Y-%m-%d %H:%M:%S"),
            time::human_duration(got),
            time::human_duration(want)
        ));
    } else if starts.len() == 1 && ends.len() == 1 {
        // Nothing was ambiguous: the notes of the usual rule (a time in a gap) apply.
        super::local(zone, start, notes);
        super::local(zone, end, notes);
    }
    best
}

fn date_time(date: &str, time: &str) -> Option<chrono::NaiveDateTime> {
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(time.trim(), "%H:%M"))
        .ok()
        // A leap second (`:60`) would be stored as :59: refused as a bad time.
        .filter(|t| chrono::Timelike::nanosecond(t) < 1_000_000_000)?;
    Some(date.and_time(time))
}

/// Reads a detailed CSV export.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (here, mut reader) = src.csv();
    let header = reader.headers().map_err(|e| here.csv_error(e))?.clone();
    let [
        project,
        description,
        start_date,
        start_time,
        end_date,
        end_time,
        tags,
    ] = columns(&header, REQUIRED).map_err(|missing| {
        here.error_keyed(
            1,
            1,
            "admin-import-error-toggl-columns",
            vec![
                ("missing", missing.join(", ")),
                ("required", REQUIRED.join(", ")),
            ],
        )
    })?;
    let duration_col = header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("Duration"));
    let mut row = StringRecord::new();
    while reader
        .read_record(&mut row)
        .map_err(|e| here.csv_error(e))?
    {
        let line = row.position().map_or(0, csv::Position::line);
        let cell = |i: usize| row.get(i).unwrap_or("");
        let mut rec = here.record_at(line, 1);
        let when = |d: usize, t: usize, key: &'static str| {
            date_time(cell(d), cell(t)).ok_or_else(|| {
                here.error_keyed(
                    line,
                    d as u64 + 1,
                    key,
                    vec![
                        ("date", format!("{:?}", cell(d))),
                        ("time", format!("{:?}", cell(t))),
                    ],
                )
            })
        };
        let start = when(start_date, start_time, "admin-import-error-toggl-start")?;
        let end = when(end_date, end_time, "admin-import-error-toggl-end")?;
        let length = match duration_col.map(cell).map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(duration(text).ok_or_else(|| {
                here.error_keyed(
                    line,
                    duration_col.map_or(1, |c| c as u64 + 1),
                    "admin-import-error-toggl-duration",
                    vec![("text", format!("{text:?}"))],
                )
            })?),
        };
        let (s, e) = instants(opts.zone, start, end, length, &mut rec.notes);
        rec.start = s;
        rec.end = Some(e);
        rec.project = Some(cell(project).to_string());
        rec.note = Some(cell(description).to_string());
        rec.tags = cell(tags)
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        rec.zone = Some(opts.zone);
        sink(rec)?;
    }
    Ok(())
}
