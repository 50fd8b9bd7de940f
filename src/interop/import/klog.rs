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

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::{Here, Options, Sink, Source};
use crate::error::{Error, Result};

/// The most lines one record may have (its entries are held until its end).
pub const MAX_RECORD_LINES: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Range(NaiveDateTime, NaiveDateTime),
    Open(NaiveDateTime),
    /// Signed minutes.
    Duration(i64),
}

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

/// One character of a tag name or an unquoted tag value.
fn tag_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit() || c == '_' || c == '-'
}

/// The `#tags` of a summary text as `(name, value)`, names lower-cased.
fn tags(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '#' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while j < chars.len() && tag_char(chars[j]) {
            j += 1;
        }
        if j == start {
            i += 1;
            continue;
        }
        let name: String = chars[start..j].iter().collect::<String>().to_lowercase();
        let mut value = None;
        if j < chars.len() && chars[j] == '=' {
            let v = j + 1;
            if v < chars.len() && (chars[v] == '"' || chars[v] == '\'') {
                let quote = chars[v];
                if let Some(close) = chars[v + 1..].iter().position(|&c| c == quote) {
                    value = Some(chars[v + 1..v + 1 + close].iter().collect());
                    j = v + 2 + close;
                } else {
                    // No closing quote on the line: the value is absent.
                    j = v;
                }
            } else {
                let mut k = v;
                while k < chars.len() && tag_char(chars[k]) {
                    k += 1;
                }
                value = Some(chars[v..k].iter().collect());
                j = k;
            }
        }
        out.push((name, value.filter(|v: &String| !v.is_empty())));
        i = j;
    }
    out
}

fn date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y/%m/%d"))
        .ok()
}

/// A duration like `1h30m`, `45m`, `-2h`, `+10h`: signed minutes and the length read.
fn duration(text: &str) -> Option<(i64, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let sign = match bytes.first() {
        Some(b'-') => {
            i = 1;
            -1
        }
        Some(b'+') => {
            i = 1;
            1
        }
        _ => 1,
    };
    let number = |i: &mut usize| -> Option<i64> {
        let from = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == from || *i - from > 9 {
            return None;
        }
        text[from..*i].parse().ok()
    };
    let mut hours = None;
    let mut minutes = None;
    let save = i;
    if let Some(n) = number(&mut i) {
        match bytes.get(i) {
            Some(b'h') => {
                hours = Some(n);
                i += 1;
                let save_m = i;
                if let Some(m) = number(&mut i) {
                    if bytes.get(i) == Some(&b'm') {
                        minutes = Some(m);
                        i += 1;
                    } else {
                        i = save_m;
                    }
                }
            }
            Some(b'm') => {
                minutes = Some(n);
                i += 1;
            }
            _ => i = save,
        }
    }
    if hours.is_none() && minutes.is_none() {
        return None;
    }
    if hours.is_some() && minutes.is_some_and(|m| m > 59) {
        return None;
    }
    // The duration must end here (a summary follows after a space).
    if i < bytes.len() && !bytes[i].is_ascii_whitespace() {
        return None;
    }
    Some((sign * (hours.unwrap_or(0) * 60 + minutes.unwrap_or(0)), i))
}

/// A time like `9:00`, `09:00`, `8:30am`, `<23:00`, `1:30>` on `day`, and the length read.
fn time(text: &str, day: NaiveDate) -> Option<(NaiveDateTime, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let before = bytes.first() == Some(&b'<');
    if before {
        i = 1;
    }
    let from = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let hour_len = i - from;
    if !(1..=2).contains(&hour_len) || bytes.get(i) != Some(&b':') {
        return None;
    }
    let hour: u32 = text[from..i].parse().ok()?;
    i += 1;
    let minute_text = text.get(i..i + 2)?;
    if !minute_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let minute: u32 = minute_text.parse().ok()?;
    i += 2;
    if minute > 59 {
        return None;
    }
    let suffix = text.get(i..i + 2).map(str::to_ascii_lowercase);
    let hour = match suffix.as_deref() {
        Some(s @ ("am" | "pm")) => {
            i += 2;
            if !(1..=12).contains(&hour) {
                return None;
            }
            (hour % 12) + if s == "pm" { 12 } else { 0 }
        }
        _ => hour,
    };
    let after = bytes.get(i) == Some(&b'>');
    if after {
        i += 1;
    }
    if before && after {
        return None;
    }
    // 24:00 is the midnight that ends the day; `<24:00` is this day's 0:00.
    let (hour, on) = if hour == 24 {
        if minute != 0 || after {
            return None;
        }
        (
            0,
            if before {
                Some(day)
            } else {
                day.checked_add_days(Days::new(1))
            },
        )
    } else if hour > 23 {
        return None;
    } else if before {
        (hour, day.checked_sub_days(Days::new(1)))
    } else if after {
        (hour, day.checked_add_days(Days::new(1)))
    } else {
        (hour, Some(day))
    };
    let on = on?;
    // Anything but a blank, `-` or the end after a time is not a time.
    if i < bytes.len() && !(bytes[i].is_ascii_whitespace() || bytes[i] == b'-') {
        return None;
    }
    Some((on.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?), i))
}

/// Reads one entry line (indentation removed): its kind and its summary, or what is wrong.
fn entry(text: &str, day: NaiveDate) -> std::result::Result<(Kind, String), String> {
    let summary = |rest: &str| rest.trim_start().to_string();
    if let Some((start, n)) = time(text, day) {
        let rest = text[n..].trim_start();
        let Some(rest) = rest.strip_prefix('-') else {
            return Err(format!(
                "{:?} is a time but not a range; write `9:00 - 10:30` or `9:00 - ?`",
                text.trim()
            ));
        };
        let rest = rest.trim_start();
        if rest.starts_with('?') {
            let after = rest.trim_start_matches('?');
            if after.starts_with(|c: char| !c.is_whitespace()) {
                return Err("an open range ends in `?` and then a space".to_string());
            }
            return Ok((Kind::Open(start), summary(after)));
        }
        let Some((end, m)) = time(rest, day) else {
            return Err(format!(
                "{:?} is not a time like 17:30, 5:30pm or 0:30> (the range's end)",
                rest.split_whitespace().next().unwrap_or("")
            ));
        };
        if end < start {
            return Err(format!(
                "the range ends before it starts; klog ranges are in order (write `{}>` for the next day)",
                rest.split_whitespace().next().unwrap_or("")
            ));
        }
        return Ok((Kind::Range(start, end), summary(&rest[m..])));
    }
    if let Some((minutes, n)) = duration(text) {
        return Ok((Kind::Duration(minutes), summary(&text[n..])));
    }
    Err(format!(
        "{:?} is not a klog entry: expected a range (9:00 - 10:30), an open range (9:00 - ?) or a duration (1h30m)",
        text.split_whitespace().next().unwrap_or("")
    ))
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
            here.error(
                number,
                1,
                &format!(
                    "{head:?} is not a klog date like 2024-01-15; a record starts with its date (is this a .klg file?)"
                ),
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
                return Err(here.error(
                    number,
                    col(text, text.len() - tail.len()),
                    &format!("{tail:?} after the date is not a should-total like (8h!)"),
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
            return Err(here.error(
                number,
                1,
                &format!("a record longer than {MAX_RECORD_LINES} lines; separate records with a blank line"),
            ));
        }
        if !text.starts_with([' ', '\t']) {
            if !self.entries.is_empty() {
                return Err(here.error(
                    number,
                    1,
                    "a line that is not indented after the entries; indent entries, and leave a blank line before the next record",
                ));
            }
            self.summary.push(text.trim_end().to_string());
            return Ok(());
        }
        let indent = match &self.indent {
            Some(i) => i.clone(),
            None => {
                let i = indent_of(text).ok_or_else(|| {
                    here.error(number, 1, "entries are indented by a tab, or 2 to 4 spaces")
                })?;
                self.indent = Some(i.to_string());
                i.to_string()
            }
        };
        let twice = indent.repeat(2);
        if let Some(more) = text.strip_prefix(&twice) {
            let Some(last) = self.entries.last_mut() else {
                return Err(here.error(
                    number,
                    1,
                    "a line indented twice before any entry; entries are indented once",
                ));
            };
            last.summary.push(more.trim().to_string());
            return Ok(());
        }
        let Some(body) = text
            .strip_prefix(indent.as_str())
            .filter(|b| !b.starts_with([' ', '\t']))
        else {
            return Err(here.error(
                number,
                1,
                "the indentation differs from the record's first entry; use the same within a record",
            ));
        };
        let at = text.len() - body.len();
        let (kind, summary) =
            entry(body, self.date).map_err(|e| here.error(number, col(text, at), &e))?;
        if matches!(kind, Kind::Open(_)) {
            if let Some(first) = self.open_line {
                return Err(here.error(
                    number,
                    col(text, at),
                    &format!("a second open range in one record (the first is on line {first}); klog allows one"),
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
            return Err(Error::invalid(format!(
                "{}:{break_line}:1: the record's breaks (negative durations) are longer than its entries; otium cannot store a negative total",
                here.name
            )));
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
        Rc::clone(&src.here.name),
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
            None if text.starts_with([' ', '\t']) => Err(here.error(
                number,
                1,
                "an indented line outside a record; a record starts with a date like 2024-01-15",
            )),
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

#[cfg(test)]
mod tests;
