//! Toggl Track's detailed CSV export: columns `User, Email, Client, Project, Task,
//! Description, Billable, Start date, Start time, End date, End time, Duration, Tags`
//! (more columns, such as amounts, may follow and are ignored; the order does not
//! matter). Dates are `YYYY-MM-DD`, times `HH:MM:SS` in the exporting user's zone
//! with no offset: they are read in `--tz` (default: the user's zone). Project →
//! project (empty: `(no project)`), Description → note, Tags (comma separated) → tags;
//! Client, Task and Billable are not kept. Toggl rows have no id: the content key is used.

use chrono::{NaiveDate, NaiveTime};
use csv::StringRecord;

use super::{Options, Sink, Source};
use crate::error::Result;

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
        here.error(
            1,
            1,
            &format!(
                "wrong columns: {} missing; expected a Toggl Track detailed CSV export with {}",
                missing.join(", "),
                REQUIRED.join(", ")
            ),
        )
    })?;
    let mut row = StringRecord::new();
    while reader
        .read_record(&mut row)
        .map_err(|e| here.csv_error(e))?
    {
        let line = row.position().map_or(0, csv::Position::line);
        let cell = |i: usize| row.get(i).unwrap_or("");
        let mut rec = here.record_at(line, 1);
        let when = |d: usize, t: usize, which: &str, rec: &mut super::Record| {
            let naive = date_time(cell(d), cell(t)).ok_or_else(|| {
                here.error(
                    line,
                    d as u64 + 1,
                    &format!(
                        "{which} {:?} {:?} is not a date and time like 2024-01-15 09:00:00",
                        cell(d),
                        cell(t),
                    ),
                )
            })?;
            Ok::<i64, crate::Error>(super::local(opts.zone, naive, &mut rec.notes))
        };
        rec.start = when(start_date, start_time, "start", &mut rec)?;
        rec.end = Some(when(end_date, end_time, "end", &mut rec)?);
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
