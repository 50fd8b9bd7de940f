//! otium's own exports read back: the CSV of `otium export` (columns `id, uuid,
//! project, tags, note, start, end, duration_seconds, zone`; `id` and
//! `duration_seconds` are not read) and the JSON of `otium export --format json`.
//! Times are RFC 3339, each session keeps its zone and UUID.
//!
//! CSV cells were neutralised for spreadsheets: a cell starting with `=`, `+`, `-`,
//! `@`, tab, CR or LF got a leading `'`. That `'` is removed exactly once, and only
//! before one of those characters. A value that itself begins with `'` and one of them
//! cannot be told apart from a neutralised one; `--raw` (for files written with
//! `export --raw`) keeps every cell as it is.

use chrono::{DateTime, Timelike};
use csv::StringRecord;
use serde::Deserialize;

use super::toggl::columns;
use super::{Here, Options, Record, Sink, Source};
use crate::error::Result;
use crate::time::parse_zone;

const REQUIRED: [&str; 6] = ["project", "tags", "note", "start", "end", "zone"];

/// Undoes `report::csv::neutralise`.
#[must_use]
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) => rest,
        _ => cell,
    }
}

fn instant(here: &Here, rec: &Record, col: u64, what: &str, text: &str) -> Result<i64> {
    let t = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        here.error(
            rec.line,
            col,
            &format!("{what} {text:?} is not an RFC 3339 time like 2026-03-02T09:00:00+01:00"),
        )
    })?;
    // chrono reads `:60` as a leap second, which unix seconds cannot hold: it would be
    // stored as `:59`. Refused, as `add` refuses it (`time::parse::parse_instant`).
    if t.nanosecond() >= 1_000_000_000 {
        return Err(here.error(
            rec.line,
            col,
            &format!("{what} {text:?} names a leap second (:60); use :59 or the next minute"),
        ));
    }
    Ok(t.timestamp())
}

/// Reads `otium export` CSV.
pub(crate) fn read_csv(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (here, mut reader) = src.csv();
    let header = reader.headers().map_err(|e| here.csv_error(e))?.clone();
    let [project, tags, note, start, end, zone] =
        columns(&header, REQUIRED).map_err(|missing| {
            here.error(
                1,
                1,
                &format!(
                    "wrong columns: {} missing; expected otium's CSV export (id,uuid,project,tags,note,start,end,duration_seconds,zone)",
                    missing.join(", ")
                ),
            )
        })?;
    let uuid = header.iter().position(|h| h.trim() == "uuid");
    let text = |s: &str| {
        if opts.raw {
            s.to_string()
        } else {
            unneutralise(s).to_string()
        }
    };
    let mut row = StringRecord::new();
    while reader
        .read_record(&mut row)
        .map_err(|e| here.csv_error(e))?
    {
        let line = row.position().map_or(0, csv::Position::line);
        let cell = |i: usize| row.get(i).unwrap_or("");
        let mut rec = here.record_at(line, 1);
        rec.id = uuid.map(|i| cell(i).to_string());
        rec.project = Some(text(cell(project)));
        rec.tags = text(cell(tags))
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        rec.note = Some(text(cell(note)));
        rec.start = instant(&here, &rec, start as u64 + 1, "start", cell(start))?;
        rec.end = match cell(end) {
            "" => None,
            e => Some(instant(&here, &rec, end as u64 + 1, "end", e)?),
        };
        rec.zone = Some(
            parse_zone(cell(zone).trim())
                .map_err(|e| here.error(line, zone as u64 + 1, e.message()))?,
        );
        sink(rec)?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct Exported {
    uuid: Option<String>,
    project: String,
    #[serde(default)]
    tags: Vec<String>,
    note: Option<String>,
    start: String,
    end: Option<String>,
    zone: String,
}

/// Reads `otium export --format json`.
pub(crate) fn read_json(src: Source, _opts: &Options, sink: Sink<'_>) -> Result<()> {
    src.each_json::<Exported>(
        "a JSON array of otium sessions",
        &mut |here, item, index| {
            let mut rec = here.record();
            let what = |w: &str| format!("session {index}: {w}");
            rec.id = item.uuid;
            rec.project = Some(item.project);
            rec.tags = item.tags;
            rec.note = item.note;
            rec.start = instant(here, &rec, rec.col, &what("start"), &item.start)?;
            rec.end = match item.end {
                Some(e) => Some(instant(here, &rec, rec.col, &what("end"), &e)?),
                None => None,
            };
            rec.zone = Some(
                parse_zone(item.zone.trim())
                    .map_err(|e| here.error(rec.line, rec.col, &what(e.message())))?,
            );
            sink(rec)
        },
    )
}
