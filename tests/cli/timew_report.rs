//! `otium report --timew`: otium as a Timewarrior report extension (`timew report
//! otium`), fed by hand as Timewarrior feeds an extension, and by the real `timew`
//! where it is installed.
//!
//! Intervals (UTC): 2024-03-30 21:00 → 03-31 02:15 tagged `client work`, `review`
//! (5h 15m across Berlin's spring change, 18900 s), and 2024-03-31 07:00 → 08:30
//! tagged `code` (1h 30m, 5400 s).

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

use crate::env::{TestEnv, code};

const INTERVALS: &str = r#"[
{"id":2,"start":"20240330T210000Z","end":"20240331T021500Z","tags":["client work","review"]},
{"id":1,"start":"20240331T070000Z","end":"20240331T083000Z","tags":["code"]}
]"#;

fn feed(env: &TestEnv, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = env
        .std_cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_extension_input_is_reported_without_touching_the_database() {
    let env = TestEnv::at("Europe/Berlin", "2024-04-02T12:00:00+02:00");
    let input = format!(
        "color: off\ntemp.report.start: 20240301T000000Z\ntemp.report.end: 20240401T000000Z\n\
         otium.project_tags: client work,code\n\n{INTERVALS}\n"
    );
    let out = feed(&env, &["report", "--timew", "--json"], &input);
    assert!(out.status.success(), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["total_seconds"], 24300, "{report}");
    let rows = report["groups"].as_array().unwrap();
    let seconds: Vec<(&str, i64)> = rows
        .iter()
        .map(|r| (r["key"].as_str().unwrap(), r["seconds"].as_i64().unwrap()))
        .collect();
    assert_eq!(seconds, [("client work", 18900), ("code", 5400)]);
    // The user's database was neither opened nor created.
    assert!(!env.db().exists());
    // Without the list the first tag as Timewarrior sorts them is the project.
    let plain = input.replace("otium.project_tags: client work,code\n", "");
    let out = feed(
        &env,
        &["report", "--timew", "--json", "--by", "tag"],
        &plain,
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["review", "(no tag)"], "{report}");
}

#[test]
fn input_that_is_not_from_timewarrior_is_refused_in_one_line() {
    let env = TestEnv::at("Europe/Berlin", "2024-04-02T12:00:00+02:00");
    let out = feed(&env, &["report", "--timew"], INTERVALS);
    assert_eq!(out.status.code(), Some(code::INVALID));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("timew report otium"), "{err}");
    let out = feed(
        &env,
        &["report", "--timew"],
        "a: b\n\n[{\"start\":\"soon\"}]",
    );
    assert_eq!(out.status.code(), Some(code::INVALID));
    assert!(!env.db().exists());
}

#[test]
fn the_real_timewarrior_runs_otium_as_its_report() {
    if std::process::Command::new("timew")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "skipped: timew is not installed (apt-get install timewarrior; .ci/run installs it)"
        );
        return;
    }
    let env = TestEnv::at("Europe/Berlin", "2024-04-02T12:00:00+02:00");
    let db = env.dir.path().join("timewarrior");
    std::fs::create_dir_all(db.join("data")).unwrap();
    std::fs::create_dir_all(db.join("extensions")).unwrap();
    std::fs::write(
        db.join("timewarrior.cfg"),
        "otium.project_tags = client work,code\n",
    )
    .unwrap();
    std::fs::write(
        db.join("data").join("2024-03.data"),
        "inc 20240330T210000Z - 20240331T021500Z # \"client work\" review\n\
         inc 20240331T070000Z - 20240331T083000Z # code\n",
    )
    .unwrap();
    // The extension as the README shows it, with this test's binary and environment.
    let script = db.join("extensions").join("otium");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nexec env OTIUM_TZ=Europe/Berlin OTIUM_NOW=2024-04-02T12:00:00+02:00 \
             OTIUM_CONFIG='{}' OTIUM_DB='{}' '{}' report --timew --json \"$@\"\n",
            env.dir.path().join("config.toml").display(),
            env.db().display(),
            assert_cmd::cargo::cargo_bin!("otium").display()
        ),
    )
    .unwrap();
    let mut perms = std::fs::metadata(&script).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).unwrap();
    let timew = |args: &[&str]| {
        std::process::Command::new("timew")
            .env_clear()
            .env("TIMEWARRIORDB", &db)
            .env("TZ", "Europe/Berlin")
            .args(args)
            .output()
            .unwrap()
    };
    // Timewarrior rebuilds its tag index on the first run and says so: run it once.
    timew(&["tags"]);
    let out = timew(&["report", "otium", "2024-03-01", "-", "2024-04-01"]);
    assert!(out.status.success(), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["total_seconds"], 24300, "{report}");
    // Timewarrior's own selection by tag reaches otium already filtered.
    let out = timew(&["report", "otium", "2024-03-01", "-", "2024-04-01", "code"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["total_seconds"], 5400, "{report}");
    assert!(!env.db().exists());
}
