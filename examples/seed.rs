//! Fills a database with a realistic history for benchmarks:
//! `cargo run --release --example seed -- --db /tmp/big.db --sessions 100000 [--seed 7]`.
//!
//! Sessions fall on weekdays, 10–240 minutes each with short breaks, several projects
//! and tags, some notes, and now and then a late session across midnight. `writing`
//! produces pages: about one writing session in three records output when it ends.
//! Sessions end before 2026-11-27 and are written in one transaction through the store.

use std::path::PathBuf;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc, Weekday};
use clap::Parser;
use otium::model::{NewSession, parse_tags};
use otium::store::outputs::{self, NewOutput};
use otium::store::{Store, sessions};

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

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const PROJECTS: [&str; 6] = ["writing", "coding", "review", "email", "research", "admin"];
const TAGS: [&str; 5] = ["deep", "meeting", "draft", "client", "ops"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let zone = chrono_tz::Europe::Berlin;
    let mut rng = Rng(args.seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let plan = plan_sessions(args.sessions, &mut rng);
    let mut store = Store::open(&args.db)?;
    let now = Utc::now();
    let mut pages = 0usize;
    store.write(|tx| {
        outputs::set_unit(tx, "writing", Some("pages"), now)?;
        for (start, end) in &plan {
            let project = PROJECTS[usize::try_from(rng.below(6)).unwrap_or(0)].to_string();
            let tags: Vec<String> = (0..rng.below(3))
                .map(|_| TAGS[usize::try_from(rng.below(5)).unwrap_or(0)].to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let note = (rng.below(4) == 0).then(|| format!("note {}", rng.below(1000)));
            let new = NewSession {
                project: project.parse()?,
                tags: parse_tags(&tags)?,
                note,
                start: *start,
                end: Some(*end),
                zone,
            };
            let id = sessions::insert(tx, &new, now)?;
            if new.project.as_str() == "writing" && rng.below(3) == 0 {
                let amount = 1.0 + f64::from(u32::try_from(rng.below(6)).unwrap_or(0));
                let output = NewOutput {
                    project: "writing",
                    amount,
                    at: *end,
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

/// Intervals walking back from 2026-11-27, weekdays only, never overlapping.
fn plan_sessions(count: usize, rng: &mut Rng) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::with_capacity(count);
    let mut day = Utc
        .with_ymd_and_hms(2026, 11, 26, 7, 0, 0)
        .single()
        .unwrap_or_default();
    while out.len() < count {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            let mut t = day + Duration::minutes(i64::try_from(rng.below(60)).unwrap_or(0));
            let day_end = day + Duration::hours(11);
            while t < day_end && out.len() < count {
                let length = Duration::minutes(10 + i64::try_from(rng.below(231)).unwrap_or(0));
                out.push((t, t + length));
                t += length + Duration::minutes(5 + i64::try_from(rng.below(40)).unwrap_or(0));
            }
            if rng.below(20) == 0 && out.len() < count {
                // A late session across midnight (UTC 22:30 = 23:30 in Berlin in winter).
                let late = day + Duration::minutes(15 * 60 + 30);
                out.push((late, late + Duration::minutes(90)));
            }
        }
        day -= Duration::days(1);
    }
    out.sort();
    out
}
