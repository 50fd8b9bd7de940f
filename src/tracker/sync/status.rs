//! `sync status`: this device, every device in the folder (its name, records, last
//! record and when, gaps in its sequence), what is waiting to be written, the files
//! not applied, and the open conflicts with both sides.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::super::Tracker;
use super::apply::still_overlap;
use super::not_set_up;
use crate::error::Result;
use crate::store::sync as rows;
use crate::store::{journal, sessions};
use crate::sync::folder::{self, Skipped, Why};
use crate::time;
use crate::time::range::Span;

/// One device of the sync folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceStatus {
    /// Its UUID.
    pub id: String,
    /// Its name (from its `device.json`).
    pub name: Option<String>,
    /// Whether it is this device.
    pub this: bool,
    /// The records in its whole segment files.
    pub records: u64,
    /// Its last sequence number in the folder.
    pub last_seq: u64,
    /// When its last applied record was made (RFC 3339 UTC), by its clock stamp.
    pub last_record: Option<String>,
    /// Sequence ranges missing from its files (`[first, last]`): still on the way.
    pub gaps: Vec<(u64, u64)>,
}

/// One side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictSide {
    /// The session's UUID.
    pub uuid: String,
    /// Its local id (what `edit` and `rm` take).
    pub id: i64,
    /// Its project.
    pub project: String,
    /// Start, RFC 3339 in the session's zone.
    pub start: String,
    /// End, RFC 3339, or null while running.
    pub end: Option<String>,
}

/// Two overlapping sessions, both kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncConflict {
    /// The UUIDs of both sessions.
    pub uuids: [String; 2],
    /// Both sessions.
    pub sessions: Vec<ConflictSide>,
    /// When the sync found it (RFC 3339 UTC).
    pub found: String,
}

/// What `sync status` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    /// This device.
    pub device: DeviceStatus,
    /// The sync folder.
    pub dir: PathBuf,
    /// Every device in the folder, this one too.
    pub devices: Vec<DeviceStatus>,
    /// Changes made here and not yet in the folder (journal entries and queued records).
    pub pending: u64,
    /// Files not applied, with why.
    pub skipped: Vec<SkippedFile>,
    /// Open conflicts.
    pub conflicts: Vec<SyncConflict>,
}

/// A file not applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedFile {
    /// `<device>/<file>` under the folder's `otium-sync/v1`.
    pub file: String,
    /// Why, in English (JSON is the same in every language).
    pub why: String,
    /// Why, in any language.
    #[serde(skip)]
    pub reason: Why,
}

impl From<Skipped> for SkippedFile {
    fn from(s: Skipped) -> Self {
        SkippedFile {
            file: s.file,
            why: s.why,
            reason: s.reason,
        }
    }
}

pub(super) fn gaps(mut ranges: Vec<(u64, u64)>) -> (u64, Vec<(u64, u64)>) {
    ranges.sort_unstable();
    let mut next = 1;
    let mut out = Vec::new();
    for (first, last) in ranges {
        if first > next {
            out.push((next, first - 1));
        }
        next = next.max(last + 1);
    }
    (next - 1, out)
}

impl Tracker {
    /// The open conflicts: overlapping sessions a sync found that still overlap.
    pub fn sync_conflicts(&self) -> Result<Vec<SyncConflict>> {
        let db = self.reader();
        let mut out = Vec::new();
        let conflicts = rows::conflicts(db)?;
        if conflicts.is_empty() {
            return Ok(out);
        }
        let reach = rows::longest_session(db)?;
        for (a, b, found) in conflicts {
            if !still_overlap(db, &a, &b, reach)? {
                continue;
            }
            let mut sides = Vec::new();
            for uuid in [&a, &b] {
                if let Some(id) = journal::session_by_uuid(db, uuid)?
                    && let Some(s) = sessions::by_id(db, id)?
                {
                    let side = ConflictSide {
                        uuid: s.uuid.clone(),
                        id: s.id.get(),
                        project: s.project.clone(),
                        start: time::rfc3339_in(s.zone, s.start),
                        end: s.end.map(|e| time::rfc3339_in(s.zone, e)),
                    };
                    sides.push((s.start, side));
                }
            }
            // The earlier session first, the UUID breaking a tie: the same order on
            // every device, whatever order the records came in.
            sides.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.uuid.cmp(&y.uuid)));
            let sides: Vec<ConflictSide> = sides.into_iter().map(|(_, side)| side).collect();
            out.push(SyncConflict {
                uuids: [a, b],
                sessions: sides,
                found: time::rfc3339_in(chrono_tz::UTC, time::from_unix(found)),
            });
        }
        Ok(out)
    }

    /// How many open conflicts have a side sharing time with `span`: what a report
    /// of that range must mention. One read of an empty table when nothing conflicts
    /// (or the database does not sync).
    pub fn sync_conflicts_in(&self, span: Span) -> Result<usize> {
        let db = self.reader();
        let conflicts = rows::conflicts(db)?;
        if conflicts.is_empty() {
            return Ok(0);
        }
        let reach = rows::longest_session(db)?;
        let mut count = 0;
        for (a, b, _) in conflicts {
            if !still_overlap(db, &a, &b, reach)? {
                continue;
            }
            let mut inside = false;
            for uuid in [&a, &b] {
                if let Some(id) = journal::session_by_uuid(db, uuid)?
                    && let Some(s) = sessions::by_id(db, id)?
                {
                    let ends_after_from = span.from.is_none_or(|f| s.end.is_none_or(|e| e > f));
                    let starts_before_to = span.to.is_none_or(|t| s.start < t);
                    inside |= ends_after_from && starts_before_to;
                }
            }
            count += usize::from(inside);
        }
        Ok(count)
    }

    /// Devices, pending changes, skipped files and conflicts of the sync folder.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let db = self.reader();
        let dev = rows::device(db)?.ok_or_else(not_set_up)?;
        let dir = PathBuf::from(&dev.dir);
        let (segments, other) = folder::list(&dir)?;
        let applied = rows::applied_segments(db)?;
        let mut skipped: Vec<SkippedFile> = other.into_iter().map(Into::into).collect();
        let mut ranges: BTreeMap<String, Vec<(u64, u64)>> = BTreeMap::new();
        for s in &segments {
            let key = format!("{}/{}", s.device, s.name);
            let whole = s.device == dev.device
                || applied.contains(&key)
                || folder::read_segment(&s.device, &s.name, &s.path)
                    .map_err(|why| {
                        skipped.push(Skipped::new(key.clone(), why).into());
                    })
                    .is_ok();
            if whole && let Some(r) = folder::parse_segment_name(&s.name) {
                ranges.entry(s.device.clone()).or_default().push(r);
            }
        }
        let peers: BTreeMap<String, rows::Peer> = rows::peers(db)?
            .into_iter()
            .map(|p| (p.device.clone(), p))
            .collect();
        let stamp_time = |ms: u64| {
            let secs = i64::try_from(ms / 1000).unwrap_or(0);
            time::rfc3339_in(chrono_tz::UTC, time::from_unix(secs))
        };
        let mut names: Vec<String> = ranges.keys().cloned().collect();
        for p in peers.keys().chain(std::iter::once(&dev.device)) {
            if !names.contains(p) {
                names.push(p.clone());
            }
        }
        names.sort();
        let mut devices = Vec::new();
        for id in names {
            let (last_seq, gap_list) = gaps(ranges.remove(&id).unwrap_or_default());
            let this = id == dev.device;
            let records = if this {
                dev.seq
            } else {
                peers.get(&id).map_or(0, |p| p.records)
            };
            let last_record = if this {
                (dev.seq > 0).then(|| stamp_time(dev.hlc.ms))
            } else {
                peers.get(&id).map(|p| stamp_time(p.last_hlc.ms))
            };
            devices.push(DeviceStatus {
                name: folder::device_name(&dir, &id),
                this,
                records,
                last_seq: if this { dev.seq } else { last_seq },
                last_record,
                gaps: gap_list,
                id,
            });
        }
        let device = devices
            .iter()
            .find(|d| d.this)
            .cloned()
            .unwrap_or_else(|| DeviceStatus {
                id: dev.device.clone(),
                name: Some(dev.name.clone()),
                this: true,
                records: dev.seq,
                last_seq: dev.seq,
                last_record: None,
                gaps: Vec::new(),
            });
        let unexported = rows::journal_after(db, dev.exported)?
            .iter()
            .filter(|(_, _, verb, _)| verb != "dropped")
            .count();
        let pending = u64::try_from(unexported + rows::outbox(db)?.len()).unwrap_or(0);
        skipped.sort_by(|a, b| a.file.cmp(&b.file));
        Ok(SyncStatus {
            device,
            dir,
            devices,
            pending,
            skipped,
            conflicts: self.sync_conflicts()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::gaps;

    #[test]
    fn gaps_are_the_missing_ranges_and_overlapping_segments_are_fine() {
        assert_eq!(gaps(vec![]), (0, vec![]));
        assert_eq!(gaps(vec![(1, 5), (3, 8)]), (8, vec![]));
        assert_eq!(
            gaps(vec![(9, 9), (1, 2), (5, 6)]),
            (9, vec![(3, 4), (7, 8)])
        );
    }
}
