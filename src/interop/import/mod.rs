//! `otium import`: sessions from Watson, Timewarrior, Toggl Track (CSV and API JSON),
//! bartib, Clockify, Kimai, klog, timeclock and otium's own CSV and JSON exports.
//!
//! Three stages, each in its own file. A format module (`watson`, `timewarrior`,
//! `toggl`, `bartib`, `otium`) streams its file through a `Source` (`source.rs`;
//! bounded memory: see [`input::Guard`]) and hands one [`Record`] at a time on;
//! [`parse`] is that stage alone, bytes in, records out, no database. [`check()`]
//! then validates one record (a pure function), and the engine in
//! `src/tracker/import.rs` ([`Tracker::import`](crate::Tracker::import)) writes what
//! passes inside one `BEGIN IMMEDIATE` transaction: the whole file or nothing.
//!
//! **Identity and re-import.** A new session's `sessions.uuid` is the source's own id
//! when it is a UUID (Watson's 32-hex frame id, the `uuid` of otium's exports), else a
//! UUID v5 of `start_unix|end_unix|project` (the content key). Each imported session
//! also records its source ([`Format::source`]), its identity there ([`identity`]: the
//! id, or the start for sources without ids) and the source's version of it (Watson's
//! `updated_at`, else a digest of the record, [`digest`]). A re-import finds the session
//! by that identity (or its uuid): the same version counts as "already present" (an edit
//! made in otium since stays); a new one updates the session in place. Sessions of the
//! source that the re-imported range no longer holds are counted, and removed with
//! `--sync-deletes`. See the engine, `src/tracker/import.rs`, for the overlap rules.
//!
//! **Reading.** [`Input`] is a path, standard input (`-`), or bytes; each is opened
//! once ([`source::open_reader`]) and a format that must look at the start of the data
//! (Timewarrior: JSON or data lines) peeks into that same buffer.

pub mod bartib;
pub mod check;
pub mod clockify;
pub mod input;
mod json_array;
pub mod kimai;
pub mod klog;
pub mod otium;
mod source;
pub mod timeclock;
pub mod timewarrior;
pub mod toggl;
pub mod toggl_api;
pub mod watson;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::Result;
use crate::time;
pub use check::{Checked, NO_PROJECT, Verdict, check};
use input::Mode;
pub(crate) use source::{Here, Source, at, at_keyed};

/// The source formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Watson's `frames` file.
    Watson,
    /// Timewarrior's data folder, one `YYYY-MM.data` file, or `timew export` JSON.
    Timewarrior,
    /// Toggl Track's detailed CSV export.
    Toggl,
    /// A bartib activity file.
    Bartib,
    /// otium's CSV export.
    Csv,
    /// otium's JSON export.
    Json,
    /// Clockify's detailed CSV export.
    Clockify,
    /// Kimai's CSV export.
    Kimai,
    /// Toggl Track API v9 time entries (JSON).
    #[serde(rename = "toggl-api")]
    TogglApi,
    /// klog `.klg` files.
    Klog,
    /// hledger / timeclock.el timeclock files (`i`/`o` lines).
    Timeclock,
}

impl Format {
    /// The name used on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Watson => "watson",
            Format::Timewarrior => "timewarrior",
            Format::Toggl => "toggl",
            Format::Bartib => "bartib",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Clockify => "clockify",
            Format::Kimai => "kimai",
            Format::TogglApi => "toggl-api",
            Format::Klog => "klog",
            Format::Timeclock => "timeclock",
        }
    }

    /// Whether the source lacks a zone per session, so `--tz` (or the user's zone)
    /// is used: to read naive local times (Toggl, bartib) or to record UTC instants in.
    #[must_use]
    pub fn uses_zone(self) -> bool {
        !matches!(self, Format::Csv | Format::Json)
    }

    /// The name recorded in `sessions.source`: the format, `otium` for both of
    /// otium's own.
    #[must_use]
    pub fn source(self) -> &'static str {
        match self {
            Format::Csv | Format::Json => "otium",
            other => other.name(),
        }
    }

    /// Whether records are identified by their start (the source has no ids).
    #[must_use]
    pub fn keyed_by_start(self) -> bool {
        matches!(self, Format::Timewarrior | Format::Toggl | Format::Bartib)
    }

    /// Whether the source has naive local times that `--tz` reads.
    #[must_use]
    pub fn naive_times(self) -> bool {
        matches!(
            self,
            Format::Toggl
                | Format::Bartib
                | Format::Clockify
                | Format::Kimai
                | Format::Klog
                | Format::Timeclock
        )
    }
}

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The source format.
    pub format: Format,
    /// The zone for naive local times and for sessions from zone-less sources.
    pub zone: Tz,
    /// Put every session in this project (Timewarrior: then all tags stay tags).
    pub project: Option<String>,
    /// Import what does not overlap, count the rest, instead of refusing the file.
    pub skip_conflicts: bool,
    /// Accept sessions longer than 7 days.
    pub allow_long: bool,
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// otium CSV: keep a leading `'` (the file came from `export --raw`).
    pub raw: bool,
    /// Remove sessions of this source that the re-imported range no longer holds.
    pub sync_deletes: bool,
    /// Timewarrior: which tag becomes the project.
    pub project_tags: ProjectTags,
    /// Toggl API: a projects JSON file that names the entries' project ids.
    pub projects: Option<PathBuf>,
}

/// Timewarrior has no projects: which tag of an interval becomes its project.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ProjectTags {
    /// The first tag as the source writes it (Timewarrior writes them sorted).
    #[default]
    First,
    /// The first tag of the interval that is in this list; none: `(no project)`.
    List(Vec<String>),
    /// No tag: every tag stays a tag, the project is `(no project)` (or `--project`).
    None,
}

impl ProjectTags {
    /// Reads `first`, `none`, or a comma-separated list (`first,` is the tag "first").
    #[must_use]
    pub fn parse(text: &str) -> Self {
        match text.trim() {
            "first" => ProjectTags::First,
            "none" => ProjectTags::None,
            list => ProjectTags::List(
                list.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
        }
    }

    /// Takes the project out of `tags` by this rule.
    #[must_use]
    pub fn take(&self, tags: &mut Vec<String>) -> Option<String> {
        let i = match self {
            ProjectTags::First => (!tags.is_empty()).then_some(0),
            ProjectTags::List(list) => tags.iter().position(|t| list.contains(t)),
            ProjectTags::None => None,
        }?;
        Some(tags.remove(i))
    }
}

impl Options {
    /// Reading `format` in `zone` (for its naive local times), with every choice at its
    /// default: no `--project`, nothing skipped or allowed beyond the rules, a real
    /// run, formula guards stripped, no `--sync-deletes`, the first tag as project.
    #[must_use]
    pub fn new(format: Format, zone: Tz) -> Self {
        Options {
            format,
            zone,
            project: None,
            skip_conflicts: false,
            allow_long: false,
            dry_run: false,
            raw: false,
            sync_deletes: false,
            project_tags: ProjectTags::First,
            projects: None,
        }
    }
}

/// What to read.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file (or, for Timewarrior, a data folder).
    Path(PathBuf),
    /// Standard input (`-` on the command line), read once.
    Stdin,
    /// Bytes in memory, named `name` in messages (tests).
    Bytes {
        /// The name shown in messages.
        name: String,
        /// The content.
        data: Vec<u8>,
    },
}

impl Input {
    /// The name messages use.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Bytes { name, .. } => name.clone(),
        }
    }
}

/// One session as a source describes it, before checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Where it is: file name, 1-based line and column (of its end, for JSON).
    pub file: Arc<str>,
    /// Line.
    pub line: u64,
    /// Column.
    pub col: u64,
    /// Bytes of the input read up to this record (for progress).
    pub bytes: u64,
    /// The source's id, if it has one.
    pub id: Option<String>,
    /// The project, if the source names one.
    pub project: Option<String>,
    /// Tags as the source writes them.
    pub tags: Vec<String>,
    /// A note.
    pub note: Option<String>,
    /// Start, unix seconds.
    pub start: i64,
    /// End, unix seconds; `None` while it runs in the source.
    pub end: Option<i64>,
    /// The zone to record.
    pub zone: Option<Tz>,
    /// Remarks on DST rules applied to naive local times.
    pub notes: Vec<String>,
    /// The source's own version of the record (Watson's `updated_at`), if it has one.
    pub version: Option<String>,
    /// Whether the project is a tag the Timewarrior rule chose (for the summary).
    pub tag_project: bool,
}

/// The receiver of records.
pub type Sink<'a> = &'a mut dyn FnMut(Record) -> Result<()>;

/// How far an import has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Records read.
    pub rows: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Bytes in all, when known.
    pub total: u64,
}

/// Skipped records of one reason.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Skipped {
    /// `running`, `zero_length` or `overlap`.
    pub reason: &'static str,
    /// How many.
    pub count: u64,
    /// The first few, each `file:line: what`.
    pub examples: Vec<String>,
}

/// A tag that became a project, and for how many sessions.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TagProject {
    /// The tag (now the project's name).
    pub tag: String,
    /// Sessions that got it as their project.
    pub count: u64,
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportSummary {
    /// The format.
    pub format: Format,
    /// The file or folder.
    pub file: String,
    /// The zone used for naive times and zone-less sessions; `null` for otium's own files.
    pub zone: Option<String>,
    /// Whether nothing was written on purpose.
    pub dry_run: bool,
    /// Records read.
    pub read: u64,
    /// Sessions written (or that would be).
    pub imported: u64,
    /// Their total length in seconds.
    pub imported_seconds: i64,
    /// Sessions already stored that the source changed, updated in place.
    pub updated: u64,
    /// Records already stored as the source has them (or seen earlier in the file).
    pub already_present: u64,
    /// Sessions of this source, starting within the file's range, that it no longer holds.
    pub not_in_source: u64,
    /// Of those, how many were removed (`--sync-deletes`).
    pub removed: u64,
    /// Timewarrior: the tags that became projects, by count, most first.
    pub tag_projects: Vec<TagProject>,
    /// Records skipped, all reasons together.
    pub skipped: u64,
    /// Skipped records by reason.
    pub skipped_reasons: Vec<Skipped>,
    /// DST notes for naive local times (first few).
    #[serde(skip)]
    pub notes: Vec<String>,
    /// How many DST notes there were in all.
    #[serde(skip)]
    pub notes_total: u64,
}

/// Namespace of content keys (a fixed random UUID; never change it).
const KEY_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f74_6975_6d00_4a1b_9c3e_1d2f_7a5b_8c01);

/// The content key of a session: UUID v5 of `start|end|project`.
#[must_use]
pub fn content_key(start: i64, end: i64, project: &str) -> String {
    uuid::Uuid::new_v5(
        &KEY_NAMESPACE,
        format!("{start}|{end}|{project}").as_bytes(),
    )
    .hyphenated()
    .to_string()
}

/// Namespace of record digests (a fixed random UUID; never change it).
const DIGEST_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6f74_6975_6d00_4c2d_8e1a_53b7_09d4_e6f2);

/// The identity of a checked record in its source: the start (unix seconds) for sources
/// without ids, else its key (the source's UUID, or the content key).
#[must_use]
pub fn identity(format: Format, checked: &Checked) -> String {
    if format.keyed_by_start() {
        checked.start.to_string()
    } else {
        checked.key.clone()
    }
}

/// A digest of everything otium keeps of a checked record, so a re-import can tell a
/// record the source changed from one it did not (32 hex digits).
#[must_use]
pub fn digest(checked: &Checked) -> String {
    let text = format!(
        "{}|{}|{}|{}|{}|{}",
        checked.start,
        checked.end,
        checked.project,
        checked.tags.join("\u{1f}"),
        checked.note.as_deref().unwrap_or("\u{1f}"),
        checked.zone.name()
    );
    uuid::Uuid::new_v5(&DIGEST_NAMESPACE, text.as_bytes())
        .simple()
        .to_string()
}

/// Reads a naive local time in `zone` (the DST rule of `time::resolve_local`).
pub(crate) fn local(zone: Tz, naive: NaiveDateTime, notes: &mut Vec<String>) -> i64 {
    let r = time::resolve_local(zone, naive);
    if let Some(note) = r.note {
        notes.push(note);
    }
    r.instant.timestamp()
}

/// A tag as otium can store it: whitespace and `+` become `-`.
#[must_use]
pub fn map_tag(tag: &str) -> String {
    tag.split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .replace('+', "-")
}

/// Reads `input` as `opts.format`, handing each record to `sink`.
pub fn parse(input: &Input, opts: &Options, sink: Sink<'_>) -> Result<()> {
    match opts.format {
        Format::Watson => watson::read(Source::open(input, Mode::Json)?, opts, sink),
        Format::Timewarrior => timewarrior::read(input, opts, sink),
        // (Each format opens its input exactly once: standard input cannot be read twice.)
        Format::Toggl => toggl::read(Source::open(input, Mode::Csv)?, opts, sink),
        Format::Bartib => bartib::read(Source::open(input, Mode::Lines)?, opts, sink),
        Format::Csv => otium::read_csv(Source::open(input, Mode::Csv)?, opts, sink),
        Format::Json => otium::read_json(Source::open(input, Mode::Json)?, opts, sink),
        Format::Clockify => clockify::read(Source::open(input, Mode::Csv)?, opts, sink),
        Format::Kimai => kimai::read(Source::open(input, Mode::Csv)?, opts, sink),
        Format::TogglApi => toggl_api::read(Source::open(input, Mode::Json)?, opts, sink),
        Format::Klog => klog::read(Source::open(input, Mode::Lines)?, opts, sink),
        Format::Timeclock => timeclock::read(Source::open(input, Mode::Lines)?, opts, sink),
    }
}

/// The total size of the input in bytes (a folder: its data files), for progress.
#[must_use]
pub fn input_size(input: &Input, format: Format) -> u64 {
    match input {
        Input::Bytes { data, .. } => data.len() as u64,
        Input::Stdin => 0,
        Input::Path(p) if p.is_dir() && format == Format::Timewarrior => timewarrior::data_files(p)
            .map(|files| {
                files
                    .iter()
                    .filter_map(|f| std::fs::metadata(f).ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0),
        Input::Path(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
    }
}

#[cfg(test)]
mod tests;
