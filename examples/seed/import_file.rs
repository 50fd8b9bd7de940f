//! The planned history as a file `otium import` reads, shared by the seeder
//! (`examples/seed.rs`) and the benchmarks (`benches/reports.rs`), which include it
//! with `#[path]` next to `planner.rs`: both then fill their databases through the
//! real import (its checks, its one transaction, its writer), the front door a user's
//! own history comes through.
//!
//! The file is otium's CSV export (`otium import --format csv`) without `id` and
//! `uuid` columns, so each session's key is the content key and a seed gives the same
//! database, UUIDs included, on every run.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use otium::Tracker;
use otium::config::Config;
use otium::interop::import::{Format, ImportSummary, Input, Options};
use otium::model::NewSession;
use otium::time::Clock;

/// Writes `sessions` to `path` as otium CSV, one at a time.
pub fn write_csv(
    path: &Path,
    sessions: impl IntoIterator<Item = NewSession>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "project,tags,note,start,end,zone")?;
    let time = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ");
    for s in sessions {
        let tags: Vec<&str> = s.tags.iter().map(|t| t.as_str()).collect();
        // Planner values hold no comma, quote or newline: no CSV quoting needed.
        writeln!(
            out,
            "{},{},{},{},{},{}",
            s.project.as_str(),
            tags.join(" "),
            s.note.as_deref().unwrap_or(""),
            time(s.start),
            s.end.map_or_else(String::new, |e| time(e).to_string()),
            s.zone.name()
        )?;
    }
    out.flush()
}

/// Imports the CSV at `file` into the database at `db` as `otium import --format
/// csv FILE` does, with "now" at `now`.
pub fn import(
    db: &Path,
    file: &Path,
    zone: Tz,
    now: DateTime<Utc>,
) -> otium::Result<ImportSummary> {
    let mut tracker = Tracker::open(db, Config::default(), Clock::Fixed(now), zone)?;
    let opts = Options::new(Format::Csv, zone);
    tracker.import(&Input::Path(file.to_path_buf()), &opts, &mut |_| {})
}
