//! Fills a database with a realistic history for benchmarks:
//! `cargo run --release --example seed -- --db /tmp/big.db --sessions 100000 [--seed 7]`.
//!
//! The sessions are those of `seed/planner.rs` (which the benchmarks share). `writing`
//! produces pages: about one writing session in three records output when it ends.
//! Everything is written in one transaction through the store.

use std::path::PathBuf;

use clap::Parser;
use otium::store::outputs::{self, NewOutput};
use otium::store::{Store, sessions};
use otium::time::Clock;

#[path = "seed/planner.rs"]
mod planner;

use planner::Rng;

#[derive(Parser)]
struct Args {
    /// The database to fill (created if missing).
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
    let mut rng = Rng::new(args.seed);
    let plan = planner::plan_sessions(args.sessions, &mut rng);
    let mut store = Store::open(&args.db)?;
    let now = Clock::System.now();
    let mut pages = 0usize;
    store.write(|tx| {
        outputs::set_unit(tx, "writing", Some("pages"), now)?;
        for interval in &plan {
            let new = planner::session(&mut rng, *interval, zone);
            let id = sessions::insert(tx, &new, now)?;
            if new.project.as_str() == "writing" && rng.below(3) == 0 {
                let amount = 1.0 + f64::from(u32::try_from(rng.below(6)).unwrap_or(0));
                let output = NewOutput {
                    project: "writing",
                    amount,
                    at: interval.1,
                    zone: zone.name(),
                    session: Some(id),
                    note: None,
                };
                outputs::insert(tx, &output)?;
                pages += 1;
            }
        }
        Ok(())
    })?;
    println!(
        "wrote {} sessions and {pages} output records to {}",
        plan.len(),
        args.db.display()
    );
    Ok(())
}
