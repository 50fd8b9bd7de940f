//! CLI integration tests: the real binary on a temp database, clock and zone pinned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod capture;
mod concurrency;
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
mod injection;
mod journal;
mod limits;
mod output;
mod permissions;
mod pty;
mod reminders;
mod report;
mod zones;
