//! The SQL behind `otium doctor` and `otium backup`: health checks that only read
//! (`checks`), the file system they run on (`filesystem`), and online backups written
//! with `VACUUM INTO` a temp file, synced, then renamed (`backup`).

mod backup;
mod checks;
mod filesystem;

pub(crate) use backup::backup_before_migration;
pub use backup::{backup, backup_to_free_name};
pub use checks::{Check, Report, Status, doctor};

#[cfg(test)]
mod test_support {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::path::Path;

    use rusqlite::Connection;

    use crate::store::Store;

    pub(super) fn sessions(conn: &Connection) -> Vec<(i64, i64, Option<i64>)> {
        let mut st = conn
            .prepare("SELECT id, start_utc, end_utc FROM sessions ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
    }

    pub(super) fn seeded(dir: &Path) -> Store {
        let store = Store::open(&dir.join("otium.db")).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO projects (id, name, created_utc) VALUES (1, 'coding', 0);
                 INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
                 VALUES ('a', 1, 100, 200, 'UTC', 0, 0), ('b', 1, 300, NULL, 'UTC', 0, 0);",
            )
            .unwrap();
        store
    }
}
