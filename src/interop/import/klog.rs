//! klog `.klg` files, as its published specification (version 1.4) defines them: records
//! separated by blank lines, each a date line (`2024-01-15` or `2024/01/15`, optionally a
//! should-total like `(8h!)`), an optional record summary (lines not indented), then
//! entries indented once (four, two or three spaces, or a tab; the same within a record),
//! each with an optional summary on its line and on following lines indented twice.
//!
//! Entries are ranges (`9:00 - 12:30`, `8:00am-1:15pm`, `<23:30 - 0:45`, `1:30>` on the
//! next day, `24:00` the midnight after), open ranges (`9:00 - ?`, still running:
//! skipped) and durations (`1h30m`, `45m`, `-30m`). Local times with no offset, read in
//! `--tz` (default: the user's zone).
//!
//! **Durations have no clock time**, and otium stores sessions with a start. The rule:
//! a record's positive durations are placed back to back, in file order, from 09:00 on
//! the record's date, or from the end of the record's latest range if that is later (so
//! they never overlap the record's own ranges). A negative duration (a break) takes its
//! time off the record's entries from the last one backwards, moving their ends earlier
//! (an entry shortened to nothing is left out), so the day's total is klog's total; a
//! record whose breaks exceed its entries is refused.
//!
//! `#tags` in summaries become tags (the name lower-cased as klog reads it, `#ticket=42`
//! → `ticket=42`); the record summary's tags go on every entry of the record. A tag
//! `#project=NAME` (or `#project="A B"`) names the project instead of becoming a tag;
//! without it sessions go to `(no project)` or `--project P`. The note is the entry's
//! summary, else the record's. No ids: the content key is used, so re-importing the same
//! records adds nothing.

use std::rc::Rc;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use self::syntax::{Kind, date, duration, entry_keyed, tags};
use super::{Here, Options, Sink, Source};
use crate::error::Result;

/// The most lines one record may have (its entries are held until its end).
pub const MAX_RECORD_LINES: usize = 10_000;

#[derive(Debug)]
struct Entry {
    line: u64,
    kind: Kind,
    summary: Vec<String>,
}

#[derive(Debug)]
struct Day {
    date: NaiveDate,
    lines: usize,
    summary: Vec<String>,
    indent: Option<String>,
    entries: Vec<Entry>,
    open_line: Option<u64>,
}

/// The indentation a record's first indented line uses, if it is one klog allows.
fn indent_of(line: &str) -> Option<&str> {
    let lead = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    match lead {
        "\t" | "  " | "   " | "    " => Some(lead),
        _ => None,
    }
}

/// Where a line's content starts in characters (for messages).
fn col(line: &str, byte: usize) -> u64 {
    line[..byte.min(line.len())].chars().count() as u64 + 1
}

impl Day {
    fn start(here: &Here, text: &str, number: u64) -> Result<Self> {
        let (head, tail) = text.split_at(text.find([' ', '\t']).unwrap_or(text.len()));
        let date = date(head).ok_or_else(|| {
            here.error_keyed(
                number,
                1,
                "admin-import-error-klog-date",
                vec![("text", format!("{head:?}"))],
            )
        })?;
        let tail = tail.trim();
        if !tail.is_empty() {
            let total = tail
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix("!)"))
                .and_then(duration)
                .filter(|(_, n)| *n == tail.len() - 3);
            if total.is_none() {
                return Err(here.error_keyed(
                    number,
                    col(text, text.len() - tail.len()),
                    "admin-import-error-klog-should-total",
                    vec![("text", format!("{tail:?}"))],
                ));
            }
        }
        Ok(Day {
            date,
            lines: 1,
            summary: Vec::new(),
            indent: None,
            entries: Vec::new(),
            open_line: None,
        })
    }

    /// Takes one more line of the record.
    fn line(&mut self, here: &Here, text: &str, number: u64) -> Result<()> {
        self.lines += 1;
        if self.lines > MAX_RECORD_LINES {
            return Err(here.error_keyed(
                number,
                1,
                "admin-import-error-klog-long-record",
                vec![("max", MAX_RECORD_LINES.to_string())],
            ));
        }
        if !text.starts_with([' ', '\t']) {
            if !self.entries.is_empty() {
                return Err(here.error_keyed(
                    number,
                    1,
                    "admin-import-error-klog-unindented",
                    vec![],
                ));
            }
            self.summary.push(text.trim_end().to_string());
            return Ok(());
        }
        let indent = match &self.indent {
            Some(i) => i.clone(),
            None => {
                let i = indent_of(text).ok_or_else(|| {
                    here.error_keyed(number, 1, "admin-import-error-klog-indent", vec![])
                })?;
                self.indent = Some(i.to_string());
                i.to_string()
            }
        };
        let twice = indent.repeat(2);
        if let Some(more) = text.strip_prefix(&twice) {
            let Some(last) = self.entries.last_mut() else {
                return Err(here.error_keyed(
                    number,
                    1,
                    "admin-import-error-klog-indented-twice",
                    vec![],
                ));
            };
            last.summary.push(more.trim().to_string());
            return Ok(());
        }
        let Some(body) = text
            .strip_prefix(indent.as_str())
            .filter(|b| !b.starts_with([' ', '\t']))
        else {
            return Err(here.error_keyed(
                number,
                1,
                "admin-import-error-klog-indent-differs",
                vec![],
            ));
        };
        let at = text.len() - body.len();
        let (kind, summary) = entry_keyed(body, self.date)
            .map_err(|(key, args)| here.error_keyed(number, col(text, at), key, args))?;
        if matches!(kind, Kind::Open(_)) {
            if let Some(first) = self.open_line {
                return Err(here.error_keyed(
                    number,
                    col(text, at),
                    "admin-import-error-klog-second-open",
                    vec![("first", first.to_string())],
                ));
            }
            self.open_line = Some(number);
        }
        let summary = if summary.is_empty() {
            Vec::new()
        } else {
            vec![summary]
        };
        self.entries.push(Entry {
            line: number,
            kind,
            summary,
        });
        Ok(())
    }

    /// Turns the record into sessions (the placement rule of the module documentation).
    fn flush(self, here: &Here, opts: &Options, sink: Sink<'_>) -> Result<()> {
        let record_text = self.summary.join(" ");
        let record_tags = tags(&record_text);
        let mut notes = Vec::new();
        let local = |t: NaiveDateTime, notes: &mut Vec<String>| super::local(opts.zone, t, notes);
        // Closed pieces in file order: (entry index, start, end, notes).
        let mut pieces: Vec<(usize, i64, i64)> = Vec::new();
        let mut latest = None;
        for (i, e) in self.entries.iter().enumerate() {
            if let Kind::Range(s, t) = e.kind {
                let (s, t) = (local(s, &mut notes), local(t, &mut notes));
                latest = Some(latest.map_or(t, |l: i64| l.max(t)));
                pieces.push((i, s, t));
            }
        }
        let nine = self
            .date
            .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default());
        let mut cursor = local(nine, &mut notes).max(latest.unwrap_or(i64::MIN));
        let mut breaks = 0i64;
        let mut break_line = 0;
        for (i, e) in self.entries.iter().enumerate() {
            if let Kind::Duration(m) = e.kind {
                if m >= 0 {
                    pieces.push((i, cursor, cursor + m * 60));
                    cursor += m * 60;
                } else {
                    breaks += -m * 60;
                    break_line = e.line;
                }
            }
        }
        pieces.sort_by_key(|p| p.0);
        let mut left = breaks;
        for p in pieces.iter_mut().rev() {
            if left == 0 {
                break;
            }
            let take = left.min(p.2 - p.1);
            p.2 -= take;
            left -= take;
        }
        if left > 0 {
            return Err(here.error_keyed(break_line, 1, "admin-import-error-klog-breaks", vec![]));
        }
        let mut by_entry: Vec<Option<(i64, i64)>> = vec![None; self.entries.len()];
        for (i, s, t) in pieces {
            by_entry[i] = Some((s, t));
        }
        for (e, piece) in self.entries.into_iter().zip(by_entry) {
            let (start, end) = match (&e.kind, piece) {
                (Kind::Open(s), _) => (local(*s, &mut notes), None),
                (_, Some((s, t))) if t > s || breaks == 0 => (s, Some(t)),
                // A negative duration, or an entry a break used up.
                _ => continue,
            };
            let text = e.summary.join(" ");
            let mut rec = here.record_at(e.line, 1);
            rec.start = start;
            rec.end = end;
            rec.notes = std::mem::take(&mut notes);
            for (name, value) in tags(&text).into_iter().chain(record_tags.iter().cloned()) {
                match value {
                    Some(v) if name == "project" => {
                        if rec.project.is_none() {
                            rec.project = Some(v);
                        }
                    }
                    Some(v) => rec.tags.push(format!("{name}={v}")),
                    None => rec.tags.push(name),
                }
            }
            rec.note = Some(if text.trim().is_empty() {
                record_text.clone()
            } else {
                text
            });
            rec.zone = Some(opts.zone);
            sink(rec)?;
        }
        Ok(())
    }
}

/// Reads a klog file.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (name, pos, base) = (
        Arc::clone(&src.here.name),
        Rc::clone(&src.here.pos),
        src.here.base,
    );
    let mut day: Option<Day> = None;
    src.each_line(&mut |here, text, number| {
        if text.chars().all(|c| c == '\t' || c.is_whitespace()) {
            if let Some(d) = day.take() {
                d.flush(here, opts, sink)?;
            }
            return Ok(());
        }
        match &mut day {
            Some(d) => d.line(here, text, number),
            None if text.starts_with([' ', '\t']) => {
                Err(here.error_keyed(number, 1, "admin-import-error-klog-outside", vec![]))
            }
            None => {
                day = Some(Day::start(here, text, number)?);
                Ok(())
            }
        }
    })?;
    if let Some(d) = day {
        d.flush(&Here { name, pos, base }, opts, sink)?;
    }
    Ok(())
}

mod syntax;
#[cfg(test)]
mod tests;
