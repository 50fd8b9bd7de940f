//! git mode: when the sync folder is the top of a git work tree, `otium sync` commits
//! this device's own new files (only its folder), pulls the others' and pushes, with
//! the user's own `git` (their remotes, credentials and hooks; otium opens no
//! connection of its own). Each device writes only its own folder, so a pull never
//! has a merge conflict; a pull or push that fails (offline, no remote, rejected) is
//! a warning: everything stays committed locally and goes out at the next sync.

use std::fmt;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::i18n::{Lang, t};

/// What stopped a git step. git's own words are quoted as git wrote them (git speaks
/// the user's language itself); otium's frame is said in the user's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitFailure {
    /// `git` could not be started (not installed, not on `PATH`).
    CannotRun(String),
    /// `git COMMAND` ran and failed; `why` is its first line of complaint.
    Failed {
        /// The git command (`push`, `pull`, `commit`, …).
        command: String,
        /// git's first non-empty line on stderr.
        why: String,
    },
}

impl GitFailure {
    /// The failure in `lang` (English is [`fmt::Display`], what JSON gives).
    #[must_use]
    pub fn said(&self, lang: Lang) -> String {
        match self {
            GitFailure::CannotRun(error) => t(lang, "sync-git-cannot-run", &[("error", error)]),
            GitFailure::Failed { command, why } => t(
                lang,
                "sync-git-step-failed",
                &[("command", command), ("why", why)],
            ),
        }
    }
}

impl fmt::Display for GitFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.said(Lang::En))
    }
}

/// Whether `dir` is the top of a git work tree (one stat: `dir/.git` exists), so a
/// folder that is not one costs nothing.
#[must_use]
pub fn is_work_tree(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// Runs `git -C dir ARGS`: its standard output, or its first line of complaint.
fn git(dir: &Path, args: &[&str]) -> Result<String, GitFailure> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GitFailure::CannotRun(e.to_string()))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let text = String::from_utf8_lossy(&out.stderr);
    let why = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message")
        .to_string();
    Err(GitFailure::Failed {
        command: args.first().copied().unwrap_or("").to_string(),
        why,
    })
}

/// Commits what changed in this device's folder `own` (a path relative to `dir`),
/// and nothing else the user may have staged. Returns whether it made a commit.
pub fn commit_own(dir: &Path, own: &str, device_name: &str) -> Result<bool, GitFailure> {
    if git(dir, &["status", "--porcelain", "--", own])?
        .trim()
        .is_empty()
    {
        return Ok(false);
    }
    git(dir, &["add", "--all", "--", own])?;
    let message = format!("otium sync: records of {device_name}");
    git(
        dir,
        &[
            "commit",
            "--quiet",
            "--no-verify",
            "-m",
            &message,
            "--",
            own,
        ],
    )?;
    Ok(true)
}

/// Whether the work tree has a remote to pull from and push to.
fn has_remote(dir: &Path) -> Result<bool, GitFailure> {
    Ok(!git(dir, &["remote"])?.trim().is_empty())
}

/// Pulls the other devices' files (`--rebase`: this device's commits touch only its
/// own folder, so they replay cleanly). `Ok(false)` when there is no remote.
pub fn pull(dir: &Path) -> Result<bool, GitFailure> {
    if !has_remote(dir)? {
        return Ok(false);
    }
    // `--autostash`: files of the user's own that are not committed do not stop it.
    git(
        dir,
        &["pull", "--quiet", "--rebase", "--autostash", "--no-edit"],
    )
    .map(|_| true)
}

/// Pushes this device's commits; a push rejected because another device pushed
/// first is retried once after a pull. `Ok(false)` when there is no remote.
pub fn push(dir: &Path) -> Result<bool, GitFailure> {
    if !has_remote(dir)? {
        return Ok(false);
    }
    match git(dir, &["push", "--quiet"]) {
        Ok(_) => Ok(true),
        Err(first) => {
            if pull(dir).is_ok() && git(dir, &["push", "--quiet"]).is_ok() {
                Ok(true)
            } else {
                Err(first)
            }
        }
    }
}
