//! The schema's migrations, applied under `PRAGMA user_version` by `rusqlite_migration`.
//!
//! Append new migrations; never edit a released one (fixture databases of every
//! version must keep upgrading).

use rusqlite::Transaction;
use rusqlite_migration::{HookError, HookResult, M, Migrations};

/// Marks a database file as otium's (`PRAGMA application_id`).
pub const APPLICATION_ID: i64 = 0x6F74_6975;

/// Each version's SQL, and whether it rebuilds tables (it then runs with foreign keys
/// off, see `Store::migrate`, and every reference is checked before it commits).
const STEPS: &[(&str, bool)] = &[
    (include_str!("migrations/001_initial.sql"), false),
    // Rebuilds `sessions` and `outputs` with AUTOINCREMENT: ids are never reused.
    (include_str!("migrations/002_ids_never_reused.sql"), true),
    // Adds `sessions.source`, `source_key`, `source_version`: re-imports find their sessions.
    (include_str!("migrations/003_import_sources.sql"), false),
    // The change journal (undo/redo) and the reminders already sent.
    (include_str!("migrations/004_journal.sql"), false),
    // Away time the TUI saw (sleep or idle), until the user answers it.
    (include_str!("migrations/005_away_gaps.sql"), false),
    // An hourly rate and currency per project, for amounts in reports.
    (include_str!("migrations/006_project_rates.sql"), false),
    // Sync through a folder: device identity, merge state, outbox, conflicts.
    (include_str!("migrations/007_sync.sql"), false),
    // A covering start index for the lean read; per-project totals kept by triggers.
    (include_str!("migrations/008_full_history_reads.sql"), false),
    // The sessions an import creates, journaled as typed rows instead of JSON.
    (include_str!("migrations/009_journal_created.sql"), false),
    // Rebuilds `sessions` with its uuid rule as a named index an import may set aside.
    (include_str!("migrations/010_uuid_index.sql"), true),
];

/// The schema version this binary writes.
pub const LATEST_VERSION: i64 = STEPS.len() as i64;

/// All migrations in order.
#[must_use]
pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        STEPS
            .iter()
            .map(|&(sql, rebuilds)| {
                if rebuilds {
                    M::up_with_hook(sql, foreign_key_check)
                } else {
                    M::up(sql)
                }
            })
            .collect(),
    )
}

/// Fails the migration (its transaction rolls back) when any reference dangles.
/// `rusqlite_migration`'s own `M::foreign_key_check` cannot be used: it reads the
/// `rowid` column as an integer, which is NULL for a `WITHOUT ROWID` table such as
/// `session_tags`, so a dangling tag link would surface as a type error instead.
fn foreign_key_check(tx: &Transaction<'_>) -> HookResult {
    let mut st = tx.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")?;
    let dangling = st
        .query_map([], |r| {
            let row = r
                .get::<_, Option<i64>>(1)?
                .map_or_else(|| "a row".to_string(), |id| format!("row {id}"));
            Ok(format!(
                "{row} of {} refers to a missing {} row",
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?
            ))
        })?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    match dangling.first() {
        None => Ok(()),
        Some(first) => Err(HookError::Hook(format!(
            "{} dangling reference(s), first: {first}",
            dangling.len()
        ))),
    }
}

#[cfg(test)]
#[path = "schema_tests.rs"]
mod tests;
