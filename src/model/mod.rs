//! Domain types shared by the store, the CLI and the TUI: no SQL, no terminal.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::time;

mod rows;
pub use rows::{RowNames, SessionRow, SessionRows};

/// A user-facing session number (stable, shown in `log`, used by `edit`/`rm`; never
/// handed out twice). Parsed once where it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SessionId(i64);

impl SessionId {
    /// The id with this number (the store hands them out; tests make them).
    #[must_use]
    pub const fn new(raw: i64) -> Self {
        SessionId(raw)
    }

    /// The number.
    #[must_use]
    pub const fn get(self) -> i64 {
        self.0
    }
}

/// Compares with a plain number (`session.id == 12`), as ids are typed.
impl PartialEq<i64> for SessionId {
    fn eq(&self, other: &i64) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for SessionId {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        match text.trim().parse::<i64>() {
            Ok(n) if n > 0 => Ok(SessionId(n)),
            _ => Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-bad-id",
                vec![],
            )),
        }
    }
}

/// A project name: trimmed, not empty, no leading `+`/`-`, no control characters and
/// no invisible ones ([`is_invisible`]).
/// Made only by parsing ([`FromStr`]), so code that holds one need not check it again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ProjectName(String);

impl ProjectName {
    /// The name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name, owned.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromStr for ProjectName {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        validate_project(text).map(ProjectName)
    }
}

impl fmt::Display for ProjectName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ProjectName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for ProjectName {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// A tag name without its `+`: parsing accepts `+review` and `review` alike (the one
/// place the `+` is stripped) and refuses spaces, `+` inside, control characters and
/// invisible ones ([`is_invisible`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Tag(String);

impl Tag {
    /// The name, without `+`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Tag {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let text = text.trim();
        validate_tag(text.strip_prefix('+').unwrap_or(text)).map(Tag)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Tag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Tag {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

/// Test shorthand: `"writing".into()`; a name that does not parse fails the test.
#[cfg(test)]
impl From<&str> for ProjectName {
    fn from(text: &str) -> Self {
        text.parse()
            .unwrap_or_else(|e| panic!("bad project in a test: {e}"))
    }
}

/// Test shorthand: `"draft".into()`; a tag that does not parse fails the test.
#[cfg(test)]
impl From<&str> for Tag {
    fn from(text: &str) -> Self {
        text.parse()
            .unwrap_or_else(|e| panic!("bad tag in a test: {e}"))
    }
}

/// Parses tags (`+a`, `b`), then sorts and de-duplicates them.
pub fn parse_tags<S: AsRef<str>>(tags: &[S]) -> Result<Vec<Tag>> {
    let mut out = tags
        .iter()
        .map(|t| t.as_ref().parse())
        .collect::<Result<Vec<Tag>>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

/// One stored work session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The integer id users type.
    pub id: SessionId,
    /// A UUID for import and merge.
    pub uuid: String,
    /// The project's name.
    pub project: String,
    /// Tags, sorted and without duplicates.
    pub tags: Vec<String>,
    /// An optional free-text note.
    pub note: Option<String>,
    /// When it started.
    pub start: DateTime<Utc>,
    /// When it ended; `None` while it runs.
    pub end: Option<DateTime<Utc>>,
    /// The IANA zone it was recorded in; its times are shown in this zone.
    pub zone: Tz,
}

impl Session {
    /// Whether the session is still running.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.end.is_none()
    }

    /// Whole seconds from start to end, or to `now` while running.
    #[must_use]
    pub fn duration_seconds(&self, now: DateTime<Utc>) -> i64 {
        (self.end.unwrap_or(now) - self.start).num_seconds().max(0)
    }

    /// The stable JSON shape (README: "Session JSON").
    #[must_use]
    pub fn to_json(&self, now: DateTime<Utc>) -> SessionJson {
        SessionJson {
            id: self.id,
            uuid: self.uuid.clone(),
            project: self.project.clone(),
            tags: self.tags.clone(),
            note: self.note.clone(),
            start: time::rfc3339_in(self.zone, self.start),
            end: self.end.map(|end| time::rfc3339_in(self.zone, end)),
            duration_seconds: self.duration_seconds(now),
            zone: self.zone.name().to_string(),
        }
    }
}

/// A session as reports, balances and limits read it: project, tags and times only.
/// A full-history report reads a million of these, so the read skips the uuid, the
/// note and the zone, which a [`Session`] would have to fill with made-up values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeanSession {
    /// The integer id.
    pub id: SessionId,
    /// The project's name.
    pub project: String,
    /// Tags, sorted; empty when the read did not ask for them.
    pub tags: Vec<String>,
    /// When it started.
    pub start: DateTime<Utc>,
    /// When it ended; `None` while it runs.
    pub end: Option<DateTime<Utc>>,
}

impl From<&Session> for LeanSession {
    fn from(s: &Session) -> Self {
        LeanSession {
            id: s.id,
            project: s.project.clone(),
            tags: s.tags.clone(),
            start: s.start,
            end: s.end,
        }
    }
}

/// The serialised form of a session; field order is part of the contract.
#[derive(Debug, Clone, Serialize)]
pub struct SessionJson {
    /// See [`Session::id`].
    pub id: SessionId,
    /// See [`Session::uuid`].
    pub uuid: String,
    /// See [`Session::project`].
    pub project: String,
    /// See [`Session::tags`].
    pub tags: Vec<String>,
    /// See [`Session::note`].
    pub note: Option<String>,
    /// Start, RFC 3339 in the session's zone.
    pub start: String,
    /// End, RFC 3339 in the session's zone, or null while running.
    pub end: Option<String>,
    /// Seconds, counted to now while running.
    pub duration_seconds: i64,
    /// The session's IANA zone.
    pub zone: String,
}

/// What a new session is made of (times already resolved to instants).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// Project name (created on first use).
    pub project: ProjectName,
    /// Tags, sorted and without duplicates (see [`parse_tags`]).
    pub tags: Vec<Tag>,
    /// Optional note.
    pub note: Option<String>,
    /// Start instant.
    pub start: DateTime<Utc>,
    /// End instant, or `None` to leave it running.
    pub end: Option<DateTime<Utc>>,
    /// The zone to record.
    pub zone: Tz,
}

/// Changes to an existing session; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionEdit {
    /// New project name.
    pub project: Option<ProjectName>,
    /// New start.
    pub start: Option<DateTime<Utc>>,
    /// New end (setting it on a running session stops it).
    pub end: Option<DateTime<Utc>>,
    /// New note; `Some(None)` clears it.
    pub note: Option<Option<String>>,
    /// Tags to add.
    pub add_tags: Vec<Tag>,
    /// Tags to remove.
    pub remove_tags: Vec<Tag>,
}

impl SessionEdit {
    /// Whether the edit changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == SessionEdit::default()
    }
}

/// A project with its usage, for `otium projects`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectSummary {
    /// The name.
    pub name: String,
    /// What the project produces (pages, commits…), if declared.
    pub output_unit: Option<String>,
    /// How many sessions it has.
    pub sessions: i64,
    /// Tracked seconds (running sessions counted to now).
    pub total_seconds: i64,
    /// The last session's start, RFC 3339 UTC, if any.
    pub last_start: Option<String>,
}

/// A tag with its usage, for `otium tags`.
#[derive(Debug, Clone, Serialize)]
pub struct TagSummary {
    /// The name.
    pub name: String,
    /// How many sessions carry it.
    pub sessions: i64,
    /// Tracked seconds of those sessions.
    pub total_seconds: i64,
}

/// Whether `c` is an invisible format character that changes how the text around it
/// is shown, or hides text, without showing itself: bidi embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C), which
/// reorder what a reader sees (Trojan Source, CVE-2021-42574); zero-width characters
/// (U+200B–U+200D, U+2060, U+FEFF) and the other invisible ones (soft hyphen, U+180E,
/// U+2061–U+2064, U+206A–U+206F, U+FFF9–U+FFFB), which make two different names look
/// the same; and the tag characters (U+E0000–U+E007F), which smuggle hidden text. A
/// list rather than all of Unicode's `Cf`: the Arabic and Syriac number signs in `Cf`
/// are visible.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// A note (or any stored text) made safe for a terminal: control characters, which a
/// note may hold (line breaks, an ESC from a paste), are shown escaped (`\n`,
/// `\u{1b}`) so they cannot move the cursor, recolour the screen or break a row, and
/// so are invisible format characters ([`is_invisible`]: `\u{202e}`), so a note cannot
/// reorder or hide what the rest of the line says. CSV and the database keep the text
/// as it is; JSON keeps it too, escaped (`crate::interop::json`).
#[must_use]
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || is_invisible(c);
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if unsafe_char(c) {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Checks and trims a project name.
pub fn validate_project(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-project-empty",
            vec![],
        ));
    }
    if name.starts_with('+') || name.starts_with('-') {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-project-sign",
            vec![
                ("name", format!("{name:?}")),
                ("sign", name[..1].to_string()),
            ],
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-project-control",
            vec![("name", format!("{name:?}"))],
        ));
    }
    if let Some(c) = name.chars().find(|&c| is_invisible(c)) {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-project-invisible",
            vec![
                ("name", format!("{name:?}")),
                ("code", format!("U+{:04X}", u32::from(c))),
            ],
        ));
    }
    Ok(name.to_string())
}

/// Checks a tag name (without its leading `+`).
pub fn validate_tag(tag: &str) -> Result<String> {
    let tag = tag.trim();
    if tag.is_empty() {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-tag-empty",
            vec![],
        ));
    }
    if tag
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '+')
    {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-tag-bad",
            vec![("tag", format!("{tag:?}"))],
        ));
    }
    if let Some(c) = tag.chars().find(|&c| is_invisible(c)) {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-tag-invisible",
            vec![
                ("tag", format!("{tag:?}")),
                ("code", format!("U+{:04X}", u32::from(c))),
            ],
        ));
    }
    Ok(tag.to_string())
}

/// Trims a note; an empty note is no note.
#[must_use]
pub fn normalize_note(note: Option<&str>) -> Option<String> {
    note.map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// A recorded amount of output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputEntry {
    /// Row id.
    pub id: i64,
    /// UUID for import and merge.
    pub uuid: String,
    /// The project.
    pub project: String,
    /// The project's unit at the time of reading.
    pub unit: Option<String>,
    /// Amount in that unit.
    pub amount: f64,
    /// When it was recorded.
    #[serde(serialize_with = "rfc3339_utc")]
    pub at: DateTime<Utc>,
    /// The zone it was recorded in.
    pub zone: String,
    /// The session it belongs to, if any.
    pub session: Option<SessionId>,
    /// A note.
    pub note: Option<String>,
}

fn rfc3339_utc<S: serde::Serializer>(
    t: &DateTime<Utc>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339())
}

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(printable("chapter 3 · 写作 🖋"), "chapter 3 · 写作 🖋");
        assert_eq!(printable("a\nb\tc"), "a\\nb\\tc");
        assert_eq!(printable("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(printable("bell\u{7}"), "bell\\u{7}");
        assert_eq!(
            printable("\u{202e}txt.exe\u{2066} a\u{200b}b"),
            "\\u{202e}txt.exe\\u{2066} a\\u{200b}b"
        );
    }
}
