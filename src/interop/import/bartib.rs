//! bartib's activity file: one line per activity,
//! `YYYY-MM-DD HH:MM - YYYY-MM-DD HH:MM | project | description`, in local time with no
//! offset (read in `--tz`, default: the user's zone). `|` and `\` inside the project or
//! description are escaped as `\|` and `\\`. A line without ` - END` is the running
//! activity (skipped). bartib has no ids or tags: the content key is used.

use chrono::NaiveDateTime;

use super::{Options, Sink, Source};
use crate::error::Result;

/// Splits at unescaped `|`, unescaping `\|` and `\\`; each part with its byte offset.
fn fields(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut begin = 0;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, n)) if n == '|' || n == '\\' => current.push(n),
                Some((_, n)) => {
                    current.push('\\');
                    current.push(n);
                }
                None => current.push('\\'),
            },
            '|' => {
                out.push((begin, std::mem::take(&mut current)));
                begin = i + 1;
            }
            _ => current.push(c),
        }
    }
    out.push((begin, current));
    out
}

fn parse_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M").ok()
}

/// Reads an activity file.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    src.each_line(&mut |here, line, number| {
        if line.trim().is_empty() {
            return Ok(());
        }
        let parts = fields(line);
        if parts.len() < 2 {
            return Err(here.error_keyed(number, 1, "admin-import-error-bartib-line", vec![]));
        }
        let times = &parts[0].1;
        let (start_text, end_text) = match times.split_once(" - ") {
            Some((s, e)) => (s, Some(e)),
            None => (times.as_str(), None),
        };
        let mut rec = here.record_at(number, 1);
        let read = |text: &str, notes: &mut Vec<String>| {
            let naive = parse_time(text).ok_or_else(|| {
                let col = line.find(text.trim()).unwrap_or(0) as u64 + 1;
                here.error_keyed(
                    number,
                    col,
                    "admin-import-error-bartib-time",
                    vec![("text", format!("{:?}", text.trim()))],
                )
            })?;
            Ok::<i64, crate::Error>(super::local(opts.zone, naive, notes))
        };
        let mut notes = Vec::new();
        rec.start = read(start_text, &mut notes)?;
        rec.end = end_text.map(|t| read(t, &mut notes)).transpose()?;
        rec.notes = notes;
        rec.project = Some(parts[1].1.trim().to_string());
        rec.note = parts.get(2).map(|(_, d)| d.trim().to_string());
        rec.zone = Some(opts.zone);
        sink(rec)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_bars_stay_in_their_field() {
        let f = fields(r"2024-01-01 09:00 - 2024-01-01 10:00 | a\|b | c\\d");
        let texts: Vec<&str> = f.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["2024-01-01 09:00 - 2024-01-01 10:00 ", " a|b ", r" c\d"]
        );
    }
}
