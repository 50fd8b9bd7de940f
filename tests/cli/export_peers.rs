//! `otium export --format timewarrior|toggl|timeclock`: the exports back out, read by
//! the real programs where they are installed (`timew`, `hledger`) and re-imported by
//! otium.
//!
//! Data (Europe/Berlin, clocks spring forward 2024-03-31 02:00 → 03:00):
//! - `client work +C# +review`, Sat 2024-03-30 22:00 CET → Sun 04:15 CEST: 21:00Z →
//!   02:15Z, 5h 15m = 18900 s (not 6h 15m: the night lost an hour).
//! - `code`, Sun 2024-03-31 09:00 → 10:30 CEST: 07:00Z → 08:30Z, 1h 30m = 5400 s.
//!
//! Total 6h 45m = 24300 s.

use serde_json::Value;

use crate::env::{TestEnv, code};

fn spring(note: &str) -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2024-04-02T12:00:00+02:00");
    env.ok(&[
        "add",
        "client work",
        "+C#",
        "+review",
        "--from",
        "2024-03-30 22:00",
        "--to",
        "2024-03-31 04:15",
        "-n",
        note,
    ]);
    env.ok(&[
        "add",
        "code",
        "--from",
        "2024-03-31 09:00",
        "--to",
        "2024-03-31 10:30",
    ]);
    env
}

/// `(project, tags, note, start, end)` of every session, from `export --json`.
fn sessions(env: &TestEnv) -> Vec<(String, Vec<String>, Value, String, String)> {
    let all = env.json(&["export"]);
    all.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["project"].as_str().unwrap().to_string(),
                s["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect(),
                s["note"].clone(),
                s["start"].as_str().unwrap().to_string(),
                s["end"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn written(env: &TestEnv, format: &str) -> (String, String) {
    let out = env.run(&["export", "--format", format]);
    assert!(out.status.success(), "{:?}", out);
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_three_formats_are_written_as_their_programs_write_them() {
    let env = spring("said \"hi\"; then\nleft");
    let (tw, note) = written(&env, "timewarrior");
    assert_eq!(
        tw,
        "inc 20240330T210000Z - 20240331T021500Z # \"client work\" \"C#\" review # \"said \\\"hi\\\"; then left\"\n\
         inc 20240331T070000Z - 20240331T083000Z # code\n"
    );
    assert!(note.contains("1 session(s) had a line break"), "{note}");
    let (toggl, _) = written(&env, "toggl");
    assert_eq!(
        toggl,
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\r\n\
         ,,,client work,,\"said \"\"hi\"\"; then\nleft\",No,2024-03-30,22:00:00,2024-03-31,04:15:00,05:15:00,\"C#, review\"\r\n\
         ,,,code,,,No,2024-03-31,09:00:00,2024-03-31,10:30:00,01:30:00,\r\n"
    );
    let (tc, _) = written(&env, "timeclock");
    assert_eq!(
        tc,
        "i 2024-03-30 22:00:00+0100 client work  said \"hi\", then left\n\
         o 2024-03-31 04:15:00+0200\n\
         i 2024-03-31 09:00:00+0200 code\n\
         o 2024-03-31 10:30:00+0200\n"
    );
    // --tz moves Toggl's and timeclock's local times, never Timewarrior's UTC.
    let utc = env.ok(&["export", "--format", "timeclock", "--tz", "UTC"]);
    assert!(
        utc.starts_with("i 2024-03-30 21:00:00+0000 client work"),
        "{utc}"
    );
    assert_eq!(
        env.ok(&["export", "--format", "timewarrior", "--tz", "UTC"]),
        tw
    );
}

#[test]
fn each_export_is_imported_back_to_the_same_sessions() {
    let env = spring("said \"hi\", then left");
    let original = sessions(&env);
    assert_eq!(original.len(), 2);
    assert_eq!(original[0].3, "2024-03-30T22:00:00+01:00");
    assert_eq!(original[0].4, "2024-03-31T04:15:00+02:00");
    for format in ["timewarrior", "toggl", "timeclock"] {
        let file = env.dir.path().join(format!("out.{format}"));
        let path = file.to_str().unwrap();
        env.ok(&["export", "--format", format, "-o", path]);
        let back = TestEnv::at("Europe/Berlin", "2024-04-02T12:00:00+02:00");
        back.ok(&["import", format, path]);
        let mut want = original.clone();
        if format == "timeclock" {
            // Timeclock has no tags.
            want[0].1.clear();
        }
        assert_eq!(sessions(&back), want, "{format}");
        // Importing the same file again adds and changes nothing.
        let again = back.json(&["import", format, path]);
        assert_eq!(again["imported"], 0, "{format}: {again}");
        assert_eq!(sessions(&back), want, "{format}");
    }
}

#[test]
fn running_sessions_are_open_where_the_format_has_them() {
    let env = spring("n");
    env.ok(&["start", "writing", "+x", "--at", "2024-04-02 11:00"]);
    let (tw, _) = written(&env, "timewarrior");
    assert!(tw.ends_with("inc 20240402T090000Z # writing x\n"), "{tw}");
    let (tc, _) = written(&env, "timeclock");
    assert!(tc.ends_with("i 2024-04-02 11:00:00+0200 writing\n"), "{tc}");
    let (toggl, note) = written(&env, "toggl");
    assert_eq!(toggl.lines().count(), 3, "{toggl}");
    assert!(note.contains("1 running session(s) left out"), "{note}");
}

#[test]
fn wrong_combinations_are_refused_with_nothing_written() {
    let env = spring("n");
    let out = env.dir.path().join("x.data");
    let p = out.to_str().unwrap();
    for args in [
        ["export", "--format", "timewarrior", "--json"].as_slice(),
        &["export", "--format", "timeclock", "--bom", "-o", p],
        &["export", "--format", "timewarrior", "--raw", "-o", p],
    ] {
        let err = env.fails(args, code::INVALID);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!out.exists());
    }
    let bom = env.ok(&["export", "--format", "toggl", "--bom"]);
    assert!(bom.starts_with("\u{feff}User,"), "{bom}");
}

/// Runs the real `timew` on a data folder; `None` when it is not installed.
fn timew(db: &std::path::Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("timew")
        .env_clear()
        .env("TIMEWARRIORDB", db)
        .env("TZ", "Europe/Berlin")
        .args(args)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "timew {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_real_timewarrior_reads_the_export_with_the_same_totals() {
    let env = spring("said \"hi\"; then\nleft");
    let db = env.dir.path().join("timewarrior");
    std::fs::create_dir_all(db.join("data")).unwrap();
    std::fs::write(db.join("timewarrior.cfg"), "").unwrap();
    let data = env.ok(&["export", "--format", "timewarrior"]);
    std::fs::write(db.join("data").join("2024-03.data"), data).unwrap();
    // The first run rebuilds its tag index and says so on stdout: run it once first.
    let Some(_) = timew(&db, &["tags"]) else {
        eprintln!(
            "skipped: timew is not installed (apt-get install timewarrior; .ci/run installs it)"
        );
        return;
    };
    let json = timew(&db, &["export"]).unwrap();
    let intervals: Value = serde_json::from_str(&json).unwrap();
    let intervals = intervals.as_array().unwrap();
    assert_eq!(intervals.len(), 2, "{json}");
    // Timewarrior sorts the tags; the project is one of them.
    assert_eq!(intervals[0]["start"], "20240330T210000Z");
    assert_eq!(intervals[0]["end"], "20240331T021500Z");
    assert_eq!(
        intervals[0]["tags"],
        serde_json::json!(["C#", "client work", "review"])
    );
    assert_eq!(intervals[0]["annotation"], "said \"hi\"; then left");
    assert_eq!(intervals[1]["tags"], serde_json::json!(["code"]));
    // Its summary's total is otium's 6h 45m, and per tag (= per project) as otium says.
    let summary = timew(&db, &["summary", "2024-03-01", "-", "2024-04-01"]).unwrap();
    assert!(summary.lines().any(|l| l.trim() == "6:45:00"), "{summary}");
    let code_only = timew(&db, &["summary", "2024-03-01", "-", "2024-04-01", "code"]).unwrap();
    assert!(
        code_only.lines().any(|l| l.trim() == "1:30:00"),
        "{code_only}"
    );
    // What Timewarrior exports comes back into otium with the projects named.
    let file = env.dir.path().join("timew.json");
    std::fs::write(&file, &json).unwrap();
    let back = TestEnv::at("Europe/Berlin", "2024-04-02T12:00:00+02:00");
    back.ok(&[
        "import",
        "timewarrior",
        "--project-tags",
        "client work,code",
        file.to_str().unwrap(),
    ]);
    let report = back.json(&[
        "report",
        "--from",
        "2024-03-01",
        "--to",
        "2024-04-01",
        "--by",
        "project",
    ]);
    assert_eq!(report["total_seconds"], 24300, "{report}");
}

/// hledger ignores the offset and counts local clock times, so across the spring change
/// it would count 22:00 → 04:15 as 6h 15m: exported in UTC (as the README advises for
/// hledger) its totals are exact.
#[test]
fn hledger_reads_the_timeclock_export_with_the_same_totals() {
    let env = spring("n");
    let file = env.dir.path().join("work.timeclock");
    env.ok(&[
        "export",
        "--format",
        "timeclock",
        "--tz",
        "UTC",
        "-o",
        file.to_str().unwrap(),
    ]);
    let Ok(out) = std::process::Command::new("hledger")
        .args(["-f", file.to_str().unwrap(), "bal", "-O", "csv"])
        .output()
    else {
        eprintln!(
            "skipped: hledger is not installed (apt-get install hledger; .ci/run installs it)"
        );
        return;
    };
    let text = String::from_utf8(out.stdout).unwrap();
    // 18900 s = 5.25h; 5400 s = 1.50h; 24300 s = 6.75h.
    for want in [
        "\"client work\",\"5.25h\"",
        "\"code\",\"1.50h\"",
        "\"total\",\"6.75h\"",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
}
