//! `otium report --timew`: otium as a Timewarrior report extension, so a Timewarrior
//! user keeps Timewarrior and gets otium's reports.
//!
//! `timew report otium [RANGE] [TAG…]` runs the executable
//! `~/.timewarrior/extensions/otium` with, on stdin, Timewarrior's configuration as
//! `name: value` lines, a blank line, then the JSON of the intervals it selected
//! (Timewarrior's extension API). That executable is a two-line script calling
//! `otium report --timew [report flags]`. The intervals are imported, as
//! `otium import timewarrior` would, into a throw-away database in a temp folder
//! (removed on return; the user's own otium database is not opened), and the report
//! runs on it. Its range is the one Timewarrior selected (`temp.report.start` and
//! `temp.report.end`) unless a range flag is given; `otium.project_tags` in the
//! configuration (`timew config otium.project_tags first|none|LIST`) chooses which tag
//! becomes the project, as `--project-tags` does for the import.

use std::io::{BufRead, Write};

use chrono::NaiveDateTime;

use super::Ctx;
use super::out::Out;
use super::report::{self, ReportArgs};
use crate::error::{Error, ErrorKind, Result};
use crate::interop::import::{Format, Input, Options, ProjectTags};
use crate::setup::Setup;

/// What the configuration header says that the report needs.
#[derive(Debug, Default, PartialEq, Eq)]
struct Header {
    start: Option<String>,
    end: Option<String>,
    project_tags: Option<String>,
}

/// A Timewarrior time (`YYYYMMDDTHHMMSSZ`) as RFC 3339, for `--from`/`--to`.
fn rfc3339(stamp: &str) -> Result<String> {
    NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .map_err(|_| {
            Error::keyed(
                ErrorKind::InvalidInput,
                "admin-timew-bad-range",
                vec![("stamp", format!("{stamp:?}"))],
            )
        })
}

/// Reads the header up to its blank line; the reader is left at the JSON.
fn read_header(input: &mut impl BufRead) -> Result<Header> {
    let mut header = Header::default();
    let mut line = String::new();
    loop {
        line.clear();
        let n = input.read_line(&mut line).map_err(|e| {
            Error::keyed(
                ErrorKind::Io,
                "admin-timew-cannot-read",
                vec![("error", e.to_string())],
            )
        })?;
        if n == 0 {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "admin-timew-no-header",
                vec![],
            ));
        }
        let text = line.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(header);
        }
        if let Some((name, value)) = text.split_once(':') {
            let value = value.trim();
            let slot = match name.trim() {
                "temp.report.start" => &mut header.start,
                "temp.report.end" => &mut header.end,
                "otium.project_tags" => &mut header.project_tags,
                _ => continue,
            };
            *slot = Some(value.to_string()).filter(|v| !v.is_empty());
        }
    }
}

/// Runs `report --timew`: reads stdin, imports it into a temp database, reports.
pub fn report(setup: Setup, mut args: ReportArgs, json: bool) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let header = read_header(&mut input)?;
    if args.range.is_unset() {
        match (&header.start, &header.end) {
            (Some(start), end) => {
                args.range.from = Some(rfc3339(start)?);
                args.range.to = end.as_deref().map(rfc3339).transpose()?;
            }
            (None, _) => args.range.all = true,
        }
    }
    let dir = tempfile::tempdir().map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot create a temp folder for Timewarrior's intervals: {e}"),
        )
    })?;
    // The JSON is copied to a file, not held: the import streams it in bounded memory.
    let file = dir.path().join("timew-export.json");
    let copy = std::fs::File::create(&file).and_then(|mut out| {
        std::io::copy(&mut input, &mut out)?;
        out.flush()
    });
    copy.map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot copy Timewarrior's intervals to a temp file: {e}"),
        )
    })?;
    let lang = setup.lang();
    let mut tracker = setup.open(&dir.path().join("timew.db"))?;
    let zone = tracker.zone();
    let opts = Options {
        format: Format::Timewarrior,
        zone,
        project: None,
        skip_conflicts: false,
        allow_long: true,
        dry_run: false,
        raw: false,
        sync_deletes: false,
        project_tags: header
            .project_tags
            .as_deref()
            .map(ProjectTags::parse)
            .unwrap_or_default(),
        projects: None,
    };
    tracker
        .import(&Input::Path(file.clone()), &opts, &mut |_| {})
        .map_err(|e| {
            // A bad interval names its place in the temp copy: name it as what it is
            // (line and column count from the JSON, after the header).
            let path = file.display().to_string();
            let text = e.to_string();
            if text.contains(&path) {
                Error::new(e.kind(), text.replace(&path, "Timewarrior's intervals"))
            } else {
                e
            }
        })?;
    let mut ctx = Ctx {
        tracker,
        out: Out::stdout(json),
        lang,
    };
    let result = report::run(&mut ctx, &args);
    ctx.out.finish(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_ends_at_the_blank_line_and_names_the_range() {
        let text = "debug: off\ntemp.report.start: 20240301T000000Z\ntemp.report.end: \n\
                    otium.project_tags: a,b\n\n[{\"start\":\"x\"}]";
        let mut input = std::io::Cursor::new(text.as_bytes());
        let header = read_header(&mut input).unwrap();
        assert_eq!(
            header,
            Header {
                start: Some("20240301T000000Z".into()),
                end: None,
                project_tags: Some("a,b".into()),
            }
        );
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut input, &mut rest).unwrap();
        assert_eq!(rest, "[{\"start\":\"x\"}]");
        assert_eq!(rfc3339("20240301T000000Z").unwrap(), "2024-03-01T00:00:00Z");
        let mut none = std::io::Cursor::new(b"a: b\n".as_slice());
        assert!(read_header(&mut none).is_err());
    }
}
