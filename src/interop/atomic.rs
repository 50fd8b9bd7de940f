//! Writing an `-o` file so that a reader sees the old file or the whole new one, never
//! half: a temp file in the target folder, fsync, rename, fsync the folder. Devices
//! and FIFOs are written in place; nothing that is not a regular file is replaced.

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

/// An `-o FILE` being written. A regular file (or a new path) is written atomically:
/// writes go to a buffered temp file in the target's folder, and [`AtomicFile::commit`]
/// syncs it and renames it into place; dropped without a commit (a failed verb), it
/// leaves nothing at the target. A character device or FIFO (`/dev/null`, a terminal,
/// `/dev/stdout` on a pipe, a named pipe) is written in place instead: renaming over
/// it would replace the device node itself for every user of the system.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    dest: Dest,
}

/// How the bytes reach the path.
#[derive(Debug)]
enum Dest {
    /// A temp file renamed over `target` (the path, or the file a symlink names).
    Replace {
        target: PathBuf,
        dir: PathBuf,
        force: bool,
        writer: BufWriter<tempfile::NamedTempFile>,
    },
    /// A device or FIFO, opened for writing without creating or truncating anything.
    InPlace(BufWriter<File>),
}

/// What is at an `-o` path now, following symlinks.
enum Existing {
    /// Nothing, and no dangling symlink either: a new file.
    Nothing,
    /// A regular file at this path (the symlink's target when the path is one).
    Regular(PathBuf),
    /// A character device or FIFO, written in place.
    Stream,
}

fn refuse_kind(path: &Path, what: &str) -> Error {
    Error::invalid(format!(
        "{} is {what}, not a regular file; otium writes only regular files, \
         character devices and named pipes: choose another -o",
        path.display()
    ))
}

/// Looks at the path: symlinks are followed (to the file, device or pipe they name),
/// and anything that is neither a regular file nor a stream is refused.
fn existing(path: &Path) -> Result<Existing> {
    use std::os::unix::fs::FileTypeExt;
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => return Err(io_error("look at", path, &e)),
    };
    let meta = if link.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(m) => m,
            // Renaming over a dangling symlink would silently swap the link for a
            // file; creating its target would write somewhere the user never named.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(Error::invalid(format!(
                    "{} is a symlink to a file that does not exist; \
                     point -o at the file itself",
                    path.display()
                )));
            }
            Err(e) => return Err(io_error("look at", path, &e)),
        }
    } else {
        link.clone()
    };
    let kind = meta.file_type();
    if kind.is_file() {
        if link.file_type().is_symlink() {
            // Replace the file the link names and keep the link (a dotfile farm,
            // a report linked into a shared folder).
            let target = path
                .canonicalize()
                .map_err(|e| io_error("resolve the symlink", path, &e))?;
            Ok(Existing::Regular(target))
        } else {
            Ok(Existing::Regular(path.to_path_buf()))
        }
    } else if kind.is_char_device() || kind.is_fifo() {
        Ok(Existing::Stream)
    } else if kind.is_dir() {
        Err(refuse_kind(path, "a folder"))
    } else if kind.is_block_device() {
        Err(refuse_kind(path, "a block device"))
    } else if kind.is_socket() {
        Err(refuse_kind(path, "a socket"))
    } else {
        Err(refuse_kind(path, "a special file"))
    }
}

/// Opens a device or FIFO for writing in place: never creating, never truncating, and
/// not taking a terminal as the controlling one. Checked again through the open file,
/// so a regular file swapped in meanwhile is refused rather than overwritten in place.
fn open_stream(path: &Path) -> Result<File> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    // The flag's bits fit a C int on every Unix (O_NOCTTY is 0o400 on Linux).
    let noctty = i32::try_from(rustix::fs::OFlags::NOCTTY.bits()).unwrap_or(0);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(noctty)
        .open(path)
        .map_err(|e| io_error("open", path, &e))?;
    let kind = file
        .metadata()
        .map_err(|e| io_error("look at", path, &e))?
        .file_type();
    if kind.is_char_device() || kind.is_fifo() {
        Ok(file)
    } else {
        Err(Error::invalid(format!(
            "{} changed while otium opened it; try again",
            path.display()
        )))
    }
}

impl AtomicFile {
    /// Starts writing `path`. Without `force` an existing regular file is left alone
    /// and reported; a device or FIFO needs no `force`, as nothing is replaced.
    pub fn create(path: &Path, force: bool) -> Result<Self> {
        let target = match existing(path)? {
            Existing::Stream => {
                return Ok(AtomicFile {
                    path: path.to_path_buf(),
                    dest: Dest::InPlace(BufWriter::new(open_stream(path)?)),
                });
            }
            Existing::Regular(_) if !force => {
                return Err(Error::invalid(format!(
                    "{} already exists; add --force to replace it or choose another -o",
                    path.display()
                )));
            }
            Existing::Regular(target) => target,
            Existing::Nothing => path.to_path_buf(),
        };
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let temp = tempfile::Builder::new()
            .prefix(".otium-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| io_error("create a temporary file in", &dir, &e))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            dest: Dest::Replace {
                target,
                dir,
                force,
                writer: BufWriter::new(temp),
            },
        })
    }

    /// The path the user named.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, syncs and renames the temp file into place, then syncs the folder; a
    /// device or FIFO is only flushed.
    pub fn commit(self) -> Result<()> {
        let AtomicFile { path, dest } = self;
        let (target, dir, force, writer) = match dest {
            Dest::InPlace(mut writer) => {
                return writer.flush().map_err(|e| io_error("write", &path, &e));
            }
            Dest::Replace {
                target,
                dir,
                force,
                writer,
            } => (target, dir, force, writer),
        };
        let temp = writer
            .into_inner()
            .map_err(|e| io_error("write", &path, e.error()))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| io_error("sync", &path, &e))?;
        // Whatever reached the path since `create` looked (a FIFO, a symlink, a
        // folder) is not renamed over: only a regular file or nothing is replaced.
        if force {
            if let Existing::Stream = existing(&target)? {
                return Err(Error::invalid(format!(
                    "{} changed while otium wrote it; try again",
                    path.display()
                )));
            }
            temp.persist(&target)
                .map_err(|e| io_error("write", &path, &e.error))?;
        } else {
            temp.persist_noclobber(&target)
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
        match &mut self.dest {
            Dest::Replace { writer, .. } => writer.write(buf),
            Dest::InPlace(writer) => writer.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.dest {
            Dest::Replace { writer, .. } => writer.flush(),
            Dest::InPlace(writer) => writer.flush(),
        }
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
    let key = if paths::is_out_of_space(&e) {
        "admin-output-error-no-space"
    } else {
        "admin-output-error"
    };
    Error::keyed(ErrorKind::Io, key, vec![("error", e.to_string())]).with_source(e)
}
