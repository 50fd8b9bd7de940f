//! `TestEnv`: a temp folder with a database, a pinned clock and zone, and the real
//! `otium` binary run with a cleared environment.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// One isolated otium installation.
pub struct TestEnv {
    pub dir: TempDir,
    pub now: String,
    pub tz: String,
}

impl TestEnv {
    /// Berlin, Monday 2026-03-02 12:00 local.
    pub fn new() -> Self {
        Self::at("Europe/Berlin", "2026-03-02T12:00:00+01:00")
    }

    /// A zone and an RFC 3339 "now".
    pub fn at(tz: &str, now: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        TestEnv {
            dir,
            now: now.to_string(),
            tz: tz.to_string(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data").join("otium.db")
    }

    /// The binary with only the variables a test sets.
    pub fn cmd(&self, args: &[&str]) -> Command {
        Command::from_std(self.std_cmd(args))
    }

    /// The same as a plain `std::process::Command`, for piping and spawning.
    pub fn std_cmd(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("otium"));
        cmd.env_clear()
            .env("OTIUM_DB", self.db())
            .env("OTIUM_CONFIG", self.dir.path().join("config.toml"))
            .env("OTIUM_NOW", &self.now)
            .env("OTIUM_TZ", &self.tz)
            .args(args);
        cmd
    }

    /// Creates the empty database, as the first command that records would: a verb
    /// that only reads refuses a missing one (issue 17), so a test about reading an
    /// empty history starts here.
    pub fn create_db(&self) {
        otium::Tracker::open(
            &self.db(),
            otium::config::Config::default(),
            otium::time::Clock::System,
            chrono_tz::UTC,
        )
        .unwrap();
        assert!(self.db().exists());
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Runs, asserts success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "otium {args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs with --json, asserts success, parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// Runs, asserts the exit code, returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "otium {args:?}: stderr {stderr}"
        );
        stderr
    }

    /// The database file's bytes (after the last process closed it).
    pub fn db_bytes(&self) -> Vec<u8> {
        std::fs::read(self.db()).unwrap()
    }
}

/// The exit codes documented in the README.
pub mod code {
    pub const USAGE: i32 = 2;
    pub const INVALID: i32 = 3;
    pub const NOT_FOUND: i32 = 4;
    pub const CONFLICT: i32 = 5;
    pub const DATABASE: i32 = 6;
    pub const CONFIG: i32 = 7;
}
