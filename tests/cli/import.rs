//! `otium import`: one fixture per format with hand-counted sessions and totals,
//! idempotence, conflicts, all-or-nothing, and every kind of bad input.
//!
//! Fixture totals (counted by hand from the files in tests/fixtures/import/):
//! - watson-frames.json: 4 frames, 1h30 + 1h15 + 0h45 + 2h00 = 19800 s.
//! - timewarrior/ (2024-01.data, 2024-02.data): 5 intervals, one running;
//!   1h30 + 0h15 + 2h00 + 2h00 = 20700 s.
//! - timew-export.json: the same four closed intervals, 20700 s.
//! - toggl-detailed.csv: 4 rows, 1h30 + 0h30 + 1h15 + 1h00 (01:30 CET to 03:30 CEST on
//!   2024-03-31 in Berlin is one hour) = 15300 s.
//! - activities.bartib: 4 lines, one running; 1h00 + 1h30 + 0h20 = 10200 s.
//! - otium-export.csv / .json: 2 sessions, 2h20 + 1h00 = 12000 s.

use std::path::PathBuf;

use serde_json::Value;

use crate::env::{TestEnv, code};
use crate::report::week;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Writes `bytes` to a file in the env's folder and returns its path.
fn file(env: &TestEnv, name: &str, bytes: &[u8]) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn sessions(env: &TestEnv) -> Vec<Value> {
    env.json(&["log", "--all"]).as_array().unwrap().clone()
}

/// A database with one session (2026-03-02 08:00–09:00 Berlin), so it exists on disk.
fn seeded() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["add", "seed", "--from", "2026-03-02 08:00", "--for", "1h"]);
    env
}

#[test]
fn watson_frames_with_hand_counted_totals_and_idempotence() {
    let env = TestEnv::new();
    let path = fixture("watson-frames.json");
    let summary = env.json(&["import", "watson", &path]);
    assert_eq!(summary["imported"], 4);
    assert_eq!(summary["imported_seconds"], 19800);
    assert_eq!(summary["already_present"], 0);
    assert_eq!(summary["skipped"], 0);
    assert_eq!(summary["zone"], "Europe/Berlin");
    assert_eq!(summary["format"], "watson");
    let all = sessions(&env);
    assert_eq!(all.len(), 4);
    // Watson's frame id becomes the UUID; UTC instants shown in the zone used.
    assert_eq!(all[0]["uuid"], "3b9f0c2a-d4e5-4b1f-8a6c-7d2e9f10a4b5");
    assert_eq!(all[0]["project"], "writing");
    assert_eq!(all[0]["tags"], serde_json::json!(["book", "draft"]));
    assert_eq!(all[0]["start"], "2024-01-08T10:00:00+01:00");
    assert_eq!(all[0]["duration_seconds"], 5400);
    // A tag with a space becomes a dashed tag.
    assert_eq!(all[3]["tags"], serde_json::json!(["pair-programming"]));
    let projects = env.json(&["projects"]);
    let coding = projects
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "coding")
        .unwrap();
    assert_eq!(coding["total_seconds"], 4500 + 7200);

    // Twice: nothing new, and the database is byte-for-byte the same.
    let before = env.db_bytes();
    let again = env.json(&["import", "watson", &path]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["already_present"], 4);
    assert_eq!(env.db_bytes(), before);

    let text = env.ok(&["import", "watson", &path]);
    assert!(text.contains("Imported 0 session(s) (0s)"), "{text}");
    assert!(text.contains("Already present: 4."), "{text}");
    assert!(
        text.contains("Sessions are recorded in the zone Europe/Berlin (your zone"),
        "{text}"
    );
}

#[test]
fn timewarrior_folder_and_export_json() {
    let env = TestEnv::new();
    let summary = env.json(&["import", "timewarrior", &fixture("timewarrior")]);
    assert_eq!(summary["read"], 5);
    assert_eq!(summary["imported"], 4);
    assert_eq!(summary["imported_seconds"], 20700);
    assert_eq!(summary["skipped"], 1);
    assert_eq!(summary["skipped_reasons"][0]["reason"], "running");
    assert!(
        summary["skipped_reasons"][0]["examples"][0]
            .as_str()
            .unwrap()
            .contains("2024-02.data:2:")
    );
    let all = sessions(&env);
    let projects: Vec<&str> = all.iter().map(|s| s["project"].as_str().unwrap()).collect();
    // First tag -> project; no tags -> "(no project)".
    assert_eq!(
        projects,
        ["coding", "client call", "(no project)", "writing"]
    );
    assert_eq!(all[0]["tags"], serde_json::json!(["review"]));
    assert_eq!(all[1]["note"], "weekly sync with \"ACME\"");
    assert_eq!(all[3]["note"], "chapter 4");

    // The export JSON holds the same intervals: all already present by content key.
    let again = env.json(&["import", "timewarrior", &fixture("timew-export.json")]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["already_present"], 4);

    // --project puts everything in one project and keeps every tag.
    let other = TestEnv::new();
    let s = other.json(&[
        "import",
        "timewarrior",
        &fixture("timew-export.json"),
        "--project",
        "client",
    ]);
    assert_eq!(s["imported_seconds"], 20700);
    let all = sessions(&other);
    assert!(all.iter().all(|s| s["project"] == "client"));
    assert_eq!(all[0]["tags"], serde_json::json!(["coding", "review"]));
    assert_eq!(
        all[1]["tags"],
        serde_json::json!(["client-call", "meeting"])
    );
}

#[test]
fn toggl_csv_in_a_given_zone() {
    let env = TestEnv::new();
    let path = fixture("toggl-detailed.csv");
    let out = env.ok(&["import", "toggl", &path, "--tz", "Europe/Berlin"]);
    assert!(
        out.contains("Local times were read in Europe/Berlin (from --tz)."),
        "{out}"
    );
    assert!(out.contains("Imported 4 session(s) (4h 15m)"), "{out}");
    let all = sessions(&env);
    assert_eq!(all[0]["project"], "Website");
    assert_eq!(all[0]["note"], "Landing page copy");
    assert_eq!(all[0]["tags"], serde_json::json!(["web", "writing"]));
    assert_eq!(all[0]["start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(all[2]["note"], "Fix header, footer");
    assert_eq!(all[2]["end"], "2024-03-06T00:45:00+01:00");
    // Across the spring-forward change: 01:30 CET to 03:30 CEST is one hour.
    assert_eq!(all[3]["project"], "(no project)");
    assert_eq!(all[3]["duration_seconds"], 3600);

    // The same file read in New York is 6 hours later: no overlap, all new.
    let ny = env.json(&["import", "toggl", &path, "--tz", "America/New_York"]);
    assert_eq!(ny["imported"], 4);
    assert_eq!(ny["zone"], "America/New_York");
    assert!(
        sessions(&env)
            .iter()
            .any(|s| s["start"] == "2024-03-04T09:00:00-05:00")
    );
}

#[test]
fn bartib_in_the_users_zone() {
    let env = TestEnv::new();
    let out = env.ok(&["import", "bartib", &fixture("activities.bartib")]);
    assert!(out.contains("Imported 3 session(s) (2h 50m)"), "{out}");
    assert!(out.contains("1 still running in the source:"), "{out}");
    assert!(
        out.contains("Local times were read in Europe/Berlin (your zone; --tz ZONE to change)."),
        "{out}"
    );
    let all = sessions(&env);
    assert_eq!(all[1]["note"], "review | merge");
    assert_eq!(all[2]["note"], Value::Null);
    assert_eq!(all[0]["start"], "2024-02-05T09:00:00+01:00");
}

#[test]
fn otium_csv_and_json_fixtures_strip_the_formula_guard_once() {
    for (format, name) in [("csv", "otium-export.csv"), ("json", "otium-export.json")] {
        let env = TestEnv::new();
        let s = env.json(&["import", format, &fixture(name)]);
        assert_eq!(s["imported_seconds"], 12000, "{format}");
        assert_eq!(s["zone"], Value::Null);
        let all = sessions(&env);
        assert_eq!(all[1]["project"], "=SUM(A1)", "{format}");
        assert_eq!(all[1]["tags"], serde_json::json!(["-urgent"]));
        assert_eq!(all[1]["note"], "@home");
        assert_eq!(all[1]["zone"], "America/New_York");
        assert_eq!(all[1]["start"], "2026-02-03T14:00:00-05:00");
        assert_eq!(all[0]["uuid"], "2f1d7c2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    }
}

#[test]
fn export_then_import_gives_the_same_sessions() {
    let source = week();
    for format in ["csv", "json"] {
        let exported = source.ok(&["export", "--format", format]);
        let target = TestEnv::at("Europe/Berlin", &source.now);
        let path = file(&target, "all", exported.as_bytes());
        let s = target.json(&["import", format, &path]);
        assert_eq!(s["imported"], 5, "{format}");
        // Everything but the integer ids (given in file order) comes back the same.
        let without_ids = |env: &TestEnv| {
            let mut all = sessions(env);
            for s in &mut all {
                s.as_object_mut().unwrap().remove("id");
            }
            all
        };
        assert_eq!(without_ids(&target), without_ids(&source), "{format}");
        // And back into the source: all already there.
        let again = source.json(&["import", format, &path]);
        assert_eq!(again["already_present"], 5);
    }
}

#[test]
fn overlaps_refuse_the_file_unless_skipped() {
    let env = seeded();
    // Overlaps the seeded 08:00–09:00 session (line 3) and line 2 (line 4).
    let csv = "id,uuid,project,tags,note,start,end,duration_seconds,zone\n\
        ,,a,,,2026-03-01T09:00:00+01:00,2026-03-01T10:00:00+01:00,,Europe/Berlin\n\
        ,,b,,,2026-03-02T08:30:00+01:00,2026-03-02T09:30:00+01:00,,Europe/Berlin\n\
        ,,c,,,2026-03-01T09:30:00+01:00,2026-03-01T11:00:00+01:00,,Europe/Berlin\n";
    let path = file(&env, "o.csv", csv.as_bytes());
    let before = env.db_bytes();
    let err = env.fails(&["import", "csv", &path], code::CONFLICT);
    assert!(
        err.contains("2 session(s) overlap others, nothing imported"),
        "{err}"
    );
    assert!(
        err.contains(
            "o.csv:3: b, 2026-03-02 08:30–09:30 Europe/Berlin, overlaps session 1 (seed, 2026-03-02 08:00–09:00 Europe/Berlin)"
        ),
        "{err}"
    );
    assert!(err.contains("o.csv:4: c,"), "{err}");
    assert!(err.contains("overlaps line 2 of this file"), "{err}");
    assert!(err.contains("--skip-conflicts"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(env.db_bytes(), before);

    let s = env.json(&["import", "csv", &path, "--skip-conflicts"]);
    assert_eq!(s["imported"], 1);
    assert_eq!(s["skipped"], 2);
    assert_eq!(s["skipped_reasons"][0]["reason"], "overlap");
    assert_eq!(s["skipped_reasons"][0]["count"], 2);
    assert_eq!(sessions(&env).len(), 2);
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let env = seeded();
    let before = env.db_bytes();
    let s = env.json(&[
        "import",
        "watson",
        &fixture("watson-frames.json"),
        "--dry-run",
    ]);
    assert_eq!(s["dry_run"], true);
    assert_eq!(s["imported"], 4);
    assert_eq!(s["imported_seconds"], 19800);
    assert_eq!(env.db_bytes(), before);
    assert_eq!(sessions(&env).len(), 1);
    let text = env.ok(&[
        "import",
        "bartib",
        &fixture("activities.bartib"),
        "--dry-run",
    ]);
    assert!(
        text.starts_with("Dry run, nothing written: would import 3 session(s) (2h 50m)"),
        "{text}"
    );
}

/// Runs an import that must fail with `code`, checks nothing was written, and
/// returns the one-line message.
fn refused(env: &TestEnv, format: &str, name: &str, bytes: &[u8], code: i32) -> String {
    let path = file(env, name, bytes);
    let before = env.db_bytes();
    let err = env.fails(&["import", format, &path], code);
    assert_eq!(env.db_bytes(), before, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

#[test]
fn bad_input_is_refused_with_file_line_and_column() {
    let env = seeded();
    let frame = |start: i64, stop: i64| format!("[{start}, {stop}, \"p\", \"x\", [], 0]");
    let ok = frame(1_704_704_400, 1_704_708_000);

    // Malformed JSON: the position of the problem.
    let err = refused(
        &env,
        "watson",
        "f1",
        format!("[\n {ok},\n [1, 2,\n").as_bytes(),
        code::INVALID,
    );
    assert!(
        err.contains("f1:4:0: malformed JSON: EOF while parsing"),
        "{err}"
    );
    let err = refused(&env, "watson", "f2", b"{\"a\": 1}", code::INVALID);
    assert!(
        err.contains(
            "f2:1:1: malformed JSON: invalid type: map, expected a JSON array of Watson frames"
        ),
        "{err}"
    );
    let err = refused(&env, "watson", "f3", b"[[1, 2, \"p\"]]", code::INVALID);
    assert!(
        err.contains("f3:1:12: malformed JSON: invalid length 3, expected a Watson frame"),
        "{err}"
    );

    // End before start, absurd dates, too long.
    let err = refused(
        &env,
        "watson",
        "f4",
        format!("[{}]", frame(1_704_708_000, 1_704_704_400)).as_bytes(),
        code::INVALID,
    );
    assert!(err.contains("f4:1:"), "{err}");
    assert!(
        err.contains(
            "the session ends before it starts (2024-01-08 11:00 to 2024-01-08 10:00 Europe/Berlin)"
        ),
        "{err}"
    );
    let err = refused(
        &env,
        "watson",
        "f5",
        format!("[{}]", frame(-86_400, 3600)).as_bytes(),
        code::INVALID,
    );
    assert!(
        err.contains("the date 1969-12-31 00:00 is before 1970 or after 2100"),
        "{err}"
    );
    let err = refused(
        &env,
        "watson",
        "f6",
        format!("[{}]", frame(4_102_444_800, 4_102_448_400)).as_bytes(),
        code::INVALID,
    );
    assert!(
        err.contains("the date 2100-01-01 01:00 is before 1970 or after 2100"),
        "{err}"
    );
    let long = format!("[{}]", frame(1_704_704_400, 1_704_704_400 + 8 * 86_400));
    let err = refused(&env, "watson", "f7", long.as_bytes(), code::INVALID);
    assert!(
        err.contains("the session lasts 192h 00m, longer than 7 days"),
        "{err}"
    );
    assert!(err.contains("pass --allow-long"), "{err}");
    let path = file(&env, "f7b", long.as_bytes());
    assert_eq!(
        env.json(&["import", "watson", &path, "--allow-long"])["imported_seconds"],
        8 * 86_400
    );

    // Invalid UTF-8, with its place.
    let err = refused(&env, "bartib", "b1", b"2024-01-01 09:00 - 2024-01-01 10:00 | ok | fine\n2024-01-02 09:00 - 2024-01-02 10:00 | caf\xE9 | x\n", code::INVALID);
    assert!(err.contains("b1:2:42: invalid UTF-8 (byte 0xE9)"), "{err}");

    // A bad time in a line format names its column.
    let err = refused(
        &env,
        "bartib",
        "b2",
        b"2024-01-01 09:00 - 2024-13-01 10:00 | p | d\n",
        code::INVALID,
    );
    assert!(
        err.contains("b2:1:20: \"2024-13-01 10:00\" is not a time like 2024-01-15 09:00"),
        "{err}"
    );
    let err = refused(
        &env,
        "timewarrior",
        "t1.data",
        b"inc 20240101T090000Z - 20240101T100000Z\nfoo\n",
        code::INVALID,
    );
    assert!(
        err.contains("t1.data:2:1: expected `inc START - END # tags`"),
        "{err}"
    );

    // CSV: wrong columns, a row with too many fields, a bad date.
    let err = refused(
        &env,
        "toggl",
        "c1.csv",
        b"User,Email,Project,Start date\nx,y,z,2024-01-01\n",
        code::INVALID,
    );
    assert!(
        err.contains(
            "c1.csv:1:1: wrong columns: Description, Start time, End date, End time, Tags missing"
        ),
        "{err}"
    );
    let err = refused(&env, "csv", "c2.csv", b"project,tags,note,start,end,zone\np,,,2026-01-01T09:00:00Z,2026-01-01T10:00:00Z,UTC,extra\n", code::INVALID);
    assert!(
        err.contains("c2.csv:2:1: malformed CSV: this row has 7 fields but the header has 6"),
        "{err}"
    );
    let err = refused(
        &env,
        "csv",
        "c3.csv",
        b"project,tags,note,start,end,zone\np,,,2026-01-01 09:00,2026-01-01T10:00:00Z,UTC\n",
        code::INVALID,
    );
    assert!(
        err.contains("c3.csv:2:4: start \"2026-01-01 09:00\" is not an RFC 3339 time"),
        "{err}"
    );
    let err = refused(&env, "csv", "c4.csv", b"project,tags,note,start,end,zone\np,,,2026-01-01T09:00:00Z,2026-01-01T10:00:00Z,Mars/Olympus\n", code::INVALID);
    assert!(
        err.contains("c4.csv:2:6: unknown time zone \"Mars/Olympus\""),
        "{err}"
    );

    // Deep nesting and a huge field stop early and cleanly.
    let deep = format!(
        "[{}{}]",
        "{\"a\":".repeat(200),
        "1".to_string() + &"}".repeat(200)
    );
    let err = refused(&env, "json", "j1", deep.as_bytes(), code::INVALID);
    assert!(err.contains("j1:1:"), "{err}");
    let deep = "[".repeat(100_000);
    let err = refused(&env, "json", "j2", deep.as_bytes(), code::INVALID);
    assert!(
        err.contains("j2:1:2: malformed JSON: invalid type: sequence, expected struct Exported")
            || err.contains("j2:1:"),
        "{err}"
    );
    let mut huge = b"[[1704704400, 1704708000, \"".to_vec();
    huge.resize(huge.len() + 100 * 1024 * 1024, b'a');
    huge.extend_from_slice(b"\", \"x\", [], 0]]");
    let err = refused(&env, "watson", "big", &huge, code::INVALID);
    assert!(
        err.contains("big:1:1048604: a JSON string or number is longer than 1 MiB"),
        "{err}"
    );
    let mut huge = b"project,tags,note,start,end,zone\n".to_vec();
    huge.resize(huge.len() + 2 * 1024 * 1024, b'a');
    let err = refused(&env, "csv", "big.csv", &huge, code::INVALID);
    assert!(
        err.contains("big.csv:2:1048577: a CSV record is longer than 1 MiB"),
        "{err}"
    );

    // A missing file.
    let err = env.fails(&["import", "watson", "/nonexistent/frames"], code::INVALID);
    assert!(err.contains("cannot read /nonexistent/frames"), "{err}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let env = TestEnv::new();
    let path = file(
        &env,
        "a.bartib",
        b"\xEF\xBB\xBF2024-01-01 09:00 - 2024-01-01 10:00 | p | d\r\n2024-01-01 10:00 - 2024-01-01 10:30 | p | e\r\n",
    );
    let s = env.json(&["import", "bartib", &path]);
    assert_eq!(s["imported_seconds"], 5400);
    assert_eq!(sessions(&env)[0]["note"], "d");
    let path = file(
        &env,
        "f",
        b"\xEF\xBB\xBF[\r\n[1704704400, 1704708000, \"p\", \"x\", [], 0]\r\n]\r\n",
    );
    assert_eq!(env.json(&["import", "watson", &path])["imported"], 1);
}

#[test]
fn a_late_error_leaves_nothing_behind() {
    let env = seeded();
    // Three good frames, then one that ends before it starts: none of them is kept.
    let body = "[[1704704400, 1704708000, \"p\", \"a\", [], 0],\n\
                 [1704708000, 1704711600, \"p\", \"b\", [], 0],\n\
                 [1704711600, 1704715200, \"p\", \"c\", [], 0],\n\
                 [1704718800, 1704715200, \"p\", \"d\", [], 0]]";
    let err = refused(&env, "watson", "late", body.as_bytes(), code::INVALID);
    assert!(err.contains("late:4:"), "{err}");
    assert_eq!(sessions(&env).len(), 1);
}

#[test]
fn json_summary_shape() {
    let env = TestEnv::new();
    let s = env.json(&["import", "bartib", &fixture("activities.bartib")]);
    let keys: Vec<&String> = s.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "already_present",
            "dry_run",
            "file",
            "format",
            "imported",
            "imported_seconds",
            "not_in_source",
            "read",
            "removed",
            "skipped",
            "skipped_reasons",
            "tag_projects",
            "updated",
            "zone"
        ]
    );
    assert_eq!(s["skipped_reasons"][0]["count"], 1);
    assert_eq!(s["read"], 4);
    // Errors with --json are one JSON line on stderr.
    let path = file(&env, "bad", b"[1");
    let err = env.fails(&["import", "watson", &path, "--json"], code::INVALID);
    let v: Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(v["error"]["kind"], "invalid_input");
}

#[test]
fn a_leap_second_in_otiums_csv_or_json_is_refused_with_its_position() {
    // Unix seconds cannot hold 23:59:60: it used to be stored silently as :59, while
    // `add` refuses it. Both formats now refuse it the same way, naming where.
    let env = seeded();
    let err = refused(
        &env,
        "csv",
        "leap.csv",
        b"project,tags,note,start,end,zone\n\
          p,,,2016-12-31T22:00:00Z,2016-12-31T23:00:00Z,UTC\n\
          p,,,2016-12-31T23:30:00Z,2016-12-31T23:59:60Z,UTC\n",
        code::INVALID,
    );
    assert!(
        err.contains(
            "leap.csv:3:5: end \"2016-12-31T23:59:60Z\" names a leap second (:60); use :59 or the next minute"
        ),
        "{err}"
    );
    let json = b"[\n{\"project\":\"p\",\"start\":\"2016-12-31T22:00:00Z\",\"end\":\"2016-12-31T23:00:00Z\",\"zone\":\"UTC\"},\n\
        {\"project\":\"p\",\"start\":\"2016-12-31T23:59:60+00:00\",\"end\":null,\"zone\":\"UTC\"}\n]\n";
    let err = refused(&env, "json", "leap.json", json, code::INVALID);
    assert!(
        err.contains("leap.json:3:")
            && err.contains(
                "session 2: start \"2016-12-31T23:59:60+00:00\" names a leap second (:60)"
            ),
        "{err}"
    );
    // `add` says the same about the same instant.
    let err = env.fails(
        &[
            "add",
            "p",
            "--from",
            "2016-12-31T23:30:00Z",
            "--to",
            "2016-12-31T23:59:60Z",
        ],
        code::INVALID,
    );
    assert!(err.contains("names a leap second (:60)"), "{err}");
}

#[test]
fn a_leap_second_in_timewarrior_or_toggl_is_refused_too() {
    let env = seeded();
    let err = refused(
        &env,
        "timewarrior",
        "leap.data",
        b"inc 20161231T230000Z - 20161231T235960Z # p\n",
        code::INVALID,
    );
    assert!(err.contains("leap.data:1:"), "{err}");
    let err = refused(
        &env,
        "toggl",
        "leap.csv",
        b"Project,Description,Start date,Start time,End date,End time,Tags\n\
          p,d,2016-12-31,23:00:00,2016-12-31,23:59:60,\n",
        code::INVALID,
    );
    assert!(err.contains("leap.csv:2:"), "{err}");
}

/// The sessions of `env` without local ids (ids are per device), by start.
fn synced_view(env: &TestEnv) -> Vec<Value> {
    let Value::Array(mut all) = env.json(&["export", "--format", "json"]) else {
        panic!("export is not a list");
    };
    for s in &mut all {
        s.as_object_mut().unwrap().remove("id");
    }
    all
}

/// An import's journal entry (its created sessions kept as rows of `journal_created`
/// since schema 9, its updates as before) feeds sync as every change does: the other
/// device gets the import, a re-import's update and addition, its undo and its redo.
#[test]
fn an_import_its_update_its_undo_and_its_redo_reach_another_device() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().display().to_string();
    let a = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    let b = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    a.ok(&["sync", "init", &dir, "--name", "laptop"]);
    b.ok(&["sync", "init", &dir, "--name", "desk"]);
    let both = || {
        a.ok(&["sync"]);
        b.ok(&["sync"]);
    };
    let file = a.dir.path().join("sessions.csv");
    let head = "project,tags,note,start,end,zone\n";
    std::fs::write(
        &file,
        format!(
            "{head}writing,deep draft,chapter 1,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z,UTC\n\
             coding,,,2026-03-02T09:30:00Z,2026-03-02T10:15:00Z,Europe/Berlin\n"
        ),
    )
    .unwrap();
    let path = file.display().to_string();
    a.ok(&["import", "csv", &path]);
    both();
    let imported = synced_view(&b);
    assert_eq!(imported, synced_view(&a));
    assert_eq!(imported.len(), 2);
    assert_eq!(imported[0]["project"], "writing");
    assert_eq!(imported[0]["tags"], serde_json::json!(["deep", "draft"]));
    assert_eq!(imported[0]["note"], "chapter 1");
    assert_eq!(imported[1]["zone"], "Europe/Berlin");

    // Again with the first session's note changed (same content key: updated in
    // place) and a third session: one update and one creation in one entry.
    std::fs::write(
        &file,
        format!(
            "{head}writing,deep draft,chapter 1 and 2,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z,UTC\n\
             coding,,,2026-03-02T09:30:00Z,2026-03-02T10:15:00Z,Europe/Berlin\n\
             review,ops,,2026-03-02T10:30:00Z,2026-03-02T11:00:00Z,UTC\n"
        ),
    )
    .unwrap();
    let s = a.json(&["import", "csv", &path]);
    assert_eq!(
        (s["imported"].as_u64(), s["updated"].as_u64()),
        (Some(1), Some(1))
    );
    both();
    let updated = synced_view(&b);
    assert_eq!(updated, synced_view(&a));
    assert_eq!(updated.len(), 3);
    assert_eq!(updated[0]["note"], "chapter 1 and 2");

    a.ok(&["undo"]);
    both();
    assert_eq!(synced_view(&b), imported);
    a.ok(&["redo"]);
    both();
    assert_eq!(synced_view(&b), updated);
}

/// A first import (into a database with no session) sets the uuid index aside until
/// its end: refused after writing some rows, or run dry, it leaves the file byte for
/// byte as it was, index included; run for real, the index is back with its text.
#[test]
fn a_first_import_refused_or_dry_leaves_the_file_and_its_uuid_index() {
    let env = TestEnv::new();
    // A database with a project and no session.
    env.ok(&["project", "p", "--unit", "pages"]);
    let row = |uuid: &str, day: u32| {
        format!(
            "1,{uuid},p,,,2026-02-{day:02}T09:00:00+00:00,2026-02-{day:02}T10:00:00+00:00,3600,UTC"
        )
    };
    let header = "id,uuid,project,tags,note,start,end,duration_seconds,zone";
    let good = [
        row("0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01", 2),
        row("0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a02", 3),
    ];
    // The third row is dated 2200, after the accepted range: refused after two inserts.
    let bad = format!(
        "{header}\n{}\n{}\n1,0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a03,p,,,2200-01-01T09:00:00+00:00,2200-01-01T10:00:00+00:00,3600,UTC\n",
        good[0], good[1]
    );
    let err = refused(&env, "csv", "bad.csv", bad.as_bytes(), code::INVALID);
    assert!(err.contains("bad.csv:4"), "{err}");
    let path = file(
        &env,
        "good.csv",
        format!("{header}\n{}\n{}\n", good[0], good[1]).as_bytes(),
    );
    let before = env.db_bytes();
    let dry = env.json(&["import", "csv", &path, "--dry-run"]);
    assert_eq!(dry["imported"], 2);
    assert!(
        env.db_bytes() == before,
        "the dry run changed the database file"
    );
    let done = env.json(&["import", "csv", &path]);
    assert_eq!(done["imported"], 2);
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let index: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'sessions_by_uuid'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        index,
        "CREATE UNIQUE INDEX sessions_by_uuid ON sessions (uuid)"
    );
    drop(conn);
    let again = env.json(&["import", "csv", &path]);
    assert_eq!(
        (
            again["imported"].as_i64(),
            again["already_present"].as_i64()
        ),
        (Some(0), Some(2))
    );
}
