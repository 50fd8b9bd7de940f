//! `otium export`: raw sessions as CSV, JSON and iCalendar (data: see report.rs).

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::env::{TestEnv, code};
use crate::report::week;

/// Replaces every UUID (8-4-4-4-12 hex digits) with `UUID`: they are random per session.
fn mask_uuids(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_uuid_at = |i: usize| {
        bytes.get(i..i + 36).is_some_and(|w| {
            w.iter().enumerate().all(|(k, b)| {
                if [8, 13, 18, 23].contains(&k) {
                    *b == b'-'
                } else {
                    b.is_ascii_hexdigit()
                }
            })
        })
    };
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if is_uuid_at(i) {
            out.extend_from_slice(b"UUID");
            i += 36;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn csv_matches_the_golden_file() {
    let env = week();
    let csv = env.ok(&["export", "--week", "--format", "csv"]);
    assert_eq!(mask_uuids(&csv), include_str!("../golden/export-week.csv"));
    // --raw leaves formula-like cells as typed.
    let raw = env.ok(&["export", "--week", "--raw"]);
    assert!(raw.contains(",\"=HYPERLINK(\"\"x\"\")\","), "{raw}");
}

#[test]
fn ics_matches_the_golden_file() {
    let env = week();
    let ics = env.ok(&["export", "--week", "--format", "ics"]);
    assert_eq!(mask_uuids(&ics), include_str!("../golden/export-week.ics"));
    // Every UID is the session's UUID.
    let log = env.json(&["log", "--week"]);
    for s in log.as_array().unwrap() {
        assert!(ics.contains(&format!("UID:{}\r\n", s["uuid"].as_str().unwrap())));
    }
}

#[test]
fn ics_folds_long_lines() {
    let env = week();
    let note = "長い説明".repeat(20);
    env.ok(&[
        "add",
        "x",
        "--from",
        "2026-03-06 08:00",
        "--for",
        "10m",
        "-n",
        &note,
    ]);
    let ics = env.ok(&["export", "--today", "--format", "ics"]);
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(
        ics.replace("\r\n ", "")
            .contains(&format!("DESCRIPTION:{note}\r\n"))
    );
}

#[test]
fn ics_escapes_commas_semicolons_backslashes_and_line_breaks() {
    // RFC 5545 3.3.11: TEXT escapes `\` as `\\`, `;` as `\;`, `,` as `\,`, a newline as `\n`.
    let env = week();
    env.ok(&[
        "add",
        "a,b;c",
        "+t",
        "--from",
        "2026-03-06 08:00",
        "--for",
        "10m",
        "-n",
        "x, y; z\\w\nnext",
    ]);
    let ics = env
        .ok(&["export", "--today", "--format", "ics"])
        .replace("\r\n ", "");
    assert!(
        ics.contains("DESCRIPTION:x\\, y\\; z\\\\w\\nnext\\n+t\r\n"),
        "{ics}"
    );
    assert!(ics.contains("SUMMARY:a\\,b\\;c"), "{ics}");
}

#[test]
fn json_export_is_every_session_like_log() {
    let env = week();
    let exported: Value = serde_json::from_str(&env.ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(exported.as_array().unwrap().len(), 5);
    assert_eq!(exported, env.json(&["log", "--all"]));
    assert_eq!(env.json(&["export", "--week"]).as_array().unwrap().len(), 4);
    assert_eq!(
        env.json(&["export", "--project", "coding"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let empty: Value =
        serde_json::from_str(&env.ok(&["export", "--today", "--format", "json"])).unwrap();
    assert_eq!(empty, serde_json::json!([]));
}

#[test]
fn export_to_a_file_refuses_to_overwrite() {
    let env = week();
    let path = env.dir.path().join("all.csv");
    let p = path.to_str().unwrap();
    env.ok(&["export", "-o", p]);
    let first = std::fs::read(&path).unwrap();
    assert_eq!(String::from_utf8_lossy(&first).lines().count(), 6);
    env.fails(&["export", "-o", p, "--format", "ics"], code::INVALID);
    assert_eq!(std::fs::read(&path).unwrap(), first);
    env.fails(&["export", "--format", "yaml"], code::USAGE);
    env.fails(&["export", "--json", "--format", "ics"], code::INVALID);
}

#[test]
fn a_symlinked_database_is_never_overwritten_by_an_output_file() {
    let env = week();
    let real = env.db();
    let link = env.dir.path().join("link.db");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let before = std::fs::read(&real).unwrap();
    let link_arg = link.to_str().unwrap();
    let wal = format!("{}-wal", real.display());
    // Reached through the link, the database is still refused by its real name,
    // by the link's name, and by the -wal beside the real file.
    for target in [real.to_str().unwrap(), link_arg, wal.as_str()] {
        for verb in [
            &["export", "--all"][..],
            &["report", "--all", "--format", "csv"][..],
        ] {
            let mut args = vec!["--db", link_arg];
            args.extend_from_slice(verb);
            args.extend_from_slice(&["-o", target, "--force"]);
            let message = env.fails(&args, code::INVALID);
            assert!(message.contains("otium's database"), "{message}");
        }
    }
    assert_eq!(std::fs::read(&real).unwrap(), before);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    env.ok(&["--db", link_arg, "log", "--all"]);
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_zero() {
    let env = week();
    for args in [
        &["export", "--format", "json"][..],
        &["log", "--all"][..],
        &["report", "--all"][..],
    ] {
        let mut child = env
            .std_cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end before (or while) otium writes.
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// A history long enough for the export to read its tags ahead on a second
/// connection (20,000 sessions or more, issue 21), written here in the export's own
/// layout: imported into a new database and exported again, it comes back byte for
/// byte, tags and all, through the real binary.
#[test]
fn a_long_export_writes_back_exactly_what_was_imported() {
    let env = TestEnv::at("UTC", "2026-03-02T12:00:00+00:00");
    let names = ["a", "b", "c", "zz", "写作"];
    // CRLF line ends, as RFC 4180 has them.
    let mut csv = String::from("id,uuid,project,tags,note,start,end,duration_seconds,zone\r\n");
    let base = chrono::DateTime::parse_from_rfc3339("2020-01-06T00:00:00+00:00").unwrap();
    let count: u32 = 25_000;
    for i in 0..count {
        let start = base + chrono::Duration::minutes(30 * i64::from(i));
        let end = start + chrono::Duration::minutes(20);
        // The tags of the set bits of 7i + 3 among the five names, in byte order
        // (the Chinese name last), as the export sorts them.
        let tags: Vec<&str> = (0..5usize)
            .filter(|bit| ((i * 7 + 3) >> bit) & 1 == 1)
            .map(|bit| names[bit])
            .collect();
        let note = if i % 7 == 0 {
            format!("note {i}")
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "{},00000000-0000-4000-8000-{i:012x},{},{},{note},{},{},1200,UTC\r\n",
            i + 1,
            ["p", "q", "写作"][usize::try_from(i % 3).unwrap()],
            tags.join(" "),
            start.format("%Y-%m-%dT%H:%M:%S+00:00"),
            end.format("%Y-%m-%dT%H:%M:%S+00:00"),
        ));
    }
    let file = env.dir.path().join("history.csv");
    std::fs::write(&file, &csv).unwrap();
    env.ok(&["import", "csv", file.to_str().unwrap()]);
    let out = env.ok(&["export"]);
    assert_eq!(out.lines().count(), usize::try_from(count).unwrap() + 1);
    assert!(out == csv, "the export differs from the file imported");
    // 2021 (from session 361 · 48, 2021-01-01 00:00, to the last) is a shorter read,
    // on one connection: its header and the same lines.
    let year = env.ok(&["export", "--from", "2021-01-01", "--to", "2021-12-31"]);
    let from = 1 + 361 * 48;
    let want: Vec<&str> = csv.lines().take(1).chain(csv.lines().skip(from)).collect();
    assert_eq!(year.lines().collect::<Vec<_>>(), want);
    assert!(
        want[1].contains(",2021-01-01T00:00:00+00:00,"),
        "{}",
        want[1]
    );
}
