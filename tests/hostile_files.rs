//! Hostile files: a 1 GiB sparse file and a file of NUL bytes, given as the database
//! and as an import file of every format, are refused with one line, without a panic,
//! in bounded memory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
use harness::*;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

/// Peak resident memory of `cmd` in KiB, via GNU time when present, else by polling /proc.
fn run_measured(env: &Env, args: &[String]) -> (Output, u64) {
    let report = env.dir.path().join("time.txt");
    if Path::new("/usr/bin/time").exists() {
        let report_s = report.to_string_lossy().into_owned();
        let out = env
            .command(&["/usr/bin/time", "-f", "%M", "-o", &report_s], args, NOW)
            .output()
            .unwrap();
        let kib = std::fs::read_to_string(&report)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        return (out, kib);
    }
    let child = env.command(&[], args, NOW).spawn().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let waiter = std::thread::spawn(move || child.wait_with_output().unwrap());
    while !waiter.is_finished() {
        if let Ok(text) = std::fs::read_to_string(&status) {
            for line in text.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kib: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak = peak.max(kib);
                }
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    (waiter.join().unwrap(), peak)
}

fn one_line_error(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: {stderr:?}");
    assert!(stderr.starts_with("error: "), "{what}: {stderr:?}");
    stderr
}

/// A 1 GiB sparse file and 4 MiB of NUL bytes, as the database and as every import format.
#[test]
fn huge_sparse_and_nul_files_are_refused_in_bounded_memory() {
    const LIMIT_KIB: u64 = 200 * 1024;
    let files = Env::new();
    let sparse = files.dir.path().join("sparse.bin");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let nul = files.dir.path().join("nul.bin");
    std::fs::write(&nul, vec![0u8; 4 << 20]).unwrap();
    let mut lines = Vec::new();
    for file in [&sparse, &nul] {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        // As the database: refused as not SQLite (exit 6), the file untouched.
        let env = Env::new();
        let before_len = std::fs::metadata(file).unwrap().len();
        let args = vec![
            "--db".to_string(),
            file.to_string_lossy().into_owned(),
            "status".to_string(),
        ];
        let (out, kib) = run_measured(&env, &args);
        assert_eq!(out.status.code(), Some(6), "{name} as --db: {out:?}");
        let stderr = one_line_error(&out, &name);
        assert!(stderr.contains("not an SQLite database"), "{stderr}");
        assert!(kib < LIMIT_KIB, "{name} as --db: {kib} KiB");
        assert_eq!(std::fs::metadata(file).unwrap().len(), before_len);
        lines.push(format!("{name:10} as --db            exit 6, {kib:6} KiB"));
        // As an import file of every format: refused (exit 3), nothing written.
        for format in ["watson", "timewarrior", "toggl", "bartib", "csv", "json"] {
            let env = template();
            let before = inspect(&env.db()).unwrap();
            let args = vec![
                "import".to_string(),
                format.to_string(),
                file.to_string_lossy().into_owned(),
            ];
            let t = Instant::now();
            let (out, kib) = run_measured(&env, &args);
            assert_eq!(
                out.status.code(),
                Some(3),
                "{name} as {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            one_line_error(&out, &format!("{name} as {format}"));
            assert!(kib < LIMIT_KIB, "{name} as {format}: {kib} KiB");
            assert_eq!(inspect(&env.db()).unwrap(), before);
            lines.push(format!(
                "{name:10} as import {format:11} exit 3, {kib:6} KiB, {:.2} s",
                t.elapsed().as_secs_f64()
            ));
        }
    }
    eprintln!("{}", lines.join("\n"));
}
