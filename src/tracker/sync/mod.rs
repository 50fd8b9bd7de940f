//! Sync through a folder: `sync_init` joins this database to a sync folder, `sync`
//! turns this device's new journal entries into records and applies the other
//! devices' new records, in one write transaction. The merge itself is
//! `crate::sync`; this file joins it to the store. The records made are queued in an
//! outbox inside the transaction and written as a segment after it commits, so a
//! crash at any point loses nothing: the next sync writes the same segment again.
//!
//! - `apply.rs`: merged sessions into the sessions table, the running rule, conflicts;
//! - `status.rs`: `sync status`;
//! - `doctor.rs`: what `doctor` checks in the sync folder;
//! - `auto.rs`: automatic sync (`[sync] auto`, the TUI): a sync only when the folder
//!   changed or this device has changes not in it yet.

mod apply;
mod auto;
mod doctor;
mod status;

pub use status::{ConflictSide, DeviceStatus, SyncConflict, SyncStatus};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::super::Tracker;
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::model::Session;
use crate::store::sync::{self as rows, Device, Peer};
use crate::store::{Db, journal, sessions};
use crate::sync::folder::{self, DeviceInfo, Skipped};
use crate::sync::git;
use crate::sync::hlc::{Hlc, HlcClock};
use crate::sync::merge::SyncedSession;
use crate::sync::record::{Entity, Field, Op, Record, VERSION};
use crate::time::{self, from_unix};

/// What one `otium sync` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Records this device wrote.
    pub written: usize,
    /// Records of other devices applied (that changed something or not).
    pub applied: usize,
    /// Sessions created, changed or removed here by them.
    pub changed: usize,
    /// Running sessions stopped because another device started a later one.
    pub stopped: usize,
    /// Files not applied (incomplete, damaged, foreign), with why.
    pub skipped: Vec<Skipped>,
    /// Conflicts (overlapping sessions) now open.
    pub conflicts: usize,
    /// Whether the folder is a git work tree (git mode: commit, pull, push).
    pub git: bool,
    /// What went wrong on the way to the other devices (a failed pull or push): the
    /// records are safe here and go out at the next sync.
    pub warnings: Vec<crate::sync::git::GitFailure>,
}

/// The device's working state during one sync.
struct Run<'a> {
    tx: Db<'a>,
    dev: Device,
    clock: HlcClock,
    wall_ms: u64,
    touched: BTreeSet<String>,
    skipped: Vec<Skipped>,
}

impl Run<'_> {
    /// Makes a record of this device, applies it to the merge state and queues it.
    fn emit(
        &mut self,
        wall_ms: u64,
        uuid: &str,
        op: Op,
        fields: Vec<(Field, Value)>,
    ) -> Result<()> {
        self.dev.seq += 1;
        let r = Record {
            v: VERSION,
            device: self.dev.device.clone(),
            seq: self.dev.seq,
            hlc: self.clock.tick(wall_ms),
            entity: Entity::Session,
            uuid: uuid.to_string(),
            op,
            fields: fields.into_iter().collect(),
        };
        let mut doc = rows::doc(self.tx, uuid)?;
        doc.apply(&r);
        rows::set_doc(self.tx, uuid, &doc)?;
        rows::push_outbox(self.tx, r.seq, &r.to_line())
    }

    /// The record of a session going from `from` to `to` (`None`: not existing).
    fn change(&mut self, at_ms: u64, from: Option<&Session>, to: Option<&Session>) -> Result<()> {
        match (from, to) {
            (_, None) => match from {
                Some(f) => self.emit(at_ms, &f.uuid, Op::Delete, vec![]),
                None => Ok(()),
            },
            (None, Some(t)) => self.emit(at_ms, &t.uuid, Op::Put, all_fields(t)),
            (Some(f), Some(t)) => {
                let before = all_fields(f);
                let changed: Vec<_> = all_fields(t)
                    .into_iter()
                    .filter(|field| !before.contains(field))
                    .collect();
                if changed.is_empty() {
                    return Ok(());
                }
                self.emit(at_ms, &t.uuid, Op::Put, changed)
            }
        }
    }

    /// Turns the journal entries after the last exported one into records.
    fn export_journal(&mut self) -> Result<usize> {
        let start = self.dev.seq;
        for (id, at, verb, target) in rows::journal_after(self.tx, self.dev.exported)? {
            let at_ms = u64::try_from(at).unwrap_or(0).saturating_mul(1000);
            // An undo applies its target's changes backwards, a redo forwards.
            let (source, backwards) = match (verb.as_str(), target) {
                ("undo", Some(t)) => (t, true),
                ("redo", Some(t)) => (t, false),
                _ => (id, false),
            };
            let mut changes = journal::changes(self.tx, source)?;
            if backwards {
                changes.reverse();
            }
            for c in &changes {
                let (from, to) = if backwards {
                    (&c.after, &c.before)
                } else {
                    (&c.before, &c.after)
                };
                self.change(at_ms, from.as_ref(), to.as_ref())?;
            }
            self.dev.exported = id;
        }
        Ok(usize::try_from(self.dev.seq - start).unwrap_or(0))
    }
}

/// Every field of a session, as a create record carries them.
fn all_fields(s: &Session) -> Vec<(Field, Value)> {
    vec![
        (Field::Project, json!(s.project)),
        (Field::Tags, json!(s.tags)),
        (Field::Note, json!(s.note)),
        (Field::Start, json!(s.start.timestamp())),
        (Field::End, json!(s.end.map(|e| e.timestamp()))),
        (Field::Zone, json!(s.zone.name())),
    ]
}

fn not_set_up() -> Error {
    Error::keyed(ErrorKind::NotFound, "sync-error-not-set-up", vec![]).with_hint(Hint::SyncInit)
}

impl Tracker {
    /// Makes this database a device of the sync folder `dir` (created if missing,
    /// joined if other devices are there) named `name`, and exports its history.
    pub fn sync_init(&mut self, dir: &Path, name: Option<&str>) -> Result<SyncReport> {
        if let Some(dev) = rows::device(self.reader())? {
            return Err(Error::keyed(
                ErrorKind::Conflict,
                "sync-error-already",
                vec![("dir", dev.dir), ("name", dev.name), ("device", dev.device)],
            ));
        }
        if dir.exists() && !dir.is_dir() {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "sync-error-not-a-folder",
                vec![("path", dir.display().to_string())],
            ));
        }
        let name = name.map(str::trim).unwrap_or_default();
        if name.chars().any(char::is_control) {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "sync-error-device-name",
                vec![],
            ));
        }
        std::fs::create_dir_all(dir).map_err(|e| folder::io("create", dir, &e))?;
        let dir = dir
            .canonicalize()
            .map_err(|e| folder::io("read", dir, &e))?;
        let device = uuid::Uuid::new_v4().to_string();
        let name = if name.is_empty() {
            format!("device-{}", &device[..8])
        } else {
            name.to_string()
        };
        let now = self.now();
        let info = DeviceInfo {
            name: name.clone(),
            created: time::rfc3339_in(chrono_tz::UTC, now),
            otium: env!("CARGO_PKG_VERSION").to_string(),
        };
        folder::create_device(&dir, &device, &info)?;
        let dir_text = dir.to_string_lossy().into_owned();
        let history = self.store.write(|tx| {
            let mut run = Run {
                tx,
                dev: Device {
                    device: device.clone(),
                    name,
                    dir: dir_text,
                    seq: 0,
                    hlc: Hlc::default(),
                    exported: rows::last_journal_id(tx)?,
                },
                clock: HlcClock::default(),
                wall_ms: wall_ms(now),
                touched: BTreeSet::new(),
                skipped: Vec::new(),
            };
            // The history so far, one create per session, at this moment.
            for id in rows::all_session_ids(tx)? {
                if let Some(s) = sessions::by_id(tx, id)? {
                    let at = run.wall_ms;
                    run.emit(at, &s.uuid, Op::Put, all_fields(&s))?;
                }
            }
            run.dev.hlc = run.clock.last();
            rows::set_device(tx, &run.dev)?;
            Ok(usize::try_from(run.dev.seq).unwrap_or(0))
        })?;
        let mut report = self.sync()?;
        report.written += history;
        Ok(report)
    }

    /// Writes this device's new changes to the sync folder and applies the other
    /// devices' new records. With nothing new it lists the folder and writes nothing.
    pub fn sync(&mut self) -> Result<SyncReport> {
        let dev = rows::device(self.reader())?.ok_or_else(not_set_up)?;
        let dir = PathBuf::from(&dev.dir);
        let git = git::is_work_tree(&dir);
        let own = format!("{}/{}/{}", folder::ROOT, folder::LAYOUT, dev.device);
        let mut warnings = Vec::new();
        if git {
            // What an earlier sync wrote but could not commit, then the others' files.
            if let Err(e) = git::commit_own(&dir, &own, &dev.name) {
                warnings.push(e);
            }
            if let Err(e) = git::pull(&dir) {
                warnings.push(e);
            }
        }
        let (segments, mut skipped) = folder::list(&dir)?;
        let applied = rows::applied_segments(self.reader())?;
        let fresh: Vec<_> = segments
            .into_iter()
            .filter(|s| {
                s.device != dev.device && !applied.contains(&format!("{}/{}", s.device, s.name))
            })
            .collect();
        let journal_new = rows::last_journal_id(self.reader())? > dev.exported;
        let queued = !rows::outbox(self.reader())?.is_empty();
        let mut report = SyncReport::default();
        if !fresh.is_empty() || journal_new {
            let now = self.now();
            report = self.store.write(|tx| {
                let mut run = Run {
                    tx,
                    clock: HlcClock::new(dev.hlc),
                    dev: dev.clone(),
                    wall_ms: wall_ms(now),
                    touched: BTreeSet::new(),
                    skipped: Vec::new(),
                };
                let mut report = SyncReport {
                    written: run.export_journal()?,
                    ..SyncReport::default()
                };
                for seg in &fresh {
                    match folder::read_segment(&seg.device, &seg.name, &seg.path) {
                        Ok(records) => {
                            run.apply_segment(&records)?;
                            report.applied += records.len();
                            rows::mark_segment(tx, &seg.device, &seg.name)?;
                        }
                        Err(why) => run
                            .skipped
                            .push(Skipped::new(format!("{}/{}", seg.device, seg.name), why)),
                    }
                }
                let before = run.dev.seq;
                let (changed, stopped) = run.materialize(now)?;
                report.changed = changed;
                report.stopped = stopped;
                report.skipped = std::mem::take(&mut run.skipped);
                report.written += usize::try_from(run.dev.seq - before).unwrap_or(0);
                run.dev.hlc = run.clock.last();
                rows::set_device(tx, &run.dev)?;
                Ok(report)
            })?;
        }
        if queued || report.written > 0 {
            self.flush_outbox(&dir, &dev.device)?;
        }
        if git {
            match git::commit_own(&dir, &own, &dev.name) {
                Ok(_) => {
                    if let Err(e) = git::push(&dir) {
                        warnings.push(e);
                    }
                }
                Err(e) => warnings.push(e),
            }
        }
        report.git = git;
        report.warnings = warnings;
        report.conflicts = self.sync_conflicts()?.len();
        skipped.append(&mut report.skipped);
        skipped.sort_by(|a, b| a.file.cmp(&b.file));
        report.skipped = skipped;
        Ok(report)
    }

    /// Writes the queued records as one segment, then drops them from the queue.
    fn flush_outbox(&mut self, dir: &Path, device: &str) -> Result<()> {
        let lines = rows::outbox(self.reader())?;
        let (Some(&(first, _)), Some(&(last, _))) = (lines.first(), lines.last()) else {
            return Ok(());
        };
        let own = folder::devices_dir(dir).join(device);
        let text: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
        folder::write_lines(&own, first, last, &text)?;
        self.store.write(|tx| rows::clear_outbox(tx, last))
    }
}

fn wall_ms(now: chrono::DateTime<chrono::Utc>) -> u64 {
    u64::try_from(now.timestamp_millis()).unwrap_or(0)
}

impl Run<'_> {
    /// Applies one whole segment of another device to the merge state.
    fn apply_segment(&mut self, records: &[Record]) -> Result<()> {
        let Some(last) = records.last() else {
            return Ok(());
        };
        for r in records {
            self.clock.observe(r.hlc);
            let mut doc = rows::doc(self.tx, &r.uuid)?;
            if doc.apply(r) {
                rows::set_doc(self.tx, &r.uuid, &doc)?;
                self.touched.insert(r.uuid.clone());
            }
        }
        rows::note_peer(
            self.tx,
            &Peer {
                device: last.device.clone(),
                records: u64::try_from(records.len()).unwrap_or(0),
                last_seq: last.seq,
                last_hlc: records.iter().map(|r| r.hlc).max().unwrap_or_default(),
            },
        )
    }
}

/// A merged session as a stored one (its local id filled in by the caller).
fn to_session(s: &SyncedSession, id: crate::model::SessionId) -> Option<Session> {
    Some(Session {
        id,
        uuid: s.uuid.clone(),
        project: s.project.clone(),
        tags: s.tags.clone(),
        note: s.note.clone(),
        start: from_unix(s.start),
        end: s.end.map(from_unix),
        zone: time::zone_named(&s.zone)?,
    })
}
