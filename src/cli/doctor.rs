//! `otium doctor [--full] [--fix]`: where the files are, how SQLite is set up, and
//! whether the data is sound. Only reads (a missing database is reported, not created),
//! except `--fix`, which first rebuilds the derived totals; exits non-zero when any
//! check is not ok.

use std::path::Path;

use clap::Args;

use super::Ctx;
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::i18n::{Lang, t, zh};
use crate::tracker::CheckStatus as Status;
use unicode_width::UnicodeWidthStr;

// `doctor [--full]`.
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
    let lang = ctx.lang;
    if args.fix {
        let wrong = ctx.tracker.rebuild_totals()?;
        ctx.out
            .line(t(lang, "admin-doctor-rebuilt-totals", &[("count", &wrong)]));
    }
    let report = ctx.tracker.doctor(config, args.full);
    let out = &mut ctx.out;
    let line = |key: &str, args: &[(&str, &dyn std::fmt::Display)]| t(lang, key, args);
    let database = report.database.display();
    out.line(line("admin-doctor-database", &[("path", &database)]));
    let config = report.config.as_ref().map_or_else(
        || t(lang, "admin-doctor-no-config", &[]),
        |c| c.display().to_string(),
    );
    out.line(line("admin-doctor-config", &[("path", &config)]));
    out.line(line(
        "admin-doctor-sqlite",
        &[("version", &report.sqlite_version)],
    ));
    out.line(line(
        "admin-doctor-file-system",
        &[("name", &report.file_system)],
    ));
    out.line(line(
        "admin-doctor-schema",
        &[
            ("version", &report.schema_version),
            ("latest", &report.latest_schema_version),
        ],
    ));
    out.line("");
    // The names are padded to the widest one, by display width (Chinese takes two).
    let width = report
        .checks
        .iter()
        .map(|c| check_name(lang, c.name).width())
        .max()
        .unwrap_or(0)
        .max(16);
    for check in &report.checks {
        let mark = match check.status {
            Status::Ok => t(lang, "admin-doctor-mark-ok", &[]),
            Status::Warn => t(lang, "admin-doctor-mark-warn", &[]),
            Status::Fail => t(lang, "admin-doctor-mark-fail", &[]),
        };
        let name = zh::pad_end(&check_name(lang, check.name), width);
        out.line(format!("{mark}  {name} {}", check.detail_in(lang)));
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
            0 => t(lang, "admin-doctor-passed", &[]),
            1 => t(lang, "admin-doctor-passed-one-warning", &[]),
            n => t(lang, "admin-doctor-passed-warnings", &[("count", &n)]),
        });
        return Ok(());
    }
    // The check names stay as they are: they are the stable names JSON gives.
    Err(Error::keyed(
        ErrorKind::Database,
        "admin-doctor-problems",
        vec![
            ("count", problems.len().to_string()),
            ("names", problems.join(", ")),
        ],
    ))
}

/// A check's name for people: in English its stable name (`integrity`), in Chinese
/// what it checks.
fn check_name(lang: Lang, name: &str) -> String {
    let key = match name {
        "file_modes" => "admin-doctor-check-file-modes",
        "config_file" => "admin-doctor-check-config-file",
        "file_system" => "admin-doctor-check-file-system",
        "leftovers" => "admin-doctor-check-leftovers",
        "journal_mode" => "admin-doctor-check-journal-mode",
        "synchronous" => "admin-doctor-check-synchronous",
        "schema_version" => "admin-doctor-check-schema-version",
        "application_id" => "admin-doctor-check-application-id",
        "integrity" => "admin-doctor-check-integrity",
        "foreign_keys" => "admin-doctor-check-foreign-keys",
        "running" => "admin-doctor-check-running",
        "end_after_start" => "admin-doctor-check-end-after-start",
        "overlaps" => "admin-doctor-check-overlaps",
        "project_totals" => "admin-doctor-check-project-totals",
        "sync folder" => "sync-doctor-check-folder",
        "sync files" => "sync-doctor-check-files",
        "sync devices" => "sync-doctor-check-devices",
        "sync tails" => "sync-doctor-check-tails",
        "sync sequence" => "sync-doctor-check-sequence",
        "sync clock" => "sync-doctor-check-clock",
        other => return other.to_string(),
    };
    t(lang, key, &[])
}
