//! Kimai's timesheet export as CSV (Times → Export → CSV). Kimai's default template
//! writes `Date, Begin, End, Duration, Currency, Price, …, User, E-mail, …, Customer,
//! Project, Activity, Description, Billable, Tags, Type, Category, …`, with the header in
//! the exporting user's language: English and German names are known (`Datum`, `Von` /
//! `Beginn`, `Bis` / `Ende`, `Dauer`, `Projekt`, `Tätigkeit`, `Beschreibung`,
//! `Schlagworte`). Only Date, Begin, End, Project and Description are required; the order
//! does not matter and unknown columns are ignored.
//!
//! Date is the day the entry begins (`2024-01-15`, or `15.01.2024`), Begin and End are
//! times of day (`09:00`) with no offset, read in `--tz` (default: the user's zone). Kimai
//! writes no end date: the end is on the begin's day, or the next day when it is earlier
//! than the begin; when a Duration column is there (decimal hours `1.5` / `1,5`, or
//! `1:30`), the end is put on the day (up to 7 later) that matches it best. An empty
//! End is a running entry. Project → project, Activity → a tag (`Development` →
//! `Development`, spaces become `-`), Tags (comma separated) → tags, Description → note;
//! Customer, rates and Billable are not kept. Kimai's CSV has no id: the content key is
//! used.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use csv::StringRecord;

use super::{Here, Options, Sink, Source};
use crate::error::Result;

/// Accepted names of each column, English first.
const DATE: &[&str] = &["Date", "Datum"];
const BEGIN: &[&str] = &["Begin", "From", "Start", "Beginn", "Von"];
const END: &[&str] = &["End", "To", "Ende", "Bis"];
const PROJECT: &[&str] = &["Project", "Projekt"];
const DESCRIPTION: &[&str] = &["Description", "Beschreibung"];
const ACTIVITY: &[&str] = &["Activity", "Tätigkeit", "Aktivität"];
const TAGS: &[&str] = &["Tags", "Schlagworte"];
const DURATION: &[&str] = &["Duration", "Dauer"];

fn find(header: &StringRecord, names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        let h = h.trim();
        names.iter().any(|n| h.eq_ignore_ascii_case(n) || h == *n)
    })
}

fn date(cell: &str) -> Option<NaiveDate> {
    let cell = cell.trim();
    NaiveDate::parse_from_str(cell, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(cell, "%d.%m.%Y"))
        .ok()
}

fn time(cell: &str) -> Option<NaiveTime> {
    let cell = cell.trim();
    NaiveTime::parse_from_str(cell, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(cell, "%H:%M:%S"))
        .ok()
}

/// A Duration cell in seconds: decimal hours (`1.5`, `1,5`) or `H:MM[:SS]`.
fn duration(cell: &str) -> Option<i64> {
    let cell = cell.trim();
    if cell.contains(':') {
        let mut parts = cell.split(':').map(|p| p.trim().parse::<i64>().ok());
        let h = parts.next()??;
        let m = parts.next()??;
        let s = parts.next().unwrap_or(Some(0))?;
        if parts.next().is_some() || !(0..60).contains(&m) || !(0..60).contains(&s) || h < 0 {
            return None;
        }
        return Some(h * 3600 + m * 60 + s);
    }
    let hours: f64 = cell.replace(',', ".").parse().ok()?;
    // Whole seconds; a week is the longest a Kimai day offset is looked for.
    #[allow(clippy::cast_possible_truncation)]
    (hours.is_finite() && (0.0..=1000.0).contains(&hours)).then(|| (hours * 3600.0).round() as i64)
}

/// The end's local date and time: on the begin's day or a later one (see the module
/// documentation).
fn end_of(begin: NaiveDateTime, end: NaiveTime, duration: Option<i64>) -> NaiveDateTime {
    let on = |days: u64| {
        begin
            .date()
            .checked_add_days(Days::new(days))
            .unwrap_or(begin.date())
            .and_time(end)
    };
    match duration {
        Some(want) => (0..=7)
            .map(on)
            .min_by_key(|e| ((*e - begin).num_seconds() - want).abs())
            .unwrap_or(begin),
        None if end < begin.time() => on(1),
        None => on(0),
    }
}

struct Columns {
    date: usize,
    begin: usize,
    end: usize,
    project: usize,
    description: usize,
    activity: Option<usize>,
    tags: Option<usize>,
    duration: Option<usize>,
}

fn columns(here: &Here, header: &StringRecord) -> Result<Columns> {
    let required = [
        ("Date", DATE),
        ("Begin", BEGIN),
        ("End", END),
        ("Project", PROJECT),
        ("Description", DESCRIPTION),
    ];
    let mut found = [0; 5];
    let mut missing = Vec::new();
    for (i, (name, names)) in required.iter().enumerate() {
        match find(header, names) {
            Some(c) => found[i] = c,
            None => missing.push(*name),
        }
    }
    if !missing.is_empty() {
        return Err(here.error_keyed(
            1,
            1,
            "admin-import-error-kimai-columns",
            vec![("missing", missing.join(", "))],
        ));
    }
    let [date, begin, end, project, description] = found;
    Ok(Columns {
        date,
        begin,
        end,
        project,
        description,
        activity: find(header, ACTIVITY),
        tags: find(header, TAGS),
        duration: find(header, DURATION),
    })
}

/// Reads a CSV export.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (here, mut reader) = src.csv();
    let header = reader.headers().map_err(|e| here.csv_error(e))?.clone();
    let c = columns(&here, &header)?;
    let mut row = StringRecord::new();
    while reader
        .read_record(&mut row)
        .map_err(|e| here.csv_error(e))?
    {
        let line = row.position().map_or(0, csv::Position::line);
        let cell = |i: usize| row.get(i).unwrap_or("");
        let bad = |col: usize, key: &'static str| {
            here.error_keyed(
                line,
                col as u64 + 1,
                key,
                vec![("text", format!("{:?}", cell(col)))],
            )
        };
        let day = date(cell(c.date)).ok_or_else(|| bad(c.date, "admin-import-error-kimai-date"))?;
        let begin = day.and_time(
            time(cell(c.begin)).ok_or_else(|| bad(c.begin, "admin-import-error-kimai-begin"))?,
        );
        let mut rec = here.record_at(line, 1);
        rec.start = super::local(opts.zone, begin, &mut rec.notes);
        if !cell(c.end).trim().is_empty() {
            let end =
                time(cell(c.end)).ok_or_else(|| bad(c.end, "admin-import-error-kimai-end"))?;
            let length = match c.duration {
                Some(d) if !cell(d).trim().is_empty() => Some(
                    duration(cell(d)).ok_or_else(|| bad(d, "admin-import-error-kimai-duration"))?,
                ),
                _ => None,
            };
            let end = end_of(begin, end, length);
            rec.end = Some(super::local(opts.zone, end, &mut rec.notes));
        }
        rec.project = Some(cell(c.project).to_string());
        rec.note = Some(cell(c.description).to_string());
        if let Some(a) = c.activity {
            let activity = cell(a).trim();
            if !activity.is_empty() {
                rec.tags.push(activity.to_string());
            }
        }
        if let Some(t) = c.tags {
            rec.tags.extend(
                cell(t)
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            );
        }
        rec.zone = Some(opts.zone);
        sink(rec)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2024, 1, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn the_end_day_follows_the_clock_or_the_duration() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(end_of(at(15, 9, 0), t(17, 0), None), at(15, 17, 0));
        assert_eq!(end_of(at(15, 22, 0), t(1, 30), None), at(16, 1, 30));
        // 26 hours: the next day, not the same one.
        assert_eq!(
            end_of(at(15, 9, 0), t(11, 0), Some(26 * 3600)),
            at(16, 11, 0)
        );
        assert_eq!(
            end_of(at(15, 9, 0), t(11, 0), Some(2 * 3600)),
            at(15, 11, 0)
        );
        assert_eq!(duration("1.5"), Some(5400));
        assert_eq!(duration("1,25"), Some(4500));
        assert_eq!(duration("26:00"), Some(93_600));
        assert_eq!(duration("0:06:36"), Some(396));
        assert_eq!(duration("1:75"), None);
        assert_eq!(duration("x"), None);
    }
}
