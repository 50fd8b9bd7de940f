//! `otium import` while the old tracker keeps running: re-imports that apply the
//! source's edits and deletions, Watson's `updated_at`, standard input for every
//! format, the Timewarrior project rule, Toggl's Duration in the repeated hour, CRLF
//! line numbers, and CSV numbers and `--bom` on the way out.
//!
//! Expected numbers are counted by hand from the data written in each test (the
//! fixture totals are in `tests/cli/import.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use rusqlite::Connection;
use serde_json::{Value, json};

use crate::env::{TestEnv, code};
use crate::harness::rows_as_text;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn file(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn sessions(env: &TestEnv) -> Vec<Value> {
    env.json(&["log", "--all"]).as_array().unwrap().clone()
}

fn total(env: &TestEnv) -> i64 {
    sessions(env)
        .iter()
        .map(|s| s["duration_seconds"].as_i64().unwrap())
        .sum()
}

/// Runs otium with `input` on standard input.
fn piped(env: &TestEnv, args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = env
        .std_cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// The January file of the Timewarrior fixture: 08:00–09:30 UTC `coding review`,
/// 10:00–10:15 `"client call" meeting`, 2024-01-16 13:00–15:00 (no tags).
const JANUARY: &str = "inc 20240115T080000Z - 20240115T093000Z # coding review\n\
inc 20240115T100000Z - 20240115T101500Z # \"client call\" meeting # \"weekly sync with \\\"ACME\\\"\"\n\
inc 20240116T130000Z - 20240116T150000Z\n";

#[test]
fn a_timewarrior_edit_updates_the_session_and_deletions_need_sync_deletes() {
    let env = TestEnv::new();
    let path = file(&env, "2024-01.data", JANUARY);
    let first = env.json(&["import", "timewarrior", &path]);
    assert_eq!(first["imported"], 3);
    // 1h30 + 15m + 2h = 13500 s.
    assert_eq!(total(&env), 13500);
    // In Timewarrior: the first interval now ends at 10:00 (30 min more).
    let edited = JANUARY.replace("20240115T093000Z", "20240115T100000Z");
    std::fs::write(&path, &edited).unwrap();
    let again = env.json(&["import", "timewarrior", &path]);
    assert_eq!(
        (
            again["imported"].as_i64(),
            again["updated"].as_i64(),
            again["already_present"].as_i64()
        ),
        (Some(0), Some(1), Some(2)),
        "{again}"
    );
    assert_eq!(total(&env), 13500 + 1800);
    let all = sessions(&env);
    // The same session, edited in place: same id, new end.
    assert_eq!(all[0]["id"], 1);
    assert_eq!(all[0]["end"], "2024-01-15T11:00:00+01:00");
    // Plain re-import: nothing to do.
    let third = env.json(&["import", "timewarrior", &path]);
    assert_eq!(
        (third["updated"].as_i64(), third["already_present"].as_i64()),
        (Some(0), Some(3))
    );
    // The human summary says "Updated".
    std::fs::write(&path, JANUARY).unwrap();
    let text = env.ok(&["import", "timewarrior", &path]);
    assert!(text.contains("Updated: 1."), "{text}");

    // An edit in otium since the import is kept when the source did not change.
    env.ok(&["edit", "2", "--note", "mine"]);
    env.ok(&["import", "timewarrior", &path]);
    assert_eq!(sessions(&env)[1]["note"], "mine");

    // A session made in otium within the range is never the source's to delete.
    env.ok(&[
        "add",
        "native",
        "--from",
        "2024-01-15 12:00",
        "--to",
        "2024-01-15 12:30",
    ]);
    // Timewarrior deleted the 10:00 interval, inside the range the file covers (its
    // first start to its last end): counted, and kept without the flag.
    let fewer: String = JANUARY
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let path = file(&env, "2024-01.data", &fewer);
    let kept = env.json(&["import", "timewarrior", &path]);
    assert_eq!(
        (kept["not_in_source"].as_i64(), kept["removed"].as_i64()),
        (Some(1), Some(0))
    );
    assert_eq!(sessions(&env).len(), 4);
    let text = env.ok(&[
        "import",
        "timewarrior",
        &path,
        "--dry-run",
        "--sync-deletes",
    ]);
    assert!(
        text.contains("No longer in the source: 1 (would be removed"),
        "{text}"
    );
    assert_eq!(sessions(&env).len(), 4);
    let synced = env.json(&["import", "timewarrior", &path, "--sync-deletes"]);
    assert_eq!(synced["removed"], 1);
    let left: Vec<Value> = sessions(&env)
        .iter()
        .map(|s| s["project"].clone())
        .collect();
    assert_eq!(
        left,
        [json!("coding"), json!("native"), json!("(no project)")]
    );
}

#[test]
fn only_an_overlap_with_a_session_from_elsewhere_is_a_conflict() {
    let env = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    let path = file(&env, "a.data", JANUARY);
    env.ok(&["import", "timewarrior", &path]);
    env.ok(&[
        "add",
        "native",
        "--from",
        "2024-01-15 11:00",
        "--to",
        "2024-01-15 11:30",
    ]);
    // The first interval moved its end past the second one's start, and the second one
    // was deleted in Timewarrior: a conflict only while otium still holds the second.
    let moved = "inc 20240115T080000Z - 20240115T101000Z # coding review\n\
                 inc 20240116T130000Z - 20240116T150000Z\n";
    std::fs::write(&path, moved).unwrap();
    let before = env.db_bytes();
    let err = env.fails(&["import", "timewarrior", &path], code::CONFLICT);
    assert!(err.contains("pass --sync-deletes"), "{err}");
    assert_eq!(env.db_bytes(), before);
    let ok = env.json(&["import", "timewarrior", &path, "--sync-deletes"]);
    assert_eq!(
        (ok["updated"].as_i64(), ok["removed"].as_i64()),
        (Some(1), Some(1))
    );
    // Reaching into a session made in otium is a real conflict, flag or not.
    let into_native = "inc 20240115T080000Z - 20240115T111500Z # coding review\n\
                       inc 20240116T130000Z - 20240116T150000Z\n";
    std::fs::write(&path, into_native).unwrap();
    let before = env.db_bytes();
    let err = env.fails(
        &["import", "timewarrior", &path, "--sync-deletes"],
        code::CONFLICT,
    );
    assert!(err.contains("overlaps session 4 (native"), "{err}");
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn watson_edits_apply_when_updated_at_is_newer() {
    let env = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    let frames = |stop: i64, updated: i64| {
        format!(
            "[[1704704400, {stop}, \"writing\", \"3b9f0c2ad4e54b1f8a6c7d2e9f10a4b5\", [\"book\"], {updated}]]"
        )
    };
    // 2024-01-08 09:00–10:30 UTC.
    let path = file(&env, "frames", &frames(1_704_709_800, 1_704_709_805));
    env.ok(&["import", "watson", &path]);
    // Edited in Watson: stop 11:00, updated_at later.
    std::fs::write(&path, frames(1_704_711_600, 1_704_800_000)).unwrap();
    let s = env.json(&["import", "watson", &path]);
    assert_eq!(
        (s["updated"].as_i64(), s["already_present"].as_i64()),
        (Some(1), Some(0))
    );
    assert_eq!(sessions(&env)[0]["duration_seconds"], 7200);
    // An older copy of the frames file (updated_at as before the edit) changes nothing.
    std::fs::write(&path, frames(1_704_709_800, 1_704_709_805)).unwrap();
    let s = env.json(&["import", "watson", &path]);
    assert_eq!(
        (s["updated"].as_i64(), s["already_present"].as_i64()),
        (Some(0), Some(1))
    );
    assert_eq!(sessions(&env)[0]["duration_seconds"], 7200);
}

#[test]
fn standard_input_works_for_every_format() {
    for (format, name, imported) in [
        ("watson", "watson-frames.json", 4),
        ("timewarrior", "timew-export.json", 4),
        ("timewarrior", "timewarrior/2024-01.data", 3),
        ("toggl", "toggl-detailed.csv", 4),
        ("bartib", "activities.bartib", 3),
        ("csv", "otium-export.csv", 2),
        ("json", "otium-export.json", 2),
    ] {
        let env = TestEnv::new();
        let bytes = std::fs::read(fixture(name)).unwrap();
        let out = piped(&env, &["import", format, "-", "--json"], &bytes);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let s: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (s["imported"].as_i64(), s["file"].as_str()),
            (Some(imported), Some("<stdin>")),
            "{name}"
        );
        // The same as from the file.
        let from_file = TestEnv::new();
        let f = from_file.json(&["import", format, &fixture(name).to_string_lossy()]);
        assert_eq!(s["imported_seconds"], f["imported_seconds"], "{name}");
    }
    // Errors name <stdin> and the real line; a BOM and blanks before the JSON are fine.
    let env = TestEnv::new();
    let out = piped(
        &env,
        &["import", "timewarrior", "-"],
        b"\xEF\xBB\xBF \n[\n{\"start\":\"x\"}\n]",
    );
    assert_eq!(out.status.code(), Some(code::INVALID));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: <stdin>:3:"), "{err}");
    assert!(err.contains("\"x\" is not a Timewarrior time"), "{err}");
}

#[test]
fn timewarrior_project_rule_and_the_summary_of_tags_that_became_projects() {
    let env = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    // Timewarrior writes tags sorted: "C#" sorts before "coding".
    let path = file(
        &env,
        "t.data",
        "inc 20240115T080000Z - 20240115T090000Z # C# coding review\n\
         inc 20240115T100000Z - 20240115T110000Z # writing\n",
    );
    let s = env.json(&["import", "timewarrior", &path, "--dry-run"]);
    assert_eq!(
        s["tag_projects"],
        json!([{"tag": "C#", "count": 1}, {"tag": "writing", "count": 1}])
    );
    let text = env.ok(&["import", "timewarrior", &path, "--dry-run"]);
    assert!(
        text.contains("Tags that became projects: C# (1), writing (1)"),
        "{text}"
    );
    let s = env.json(&[
        "import",
        "timewarrior",
        &path,
        "--project-tags",
        "coding,writing",
    ]);
    assert_eq!(
        s["tag_projects"],
        json!([{"tag": "coding", "count": 1}, {"tag": "writing", "count": 1}])
    );
    let all = sessions(&env);
    assert_eq!(
        (all[0]["project"].as_str(), &all[0]["tags"]),
        (Some("coding"), &json!(["C#", "review"]))
    );
    // Another rule on re-import moves the sessions: no tag is a project.
    let s = env.json(&["import", "timewarrior", &path, "--project-tags", "none"]);
    assert_eq!(
        (s["updated"].as_i64(), &s["tag_projects"]),
        (Some(2), &json!([]))
    );
    let all = sessions(&env);
    assert_eq!(
        (all[0]["project"].as_str(), &all[0]["tags"]),
        (Some("(no project)"), &json!(["C#", "coding", "review"]))
    );
    let err = env.fails(
        &["import", "bartib", &path, "--project-tags", "x"],
        code::INVALID,
    );
    assert!(err.contains("--project-tags is for Timewarrior"), "{err}");
}

const TOGGL_HEAD: &str = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\r\n";

#[test]
fn toggl_duration_settles_the_repeated_hour_and_disagreement_is_noted() {
    let env = TestEnv::at("Europe/Berlin", "2026-03-02T12:00:00+01:00");
    // 2024-10-27, Berlin: 03:00 CEST becomes 02:00 CET. 02:15 CEST (00:15 UTC) to
    // 02:45 CET (01:45 UTC) is 1h30; read with the first offset both it would be 30 min.
    let path = file(
        &env,
        "dst.csv",
        &format!(
            "{TOGGL_HEAD}A,a,,P,,night,No,2024-10-27,02:15:00,2024-10-27,02:45:00,01:30:00,\r\n\
             A,a,,P,,day,No,2024-10-28,09:00:00,2024-10-28,10:00:00,00:45:00,\r\n"
        ),
    );
    let out = env.run(&["import", "toggl", &path, "--json"]);
    assert!(out.status.success());
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["imported_seconds"], 5400 + 3600);
    let all = sessions(&env);
    assert_eq!(all[0]["start"], "2024-10-27T02:15:00+02:00");
    assert_eq!(all[0]["end"], "2024-10-27T02:45:00+01:00");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Duration 1h 30m says 02:45 CET (+01:00)"),
        "{err}"
    );
    assert!(
        err.contains("dst.csv:3: start, end and Duration disagree: 2024-10-28 09:00:00 to 2024-10-28 10:00:00 is 1h 00m but Duration says 45m; used start and end"),
        "{err}"
    );
    let err = env.fails(
        &[
            "import",
            "toggl",
            &file(
                &env,
                "bad.csv",
                &format!(
                    "{TOGGL_HEAD}A,a,,P,,x,No,2024-10-28,09:00:00,2024-10-28,10:00:00,1h,\r\n"
                ),
            ),
        ],
        code::INVALID,
    );
    assert!(
        err.contains("bad.csv:2:12: Duration \"1h\" is not a length like 01:30:00"),
        "{err}"
    );
}

#[test]
fn crlf_csv_errors_name_the_real_line() {
    let env = TestEnv::new();
    let toggl = format!(
        "{TOGGL_HEAD}A,a,,P,,x,No,2024-03-04,09:00:00,2024-03-04,10:00:00,01:00:00,\r\n\
         A,a,,P,,x,No,2024-03-04,11:00:00,2024-03-04,25:00:00,01:00:00,\r\n"
    );
    let err = env.fails(
        &["import", "toggl", &file(&env, "t.csv", &toggl)],
        code::INVALID,
    );
    assert!(err.contains("t.csv:3:10: end"), "{err}");
    let otium = "id,uuid,project,tags,note,start,end,duration_seconds,zone\r\n\
                 1,,p,,,2024-01-01T09:00:00Z,2024-01-01T10:00:00Z,3600,UTC\r\n\
                 2,,p,,,2024-01-01T11:00:00Z,2024-01-01T12:00:00Z,3600\r\n";
    let err = env.fails(
        &["import", "csv", &file(&env, "o.csv", otium)],
        code::INVALID,
    );
    assert!(
        err.contains("o.csv:3:1: malformed CSV: this row has 8 fields"),
        "{err}"
    );
}

#[test]
fn csv_numbers_stay_plain_and_bom_is_offered() {
    let env = TestEnv::new();
    env.ok(&[
        "add",
        "p",
        "--from",
        "2026-03-02 08:00",
        "--for",
        "1h",
        "--note",
        "-5",
    ]);
    env.ok(&[
        "add",
        "q",
        "--from",
        "2026-03-02 09:00",
        "--for",
        "1h",
        "--note",
        "=1+1",
    ]);
    let csv = env.ok(&["export"]);
    assert!(csv.contains(",-5,"), "{csv}");
    assert!(csv.contains(",'=1+1,"), "{csv}");
    let out = env.run(&["export", "--bom"]);
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFid,uuid,"));
    let out = env.run(&["report", "--format", "csv", "--bom", "--from", "2026-03-02"]);
    assert!(
        out.stdout.starts_with(b"\xEF\xBB\xBFfrom,to,zone"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = env.fails(&["export", "--format", "json", "--bom"], code::INVALID);
    assert!(err.contains("--bom is for CSV output"), "{err}");
    // Back in, with the BOM: the notes as they were.
    let other = TestEnv::new();
    let path = file(&other, "s.csv", "");
    std::fs::write(&path, out_of(&env, &["export", "--bom"])).unwrap();
    other.ok(&["import", "csv", &path]);
    let notes: Vec<Value> = sessions(&other).iter().map(|s| s["note"].clone()).collect();
    assert_eq!(notes, [json!("-5"), json!("=1+1")]);
}

fn out_of(env: &TestEnv, args: &[&str]) -> Vec<u8> {
    let out = env.run(args);
    assert!(out.status.success());
    out.stdout
}

/// `uuid::Uuid::new_v5` of `start|end|project` in otium's key namespace: the uuid a
/// version-2 import gave a Timewarrior interval.
fn content_key(start: i64, end: i64, project: &str) -> String {
    let namespace = uuid::Uuid::from_u128(0x6f74_6975_6d00_4a1b_9c3e_1d2f_7a5b_8c01);
    uuid::Uuid::new_v5(&namespace, format!("{start}|{end}|{project}").as_bytes()).to_string()
}

#[test]
fn sessions_a_version_2_import_made_are_found_again_after_the_upgrade() {
    let env = TestEnv::new();
    let db = env.db();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db/v2.db"),
        &db,
    )
    .unwrap();
    // What `otium import timewarrior` of version 2 wrote for the first fixture interval
    // (2024-01-15 08:00–09:30 UTC, "coding review"): a content-keyed uuid.
    let key = content_key(1_705_305_600, 1_705_311_000, "coding");
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO sessions (uuid, project_id, start_utc, end_utc, zone, created_utc, updated_utc)
             VALUES ('{key}', (SELECT id FROM projects WHERE name = 'coding'), 1705305600, 1705311000,
                     'Europe/Berlin', 0, 0);
             INSERT INTO session_tags VALUES (last_insert_rowid(), (SELECT id FROM tags WHERE name = 'review'));"
        ))
        .unwrap();
    }
    // Edited in Timewarrior since: ends 10:00. The upgraded database updates it.
    let path = file(
        &env,
        "a.data",
        "inc 20240115T080000Z - 20240115T100000Z # coding review\n",
    );
    let s = env.json(&["import", "timewarrior", &path]);
    assert_eq!(
        (s["imported"].as_i64(), s["updated"].as_i64()),
        (Some(0), Some(1)),
        "{s}"
    );
    let conn = Connection::open(&db).unwrap();
    // The same row (id 5, its uuid kept), now ending 10:00 and known as Timewarrior's.
    assert_eq!(
        rows_as_text(&conn, &format!("SELECT id, uuid = '{key}', end_utc, source, source_key FROM sessions WHERE start_utc = 1705305600")).unwrap(),
        ["Integer(5)|Integer(1)|Integer(1705312800)|Text(\"timewarrior\")|Text(\"1705305600\")"]
    );
    assert_eq!(
        rows_as_text(
            &conn,
            "SELECT id, end_utc, source, source_key FROM sessions WHERE start_utc = 1705305600"
        )
        .unwrap(),
        ["Integer(5)|Integer(1705312800)|Text(\"timewarrior\")|Text(\"1705305600\")"]
    );
}
