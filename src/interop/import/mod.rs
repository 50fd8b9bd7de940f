//! `otium import`: sessions from Watson, Timewarrior, Toggl Track, bartib and
//! otium's own CSV and JSON exports.
//!
//! Each format module streams its file (bounded memory: see [`input::Guard`]) and
//! hands one [`Record`] at a time to the engine here, which checks it, derives its
//! key and writes it through [`ImportWriter`] inside one `BEGIN IMMEDIATE`
//! transaction ([`crate::store::Store::write`]): the whole file or nothing.
//!
//! **Idempotency.** A session's key is its `sessions.uuid`: the source's own id when
//! it is a UUID (Watson's 32-hex frame id, the `uuid` of otium's exports), else a
//! UUID v5 derived from `start_unix|end_unix|project` (the content key). A record whose
//! key is already stored counts as "already present" and is not written again.

pub mod bartib;
pub mod input;
pub mod otium;
pub mod timewarrior;
pub mod toggl;
pub mod watson;

use std::cell::Cell;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use serde::de::{DeserializeOwned, Error as _, SeqAccess, Visitor};

use crate::error::{Error, ErrorKind, Result};
use crate::model::{normalize_note, validate_project, validate_tag};
use crate::store::db_error;
use crate::store::import::{ImportRow, ImportWriter};
use crate::store::sessions;
use crate::time;
use crate::tracker::{Tracker, describe};
use input::{Guard, Mode, Pos, guard_error};

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
        }
    }

    /// Whether the source lacks a zone per session, so `--tz` (or the user's zone)
    /// is used: to read naive local times (Toggl, bartib) or to record UTC instants in.
    #[must_use]
    pub fn uses_zone(self) -> bool {
        !matches!(self, Format::Csv | Format::Json)
    }

    /// Whether the source has naive local times that `--tz` reads.
    #[must_use]
    pub fn naive_times(self) -> bool {
        matches!(self, Format::Toggl | Format::Bartib)
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
}

/// What to read.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file (or, for Timewarrior, a data folder).
    Path(PathBuf),
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
            Input::Bytes { name, .. } => name.clone(),
        }
    }
}

/// One session as a source describes it, before checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Where it is: file name, 1-based line and column (of its end, for JSON).
    pub file: Rc<str>,
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
    /// Records whose key was already stored (or seen earlier in the file).
    pub already_present: u64,
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

/// How many examples a summary or an error lists.
const EXAMPLES: usize = 3;
/// 1970-01-01 and 2100-01-01, unix seconds: the dates accepted.
const EARLIEST: i64 = 0;
const LATEST: i64 = 4_102_444_800;
/// Longest session accepted without `--allow-long`.
const LONGEST: i64 = 7 * 24 * 3600;
/// The project of sessions whose source names none.
pub const NO_PROJECT: &str = "(no project)";
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

/// An invalid-input error at `file:line:col`.
pub(crate) fn at(file: &str, line: u64, col: u64, message: &str) -> Error {
    Error::invalid(format!("{file}:{line}:{col}: {message}"))
}

impl Record {
    fn error(&self, message: &str) -> Error {
        at(&self.file, self.line, self.col, message)
    }
}

/// Where a file is being read: its name and the guard's position.
pub(crate) struct Here {
    pub name: Rc<str>,
    pub pos: Rc<Cell<Pos>>,
    /// Bytes of earlier files (Timewarrior folders), for progress.
    pub base: u64,
}

/// A guarded reader on one file, and where it has got to.
pub(crate) struct Source {
    pub here: Here,
    pub reader: Guard<Box<dyn BufRead>>,
}

impl Source {
    fn open(input: &Input, mode: Mode) -> Result<Self> {
        let (name, inner): (String, Box<dyn BufRead>) = match input {
            Input::Path(path) => (
                path.display().to_string(),
                Box::new(BufReader::with_capacity(1 << 16, open_file(path)?)),
            ),
            Input::Bytes { name, data } => (name.clone(), Box::new(io::Cursor::new(data.clone()))),
        };
        Ok(Self::new(name, inner, mode, 0))
    }

    pub(crate) fn new(name: String, inner: Box<dyn BufRead>, mode: Mode, base: u64) -> Self {
        let pos = Rc::new(Cell::new(Pos::default()));
        Source {
            reader: Guard::new(inner, mode, Rc::clone(&pos)),
            here: Here {
                name: name.into(),
                pos,
                base,
            },
        }
    }

    /// Calls `f` with each line (without its `\n` or `\r\n`) and its 1-based number.
    pub fn each_line(self, f: &mut dyn FnMut(&Here, &str, u64) -> Result<()>) -> Result<()> {
        let Source { here, reader } = self;
        let mut lines = BufReader::with_capacity(1 << 16, reader);
        let mut buf = Vec::new();
        let mut number = 0;
        loop {
            buf.clear();
            let n = lines
                .read_until(b'\n', &mut buf)
                .map_err(|e| here.io_error(&e))?;
            if n == 0 {
                return Ok(());
            }
            number += 1;
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            let line = std::str::from_utf8(&buf).map_err(|_| {
                at(
                    &here.name,
                    number,
                    1,
                    "invalid UTF-8; save the file as UTF-8",
                )
            })?;
            f(&here, line, number)?;
        }
    }

    /// Streams the elements of a top-level JSON array into `f` (with their 1-based
    /// index); `expecting` names what the array should hold, for messages.
    pub fn each_json<T: DeserializeOwned>(
        self,
        expecting: &'static str,
        f: &mut dyn FnMut(&Here, T, u64) -> Result<()>,
    ) -> Result<()> {
        let Source { here, reader } = self;
        let mut stash = None;
        let mut de = serde_json::Deserializer::from_reader(reader);
        let result = serde::Deserializer::deserialize_seq(
            &mut de,
            Each {
                here: &here,
                f,
                stash: &mut stash,
                expecting,
                index: 0,
                _t: std::marker::PhantomData,
            },
        )
        .and_then(|()| de.end());
        if let Some(e) = stash {
            return Err(e);
        }
        result.map_err(|e| here.json_error(e))
    }

    /// A CSV reader over this source (headers on, strict field counts).
    pub fn csv(self) -> (Here, csv::Reader<Guard<Box<dyn BufRead>>>) {
        let reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(self.reader);
        (self.here, reader)
    }
}

impl Here {
    /// A record located at the current position.
    pub fn record(&self) -> Record {
        let p = self.pos.get();
        self.record_at(p.line, p.col)
    }

    /// A record located at `line:col`.
    pub fn record_at(&self, line: u64, col: u64) -> Record {
        Record {
            file: Rc::clone(&self.name),
            line,
            col,
            bytes: self.base + self.pos.get().bytes,
            ..Record::default()
        }
    }

    /// An invalid-input error at `line:col` of this file.
    pub fn error(&self, line: u64, col: u64, message: &str) -> Error {
        at(&self.name, line, col, message)
    }

    /// Maps a read error (a guard's finding, or I/O).
    pub fn io_error(&self, e: &io::Error) -> Error {
        match guard_error(e) {
            Some(g) => at(&self.name, g.line, g.col, &g.message),
            None => Error::new(
                ErrorKind::Io,
                format!("cannot read {}: {e}; check the file", self.name),
            ),
        }
    }

    fn json_error(&self, e: serde_json::Error) -> Error {
        if e.is_io() {
            return self.io_error(&io::Error::from(e));
        }
        let text = e.to_string();
        let what = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(m, _)| m);
        let what = if what.contains("recursion limit") {
            "nested more than 128 levels deep"
        } else {
            what
        };
        at(
            &self.name,
            e.line() as u64,
            e.column() as u64,
            &format!("malformed JSON: {what}; fix the file or export it again"),
        )
    }

    /// Maps a CSV reader error.
    pub fn csv_error(&self, e: csv::Error) -> Error {
        let line = e.position().map_or(0, csv::Position::line);
        match e.into_kind() {
            csv::ErrorKind::Io(io) => self.io_error(&io),
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => at(
                &self.name,
                pos.map_or(line, |p| p.line()),
                1,
                &format!(
                    "malformed CSV: this row has {len} fields but the header has {expected_len}; \
                     quote fields that hold commas, or export the file again"
                ),
            ),
            other => at(&self.name, line, 1, &format!("malformed CSV: {other:?}")),
        }
    }
}

fn open_file(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| {
        let kind = if e.kind() == io::ErrorKind::NotFound {
            ErrorKind::InvalidInput
        } else {
            ErrorKind::Io
        };
        Error::new(
            kind,
            format!("cannot read {}: {e}; check the path", path.display()),
        )
    })
}

struct Each<'a, 's, T> {
    here: &'s Here,
    f: &'a mut dyn FnMut(&Here, T, u64) -> Result<()>,
    stash: &'a mut Option<Error>,
    expecting: &'static str,
    index: u64,
    _t: std::marker::PhantomData<T>,
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Each<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            self.index += 1;
            if let Err(e) = (self.f)(self.here, item, self.index) {
                *self.stash = Some(e);
                return Err(A::Error::custom("stopped"));
            }
        }
        Ok(())
    }
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

fn show(zone: Tz, t: i64) -> String {
    DateTime::<Utc>::from_timestamp(t, 0)
        .map_or_else(|| t.to_string(), |t| time::date_hhmm_in(zone, t))
}

/// Reads `input` as `opts.format`, handing each record to `sink`.
pub fn parse(input: &Input, opts: &Options, sink: Sink<'_>) -> Result<()> {
    match opts.format {
        Format::Watson => watson::read(Source::open(input, Mode::Json)?, opts, sink),
        Format::Timewarrior => timewarrior::read(input, opts, sink),
        Format::Toggl => toggl::read(Source::open(input, Mode::Csv)?, opts, sink),
        Format::Bartib => bartib::read(Source::open(input, Mode::Lines)?, opts, sink),
        Format::Csv => otium::read_csv(Source::open(input, Mode::Csv)?, opts, sink),
        Format::Json => otium::read_json(Source::open(input, Mode::Json)?, opts, sink),
    }
}

/// The total size of the input in bytes (a folder: its data files), for progress.
#[must_use]
pub fn input_size(input: &Input, format: Format) -> u64 {
    match input {
        Input::Bytes { data, .. } => data.len() as u64,
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

struct Engine<'c, 'p> {
    writer: ImportWriter<'c>,
    conn: &'c rusqlite::Connection,
    db: PathBuf,
    opts: &'p Options,
    now: i64,
    summary: ImportSummary,
    /// Ids written by this import with their source lines (ids only grow).
    written: Vec<(i64, u64)>,
    conflicts: Vec<String>,
    progress: &'p mut dyn FnMut(Progress),
    total: u64,
}

impl Engine<'_, '_> {
    fn skip(&mut self, reason: &'static str, example: String) {
        self.summary.skipped += 1;
        let entry = match self
            .summary
            .skipped_reasons
            .iter_mut()
            .position(|s| s.reason == reason)
        {
            Some(i) => &mut self.summary.skipped_reasons[i],
            None => {
                self.summary.skipped_reasons.push(Skipped {
                    reason,
                    count: 0,
                    examples: Vec::new(),
                });
                let last = self.summary.skipped_reasons.len() - 1;
                &mut self.summary.skipped_reasons[last]
            }
        };
        entry.count += 1;
        if entry.examples.len() < EXAMPLES {
            entry.examples.push(example);
        }
    }

    fn take(&mut self, rec: Record) -> Result<()> {
        self.summary.read += 1;
        if self.summary.read.is_multiple_of(1024) {
            (self.progress)(Progress {
                rows: self.summary.read,
                bytes: rec.bytes,
                total: self.total,
            });
        }
        for note in &rec.notes {
            self.summary.notes_total += 1;
            if self.summary.notes.len() < EXAMPLES {
                self.summary
                    .notes
                    .push(format!("{}:{}: {note}", rec.file, rec.line));
            }
        }
        let zone = rec.zone.unwrap_or(self.opts.zone);
        let (start, end) = (rec.start, rec.end);
        for t in std::iter::once(start).chain(end) {
            if !(EARLIEST..=LATEST).contains(&t) {
                return Err(rec.error(&format!(
                    "the date {} is before 1970 or after 2100; fix it in the source",
                    show(Tz::UTC, t)
                )));
            }
        }
        let Some(end) = end else {
            self.skip(
                "running",
                format!(
                    "{}:{}: started {} and still running there",
                    rec.file,
                    rec.line,
                    show(zone, start)
                ),
            );
            return Ok(());
        };
        if end < start {
            return Err(rec.error(&format!(
                "the session ends before it starts ({} to {} {}); fix the times in the source",
                show(zone, start),
                show(zone, end),
                zone.name()
            )));
        }
        if end == start {
            self.skip(
                "zero_length",
                format!(
                    "{}:{}: starts and ends at {}",
                    rec.file,
                    rec.line,
                    show(zone, start)
                ),
            );
            return Ok(());
        }
        if end > self.now {
            return Err(rec.error(&format!(
                "the session ends in the future ({} {}; now is {}); fix the times in the source",
                show(zone, end),
                zone.name(),
                show(zone, self.now)
            )));
        }
        if end - start > LONGEST && !self.opts.allow_long {
            return Err(rec.error(&format!(
                "the session lasts {}, longer than 7 days ({} to {} {}); pass --allow-long if that is right",
                time::human_duration(end - start),
                show(zone, start),
                show(zone, end),
                zone.name()
            )));
        }
        let project = self
            .opts
            .project
            .as_deref()
            .or(rec.project.as_deref())
            .filter(|p| !p.trim().is_empty())
            .unwrap_or(NO_PROJECT);
        let project = validate_project(project).map_err(|e| rec.error(e.message()))?;
        let mut tags = Vec::with_capacity(rec.tags.len());
        for tag in &rec.tags {
            let tag = map_tag(tag);
            if !tag.is_empty() {
                tags.push(validate_tag(&tag).map_err(|e| rec.error(e.message()))?);
            }
        }
        tags.sort();
        tags.dedup();
        let note = normalize_note(rec.note.as_deref());
        let key = rec
            .id
            .as_deref()
            .and_then(|id| uuid::Uuid::parse_str(id.trim()).ok())
            .map_or_else(
                || content_key(start, end, &project),
                |u| u.hyphenated().to_string(),
            );
        let db = |e: rusqlite::Error| db_error(&self.db, &e);
        if self.writer.by_uuid(&key).map_err(db)?.is_some() {
            self.summary.already_present += 1;
            return Ok(());
        }
        if let Some(other) = self.writer.overlapping(start, end).map_err(db)? {
            let what = match self.written.binary_search_by_key(&other, |(id, _)| *id) {
                Ok(i) => format!("line {} of this file", self.written[i].1),
                Err(_) => sessions::by_id(self.conn, other)
                    .map_err(db)?
                    .map_or_else(|| format!("session {other}"), |s| describe(&s)),
            };
            let text = format!(
                "{}:{}: {}, {}–{} {}, overlaps {what}",
                rec.file,
                rec.line,
                project,
                show(zone, start),
                time::hhmm_in(zone, DateTime::from_timestamp(end, 0).unwrap_or_default()),
                zone.name()
            );
            if self.conflicts.len() < EXAMPLES {
                self.conflicts.push(text.clone());
            }
            self.skip("overlap", text);
            return Ok(());
        }
        let id = self
            .writer
            .insert(&ImportRow {
                uuid: &key,
                project: &project,
                tags: &tags,
                note: note.as_deref(),
                start,
                end,
                zone: zone.name(),
            })
            .map_err(db)?;
        self.written.push((id, rec.line));
        self.summary.imported += 1;
        self.summary.imported_seconds += end - start;
        Ok(())
    }
}

impl Tracker {
    /// Imports `input` in one transaction: every session or none. `progress` is
    /// called every 1024 records.
    pub fn import(
        &mut self,
        input: &Input,
        opts: &Options,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportSummary> {
        let now = self.now().timestamp();
        let db = self.db_path().to_path_buf();
        let total = input_size(input, opts.format);
        let summary = ImportSummary {
            format: opts.format,
            file: input.name(),
            zone: opts
                .format
                .uses_zone()
                .then(|| opts.zone.name().to_string()),
            dry_run: opts.dry_run,
            read: 0,
            imported: 0,
            imported_seconds: 0,
            already_present: 0,
            skipped: 0,
            skipped_reasons: Vec::new(),
            notes: Vec::new(),
            notes_total: 0,
        };
        self.store.write(|tx| {
            let dberr = |e: rusqlite::Error| db_error(&db, &e);
            let writer = ImportWriter::new(tx, now);
            writer.tune().map_err(dberr)?;
            if opts.dry_run {
                writer.begin_dry_run().map_err(dberr)?;
            }
            let mut engine = Engine {
                writer,
                conn: tx,
                db: db.clone(),
                opts,
                now,
                summary,
                written: Vec::new(),
                conflicts: Vec::new(),
                progress,
                total,
            };
            parse(input, opts, &mut |rec| engine.take(rec))?;
            let overlaps = engine
                .summary
                .skipped_reasons
                .iter()
                .find(|s| s.reason == "overlap")
                .map_or(0, |s| s.count);
            if overlaps > 0 && !opts.skip_conflicts {
                let more = if overlaps > engine.conflicts.len() as u64 {
                    format!(" (first {} shown)", engine.conflicts.len())
                } else {
                    String::new()
                };
                return Err(Error::conflict(format!(
                    "{}: {overlaps} session(s) overlap others, nothing imported: {}{more}; \
                     fix them, or pass --skip-conflicts to import the rest",
                    input.name(),
                    engine.conflicts.join("; "),
                )));
            }
            if opts.dry_run {
                engine.writer.rollback_dry_run().map_err(dberr)?;
            }
            Ok(engine.summary)
        })
    }
}

#[cfg(test)]
mod tests;
