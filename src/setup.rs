//! From "which files, which clock, which zone" to a [`Tracker`]: the start-up both
//! faces share. `--db`/`--config` arrive as plain paths, so neither the CLI nor the
//! TUI has to know about the other to open the same database the same way.

use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use crate::config::Config;
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::{self, Lang};
use crate::time::{self, Clock};
use crate::{Tracker, paths};

/// Everything needed to open a tracker, read from flags and the environment.
#[derive(Debug)]
pub struct Setup {
    db: Option<PathBuf>,
    config_path: Option<(PathBuf, bool)>,
    config: Config,
    clock: Clock,
    zone: Tz,
    zone_note: Option<time::ZoneNote>,
    lang: Lang,
}

impl Setup {
    /// Reads `OTIUM_NOW`, `OTIUM_TZ` and the config file. `db` and `config` are the
    /// `--db`/`--config` flags, which win over `OTIUM_DB`/`OTIUM_CONFIG`; `lang` is
    /// `--lang`, which wins over `OTIUM_LANG`, the config and the locale.
    pub fn load(db: Option<PathBuf>, config: Option<PathBuf>, lang: Option<Lang>) -> Result<Self> {
        let clock = Clock::from_env()?;
        let (zone, zone_note) = time::zone_from_env()?;
        let config_path =
            paths::config_path(config.or_else(|| env_path("OTIUM_CONFIG")).as_deref());
        let config = Config::load(
            config_path
                .as_ref()
                .map(|(p, explicit)| (p.as_path(), *explicit)),
        )?;
        let lang = i18n::choose::resolve(lang, config.language)?;
        Ok(Setup {
            lang,
            db: db.or_else(|| env_path("OTIUM_DB")),
            config_path,
            config,
            clock,
            zone,
            zone_note,
        })
    }

    /// For `--demo`: as [`Setup::load`], except that a config file named by
    /// `--config` or `OTIUM_CONFIG` that does not exist gives the defaults instead of
    /// an error. The demo writes nothing the user keeps, so a config that is not
    /// there yet (a fresh machine, a dotfiles variable set ahead) must not stop it; a
    /// config that exists is still read, and one that is broken still refused.
    pub fn load_demo(config: Option<PathBuf>, lang: Option<Lang>) -> Result<Self> {
        let clock = Clock::from_env()?;
        let (zone, zone_note) = time::zone_from_env()?;
        let config_path =
            paths::config_path(config.or_else(|| env_path("OTIUM_CONFIG")).as_deref());
        let config = match &config_path {
            Some((path, true)) if matches!(path.try_exists(), Ok(false)) => Config::default(),
            other => Config::load(other.as_ref().map(|(p, explicit)| (p.as_path(), *explicit)))?,
        };
        let lang = i18n::choose::resolve(lang, config.language)?;
        Ok(Setup {
            lang,
            db: None,
            config_path,
            config,
            clock,
            zone,
            zone_note,
        })
    }

    /// Set when `TZ` named no zone and another was used: told once on stderr.
    #[must_use]
    pub fn zone_note(&self) -> Option<String> {
        self.zone_note.as_ref().map(|n| n.text_in(self.lang))
    }

    /// The language of human text.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The database file: the flag or variable, else the platform's data folder.
    pub fn database_path(&self) -> Result<PathBuf> {
        paths::database_path(self.db.as_deref())
    }

    /// The config file looked for (it may not exist).
    #[must_use]
    pub fn config_path(&self) -> Option<&Path> {
        self.config_path.as_ref().map(|(p, _)| p.as_path())
    }

    /// Opens (creating if missing) the database at `db`.
    pub fn open(self, db: &Path) -> Result<Tracker> {
        Tracker::open(db, self.config, self.clock, self.zone)
    }

    /// A tracker on a throw-away database seeded with sample data (`--demo`).
    pub fn open_demo(self) -> Result<Demo> {
        let lang = self.lang;
        let dir = tempfile::tempdir().map_err(|e| {
            Error::keyed(
                ErrorKind::Io,
                "admin-demo-no-folder",
                vec![("error", e.to_string())],
            )
        })?;
        let mut tracker = self.open(&dir.path().join("demo.db"))?;
        crate::demo::seed_in(&mut tracker, lang)?;
        Ok(Demo { tracker, _dir: dir })
    }
}

/// A demo tracker and the temp folder its database lives in, removed on drop: on
/// quit, on an error and on a panic (unwinding drops it), and after a hang-up or
/// `SIGTERM`, which the TUI turns into a normal return.
pub struct Demo {
    /// The tracker on the demo database.
    pub tracker: Tracker,
    _dir: tempfile::TempDir,
}

/// A path from the environment; an empty variable counts as unset.
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
