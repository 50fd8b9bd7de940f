//! The one output path: `log` streams day by day with the same text as before, and
//! a reader that stops early (`| head -1`) is not an error.
//!
//! The clock is pinned at Monday 2026-03-02 12:00 Europe/Berlin (`TestEnv::new`).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;

use crate::env::TestEnv;

#[test]
fn log_all_over_several_days_is_unchanged() {
    let env = TestEnv::new();
    // Friday: three sessions of 20m 40s (1240 s) each. The day is 3720 s = 62 min;
    // each row floors to 20 min with 40 s left, so the two missing minutes go to the
    // first two rows (largest remainder, ties in order): 21m, 21m, 20m, not 3 × 21m.
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-02-27 09:00:00",
        "--for",
        "20m40s",
    ]);
    env.ok(&[
        "add",
        "coding",
        "+review",
        "--from",
        "2026-02-27 10:00:00",
        "--for",
        "20m40s",
    ]);
    env.ok(&[
        "add",
        "meeting",
        "--from",
        "2026-02-27 11:00:00",
        "--for",
        "20m40s",
    ]);
    // Saturday: 45m 30s (2730 s) and 23:00–01:30 (9000 s) into Sunday. The day is
    // 11730 s, rounded 196 min = 3h 16m; rows floor to 45 + 150, the one minute left
    // goes to the 30 s remainder: 46m and 2h 30m. The session shows on Saturday only
    // (the day it starts), so Sunday has no heading.
    env.ok(&[
        "add",
        "writing",
        "+book",
        "--note",
        "chapter 3",
        "--from",
        "2026-02-28 10:00:00",
        "--for",
        "45m30s",
    ]);
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-02-28 23:00",
        "--to",
        "2026-03-01 01:30",
    ]);
    // Monday (today): 30 s, shown as seconds, and a session running since 11:30,
    // 30 min at 12:00. The day is 1830 s, rounded 31m. A running row has `…` and four
    // spaces where the end time and `+N` go.
    env.ok(&[
        "add",
        "reading",
        "--from",
        "2026-03-02 09:00:00",
        "--for",
        "30s",
    ]);
    env.ok(&["start", "thinking", "--at", "11:30"]);

    let expected = "\
Fri 2026-02-27    1h 02m
     1  09:00–09:20         21m  coding
     2  10:00–10:20         21m  coding +review
     3  11:00–11:20         20m  meeting
Sat 2026-02-28    3h 16m
     4  10:00–10:45         46m  writing +book · chapter 3
     5  23:00–01:30+1    2h 30m  coding
Mon 2026-03-02       31m
     6  09:00–09:00         30s  reading
     7  11:30–…           30m  thinking  (running)
";
    let out = env.run(&["log", "--all"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

/// A history whose `log --all` is far longer than a pipe holds (64 KiB on Linux), so
/// otium is still writing when the reader goes away.
fn long_history() -> TestEnv {
    let env = TestEnv::new();
    let file = env.dir.path().join("long.csv");
    let mut csv = std::fs::File::create(&file).unwrap();
    writeln!(
        csv,
        "id,uuid,project,tags,note,start,end,duration_seconds,zone"
    )
    .unwrap();
    // Two 30-minute sessions a day from 2016-01-01 08:00 UTC, 12 hours apart.
    let first = chrono::DateTime::parse_from_rfc3339("2016-01-01T08:00:00Z").unwrap();
    for i in 0..6000 {
        let start = first + chrono::Duration::hours(12 * i);
        let end = start + chrono::Duration::minutes(30);
        writeln!(
            csv,
            ",,p{},,,{},{},,UTC",
            i % 7,
            start.to_rfc3339(),
            end.to_rfc3339()
        )
        .unwrap();
    }
    drop(csv);
    env.ok(&["import", "csv", file.to_str().unwrap()]);
    env
}

#[test]
fn log_all_into_head_exits_zero() {
    let env = long_history();
    let whole = env.ok(&["log", "--all"]);
    assert!(whole.len() > 256 * 1024, "only {} bytes", whole.len());
    // `otium log --all | head -1`: read one line, then close the pipe.
    let mut child = env
        .std_cmd(&["log", "--all"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // 2016-01-01 08:00 UTC is 09:00 in Berlin; two 30-minute sessions that Friday.
    assert_eq!(first, "Fri 2016-01-01    1h 00m\n");
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn a_full_disk_under_stdout_is_an_error_mid_stream() {
    // /dev/full answers every write with ENOSPC: unlike a closed pipe, the answer
    // would be cut short, so it fails (exit 8) and says so.
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let env = long_history();
    for args in [&["log", "--all"][..], &["log", "--all", "--json"][..]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = env.std_cmd(args).stdout(full).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(8), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains(
                "cannot write the output: No space left on device (os error 28); free some space"
            ),
            "{args:?}: {stderr}"
        );
    }
}
