//! Clockify's detailed report, exported as CSV (Reports → Detailed → Export → CSV):
//! `Project, Client, Description, Task, User, Group, Email, Tags, Billable, Start Date,
//! Start Time, End Date, End Time, Duration (h), Duration (decimal), …` (extra columns,
//! such as rates and amounts, are ignored; the order does not matter).
//!
//! Clockify writes dates and times the way the exporting user's profile shows them:
//! dates `YYYY-MM-DD` or `MM/DD/YYYY`, times on the 24-hour clock (`14:30:00`) or the
//! 12-hour one (`02:30:00 PM`). Which one a file uses is decided from its first row
//! and said in a note on that row; every later row must use the same (a file mixing
//! them is refused at the first cell that does not fit). Times have no offset: they are
//! read in `--tz` (default: the user's zone). Project → project (empty: `(no
//! project)`), Description → note, Tags (comma separated) → tags; Client, Task, User and
//! Billable are not kept. Clockify rows have no id: the content key is used.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use csv::StringRecord;

use super::toggl::columns;
use super::{Here, Options, Record, Sink, Source};
use crate::error::Result;

const REQUIRED: [&str; 7] = [
    "Project",
    "Description",
    "Tags",
    "Start Date",
    "Start Time",
    "End Date",
    "End Time",
];

/// How a file writes dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dates {
    /// `2024-01-15`.
    Iso,
    /// `01/15/2024`.
    Us,
}

impl Dates {
    fn of(cell: &str) -> Option<Self> {
        let cell = cell.trim();
        if NaiveDate::parse_from_str(cell, "%Y-%m-%d").is_ok() {
            Some(Dates::Iso)
        } else if NaiveDate::parse_from_str(cell, "%m/%d/%Y").is_ok() {
            Some(Dates::Us)
        } else {
            None
        }
    }

    fn read(self, cell: &str) -> Option<NaiveDate> {
        let pattern = match self {
            Dates::Iso => "%Y-%m-%d",
            Dates::Us => "%m/%d/%Y",
        };
        NaiveDate::parse_from_str(cell.trim(), pattern).ok()
    }

    fn name(self) -> &'static str {
        match self {
            Dates::Iso => "YYYY-MM-DD",
            Dates::Us => "MM/DD/YYYY",
        }
    }
}

/// How a file writes times of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clock {
    /// `14:30:00`.
    H24,
    /// `02:30:00 PM`.
    H12,
}

impl Clock {
    fn of(cell: &str) -> Self {
        let cell = cell.trim().to_ascii_uppercase();
        if cell.ends_with("AM") || cell.ends_with("PM") {
            Clock::H12
        } else {
            Clock::H24
        }
    }

    fn read(self, cell: &str) -> Option<NaiveTime> {
        let cell = cell.trim();
        let patterns: &[&str] = match self {
            Clock::H24 => &["%H:%M:%S", "%H:%M"],
            Clock::H12 => &["%I:%M:%S %p", "%I:%M %p", "%I:%M:%S%p", "%I:%M%p"],
        };
        patterns
            .iter()
            .find_map(|p| NaiveTime::parse_from_str(cell, p).ok())
    }

    fn name(self) -> &'static str {
        match self {
            Clock::H24 => "24-hour times",
            Clock::H12 => "12-hour times (AM/PM)",
        }
    }

    fn example(self) -> &'static str {
        match self {
            Clock::H24 => "14:30:00",
            Clock::H12 => "02:30:00 PM",
        }
    }
}

/// The layout a file was found to use.
#[derive(Debug, Clone, Copy)]
struct Layout {
    dates: Dates,
    clock: Clock,
}

impl Layout {
    fn note(self) -> String {
        format!(
            "read Clockify dates as {} and {} (decided from the first row)",
            self.dates.name(),
            self.clock.name()
        )
    }
}

/// Reads one date and time cell pair in `layout`, or says where and why not.
fn when(
    here: &Here,
    line: u64,
    (date_col, date): (usize, &str),
    (time_col, time): (usize, &str),
    layout: Layout,
) -> Result<NaiveDateTime> {
    let day = layout.dates.read(date).ok_or_else(|| {
        here.error_keyed(
            line,
            date_col as u64 + 1,
            "admin-import-error-clockify-date",
            vec![
                ("text", format!("{date:?}")),
                ("format", layout.dates.name().to_string()),
            ],
        )
    })?;
    let at = layout.clock.read(time).ok_or_else(|| {
        here.error_keyed(
            line,
            time_col as u64 + 1,
            "admin-import-error-clockify-time",
            vec![
                ("text", format!("{time:?}")),
                ("example", layout.clock.example().to_string()),
            ],
        )
    })?;
    Ok(day.and_time(at))
}

/// Reads a detailed CSV export.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (here, mut reader) = src.csv();
    let header = reader.headers().map_err(|e| here.csv_error(e))?.clone();
    let [
        project,
        description,
        tags,
        start_date,
        start_time,
        end_date,
        end_time,
    ] = columns(&header, REQUIRED).map_err(|missing| {
        here.error_keyed(
            1,
            1,
            "admin-import-error-clockify-columns",
            vec![
                ("missing", missing.join(", ")),
                ("required", REQUIRED.join(", ")),
            ],
        )
    })?;
    let mut layout: Option<Layout> = None;
    let mut row = StringRecord::new();
    while reader
        .read_record(&mut row)
        .map_err(|e| here.csv_error(e))?
    {
        let line = row.position().map_or(0, csv::Position::line);
        let cell = |i: usize| row.get(i).unwrap_or("");
        let mut rec: Record = here.record_at(line, 1);
        let found = match layout {
            Some(found) => found,
            None => {
                let dates = Dates::of(cell(start_date)).ok_or_else(|| {
                    here.error_keyed(
                        line,
                        start_date as u64 + 1,
                        "admin-import-error-clockify-first-date",
                        vec![("text", format!("{:?}", cell(start_date)))],
                    )
                })?;
                let found = Layout {
                    dates,
                    clock: Clock::of(cell(start_time)),
                };
                rec.notes.push(found.note());
                layout = Some(found);
                found
            }
        };
        let start = when(
            &here,
            line,
            (start_date, cell(start_date)),
            (start_time, cell(start_time)),
            found,
        )?;
        rec.start = super::local(opts.zone, start, &mut rec.notes);
        // A running timer is exported with empty end cells.
        if !(cell(end_date).trim().is_empty() && cell(end_time).trim().is_empty()) {
            let end = when(
                &here,
                line,
                (end_date, cell(end_date)),
                (end_time, cell(end_time)),
                found,
            )?;
            rec.end = Some(super::local(opts.zone, end, &mut rec.notes));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_told_apart_by_their_cells() {
        assert_eq!(Dates::of("2024-01-15"), Some(Dates::Iso));
        assert_eq!(Dates::of("01/15/2024"), Some(Dates::Us));
        assert_eq!(Dates::of("15/01/2024"), None);
        assert_eq!(Clock::of("02:30:00 PM"), Clock::H12);
        assert_eq!(Clock::of("14:30:00"), Clock::H24);
        let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s);
        assert_eq!(Clock::H12.read("02:30:00 PM"), t(14, 30, 0));
        assert_eq!(Clock::H12.read("12:05:00 AM"), t(0, 5, 0));
        assert_eq!(Clock::H12.read("12:05 pm"), t(12, 5, 0));
        assert_eq!(Clock::H12.read("9:00:00 AM"), t(9, 0, 0));
        assert_eq!(Clock::H24.read("14:30"), t(14, 30, 0));
        assert_eq!(Clock::H24.read("02:30:00 PM"), None);
    }
}
