//! The checks every imported [`Record`] passes before it is written, as one pure
//! function of the record, the [`Options`] and "now": dates inside 1970–2100, end
//! after start, not in the future, at most 7 days (unless `--allow-long`), a valid
//! project and tags, and the session's key. No database here: the engine
//! (`engine.rs`) looks the key up and checks overlaps; the fuzz targets
//! ([`crate::fuzzing`]) call [`check`] directly.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{Options, Record, at, at_keyed, content_key, map_tag};
use crate::error::{Error, Result};
use crate::model::{normalize_note, validate_project, validate_tag};
use crate::time;

/// 1970-01-01, unix seconds: the earliest date accepted.
pub const EARLIEST: i64 = 0;
/// 2100-01-01, unix seconds: the latest date accepted.
pub const LATEST: i64 = 4_102_444_800;
/// Longest session accepted without `--allow-long` (7 days, in seconds).
pub const LONGEST: i64 = 7 * 24 * 3600;
/// The project of sessions whose source names none.
pub const NO_PROJECT: &str = "(no project)";

/// A record that passed every check, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The session's UUID: the source's own if it is one, else the content key.
    pub key: String,
    /// The validated project (`--project`, else the source's, else [`NO_PROJECT`]).
    pub project: String,
    /// Validated tags, sorted, without duplicates.
    pub tags: Vec<String>,
    /// The note, trimmed; `None` when empty.
    pub note: Option<String>,
    /// Start, unix seconds.
    pub start: i64,
    /// End, unix seconds, after `start`.
    pub end: i64,
    /// The zone the session is recorded in.
    pub zone: Tz,
}

/// What to do with a record that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Write it (unless its key is already stored or it overlaps).
    Session(Checked),
    /// Count it as skipped.
    Skip {
        /// `running` or `zero_length`.
        reason: &'static str,
        /// `file:line: what`, for the summary.
        example: String,
    },
}

impl Record {
    fn error(&self, key: &'static str, args: Vec<(&'static str, String)>) -> Error {
        at_keyed(&self.file, self.line, self.col, key, args)
    }

    /// An error at the record whose message is a library finding as it stands.
    fn error_text(&self, message: &str) -> Error {
        at(&self.file, self.line, self.col, message)
    }
}

/// A unix time as `YYYY-MM-DD HH:MM` in `zone` (the number itself when out of range).
pub(crate) fn show(zone: Tz, t: i64) -> String {
    DateTime::<Utc>::from_timestamp(t, 0)
        .map_or_else(|| t.to_string(), |t| time::date_hhmm_in(zone, t))
}

/// Checks one record read at `now` (unix seconds): an error (`file:line:col: …`)
/// refuses the whole file, a [`Verdict`] says whether to write or skip it.
pub fn check(rec: &Record, opts: &Options, now: i64) -> Result<Verdict> {
    let zone = rec.zone.unwrap_or(opts.zone);
    let (start, end) = (rec.start, rec.end);
    for t in std::iter::once(start).chain(end) {
        if !(EARLIEST..=LATEST).contains(&t) {
            return Err(rec.error(
                "admin-import-error-date-range",
                vec![("date", show(Tz::UTC, t))],
            ));
        }
    }
    let Some(end) = end else {
        return Ok(Verdict::Skip {
            reason: "running",
            example: format!(
                "{}:{}: started {} and still running there",
                rec.file,
                rec.line,
                show(zone, start)
            ),
        });
    };
    if end < start {
        return Err(rec.error(
            "admin-import-error-ends-before",
            vec![
                ("start", show(zone, start)),
                ("end", show(zone, end)),
                ("zone", zone.name().to_string()),
            ],
        ));
    }
    if end == start {
        return Ok(Verdict::Skip {
            reason: "zero_length",
            example: format!(
                "{}:{}: starts and ends at {}",
                rec.file,
                rec.line,
                show(zone, start)
            ),
        });
    }
    if end > now {
        return Err(rec.error(
            "admin-import-error-future",
            vec![
                ("end", show(zone, end)),
                ("zone", zone.name().to_string()),
                ("now", show(zone, now)),
            ],
        ));
    }
    if end - start > LONGEST && !opts.allow_long {
        return Err(rec.error(
            "admin-import-error-too-long",
            vec![
                ("duration", time::human_duration(end - start)),
                ("start", show(zone, start)),
                ("end", show(zone, end)),
                ("zone", zone.name().to_string()),
            ],
        ));
    }
    let project = opts
        .project
        .as_deref()
        .or(rec.project.as_deref())
        .filter(|p| !p.trim().is_empty())
        .unwrap_or(NO_PROJECT);
    let project = validate_project(project).map_err(|e| rec.error_text(e.message()))?;
    let mut tags = Vec::with_capacity(rec.tags.len());
    for tag in &rec.tags {
        let tag = map_tag(tag);
        if !tag.is_empty() {
            tags.push(validate_tag(&tag).map_err(|e| rec.error_text(e.message()))?);
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
    Ok(Verdict::Session(Checked {
        key,
        project,
        tags,
        note,
        start,
        end,
        zone,
    }))
}
