//! Raw session exports, streamed one session at a time: CSV, JSON (an array of the
//! session JSON), and iCalendar (RFC 5545).

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use super::csv_row::CsvRows;
use crate::interop::json;
use crate::model::{Session, SessionRow, is_invisible};
use crate::report::csv::{FORMULA_STARTS, neutralise};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// RFC 4180 CSV.
    Csv,
    /// A JSON array of sessions.
    Json,
    /// iCalendar with one VEVENT per session.
    Ics,
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 9] = [
    "id",
    "uuid",
    "project",
    "tags",
    "note",
    "start",
    "end",
    "duration_seconds",
    "zone",
];

enum Sink<W: Write> {
    Csv(CsvRows<W>),
    Json(W),
    Ics(W),
}

/// A streaming exporter: `begin`, then `session` for each, then `finish`.
pub struct Exporter<W: Write> {
    sink: Sink<W>,
    now: DateTime<Utc>,
    raw: bool,
    count: usize,
}

impl<W: Write> Exporter<W> {
    /// Starts an export; `raw` turns CSV formula neutralising off.
    pub fn begin(
        format: ExportFormat,
        mut out: W,
        now: DateTime<Utc>,
        raw: bool,
    ) -> io::Result<Self> {
        let sink = match format {
            ExportFormat::Csv => {
                let mut rows = CsvRows::new(out);
                write_header(&mut rows)?;
                Sink::Csv(rows)
            }
            ExportFormat::Json => {
                out.write_all(b"[")?;
                Sink::Json(out)
            }
            ExportFormat::Ics => {
                for line in [
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//otium//otium//EN",
                    "CALSCALE:GREGORIAN",
                ] {
                    write_line(&mut out, line)?;
                }
                Sink::Ics(out)
            }
        };
        Ok(Exporter {
            sink,
            now,
            raw,
            count: 0,
        })
    }

    /// Writes one session.
    pub fn session(&mut self, s: &Session) -> io::Result<()> {
        let now = self.now;
        match &mut self.sink {
            Sink::Csv(w) => {
                write_csv_row(
                    w,
                    self.raw,
                    &CsvFields {
                        id: s.id.get(),
                        uuid: &s.uuid,
                        project: &s.project,
                        tags: s.tags.iter().map(String::as_str),
                        note: s.note.as_deref(),
                        zone: s.zone,
                        start: s.start,
                        end: s.end,
                        duration: s.duration_seconds(now),
                    },
                )?;
            }
            Sink::Json(w) => {
                w.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                json::to_writer(&mut *w, &s.to_json(now)).map_err(io::Error::from)?;
            }
            Sink::Ics(w) => write_event(w, s, now)?,
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the document and returns how many sessions were written.
    pub fn finish(self) -> io::Result<usize> {
        match self.sink {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Json(mut w) => {
                w.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
                w.flush()?;
            }
            Sink::Ics(mut w) => {
                write_line(&mut w, "END:VCALENDAR")?;
                w.flush()?;
            }
        }
        Ok(self.count)
    }
}

/// Writes one stored row as a CSV row (the same cells [`Exporter::session`] writes).
pub(super) fn write_row_csv<W: Write>(
    w: &mut CsvRows<W>,
    raw: bool,
    now: DateTime<Utc>,
    row: &SessionRow<'_>,
) -> io::Result<()> {
    write_csv_row(
        w,
        raw,
        &CsvFields {
            id: row.id.get(),
            uuid: row.uuid,
            project: row.project,
            tags: row.tags(),
            note: row.note,
            zone: row.zone,
            start: row.start_time(),
            end: row.end_time(),
            duration: row.duration_seconds(now),
        },
    )
}

/// The CSV header row.
pub(super) fn write_header<W: Write>(rows: &mut CsvRows<W>) -> io::Result<()> {
    for column in CSV_COLUMNS {
        rows.text(column);
    }
    rows.end_row()
}

/// One session's CSV cells, borrowed from a [`Session`] or a [`SessionRow`].
struct CsvFields<'a, T> {
    id: i64,
    uuid: &'a str,
    project: &'a str,
    tags: T,
    note: Option<&'a str>,
    zone: chrono_tz::Tz,
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    duration: i64,
}

/// Writes one CSV row field by field into the writer's buffer, borrowing every cell:
/// a million-row export runs this a million times.
fn write_csv_row<'a, W: Write, T: Iterator<Item = &'a str> + Clone>(
    w: &mut CsvRows<W>,
    raw: bool,
    s: &CsvFields<'a, T>,
) -> io::Result<()> {
    w.number(s.id);
    w.text(s.uuid);
    w.text(&cell(raw, s.project));
    // A tag list starting with no formula character is written as it is, without
    // joining it into a `String` first.
    if raw
        || !s
            .tags
            .clone()
            .next()
            .is_some_and(|t| t.starts_with(FORMULA_STARTS))
    {
        w.joined(s.tags.clone());
    } else {
        let joined: Vec<&str> = s.tags.clone().collect();
        w.text(&cell(raw, &joined.join(" ")));
    }
    w.text(&cell(raw, s.note.unwrap_or("")));
    w.instant(s.zone, Some(s.start));
    w.instant(s.zone, s.end);
    w.number(s.duration);
    w.text(s.zone.name());
    w.end_row()
}

/// A CSV cell: as it is with `--raw`, else with formulas neutralised.
fn cell(raw: bool, text: &str) -> std::borrow::Cow<'_, str> {
    if raw {
        std::borrow::Cow::Borrowed(text)
    } else {
        neutralise(text)
    }
}

fn write_event(w: &mut impl Write, s: &Session, now: DateTime<Utc>) -> io::Result<()> {
    let stamp = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let mut description = s.note.clone().unwrap_or_default();
    if !s.tags.is_empty() {
        let tags: Vec<String> = s.tags.iter().map(|t| format!("+{t}")).collect();
        if !description.is_empty() {
            description.push('\n');
        }
        description.push_str(&tags.join(" "));
    }
    write_line(w, "BEGIN:VEVENT")?;
    write_line(w, &format!("UID:{}", s.uuid))?;
    write_line(w, &format!("DTSTAMP:{}", stamp(now)))?;
    write_line(w, &format!("DTSTART:{}", stamp(s.start)))?;
    write_line(w, &format!("DTEND:{}", stamp(s.end.unwrap_or(now))))?;
    write_line(w, &format!("SUMMARY:{}", ics_text(&s.project)))?;
    if !description.is_empty() {
        write_line(w, &format!("DESCRIPTION:{}", ics_text(&description)))?;
    }
    write_line(w, "END:VEVENT")
}

/// Escapes an iCalendar TEXT value (RFC 5545 3.3.11). TEXT may not hold control
/// characters other than HTAB (`CONTROL` in 3.1), and a raw ESC or C1 control in the
/// file would act on the terminal of whoever runs `cat` on it; RFC 5545 has no escape
/// for them, so each is written as the visible text `\u{1b}` (its backslash escaped
/// as TEXT requires), as the terminal shows notes. Invisible format characters
/// ([`is_invisible`]) are shown the same way, so a note cannot reorder the line a
/// calendar shows.
#[must_use]
pub fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(c),
            c if c.is_control() || is_invisible(c) => {
                out.push_str(&format!("\\\\u{{{:x}}}", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (RFC 5545 3.1), never inside a
/// UTF-8 character, each line ending in CRLF.
pub fn write_line(w: &mut impl Write, line: &str) -> io::Result<()> {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        w.write_all(&rest.as_bytes()[..cut])?;
        w.write_all(b"\r\n ")?;
        rest = &rest[cut..];
        // Continuation lines start with a space, which counts toward their 75 octets.
        limit = 74;
    }
    w.write_all(rest.as_bytes())?;
    w.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let mut out = Vec::new();
        let long = format!("DESCRIPTION:{}", "写作".repeat(40));
        write_line(&mut out, &long).unwrap();
        let text = String::from_utf8(out).unwrap();
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Unfolding (drop CRLF + space) gives the original back.
        assert_eq!(text.replace("\r\n ", "").trim_end(), long);
    }

    #[test]
    fn text_escaping() {
        assert_eq!(ics_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        // ESC, BEL, DEL, a C1 CSI and a bidi override become visible text; a tab stays.
        assert_eq!(
            ics_text("\u{1b}]0;x\u{7}\t\u{7f}\u{9b}\u{202e}"),
            "\\\\u{1b}]0\\;x\\\\u{7}\t\\\\u{7f}\\\\u{9b}\\\\u{202e}"
        );
    }
}
