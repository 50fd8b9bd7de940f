//! The deterministic merge. Each session is a [`Doc`]: per field the value with the
//! largest [`Stamp`], and the largest tombstone. Both are maxima, so applying records
//! in any order, any number of times, gives the same doc (a join semilattice); the
//! sessions shown ([`sessions`]) and the conflicts ([`conflicts`]) are functions of the
//! docs alone, so every device that has the same records shows the same result.
//!
//! - A session is live when some field was set at a larger stamp than its tombstone
//!   (a put after a delete, e.g. an undo, revives it with its newest fields).
//! - A session is shown once its start, project and zone have arrived: records of one
//!   session may arrive out of order, and an edit delivered before its create waits.
//! - Two running sessions: the one with the later start runs; the earlier one ends at
//!   that start, as a local `start` would have stopped it.
//! - Overlapping sessions are kept, both, and listed as a conflict.

use std::collections::BTreeMap;

use serde_json::Value;

use super::record::{Field, Op, Record, Stamp};

/// What all records so far say about one session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// Per field: the winning stamp and value.
    pub fields: BTreeMap<Field, (Stamp, Value)>,
    /// The largest delete, if any.
    pub tombstone: Option<Stamp>,
}

impl Doc {
    /// Applies one record of this session; returns whether anything changed (applying
    /// a record again changes nothing).
    pub fn apply(&mut self, r: &Record) -> bool {
        let stamp = r.stamp();
        match r.op {
            Op::Delete => {
                if self.tombstone.as_ref().is_some_and(|t| *t >= stamp) {
                    return false;
                }
                self.tombstone = Some(stamp);
                true
            }
            Op::Put => {
                let mut changed = false;
                for (field, value) in &r.fields {
                    let wins = self.fields.get(field).is_none_or(|(s, _)| *s < stamp);
                    if wins {
                        self.fields.insert(*field, (stamp.clone(), value.clone()));
                        changed = true;
                    }
                }
                changed
            }
        }
    }

    /// Whether the session exists: some field was set after the newest delete.
    #[must_use]
    pub fn live(&self) -> bool {
        let newest = self.fields.values().map(|(s, _)| s).max();
        match (newest, &self.tombstone) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(n), Some(t)) => n > t,
        }
    }

    fn value(&self, f: Field) -> Option<&Value> {
        self.fields.get(&f).map(|(_, v)| v)
    }

    /// The session as stored, if it is live and complete enough to show.
    #[must_use]
    pub fn session(&self, uuid: &str) -> Option<SyncedSession> {
        if !self.live() {
            return None;
        }
        let project = self.value(Field::Project)?.as_str()?.to_string();
        let start = self.value(Field::Start)?.as_i64()?;
        let zone = self.value(Field::Zone)?.as_str()?.to_string();
        let end = self.value(Field::End).and_then(Value::as_i64);
        let note = self
            .value(Field::Note)
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut tags: Vec<String> = self
            .value(Field::Tags)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        tags.sort();
        tags.dedup();
        Some(SyncedSession {
            uuid: uuid.to_string(),
            project,
            tags,
            note,
            start,
            // An end at or before the start cannot be stored; a record that says so
            // (a hand-edited file) leaves the session running rather than invalid.
            end: end.filter(|&e| e > start),
            zone,
        })
    }
}

/// A session as the merge decides it, in record terms (UTC unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SyncedSession {
    /// Its identity on every device.
    pub uuid: String,
    /// The project's name.
    pub project: String,
    /// Sorted tags.
    pub tags: Vec<String>,
    /// The note.
    pub note: Option<String>,
    /// Start, unix seconds.
    pub start: i64,
    /// End, unix seconds; `None` while running.
    pub end: Option<i64>,
    /// The IANA zone.
    pub zone: String,
}

/// The sessions the docs describe, ordered by start (then uuid), with the running
/// rule applied: of several running sessions only the latest runs, each earlier one
/// ends where the next running one starts (one second after its own start if both
/// start in the same second, which then shows as a conflict).
#[must_use]
pub fn sessions<'a>(docs: impl IntoIterator<Item = (&'a String, &'a Doc)>) -> Vec<SyncedSession> {
    let mut all: Vec<SyncedSession> = docs
        .into_iter()
        .filter_map(|(uuid, doc)| doc.session(uuid))
        .collect();
    all.sort_by(|a, b| (a.start, &a.uuid).cmp(&(b.start, &b.uuid)));
    let running: Vec<usize> = (0..all.len()).filter(|&i| all[i].end.is_none()).collect();
    for pair in running.windows(2) {
        let next_start = all[pair[1]].start;
        let s = &mut all[pair[0]];
        s.end = Some(next_start.max(s.start + 1));
    }
    all
}

/// Two sessions that overlap: both are kept until the user resolves it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Conflict {
    /// The session that starts first (the smaller uuid on a tie).
    pub first: String,
    /// The other.
    pub second: String,
}

/// Every pair of overlapping sessions in `sorted` (as [`sessions`] returns them).
#[must_use]
pub fn conflicts(sorted: &[SyncedSession]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, a) in sorted.iter().enumerate() {
        let a_end = a.end.unwrap_or(i64::MAX);
        for b in &sorted[i + 1..] {
            if b.start >= a_end {
                break;
            }
            out.push(Conflict {
                first: a.uuid.clone(),
                second: b.uuid.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;
    use crate::sync::hlc::Hlc;
    use crate::sync::record::{Entity, VERSION};

    fn rec(device: &str, ms: u64, op: Op, fields: &[(Field, Value)]) -> Record {
        Record {
            v: VERSION,
            device: device.into(),
            seq: ms,
            hlc: Hlc { ms, counter: 0 },
            entity: Entity::Session,
            uuid: "u".into(),
            op,
            fields: fields.iter().cloned().collect(),
        }
    }

    fn create(device: &str, ms: u64, start: i64, end: Option<i64>) -> Record {
        rec(
            device,
            ms,
            Op::Put,
            &[
                (Field::Project, json!("p")),
                (Field::Tags, json!([])),
                (Field::Note, Value::Null),
                (Field::Start, json!(start)),
                (Field::End, json!(end)),
                (Field::Zone, json!("UTC")),
            ],
        )
    }

    #[test]
    fn the_later_stamp_wins_each_field_and_ties_go_to_the_larger_device() {
        let mut d = Doc::default();
        d.apply(&create("a", 1, 100, Some(200)));
        let note_b = rec("b", 5, Op::Put, &[(Field::Note, json!("b"))]);
        let note_a = rec("a", 5, Op::Put, &[(Field::Note, json!("a"))]);
        let end = rec("a", 3, Op::Put, &[(Field::End, json!(300))]);
        for order in [[&note_b, &note_a, &end], [&end, &note_a, &note_b]] {
            let mut d = d.clone();
            for r in order {
                d.apply(r);
            }
            let s = d.session("u").unwrap();
            assert_eq!(s.note.as_deref(), Some("b"));
            assert_eq!(s.end, Some(300));
        }
        assert!(d.apply(&note_a));
        assert!(!d.apply(&note_a), "applying again is a no-op");
    }

    #[test]
    fn a_delete_wins_over_older_edits_and_a_later_put_revives() {
        let mut d = Doc::default();
        d.apply(&create("a", 1, 100, Some(200)));
        d.apply(&rec("b", 4, Op::Delete, &[]));
        d.apply(&rec("a", 3, Op::Put, &[(Field::Note, json!("old"))]));
        assert!(d.session("u").is_none());
        d.apply(&create("a", 6, 100, Some(250)));
        assert_eq!(d.session("u").unwrap().end, Some(250));
    }

    #[test]
    fn an_edit_before_its_create_waits() {
        let mut d = Doc::default();
        d.apply(&rec("b", 4, Op::Put, &[(Field::Note, json!("n"))]));
        assert!(d.session("u").is_none());
        d.apply(&create("a", 1, 100, None));
        assert_eq!(d.session("u").unwrap().note.as_deref(), Some("n"));
    }

    fn s(uuid: &str, start: i64, end: Option<i64>) -> (String, Doc) {
        let mut d = Doc::default();
        d.apply(&create("a", 1, start, end));
        (uuid.to_string(), d)
    }

    #[test]
    fn the_later_running_session_stops_the_earlier_at_its_start() {
        let docs: BTreeMap<_, _> = [s("x", 100, None), s("y", 300, None), s("z", 50, Some(90))]
            .into_iter()
            .collect();
        let all = sessions(&docs);
        let ends: Vec<_> = all.iter().map(|s| (s.uuid.as_str(), s.end)).collect();
        assert_eq!(ends, [("z", Some(90)), ("x", Some(300)), ("y", None)]);
        assert!(conflicts(&all).is_empty());
    }

    #[test]
    fn overlaps_are_kept_and_listed_touching_is_not() {
        let docs: BTreeMap<_, _> = [
            s("a", 100, Some(200)),
            s("b", 150, Some(400)),
            s("c", 200, Some(250)),
            s("d", 400, Some(500)),
        ]
        .into_iter()
        .collect();
        let all = sessions(&docs);
        assert_eq!(all.len(), 4);
        let pairs: Vec<_> = conflicts(&all)
            .into_iter()
            .map(|c| (c.first, c.second))
            .collect();
        assert_eq!(
            pairs,
            [("a".into(), "b".into()), ("b".into(), "c".into())] as [(String, String); 2]
        );
    }
}
