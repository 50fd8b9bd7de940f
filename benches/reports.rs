//! Benchmarks of otium's operations over a seeded history, with divan: open +
//! status, start + stop, add, the reports, the export, the TUI's frames and the
//! dividend. Writes go to a copy of each seeded database, so reads stay comparable.
//!
//! Real numbers: `OTIUM_BENCH_SIZES=100000,1000000 cargo bench --bench reports`
//! (seeding 1M sessions alone takes about 20 s; the whole run about 2 minutes on 2 cores).
//!
//! Sizes (sessions in the database) come from `OTIUM_BENCH_SIZES`, a comma list
//! (`100000,1000000`; `_` separators allowed). When it is unset:
//! - under `cargo test --all-targets` / `cargo test --benches` (divan's test mode:
//!   no `--bench` flag, or `--test`), each benchmark runs once at 1_000 sessions, so
//!   CI stays quick;
//! - under `cargo bench`, the sizes are 100_000 and 1_000_000.
//!
//! Each size is seeded once per process into a temporary directory the way
//! `examples/seed.rs` does it: the same planner (`examples/seed/planner.rs`) and seed
//! 1, written as otium CSV and imported through `Tracker::import`
//! (`examples/seed/import_file.rs`), without the output records, so the history is the
//! same on every run (UUIDs included: they are import's content keys). Up to 50k
//! sessions it has about four a weekday; bigger ones are dense (every day since 1970,
//! 49 a day at 1M), since import refuses dates before 1970. "Now" is pinned to
//! 2026-11-27T00:00Z, after the last session, so nothing is running and every run
//! reads the same data. `main` removes the directory at the end; a run killed midway (say by SIGPIPE from `| head`)
//! leaves an `otium-bench-*` directory in the temp dir behind.
//!
//! Every measured iteration opens the database with `Tracker::open` like one CLI
//! invocation would (the OS file cache stays warm across iterations, SQLite's own
//! page cache does not). `ALLOC` counts the Rust-side heap per iteration (divan's
//! "alloc"/"max alloc" rows); SQLite's C allocations are not included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use divan::{AllocProfiler, Bencher};
use otium::config::{Config, LimitsConfig};
use otium::interop::batch_export::{self, Layout};
use otium::interop::export::{ExportFormat, Exporter};
use otium::limits::Targets;
use otium::model::{NewSession, ProjectName, parse_tags};
use otium::report::{Filter, GroupBy, table};
use otium::time::Clock;
use otium::time::calendar::parse_iso_week;
use otium::time::range::Span;
use otium::tracker::ReportRequest;
use otium::tracker::StartRequest;
use otium::tracker::dividend::DividendRequest;
use otium::tui::action::View;
use otium::tui::app::App;
use otium::tui::theme::Theme;
use otium::{Error, Tracker};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/sizes.rs"]
mod bench_sizes;
#[path = "../examples/seed/import_file.rs"]
mod import_file;
#[path = "../examples/seed/planner.rs"]
mod planner;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

/// The zone every benchmark reads days in (and the seed records sessions in).
const ZONE: Tz = chrono_tz::Europe::Berlin;
/// The week the one-week report covers: Mon 2026-11-16 to Sun 2026-11-22, the
/// last full week of the seeded history (sessions run up to 2026-11-26).
const WEEK: &str = "2026-W47";
/// Sessions in the test-mode run (no `OTIUM_BENCH_SIZES`, `cargo test`).
const TEST_SIZES: [usize; 1] = [1_000];
/// Sessions in a `cargo bench` run without `OTIUM_BENCH_SIZES`.
const BENCH_SIZES: [usize; 2] = [100_000, 1_000_000];

fn main() {
    divan::main();
    // Seeding is not measured; say how long it took so its cost is not a mystery.
    let seeded = SEEDED.lock().unwrap_or_else(|e| e.into_inner());
    for (size, db) in seeded.iter() {
        let bytes = std::fs::metadata(&db.path).map_or(0, |m| m.len());
        eprintln!(
            "seeded {size} sessions in {:.2} s ({:.1} MB database)",
            db.took.as_secs_f64(),
            bytes as f64 / 1e6
        );
    }
    drop(seeded);
    // Statics are never dropped, so remove the temporary directory by hand.
    let dir = DIR.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(dir);
}

/// A one-week report by project, as `otium report --week 2026-W47 --by project`
/// (table format) runs it: `Tracker::open`, `Span::week` in Europe/Berlin with the
/// default (Monday) week start, a `ReportBuilder` fed by `each_session_with` with
/// lean columns and no tags, then the table rendered into a `Vec<u8>`.
/// The query touches only that week's rows (23 sessions in the realistic
/// history, 343 in the dense 1M one), so it should stay flat as the history grows.
#[divan::bench(args = sizes())]
fn week_report_by_project(bencher: Bencher, size: usize) {
    let db = seeded(size);
    let day = parse_iso_week(WEEK).unwrap_or_else(|| panic!("{WEEK} is not an ISO week"));
    bencher.bench(|| {
        let tracker = open(&db);
        let span = Span::week(ZONE, day, tracker.config().week_start.0);
        let out = report_by_project(&tracker, span);
        assert!(out.sessions > 0, "no sessions in {WEEK}");
        out.rendered
    });
}

/// A full-history report by project, as `otium report --all --by project` runs it
/// (`Span::ALL`, otherwise the same as [`week_report_by_project`]): every one of
/// the `size` sessions streams through the builder. Capped at 30 s of sampling per
/// size (about 0.6 s an iteration at 1M, so ~50 samples there instead of 100).
#[divan::bench(args = sizes(), max_time = 30)]
fn full_report_by_project(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        let tracker = open(&db);
        let out = report_by_project(&tracker, Span::ALL);
        assert_eq!(out.sessions, size);
        out.rendered
    });
}

/// A CSV export of the whole history, as `otium export --format csv` runs it:
/// `Tracker::open`, then every session read in batches (`Tracker::each_session_batch`:
/// uuid, note, zone and tags) and formatted on a second thread by
/// `batch_export::write_batched` (formula neutralising on) into `std::io::sink()`, so
/// only producing the CSV is measured, not writing it.
#[divan::bench(args = sizes(), max_time = 30)]
fn csv_export_all(bencher: Bencher, size: usize) {
    export_all(bencher, size, Layout::Csv { raw: false });
}

/// The batched export of the whole history of a `size` history in `layout`.
fn export_all(bencher: Bencher, size: usize, layout: Layout) {
    let db = seeded(size);
    bencher.bench(|| {
        let tracker = open(&db);
        let count = batch_export::write_batched(
            &mut std::io::sink(),
            tracker.now(),
            layout,
            |_| true,
            |read| tracker.each_session_batch(Span::ALL, read),
            |e| Error::database(e.to_string()),
        )
        .unwrap_or_else(|e| panic!("cannot export: {e}"));
        assert_eq!(count, size);
        count
    });
}

/// The same export on one thread, session by session (`Tracker::each_session` and
/// `Exporter`, as iCalendar still runs): what the batches and the second thread save.
#[divan::bench(args = sizes(), max_time = 30)]
fn csv_export_all_one_thread(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        let tracker = open(&db);
        let mut exporter =
            Exporter::begin(ExportFormat::Csv, std::io::sink(), tracker.now(), false)
                .unwrap_or_else(|e| panic!("cannot start the export: {e}"));
        tracker
            .each_session(Span::ALL, |s| {
                exporter
                    .session(s)
                    .map_err(|e| Error::database(e.to_string()))
            })
            .unwrap_or_else(|e| panic!("cannot read sessions: {e}"));
        let count = exporter
            .finish()
            .unwrap_or_else(|e| panic!("cannot finish the export: {e}"));
        assert_eq!(count, size);
        count
    });
}

/// The JSON export of the whole history, as `otium export --json` runs it: the same
/// batches and second thread as the CSV export, each session an object.
#[divan::bench(args = sizes(), max_time = 30)]
fn json_export_all(bencher: Bencher, size: usize) {
    export_all(bencher, size, Layout::Json);
}

/// `otium status`: open the database (pragmas, schema check) and read the running session.
#[divan::bench(args = sizes())]
fn open_and_status(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        open(&db)
            .running()
            .unwrap_or_else(|e| panic!("status: {e}"))
    });
}

/// `otium start` then `otium stop`: two writes, each its own `BEGIN IMMEDIATE`
/// transaction with `synchronous=FULL`, on a copy of the seeded database. Every
/// iteration uses a fresh two-minute slot after the history, so nothing overlaps.
#[divan::bench(args = sizes())]
fn start_and_stop(bencher: Bencher, size: usize) {
    let db = writable(size);
    bencher.bench(|| {
        let at = next_slot();
        let mut tracker = open_at(&db, at);
        let request = StartRequest {
            at: Some(at - Duration::seconds(60)),
            ..StartRequest::new(name("bench"))
        };
        tracker
            .start(request)
            .unwrap_or_else(|e| panic!("start: {e}"));
        tracker.stop(None).unwrap_or_else(|e| panic!("stop: {e}"))
    });
}

/// `otium add`: one past session (the overlap probe plus the insert), on the copy.
#[divan::bench(args = sizes())]
fn add_one_session(bencher: Bencher, size: usize) {
    let db = writable(size);
    bencher.bench(|| {
        let at = next_slot();
        let mut tracker = open_at(&db, at);
        let new = NewSession {
            project: name("bench"),
            tags: parse_tags(&["b"]).unwrap_or_else(|e| panic!("tag: {e}")),
            note: None,
            start: at - Duration::seconds(60),
            end: Some(at),
            zone: ZONE,
        };
        tracker.add(new).unwrap_or_else(|e| panic!("add: {e}"))
    });
}

/// `otium report --from 2025-11-27 --to 2026-11-26 --by day`: a year of days, each
/// session split at local midnights, 365 rows rendered.
#[divan::bench(args = sizes(), max_time = 30)]
fn report_by_day_for_a_year(bencher: Bencher, size: usize) {
    let db = seeded(size);
    let first = chrono::NaiveDate::from_ymd_opt(2025, 11, 27).unwrap_or_default();
    let last = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    bencher.bench(|| {
        let tracker = open(&db);
        report_by(&tracker, Span::days(ZONE, first, last), GroupBy::Day).rendered
    });
}

/// The TUI's first frame: open, load everything the four views show (sessions of
/// 28 days, this week, the report, the dividend), draw the dashboard at 120×40.
#[divan::bench(args = sizes())]
fn tui_first_frame(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        let tracker = open(&db);
        let app = App::load(&tracker, Theme::new(false)).unwrap_or_else(|e| panic!("load: {e}"));
        draw(&app)
    });
}

/// One more frame at 120×40 of an app already loaded (what each redraw costs).
#[divan::bench(args = sizes())]
fn tui_frame_120x40(bencher: Bencher, size: usize) {
    let db = seeded(size);
    let tracker = open(&db);
    let mut app = App::load(&tracker, Theme::new(false)).unwrap_or_else(|e| panic!("load: {e}"));
    app.view = View::Sessions;
    bencher.bench(|| draw(&app));
}

/// `otium dividend` with the defaults (USA, 1970): the national figures from the
/// embedded table, the Keynes week (four weekly sums) and the personal part.
#[divan::bench(args = sizes())]
fn dividend(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        let tracker = open(&db);
        let request = DividendRequest {
            country: "USA".into(),
            base_year: 1970,
            end_year: None,
            projects: Vec::new(),
            baseline: None,
            period: None,
        };
        tracker
            .dividend(&request)
            .unwrap_or_else(|e| panic!("dividend: {e}"))
    });
}

/// `otium balance --all` with `daily_target_hours = 8`: every day from the first
/// session to today, worked against target, with weeks and the running balance (the
/// library half; printing is linear too). The work streams into day totals.
#[divan::bench(args = sizes(), max_time = 30)]
fn balance_all(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        let config = Config {
            daily_target_hours: Some(8.0),
            ..Config::default()
        };
        let tracker = open_with(&db, config);
        let targets = Targets::from_config(tracker.config())
            .unwrap_or_else(|| panic!("the bench sets a daily target"));
        let (first, last) = all_days(&tracker);
        let balance = tracker
            .balance(&targets, ZONE, first, last)
            .unwrap_or_else(|e| panic!("balance: {e}"));
        assert!(balance.worked_seconds > 0, "no work in the balance");
        balance.days.len()
    });
}

/// `otium limits --all` with `limits = "eu"`: every rule of the EU set over the whole
/// history; the work streams through the rules' scan.
#[divan::bench(args = sizes(), max_time = 30)]
fn limits_all(bencher: Bencher, size: usize) {
    let db = seeded(size);
    bencher.bench(|| {
        let config = Config {
            limits: LimitsConfig::Eu,
            ..Config::default()
        };
        let tracker = open_with(&db, config);
        let (first, last) = all_days(&tracker);
        tracker
            .breaches(ZONE, first, last)
            .unwrap_or_else(|e| panic!("limits: {e}"))
            .len()
    });
}

/// The days `--all` covers: the first session's day to today (as `range_days`).
fn all_days(tracker: &Tracker) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let first = tracker
        .tracked_since()
        .unwrap_or_else(|e| panic!("first session: {e}"))
        .unwrap_or_else(|| panic!("the seeded history is empty"));
    let today = otium::time::local_date(ZONE, now());
    (first, today)
}

fn open_with(db: &Path, config: Config) -> Tracker {
    Tracker::open(db, config, Clock::Fixed(now()), ZONE)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", db.display()))
}

fn draw(app: &App) -> u16 {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .unwrap_or_else(|e| panic!("draw: {e}"))
        .area
        .width
}

/// Two-minute slots after the seeded history, one per write iteration.
fn next_slot() -> DateTime<Utc> {
    static SLOT: AtomicI64 = AtomicI64::new(0);
    let k = SLOT.fetch_add(1, Ordering::Relaxed);
    now() + Duration::days(1) + Duration::minutes(2 * k)
}

fn open_at(db: &Path, at: DateTime<Utc>) -> Tracker {
    Tracker::open(db, Config::default(), Clock::Fixed(at), ZONE)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", db.display()))
}

/// A copy of the seeded database for benchmarks that write, made once per size.
fn writable(size: usize) -> PathBuf {
    static COPIES: Mutex<BTreeMap<usize, PathBuf>> = Mutex::new(BTreeMap::new());
    let source = seeded(size);
    let mut copies = COPIES.lock().unwrap_or_else(|e| e.into_inner());
    copies
        .entry(size)
        .or_insert_with(|| {
            let copy = source.with_file_name(format!("writable-{size}.db"));
            std::fs::copy(&source, &copy)
                .unwrap_or_else(|e| panic!("cannot copy the database: {e}"));
            copy
        })
        .clone()
}

/// A project name the bench writes (always a valid one).
fn name(text: &str) -> ProjectName {
    text.parse().unwrap_or_else(|e| panic!("project: {e}"))
}

struct Rendered {
    sessions: usize,
    rendered: Vec<u8>,
}

/// The library half of `otium report --by project` for `span`, table format.
fn report_by_project(tracker: &Tracker, span: Span) -> Rendered {
    report_by(tracker, span, GroupBy::Project)
}

/// The library half of `otium report --by GROUP` for `span`, table format.
fn report_by(tracker: &Tracker, span: Span, group: GroupBy) -> Rendered {
    let report = tracker
        .report(&ReportRequest {
            span,
            zone: ZONE,
            group_by: vec![group],
            filter: Filter::default(),
            rounding: None,
        })
        .unwrap_or_else(|e| panic!("cannot read sessions: {e}"));

    let mut rendered = Vec::new();
    table::render(&report, otium::i18n::Lang::En, &mut rendered)
        .unwrap_or_else(|e| panic!("cannot render: {e}"));
    Rendered {
        sessions: report.sessions_count,
        rendered,
    }
}

/// The instant every benchmark treats as now (the seed's sessions all end before it).
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 0, 0, 0)
        .single()
        .unwrap_or_else(|| panic!("2026-11-27T00:00Z is a valid instant"))
}

fn open(db: &Path) -> Tracker {
    Tracker::open(db, Config::default(), Clock::Fixed(now()), ZONE)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", db.display()))
}

/// The sizes to run: `OTIUM_BENCH_SIZES`, else by divan's mode (`common/sizes.rs`).
fn sizes() -> Vec<usize> {
    bench_sizes::sizes(&BENCH_SIZES, &TEST_SIZES)
}

/// The temporary directory holding the seeded databases.
static DIR: Mutex<Option<tempfile::TempDir>> = Mutex::new(None);

struct Seeded {
    path: PathBuf,
    took: StdDuration,
}

/// Databases seeded so far, by size.
static SEEDED: Mutex<BTreeMap<usize, Seeded>> = Mutex::new(BTreeMap::new());

/// The database with `size` sessions, seeded on first use.
fn seeded(size: usize) -> PathBuf {
    let mut seeded = SEEDED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(db) = seeded.get(&size) {
        return db.path.clone();
    }
    let path = {
        let mut dir = DIR.lock().unwrap_or_else(|e| e.into_inner());
        if dir.is_none() {
            *dir = Some(
                tempfile::Builder::new()
                    .prefix("otium-bench-")
                    .tempdir()
                    .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}")),
            );
        }
        let Some(dir) = dir.as_ref() else {
            unreachable!("the directory was just created")
        };
        dir.path().join(format!("sessions-{size}.db"))
    };
    let started = Instant::now();
    seed(&path, size);
    seeded.insert(
        size,
        Seeded {
            path: path.clone(),
            took: started.elapsed(),
        },
    );
    path
}

/// Fills a new database at `path` with `count` sessions through `otium import`, like
/// `cargo run --example seed -- --db PATH --sessions COUNT --seed 1` (without its
/// output records): the planned history written as otium CSV, then imported.
fn seed(path: &Path, count: usize) {
    let mut rng = planner::Rng::new(1);
    let plan = planner::plan_sessions(count, &mut rng);
    let file = path.with_extension("csv");
    let history = plan
        .iter()
        .map(|interval| planner::session(&mut rng, *interval, ZONE));
    import_file::write_csv(&file, history)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
    let summary = import_file::import(path, &file, ZONE, now())
        .unwrap_or_else(|e| panic!("cannot seed {}: {e}", path.display()));
    assert_eq!(
        summary.imported, count as u64,
        "the seed imported only part of its history"
    );
    let _ = std::fs::remove_file(&file);
}
