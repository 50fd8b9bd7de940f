//! The schema's migrations, applied under `PRAGMA user_version` by `rusqlite_migration`.
//!
//! Append new migrations; never edit a released one (fixture databases of every
//! version must keep upgrading).

use rusqlite_migration::{M, Migrations};

/// Marks a database file as otium's (`PRAGMA application_id`).
pub const APPLICATION_ID: i64 = 0x6F74_6975;

const MIGRATIONS: &[M<'static>] = &[M::up(include_str!("migrations/001_initial.sql"))];

/// The schema version this binary writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// All migrations in order.
#[must_use]
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
