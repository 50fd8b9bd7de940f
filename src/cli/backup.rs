//! `otium backup [FILE]`: a consistent copy of the database, taken while other
//! processes (the TUI, shell hooks) keep reading and writing it.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::Result;
use crate::i18n::t;
use crate::interop::atomic::check_not_database;

// `backup [FILE]`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy; it must not exist [default:
    /// otium-backup-YYYYMMDD-HHMMSS.db next to the database].
    pub file: Option<PathBuf>,
}

#[derive(Serialize)]
struct Answer {
    database: PathBuf,
    backup: PathBuf,
    bytes: u64,
}

pub fn run(ctx: &mut Ctx, args: &BackupArgs) -> Result<()> {
    let db = ctx.tracker.db_path().to_path_buf();
    let (target, bytes) = match &args.file {
        Some(file) => {
            check_not_database(file, &db)?;
            let bytes = ctx.tracker.backup(file)?;
            (file.clone(), bytes)
        }
        None => {
            // The user's local time, to the second; a second backup within the same
            // second takes `…-2.db`.
            let stamp = ctx
                .tracker
                .now()
                .with_timezone(&ctx.tracker.zone())
                .format("%Y%m%d-%H%M%S");
            let base = db.with_file_name(format!("otium-backup-{stamp}.db"));
            check_not_database(&base, &db)?;
            ctx.tracker.backup_to_free_name(&base)?
        }
    };
    let lang = ctx.lang;
    let (from, to) = (db.display(), target.display());
    let kib = bytes.div_ceil(1024);
    ctx.out.line(t(
        lang,
        "admin-backup-done",
        &[("database", &from), ("backup", &to), ("kib", &kib)],
    ));
    ctx.out
        .line(t(lang, "admin-backup-restore", &[("database", &from)]));
    ctx.out.value(|| Answer {
        database: db,
        backup: target,
        bytes,
    });
    Ok(())
}
