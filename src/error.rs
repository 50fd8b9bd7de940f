//! The one error type of the library and the exit code each kind maps to.
//!
//! Every message is a single line that says what is wrong and how to fix it,
//! because scripts show it to people verbatim.

use std::fmt;

/// What went wrong, coarse enough for scripts: each kind has its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A time, duration, name or combination of flags that cannot be used.
    InvalidInput,
    /// An id that names no session.
    NotFound,
    /// The request clashes with the data: overlap, nothing running, still running.
    Conflict,
    /// The database cannot be opened, read or written (locked, read-only, not SQLite, too new).
    Database,
    /// The configuration file or an `OTIUM_*` variable is malformed.
    Config,
    /// A file outside the database could not be read or written.
    Io,
}

impl ErrorKind {
    /// The process exit code for this kind (2 is clap's usage error, 1 is a bug).
    #[must_use]
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::InvalidInput => 3,
            ErrorKind::NotFound => 4,
            ErrorKind::Conflict => 5,
            ErrorKind::Database => 6,
            ErrorKind::Config => 7,
            ErrorKind::Io => 8,
        }
    }

    /// The stable name used in `{"error":{"kind":…}}`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Database => "database",
            ErrorKind::Config => "config",
            ErrorKind::Io => "io",
        }
    }
}

/// What the user can do next, as data: each face says it its own way (the CLI as a
/// command to type, the TUI as a key to press), so library messages carry no syntax
/// of either.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Hint {
    /// Nothing runs (or nothing to continue): start a session.
    StartSession,
    /// An id named nothing: where the ids are listed.
    ListSessions,
    /// A project named nothing: where the projects are listed.
    ListProjects,
    /// The project has no output unit: declare one.
    DeclareUnit {
        /// The project.
        project: String,
    },
    /// No output recorded for the project: record some.
    RecordOutput {
        /// The project.
        project: String,
    },
    /// A country without data: where the countries are listed.
    ListCountries,
    /// After an I/O or integrity problem: check the database.
    Doctor,
    /// A stop time not after the start: give a later one.
    LaterStop,
    /// A past session without an end: give one (or a length).
    GiveEnd,
    /// An edit that changes nothing: change a field.
    ChangeAField,
    /// An empty output unit: name what the project produces.
    NameUnit,
    /// Sync is not set up: join a sync folder.
    SyncInit,
}

/// A library error: a kind, a one-line user-facing message, and optionally what to
/// do next ([`Hint`]), which the face renders.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    hint: Option<Hint>,
    /// The catalogue key and arguments the message came from, so a face can say it
    /// in the user's language; `None` for messages not yet in the catalogue.
    keyed: Option<(&'static str, Vec<(&'static str, String)>)>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            keyed: None,
            source: None,
        }
    }

    /// An error of `kind` whose message is the catalogue's `key` (English in
    /// [`Error::message`], any language through [`Error::message_in`]).
    pub fn keyed(kind: ErrorKind, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        let mut err = Self::new(kind, render(crate::i18n::Lang::En, key, &args));
        err.keyed = Some((key, args));
        err
    }

    /// The message in `lang`: from the catalogue when the error came from it, else
    /// the English message as it stands.
    #[must_use]
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.keyed {
            Some((key, args)) if lang != crate::i18n::Lang::En => render(lang, key, args),
            _ => self.message.clone(),
        }
    }

    /// Adds what the user can do next.
    #[must_use]
    pub fn with_hint(mut self, hint: Hint) -> Self {
        self.hint = Some(hint);
        self
    }

    /// What the user can do next, if the library knows.
    #[must_use]
    pub fn hint(&self) -> Option<&Hint> {
        self.hint.as_ref()
    }

    /// Bad user input; the message should say how to fix it.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }

    /// Something named by the user does not exist.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    /// The request clashes with what is stored.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    /// A database problem.
    pub fn database(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Database, message)
    }

    /// A configuration problem.
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }

    /// Attach the underlying cause (kept out of the one-line message).
    #[must_use]
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The kind, which decides the exit code.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Whether this is a write to a closed pipe (`otium log | head`), which is not a failure.
    #[must_use]
    pub fn is_broken_pipe(&self) -> bool {
        self.io_source().is_some_and(|e| {
            crate::paths::io_errors(e).any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        })
    }

    /// Whether this failed because the disk (or the user's quota) is full.
    #[must_use]
    pub fn is_out_of_space(&self) -> bool {
        self.io_source().is_some_and(crate::paths::is_out_of_space)
    }

    fn io_source(&self) -> Option<&std::io::Error> {
        self.source
            .as_deref()
            .and_then(|s| s.downcast_ref::<std::io::Error>())
    }

    /// The one-line message, without the hint.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

pub(crate) fn render(
    lang: crate::i18n::Lang,
    key: &str,
    args: &[(&'static str, String)],
) -> String {
    let args: Vec<(&str, &dyn fmt::Display)> = args
        .iter()
        .map(|(name, value)| (*name, value as &dyn fmt::Display))
        .collect();
    crate::i18n::t(lang, key, &args)
}

/// The message alone; a face appends the hint in its own terms.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
