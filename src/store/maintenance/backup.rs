//! Online backups: `VACUUM INTO` a temp file in the target folder, fsync, rename
//! without replacing, fsync the folder; and the automatic backup before a migration.

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, ErrorKind, Result};
use crate::paths;
use crate::store::Store;

fn io_error(what: &str, path: &Path, e: &std::io::Error, hint: &str) -> Error {
    if paths::is_out_of_space(e) {
        return paths::no_space(ErrorKind::Io, path);
    }
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

/// Like [`backup`] to `base`, but when that name is taken (two backups in the same
/// second, or another process's) the next free one: `name-2.db`, `name-3.db`, …
/// Returns where the backup went and its size.
pub fn backup_to_free_name(store: &Store, base: &Path) -> Result<(PathBuf, u64)> {
    write_to_free_name(&store.conn, base)
}

/// The first of `base`, `base-2`, `base-3`, … that nothing (nor another process in the
/// meantime) has taken, written with [`write_backup`].
fn write_to_free_name(conn: &Connection, base: &Path) -> Result<(PathBuf, u64)> {
    let stem = base
        .file_stem()
        .map_or_else(|| "otium-backup".into(), |s| s.to_string_lossy());
    let dir = base.parent().unwrap_or(Path::new(""));
    for n in 1..=100 {
        let target = if n == 1 {
            base.to_path_buf()
        } else {
            dir.join(format!("{stem}-{n}.db"))
        };
        match write_backup(conn, &target) {
            Ok(bytes) => return Ok((target, bytes)),
            Err(Failure::Taken) => {}
            Err(Failure::Other(e)) => return Err(e),
        }
    }
    Err(Error::keyed(
        ErrorKind::InvalidInput,
        "admin-backup-names-taken",
        vec![("path", base.display().to_string())],
    ))
}

fn backup_conn(conn: &Connection, target: &Path) -> Result<u64> {
    write_backup(conn, target).map_err(|failure| match failure {
        Failure::Taken => Error::keyed(
            ErrorKind::InvalidInput,
            "admin-backup-exists",
            vec![("path", target.display().to_string())],
        ),
        Failure::Other(e) => e,
    })
}

/// Why a backup was not written.
enum Failure {
    /// Something already exists at the target (perhaps made meanwhile by another process).
    Taken,
    /// Anything else, said for the user.
    Other(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Other(e)
    }
}

fn write_backup(conn: &Connection, target: &Path) -> std::result::Result<u64, Failure> {
    if target.symlink_metadata().is_ok() {
        return Err(Failure::Taken);
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
        if matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure)
        ) {
            return crate::store::storage_error(ErrorKind::Io, target, &e);
        }
        Error::keyed(
            ErrorKind::Io,
            "admin-backup-cannot-write",
            vec![
                ("path", target.display().to_string()),
                ("error", e.to_string()),
            ],
        )
    })?;
    let file = temp.as_file();
    file.sync_all()
        .map_err(|e| io_error("sync", target, &e, "check the disk"))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    temp.persist_noclobber(target).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Failure::Taken
        } else {
            Failure::Other(io_error(
                "write",
                target,
                &e.error,
                "check the folder's permissions",
            ))
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
    let dir = db.parent().unwrap_or(Path::new(""));
    dir.join(format!("{stem}-before-v{}.db", from_version + 1))
}

/// Before a schema migration of a database that already has a schema (version 1 or
/// later), a backup beside it; a brand-new file (version 0) has nothing to keep.
/// Several processes may open the old file at once (the TUI and a status-bar script
/// after an upgrade): each takes its own backup under the next free name.
/// Returns where the backup went.
pub(crate) fn backup_before_migration(
    conn: &Connection,
    db: &Path,
    from_version: i64,
) -> Result<Option<PathBuf>> {
    if from_version < 1 || db == Path::new(":memory:") {
        return Ok(None);
    }
    match write_to_free_name(conn, &pre_migration_path(db, from_version)) {
        Ok((target, _)) => Ok(Some(target)),
        Err(e) => Err(Error::new(
            e.kind(),
            format!(
                "not upgrading the schema of {}: the backup before it failed: {}",
                db.display(),
                e.message()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::store::maintenance::test_support::{seeded, sessions};
    use crate::store::schema;

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
        // Drives the hook `Store::migrate` calls with the version it found (the real
        // upgrade of a version-1 file is tested in `store::schema` and tests/cli/doctor.rs).
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
