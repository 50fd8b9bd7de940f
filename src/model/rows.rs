//! Stored sessions in batches of flat buffers, for reads of a whole history (the CSV
//! export): a batch holds its rows' numbers in one vector and their texts in one
//! string, and names projects and tags by index into [`RowNames`], read once per
//! stream. Filling a batch allocates nothing once it has grown, where a [`Session`]
//! per row allocates five times; a batch can also be handed to another thread whole.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{Session, SessionId};
use crate::time;

/// The names a stream's rows refer to by index, shared by every batch of the stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowNames {
    /// Project names; a row's `project` indexes this.
    pub projects: Vec<String>,
    /// Tag names in sorted order, so a row's tag indexes sorted ascending are its
    /// tags sorted by name.
    pub tags: Vec<String>,
}

/// One row's numbers and where its texts are.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: SessionId,
    start: i64,
    end: Option<i64>,
    zone: Tz,
    project: u32,
    uuid: (u32, u32),
    note: Option<(u32, u32)>,
    tags: (u32, u32),
}

/// A batch of stored sessions, in start order.
#[derive(Debug, Clone)]
pub struct SessionRows {
    names: Arc<RowNames>,
    rows: Vec<Fields>,
    text: String,
    tags: Vec<u32>,
}

/// One row of a [`SessionRows`], borrowed.
#[derive(Debug, Clone, Copy)]
pub struct SessionRow<'a> {
    /// The integer id.
    pub id: SessionId,
    /// Its UUID.
    pub uuid: &'a str,
    /// The project's name.
    pub project: &'a str,
    /// The note, if any.
    pub note: Option<&'a str>,
    /// Start, unix seconds.
    pub start: i64,
    /// End, unix seconds; `None` while running.
    pub end: Option<i64>,
    /// The zone it was recorded in.
    pub zone: Tz,
    tags: &'a [u32],
    names: &'a RowNames,
}

/// Where a text of `len` bytes will sit in a batch's text: texts are far below 4 GiB
/// (a batch holds a few thousand rows), so an offset fits `u32`; a batch that would
/// pass it is full.
fn span_of(start: usize, len: usize) -> Option<(u32, u32)> {
    Some((u32::try_from(start).ok()?, u32::try_from(start + len).ok()?))
}

impl SessionRows {
    /// An empty batch naming through `names`.
    #[must_use]
    pub fn new(names: Arc<RowNames>) -> Self {
        SessionRows {
            names,
            rows: Vec::new(),
            text: String::new(),
            tags: Vec::new(),
        }
    }

    /// The names this batch's rows refer to.
    #[must_use]
    pub fn names(&self) -> &Arc<RowNames> {
        &self.names
    }

    /// Empties the batch, keeping its buffers (and names).
    pub fn clear(&mut self) {
        self.rows.clear();
        self.text.clear();
        self.tags.clear();
    }

    /// Empties the batch and names through `names` from now on.
    pub fn reset(&mut self, names: Arc<RowNames>) {
        self.clear();
        self.names = names;
    }

    /// How many rows it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// How many bytes of text it holds (a batch is full by rows or by text).
    #[must_use]
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Adds a row. `project` indexes [`RowNames::projects`] and `tags` (ascending)
    /// [`RowNames::tags`]. Returns `false`, adding nothing, if the batch's text would
    /// pass 4 GiB.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        id: SessionId,
        uuid: &str,
        project: u32,
        note: Option<&str>,
        start: i64,
        end: Option<i64>,
        zone: Tz,
        tags: &[u32],
    ) -> bool {
        let Some(uuid_at) = span_of(self.text.len(), uuid.len()) else {
            return false;
        };
        let note_at = match note {
            Some(note) => match span_of(self.text.len() + uuid.len(), note.len()) {
                Some(at) => Some(at),
                None => return false,
            },
            None => None,
        };
        let Some(tags_at) = span_of(self.tags.len(), tags.len()) else {
            return false;
        };
        self.text.push_str(uuid);
        if let Some(note) = note {
            self.text.push_str(note);
        }
        self.tags.extend_from_slice(tags);
        self.rows.push(Fields {
            id,
            start,
            end,
            zone,
            project,
            uuid: uuid_at,
            note: note_at,
            tags: tags_at,
        });
        true
    }

    /// The rows, in order.
    pub fn iter(&self) -> impl Iterator<Item = SessionRow<'_>> {
        self.rows.iter().map(move |f| self.row(f))
    }

    fn row(&self, f: &Fields) -> SessionRow<'_> {
        let text = |(a, b): (u32, u32)| &self.text[a as usize..b as usize];
        SessionRow {
            id: f.id,
            uuid: text(f.uuid),
            project: self
                .names
                .projects
                .get(f.project as usize)
                .map_or("", String::as_str),
            note: f.note.map(text),
            start: f.start,
            end: f.end,
            zone: f.zone,
            tags: &self.tags[f.tags.0 as usize..f.tags.1 as usize],
            names: &self.names,
        }
    }
}

impl<'a> SessionRow<'a> {
    /// Its tags, sorted by name.
    pub fn tags(&self) -> impl Iterator<Item = &'a str> + Clone + 'a {
        let names = self.names;
        self.tags
            .iter()
            .map(move |&t| names.tags.get(t as usize).map_or("", String::as_str))
    }

    /// When it started.
    #[must_use]
    pub fn start_time(&self) -> DateTime<Utc> {
        time::from_unix(self.start)
    }

    /// When it ended; `None` while it runs.
    #[must_use]
    pub fn end_time(&self) -> Option<DateTime<Utc>> {
        self.end.map(time::from_unix)
    }

    /// Seconds tracked, up to `now` while it runs (as [`Session::duration_seconds`]).
    #[must_use]
    pub fn duration_seconds(&self, now: DateTime<Utc>) -> i64 {
        (self.end.unwrap_or_else(|| now.timestamp()) - self.start).max(0)
    }

    /// The row as an owned [`Session`].
    #[must_use]
    pub fn to_session(&self) -> Session {
        Session {
            id: self.id,
            uuid: self.uuid.to_string(),
            project: self.project.to_string(),
            tags: self.tags().map(str::to_string).collect(),
            note: self.note.map(str::to_string),
            start: self.start_time(),
            end: self.end_time(),
            zone: self.zone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_back_as_they_were_pushed() {
        let names = Arc::new(RowNames {
            projects: vec!["writing".into(), "写作".into()],
            tags: vec!["a".into(), "b".into(), "初稿".into()],
        });
        let mut rows = SessionRows::new(names);
        assert!(rows.push(
            SessionId::new(7),
            "u-7",
            1,
            Some("note, with \"quotes\""),
            100,
            Some(160),
            chrono_tz::Asia::Shanghai,
            &[0, 2],
        ));
        assert!(rows.push(SessionId::new(9), "u-9", 0, None, 200, None, Tz::UTC, &[]));
        let got: Vec<Session> = rows.iter().map(|r| r.to_session()).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].uuid, "u-7");
        assert_eq!(got[0].project, "写作");
        assert_eq!(got[0].tags, ["a", "初稿"]);
        assert_eq!(got[0].note.as_deref(), Some("note, with \"quotes\""));
        assert_eq!(got[0].duration_seconds(time::from_unix(0)), 60);
        assert_eq!(got[1].project, "writing");
        assert!(got[1].tags.is_empty() && got[1].note.is_none() && got[1].end.is_none());
        let now = time::from_unix(250);
        assert_eq!(
            rows.iter().nth(1).map(|r| r.duration_seconds(now)),
            Some(50)
        );
        rows.clear();
        assert!(rows.is_empty() && rows.text_len() == 0);
    }
}
