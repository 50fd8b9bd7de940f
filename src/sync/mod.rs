//! Sync through a folder the user already syncs (Syncthing, Dropbox, a USB stick, git):
//! each device appends change records to its own files there and applies everyone's
//! records in one deterministic order, so every device converges without a server.
//!
//! - `hlc.rs`: the hybrid logical clock that stamps records;
//! - `record.rs`: one record, one JSON line;
//! - `folder.rs`: the files (per-device segments, written by temp name and rename;
//!   damaged or incomplete files are skipped and reported);
//! - `merge.rs`: last-writer-wins per field, tombstones, the running rule, conflicts;
//! - `git.rs`: git mode (commit own files, pull, push with the user's git).
//! - `watch.rs`: the stat-only "has the folder changed" check of automatic sync.
//!
//! Everything here is free of the database: `tracker/sync.rs` joins it to the store.

pub mod folder;
pub mod git;
pub mod hlc;
pub mod merge;
pub mod record;
pub mod watch;

#[cfg(test)]
mod convergence;
