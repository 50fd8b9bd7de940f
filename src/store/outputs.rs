//! Output rows and project units: what a person produced, for the leisure model.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::error::Result;
use crate::model::{OutputEntry, SessionId};
use crate::time::{from_unix, range::Span};

/// Sets (or clears) a project's output unit, creating the project if needed.
pub fn set_unit(db: Db<'_>, project: &str, unit: Option<&str>, now: DateTime<Utc>) -> Result<()> {
    db.sql(|conn| {
        conn.execute(
            "INSERT INTO projects (name, output_unit, created_utc) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET output_unit = excluded.output_unit",
            params![project, unit, now.timestamp()],
        )?;
        Ok(())
    })
}

/// `Some(unit)` for a known project (`unit` may be `None`), `None` if there is no such project.
pub fn unit(db: Db<'_>, project: &str) -> Result<Option<Option<String>>> {
    db.sql(|conn| {
        conn.query_row(
            "SELECT output_unit FROM projects WHERE name = ?1",
            [project],
            |r| r.get(0),
        )
        .optional()
    })
}

/// Every project that declares a unit, by name.
pub fn projects_with_units(db: Db<'_>) -> Result<Vec<(String, String)>> {
    db.sql(|conn| {
        let mut stmt = conn.prepare(
            "SELECT name, output_unit FROM projects WHERE output_unit IS NOT NULL ORDER BY name",
        )?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    })
}

/// What to record.
pub struct NewOutput<'a> {
    /// The project (must exist).
    pub project: &'a str,
    /// Amount in the project's unit.
    pub amount: f64,
    /// When.
    pub at: DateTime<Utc>,
    /// The zone it was recorded in.
    pub zone: &'a str,
    /// The session it belongs to, if any.
    pub session: Option<SessionId>,
    /// A note.
    pub note: Option<&'a str>,
}

/// Inserts an output row and returns it.
pub fn insert(db: Db<'_>, new: &NewOutput<'_>) -> Result<OutputEntry> {
    db.sql(|conn| {
    let id: i64 = conn.query_row(
        "INSERT INTO outputs (uuid, project_id, amount, at_utc, zone, session_id, note)
         SELECT ?1, id, ?3, ?4, ?5, ?6, ?7 FROM projects WHERE name = ?2 RETURNING id",
        params![
            uuid::Uuid::new_v4().to_string(),
            new.project,
            new.amount,
            new.at.timestamp(),
            new.zone,
            new.session,
            new.note
        ],
        |r| r.get(0),
    )?;
    conn.query_row(
        "SELECT o.id, o.uuid, p.name, p.output_unit, o.amount, o.at_utc, o.zone, o.session_id, o.note
         FROM outputs o JOIN projects p ON p.id = o.project_id WHERE o.id = ?1",
        [id],
        |r| {
            Ok(OutputEntry {
                id: r.get(0)?,
                uuid: r.get(1)?,
                project: r.get(2)?,
                unit: r.get(3)?,
                amount: r.get(4)?,
                at: from_unix(r.get(5)?),
                zone: r.get(6)?,
                session: r.get(7)?,
                note: r.get(8)?,
            })
        },
    )
    })
}

/// Total output of `project` recorded inside `span`.
pub fn sum(db: Db<'_>, project: &str, span: Span) -> Result<f64> {
    db.sql(|conn| {
        let (from, to) = super::span_seconds(span);
        conn.query_row(
        "SELECT coalesce(sum(o.amount), 0.0) FROM outputs o JOIN projects p ON p.id = o.project_id
         WHERE p.name = ?1 AND o.at_utc >= ?2 AND o.at_utc < ?3",
        params![project, from, to],
        |r| r.get(0),
    )
    })
}

/// Streams the instants of `project`'s output rows, oldest first, to `f` (which
/// returns `false` to stop). Served by the (project, at) index.
pub fn each_instant(
    db: Db<'_>,
    project: &str,
    f: &mut dyn FnMut(DateTime<Utc>) -> bool,
) -> Result<()> {
    db.sql(|conn| {
        let mut stmt = conn.prepare(
            "SELECT o.at_utc FROM outputs o JOIN projects p ON p.id = o.project_id
         WHERE p.name = ?1 AND o.amount > 0 ORDER BY o.at_utc",
        )?;
        let mut rows = stmt.query([project])?;
        while let Some(row) = rows.next()? {
            if !f(from_unix(row.get(0)?)) {
                break;
            }
        }
        Ok(())
    })
}

/// When the first session (of `project`, or of any project) started.
pub fn first_start(db: Db<'_>, project: Option<&str>) -> Result<Option<DateTime<Utc>>> {
    db.sql(|conn| {
        let seconds: Option<i64> = match project {
            Some(name) => conn.query_row(
                "SELECT min(s.start_utc) FROM sessions s JOIN projects p ON p.id = s.project_id
             WHERE p.name = ?1",
                [name],
                |r| r.get(0),
            )?,
            None => conn.query_row("SELECT min(start_utc) FROM sessions", [], |r| r.get(0))?,
        };
        Ok(seconds.map(from_unix))
    })
}

/// Sets (or with `None` clears) a project's hourly rate, creating the project if needed.
pub fn set_rate(
    db: Db<'_>,
    project: &str,
    rate: Option<(i64, &str)>,
    now: DateTime<Utc>,
) -> Result<()> {
    let (cents, currency) = rate.map_or((None, None), |(c, cur)| (Some(c), Some(cur)));
    db.sql(|conn| {
        conn.execute(
            "INSERT INTO projects (name, rate_cents, currency, created_utc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (name) DO UPDATE SET rate_cents = excluded.rate_cents, currency = excluded.currency",
            params![project, cents, currency, now.timestamp()],
        )?;
        Ok(())
    })
}

/// Every project with a rate: `(name, hundredths per hour, currency)`, by name.
pub fn project_rates(db: Db<'_>) -> Result<Vec<(String, i64, String)>> {
    db.sql(|conn| {
        let mut stmt = conn.prepare(
            "SELECT name, rate_cents, currency FROM projects
             WHERE rate_cents IS NOT NULL AND currency IS NOT NULL ORDER BY name",
        )?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect()
    })
}
