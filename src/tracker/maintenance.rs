//! `doctor` and `backup`: the health checks and the consistent copy, behind the
//! tracker so the faces never reach into the store.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::store::maintenance;
use crate::tracker::Tracker;

pub use crate::store::maintenance::{Check, Report as DoctorReport, Status as CheckStatus};

impl Tracker {
    /// Checks the files, SQLite's settings, the schema, integrity (every page with
    /// `full`, else `quick_check`) and the session rules; `config` is the config file
    /// in use, whose mode is checked too. Only reads.
    #[must_use]
    pub fn doctor(&self, config: Option<&Path>, full: bool) -> DoctorReport {
        let mut report = maintenance::doctor(&self.store, config, full);
        // The sync folder's checks (none when this database does not sync).
        report.checks.extend(self.sync_checks());
        let ok = report.problems().next().is_none();
        report.ok = ok;
        report
    }

    /// Rebuilds the derived per-project totals (what full-history reports read) from
    /// the sessions, in one write transaction; returns how many projects' totals were
    /// wrong before. `doctor --fix` runs it.
    pub fn rebuild_totals(&mut self) -> Result<usize> {
        self.store.write(crate::store::totals::rebuild)
    }

    /// Copies the database to `target` (which must not exist) while it stays in use;
    /// returns the size written.
    pub fn backup(&self, target: &Path) -> Result<u64> {
        maintenance::backup(&self.store, target)
    }

    /// Moves every committed page from the write-ahead log into the database file and
    /// empties the log: `(busy, log frames, checkpointed frames)`, with busy 1 when
    /// another connection's open read or write blocked it (which is how tests prove
    /// the TUI holds no transaction between frames).
    pub fn checkpoint_truncate(&self) -> Result<(i64, i64, i64)> {
        self.store.checkpoint_truncate()
    }

    /// Like [`Tracker::backup`] to `base`, or, when that exists, to the next free
    /// name (`…-2.db`, `…-3.db`); returns the path and the size written.
    pub fn backup_to_free_name(&self, base: &Path) -> Result<(PathBuf, u64)> {
        maintenance::backup_to_free_name(&self.store, base)
    }
}
