//! The `project_totals_insert` trigger (migration 008) out of the way of a large
//! import: taken out of the schema at the import's first insert and put back, with the
//! totals it would have added, when the import is done, all inside the import's one
//! transaction (see [`Suspended`]). Used by [`super::ImportWriter`] only.

use std::collections::HashMap;

use rusqlite::{Connection, params};

type Sql<T> = rusqlite::Result<T>;

/// The trigger while it is out. A trigger on `sessions` makes every `INSERT` a
/// statement that may write more than one table, so SQLite copies every page each
/// insert touches into a statement journal first (about five pages a session, the
/// biggest cost of a large import) and runs the trigger's upsert once per row. Both
/// the drop and the re-creation are inside the import's one transaction: any failure
/// rolls them back with everything else, and no other connection ever sees the schema
/// without the trigger.
pub(super) struct Suspended {
    /// The trigger's `CREATE TRIGGER` statement as stored, run again verbatim.
    sql: String,
    /// What the trigger would have added, per project id: closed sessions and their
    /// seconds. Exact because the engine never updates or deletes a session it
    /// inserted (the update and delete triggers, which stay, would otherwise take off
    /// totals not yet added).
    added: HashMap<i64, (i64, i64)>,
}

impl Suspended {
    /// Takes the trigger out; `None` (and nothing done) for a database without it,
    /// which keeps no totals to maintain.
    pub(super) fn begin(conn: &Connection) -> Sql<Option<Self>> {
        let Some(sql) = super::take_out(conn, "trigger", "project_totals_insert")? else {
            return Ok(None);
        };
        Ok(Some(Suspended {
            sql,
            added: HashMap::new(),
        }))
    }

    /// Counts a closed session of `seconds` inserted into project `project`.
    pub(super) fn count(&mut self, project: i64, seconds: i64) {
        let total = self.added.entry(project).or_insert((0, 0));
        *total = (total.0 + 1, total.1 + seconds);
    }

    /// Adds what was counted to `project_totals`, one row per project, and puts the
    /// trigger back.
    pub(super) fn end(self, conn: &Connection) -> Sql<()> {
        let mut upsert = conn.prepare(
            "INSERT INTO project_totals (project_id, sessions, seconds) VALUES (?1, ?2, ?3)
             ON CONFLICT (project_id) DO UPDATE
             SET sessions = sessions + excluded.sessions, seconds = seconds + excluded.seconds",
        )?;
        for (project, (sessions, seconds)) in self.added {
            upsert.execute(params![project, sessions, seconds])?;
        }
        conn.execute_batch(&self.sql)
    }
}
