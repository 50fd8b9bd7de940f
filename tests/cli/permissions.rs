//! File modes under a permissive umask (022): folders otium creates are 0700, and the
//! database, its `-wal`/`-shm`, exports, reports and backups are 0600.
//!
//! Each run goes through `sh -c 'umask 022; exec otium …'` with `HOME` and the XDG
//! folders in a temp dir, so the default data dir is created fresh. The `-wal` and
//! `-shm` files only live while a connection is open (the last one to close deletes
//! them), so one run is killed (by strace) at its first `unlink`: the removal of `-shm`
//! on close, after the commit, which leaves both files as otium created them.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// A temp `HOME` with `XDG_DATA_HOME` and `XDG_CONFIG_HOME` that do not exist yet.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("home")).unwrap();
        Home { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The default database: `$XDG_DATA_HOME/otium/otium.db`.
    fn default_db(&self) -> PathBuf {
        self.path("xdg/data/otium/otium.db")
    }

    /// `[prefix…] sh -c 'umask 022; exec otium ARGS…'` with a cleared environment.
    fn run_with(&self, prefix: &[&str], args: &[&str]) -> Output {
        let bin = assert_cmd::cargo::cargo_bin!("otium");
        let mut all: Vec<&std::ffi::OsStr> = prefix.iter().map(std::ffi::OsStr::new).collect();
        all.extend(
            ["/bin/sh", "-c", "umask 022; exec \"$0\" \"$@\""]
                .iter()
                .map(std::ffi::OsStr::new),
        );
        all.push(bin.as_os_str());
        all.extend(args.iter().map(std::ffi::OsStr::new));
        Command::new(all[0])
            .args(&all[1..])
            .env_clear()
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("xdg/data"))
            .env("XDG_CONFIG_HOME", self.path("xdg/config"))
            .env("OTIUM_NOW", "2026-03-02T12:00:00+01:00")
            .env("OTIUM_TZ", "Europe/Berlin")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run_with(&[], args);
        assert!(
            out.status.success(),
            "otium {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn assert_mode(path: &Path, expected: u32) {
    assert_eq!(
        mode(path),
        expected,
        "{} is {:04o}, expected {expected:04o}",
        path.display(),
        mode(path)
    );
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

#[test]
fn a_fresh_default_data_dir_is_private_under_umask_022() {
    let home = Home::new();
    // The first command that records creates the folders and the database.
    home.ok(&["add", "writing", "--from", "7:00", "--for", "30m"]);
    let db = home.default_db();
    // Every folder otium had to create, up to the data dir, is 0700.
    for dir in ["xdg", "xdg/data", "xdg/data/otium"] {
        assert_mode(&home.path(dir), 0o700);
    }
    assert_mode(&db, 0o600);
    // otium never writes a config file; it only reads one.
    assert!(!home.path("xdg/config").exists());

    // A write killed after its commit, as it deletes `-shm` on close: the write-ahead
    // log and shared-memory files are still there, exactly as otium created them.
    let killed = home.run_with(
        &[
            "strace",
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            "trace=?unlink,unlinkat",
            "-e",
            "inject=?unlink,unlinkat:signal=SIGKILL:when=1",
        ],
        &["add", "coding", "--from", "9:00", "--to", "10:00"],
    );
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&killed.status),
        Some(9),
        "{killed:?}"
    );
    for suffix in ["-wal", "-shm"] {
        assert_mode(&sidecar(&db, suffix), 0o600);
    }
    // The killed add had committed: the next run recovers it from the log.
    assert!(home.ok(&["log", "--all"]).contains("coding"));

    // Exports, reports and backups, atomic or not, are private too.
    let out = home.path("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = |name: &str| out.join(name).to_string_lossy().into_owned();
    home.ok(&["export", "-o", &file("sessions.csv")]);
    home.ok(&["export", "--format", "json", "-o", &file("sessions.json")]);
    home.ok(&["report", "--all", "--format", "html", "-o", &file("r.html")]);
    home.ok(&["backup", &file("copy.db")]);
    // --force replaces a world-readable file with a private one.
    std::fs::write(out.join("old.csv"), "x").unwrap();
    std::fs::set_permissions(out.join("old.csv"), std::fs::Permissions::from_mode(0o644)).unwrap();
    home.ok(&["export", "-o", &file("old.csv"), "--force"]);
    for name in [
        "sessions.csv",
        "sessions.json",
        "r.html",
        "copy.db",
        "old.csv",
    ] {
        assert_mode(&out.join(name), 0o600);
    }
    // The default backup lands next to the database.
    home.ok(&["backup"]);
    let backups: Vec<PathBuf> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("otium-backup-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_mode(&backups[0], 0o600);
    // The folder the user made keeps its mode.
    assert_mode(&out, 0o755);
}

#[test]
fn a_db_flag_creates_missing_folders_private_but_leaves_existing_ones_alone() {
    let home = Home::new();
    // A --db whose folders do not exist: each is created 0700.
    let nested = home.path("new/deeper/work.db");
    home.ok(&["--db", nested.to_str().unwrap(), "start", "x"]);
    assert_mode(&home.path("new"), 0o700);
    assert_mode(&home.path("new/deeper"), 0o700);
    assert_mode(&nested, 0o600);
    // A --db in the user's existing, world-readable folder: the folder is theirs and
    // keeps its mode; the database in it is still 0600.
    let shared = home.path("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = shared.join("otium.db");
    home.ok(&[
        "--db",
        db.to_str().unwrap(),
        "add",
        "x",
        "--from",
        "9:00",
        "--for",
        "1h",
    ]);
    assert_mode(&shared, 0o755);
    assert_mode(&db, 0o600);
    // The default data dir was never touched.
    assert!(!home.path("xdg").exists());
}
