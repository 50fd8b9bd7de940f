//! `away_gaps`: away time the TUI saw, until the user answers it.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::Db;
use crate::error::Result;

/// One recorded gap: the user was away from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// Row id (what `otium away --id` names).
    pub id: i64,
    /// When the user left (the last key, or when the machine went to sleep).
    pub from: DateTime<Utc>,
    /// When the user came back.
    pub to: DateTime<Utc>,
}

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// Records a gap; returns it with its id.
pub fn insert(
    db: Db<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Gap> {
    db.sql(|conn| {
        conn.execute(
            "INSERT INTO away_gaps (from_utc, to_utc, recorded_utc) VALUES (?1, ?2, ?3)",
            params![from.timestamp(), to.timestamp(), now.timestamp()],
        )?;
        Ok(Gap {
            id: conn.last_insert_rowid(),
            from,
            to,
        })
    })
}

/// The unanswered gaps that begin at or after `since`, oldest first.
pub fn open_since(db: Db<'_>, since: DateTime<Utc>) -> Result<Vec<Gap>> {
    db.sql(|conn| {
        let mut st = conn.prepare_cached(
            "SELECT id, from_utc, to_utc FROM away_gaps
             WHERE answer IS NULL AND from_utc >= ?1 ORDER BY from_utc, id",
        )?;
        st.query_map([since.timestamp()], |r| {
            Ok(Gap {
                id: r.get(0)?,
                from: instant(r.get(1)?),
                to: instant(r.get(2)?),
            })
        })?
        .collect()
    })
}

/// Marks gap `id` answered with `answer` (`keep`, `cut`, `stop` or `moot`).
pub fn answer(db: Db<'_>, id: i64, answer: &str, now: DateTime<Utc>) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "UPDATE away_gaps SET answer = ?2, answered_utc = ?3 WHERE id = ?1 AND answer IS NULL",
            params![id, answer, now.timestamp()],
        )
        .map(drop)
    })
}
