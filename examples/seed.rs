//! Fills a new database with a history for benchmarks, through `otium import`:
//! `cargo run --release --example seed -- --db /tmp/big.db --sessions 100000 [--seed 7]`.
//!
//! The sessions are those of `seed/planner.rs` (which the benchmarks share): they are
//! written to a CSV file next to the database and imported by the real import engine
//! (`seed/import_file.rs`), so "a million sessions" went in the way a user's own
//! history does. Then `writing` produces pages: about one writing session in three
//! records output when it ends (one more transaction, through the store).

use std::path::PathBuf;

use clap::Parser;
use otium::time::Clock;

#[path = "seed/import_file.rs"]
mod import_file;
#[path = "seed/planner.rs"]
mod planner;

use planner::Rng;

#[derive(Parser)]
struct Args {
    /// The database to fill (must hold no sessions yet; created if missing).
    #[arg(long)]
    db: PathBuf,
    /// How many sessions to write.
    #[arg(long, default_value_t = 100_000)]
    sessions: usize,
    /// Seed for the pseudo-random choices.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let zone = chrono_tz::Europe::Berlin;
    let now = Clock::System.now();
    if args.db.exists() {
        return Err(format!(
            "{} already exists; give the path of a new database to seed",
            args.db.display()
        )
        .into());
    }
    let mut rng = Rng::new(args.seed);
    let plan = planner::plan_sessions(args.sessions, &mut rng);
    // Drawn in plan order, as before: the same seed gives the same history.
    let history: Vec<_> = plan
        .iter()
        .map(|interval| planner::session(&mut rng, *interval, zone))
        .collect();
    let file = args.db.with_extension("seed.csv");
    import_file::write_csv(&file, history.iter().cloned())?;
    let started = std::time::Instant::now();
    let summary = import_file::import(&args.db, &file, zone, now);
    let took = started.elapsed();
    std::fs::remove_file(&file)?;
    let summary = summary?;
    // Output of the writing sessions, each at its session's last second (so it is
    // linked to that session), in one transaction.
    let mut tracker = otium::Tracker::open(
        &args.db,
        otium::config::Config::default(),
        Clock::Fixed(now),
        zone,
    )?;
    tracker.set_unit("writing", Some("pages"))?;
    let mut records = Vec::new();
    for new in &history {
        if new.project.as_str() == "writing" && rng.below(3) == 0 {
            let amount = 1.0 + f64::from(u32::try_from(rng.below(6)).unwrap_or(0));
            let at = new.end.unwrap_or(new.start) - chrono::Duration::seconds(1);
            records.push(otium::tracker::output::OutputRecord {
                project: "writing",
                amount,
                at,
                note: None,
            });
        }
    }
    let pages = tracker.record_outputs(&records)?.len();
    println!(
        "imported {} sessions in {:.2} s and wrote {pages} output records to {}",
        summary.imported,
        took.as_secs_f64(),
        args.db.display()
    );
    Ok(())
}
