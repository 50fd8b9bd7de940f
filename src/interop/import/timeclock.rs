//! Timeclock files as hledger reads them (the format of Emacs' timeclock.el, which
//! `hledger -f FILE.timeclock bal` reports on):
//!
//! ```text
//! i 2024/01/15 09:00:00 client:acme  fix the login ; a comment
//! o 2024/01/15 10:30
//! ```
//!
//! `i DATE TIME ACCOUNT[  DESCRIPTION][;COMMENT]` clocks in, `o DATE TIME [ACCOUNT][;COMMENT]`
//! clocks out: the session with that account, or the latest one still open. DATE is
//! `YYYY-MM-DD` (or with `/` or `.`), TIME `HH:MM[:SS]`, optionally followed by an offset
//! `+HHMM`/`-HHMM` (hledger ignores it; otium honours it). Times without an offset are
//! local, read in `--tz` (default: the user's zone). Blank lines and lines starting with
//! `#`, `;` or `*` are comments; `b`, `h` and `O` lines are ignored, as hledger does. The
//! account becomes the project, the description the note (else the comment). A clock-in
//! never clocked out is running (skipped; hledger counts it up to now). No ids: the
//! content key is used.

use std::rc::Rc;
use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::{Here, Options, Record, Sink, Source};
use crate::error::Result;

/// The most sessions open at once (clock-ins not yet clocked out).
pub const MAX_OPEN: usize = 1024;

struct Open {
    account: String,
    note: Option<String>,
    start: i64,
    line: u64,
    bytes: u64,
    notes: Vec<String>,
}

/// A line split into its code and the words after it, with byte offsets.
struct Line<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Line<'a> {
    fn skip_blanks(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    /// The next run of non-blank characters and where it starts.
    fn word(&mut self) -> (usize, &'a str) {
        self.skip_blanks();
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest.find([' ', '\t']).unwrap_or(rest.len());
        self.pos += len;
        (start, &rest[..len])
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }
}

fn column(line: &str, offset: usize) -> u64 {
    line[..offset.min(line.len())].chars().count() as u64 + 1
}

fn date(text: &str) -> Option<NaiveDate> {
    let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = text.split(sep);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || m.is_empty()
        || m.len() > 2
        || d.is_empty()
        || d.len() > 2
    {
        return None;
    }
    let num = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(y)?).ok()?, num(m)?, num(d)?)
}

/// `HH:MM[:SS][+-HHMM]`: the time of day and the offset in seconds, if written.
fn time(text: &str) -> Option<(NaiveTime, Option<i32>)> {
    let (clock, offset) = match text.find(['+', '-']) {
        Some(i) => (&text[..i], Some(&text[i..])),
        None => (text, None),
    };
    let two = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = clock.split(':');
    let h = two(parts.next()?)?;
    let m = two(parts.next()?)?;
    let s = match parts.next() {
        Some(s) => two(s)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let at = NaiveTime::from_hms_opt(h, m, s)?;
    let offset = match offset {
        None => None,
        Some(o) => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let digits = &o[1..];
            if digits.len() != 4 {
                return None;
            }
            let hh = i32::try_from(two(&digits[..2])?).ok()?;
            let mm = i32::try_from(two(&digits[2..])?).ok()?;
            if hh > 23 || mm > 59 {
                return None;
            }
            Some(sign * (hh * 3600 + mm * 60))
        }
    };
    Some((at, offset))
}

fn instant(
    naive: NaiveDateTime,
    offset: Option<i32>,
    opts: &Options,
    notes: &mut Vec<String>,
) -> Option<i64> {
    match offset {
        Some(o) => FixedOffset::east_opt(o)?
            .from_local_datetime(&naive)
            .single()
            .map(|t| t.timestamp()),
        None => Some(super::local(opts.zone, naive, notes)),
    }
}

/// Splits `ACCOUNT[  DESCRIPTION][;COMMENT]`: the account ends at two spaces, a tab or `;`.
fn account_and_rest(text: &str) -> (&str, Option<&str>, Option<&str>) {
    let text = text.trim_start_matches([' ', '\t']);
    let end = [text.find("  "), text.find('\t'), text.find(';')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(text.len());
    let account = text[..end].trim();
    let rest = &text[end..];
    let (description, comment) = match rest.split_once(';') {
        Some((d, c)) => (d, Some(c.trim())),
        None => (rest, None),
    };
    let description = Some(description.trim()).filter(|d| !d.is_empty());
    (account, description, comment.filter(|c| !c.is_empty()))
}

fn finish(here: &Here, open: Open, end: Option<i64>) -> Record {
    let mut rec = here.record_at(open.line, 1);
    rec.bytes = here.base + open.bytes;
    rec.project = Some(open.account);
    rec.note = open.note;
    rec.start = open.start;
    rec.end = end;
    rec.notes = open.notes;
    rec
}

/// Reads a timeclock file.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let (name, pos, base) = (
        Arc::clone(&src.here.name),
        Rc::clone(&src.here.pos),
        src.here.base,
    );
    let mut open: Vec<Open> = Vec::new();
    src.each_line(&mut |here, text, number| {
        let trimmed = text.trim_end();
        if trimmed.trim_start().is_empty() || trimmed.starts_with(['#', ';', '*']) {
            return Ok(());
        }
        let err = |offset: usize, key: &'static str, args: Vec<(&'static str, String)>| {
            here.error_keyed(number, column(text, offset), key, args)
        };
        let mut line = Line {
            text: trimmed,
            pos: 0,
        };
        let (_, code) = line.word();
        match code {
            "b" | "h" | "O" => return Ok(()),
            "i" | "o" => {}
            _ => {
                return Err(err(0, "admin-import-error-timeclock-line", vec![]));
            }
        }
        let (date_at, date_text) = line.word();
        let day = date(date_text).ok_or_else(|| {
            err(
                date_at,
                "admin-import-error-timeclock-date",
                vec![("text", format!("{date_text:?}"))],
            )
        })?;
        let (time_at, time_text) = line.word();
        let (clock, offset) = time(time_text).ok_or_else(|| {
            err(
                time_at,
                "admin-import-error-timeclock-time",
                vec![("text", format!("{time_text:?}"))],
            )
        })?;
        let mut notes = Vec::new();
        let at = instant(day.and_time(clock), offset, opts, &mut notes).ok_or_else(|| {
            err(
                time_at,
                "admin-import-error-timeclock-offset",
                vec![("text", format!("{time_text:?}"))],
            )
        })?;
        let rest_at = line.pos;
        let (account, description, comment) = account_and_rest(line.rest());
        if code == "i" {
            if account.is_empty() {
                return Err(err(rest_at, "admin-import-error-timeclock-account", vec![]));
            }
            if open.len() >= MAX_OPEN {
                return Err(err(
                    0,
                    "admin-import-error-timeclock-open",
                    vec![("max", MAX_OPEN.to_string())],
                ));
            }
            open.push(Open {
                account: account.to_string(),
                note: description.or(comment).map(str::to_string),
                start: at,
                line: number,
                bytes: here.pos.get().bytes,
                notes,
            });
            return Ok(());
        }
        let which = if account.is_empty() {
            open.len().checked_sub(1)
        } else {
            open.iter().rposition(|o| o.account == account)
        };
        let Some(which) = which else {
            return Err(if account.is_empty() {
                err(0, "admin-import-error-timeclock-out", vec![])
            } else {
                err(
                    0,
                    "admin-import-error-timeclock-out-of",
                    vec![("account", format!("{account:?}"))],
                )
            });
        };
        let mut session = open.remove(which);
        session.notes.extend(notes);
        sink(finish(here, session, Some(at)))
    })?;
    let here = Here { name, pos, base };
    for session in open {
        sink(finish(&here, session, None))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_times_and_accounts() {
        assert_eq!(date("2024/1/5"), NaiveDate::from_ymd_opt(2024, 1, 5));
        assert_eq!(date("2024-01-15"), NaiveDate::from_ymd_opt(2024, 1, 15));
        assert_eq!(date("2024.01.15"), NaiveDate::from_ymd_opt(2024, 1, 15));
        assert_eq!(date("24/01/15"), None);
        assert_eq!(date("2024-02-30"), None);
        let t = NaiveTime::from_hms_opt(9, 5, 0).unwrap();
        assert_eq!(time("09:05"), Some((t, None)));
        assert_eq!(time("09:05:00+0130"), Some((t, Some(5400))));
        assert_eq!(time("09:05-0500"), Some((t, Some(-18000))));
        assert_eq!(time("9:05"), None);
        assert_eq!(time("09:05+01"), None);
        assert_eq!(
            account_and_rest(" client:acme corp  fix login ; billable"),
            ("client:acme corp", Some("fix login"), Some("billable"))
        );
        assert_eq!(account_and_rest(" admin"), ("admin", None, None));
        assert_eq!(account_and_rest(" admin;x"), ("admin", None, Some("x")));
        assert_eq!(account_and_rest(""), ("", None, None));
    }
}
