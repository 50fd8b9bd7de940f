//! Exports back out to the trackers people come from: Timewarrior data lines, Toggl
//! Track's CSV layout and hledger timeclock. Each is read back by otium's own importer
//! of that format (`otium import timewarrior|toggl|timeclock`) to the same sessions,
//! except for what the format cannot hold, which each writer states.
//!
//! - **Timewarrior**: `inc START - END # PROJECT TAG… # "NOTE"`, times UTC. Timewarrior
//!   has no projects, so the project is written as the first tag; otium's importer
//!   takes the first tag as written as the project by default. A running session is
//!   written open (`inc START # …`), as Timewarrior writes its active interval.
//! - **Toggl**: the columns of Toggl's detailed export, which are also the columns its
//!   CSV import reads (`Email`, `Start date`, `Start time`, `Duration`, `Project`,
//!   `Description`, `Tags`, …). Dates and times are local times in the export zone
//!   (`--tz`), with no offset, as Toggl writes them; Duration settles the repeated
//!   hour when clocks go back. Running sessions are left out (Toggl's CSV has none).
//! - **Timeclock**: `i DATE TIME+HHMM PROJECT  NOTE` then `o DATE TIME+HHMM`, local
//!   times in the export zone with their offset (hledger ignores the offset, otium
//!   honours it). A running session is an `i` line without its `o`. Tags are not kept
//!   (the format has none).
//!
//! Notes are one line in Timewarrior and timeclock: a line break is written as a
//! space, and in timeclock a `;` (which starts a comment there) as `,`. Each session
//! so changed is counted ([`PeerWriter::altered`]) so the caller can say so.

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::model::Session;
use crate::report::csv::neutralise;

/// Which peer format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    /// Timewarrior data lines.
    Timewarrior,
    /// Toggl Track CSV.
    Toggl,
    /// hledger timeclock.
    Timeclock,
}

/// The Toggl columns, in the order Toggl's detailed export writes them.
pub const TOGGL_COLUMNS: [&str; 13] = [
    "User",
    "Email",
    "Client",
    "Project",
    "Task",
    "Description",
    "Billable",
    "Start date",
    "Start time",
    "End date",
    "End time",
    "Duration",
    "Tags",
];

enum Sink<W: Write> {
    Lines(W),
    Csv(Box<csv::Writer<W>>),
}

/// A streaming writer of one peer format.
pub struct PeerWriter<W: Write> {
    peer: Peer,
    sink: Sink<W>,
    zone: Tz,
    raw: bool,
    altered: usize,
}

impl<W: Write> PeerWriter<W> {
    /// Starts a document; `zone` is where Toggl and timeclock local times are written,
    /// `raw` turns Toggl's CSV formula neutralising off.
    pub fn begin(peer: Peer, out: W, zone: Tz, raw: bool) -> io::Result<Self> {
        let sink = match peer {
            Peer::Timewarrior | Peer::Timeclock => Sink::Lines(out),
            Peer::Toggl => {
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(out);
                w.write_record(TOGGL_COLUMNS)?;
                Sink::Csv(Box::new(w))
            }
        };
        Ok(PeerWriter {
            peer,
            sink,
            zone,
            raw,
            altered: 0,
        })
    }

    /// Writes one session; returns whether it was written (Toggl skips running ones).
    pub fn session(&mut self, s: &Session) -> io::Result<bool> {
        let zone = self.zone;
        match (&mut self.sink, self.peer) {
            (Sink::Lines(w), Peer::Timewarrior) => {
                let (line, changed) = timewarrior_line(s);
                self.altered += usize::from(changed);
                w.write_all(line.as_bytes())?;
            }
            (Sink::Lines(w), _) => {
                let (text, changed) = timeclock_lines(s, zone);
                self.altered += usize::from(changed);
                w.write_all(text.as_bytes())?;
            }
            (Sink::Csv(w), _) => {
                let Some(end) = s.end else { return Ok(false) };
                let raw = self.raw;
                let cell = |t: &str| {
                    if raw {
                        t.to_string()
                    } else {
                        neutralise(t).into_owned()
                    }
                };
                let start = s.start.with_timezone(&zone);
                let stop = end.with_timezone(&zone);
                let seconds = (end - s.start).num_seconds().max(0);
                w.write_record([
                    String::new(),
                    String::new(),
                    String::new(),
                    cell(&s.project),
                    String::new(),
                    cell(s.note.as_deref().unwrap_or("")),
                    "No".to_string(),
                    start.format("%Y-%m-%d").to_string(),
                    start.format("%H:%M:%S").to_string(),
                    stop.format("%Y-%m-%d").to_string(),
                    stop.format("%H:%M:%S").to_string(),
                    format!(
                        "{:02}:{:02}:{:02}",
                        seconds / 3600,
                        seconds / 60 % 60,
                        seconds % 60
                    ),
                    cell(&s.tags.join(", ")),
                ])?;
            }
        }
        Ok(true)
    }

    /// How many sessions had a note changed to fit the format (see the module doc).
    #[must_use]
    pub fn altered(&self) -> usize {
        self.altered
    }

    /// Flushes the document.
    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Lines(mut w) => w.flush(),
            Sink::Csv(mut w) => w.flush(),
        }
    }
}

/// A Timewarrior time: `YYYYMMDDTHHMMSSZ`.
fn tw_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A word as Timewarrior writes it: quoted (with `\"` and `\\`) when it holds a
/// space, a quote, a backslash or `#`, or is empty, so the data-line reader splits it
/// back whole.
fn tw_word(word: &str) -> String {
    if !word.is_empty()
        && !word
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\\' | '#'))
    {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len() + 2);
    out.push('"');
    for c in word.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A note on one line: a line break (CRLF or LF) becomes a space and each of `also`
/// becomes `with`; says whether anything changed.
fn one_line(note: &str, also: &[char], with: char) -> (String, bool) {
    let mut changed = false;
    let mut text = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\r' => changed = true,
            '\n' => {
                changed = true;
                text.push(' ');
            }
            c if also.contains(&c) => {
                changed = true;
                text.push(with);
            }
            c => text.push(c),
        }
    }
    (text, changed)
}

/// One Timewarrior data line (with its newline), and whether the note was changed.
#[must_use]
pub fn timewarrior_line(s: &Session) -> (String, bool) {
    let mut line = format!("inc {}", tw_stamp(s.start));
    if let Some(end) = s.end {
        line.push_str(" - ");
        line.push_str(&tw_stamp(end));
    }
    line.push_str(" # ");
    line.push_str(&tw_word(&s.project));
    for tag in &s.tags {
        line.push(' ');
        line.push_str(&tw_word(tag));
    }
    let mut changed = false;
    if let Some(note) = &s.note {
        let (note, c) = one_line(note, &[], ' ');
        changed = c;
        // Always quoted: the reader keeps a quoted annotation's spaces as they are.
        let mut quoted = tw_word(&note);
        if !quoted.starts_with('"') {
            quoted = format!("\"{quoted}\"");
        }
        line.push_str(" # ");
        line.push_str(&quoted);
    }
    line.push('\n');
    (line, changed)
}

/// A timeclock time: `YYYY-MM-DD HH:MM:SS+HHMM` in `zone`.
fn tc_stamp(zone: Tz, t: DateTime<Utc>) -> String {
    t.with_timezone(&zone)
        .format("%Y-%m-%d %H:%M:%S%z")
        .to_string()
}

/// The `i` (and, when it ended, `o`) line of a session, and whether the note or the
/// project was changed to fit.
#[must_use]
pub fn timeclock_lines(s: &Session, zone: Tz) -> (String, bool) {
    // The account ends at two spaces, a tab or `;`: such a project name is written
    // with single spaces and `,`, and counted as changed.
    let mut project = String::with_capacity(s.project.len());
    let mut changed = false;
    for c in s.project.chars() {
        if c == '\t' || (c == ' ' && project.ends_with(' ')) {
            changed = true;
            continue;
        }
        if c == ';' {
            changed = true;
            project.push(',');
        } else {
            project.push(c);
        }
    }
    let mut text = format!("i {} {}", tc_stamp(zone, s.start), project.trim_end());
    if let Some(note) = &s.note {
        let (note, c) = one_line(note, &[';'], ',');
        changed |= c;
        text.push_str("  ");
        text.push_str(note.trim());
    }
    text.push('\n');
    if let Some(end) = s.end {
        text.push_str(&format!("o {}\n", tc_stamp(zone, end)));
    }
    (text, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SessionId;
    use chrono::TimeZone;

    fn session(project: &str, tags: &[&str], note: Option<&str>) -> Session {
        Session {
            id: SessionId::new(1),
            uuid: "u".into(),
            project: project.into(),
            tags: tags.iter().map(|t| (*t).to_string()).collect(),
            note: note.map(str::to_string),
            start: Utc.with_ymd_and_hms(2024, 3, 31, 0, 30, 0).unwrap(),
            end: Some(Utc.with_ymd_and_hms(2024, 3, 31, 1, 45, 0).unwrap()),
            zone: chrono_tz::Europe::Berlin,
        }
    }

    #[test]
    fn timewarrior_lines_quote_what_would_split() {
        let (line, changed) = timewarrior_line(&session(
            "client work",
            &["C#", "review"],
            Some("said \"hi\"\nthen left"),
        ));
        assert_eq!(
            line,
            "inc 20240331T003000Z - 20240331T014500Z # \"client work\" \"C#\" review # \"said \\\"hi\\\" then left\"\n"
        );
        assert!(changed);
        let mut s = session("x", &[], Some("plain"));
        s.end = None;
        assert_eq!(
            timewarrior_line(&s),
            ("inc 20240331T003000Z # x # \"plain\"\n".to_string(), false)
        );
    }

    #[test]
    fn timeclock_lines_carry_the_offset_across_the_spring_change() {
        // 00:30 UTC is 01:30 CET; 01:45 UTC is 03:45 CEST (clocks jumped at 02:00).
        let (text, changed) = timeclock_lines(
            &session("a;b  c", &["t"], Some("x; y")),
            chrono_tz::Europe::Berlin,
        );
        assert_eq!(
            text,
            "i 2024-03-31 01:30:00+0100 a,b c  x, y\no 2024-03-31 03:45:00+0200\n"
        );
        assert!(changed);
    }
}
