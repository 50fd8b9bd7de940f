//! Timewarrior: its data folder (`~/.timewarrior/data`, one `YYYY-MM.data` file per
//! month), one such file, or the JSON of `timew export`.
//!
//! A data line is `inc START [- END] [# TAG "TAG 2" …] [# "ANNOTATION"]`, times
//! `YYYYMMDDTHHMMSSZ` in UTC; a line without `- END` is the running interval (skipped).
//! Timewarrior has no projects: `--project-tags` chooses which tag becomes the project
//! ([`ProjectTags`](super::ProjectTags): the first tag as written, which is the alphabetically first since
//! Timewarrior keeps tags sorted; the first one in a given list; or none), the others
//! stay tags. `--project P` puts every session in P and keeps all tags. The annotation
//! becomes the note. Standard input (`timew export | otium import timewarrior -`) works
//! like one file: JSON or data lines is decided from its first byte, peeked in place.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Deserialize;

use super::input::Mode;
use super::source::{open_reader, peek_first};
use super::{Here, Input, Options, Record, Sink, Source, at_keyed};
use crate::error::{Error, ErrorKind, Result};

/// The `YYYY-MM.data` files of a data folder, oldest first.
pub fn data_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::keyed(
            ErrorKind::Io,
            "admin-import-error-folder-unreadable",
            vec![("dir", dir.display().to_string()), ("error", e.to_string())],
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_month_file)
        })
        .collect();
    files.sort();
    Ok(files)
}

fn is_month_file(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() == 12
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && name.ends_with(".data")
}

/// Reads a data folder, a data file or export JSON.
pub(crate) fn read(input: &Input, opts: &Options, sink: Sink<'_>) -> Result<()> {
    if let Input::Path(path) = input
        && path.is_dir()
    {
        let files = data_files(path)?;
        if files.is_empty() {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "admin-import-error-timew-empty",
                vec![("dir", path.display().to_string())],
            ));
        }
        let mut base = 0;
        for file in files {
            let size = std::fs::metadata(&file).map_or(0, |m| m.len());
            let inner = std::fs::File::open(&file).map_err(|e| {
                Error::keyed(
                    ErrorKind::Io,
                    "admin-import-error-unreadable",
                    vec![
                        ("file", file.display().to_string()),
                        ("error", e.to_string()),
                    ],
                )
            })?;
            let src = Source::new(
                file.display().to_string(),
                Box::new(std::io::BufReader::with_capacity(1 << 16, inner)),
                Mode::Lines,
                base,
            );
            read_lines(src, opts, sink)?;
            base += size;
        }
        return Ok(());
    }
    // One file or a pipe: JSON if it starts with `[` (after a BOM and blanks), else data
    // lines. The input is opened once and the bytes looked at are read again from memory.
    let (name, inner) = open_reader(input)?;
    let (first, inner) = peek_first(&name, inner)?;
    if first == Some(b'[') {
        read_json(Source::new(name, inner, Mode::Json, 0), opts, sink)
    } else {
        read_lines(Source::new(name, inner, Mode::Lines, 0), opts, sink)
    }
}

fn stamp(text: &str) -> Option<i64> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%SZ")
        .ok()
        // A leap second (`:60`) would be stored as :59: refused as a bad time.
        .filter(|t| chrono::Timelike::nanosecond(t) < 1_000_000_000)
        .map(|t| t.and_utc().timestamp())
}

/// Splits the part after `#` into words, honouring `"…"` with `\"` escapes.
fn words(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            word.push(n);
                        }
                    }
                    '"' => break,
                    _ => word.push(c),
                }
            }
            out.push((word, true));
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                word.push(c);
                chars.next();
            }
            out.push((word, false));
        }
    }
    out
}

fn parse_line(here: &Here, line: &str, number: u64, opts: &Options) -> Result<Option<Record>> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let err = |col: usize, key: &'static str, args: Vec<(&'static str, String)>| {
        here.error_keyed(number, col as u64 + 1, key, args)
    };
    let Some(rest) = trimmed.strip_prefix("inc ") else {
        return Err(err(0, "admin-import-error-timew-line", vec![]));
    };
    let (times, tail) = match rest.split_once('#') {
        Some((t, tail)) => (t, Some(tail)),
        None => (rest, None),
    };
    let offset = line.len() - line.trim_start().len() + 4;
    let (start_text, end_text) = match times.split_once(" - ") {
        Some((s, e)) => (s.trim(), Some(e.trim())),
        None => (times.trim(), None),
    };
    let bad_time = |t: &str| {
        let col = line.find(t).unwrap_or(offset);
        err(
            col,
            "admin-import-error-timew-time",
            vec![("text", format!("{t:?}"))],
        )
    };
    let start = stamp(start_text).ok_or_else(|| bad_time(start_text))?;
    let end = match end_text {
        Some(t) => Some(stamp(t).ok_or_else(|| bad_time(t))?),
        None => None,
    };
    let mut tags = Vec::new();
    let mut note = None;
    if let Some(tail) = tail {
        let mut in_tags = true;
        let mut annotation = Vec::new();
        for (word, quoted) in words(tail) {
            if in_tags && word == "#" && !quoted {
                in_tags = false;
            } else if in_tags {
                tags.push(word);
            } else {
                annotation.push(word);
            }
        }
        if !annotation.is_empty() {
            note = Some(annotation.join(" "));
        }
    }
    let mut rec = here.record_at(number, 1);
    fill(&mut rec, start, end, tags, note, opts);
    Ok(Some(rec))
}

fn fill(
    rec: &mut Record,
    start: i64,
    end: Option<i64>,
    mut tags: Vec<String>,
    note: Option<String>,
    opts: &Options,
) {
    if opts.project.is_none() {
        rec.project = opts.project_tags.take(&mut tags);
        rec.tag_project = rec.project.is_some();
    }
    rec.tags = tags;
    rec.note = note;
    rec.start = start;
    rec.end = end;
    rec.zone = Some(opts.zone);
}

fn read_lines(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    src.each_line(
        &mut |here, line, number| match parse_line(here, line, number, opts)? {
            Some(rec) => sink(rec),
            None => Ok(()),
        },
    )
}

#[derive(Deserialize)]
struct Exported {
    start: String,
    end: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    annotation: Option<String>,
}

fn read_json(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    src.each_json::<Exported>(
        "a JSON array of Timewarrior intervals",
        &mut |here, item, index| {
            let rec = here.record();
            let time = |t: &str| {
                stamp(t).ok_or_else(|| {
                    at_keyed(
                        &rec.file,
                        rec.line,
                        rec.col,
                        "admin-import-error-timew-interval-time",
                        vec![("index", index.to_string()), ("text", format!("{t:?}"))],
                    )
                })
            };
            let start = time(&item.start)?;
            let end = item.end.as_deref().map(time).transpose()?;
            let mut rec = rec.clone();
            fill(&mut rec, start, end, item.tags, item.annotation, opts);
            sink(rec)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_honour_quotes_and_the_annotation_mark() {
        let w = words(r#" tag "tag 2" # "said \"hi\"" "#);
        assert_eq!(
            w,
            [
                ("tag".to_string(), false),
                ("tag 2".to_string(), true),
                ("#".to_string(), false),
                ("said \"hi\"".to_string(), true)
            ]
        );
        assert!(is_month_file("2024-01.data"));
        assert!(!is_month_file("tags.data"));
        assert_eq!(stamp("20240101T090000Z"), Some(1_704_099_600));
    }
}
