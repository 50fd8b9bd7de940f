//! The checks behind `otium doctor`: file modes, file system, SQLite settings, schema,
//! integrity, foreign keys and the session rules. Everything here only reads.

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use super::filesystem::{FileSystem, config_check, file_system, leftovers, mode_checks};
use crate::store::{Store, schema};

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing to do.
    Ok,
    /// Works, but puts the data at risk; the detail says what to change.
    Warn,
    /// Something is broken; the detail says what to do.
    Fail,
}

/// One line of the doctor's report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// A stable name (`integrity`, `overlaps`, …).
    pub name: &'static str,
    /// The outcome.
    pub status: Status,
    /// What was found and, when not ok, how to fix it (one line).
    pub detail: String,
    /// A warning that is no problem: shown, but `doctor` still passes (exit 0), so it
    /// stays usable as a cron health check. The config file's findings are advisory:
    /// it holds no secrets and no data.
    #[serde(skip)]
    pub advisory: bool,
    /// The catalogue key and arguments `detail` came from, so a face can say it in
    /// the user's language (JSON keeps `detail` in English); `None` for a detail that
    /// is data (paths and modes) or not in the catalogue.
    #[serde(skip)]
    pub keyed: Option<(&'static str, Vec<(&'static str, String)>)>,
    /// `keyed`'s arguments for Chinese, when some of them are words themselves (a
    /// sync file's reason); `None` when the arguments are data in every language.
    #[serde(skip)]
    pub args_zh: Option<Vec<(&'static str, String)>>,
}

impl Check {
    /// The detail in `lang`: from the catalogue when it came from there.
    #[must_use]
    pub fn detail_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.keyed {
            Some((key, args)) if lang != crate::i18n::Lang::En => {
                render(lang, key, self.args_zh.as_deref().unwrap_or(args))
            }
            _ => self.detail.clone(),
        }
    }
}

fn render(lang: crate::i18n::Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> = args
        .iter()
        .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
        .collect();
    crate::i18n::t(lang, key, &args)
}

/// Everything `otium doctor` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// True when no check is a problem (advisory warnings allowed).
    pub ok: bool,
    /// The database file.
    pub database: PathBuf,
    /// The config file, when there is one.
    pub config: Option<PathBuf>,
    /// The SQLite library compiled in.
    pub sqlite_version: String,
    /// `PRAGMA journal_mode` (`wal` expected).
    pub journal_mode: String,
    /// `PRAGMA synchronous` as a name (`full` expected).
    pub synchronous: String,
    /// `PRAGMA user_version`.
    pub schema_version: i64,
    /// The version this binary writes.
    pub latest_schema_version: i64,
    /// The database folder's file system, by its `statfs` magic number.
    pub file_system: String,
    /// Whether the full `integrity_check` ran (else `quick_check`).
    pub full: bool,
    /// Each check in order.
    pub checks: Vec<Check>,
}

impl Report {
    /// The checks that are not ok, advisory warnings left out.
    pub fn problems(&self) -> impl Iterator<Item = &Check> {
        self.checks
            .iter()
            .filter(|c| c.status != Status::Ok && !c.advisory)
    }
}

pub(super) fn check(name: &'static str, status: Status, detail: impl Into<String>) -> Check {
    Check {
        name,
        status,
        detail: detail.into(),
        advisory: false,
        keyed: None,
        args_zh: None,
    }
}

/// A check whose detail is the catalogue's `key` (English in `detail`).
pub(super) fn keyed(
    name: &'static str,
    status: Status,
    key: &'static str,
    args: Vec<(&'static str, String)>,
) -> Check {
    Check {
        detail: render(crate::i18n::Lang::En, key, &args),
        keyed: Some((key, args)),
        ..check(name, status, String::new())
    }
}

/// Runs every check on an open store (read-only: nothing is written).
#[must_use]
pub fn doctor(store: &Store, config: Option<&Path>, full: bool) -> Report {
    let conn = &store.conn;
    let path = store.path();
    let mut checks = Vec::new();

    checks.extend(mode_checks(path));
    checks.extend(config_check(config));

    let file_system = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| file_system(Path::new(".")), file_system);
    let fs_check = match &file_system {
        FileSystem::Local(name) => keyed(
            "file_system",
            Status::Ok,
            "admin-doctor-fs-local",
            vec![("name", name.clone())],
        ),
        FileSystem::Network(name) => keyed(
            "file_system",
            Status::Warn,
            "admin-doctor-fs-network",
            vec![("name", name.clone())],
        ),
        FileSystem::Unknown(name) => check("file_system", Status::Ok, name.clone()),
    };
    checks.push(fs_check);
    checks.push(leftovers(path));

    let text = |sql: &str| -> std::result::Result<String, String> {
        conn.query_row(sql, [], |r| r.get::<_, String>(0))
            .map_err(|e| e.to_string())
    };
    let number = |sql: &str| -> std::result::Result<i64, String> {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map_err(|e| e.to_string())
    };

    // A read-only file is opened `immutable`, where the pragma always says `delete`;
    // the file header's read/write versions (bytes 18 and 19, 2 for WAL) tell the truth.
    let journal_mode = if store.read_only {
        header_journal_mode(path)
    } else {
        text("PRAGMA journal_mode").unwrap_or_else(|e| format!("unknown ({e})"))
    };
    checks.push(if journal_mode.eq_ignore_ascii_case("wal") {
        check("journal_mode", Status::Ok, "wal")
    } else {
        keyed(
            "journal_mode",
            Status::Warn,
            "admin-doctor-journal-not-wal",
            vec![("mode", journal_mode.clone())],
        )
    });

    let synchronous = match number("PRAGMA synchronous") {
        Ok(0) => "off".to_string(),
        Ok(1) => "normal".to_string(),
        Ok(2) => "full".to_string(),
        Ok(3) => "extra".to_string(),
        Ok(n) => n.to_string(),
        Err(e) => format!("unknown ({e})"),
    };
    checks.push(if synchronous == "full" || synchronous == "extra" {
        check("synchronous", Status::Ok, synchronous.clone())
    } else {
        keyed(
            "synchronous",
            Status::Fail,
            "admin-doctor-synchronous-not-full",
            vec![("mode", synchronous.clone())],
        )
    });

    let schema_version = number("PRAGMA user_version").unwrap_or(-1);
    checks.push(if schema_version == schema::LATEST_VERSION {
        keyed(
            "schema_version",
            Status::Ok,
            "admin-doctor-schema-latest",
            vec![("version", schema_version.to_string())],
        )
    } else {
        keyed(
            "schema_version",
            Status::Fail,
            "admin-doctor-schema-other",
            vec![
                ("version", schema_version.to_string()),
                ("latest", schema::LATEST_VERSION.to_string()),
            ],
        )
    });

    let app_id = number("PRAGMA application_id").unwrap_or(0);
    checks.push(if app_id == schema::APPLICATION_ID {
        keyed(
            "application_id",
            Status::Ok,
            "admin-doctor-app-id-otium",
            vec![("id", format!("{app_id:#x}"))],
        )
    } else {
        keyed(
            "application_id",
            Status::Fail,
            "admin-doctor-app-id-other",
            vec![("id", format!("{app_id:#x}"))],
        )
    });

    checks.push(integrity(conn, full));
    checks.push(foreign_keys(conn));
    checks.extend(invariants(conn));

    let ok = checks.iter().all(|c| c.status == Status::Ok || c.advisory);
    Report {
        ok,
        database: path.to_path_buf(),
        config: config.filter(|c| c.exists()).map(Path::to_path_buf),
        sqlite_version: rusqlite::version().to_string(),
        journal_mode,
        synchronous,
        schema_version,
        latest_schema_version: schema::LATEST_VERSION,
        file_system: file_system.name().to_string(),
        full,
        checks,
    }
}

fn header_journal_mode(path: &Path) -> String {
    use std::io::Read;
    let mut header = [0u8; 20];
    match File::open(path).and_then(|mut f| f.read_exact(&mut header)) {
        Ok(()) if header[18] == 2 && header[19] == 2 => "wal".to_string(),
        Ok(()) => "delete".to_string(),
        Err(e) => format!("unknown ({e})"),
    }
}

fn integrity(conn: &Connection, full: bool) -> Check {
    let pragma = if full {
        "integrity_check"
    } else {
        "quick_check"
    };
    let rows = conn
        .prepare(&format!("PRAGMA {pragma}(20)"))
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        });
    match rows {
        Ok(rows) if rows == ["ok"] => keyed(
            "integrity",
            Status::Ok,
            "admin-doctor-integrity-ok",
            vec![("pragma", pragma.to_string())],
        ),
        Ok(rows) => keyed(
            "integrity",
            Status::Fail,
            "admin-doctor-integrity-found",
            vec![
                ("pragma", pragma.to_string()),
                ("count", rows.len().to_string()),
                (
                    "first",
                    rows.first().map_or("", String::as_str).replace('\n', " "),
                ),
            ],
        ),
        Err(e) => keyed(
            "integrity",
            Status::Fail,
            "admin-doctor-integrity-failed",
            vec![("pragma", pragma.to_string()), ("error", e.to_string())],
        ),
    }
}

fn foreign_keys(conn: &Connection) -> Check {
    let rows = conn.prepare("PRAGMA foreign_key_check").and_then(|mut st| {
        st.query_map([], |r| {
            let table: String = r.get(0)?;
            let parent: String = r.get(2)?;
            // `session_tags` has no rowid (WITHOUT ROWID): name the table only.
            Ok(match r.get::<_, Option<i64>>(1)? {
                Some(row) => format!("{table} row {row} points to a missing {parent} row"),
                None => format!("a {table} row points to a missing {parent} row"),
            })
        })?
        .collect::<rusqlite::Result<Vec<String>>>()
    });
    match rows {
        Ok(rows) if rows.is_empty() => {
            keyed("foreign_keys", Status::Ok, "admin-doctor-fk-ok", vec![])
        }
        Ok(rows) => keyed(
            "foreign_keys",
            Status::Fail,
            "admin-doctor-fk-found",
            vec![
                ("count", rows.len().to_string()),
                ("first", rows[0].clone()),
            ],
        ),
        Err(e) => keyed(
            "foreign_keys",
            Status::Fail,
            "admin-doctor-fk-failed",
            vec![("error", e.to_string())],
        ),
    }
}

fn cannot_read(name: &'static str, error: &str) -> Check {
    keyed(
        name,
        Status::Fail,
        "admin-doctor-cannot-read",
        vec![("error", error.to_string())],
    )
}

/// At most one running session, every end after its start, no two sessions overlapping.
fn invariants(conn: &Connection) -> Vec<Check> {
    let ids = |sql: &str| -> std::result::Result<Vec<i64>, String> {
        conn.prepare(sql)
            .and_then(|mut st| {
                st.query_map([], |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<i64>>>()
            })
            .map_err(|e| e.to_string())
    };
    let list = |ids: &[i64]| -> String {
        let shown: Vec<String> = ids.iter().take(5).map(i64::to_string).collect();
        let more = if ids.len() > 5 { ", …" } else { "" };
        format!("{}{more}", shown.join(", "))
    };
    let mut out = Vec::new();
    out.push(
        match ids("SELECT id FROM sessions WHERE end_utc IS NULL ORDER BY id") {
            Ok(running) if running.len() <= 1 => keyed(
                "running",
                Status::Ok,
                "admin-doctor-running-ok",
                vec![("count", running.len().to_string())],
            ),
            Ok(running) => keyed(
                "running",
                Status::Fail,
                "admin-doctor-running-many",
                vec![
                    ("count", running.len().to_string()),
                    ("ids", list(&running)),
                ],
            ),
            Err(e) => cannot_read("running", &e),
        },
    );
    out.push(
        match ids("SELECT id FROM sessions WHERE end_utc IS NOT NULL AND end_utc <= start_utc ORDER BY id") {
            Ok(bad) if bad.is_empty() => keyed("end_after_start", Status::Ok, "admin-doctor-ends-ok", vec![]),
            Ok(bad) => keyed(
                "end_after_start",
                Status::Fail,
                "admin-doctor-ends-bad",
                vec![("count", bad.len().to_string()), ("ids", list(&bad))],
            ),
            Err(e) => cannot_read("end_after_start", &e),
        },
    );
    // Ordered by start, a session overlaps an earlier one when it starts before the
    // latest end seen so far (a running session ends at infinity).
    let overlap_sql = "SELECT id FROM (
            SELECT id, start_utc,
                   max(coalesce(end_utc, 9223372036854775807)) OVER (
                       ORDER BY start_utc, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                   ) AS previous_end
            FROM sessions)
        WHERE previous_end > start_utc ORDER BY id";
    out.push(match ids(overlap_sql) {
        Ok(bad) if bad.is_empty() => {
            keyed("overlaps", Status::Ok, "admin-doctor-overlaps-ok", vec![])
        }
        Ok(bad) => keyed(
            "overlaps",
            Status::Fail,
            "admin-doctor-overlaps-bad",
            vec![("count", bad.len().to_string()), ("ids", list(&bad))],
        ),
        Err(e) => cannot_read("overlaps", &e),
    });
    out.push(project_totals(conn));
    out
}

/// The per-project totals that full-history reports read (migration 008) against a
/// count from scratch: triggers keep them, so a difference means a damaged file or a
/// hand edit that dropped the triggers.
fn project_totals(conn: &Connection) -> Check {
    match crate::store::totals::mismatches(conn) {
        Ok(bad) if bad.is_empty() => keyed(
            "project_totals",
            Status::Ok,
            "admin-doctor-totals-ok",
            vec![],
        ),
        Ok(bad) => {
            let first = &bad[0];
            // A project with no total on one side is said as "none" (a select in the
            // catalogue), so both numbers stay plain arguments.
            let side = |t: Option<(i64, i64)>| {
                t.map_or_else(
                    || ("none".to_string(), String::new()),
                    |(n, s)| (n.to_string(), s.to_string()),
                )
            };
            let (stored_sessions, stored_seconds) = side(first.stored);
            let (counted_sessions, counted_seconds) = side(first.expected);
            keyed(
                "project_totals",
                Status::Fail,
                "admin-doctor-totals-bad",
                vec![
                    ("count", bad.len().to_string()),
                    ("project", first.project_id.to_string()),
                    ("stored_sessions", stored_sessions),
                    ("stored_seconds", stored_seconds),
                    ("counted_sessions", counted_sessions),
                    ("counted_seconds", counted_seconds),
                ],
            )
        }
        Err(e) => keyed(
            "project_totals",
            Status::Fail,
            "admin-doctor-totals-unreadable",
            vec![("error", e.to_string())],
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::store::maintenance::test_support::seeded;

    #[test]
    fn a_healthy_database_passes_every_check() {
        let dir = tempfile::tempdir().unwrap();
        let store = seeded(dir.path());
        let report = doctor(&store, None, true);
        assert!(report.ok, "{:#?}", report.checks);
        assert_eq!(report.journal_mode, "wal");
        assert_eq!(report.synchronous, "full");
        assert_eq!(report.schema_version, schema::LATEST_VERSION);
    }

    #[test]
    fn broken_invariants_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let store = seeded(dir.path());
        store
            .conn
            .execute_batch(
                "DROP INDEX sessions_one_running;
                 PRAGMA ignore_check_constraints = ON;
                 INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
                 VALUES ('c', 1, 150, 250, 'UTC', 0, 0), ('d', 1, 400, NULL, 'UTC', 0, 0),
                        ('e', 1, 90, 80, 'UTC', 0, 0);",
            )
            .unwrap();
        let report = doctor(&store, None, false);
        assert!(!report.ok);
        let failed: Vec<&str> = report.problems().map(|c| c.name).collect();
        assert_eq!(failed, ["running", "end_after_start", "overlaps"]);
        let detail = |name: &str| {
            report
                .checks
                .iter()
                .find(|c| c.name == name)
                .unwrap()
                .detail
                .clone()
        };
        assert!(
            detail("running").contains("ids 2, 4"),
            "{}",
            detail("running")
        );
        assert!(detail("end_after_start").contains("ids 5"));
        // c (150–250) overlaps a (100–200); d starts while b runs.
        assert!(
            detail("overlaps").contains("ids 3, 4"),
            "{}",
            detail("overlaps")
        );
    }
}
