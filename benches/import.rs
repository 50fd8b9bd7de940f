//! Benchmark of `otium import` (issue 21): a CSV of the seeded history imported into a
//! new database through `Tracker::import`, the engine `otium import csv FILE` runs
//! (its checks, its one transaction, its journal entry, the per-project totals).
//!
//! Real numbers: `cargo bench --bench import` (100_000 sessions, about a second an
//! iteration on 2 cores); other sizes with `OTIUM_BENCH_SIZES=1000000` (each iteration
//! then writes a ~370 MB database into the temporary directory and deletes it).
//! Under `cargo test --all-targets` (divan's test mode) it runs once at 1_000 sessions.
//!
//! The file is the one `examples/seed.rs` writes (`examples/seed/planner.rs`, seed 1,
//! otium CSV without `id`/`uuid`, so every key is a content key), written once per
//! size before sampling. Every iteration imports it into a fresh database file in the
//! temporary directory (creating the file and its schema is part of the measure, as
//! for a user's first `otium import`), and the database is deleted after the sample.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use divan::Bencher;

#[path = "common/sizes.rs"]
mod bench_sizes;
#[path = "../examples/seed/import_file.rs"]
mod import_file;
#[path = "../examples/seed/planner.rs"]
mod planner;

/// The zone the seed records sessions in.
const ZONE: Tz = chrono_tz::Europe::Berlin;
/// Sessions in the test-mode run (no `OTIUM_BENCH_SIZES`, `cargo test`).
const TEST_SIZES: [usize; 1] = [1_000];
/// Sessions in a `cargo bench` run without `OTIUM_BENCH_SIZES`.
const BENCH_SIZES: [usize; 1] = [100_000];

fn main() {
    divan::main();
    // Statics are never dropped, so remove the temporary directory by hand.
    let dir = DIR.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(dir);
}

/// `otium import csv FILE` of `size` sessions into a new database.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn import_csv(bencher: Bencher, size: usize) {
    let file = csv(size);
    bencher.with_inputs(|| Fresh::new(size)).bench_values(|db| {
        let summary = import_file::import(&db.0, &file, ZONE, now())
            .unwrap_or_else(|e| panic!("cannot import {}: {e}", file.display()));
        assert_eq!(summary.imported, size as u64, "only part was imported");
        // Returned, so the files are removed after the sample is timed.
        db
    });
}

/// "Now" for every import: after the last seeded session.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A database path not used before; its files are removed when it is dropped.
struct Fresh(PathBuf);

impl Fresh {
    fn new(size: usize) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        Fresh(dir().join(format!("import-{size}-{n}.db")))
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = self.0.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(path));
        }
    }
}

/// The seed's CSV of `size` sessions, written on first use.
fn csv(size: usize) -> PathBuf {
    let path = dir().join(format!("sessions-{size}.csv"));
    if !path.exists() {
        write(&path, size);
    }
    path
}

fn write(path: &Path, count: usize) {
    let mut rng = planner::Rng::new(1);
    let plan = planner::plan_sessions(count, &mut rng);
    let history = plan
        .iter()
        .map(|interval| planner::session(&mut rng, *interval, ZONE));
    import_file::write_csv(path, history)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The sizes to run: `OTIUM_BENCH_SIZES`, else by divan's mode (`common/sizes.rs`).
fn sizes() -> Vec<usize> {
    bench_sizes::sizes(&BENCH_SIZES, &TEST_SIZES)
}

/// The temporary directory holding the CSV files and the databases.
static DIR: Mutex<Option<tempfile::TempDir>> = Mutex::new(None);

fn dir() -> PathBuf {
    let mut dir = DIR.lock().unwrap_or_else(|e| e.into_inner());
    if dir.is_none() {
        *dir = Some(
            tempfile::Builder::new()
                .prefix("otium-bench-import-")
                .tempdir()
                .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}")),
        );
    }
    match dir.as_ref() {
        Some(dir) => dir.path().to_path_buf(),
        None => unreachable!("the directory was just created"),
    }
}
