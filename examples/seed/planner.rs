//! The seeded history, shared by the seeder (`examples/seed.rs`) and the benchmarks
//! (`benches/reports.rs`), which both include this file with `#[path]`: one generator
//! and one plan, so `cargo bench` measures the history `seed` writes.
//!
//! Sessions fall on weekdays, 10–240 minutes each with short breaks, several projects
//! and tags, some notes, and now and then a late session across midnight. All end
//! before 2026-11-27.

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use otium::model::{NewSession, parse_tags};

/// A small xorshift generator: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    /// The generator for `seed` (0 is taken as 1).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const PROJECTS: [&str; 6] = ["writing", "coding", "review", "email", "research", "admin"];
const TAGS: [&str; 5] = ["deep", "meeting", "draft", "client", "ops"];

/// `count` intervals walking back from 2026-11-27, never overlapping, sorted by start.
///
/// Up to `REALISTIC` sessions the days are realistic: weekdays only, about four
/// sessions of 10–240 minutes each. A bigger history would reach back before 1970,
/// which `otium import` refuses, so it is dense instead: every day from 1970 on, the
/// day's 07:00–20:00 UTC cut into as many equal slots as needed (49 a day for a
/// million) with one session in each, and still now and then a late session across
/// midnight. This is the one function that sets the density.
pub fn plan_sessions(count: usize, rng: &mut Rng) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    /// About four a weekday back from 2026 stays after 1970 up to here.
    const REALISTIC: usize = 50_000;
    let mut out = Vec::with_capacity(count);
    let mut day = Utc
        .with_ymd_and_hms(2026, 11, 26, 7, 0, 0)
        .single()
        .unwrap_or_default();
    // Days from 1970-01-02 to 2026-11-26, less one in twenty for the late sessions.
    let days = (day - Utc.timestamp_opt(86_400, 0).single().unwrap_or_default()).num_days();
    let per_day = (count > REALISTIC).then(|| {
        let usable = usize::try_from(days).unwrap_or(1) * 19 / 20;
        count.div_ceil(usable.max(1))
    });
    while out.len() < count {
        let workday = per_day.is_some() || !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        if workday {
            if let Some(n) = per_day {
                // Equal slots over 13 hours; each session starts in its slot's first
                // quarter and lasts half to three quarters of it.
                let slot = 13 * 3600 / i64::try_from(n).unwrap_or(1);
                let mut k = 0;
                while k < n && out.len() < count {
                    let from = day + Duration::seconds(slot * i64::try_from(k).unwrap_or(0));
                    let quarter = u64::try_from(slot / 4).unwrap_or(1).max(1);
                    let t =
                        from + Duration::seconds(i64::try_from(rng.below(quarter)).unwrap_or(0));
                    let length = slot / 2 + i64::try_from(rng.below(quarter)).unwrap_or(0);
                    out.push((t, t + Duration::seconds(length.max(1))));
                    k += 1;
                }
            } else {
                let mut t = day + Duration::minutes(i64::try_from(rng.below(60)).unwrap_or(0));
                let day_end = day + Duration::hours(11);
                while t < day_end && out.len() < count {
                    let length = Duration::minutes(10 + i64::try_from(rng.below(231)).unwrap_or(0));
                    out.push((t, t + length));
                    t += length + Duration::minutes(5 + i64::try_from(rng.below(40)).unwrap_or(0));
                }
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

/// The session for one planned interval: a project, up to two tags and now and then
/// a note, drawn from `rng` (in this order, so a seed always gives the same history).
pub fn session(
    rng: &mut Rng,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    zone: Tz,
) -> NewSession {
    let project = PROJECTS[usize::try_from(rng.below(6)).unwrap_or(0)].to_string();
    let tags: Vec<String> = (0..rng.below(3))
        .map(|_| TAGS[usize::try_from(rng.below(5)).unwrap_or(0)].to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let note = (rng.below(4) == 0).then(|| format!("note {}", rng.below(1000)));
    NewSession {
        // The names above are valid ones: a failure here is a bug in this list.
        project: project
            .parse()
            .unwrap_or_else(|e| panic!("planner project: {e}")),
        tags: parse_tags(&tags).unwrap_or_else(|e| panic!("planner tags: {e}")),
        note,
        start,
        end: Some(end),
        zone,
    }
}
