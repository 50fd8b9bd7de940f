//! A full disk, proven harmless: the real binary gets `ENOSPC` from the N-th write-related
//! syscall for every N, and from the middle of a long export.
//!
//! The strace harness follows `tests/crash.rs`: each command runs on a fresh copy of a
//! template database under `strace -f -e inject=SYSCALL:error=ENOSPC:when=N` for
//! N = 1, 2, … until a run passes without the fault being hit (strace's log has no
//! `(INJECTED)`), for `pwrite64` (every SQLite write), `fsync`/`fdatasync` (SQLite's
//! syncs and the exports'), and `write` (export files, stdout, stderr). After every
//! injected fault:
//! - the command either failed with exit 6 (database) or 8 (file), and stderr is one
//!   line that says the space ran out and what to do; or it succeeded (the fault hit
//!   something after the commit, such as the checkpoint when the database closes);
//!   a failed write of the answer to stdout fails the command (exit 8) after its commit;
//! - the database passes `integrity_check`, keeps the session rules, and holds exactly
//!   the sessions from before the command or from after it, the latter only if it succeeded;
//! - an export or backup target is absent (never after a success) or whole, and no
//!   temp file is left behind;
//! - otium opens the database again and carries on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
use harness::*;

use std::path::{Path, PathBuf};
use std::process::Output;

/// What a command leaves behind besides the database.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Makes {
    /// Only the database changes.
    Nothing,
    /// A file in `out/` (export, backup); the database must not change at all.
    File,
}

/// The commands under test; `{out}` stands for the output folder of each copy.
fn scenarios() -> Vec<(&'static str, Vec<String>, Makes)> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/watson-frames.json")
        .to_string_lossy()
        .into_owned();
    vec![
        (
            "add",
            words(&["add", "coding", "+a", "--from", "8:00", "--to", "8:30"]),
            Makes::Nothing,
        ),
        (
            "start",
            words(&["start", "writing", "+x", "--note", "s"]),
            Makes::Nothing,
        ),
        ("stop", words(&["stop"]), Makes::Nothing),
        (
            "import",
            vec!["import".into(), "watson".into(), fixture],
            Makes::Nothing,
        ),
        (
            "export",
            words(&["export", "--format", "json", "-o", "{out}/export.json"]),
            Makes::File,
        ),
        ("backup", words(&["backup", "{out}/backup.db"]), Makes::File),
    ]
}

const SYSCALLS: &[&str] = &["pwrite64", "?fsync,?fdatasync", "write"];

/// What one fault series found.
#[derive(Default, Debug)]
struct Tally {
    runs: usize,
    faults: usize,
    failed: usize,
    /// Failures whose message says "no space left" outright (the rest: "may be full").
    certain: usize,
    succeeded: usize,
}

/// Asserts what a failed command printed: one line that says the space ran out.
fn assert_no_space_error(what: &str, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(6 | 8)),
        "{what}: exit {:?}, {stderr}",
        out.status.code()
    );
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr:?}");
    assert!(stderr.starts_with("error: "), "{what}: {stderr:?}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr:?}");
    let lower = stderr.to_lowercase();
    assert!(
        lower.contains("no space left") || lower.contains("may be full"),
        "{what}: does not say the disk is full: {stderr:?}"
    );
    assert!(
        lower.contains("free some space"),
        "{what}: no fix: {stderr:?}"
    );
}

/// The output file is absent (only after a failure) or whole; no temp file is left.
fn assert_output(what: &str, env: &Env, ok: bool, file: &Path, before: &[Row]) {
    let leftovers: Vec<String> = std::fs::read_dir(env.out_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".otium"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{what}: temp files left: {leftovers:?}"
    );
    if !file.exists() {
        assert!(!ok, "{what}: succeeded without {}", file.display());
        return;
    }
    // Present even after a failure when only the folder's sync after the rename failed.
    if file.extension().is_some_and(|e| e == "db") {
        assert_eq!(inspect(file).unwrap(), before, "{what}: the backup differs");
    } else {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        assert_eq!(json.as_array().map(Vec::len), Some(before.len()), "{what}");
    }
}

/// Runs one scenario with ENOSPC at the N-th `syscall` for N = 1, 2, … until it passes
/// without the fault being hit.
fn fault_series(
    base: &Env,
    scenario: &(&str, Vec<String>, Makes),
    syscall: &str,
    before: &[Row],
    after: &[Row],
) -> Tally {
    let (name, template_args, makes) = scenario;
    let mut tally = Tally::default();
    for n in 1..=500 {
        let env = base.copy();
        let out_dir = env.out_dir().to_string_lossy().into_owned();
        let args: Vec<String> = template_args
            .iter()
            .map(|a| a.replace("{out}", &out_dir))
            .collect();
        let log = env.dir.path().join("strace.log");
        let log_s = log.to_string_lossy().into_owned();
        let prefix = [
            "strace",
            "-f",
            "-qq",
            "-o",
            &log_s,
            "-e",
            &format!("trace={syscall}"),
            "-e",
            &format!("inject={syscall}:error=ENOSPC:when={n}"),
        ];
        let out = env.command(&prefix, &args, NOW).output().unwrap();
        tally.runs += 1;
        let what = format!("{name} with ENOSPC at {syscall} #{n}");
        let injected = std::fs::read_to_string(&log)
            .unwrap()
            .lines()
            .find(|l| l.contains("(INJECTED)"))
            .map(str::to_string);
        let ok = out.status.success();
        let Some(injected) = injected else {
            assert!(
                ok,
                "{what}: failed without a fault: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return tally;
        };
        tally.faults += 1;
        if ok {
            tally.succeeded += 1;
        } else {
            tally.failed += 1;
            // A failed write to stderr itself cannot be read back; everything else says why.
            if !injected.contains("write(2,") {
                assert_no_space_error(&what, &out);
            }
            if String::from_utf8_lossy(&out.stderr)
                .to_lowercase()
                .contains("no space left")
            {
                tally.certain += 1;
            }
        }
        let found = inspect(&env.db()).unwrap_or_else(|e| panic!("{what}: {e}"));
        match makes {
            Makes::Nothing if ok => assert_eq!(found, after, "{what}: succeeded, change lost"),
            // Only the answer on stdout was lost: the change itself was committed.
            Makes::Nothing if injected.contains("write(1,") => {
                assert_eq!(found, after, "{what}: change lost");
            }
            Makes::Nothing => assert_eq!(found, before, "{what}: failed, yet changed the data"),
            Makes::File => {
                assert_eq!(found, before, "{what}: changed the database");
                let file = PathBuf::from(args.last().unwrap());
                assert_output(&what, &env, ok, &file, before);
            }
        }
        // otium opens the database again and carries on.
        let status = env.command(&[], &words(&["status"]), NOW).output().unwrap();
        assert!(
            status.status.success(),
            "{what}: otium cannot open the database afterwards: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
    panic!("{name}: {syscall} was still being called after 500 faults");
}

#[test]
fn enospc_at_every_write_fails_cleanly_and_keeps_the_database() {
    require_strace();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    assert_eq!(before.len(), 3);
    let mut report = Vec::new();
    let mut failures = 0;
    for scenario in scenarios() {
        let (name, _, makes) = &scenario;
        // What the command leaves when nothing goes wrong.
        let done = base.copy();
        let out_dir = done.out_dir().to_string_lossy().into_owned();
        let args: Vec<String> = scenario
            .1
            .iter()
            .map(|a| a.replace("{out}", &out_dir))
            .collect();
        let out = done.command(&[], &args, NOW).output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = inspect(&done.db()).unwrap();
        if *makes == Makes::Nothing {
            assert_ne!(after, before, "{name} changed nothing");
        }
        for syscall in SYSCALLS {
            let t = fault_series(&base, &scenario, syscall, &before, &after);
            report.push(format!(
                "{name:7} {syscall:18} runs {:3} faults {:3} (failed {:3} of which {:3} \"no space left\", succeeded {:3})",
                t.runs, t.faults, t.failed, t.certain, t.succeeded
            ));
            failures += t.failed;
        }
    }
    eprintln!("ENOSPC at every write:\n{}", report.join("\n"));
    assert!(failures > 0);
}

/// A disk that fills up in the middle of a long export (past the 8 KiB write buffer, so
/// the failure comes from the CSV or JSON writer mid-stream, not from the final flush):
/// one line that names the device and the fix, exit 8, no file and no temp file left.
#[test]
fn a_disk_filling_up_in_the_middle_of_a_long_export_names_the_device() {
    require_strace();
    let env = Env::new();
    // 300 sessions, about 60 KiB of CSV: an import file written here.
    let mut rows = String::from("id,uuid,project,tags,note,start,end,duration_seconds,zone\r\n");
    for i in 0..300 {
        let day = 1 + i / 10;
        let hour = 8 + i % 10;
        rows.push_str(&format!(
            ",,project-{i},tag,a note long enough to fill the buffer quickly {i},2026-01-{day:02}T{hour:02}:00:00+01:00,2026-01-{day:02}T{hour:02}:30:00+01:00,1800,Europe/Berlin\r\n"
        ));
    }
    let source = env.dir.path().join("many.csv");
    std::fs::write(&source, rows).unwrap();
    env.ok(&["import", "csv", source.to_str().unwrap()]);
    for (format, n) in [("csv", 1), ("csv", 3), ("json", 2)] {
        let target = env.out_dir().join(format!("e.{format}"));
        let args = words(&["export", "--format", format, "-o", target.to_str().unwrap()]);
        let out = env.run_injected("write", &format!("error=ENOSPC:when={n}"), &args);
        let what = format!("export {format} with write #{n} failing");
        assert_eq!(out.status.code(), Some(8), "{what}");
        assert_no_space_error(&what, &out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("the device holding {}", target.display())),
            "{what}: {stderr}"
        );
        let left: Vec<_> = std::fs::read_dir(env.out_dir()).unwrap().collect();
        assert!(left.is_empty(), "{what}: left {left:?}");
    }
}
