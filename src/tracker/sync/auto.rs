//! Automatic sync: `[sync] auto = true` in the CLI, and the TUI's refresh tick. A
//! whole `sync` runs only when it has something to do: this device has changes not in
//! the folder yet (a journal entry not exported, records queued in the outbox), or the
//! folder changed since the last look. "Changed" is the stat-only stamp of
//! `crate::sync::watch`, kept in memory and in a small file of otium's own beside the
//! database (`<database>.sync-seen`), so a command with nothing to do reads one row
//! and stats a few folders, whatever the size of the history.

use std::path::{Path, PathBuf};

use super::SyncReport;
use crate::error::Result;
use crate::store::sync as rows;
use crate::sync::watch;
use crate::tracker::Tracker;

/// Where the last stamp is kept between commands (none for an in-memory database).
fn seen_file(db: &Path) -> Option<PathBuf> {
    let name = db.file_name()?.to_str()?;
    (db != Path::new(":memory:")).then(|| db.with_file_name(format!("{name}.sync-seen")))
}

impl Tracker {
    /// Syncs if there is something to sync: when `own`, this device's changes not yet
    /// in the folder; always, the other devices' records when the folder changed since
    /// the last look. `Ok(None)` when nothing was done (or the database does not sync);
    /// an error when the folder could not be read or written: nothing is lost, the
    /// next sync catches up.
    pub fn sync_if_changed(&mut self, own: bool) -> Result<Option<SyncReport>> {
        let Some(dev) = rows::device(self.reader())? else {
            return Ok(None);
        };
        let pending = own
            && (rows::last_journal_id(self.reader())? > dev.exported
                || rows::has_outbox(self.reader())?);
        let file = seen_file(self.db_path());
        if self.sync_seen.is_none() {
            self.sync_seen = file.as_ref().and_then(|f| std::fs::read_to_string(f).ok());
        }
        let dir = PathBuf::from(&dev.dir);
        let watched = self
            .sync_seen
            .as_deref()
            .map(watch::files_in)
            .unwrap_or_default();
        // Taken before the sync reads the folder: a file arriving during the sync
        // changes the folder after this stamp, so the next look sees it.
        let before = watch::stamp(&dir, &dev.device, &watched, crate::time::file_clock());
        let unchanged = match &before {
            Ok(s) => self.sync_seen.as_deref() == Some(s.text.as_str()),
            // An unreadable folder: only a change of ours makes it worth a try.
            Err(_) => true,
        };
        if unchanged && !pending {
            return Ok(None);
        }
        let report = self.sync()?;
        // What was not applied is watched by size and time too, then the stamp is kept
        // if every time in it is old enough to trust.
        let skipped: Vec<String> = report.skipped.iter().map(|s| s.file.clone()).collect();
        let after = watch::stamp(&dir, &dev.device, &skipped, crate::time::file_clock());
        let keep = match (before, after) {
            (Ok(b), Ok(a)) if b.settled && a.settled => {
                // The folders as they were before the sync, the skipped files as now.
                let files: String = a
                    .text
                    .lines()
                    .filter(|l| l.starts_with("file "))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let dirs: String = b
                    .text
                    .lines()
                    .filter(|l| l.starts_with("dir "))
                    .map(|l| format!("{l}\n"))
                    .collect();
                Some(dirs + &files)
            }
            _ => None,
        };
        self.remember_seen(keep, file.as_deref());
        Ok(Some(report))
    }

    /// Keeps `stamp` (or forgets the last one, so the next look syncs) in memory and
    /// in `file`. A file that cannot be written only costs a sync next time.
    fn remember_seen(&mut self, stamp: Option<String>, file: Option<&Path>) {
        self.sync_seen.clone_from(&stamp);
        let Some(file) = file else { return };
        match stamp {
            Some(text) => {
                let folder = match file.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                // Named as otium's other temp files, so `doctor` reports one a crash left.
                let tmp = tempfile::Builder::new()
                    .prefix(".otium-")
                    .suffix(".tmp")
                    .tempfile_in(folder);
                let written = tmp.and_then(|mut tmp| {
                    std::io::Write::write_all(&mut tmp, text.as_bytes())?;
                    tmp.persist(file).map(drop).map_err(|e| e.error)
                });
                if written.is_err() {
                    let _ = std::fs::remove_file(file);
                }
            }
            None => {
                let _ = std::fs::remove_file(file);
            }
        }
    }
}
