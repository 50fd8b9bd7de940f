//! `otium doctor [--full] [--fix]`: where the files are, how SQLite is set up, and
//! whether the data is sound. Only reads (a missing database is reported, not created),
//! except `--fix`, which first rebuilds the derived totals; exits non-zero when any
//! check is not ok.

use std::path::Path;

use clap::Args;

use super::Ctx;
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::tracker::CheckStatus as Status;

/// `doctor [--full]`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Run the full `integrity_check` (reads every page) instead of `quick_check`.
    #[arg(long)]
    pub full: bool,
    /// First rebuild the derived data (the per-project totals full-history reports
    /// read) from the sessions, in one transaction; then check.
    #[arg(long)]
    pub fix: bool,
}

/// Refuses to go on when there is no database file at `db`, instead of creating one
/// as a verb that records would: a verb that only reads (`status`, `log`, `report`,
/// …, `doctor`, `backup`) would otherwise answer "no sessions yet" from an empty new
/// file, and a mistyped `--db` would go unnoticed. `what` is the verb's purpose:
/// "read", "check", "back up".
pub fn require_database(db: &Path, what: &str) -> Result<()> {
    if db.symlink_metadata().is_ok() {
        return Ok(());
    }
    Err(Error::keyed(
        ErrorKind::Database,
        "error-no-database",
        // A catalogue variant key names no spaces: "back up" is `backup` there.
        vec![
            ("path", db.display().to_string()),
            ("what", what.replace(' ', "")),
        ],
    )
    .with_hint(Hint::StartSession))
}

pub fn run(ctx: &mut Ctx, args: &DoctorArgs, config: Option<&Path>) -> Result<()> {
    if args.fix {
        let wrong = ctx.tracker.rebuild_totals()?;
        ctx.out.line(format!(
            "rebuilt the per-project totals ({wrong} project(s) were wrong)"
        ));
    }
    let report = ctx.tracker.doctor(config, args.full);
    let out = &mut ctx.out;
    out.line(format!("database        {}", report.database.display()));
    out.line(format!(
        "config          {}",
        report
            .config
            .as_ref()
            .map_or_else(|| "(none)".to_string(), |c| c.display().to_string())
    ));
    out.line(format!("sqlite          {}", report.sqlite_version));
    out.line(format!("file system     {}", report.file_system));
    out.line(format!(
        "schema version  {} (this otium: {})",
        report.schema_version, report.latest_schema_version
    ));
    out.line("");
    for check in &report.checks {
        let mark = match check.status {
            Status::Ok => "ok  ",
            Status::Warn => "WARN",
            Status::Fail => "FAIL",
        };
        out.line(format!("{mark}  {:<16} {}", check.name, check.detail));
    }
    out.value(|| &report);
    let problems: Vec<&str> = report.problems().map(|c| c.name).collect();
    if problems.is_empty() {
        // Advisory warnings (the config file's) are shown, but the doctor passes.
        let warnings = report
            .checks
            .iter()
            .filter(|c| c.status != Status::Ok)
            .count();
        out.line("");
        out.line(match warnings {
            0 => "All checks passed.".to_string(),
            1 => "No problems found (1 warning above).".to_string(),
            n => format!("No problems found ({n} warnings above)."),
        });
        return Ok(());
    }
    Err(Error::database(format!(
        "doctor found {} problem(s): {}; each line of the report says how to fix it",
        problems.len(),
        problems.join(", ")
    )))
}
