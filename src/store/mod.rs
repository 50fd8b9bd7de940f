//! The only place SQL lives. `Store` owns one SQLite connection set up the same
//! way every time (WAL, `synchronous=FULL`, `busy_timeout=5000`, foreign keys),
//! and every write goes through [`Store::write`], one `BEGIN IMMEDIATE` transaction
//! ([`Store::write_bulk`] for an import: the same, through a rollback journal into a
//! database this open created).

pub mod away;
pub mod batches;
mod bulk_journal;
pub mod import;
pub mod journal;
pub mod maintenance;
pub mod outputs;
pub mod reminders;
pub mod schema;
pub mod sessions;
pub mod sync;
mod tag_feed;
mod tag_join;
pub mod totals;
mod wal;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{Error, ErrorKind, Result};
use crate::paths;

/// How long a write waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_millis(5000);

/// An open otium database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    upgraded: Option<Upgrade>,
    /// Whether this open created the file (there was none at the path).
    created: bool,
    /// Whether this open wrote the schema into a file that had none (new, or empty):
    /// nothing in it predates this process.
    fresh: bool,
}

/// A schema upgrade this open made, and where the file as it was is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    /// The schema version found.
    pub from: i64,
    /// The version now.
    pub to: i64,
    /// The backup taken first.
    pub backup: PathBuf,
}

impl Upgrade {
    /// What to tell the user, once.
    #[must_use]
    pub fn note(&self) -> String {
        format!(
            "upgraded the database from schema {} to {}; the file as it was is kept as {}",
            self.from,
            self.to,
            self.backup.display()
        )
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A file that is not SQLite, belongs to another program, or has a newer schema
    /// is refused before anything is written to it, and so is a `-wal` beside it that
    /// is another database's log.
    pub fn open(path: &Path) -> Result<Self> {
        // Before any connection: the first one would replay a mispaired log, and the
        // last one to close would checkpoint it into the file (see `wal`).
        wal::check_pairing(path)?;
        let created = paths::create_private_file(path)?;
        let read_only = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        let conn = if read_only {
            open_read_only(path)
        } else {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        }
        .map_err(|e| db_error(path, &e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only,
            upgraded: None,
            created,
            fresh: false,
        };
        store.configure()?;
        Ok(store)
    }

    /// An in-memory database with the latest schema, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory().map_err(|e| db_error(Path::new(":memory:"), &e))?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            upgraded: None,
            read_only: false,
            created: true,
            fresh: false,
        };
        store.configure()?;
        Ok(store)
    }

    /// The database file's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| db_error(&path, &e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        self.conn
            .set_transaction_behavior(TransactionBehavior::Immediate);
        let version = self.check_identity()?;
        if !self.read_only {
            let mode = self.enable_wal()?;
            if !mode.eq_ignore_ascii_case("wal") && path != Path::new(":memory:") {
                return Err(Error::database(format!(
                    "{} cannot use write-ahead logging (journal mode stays {mode}); move it to a local disk",
                    path.display()
                )));
            }
        }
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        if version < schema::LATEST_VERSION {
            self.migrate()?;
        }
        self.fresh = version == 0;
        Ok(())
    }

    /// Refuses files that are not otium databases or are newer than this binary.
    /// Only reads: a refused file stays byte-for-byte as it was. The three facts are
    /// read in one statement, so another process's migration cannot commit between them.
    fn check_identity(&self) -> Result<i64> {
        let (app_id, version, objects): (i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()),
                        (SELECT user_version FROM pragma_user_version()),
                        (SELECT count(*) FROM sqlite_schema)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| db_error(&self.path, &e))?;
        let foreign = if app_id == 0 {
            objects > 0
        } else {
            app_id != schema::APPLICATION_ID
        };
        if foreign {
            return Err(Error::keyed(
                ErrorKind::Database,
                "admin-db-foreign",
                vec![("path", self.path.display().to_string())],
            ));
        }
        if version > schema::LATEST_VERSION {
            return Err(Error::keyed(
                ErrorKind::Database,
                "admin-db-newer-schema",
                vec![
                    ("path", self.path.display().to_string()),
                    ("version", version.to_string()),
                    ("latest", schema::LATEST_VERSION.to_string()),
                ],
            ));
        }
        Ok(version)
    }

    /// Switches to WAL. On a brand-new file another process may hold the lock while it
    /// does the same; SQLite answers "busy" at once here instead of waiting, so wait by hand.
    fn enable_wal(&self) -> Result<String> {
        let started = std::time::Instant::now();
        loop {
            match self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            {
                Err(e)
                    if matches!(
                        e.sqlite_error_code(),
                        Some(
                            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                        )
                    ) && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                other => return other.map_err(|e| db_error(&self.path, &e)),
            }
        }
    }

    fn migrate(&mut self) -> Result<()> {
        if self.read_only {
            return Err(read_only_error(&self.path));
        }
        let migrations = schema::migrations();
        // A database that already has a schema is copied aside before it is upgraded
        // (a brand-new file, version 0, has nothing to keep).
        let found: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| db_error(&self.path, &e))?;
        if found >= schema::LATEST_VERSION {
            return Ok(());
        }
        let backup = maintenance::backup_before_migration(&self.conn, &self.path, found)?;
        // Another process opening the same old file may have upgraded it meanwhile,
        // after a backup of its own: this one is then a duplicate.
        let now: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| db_error(&self.path, &e))?;
        if now >= schema::LATEST_VERSION {
            if let Some(duplicate) = backup {
                let _ = std::fs::remove_file(duplicate);
            }
            return Ok(());
        }
        // Rebuilding a table (migration 2) needs foreign keys off: with them on,
        // `DROP TABLE sessions` deletes every session first and cascades to their tags.
        // The pragma is a no-op inside a transaction, so it is set around the migrations'
        // one transaction and read back; the steps that rebuild run `foreign_key_check`
        // before committing. It is turned on again whatever happened.
        self.set_foreign_keys(false)?;
        let result = self.run_migrations(&migrations);
        let restored = self.set_foreign_keys(true);
        result.and(restored)?;
        self.upgraded = backup.map(|backup| Upgrade {
            from: found,
            to: schema::LATEST_VERSION,
            backup,
        });
        Ok(())
    }

    /// Whether opening created the database file (none was at the path).
    #[must_use]
    pub fn created(&self) -> bool {
        self.created
    }

    /// The schema upgrade opening this database made, if any (to tell the user).
    #[must_use]
    pub fn upgraded(&self) -> Option<&Upgrade> {
        self.upgraded.as_ref()
    }

    fn run_migrations(&mut self, migrations: &rusqlite_migration::Migrations<'_>) -> Result<()> {
        // Two processes may open a new database at once: the loser's migration fails
        // (tables exist) and rolls back; re-reading the version tells that apart from a real failure.
        for _ in 0..3 {
            match migrations.to_latest(&mut self.conn) {
                Ok(()) => return Ok(()),
                Err(e) => {
                    let now: i64 = self
                        .conn
                        .query_row("PRAGMA user_version", [], |r| r.get(0))
                        .map_err(|e| db_error(&self.path, &e))?;
                    if now >= schema::LATEST_VERSION {
                        return Ok(());
                    }
                    if !matches!(e, rusqlite_migration::Error::RusqliteError { .. }) {
                        return Err(migration_error(&self.path, &e));
                    }
                }
            }
        }
        Err(Error::database(format!(
            "cannot upgrade the schema of {}: another process keeps changing it; try again",
            self.path.display()
        )))
    }

    /// Sets `PRAGMA foreign_keys` and checks that it took (it silently does nothing
    /// inside a transaction).
    fn set_foreign_keys(&self, on: bool) -> Result<()> {
        let err = |e: rusqlite::Error| db_error(&self.path, &e);
        self.conn
            .pragma_update(None, "foreign_keys", if on { "ON" } else { "OFF" })
            .map_err(err)?;
        let now: bool = self
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .map_err(err)?;
        if now != on {
            return Err(Error::database(format!(
                "cannot turn foreign keys {} on {}; nothing was changed, please report this",
                if on { "on" } else { "off" },
                self.path.display()
            )));
        }
        Ok(())
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: committed if it returns `Ok`,
    /// rolled back (nothing written) if it returns `Err`.
    pub fn write<T>(&mut self, f: impl FnOnce(Db<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(read_only_error(&self.path));
        }
        let path = self.path.as_path();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db_error(path, &e))?;
        let value = f(Db {
            conn: &tx,
            path,
            shareable: false,
        })?;
        tx.commit().map_err(|e| db_error(path, &e))?;
        Ok(value)
    }

    /// Whether the connection is outside any transaction.
    #[must_use]
    pub fn is_autocommit(&self) -> bool {
        self.conn.is_autocommit()
    }

    /// Runs `PRAGMA wal_checkpoint(TRUNCATE)`: (busy, log frames, checkpointed
    /// frames); busy is 1 when another connection's read or write blocked it.
    pub fn checkpoint_truncate(&self) -> Result<(i64, i64, i64)> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(|e| db_error(&self.path, &e))
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| db_error(&self.path, &e))
    }

    /// The connection for reads (each statement sees a consistent snapshot).
    #[must_use]
    pub fn reader(&self) -> Db<'_> {
        Db {
            conn: &self.conn,
            path: &self.path,
            shareable: !self.read_only && self.path != Path::new(":memory:"),
        }
    }
}

/// Session ids are stored as SQLite integers.
impl rusqlite::ToSql for crate::model::SessionId {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.get().into())
    }
}

impl rusqlite::types::FromSql for crate::model::SessionId {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        i64::column_result(value).map(crate::model::SessionId::new)
    }
}

/// Store-internal tests run SQL on a `Db` directly.
#[cfg(test)]
impl std::ops::Deref for Db<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

/// A connection, or an open write transaction, together with the database path its
/// errors name. Every store function takes one and returns [`crate::Result`]: SQLite's
/// errors become user-facing ones here, so nothing above `store/` sees rusqlite.
#[derive(Clone, Copy)]
pub struct Db<'a> {
    conn: &'a Connection,
    path: &'a Path,
    /// Whether other connections may read the same file beside this one: a file on
    /// disk opened for writing (not `:memory:`, not a read-only file opened immutable).
    shareable: bool,
}

impl<'a> Db<'a> {
    /// Runs rusqlite code on the connection, turning its error into one line that
    /// names the database and says what to do.
    pub(crate) fn sql<T>(
        &self,
        f: impl FnOnce(&'a Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        f(self.conn).map_err(|e| self.error(&e))
    }

    /// The user-facing error for a SQLite error on this database.
    pub(crate) fn error(&self, e: &rusqlite::Error) -> Error {
        db_error(self.path, e)
    }

    /// The connection itself, for code in `store/` that streams rows.
    pub(crate) fn conn(&self) -> &'a Connection {
        self.conn
    }

    /// The database file, when other connections may read it beside this one.
    pub(crate) fn shared_path(&self) -> Option<&'a Path> {
        self.shareable.then_some(self.path)
    }
}

/// `span` as the Unix seconds its queries compare with: an open end is the farthest
/// `INTEGER` that way, so one statement serves bounded and unbounded spans.
pub(crate) fn span_seconds(span: crate::time::range::Span) -> (i64, i64) {
    (
        span.from.map_or(i64::MIN, |t| t.timestamp()),
        span.to.map_or(i64::MAX, |t| t.timestamp()),
    )
}

/// Opens a database whose file mode is read-only. When no write-ahead log holds
/// pending changes, it is opened `immutable`, so SQLite creates no `-shm`/`-wal`
/// files beside it (it could never remove them again without write access).
fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    // A hot rollback journal (an import cut short, see `bulk_journal`) must be seen:
    // `immutable` would read the half-written pages. SQLite then refuses the read, as
    // rolling it back needs write access.
    let pending = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0)
        || std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if pending {
        return Connection::open_with_flags(path, flags);
    }
    let uri = format!("file:{}?immutable=1", uri_path(path));
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
}

/// Percent-encodes the characters that end or escape a path in an SQLite URI.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{byte:02X}")),
            _ if byte.is_ascii_graphic() || *byte == b' ' => out.push(char::from(*byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A migration that failed and rolled back, in one line.
fn migration_error(path: &Path, e: &rusqlite_migration::Error) -> Error {
    let shown = path.display();
    match e {
        rusqlite_migration::Error::Hook(reason) => Error::database(format!(
            "cannot upgrade the schema of {shown}: {reason}; nothing was changed: restore a backup, or delete those rows (`sqlite3 FILE 'PRAGMA foreign_key_check'` lists them)"
        )),
        other => Error::database(format!(
            "cannot upgrade the schema of {shown}: {}; nothing was changed",
            other.to_string().replace('\n', " ")
        )),
    }
}

fn read_only_error(path: &Path) -> Error {
    Error::keyed(
        ErrorKind::Database,
        "admin-db-read-only",
        vec![("path", path.display().to_string())],
    )
}

/// A stored session whose zone name this build does not know (a hand-edited file, or
/// one written by an otium with a newer zone table): refused by name, never read as UTC.
#[derive(Debug)]
pub(crate) struct UnknownZone {
    pub(crate) session: i64,
    pub(crate) zone: String,
}

impl std::fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "session {} has the unknown zone {:?}",
            self.session, self.zone
        )
    }
}

impl std::error::Error for UnknownZone {}

/// Turns a SQLite error into one line that says what to do.
pub(crate) fn db_error(path: &Path, e: &rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let shown = path.display();
    if let rusqlite::Error::FromSqlConversionFailure(_, _, source) = e
        && let Some(bad) = source.downcast_ref::<UnknownZone>()
    {
        return Error::database(format!(
            "{shown}: session {} is stored with the time zone {:?}, which this otium does not know; \
             upgrade otium, or restore a backup (`otium doctor` checks the file)",
            bad.session, bad.zone
        ));
    }
    let path_arg = || vec![("path", shown.to_string())];
    let message = match e.sqlite_error_code() {
        Some(C::NotADatabase) => {
            return Error::keyed(ErrorKind::Database, "admin-db-not-sqlite", path_arg());
        }
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            return Error::keyed(ErrorKind::Database, "admin-db-locked", path_arg());
        }
        Some(C::ReadOnly) => return read_only_error(path),
        Some(C::CannotOpen | C::PermissionDenied) => {
            format!("cannot open {shown}: {e}; check that the file and its folder are accessible")
        }
        Some(C::DatabaseCorrupt) => {
            format!("{shown} is damaged ({e}); restore a backup or pass --db with another path")
        }
        Some(C::DiskFull | C::SystemIoFailure) => {
            return storage_error(ErrorKind::Database, path, e);
        }
        _ => format!("database error on {shown}: {e}"),
    };
    Error::database(message)
}

/// A full disk (`SQLITE_FULL`) or an I/O error, for a write to `path`. SQLite maps only
/// a `write` that failed with ENOSPC to `SQLITE_FULL`; growing the `-shm` file, fsync
/// and a quota hit surface as I/O errors, so those say the disk may be full unless the
/// file system confirms it.
pub(crate) fn storage_error(kind: ErrorKind, path: &Path, e: &rusqlite::Error) -> Error {
    let full = e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
        || extended_code(e) == Some(rusqlite::ffi::SQLITE_IOERR_SHMSIZE)
        || paths::nearly_full(path);
    if full {
        return paths::no_space(kind, path);
    }
    Error::new(
        kind,
        format!(
            "disk I/O error on {} ({e}): the disk may be full, over quota or failing; free some space there and try again, then run `otium doctor`",
            path.display()
        ),
    )
}

fn extended_code(e: &rusqlite::Error) -> Option<std::ffi::c_int> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.extended_code),
        _ => None,
    }
}
