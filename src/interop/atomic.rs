//! Writing a file so that a reader sees the old file or the whole new one, never
//! half: a temp file in the target folder, fsync, rename, fsync the folder.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::paths;

/// Where output goes: stdout, or a file written atomically.
#[derive(Debug, Clone)]
pub struct Target {
    /// The file, or `None` for stdout.
    pub path: Option<PathBuf>,
    /// Whether an existing file may be replaced.
    pub force: bool,
}

fn io_error(what: &str, path: &Path, e: &io::Error) -> Error {
    if paths::is_out_of_space(e) {
        return paths::no_space(ErrorKind::Io, path);
    }
    Error::new(
        ErrorKind::Io,
        format!("cannot {what} {}: {e}", path.display()),
    )
}

/// Refuses to write over the database or its `-wal`/`-shm` files, whichever name
/// they are reached by: a symlinked database is protected under its own name and
/// under the file it points to (where SQLite keeps the `-wal`).
pub fn check_not_database(target: &Path, database: &Path) -> Result<()> {
    // A path by its resolved folder and its own name; an existing one also resolved
    // whole, through a symlink at its last component.
    let named = |p: &Path| -> PathBuf {
        let parent = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let parent = parent
            .canonicalize()
            .unwrap_or_else(|_| parent.to_path_buf());
        parent.join(p.file_name().unwrap_or_default())
    };
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| named(p));
    let targets = [canonical(target), named(target)];
    for db in [canonical(database), named(database)] {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut protected = db.clone().into_os_string();
            protected.push(suffix);
            if targets.iter().any(|t| t.as_os_str() == protected) {
                return Err(Error::invalid(format!(
                    "{} is otium's database; write the output to another file",
                    target.display()
                )));
            }
        }
    }
    Ok(())
}

/// A file being written atomically: writes go to a buffered temp file in the target's
/// folder, and [`AtomicFile::commit`] syncs it and renames it into place. Dropped
/// without a commit (a failed verb), it leaves nothing at the target.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    dir: PathBuf,
    force: bool,
    writer: BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path`. Without `force` an existing file is left alone and reported.
    pub fn create(path: &Path, force: bool) -> Result<Self> {
        if !force && path.exists() {
            return Err(Error::invalid(format!(
                "{} already exists; add --force to replace it or choose another -o",
                path.display()
            )));
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".otium-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| io_error("create a temporary file in", dir, &e))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
            force,
            writer: BufWriter::new(temp),
        })
    }

    /// The file this will become.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, syncs and renames the temp file into place, then syncs the folder.
    pub fn commit(self) -> Result<()> {
        let AtomicFile {
            path,
            dir,
            force,
            writer,
        } = self;
        let temp = writer
            .into_inner()
            .map_err(|e| io_error("write", &path, e.error()))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| io_error("sync", &path, &e))?;
        if force {
            temp.persist(&path)
                .map_err(|e| io_error("write", &path, &e.error))?;
        } else {
            temp.persist_noclobber(&path)
                .map_err(|e| io_error("write", &path, &e.error))?;
        }
        // The rename is durable only once the folder's entry is on disk too.
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| io_error("sync folder", &dir, &e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Writes `path` atomically with what `fill` produces. Without `force` an existing
/// file is left alone and reported; if `fill` fails, nothing appears at `path`.
pub fn write_file(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut file = AtomicFile::create(path, force)?;
    // A full disk mid-stream says which device, as every other write does.
    fill(&mut file).map_err(|e| {
        if e.is_out_of_space() {
            paths::no_space(ErrorKind::Io, path)
        } else {
            e
        }
    })?;
    file.commit()
}

/// Maps an I/O error while producing output; a closed stdout pipe is not an error.
pub fn output_error(e: io::Error) -> Error {
    let hint = if paths::is_out_of_space(&e) {
        "; free some space on the device (or write elsewhere) and try again"
    } else {
        ""
    };
    Error::new(ErrorKind::Io, format!("cannot write the output: {e}{hint}")).with_source(e)
}
