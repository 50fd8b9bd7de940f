//! Benchmarks of the whole-history range verbs as a user runs them: `otium balance
//! --all` and `otium limits --all` as whole processes of the real binary (start,
//! open, the one pass over every session, every line printed), with divan.
//!
//! Real numbers: `OTIUM_BENCH_SIZES=100000,1000000 cargo bench --bench ranges`
//! (seeding 1M sessions takes about a minute; each 1M run about 0.2 s).
//!
//! Sizes come from `OTIUM_BENCH_SIZES` (a comma list, `_` separators allowed); unset,
//! `cargo bench` runs 100_000 and 1_000_000 and `cargo test --all-targets` (divan's
//! test mode) runs each benchmark once on 1_000 sessions. Each size is seeded once per
//! process as `benches/reports.rs` seeds it (the planner of `examples/seed/` with seed
//! 1, written as otium CSV and imported through `Tracker::import`), so both benches
//! read the same history: at 1M, 49 sessions a day since 1970, about 20,000 days.
//!
//! The config is the issue's: `daily_target_hours = 8` with `limits = "eu"`, or
//! `"cn"`. "Now" is pinned (`OTIUM_NOW`) after the last session and the zone is
//! Europe/Berlin (`OTIUM_TZ`), so every run prints the same lines; stdout goes to
//! `/dev/null` (the output is checked once, before timing, to be the whole answer).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use divan::Bencher;

#[path = "common/sizes.rs"]
mod bench_sizes;
#[path = "../examples/seed/import_file.rs"]
mod import_file;
#[path = "../examples/seed/planner.rs"]
mod planner;

/// The zone the history is seeded and read in.
const ZONE: Tz = chrono_tz::Europe::Berlin;
/// `OTIUM_NOW` for every run: after the seeded history's last session.
const NOW: &str = "2026-11-27T00:00:00Z";
/// Sessions in the test-mode run (no `OTIUM_BENCH_SIZES`, `cargo test`).
const TEST_SIZES: [usize; 1] = [1_000];
/// Sessions in a `cargo bench` run without `OTIUM_BENCH_SIZES`.
const BENCH_SIZES: [usize; 2] = [100_000, 1_000_000];

fn main() {
    divan::main();
    // Statics are never dropped, so remove the temporary directory by hand.
    let dir = DIR.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(dir);
}

/// `otium balance --all`, English table: every day since the first session with its
/// worked, target, difference and running balance, each week's sum, the total.
#[divan::bench(args = sizes(), max_time = 30)]
fn balance_all(bencher: Bencher, size: usize) {
    run(bencher, size, "eu", &["balance", "--all", "--lang", "en"]);
}

/// `otium balance --all --lang zh-CN`: the same table in Chinese (CJK-aware padding).
#[divan::bench(args = sizes(), max_time = 30)]
fn balance_all_chinese(bencher: Bencher, size: usize) {
    run(
        bencher,
        size,
        "eu",
        &["balance", "--all", "--lang", "zh-CN"],
    );
}

/// `otium balance --all --json`: every day and week as one JSON value.
#[divan::bench(args = sizes(), max_time = 30)]
fn balance_all_json(bencher: Bencher, size: usize) {
    run(bencher, size, "eu", &["balance", "--all", "--json"]);
}

/// `otium limits --all` with the EU set: every breach of its rules (daily hours, the
/// 17-week average, daily and weekly rest) over the whole history, one line each.
#[divan::bench(args = sizes(), max_time = 30)]
fn limits_all_eu(bencher: Bencher, size: usize) {
    run(bencher, size, "eu", &["limits", "--all", "--lang", "en"]);
}

/// `otium limits --all` with the PRC set (daily and weekly hours, rest days, monthly
/// overtime).
#[divan::bench(args = sizes(), max_time = 30)]
fn limits_all_cn(bencher: Bencher, size: usize) {
    run(bencher, size, "cn", &["limits", "--all", "--lang", "en"]);
}

/// `otium limits --all --lang zh-CN` with the PRC set.
#[divan::bench(args = sizes(), max_time = 30)]
fn limits_all_cn_chinese(bencher: Bencher, size: usize) {
    run(bencher, size, "cn", &["limits", "--all", "--lang", "zh-CN"]);
}

/// Times `otium --db DB --config CONFIG ARGS…` as a whole process, after checking
/// once that it succeeds and prints more than a screenful.
fn run(bencher: Bencher, size: usize, limits: &str, args: &[&str]) {
    let db = seeded(size);
    let config = config(&db, limits);
    let command = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_otium"));
        command
            .arg("--db")
            .arg(&db)
            .arg("--config")
            .arg(&config)
            .args(args)
            .env_clear()
            .env("OTIUM_NOW", NOW)
            .env("OTIUM_TZ", ZONE.name());
        command
    };
    let output = command()
        .output()
        .unwrap_or_else(|e| panic!("cannot run otium: {e}"));
    assert!(
        output.status.success(),
        "otium {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stdout.len() > 1_000,
        "otium {args:?} printed too little"
    );
    bencher.bench(|| {
        let status = command()
            .stdout(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("cannot run otium: {e}"));
        assert!(status.success(), "otium {args:?} failed");
    });
}

/// The config beside `db` with an 8-hour daily target and the `limits` set.
fn config(db: &Path, limits: &str) -> PathBuf {
    let path = db.with_file_name(format!("config-{limits}.toml"));
    std::fs::write(
        &path,
        format!("daily_target_hours = 8\nlimits = \"{limits}\"\n"),
    )
    .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// The instant the seed's import treats as now (the same as `NOW`).
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 0, 0, 0)
        .single()
        .unwrap_or_else(|| panic!("2026-11-27T00:00Z is a valid instant"))
}

/// The sizes to run: `OTIUM_BENCH_SIZES`, else by divan's mode (`common/sizes.rs`).
fn sizes() -> Vec<usize> {
    bench_sizes::sizes(&BENCH_SIZES, &TEST_SIZES)
}

/// The temporary directory holding the seeded databases.
static DIR: Mutex<Option<tempfile::TempDir>> = Mutex::new(None);

/// Databases seeded so far, by size.
static SEEDED: Mutex<BTreeMap<usize, PathBuf>> = Mutex::new(BTreeMap::new());

/// The database with `size` sessions, seeded on first use.
fn seeded(size: usize) -> PathBuf {
    let mut seeded = SEEDED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(path) = seeded.get(&size) {
        return path.clone();
    }
    let path = {
        let mut dir = DIR.lock().unwrap_or_else(|e| e.into_inner());
        let dir = dir.get_or_insert_with(|| {
            tempfile::Builder::new()
                .prefix("otium-bench-ranges-")
                .tempdir()
                .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"))
        });
        dir.path().join(format!("sessions-{size}.db"))
    };
    let mut rng = planner::Rng::new(1);
    let plan = planner::plan_sessions(size, &mut rng);
    let file = path.with_extension("csv");
    let history = plan
        .iter()
        .map(|interval| planner::session(&mut rng, *interval, ZONE));
    import_file::write_csv(&file, history)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
    let summary = import_file::import(&path, &file, ZONE, now())
        .unwrap_or_else(|e| panic!("cannot seed {}: {e}", path.display()));
    assert_eq!(
        summary.imported, size as u64,
        "the seed imported only part of its history"
    );
    let _ = std::fs::remove_file(&file);
    seeded.insert(size, path.clone());
    path
}
