//! Per-project totals of closed sessions (`project_totals`, migration 008), kept by
//! triggers in the same transaction as every change to `sessions`. A whole-history
//! total does not depend on the zone, so a full-history report by project reads these
//! rows and the running session instead of every session. This file reads them,
//! compares them with a count from scratch (for `doctor`) and rebuilds them.

use rusqlite::{Connection, Row};

use super::Db;
use crate::error::Result;
use crate::model::LeanSession;
use crate::time::from_unix;

type Sql<T> = rusqlite::Result<T>;

/// The closed sessions of one project: how many and their seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectTotal {
    /// The project's name.
    pub project: String,
    /// How many closed sessions it has (at least one).
    pub sessions: i64,
    /// Their seconds, whole (no clipping: the range is the whole history).
    pub seconds: i64,
}

/// Everything a whole-history total needs, read in one statement (one snapshot): the
/// stored totals and the running session, whose length grows with the clock.
#[derive(Debug, Clone, Default)]
pub struct HistoryTotals {
    /// Closed sessions per project, by project name.
    pub closed: Vec<ProjectTotal>,
    /// The running session, if any (without tags).
    pub running: Option<LeanSession>,
}

/// The stored totals and the running session.
pub fn history(db: Db<'_>) -> Result<HistoryTotals> {
    db.sql(history_rows)
}

fn history_rows(conn: &Connection) -> Sql<HistoryTotals> {
    // Column 0 says which half a row is from: 0 a stored total, 1 the running session.
    let mut stmt = conn.prepare_cached(
        "SELECT 0, p.name, t.sessions, t.seconds, NULL
         FROM project_totals t JOIN projects p ON p.id = t.project_id
         UNION ALL
         SELECT 1, p.name, s.id, s.start_utc, NULL
         FROM sessions s JOIN projects p ON p.id = s.project_id WHERE s.end_utc IS NULL
         ORDER BY 1, 2",
    )?;
    let mut out = HistoryTotals::default();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        if row.get::<_, i64>(0)? == 0 {
            out.closed.push(total_of(row)?);
        } else {
            out.running = Some(LeanSession {
                id: row.get(2)?,
                project: row.get(1)?,
                tags: Vec::new(),
                start: from_unix(row.get(3)?),
                end: None,
            });
        }
    }
    Ok(out)
}

fn total_of(row: &Row<'_>) -> Sql<ProjectTotal> {
    Ok(ProjectTotal {
        project: row.get(1)?,
        sessions: row.get(2)?,
        seconds: row.get(3)?,
    })
}

/// The totals counted from scratch from `sessions`: what the stored ones must equal.
const FROM_SCRATCH: &str =
    "SELECT project_id, count(*) AS sessions, sum(end_utc - start_utc) AS seconds
    FROM sessions WHERE end_utc IS NOT NULL GROUP BY project_id";

/// The projects (by id) whose stored totals differ from a count from scratch, with
/// what is stored and what should be (`None`: no row). Only reads.
pub fn mismatches(conn: &Connection) -> Sql<Vec<Mismatch>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT coalesce(c.project_id, t.project_id), t.sessions, t.seconds, c.sessions, c.seconds
         FROM ({FROM_SCRATCH}) c FULL OUTER JOIN project_totals t ON t.project_id = c.project_id
         WHERE c.sessions IS NOT t.sessions OR c.seconds IS NOT t.seconds
         ORDER BY 1"
    ))?;
    stmt.query_map([], |r| {
        let pair = |a: Option<i64>, b: Option<i64>| a.zip(b);
        Ok(Mismatch {
            project_id: r.get(0)?,
            stored: pair(r.get(1)?, r.get(2)?),
            expected: pair(r.get(3)?, r.get(4)?),
        })
    })?
    .collect()
}

/// A project whose stored totals are wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The project's id.
    pub project_id: i64,
    /// `(sessions, seconds)` stored, if a row is.
    pub stored: Option<(i64, i64)>,
    /// `(sessions, seconds)` counted from the sessions, if any is closed.
    pub expected: Option<(i64, i64)>,
}

/// Replaces the stored totals with a count from scratch (inside the caller's write
/// transaction); returns how many projects' rows were wrong before.
pub fn rebuild(db: Db<'_>) -> Result<usize> {
    db.sql(|conn| {
        let wrong = mismatches(conn)?.len();
        conn.execute("DELETE FROM project_totals", [])?;
        conn.execute(
            &format!(
                "INSERT INTO project_totals (project_id, sessions, seconds)
                 SELECT project_id, sessions, seconds FROM ({FROM_SCRATCH})"
            ),
            [],
        )?;
        Ok(wrong)
    })
}
