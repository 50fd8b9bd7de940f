//! Where otium keeps its files: `--db` > `OTIUM_DB` > the platform data dir;
//! `--config` > `OTIUM_CONFIG` > the platform config dir. Private by default:
//! folders 0700, files 0600, created before SQLite or anything else opens them.

use std::fs::{DirBuilder, OpenOptions};
use std::io::{self, ErrorKind as IoKind};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::error::{Error, ErrorKind, Result};

/// The database file name inside the data dir.
pub const DB_FILE: &str = "otium.db";
/// The config file name inside the config dir.
pub const CONFIG_FILE: &str = "config.toml";

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "otium")
}

/// The database path: the explicit one (flag or `OTIUM_DB`, resolved by the CLI) or the default.
pub fn database_path(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    project_dirs()
        .map(|d| d.data_dir().join(DB_FILE))
        .ok_or_else(|| {
            Error::config(
                "cannot find a home directory for the database; pass --db PATH or set OTIUM_DB",
            )
        })
}

/// The config path and whether it was named explicitly (an explicit one must exist).
#[must_use]
pub fn config_path(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(path) = explicit {
        return Some((path.to_path_buf(), true));
    }
    project_dirs().map(|d| (d.config_dir().join(CONFIG_FILE), false))
}

/// Creates `dir` and its missing parents with mode 0700 (existing folders are left alone).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot create folder {}: {e}", dir.display()),
            )
            .with_source(e)
        })
}

/// Creates an empty file with mode 0600 unless it exists; returns whether it was created.
pub fn create_private_file(path: &Path) -> Result<bool> {
    if let Some(parent) = path.parent() {
        create_private_dir(parent)?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == IoKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::new(
            ErrorKind::Io,
            format!(
                "cannot create {}: {e}; check the folder's permissions or pass --db",
                path.display()
            ),
        )
        .with_source(e)),
    }
}

/// Whether an I/O error means the device (or the user's quota on it) is full.
#[must_use]
pub fn is_out_of_space(e: &io::Error) -> bool {
    io_errors(e).any(|e| matches!(e.kind(), IoKind::StorageFull | IoKind::QuotaExceeded))
}

/// `e` and the I/O errors wrapped inside it: a CSV writer, for one, hands a full disk
/// back as an `io::Error` of kind `Other` around a `csv::Error` around the real one.
pub fn io_errors(e: &io::Error) -> impl Iterator<Item = &io::Error> {
    std::iter::successors(Some(e), |e| {
        let inner = e.get_ref()?;
        if let Some(io) = inner.downcast_ref::<io::Error>() {
            return Some(io);
        }
        match inner.downcast_ref::<csv::Error>()?.kind() {
            csv::ErrorKind::Io(io) => Some(io),
            _ => None,
        }
    })
}

/// Whether the file system holding `path` has less than 1 MiB left for ordinary users
/// (what a full disk looks like when SQLite only says "disk I/O error").
#[must_use]
pub fn nearly_full(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    rustix::fs::statvfs(dir).is_ok_and(|st| st.f_bavail.saturating_mul(st.f_frsize) < 1024 * 1024)
}

/// The one-line error for a write that found no room on the device holding `path`.
#[must_use]
pub fn no_space(kind: ErrorKind, path: &Path) -> Error {
    Error::keyed(
        kind,
        "admin-no-space",
        vec![("path", path.display().to_string())],
    )
}
