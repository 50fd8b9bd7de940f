//! `otium doctor` and `otium backup`, and the schema-version fixtures in `tests/fixtures/db/`.
//!
//! The clock is pinned at Monday 2026-03-02 12:00 Europe/Berlin (`TestEnv::new`).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde_json::Value;

use crate::env::{TestEnv, code};
use crate::harness::rows_as_text;

/// A fresh environment whose config is private, as a user's would be.
fn private_env() -> TestEnv {
    let env = TestEnv::new();
    set_mode(&env.dir.path().join("config.toml"), 0o600);
    env
}

fn seeded() -> TestEnv {
    let env = private_env();
    env.ok(&[
        "add", "coding", "+review", "--from", "9:00", "--to", "10:00",
    ]);
    env.ok(&["add", "writing", "--from", "10:30", "--to", "11:00"]);
    env.ok(&["start", "reading", "--at", "11:30"]);
    env
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Runs `doctor ARGS --json`, asserts the exit code, returns the report.
fn doctor(env: &TestEnv, args: &[&str], code: i32) -> Value {
    let mut all = vec!["doctor"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = env.run(&all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{all:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn status_of<'a>(report: &'a Value, name: &str) -> (&'a str, &'a str) {
    let check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report}"));
    (
        check["status"].as_str().unwrap(),
        check["detail"].as_str().unwrap(),
    )
}

fn not_ok(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] != "ok")
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_healthy_database_passes_every_check() {
    let env = seeded();
    let before = env.db_bytes();
    let report = doctor(&env, &["--full"], 0);
    assert_eq!(report["ok"], true, "{report}");
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "file_modes",
            "config_file",
            "file_system",
            "leftovers",
            "journal_mode",
            "synchronous",
            "schema_version",
            "application_id",
            "integrity",
            "foreign_keys",
            "running",
            "end_after_start",
            "overlaps",
            "project_totals"
        ]
    );
    assert!(not_ok(&report).is_empty(), "{report}");
    assert_eq!(report["journal_mode"], "wal");
    assert_eq!(report["synchronous"], "full");
    assert_eq!(report["schema_version"], otium::SCHEMA_VERSION);
    assert_eq!(report["full"], true);
    assert_eq!(
        report["database"].as_str().unwrap(),
        env.db().to_str().unwrap()
    );
    assert_eq!(
        report["config"].as_str().unwrap(),
        env.dir.path().join("config.toml").to_str().unwrap()
    );
    assert!(
        report["sqlite_version"].as_str().unwrap().starts_with("3."),
        "{report}"
    );
    assert_eq!(status_of(&report, "integrity").1, "integrity_check: ok");
    assert_eq!(status_of(&report, "running").1, "1 running session(s)");
    // Without --full, the quicker check.
    let quick = doctor(&env, &[], 0);
    assert_eq!(status_of(&quick, "integrity").1, "quick_check: ok");
    // The human report ends with a verdict; doctor wrote nothing.
    let text = env.ok(&["doctor"]);
    assert!(text.contains("All checks passed."), "{text}");
    assert!(text.contains("ok    overlaps"), "{text}");
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn group_readable_files_are_a_warning_and_a_failing_exit() {
    let env = seeded();
    env.ok(&["status"]);
    set_mode(&env.db(), 0o644);
    let config = env.dir.path().join("config.toml");
    set_mode(&config, 0o640);
    let report = doctor(&env, &[], code::DATABASE);
    assert_eq!(report["ok"], false);
    // The config has its own check since issue 17: a warning, but not a problem.
    assert_eq!(not_ok(&report), ["file_modes", "config_file"]);
    let (status, detail) = status_of(&report, "file_modes");
    assert_eq!(status, "warn");
    assert!(
        detail.contains(&format!("{} 0644", env.db().display())),
        "{detail}"
    );
    assert!(!detail.contains("0640"), "{detail}");
    // SQLite gives the -wal and -shm files the database's mode.
    let db = env.db().display().to_string();
    assert!(
        detail.ends_with(&format!("run `chmod 600 {db} {db}-wal {db}-shm`")),
        "{detail}"
    );
    let (status, detail) = status_of(&report, "config_file");
    assert_eq!(status, "warn");
    assert!(
        detail.contains("0640") && detail.contains("no secrets"),
        "{detail}"
    );
    let stderr = env.fails(&["doctor"], code::DATABASE);
    assert_eq!(
        stderr.trim(),
        "error: doctor found 1 problem(s): file_modes; each line of the report says how to fix it"
    );
    set_mode(&env.db(), 0o600);
    // The group-readable config alone passes (exit 0), still reported as a warning.
    let report = doctor(&env, &[], 0);
    assert_eq!(report["ok"], true);
    assert_eq!(not_ok(&report), ["config_file"]);
    set_mode(&config, 0o600);
    doctor(&env, &[], 0);
}

#[test]
fn an_ordinary_0644_config_is_a_warning_and_doctor_passes() {
    let env = seeded();
    let config = env.dir.path().join("config.toml");
    std::fs::write(&config, "week_start = \"monday\"\n").unwrap();
    set_mode(&config, 0o644);
    let report = doctor(&env, &[], 0);
    assert_eq!(report["ok"], true);
    assert_eq!(not_ok(&report), ["config_file"]);
    let (status, detail) = status_of(&report, "config_file");
    assert_eq!(status, "warn");
    assert_eq!(
        detail,
        format!(
            "{0} is readable by group or others (0644); fine, it holds no secrets (`chmod 600 {0}` to keep it private)",
            config.display()
        )
    );
    // The human report shows the warning and passes.
    let out = env.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("WARN  config_file"), "{text}");
    assert!(
        text.contains("No problems found (1 warning above)."),
        "{text}"
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn a_symlinked_or_world_writable_config_warns_and_is_still_read() {
    let env = seeded();
    let real = env.dir.path().join("dotfiles-config.toml");
    // A setting whose effect shows: `week_start = "sunday"` moves --week's first day.
    std::fs::write(&real, "week_start = \"sunday\"\n").unwrap();
    set_mode(&real, 0o600);
    let link = env.dir.path().join("config.toml");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let report = doctor(&env, &[], 0);
    let (status, detail) = status_of(&report, "config_file");
    assert_eq!(status, "warn");
    assert!(
        detail.contains(&format!("is a symlink to {}", real.display())),
        "{detail}"
    );
    // otium still reads it: Sunday 2026-03-01 opens the week, so --week holds Sunday.
    env.ok(&["add", "sunday", "--from", "2026-03-01 10:00", "--for", "1h"]);
    assert!(env.ok(&["log", "--week"]).contains("sunday"));
    // Writable by others (through the link): a warning that says how to fix it.
    set_mode(&real, 0o666);
    let report = doctor(&env, &[], 0);
    assert_eq!(report["ok"], true);
    let (_, detail) = status_of(&report, "config_file");
    assert!(
        detail.contains("; it is writable by others (0666)")
            && detail.contains(&format!("run `chmod o-w {}`", link.display())),
        "{detail}"
    );
    assert!(env.ok(&["log", "--week"]).contains("sunday"));
}

#[test]
fn temp_files_of_an_interrupted_backup_are_reported_once_stale() {
    let env = seeded();
    env.ok(&["status"]);
    let folder = env.db().parent().unwrap().to_path_buf();
    // A kill during `otium backup` leaves its temp file; one from an hour ago is stale,
    // one from now may belong to a backup running at this moment and is not reported.
    let stale = folder.join(".otium-backup-AbC123.tmp");
    let fresh = folder.join(".otium-backup-XyZ789.tmp");
    for path in [&stale, &fresh] {
        std::fs::write(path, b"partial").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let report = doctor(&env, &[], code::DATABASE);
    assert_eq!(not_ok(&report), ["leftovers"]);
    let (status, detail) = status_of(&report, "leftovers");
    assert_eq!(status, "warn");
    assert!(detail.starts_with("1 temporary file(s)"), "{detail}");
    assert!(detail.contains(".otium-backup-AbC123.tmp"), "{detail}");
    assert!(!detail.contains("XyZ789"), "{detail}");
    std::fs::remove_file(&stale).unwrap();
    doctor(&env, &[], 0);
}

#[test]
fn a_dangling_tag_link_is_named_by_its_table() {
    let env = seeded();
    // Session 999 does not exist (foreign keys off for the tampering connection).
    tamper(
        &env,
        "PRAGMA foreign_keys = OFF;
         INSERT INTO session_tags (session_id, tag_id) VALUES (999, (SELECT min(id) FROM tags));",
    );
    let report = doctor(&env, &[], code::DATABASE);
    assert_eq!(not_ok(&report), ["foreign_keys"]);
    let (status, detail) = status_of(&report, "foreign_keys");
    assert_eq!(status, "fail");
    assert_eq!(
        detail,
        "1 dangling reference(s), first: a session_tags row points to a missing sessions row; restore a backup"
    );
}

/// Writes rows the CLI would refuse, straight into the file.
fn tamper(env: &TestEnv, sql: &str) {
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// Per-project totals changed behind the triggers' back (dropped, then a session made
/// longer by hand): `doctor` names the project and both figures, `doctor --fix`
/// recounts them in one go, and the whole-history report is right again.
#[test]
fn stale_project_totals_are_found_and_doctor_fix_rebuilds_them() {
    let env = seeded();
    // coding 09:00–10:00 and writing 10:30–11:00 are closed; reading runs.
    tamper(
        &env,
        "DROP TRIGGER project_totals_update;
         UPDATE sessions SET end_utc = end_utc + 900 WHERE id = 1;",
    );
    let report = doctor(&env, &[], code::DATABASE);
    assert_eq!(not_ok(&report), ["project_totals"], "{report}");
    let detail = status_of(&report, "project_totals").1;
    assert!(
        detail.starts_with(
            "1 project(s) have stored totals that differ from their sessions (first: project 1, stored 1 session(s), 3600 s, counted 1 session(s), 4500 s)"
        ),
        "{detail}"
    );
    assert!(
        detail.ends_with("rebuild them with `otium doctor --fix`"),
        "{detail}"
    );
    let out = env.ok(&["doctor", "--fix"]);
    assert!(
        out.starts_with("rebuilt the per-project totals (1 project(s) were wrong)\n"),
        "{out}"
    );
    assert!(out.ends_with("All checks passed.\n"), "{out}");
    let report = doctor(&env, &["--fix"], 0);
    assert!(not_ok(&report).is_empty(), "{report}");
    // 09:00–10:15 by hand: 75 minutes of coding.
    let json = env.ok(&["report", "--all", "--by", "project", "--json"]);
    let value: Value = serde_json::from_str(&json).unwrap();
    let coding = value["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "coding")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(coding["seconds"], 4500, "{json}");
}

#[test]
fn broken_session_rules_are_found_and_named() {
    let env = seeded();
    // Session 4 overlaps session 1 (09:00–10:00); session 5 ends before it starts.
    tamper(
        &env,
        "PRAGMA ignore_check_constraints = ON;
         INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
         SELECT 'x1', project_id, start_utc + 600, end_utc + 600, zone, 0, 0 FROM sessions WHERE id = 1;
         INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
         SELECT 'x2', project_id, start_utc - 7200, start_utc - 9000, zone, 0, 0 FROM sessions WHERE id = 1;",
    );
    // The full integrity_check also re-checks CHECK constraints; quick_check does not.
    let report = doctor(&env, &["--full"], code::DATABASE);
    assert_eq!(
        not_ok(&report),
        ["integrity", "end_after_start", "overlaps"],
        "{report}"
    );
    assert!(
        status_of(&report, "integrity")
            .1
            .contains("CHECK constraint failed in sessions"),
        "{report}"
    );
    assert!(
        status_of(&report, "end_after_start")
            .1
            .starts_with("1 session(s) end at or before their start (ids 5)"),
        "{report}"
    );
    assert!(
        status_of(&report, "overlaps")
            .1
            .starts_with("1 session(s) overlap an earlier one (ids 4)"),
        "{report}"
    );
}

#[test]
fn a_damaged_page_fails_the_integrity_check() {
    let env = private_env();
    env.create_db();
    // Enough sessions for several index pages, then garbage over one of them.
    tamper(
        &env,
        "INSERT INTO projects (id, name, created_utc) VALUES (1, 'bulk', 0);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
         INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
         SELECT printf('u%05d', i), 1, i * 1000, i * 1000 + 500, 'UTC', 0, 0 FROM n;",
    );
    let conn = Connection::open(env.db()).unwrap();
    let (page_size, root): (u32, u32) = conn
        .query_row(
            "SELECT (SELECT page_size FROM pragma_page_size()),
                    (SELECT rootpage FROM sqlite_schema WHERE name = 'sessions_by_start')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(conn);
    let mut bytes = env.db_bytes();
    let (page_size, root) = (page_size as usize, root as usize);
    let at = (root - 1) * page_size;
    // Keep the page header's type byte, scramble the cell pointers and cells.
    for b in &mut bytes[at + 8..at + page_size] {
        *b = 0xA5;
    }
    std::fs::write(env.db(), &bytes).unwrap();
    let report = doctor(&env, &["--full"], code::DATABASE);
    let (status, detail) = status_of(&report, "integrity");
    assert_eq!(status, "fail", "{report}");
    assert!(detail.contains("restore a backup"), "{detail}");
    let stderr = env.fails(&["doctor", "--full"], code::DATABASE);
    assert!(stderr.contains("integrity"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

fn backups(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("backup") || n.contains("-before-"))
        .collect();
    names.sort();
    names
}

fn sessions_in(env: &TestEnv, db: &Path) -> Value {
    env.json(&["--db", db.to_str().unwrap(), "log", "--all"])
}

#[test]
fn backup_next_to_the_database_with_a_timestamp() {
    let env = seeded();
    let out = env.json(&["backup"]);
    let expected = env.db().with_file_name("otium-backup-20260302-120000.db");
    assert_eq!(out["backup"].as_str().unwrap(), expected.to_str().unwrap());
    assert_eq!(
        out["database"].as_str().unwrap(),
        env.db().to_str().unwrap()
    );
    let size = std::fs::metadata(&expected).unwrap().len();
    assert_eq!(out["bytes"].as_u64().unwrap(), size);
    assert_eq!(
        std::fs::metadata(&expected).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        sessions_in(&env, &expected),
        env.json(&["log", "--all"]),
        "the backup holds the same sessions"
    );
    let copy = Connection::open(&expected).unwrap();
    let ok: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(copy);

    // Again within the same (pinned) second: the next free name, the first left alone.
    let before = std::fs::read(&expected).unwrap();
    let second = env.json(&["backup"]);
    let expected_2 = env.db().with_file_name("otium-backup-20260302-120000-2.db");
    assert_eq!(
        second["backup"].as_str().unwrap(),
        expected_2.to_str().unwrap()
    );
    env.json(&["backup"]);
    assert_eq!(std::fs::read(&expected).unwrap(), before);
    assert_eq!(
        backups(env.db().parent().unwrap()),
        [
            "otium-backup-20260302-120000-2.db",
            "otium-backup-20260302-120000-3.db",
            "otium-backup-20260302-120000.db"
        ]
    );
    assert_eq!(sessions_in(&env, &expected_2), sessions_in(&env, &expected));
}

#[test]
fn backup_to_a_named_file_and_refusals() {
    let env = seeded();
    let target = env.dir.path().join("copy.db");
    let text = env.ok(&["backup", target.to_str().unwrap()]);
    assert!(text.starts_with("Backed up "), "{text}");
    assert!(text.contains("To restore"), "{text}");
    assert_eq!(sessions_in(&env, &target), env.json(&["log", "--all"]));
    // Never over the database or its companions, never over an existing file.
    for name in [
        env.db(),
        PathBuf::from(format!("{}-wal", env.db().display())),
    ] {
        let stderr = env.fails(&["backup", name.to_str().unwrap()], code::INVALID);
        assert!(stderr.contains("otium's database"), "{stderr}");
    }
    let stderr = env.fails(&["backup", target.to_str().unwrap()], code::INVALID);
    assert!(stderr.contains("already exists"), "{stderr}");
    // A folder that does not exist: an I/O error naming it, nothing left behind.
    let missing = env.dir.path().join("nowhere").join("b.db");
    let stderr = env.fails(&["backup", missing.to_str().unwrap()], 8);
    assert!(stderr.contains("nowhere"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!missing.exists());
    // A mistyped --db: no empty database is made and "backed up"; exit 6, nothing created.
    let typo = env.dir.path().join("otuim.db");
    let copy = env.dir.path().join("typo-copy.db");
    let stderr = env.fails(
        &[
            "--db",
            typo.to_str().unwrap(),
            "backup",
            copy.to_str().unwrap(),
        ],
        code::DATABASE,
    );
    assert!(stderr.starts_with("error: no database at "), "{stderr}");
    assert!(stderr.contains("to back up another file"), "{stderr}");
    assert!(!typo.exists() && !copy.exists());
}

#[test]
fn backup_while_other_processes_write() {
    let env = private_env();
    env.create_db();
    let folder = env.dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let backups: Vec<PathBuf> = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            for i in 0..60 {
                let from = format!("2026-02-20 {:02}:{:02}", i / 6, (i % 6) * 10);
                env.ok(&["add", "w", "--from", &from, "--for", "5m"]);
            }
        });
        let taken: Vec<PathBuf> = (0..10)
            .map(|n| {
                let target = folder.join(format!("b{n}.db"));
                env.ok(&["backup", target.to_str().unwrap()]);
                target
            })
            .collect();
        writer.join().unwrap();
        taken
    });
    let mut previous = 0;
    for target in &backups {
        let copy = Connection::open(target).unwrap();
        let ok: String = copy
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "{}", target.display());
        let count: i64 = copy
            .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
            .unwrap();
        // Each backup is a snapshot: later backups never hold fewer sessions.
        assert!((previous..=60).contains(&count), "{count} after {previous}");
        previous = count;
    }
    let all = env.json(&["log", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 60);
}

/// The sessions of `tests/fixtures/db/v1.db`, as `log --all --json` shows them (without uuids).
/// id, project, tags, note, start, end.
type Expected = (
    i64,
    &'static str,
    Vec<&'static str>,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
);

fn v1_sessions() -> Vec<Expected> {
    vec![
        (
            1,
            "coding",
            vec!["review"],
            Some("PR 12"),
            "2026-02-27T09:00:00+01:00",
            Some("2026-02-27T10:30:00+01:00"),
        ),
        (
            2,
            "writing",
            vec!["book", "draft"],
            Some("chapter 3"),
            "2026-02-28T14:00:00+01:00",
            Some("2026-02-28T16:20:00+01:00"),
        ),
        (
            3,
            "写作 🖋",
            vec![],
            None,
            "2026-03-01T23:30:00+01:00",
            Some("2026-03-02T01:15:00+01:00"),
        ),
        (
            4,
            "writing",
            vec!["book"],
            None,
            "2026-03-02T11:00:00+01:00",
            None,
        ),
    ]
}

/// Every row of every table, all columns (uuids and bookkeeping times included), as text.
fn table_rows(conn: &Connection) -> Vec<(String, Vec<String>)> {
    table_rows_as(conn, conn)
}

/// Every row of every table of `conn`, in the columns `like` has (an upgrade only adds
/// columns: they are checked on their own).
fn table_rows_as(conn: &Connection, like: &Connection) -> Vec<(String, Vec<String>)> {
    ["projects", "sessions", "tags", "session_tags", "outputs"]
        .iter()
        .map(|table| {
            let columns = column(
                like,
                &format!("SELECT group_concat(name, ', ') FROM pragma_table_info('{table}')"),
            );
            let columns = columns[0]
                .trim_start_matches("Text(\"")
                .trim_end_matches("\")");
            let sql = format!("SELECT {columns} FROM {table} ORDER BY 1, 2");
            ((*table).to_string(), rows_as_text(conn, &sql).unwrap())
        })
        .collect()
}

/// One column of a query, as text.
fn column(conn: &Connection, sql: &str) -> Vec<String> {
    rows_as_text(conn, sql).unwrap()
}

fn user_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// `tests/fixtures/db/vN.db`, one per schema version, in version order.
fn schema_fixtures() -> Vec<PathBuf> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "db"))
        .collect();
    // By number: `v10.db` after `v9.db`.
    versions.sort_by_key(|p| {
        p.file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.strip_prefix('v'))
            .and_then(|s| s.parse::<u32>().ok())
    });
    versions
}

#[test]
fn every_schema_fixture_opens_keeps_its_sessions_and_passes_integrity_check() {
    let versions = schema_fixtures();
    let names: Vec<String> = versions
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // Versions 4 to 8 came before the rule that every schema version adds a fixture.
    assert_eq!(
        names,
        ["v1.db", "v2.db", "v3.db", "v9.db"],
        "one fixture per schema version"
    );
    for fixture in versions {
        let n: i64 = fixture
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.strip_prefix('v'))
            .and_then(|s| s.parse().ok())
            .unwrap();
        let env = private_env();
        std::fs::create_dir_all(env.db().parent().unwrap()).unwrap();
        std::fs::copy(&fixture, env.db()).unwrap();
        set_mode(&env.db(), 0o600);
        // Read from a second copy, so the one otium opens stays as committed.
        let pristine = env.dir.path().join("pristine.db");
        std::fs::copy(&fixture, &pristine).unwrap();
        let pristine_conn = Connection::open(&pristine).unwrap();
        let (version, before, schema_before) = (
            user_version(&pristine_conn),
            table_rows(&pristine_conn),
            column(
                &pristine_conn,
                "SELECT sql FROM sqlite_schema ORDER BY name",
            ),
        );
        assert_eq!(
            version,
            n,
            "{} holds schema version {version}",
            fixture.display()
        );
        // The first command upgrades (when the fixture is older) and says so, once.
        let out = env.run(&["log", "--all", "--json"]);
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let latest = otium::SCHEMA_VERSION;
        if n < latest {
            let backup = env
                .db()
                .with_file_name(format!("otium-before-v{}.db", n + 1));
            assert_eq!(
                stderr.trim(),
                format!(
                    "note: upgraded the database from schema {n} to {latest}; the file as it was is kept as {}",
                    backup.display()
                )
            );
        } else {
            assert!(stderr.is_empty(), "{stderr}");
        }
        assert!(env.run(&["status"]).stderr.is_empty());
        let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let found: Vec<_> = all
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["id"].as_i64().unwrap(),
                    s["project"].as_str().unwrap().to_string(),
                    s["tags"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|t| t.as_str().unwrap().to_string())
                        .collect::<Vec<_>>(),
                    s["note"].as_str().map(str::to_string),
                    s["start"].as_str().unwrap().to_string(),
                    s["end"].as_str().map(str::to_string),
                )
            })
            .collect();
        let expected: Vec<_> = v1_sessions()
            .into_iter()
            .map(|(id, p, tags, note, start, end)| {
                (
                    id,
                    p.to_string(),
                    tags.into_iter().map(str::to_string).collect::<Vec<_>>(),
                    note.map(str::to_string),
                    start.to_string(),
                    end.map(str::to_string),
                )
            })
            .collect();
        assert_eq!(found, expected, "{}", fixture.display());
        let projects = env.json(&["projects"]);
        let writing = projects
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "writing")
            .unwrap();
        assert_eq!(writing["output_unit"], "pages");
        let report = doctor(&env, &["--full"], 0);
        assert_eq!(report["schema_version"], report["latest_schema_version"]);
        assert_eq!(status_of(&report, "integrity").1, "integrity_check: ok");
        assert_eq!(
            status_of(&report, "foreign_keys").1,
            "no dangling references"
        );
        let latest = report["latest_schema_version"].as_i64().unwrap();
        {
            // Every row of every table kept, column for column, ids and links included;
            // ids are now counted in sqlite_sequence, from the highest id there was.
            let conn = Connection::open(env.db()).unwrap();
            assert_eq!(user_version(&conn), latest);
            assert_eq!(
                table_rows_as(&conn, &pristine_conn),
                before,
                "{}",
                fixture.display()
            );
            // None of the fixtures' sessions was imported: no source is recorded.
            assert_eq!(
                column(
                    &conn,
                    "SELECT count(*) FROM sessions WHERE source IS NOT NULL OR source_key IS NOT NULL"
                ),
                ["Integer(0)"]
            );
            assert_eq!(
                column(
                    &conn,
                    "SELECT name || ' ' || seq FROM sqlite_sequence
                     WHERE name IN ('outputs', 'sessions') ORDER BY name"
                ),
                ["Text(\"outputs 1\")", "Text(\"sessions 4\")"]
            );
            for table in ["sessions", "outputs"] {
                let sql: String = conn
                    .query_row(
                        "SELECT sql FROM sqlite_schema WHERE name = ?1",
                        [table],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert!(sql.contains("INTEGER PRIMARY KEY AUTOINCREMENT"), "{sql}");
            }
            assert_eq!(column(&conn, "PRAGMA integrity_check"), ["Text(\"ok\")"]);
            assert!(column(&conn, "PRAGMA foreign_key_check").is_empty());
        }
        // An older fixture was upgraded after a backup beside it; the latest one needs neither.
        let taken = backups(env.db().parent().unwrap());
        if version < latest {
            assert_eq!(taken, [format!("otium-before-v{}.db", version + 1)]);
            // The backup holds the fixture as it was: its version, schema and every row.
            // (`VACUUM INTO` writes it, so it is not the same bytes: the header's
            // journal-mode bytes and change counter differ, and pages are repacked.)
            let copy = Connection::open(env.db().with_file_name(&taken[0])).unwrap();
            assert_eq!(user_version(&copy), version);
            assert_eq!(
                column(&copy, "SELECT sql FROM sqlite_schema ORDER BY name"),
                schema_before
            );
            assert_eq!(table_rows(&copy), before);
            assert_eq!(column(&copy, "PRAGMA integrity_check"), ["Text(\"ok\")"]);
        } else {
            assert!(taken.is_empty(), "{taken:?}");
        }
        // The committed fixture itself is never written.
        assert_eq!(
            std::fs::read(&fixture).unwrap(),
            std::fs::read(&pristine).unwrap()
        );
        // And it keeps working: stop the running session; the next id is new.
        env.ok(&["stop"]);
        env.ok(&["rm", "4"]);
        let added = env.json(&["add", "x", "--from", "11:10", "--to", "11:20"]);
        assert_eq!(added["id"], 5, "{added}");
    }
}

/// After an upgrade of otium, the TUI and a status-bar script may open the old file at
/// the same moment: 10 rounds of 4 processes at once on a copy of v1.db. Every one
/// succeeds, the file ends at the latest version with every row, and each backup left
/// beside it (one per process that upgraded or raced to, duplicates removed) is whole.
#[test]
fn four_processes_opening_a_version_1_file_at_once_all_succeed() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db/v1.db");
    let dir = tempfile::tempdir().unwrap();
    let pristine = dir.path().join("v1.db");
    std::fs::copy(&fixture, &pristine).unwrap();
    let pristine = Connection::open(&pristine).unwrap();
    let before = table_rows(&pristine);
    let mut backups_left = Vec::new();
    for round in 0..10 {
        let env = private_env();
        std::fs::create_dir_all(env.db().parent().unwrap()).unwrap();
        std::fs::copy(&fixture, env.db()).unwrap();
        set_mode(&env.db(), 0o600);
        let children: Vec<_> = (0..4)
            .map(|k| {
                let args: &[&str] = if k % 2 == 0 {
                    &["status", "--json"]
                } else {
                    &["log", "--all", "--json"]
                };
                env.std_cmd(args)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let conn = Connection::open(env.db()).unwrap();
        assert_eq!(user_version(&conn), otium::SCHEMA_VERSION, "round {round}");
        assert_eq!(table_rows_as(&conn, &pristine), before, "round {round}");
        assert_eq!(
            column(
                &conn,
                "SELECT name || ' ' || seq FROM sqlite_sequence ORDER BY name"
            ),
            ["Text(\"outputs 1\")", "Text(\"sessions 4\")"]
        );
        let taken = backups(env.db().parent().unwrap());
        assert!((1..=4).contains(&taken.len()), "round {round}: {taken:?}");
        for name in &taken {
            let copy = Connection::open(env.db().with_file_name(name)).unwrap();
            assert_eq!(user_version(&copy), 1, "round {round}: {name}");
            assert_eq!(table_rows(&copy), before, "round {round}: {name}");
        }
        backups_left.push(taken.len());
    }
    eprintln!(
        "4 processes opening v1.db at once, 10 rounds: backups left per round {backups_left:?}"
    );
}

#[test]
fn a_read_only_database_is_checked_without_writing() {
    let env = seeded();
    set_mode(&env.db(), 0o400);
    let before = env.db_bytes();
    let report = doctor(&env, &["--full"], 0);
    assert_eq!(report["journal_mode"], "wal", "{report}");
    assert_eq!(env.db_bytes(), before);
    let folder: Vec<String> = std::fs::read_dir(env.db().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folder, ["otium.db"]);
    // A backup of it works too (it only reads).
    let target = env.dir.path().join("ro-copy.db");
    env.ok(&["backup", target.to_str().unwrap()]);
    assert_eq!(sessions_in(&env, &target), env.json(&["log", "--all"]));
}

#[test]
fn doctor_on_a_missing_database_says_so_and_creates_nothing() {
    let env = private_env();
    // The default layout (`data/otium.db`, folder missing too) and a `--db` in an
    // existing folder: neither is created.
    let elsewhere = env.dir.path().join("other.db");
    let other = elsewhere.to_str().unwrap();
    for args in [vec!["doctor"], vec!["--db", other, "doctor", "--full"]] {
        let stderr = env.fails(&args, code::DATABASE);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("error: no database at "), "{stderr}");
        assert!(stderr.contains("does not exist"), "{stderr}");
        // How to create it: a verb that records (a read verb refuses too, issue 17).
        assert!(stderr.contains("`otium start PROJECT`"), "{stderr}");
    }
    assert!(!env.db().exists());
    assert!(!env.db().parent().unwrap().exists());
    assert!(!elsewhere.exists());
    // With --json the error is the usual one-line object.
    let out = env.run(&["doctor", "--json"]);
    assert_eq!(out.status.code(), Some(code::DATABASE));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["kind"], "database");
    assert!(out.stdout.is_empty());
    // Once a command that records created it, the doctor finds it healthy.
    env.fails(&["status"], code::DATABASE);
    env.ok(&["add", "coding", "--from", "9:00", "--for", "1h"]);
    doctor(&env, &[], 0);
}

/// The same stale totals in Chinese: the check's name, both figures and the fix, and
/// the line `--fix` prints; the JSON detail stays English for scripts.
#[test]
fn stale_project_totals_are_said_in_chinese() {
    let env = seeded();
    tamper(
        &env,
        "DROP TRIGGER project_totals_update;
         UPDATE sessions SET end_utc = end_utc + 900 WHERE id = 1;",
    );
    let out = env
        .cmd(&["doctor", "--lang", "zh-CN"])
        .assert()
        .code(code::DATABASE);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains(
            "有 1 个项目保存的合计与记录对不上（第一个：项目 1，保存的是 1 条、3600 秒，重新数出的是 1 条、4500 秒）；用 `otium doctor --fix` 重建"
        ),
        "{text}"
    );
    assert!(text.contains("项目合计"), "{text}");
    let report = doctor(&env, &["--lang", "zh-CN"], code::DATABASE);
    assert!(
        status_of(&report, "project_totals")
            .1
            .starts_with("1 project(s) have stored totals"),
        "{report}"
    );
    let fixed = env.ok(&["doctor", "--fix", "--lang", "zh-CN"]);
    assert!(
        fixed.starts_with("已重建各项目的合计（有 1 个项目不对）\n"),
        "{fixed}"
    );
}
