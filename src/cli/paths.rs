//! `otium paths`: where this otium reads and writes, for scripts and for the curious
//! (the same paths `--help` shows). Opens nothing and creates nothing.

use std::path::PathBuf;

use serde::Serialize;

use super::Out;
use crate::error::Result;
use crate::setup::Setup;

#[derive(Serialize)]
struct Paths {
    database: PathBuf,
    database_exists: bool,
    config: Option<PathBuf>,
    config_exists: bool,
}

/// Prints the database and config paths in use, and whether each exists.
pub fn run(setup: &Setup, out: &mut Out, lang: crate::i18n::Lang) -> Result<()> {
    use crate::i18n::t;
    let database = setup.database_path()?;
    let config = setup.config_path().map(PathBuf::from);
    let answer = Paths {
        database_exists: database.is_file(),
        config_exists: config.as_ref().is_some_and(|c| c.is_file()),
        database,
        config,
    };
    let missing = |exists: bool| {
        if exists {
            String::new()
        } else {
            t(lang, "admin-paths-not-created", &[])
        }
    };
    let database = format!(
        "{}{}",
        answer.database.display(),
        missing(answer.database_exists)
    );
    out.line(t(lang, "admin-paths-database", &[("path", &database)]));
    let config = match &answer.config {
        Some(c) => format!("{}{}", c.display(), missing(answer.config_exists)),
        None => t(lang, "admin-paths-none", &[]),
    };
    out.line(t(lang, "admin-paths-config", &[("path", &config)]));
    out.value(|| answer);
    Ok(())
}

/// `[now: PATH]` for the `--db` and `--config` help: the paths this machine resolves
/// from the environment and the platform folders (flags aside), so `--help` says
/// where the data is.
#[must_use]
pub fn resolved_for_help(lang: crate::i18n::Lang) -> (String, String) {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let db = crate::paths::database_path(env("OTIUM_DB").as_deref())
        .map(|p| now(lang, &p))
        .unwrap_or_default();
    let config = crate::paths::config_path(env("OTIUM_CONFIG").as_deref())
        .map(|(p, _)| now(lang, &p))
        .unwrap_or_default();
    (db, config)
}

/// ` [now: PATH]`, as the help of `--db` and `--config` ends.
fn now(lang: crate::i18n::Lang, path: &std::path::Path) -> String {
    let path = path.display();
    format!(" {}", crate::i18n::t(lang, "help-now", &[("path", &path)]))
}
