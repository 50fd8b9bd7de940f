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
use crate::time::zone_named;

const REQUIRED: [&str; 6] = ["project", "tags", "note", "start", "end", "zone"];

/// Undoes `report::csv::neutralise`.
#[must_use]
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) => rest,
        _ => cell,
    }
}

/// Which keys an export's errors use: the CSV's, or the JSON's (with the session's
/// index in the array).
#[derive(Clone, Copy)]
enum Keys {
    Csv,
    Json(u64),
}

impl Keys {
    /// The error `csv` or `json` (the key pair's two spellings) at `line:col`, with
    /// `args` and the session's index for JSON.
    fn error(
        self,
        here: &Here,
        (line, col): (u64, u64),
        (csv, json): (&'static str, &'static str),
        mut args: Vec<(&'static str, String)>,
    ) -> crate::Error {
        match self {
            Keys::Csv => here.error_keyed(line, col, csv, args),
            Keys::Json(index) => {
                args.push(("index", index.to_string()));
                here.error_keyed(line, col, json, args)
            }
        }
    }
}

/// Reads `start` or `end` (`field`) as an RFC 3339 time.
fn instant(
    here: &Here,
    rec: &Record,
    col: u64,
    keys: Keys,
    field: &'static str,
    text: &str,
) -> Result<i64> {
    let args = || vec![("field", field.to_string()), ("text", format!("{text:?}"))];
    let t = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        keys.error(
            here,
            (rec.line, col),
            (
                "admin-import-error-otium-time",
                "admin-import-error-otium-json-time",
            ),
            args(),
        )
    })?;
    // chrono reads `:60` as a leap second, which unix seconds cannot hold: it would be
    // stored as `:59`. Refused, as `add` refuses it (`time::parse::parse_instant`).
    if t.nanosecond() >= 1_000_000_000 {
        return Err(keys.error(
            here,
            (rec.line, col),
            (
                "admin-import-error-otium-leap",
                "admin-import-error-otium-json-leap",
            ),
            args(),
        ));
    }
    Ok(t.timestamp())
}

/// Reads the zone column or field.
fn zone_of(here: &Here, (line, col): (u64, u64), keys: Keys, name: &str) -> Result<chrono_tz::Tz> {
    let name = name.trim();
    zone_named(name).ok_or_else(|| {
        keys.error(
            here,
            (line, col),
            (
                "admin-import-error-otium-zone",
                "admin-import-error-otium-json-zone",
            ),
            vec![("text", format!("{name:?}"))],
        )
    })
}

/// Reads `otium export` CSV.
pub(crate) fn read_csv(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (here, mut reader) = src.csv();
    let header = reader.headers().map_err(|e| here.csv_error(e))?.clone();
    let [project, tags, note, start, end, zone] =
        columns(&header, REQUIRED).map_err(|missing| {
            here.error_keyed(
                1,
                1,
                "admin-import-error-otium-columns",
                vec![("missing", missing.join(", "))],
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
        rec.start = instant(
            &here,
            &rec,
            start as u64 + 1,
            Keys::Csv,
            "start",
            cell(start),
        )?;
        rec.end = match cell(end) {
            "" => None,
            e => Some(instant(&here, &rec, end as u64 + 1, Keys::Csv, "end", e)?),
        };
        rec.zone = Some(zone_of(
            &here,
            (line, zone as u64 + 1),
            Keys::Csv,
            cell(zone),
        )?);
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
            let keys = Keys::Json(index);
            rec.id = item.uuid;
            rec.project = Some(item.project);
            rec.tags = item.tags;
            rec.note = item.note;
            rec.start = instant(here, &rec, rec.col, keys, "start", &item.start)?;
            rec.end = match item.end {
                Some(e) => Some(instant(here, &rec, rec.col, keys, "end", &e)?),
                None => None,
            };
            rec.zone = Some(zone_of(here, (rec.line, rec.col), keys, &item.zone)?);
            sink(rec)
        },
    )
}
