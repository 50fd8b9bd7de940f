//! Merged sessions into the sessions table: each session another device's records
//! touched is set to what the merge says (created with a new local id, changed or
//! removed), the running rule is applied (the later start runs; the earlier session
//! ends at that start, written as a record of this device so every device agrees
//! even after later changes), and new overlaps are recorded as conflicts.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{Run, to_session};
use crate::error::Result;
use crate::model::{Session, SessionId};
use crate::store::sync as rows;
use crate::store::{journal, sessions};
use crate::sync::folder::{Skipped, Why};
use crate::sync::merge::SyncedSession;
use crate::sync::record::{Field, Op};

/// One touched session: what is stored and what the merge says.
struct Target {
    uuid: String,
    current: Option<Session>,
    merged: Option<SyncedSession>,
}

impl Run<'_> {
    /// Writes the touched sessions; returns how many changed and how many running
    /// sessions were stopped by the running rule.
    pub(super) fn materialize(&mut self, now: DateTime<Utc>) -> Result<(usize, usize)> {
        let mut targets = Vec::new();
        for uuid in std::mem::take(&mut self.touched) {
            let current = match journal::session_by_uuid(self.tx, &uuid)? {
                Some(id) => sessions::by_id(self.tx, id)?,
                None => None,
            };
            let merged = rows::doc(self.tx, &uuid)?.session(&uuid);
            targets.push(Target {
                uuid,
                current,
                merged,
            });
        }
        let stopped = self.running_rule(&mut targets)?;
        // Removals and stops first, the running session last: the table holds at most
        // one running session at every step.
        targets.sort_by_key(|t| t.merged.as_ref().map(|m| m.end.is_none()));
        let at = now.timestamp();
        let mut changed = 0;
        for t in &targets {
            let id = t.current.as_ref().map_or(SessionId::new(0), |c| c.id);
            let wanted = match &t.merged {
                None => None,
                Some(m) => match to_session(m, id) {
                    Some(s) => Some(s),
                    None => {
                        self.skipped.push(Skipped::new(
                            format!("session {}", t.uuid),
                            Why::keyed("sync-why-unknown-zone", vec![("zone", m.zone.clone())]),
                        ));
                        continue;
                    }
                },
            };
            match (&t.current, wanted) {
                (None, None) => {}
                (Some(c), None) => {
                    sessions::delete(self.tx, c.id)?;
                    changed += 1;
                }
                (None, Some(w)) => {
                    rows::insert_synced(self.tx, &w, at)?;
                    changed += 1;
                }
                (Some(c), Some(w)) => {
                    if *c != w {
                        rows::update_synced(self.tx, &w, at)?;
                        changed += 1;
                    }
                }
            }
        }
        self.record_conflicts(&targets, at)?;
        Ok((changed, stopped))
    }

    /// Of all running sessions (touched ones as merged, and the stored running one),
    /// each but the latest ends where the next one starts, as a record of this device.
    fn running_rule(&mut self, targets: &mut [Target]) -> Result<usize> {
        let mut running: Vec<(i64, String)> = targets
            .iter()
            .filter_map(|t| t.merged.as_ref())
            .filter(|m| m.end.is_none())
            .map(|m| (m.start, m.uuid.clone()))
            .collect();
        let stored = sessions::running(self.tx)?;
        if let Some(s) = &stored
            && !targets.iter().any(|t| t.uuid == s.uuid)
        {
            running.push((s.start.timestamp(), s.uuid.clone()));
        }
        running.sort();
        let mut stopped = 0;
        for pair in running.windows(2) {
            let (start, uuid) = &pair[0];
            let end = pair[1].0.max(start + 1);
            let wall = self.wall_ms;
            self.emit(wall, uuid, Op::Put, vec![(Field::End, json!(end))])?;
            stopped += 1;
            if let Some(t) = targets.iter_mut().find(|t| &t.uuid == uuid) {
                if let Some(m) = &mut t.merged {
                    m.end = Some(end);
                }
            } else if let Some(s) = &stored {
                let mut s = s.clone();
                s.end = Some(crate::time::from_unix(end));
                rows::update_synced(self.tx, &s, self.wall_ms_secs())?;
            }
        }
        Ok(stopped)
    }

    fn wall_ms_secs(&self) -> i64 {
        i64::try_from(self.wall_ms / 1000).unwrap_or(0)
    }

    /// Records every overlap of a touched session; forgets conflicts that were
    /// resolved (a side removed, or edited so they no longer overlap).
    fn record_conflicts(&mut self, targets: &[Target], at: i64) -> Result<()> {
        let reach = rows::longest_session(self.tx)?;
        for t in targets {
            let Some(m) = &t.merged else { continue };
            for other in rows::overlapping_uuids(self.tx, &m.uuid, m.start, m.end, reach)? {
                let (a, b) = if m.uuid < other {
                    (m.uuid.as_str(), other.as_str())
                } else {
                    (other.as_str(), m.uuid.as_str())
                };
                rows::add_conflict(self.tx, a, b, at)?;
            }
        }
        for (a, b, _) in rows::conflicts(self.tx)? {
            if !still_overlap(self.tx, &a, &b, reach)? {
                rows::drop_conflict(self.tx, &a, &b)?;
            }
        }
        Ok(())
    }
}

/// Whether sessions `a` and `b` both exist and still share time; `reach` is
/// [`rows::longest_session`], read once by the caller (it reads every session).
pub(super) fn still_overlap(
    db: crate::store::Db<'_>,
    a: &str,
    b: &str,
    reach: i64,
) -> Result<bool> {
    let Some(id) = journal::session_by_uuid(db, a)? else {
        return Ok(false);
    };
    let Some(s) = sessions::by_id(db, id)? else {
        return Ok(false);
    };
    let others = rows::overlapping_uuids(
        db,
        a,
        s.start.timestamp(),
        s.end.map(|e| e.timestamp()),
        reach,
    )?;
    Ok(others.iter().any(|o| o == b))
}
