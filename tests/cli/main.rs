//! CLI integration tests: the real binary on a temp database, clock and zone pinned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod answers;
mod capture;
mod concurrency;
mod conventions;
mod dividend;
mod doctor;
mod env;
mod errors;
mod export;
mod faces;
#[path = "../harness/mod.rs"]
mod harness;
mod ids;
mod import;
mod import_formats;
mod import_formats_text;
mod import_sync;
mod injection;
mod journal;
mod limits;
mod missing_db;
mod outfiles;
mod output;
mod permissions;
mod pty;
mod reminders;
mod report;
mod spoofing;
mod sync;
mod wal;
mod zones;
