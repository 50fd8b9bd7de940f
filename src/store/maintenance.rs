//! The SQL behind `otium doctor` and `otium backup`: health checks that only read,
//! and online backups written with `VACUUM INTO` a temp file, synced, then renamed.

use std::fs::File;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use super::{Store, schema};
use crate::error::{Error, ErrorKind, Result};

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
}

/// Everything `otium doctor` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// True when every check is ok.
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
    /// The checks that are not ok.
    pub fn problems(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.status != Status::Ok)
    }
}

fn check(name: &'static str, status: Status, detail: impl Into<String>) -> Check {
    Check {
        name,
        status,
        detail: detail.into(),
    }
}

/// Runs every check on an open store (read-only: nothing is written).
#[must_use]
pub fn doctor(store: &Store, config: Option<&Path>, full: bool) -> Report {
    let conn = &store.conn;
    let path = store.path();
    let mut checks = Vec::new();

    checks.extend(mode_checks(path, config));

    let file_system = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| file_system(Path::new(".")), file_system);
    let fs_check = match &file_system {
        FileSystem::Local(name) => check("file_system", Status::Ok, format!("{name} (local)")),
        FileSystem::Network(name) => check(
            "file_system",
            Status::Warn,
            format!(
                "{name}: a network or FUSE file system, where SQLite's locking and write-ahead log are unsafe; move the database to a local disk"
            ),
        ),
        FileSystem::Unknown(name) => check("file_system", Status::Ok, name.clone()),
    };
    checks.push(fs_check);

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
        check(
            "journal_mode",
            Status::Warn,
            format!(
                "{journal_mode}, not wal; run any otium write (e.g. `otium status` on a writable file) to switch it"
            ),
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
        check(
            "synchronous",
            Status::Fail,
            format!("{synchronous}, not full: a power cut may lose commits; please report this"),
        )
    });

    let schema_version = number("PRAGMA user_version").unwrap_or(-1);
    checks.push(if schema_version == schema::LATEST_VERSION {
        check(
            "schema_version",
            Status::Ok,
            format!("{schema_version} (latest)"),
        )
    } else {
        check(
            "schema_version",
            Status::Fail,
            format!(
                "{schema_version}, this otium writes {}; open it with a matching otium",
                schema::LATEST_VERSION
            ),
        )
    });

    let app_id = number("PRAGMA application_id").unwrap_or(0);
    checks.push(if app_id == schema::APPLICATION_ID {
        check("application_id", Status::Ok, format!("{app_id:#x} (otium)"))
    } else {
        check(
            "application_id",
            Status::Fail,
            format!("{app_id:#x}, not otium's; pass --db with otium's database"),
        )
    });

    checks.push(integrity(conn, full));
    checks.push(foreign_keys(conn));
    checks.extend(invariants(conn));

    let ok = checks.iter().all(|c| c.status == Status::Ok);
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
        Ok(rows) if rows == ["ok"] => check("integrity", Status::Ok, format!("{pragma}: ok")),
        Ok(rows) => check(
            "integrity",
            Status::Fail,
            format!(
                "{pragma} found {} problem(s), first: {}; restore a backup (`otium backup` makes one) or recover with `sqlite3 DB .recover`",
                rows.len(),
                rows.first().map_or("", String::as_str).replace('\n', " ")
            ),
        ),
        Err(e) => check(
            "integrity",
            Status::Fail,
            format!("{pragma} failed: {e}; restore a backup or recover with `sqlite3 DB .recover`"),
        ),
    }
}

fn foreign_keys(conn: &Connection) -> Check {
    let rows = conn.prepare("PRAGMA foreign_key_check").and_then(|mut st| {
        st.query_map([], |r| {
            Ok(format!(
                "{} row {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0)
            ))
        })?
        .collect::<rusqlite::Result<Vec<String>>>()
    });
    match rows {
        Ok(rows) if rows.is_empty() => check("foreign_keys", Status::Ok, "no dangling references"),
        Ok(rows) => check(
            "foreign_keys",
            Status::Fail,
            format!(
                "{} dangling reference(s), first: {}; restore a backup",
                rows.len(),
                rows[0]
            ),
        ),
        Err(e) => check(
            "foreign_keys",
            Status::Fail,
            format!("foreign_key_check failed: {e}; restore a backup"),
        ),
    }
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
            Ok(running) if running.len() <= 1 => check(
                "running",
                Status::Ok,
                format!("{} running session(s)", running.len()),
            ),
            Ok(running) => check(
                "running",
                Status::Fail,
                format!(
                    "{} sessions run at once (ids {}); stop all but one with `otium edit ID --to TIME`",
                    running.len(),
                    list(&running)
                ),
            ),
            Err(e) => check("running", Status::Fail, format!("cannot read sessions: {e}")),
        },
    );
    out.push(
        match ids("SELECT id FROM sessions WHERE end_utc IS NOT NULL AND end_utc <= start_utc ORDER BY id") {
            Ok(bad) if bad.is_empty() => check("end_after_start", Status::Ok, "every session ends after it starts"),
            Ok(bad) => check(
                "end_after_start",
                Status::Fail,
                format!(
                    "{} session(s) end at or before their start (ids {}); fix them with `otium edit ID --to TIME` or `otium rm ID`",
                    bad.len(),
                    list(&bad)
                ),
            ),
            Err(e) => check("end_after_start", Status::Fail, format!("cannot read sessions: {e}")),
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
        Ok(bad) if bad.is_empty() => check("overlaps", Status::Ok, "no sessions overlap"),
        Ok(bad) => check(
            "overlaps",
            Status::Fail,
            format!(
                "{} session(s) overlap an earlier one (ids {}); fix them with `otium edit` or `otium rm`",
                bad.len(),
                list(&bad)
            ),
        ),
        Err(e) => check("overlaps", Status::Fail, format!("cannot read sessions: {e}")),
    });
    out
}

/// The database, its `-wal`/`-shm` files, its folder and the config must not be
/// readable by group or others (they hold who worked when).
fn mode_checks(db: &Path, config: Option<&Path>) -> Vec<Check> {
    let mut files: Vec<(PathBuf, bool)> = vec![(db.to_path_buf(), true)];
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        files.push((PathBuf::from(p), false));
    }
    if let Some(c) = config {
        files.push((c.to_path_buf(), false));
    }
    let mut shown = Vec::new();
    let mut open = Vec::new();
    for (file, required) in files {
        match std::fs::metadata(&file) {
            // Only regular files: a config of /dev/null has nothing to protect.
            Ok(meta) if meta.is_file() => {
                let mode = meta.permissions().mode() & 0o777;
                let entry = format!("{} {mode:04o}", file.display());
                if mode & 0o077 != 0 {
                    open.push((entry, file));
                } else {
                    shown.push(entry);
                }
            }
            Ok(_) => {}
            Err(e) if required => {
                return vec![check(
                    "file_modes",
                    Status::Fail,
                    format!("cannot read {}: {e}; check the path", file.display()),
                )];
            }
            Err(_) => {}
        }
    }
    if open.is_empty() {
        vec![check("file_modes", Status::Ok, shown.join(", "))]
    } else {
        let entries: Vec<&str> = open.iter().map(|(e, _)| e.as_str()).collect();
        let names: Vec<String> = open.iter().map(|(_, p)| p.display().to_string()).collect();
        vec![check(
            "file_modes",
            Status::Warn,
            format!(
                "readable by group or others: {}; run `chmod 600 {}`",
                entries.join(", "),
                names.join(" ")
            ),
        )]
    }
}

/// A file system as `statfs` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSystem {
    /// A local disk or memory file system.
    Local(String),
    /// NFS, SMB/CIFS, FUSE (sshfs, …), 9p, AFS, Ceph: SQLite's locks are not reliable there.
    Network(String),
    /// Not recognised (or not Linux).
    Unknown(String),
}

impl FileSystem {
    /// Its name, for the report.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            FileSystem::Local(n) | FileSystem::Network(n) | FileSystem::Unknown(n) => n,
        }
    }
}

/// Names a `statfs` magic number (`f_type`), from Linux's `magic.h`.
#[must_use]
pub fn classify_magic(magic: u64) -> FileSystem {
    let local = |n: &str| FileSystem::Local(n.to_string());
    let network = |n: &str| FileSystem::Network(n.to_string());
    match magic & 0xFFFF_FFFF {
        0xEF53 => local("ext2/ext3/ext4"),
        0x5846_5342 => local("xfs"),
        0x9123_683E => local("btrfs"),
        0x0102_1994 => local("tmpfs"),
        0x794C_7630 => local("overlayfs"),
        0x2FC1_2FC1 => local("zfs"),
        0xF2F5_2010 => local("f2fs"),
        0x4D44 => local("vfat"),
        0x2011_BAB0 => local("exfat"),
        0x5346_544E => local("ntfs"),
        0x3153_464A => local("jfs"),
        0x5265_4973 => local("reiserfs"),
        0x6969 => network("nfs"),
        0x517B => network("smb"),
        0xFF53_4D42 => network("cifs"),
        0xFE53_4D42 => network("smb2"),
        0x6573_5546 => network("fuse (e.g. sshfs)"),
        0x0102_1997 => network("9p"),
        0x5346_414F => network("afs"),
        0x00C3_6400 => network("ceph"),
        0x7375_7245 => network("coda"),
        other => FileSystem::Unknown(format!("unknown (statfs magic {other:#x})")),
    }
}

/// The file system holding `dir`.
#[must_use]
pub fn file_system(dir: &Path) -> FileSystem {
    #[cfg(target_os = "linux")]
    {
        match rustix::fs::statfs(dir) {
            #[allow(clippy::cast_sign_loss, clippy::unnecessary_cast)]
            Ok(st) => classify_magic(st.f_type as u64),
            Err(e) => FileSystem::Unknown(format!("unknown ({e})")),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = dir;
        FileSystem::Unknown("unknown (not checked on this system)".to_string())
    }
}

fn io_error(what: &str, path: &Path, e: &std::io::Error, hint: &str) -> Error {
    Error::new(
        ErrorKind::Io,
        format!("cannot {what} {}: {e}; {hint}", path.display()),
    )
}

/// Writes a consistent copy of the open database to `target`, which must not exist:
/// `VACUUM INTO` a temp file in the target's folder (readers and writers of other
/// processes carry on meanwhile), fsync, rename without replacing, fsync the folder.
/// If anything fails, nothing appears at `target`.
pub fn backup(store: &Store, target: &Path) -> Result<u64> {
    backup_conn(&store.conn, target)
}

fn backup_conn(conn: &Connection, target: &Path) -> Result<u64> {
    if target.symlink_metadata().is_ok() {
        return Err(Error::invalid(format!(
            "{} already exists; give another FILE or move the old one away",
            target.display()
        )));
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(".otium-backup-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            io_error(
                "create a temporary file in",
                dir,
                &e,
                "check that the folder exists and is writable",
            )
        })?;
    let temp_name = temp.path().to_str().ok_or_else(|| {
        Error::invalid(format!(
            "{} is not valid UTF-8; give a backup FILE with a plain name",
            temp.path().display()
        ))
    })?;
    // The temp file exists but is empty, which VACUUM INTO accepts.
    conn.execute("VACUUM INTO ?1", [temp_name]).map_err(|e| {
        let hint = if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            "free some space and try again"
        } else {
            "check free space and the folder's permissions"
        };
        Error::new(
            ErrorKind::Io,
            format!("cannot write the backup {}: {e}; {hint}", target.display()),
        )
    })?;
    let file = temp.as_file();
    file.sync_all()
        .map_err(|e| io_error("sync", target, &e, "check the disk"))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    temp.persist_noclobber(target).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::invalid(format!(
                "{} already exists; give another FILE or move the old one away",
                target.display()
            ))
        } else {
            io_error("write", target, &e.error, "check the folder's permissions")
        }
    })?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error("sync folder", dir, &e, "check the disk"))?;
    Ok(size)
}

/// Where the backup before a migration from `from_version` goes: beside the
/// database, `otium-before-v2.db` for `otium.db` (then `…-2.db`, `…-3.db` if taken).
#[must_use]
pub fn pre_migration_path(db: &Path, from_version: i64) -> PathBuf {
    let stem = db
        .file_stem()
        .map_or_else(|| "otium".into(), |s| s.to_string_lossy());
    let next = from_version + 1;
    let dir = db.parent().unwrap_or(Path::new(""));
    let mut candidate = dir.join(format!("{stem}-before-v{next}.db"));
    let mut n = 2;
    while candidate.symlink_metadata().is_ok() {
        candidate = dir.join(format!("{stem}-before-v{next}-{n}.db"));
        n += 1;
    }
    candidate
}

/// Before a schema migration of a database that already has a schema (version 1 or
/// later), a backup beside it; a brand-new file (version 0) has nothing to keep.
/// Returns where the backup went.
pub(crate) fn backup_before_migration(
    conn: &Connection,
    db: &Path,
    from_version: i64,
) -> Result<Option<PathBuf>> {
    if from_version < 1 || db == Path::new(":memory:") {
        return Ok(None);
    }
    let target = pre_migration_path(db, from_version);
    backup_conn(conn, &target).map_err(|e| {
        Error::new(
            e.kind(),
            format!(
                "not upgrading the schema of {}: the backup before it failed: {}",
                db.display(),
                e.message()
            ),
        )
    })?;
    Ok(Some(target))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn sessions(conn: &Connection) -> Vec<(i64, i64, Option<i64>)> {
        let mut st = conn
            .prepare("SELECT id, start_utc, end_utc FROM sessions ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
    }

    fn seeded(dir: &Path) -> Store {
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

    #[test]
    fn magic_numbers_name_network_file_systems() {
        assert_eq!(classify_magic(0x6969), FileSystem::Network("nfs".into()));
        assert!(matches!(
            classify_magic(0xFF53_4D42),
            FileSystem::Network(_)
        ));
        assert!(matches!(
            classify_magic(0xFE53_4D42),
            FileSystem::Network(_)
        ));
        assert!(matches!(classify_magic(0x517B), FileSystem::Network(_)));
        assert!(
            matches!(classify_magic(0x6573_5546), FileSystem::Network(n) if n.contains("sshfs"))
        );
        assert_eq!(
            classify_magic(0xEF53),
            FileSystem::Local("ext2/ext3/ext4".into())
        );
        assert_eq!(
            classify_magic(0x0102_1994),
            FileSystem::Local("tmpfs".into())
        );
        // A sign-extended 32-bit magic (f_type is signed on some systems) still matches.
        assert!(matches!(
            classify_magic(0xFFFF_FFFF_FF53_4D42),
            FileSystem::Network(_)
        ));
        assert!(matches!(classify_magic(0x1234), FileSystem::Unknown(_)));
    }

    #[test]
    fn the_temp_folder_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let fs = file_system(dir.path());
        assert!(!matches!(fs, FileSystem::Network(_)), "{fs:?}");
    }

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

    #[test]
    fn backup_is_a_consistent_copy_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let store = seeded(dir.path());
        let target = dir.path().join("copy.db");
        let size = backup(&store, &target).unwrap();
        assert!(size > 0);
        let copy = Connection::open(&target).unwrap();
        assert_eq!(sessions(&copy), sessions(&store.conn));
        let (app, version): (i64, i64) = copy
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()), (SELECT user_version FROM pragma_user_version())",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            (app, version),
            (schema::APPLICATION_ID, schema::LATEST_VERSION)
        );
        drop(copy);
        let before = std::fs::read(&target).unwrap();
        let err = backup(&store, &target).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.message().contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&target).unwrap(), before);
        // No temp files are left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".otium-backup-"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn no_backup_before_creating_a_new_schema() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new.db");
        let conn = Connection::open(&db).unwrap();
        assert_eq!(backup_before_migration(&conn, &db, 0).unwrap(), None);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn backup_before_migrating_an_existing_schema() {
        // Only one schema version exists, so no real upgrade can run yet; this drives
        // the hook `Store::migrate` calls with the version it found.
        let dir = tempfile::tempdir().unwrap();
        let store = seeded(dir.path());
        let db = dir.path().join("otium.db");
        let first = backup_before_migration(&store.conn, &db, 1)
            .unwrap()
            .unwrap();
        assert_eq!(first, dir.path().join("otium-before-v2.db"));
        let copy = Connection::open(&first).unwrap();
        assert_eq!(sessions(&copy), sessions(&store.conn));
        // A second attempt (say the first migration was killed) keeps the first backup.
        let second = backup_before_migration(&store.conn, &db, 1)
            .unwrap()
            .unwrap();
        assert_eq!(second, dir.path().join("otium-before-v2-2.db"));
        assert!(first.exists());
    }

    #[test]
    fn a_failed_backup_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = seeded(dir.path());
        let err = backup(&store, &dir.path().join("missing").join("x.db")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.message().contains("missing"), "{err}");
        assert!(!err.message().contains('\n'));
    }
}
