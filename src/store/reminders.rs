//! `reminders_sent`: what `otium notify` already told the user, by occasion key.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::Db;
use crate::error::Result;

/// Records `key` as told at `at`; false when it had been told already.
pub fn mark_sent(db: Db<'_>, key: &str, at: DateTime<Utc>) -> Result<bool> {
    db.sql(|conn| {
        conn.execute(
            "INSERT INTO reminders_sent (key, at_utc) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![key, at.timestamp()],
        )
        .map(|n| n == 1)
    })
}
