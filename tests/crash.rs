//! No data loss, proven: the real binary killed at every write, at random moments, and
//! racing another process. (Schema upgrades under kills: `tests/migration_kills.rs`;
//! hostile files: `tests/hostile_files.rs`.)
//!
//! The kill harness runs each command under `strace -f -e inject=SYSCALL:signal=SIGKILL:when=N`
//! for N = 1, 2, … until the command completes without being killed, for `pwrite64`,
//! `fdatasync`, `fsync` and the `rename` family. After every kill the database must pass
//! `PRAGMA integrity_check`, keep the session rules (at most one running session, every
//! end after its start, no overlaps), and hold exactly the sessions from before the
//! command or exactly those from after it: all or nothing. strace is required (CI
//! installs it in `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
use harness::*;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// The commands under test, each run on a copy of the template.
fn scenarios() -> Vec<(&'static str, Vec<String>)> {
    vec![
        ("start", words(&["start", "writing", "+x", "--note", "s"])),
        ("stop", words(&["stop"])),
        (
            "add",
            words(&[
                "add", "coding", "+a", "--from", "8:00", "--to", "8:30", "--note", "early",
            ]),
        ),
        (
            "edit",
            words(&[
                "edit",
                "1",
                "--project",
                "other",
                "--from",
                "8:45",
                "--note",
                "changed",
                "--add-tag",
                "z",
            ]),
        ),
        ("rm", words(&["rm", "2"])),
        (
            "import",
            vec![
                "import".to_string(),
                "watson".to_string(),
                fixture("watson-frames.json"),
            ],
        ),
    ]
}

#[test]
fn killed_at_every_write_each_command_is_all_or_nothing() {
    require_strace();
    let started = Instant::now();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    assert_eq!(before.len(), 3);
    let mut report = Vec::new();
    for (name, args) in scenarios() {
        let done = base.copy();
        let out = done.run(&args);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = inspect(&done.db()).unwrap();
        assert_ne!(before, after, "{name} changed nothing");
        let mut total = Tally::default();
        for syscall in SYSCALLS {
            let t = kill_series(&base, &args, syscall, all_or_nothing(&before, &after));
            report.push(format!(
                "{name:7} {syscall:28} runs {:3} kills {:3} (before {:3}, after {:3})",
                t.runs, t.kills, t.before, t.after
            ));
            total.runs += t.runs;
            total.kills += t.kills;
            total.before += t.before;
            total.after += t.after;
        }
        // Every command writes: some kills must have landed before its commit.
        assert!(total.before > 0, "{name}: no kill landed before the commit");
    }
    eprintln!(
        "kill at every write ({:.1} s):\n{}",
        started.elapsed().as_secs_f64(),
        report.join("\n")
    );
}

/// An import that creates the database writes through a rollback journal
/// (`store/bulk_journal.rs`); its commit is the journal's deletion. Killed at every
/// write, every sync and that deletion, the file holds no session or every one, and
/// some kills leave a hot journal behind (else this would not test that path).
#[test]
fn an_import_creating_the_database_killed_at_every_write() {
    require_strace();
    // No file yet: the import creates the database, then fills it.
    let base = Env::new();
    let args = vec![
        "import".to_string(),
        "watson".to_string(),
        fixture("watson-frames.json"),
    ];
    let done = base.copy();
    done.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let after = inspect(&done.db()).unwrap();
    assert!(!after.is_empty());
    let mut journal = done.db().into_os_string();
    journal.push("-journal");
    let journal = std::path::PathBuf::from(journal);
    assert!(!journal.exists(), "the journal outlived the import");
    let mut lines = Vec::new();
    let mut hot = 0;
    for syscall in SYSCALLS.iter().copied().chain(["?unlink,unlinkat"]) {
        let t = kill_series(&base, &args, syscall, |env, _| {
            let mut left = env.db().into_os_string();
            left.push("-journal");
            if std::fs::metadata(&left).is_ok_and(|m| m.len() > 0) {
                hot += 1;
            }
            all_or_nothing(&[], &after)(env, 0)
        });
        lines.push(format!(
            "first import {syscall:28} runs {:3} kills {:3} (none {:3}, all {:3})",
            t.runs, t.kills, t.before, t.after
        ));
        if syscall == "pwrite64" {
            assert!(t.before > 0 && t.after > 0, "{}", lines.join("\n"));
        }
    }
    assert!(
        hot > 0,
        "no kill left a rollback journal:\n{}",
        lines.join("\n")
    );
    eprintln!("{}", lines.join("\n"));
}

/// A first import killed while it commits leaves a hot rollback journal beside a half
/// written file. Made read-only then, the file cannot be rolled back: otium says so and
/// touches nothing, rather than reading the half-written pages as they are (a read-only
/// file is otherwise opened `immutable`, which ignores the journal and found the file
/// "damaged"). Made writable again, the next open rolls the import back.
#[test]
fn a_read_only_database_with_a_hot_journal_is_refused_untouched() {
    require_strace();
    let base = Env::new();
    let csv = base.dir.path().join("out").join("sessions.csv");
    let mut text = String::from("id,uuid,project,tags,note,start,end,duration_seconds,zone\n");
    for i in 0..3000u32 {
        let start = chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00+00:00").unwrap()
            + chrono::Duration::minutes(30 * i64::from(i));
        let end = start + chrono::Duration::minutes(20);
        text.push_str(&format!(
            "{},00000000-0000-4000-8000-{i:012},p{},,,{},{},1200,UTC\n",
            i + 1,
            i % 7,
            start.to_rfc3339(),
            end.to_rfc3339()
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let args = words(&["import", "csv", &csv.to_string_lossy()]);
    let journal_of = |env: &Env| {
        let mut journal = env.db().into_os_string();
        journal.push("-journal");
        std::path::PathBuf::from(journal)
    };
    // The last kill that leaves a journal of the import's pages: its commit was
    // writing the file. (The switch back to WAL after the commit writes a journal of
    // page 1 alone, which is not needed to read the file.)
    let mut hot = None;
    for n in (1..5000).step_by(7) {
        let env = base.copy();
        let out = env.run_killed_at("pwrite64", n, &args);
        if std::os::unix::process::ExitStatusExt::signal(&out.status) != Some(9) {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            break;
        }
        if std::fs::metadata(journal_of(&env)).is_ok_and(|m| m.len() > 2 * 4096) {
            hot = Some(env);
        }
    }
    let env = hot.expect("no kill left a hot journal");
    let files = |env: &Env| {
        let mut names: Vec<_> = std::fs::read_dir(env.db().parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
            .collect::<Vec<_>>()
    };
    let before = files(&env);
    let set_mode = |mode: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(0o400);
    let out = env.run(&words(&["status"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains("is read-only"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(files(&env) == before, "a refused open changed the files");
    set_mode(0o600);
    env.ok(&["status"]);
    assert!(!journal_of(&env).exists());
    assert_eq!(inspect(&env.db()).unwrap(), Vec::new());
}

/// `otium backup FILE` killed anywhere: the database is untouched, and the target is
/// either absent or a whole, sound copy.
#[test]
fn killed_while_backing_up() {
    require_strace();
    let base = template();
    let before = inspect(&base.db()).unwrap();
    let mut lines = Vec::new();
    for syscall in SYSCALLS {
        let mut tally = Tally::default();
        for n in 1..=500 {
            // The target is inside each copy's own folder.
            let env = base.copy();
            let target = env.dir.path().join("b.db");
            let args = vec!["backup".to_string(), target.to_string_lossy().into_owned()];
            let out = env.run_killed_at(syscall, n, &args);
            tally.runs += 1;
            let killed = std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(9);
            assert_eq!(
                inspect(&env.db()).unwrap(),
                before,
                "backup changed the database"
            );
            if target.exists() {
                assert_eq!(
                    inspect(&target).unwrap(),
                    before,
                    "{syscall} #{n}: the backup is not a whole copy"
                );
                tally.after += 1;
            } else {
                tally.before += 1;
            }
            if !killed {
                assert!(out.status.success(), "{:?}", out);
                assert!(target.exists());
                break;
            }
            tally.kills += 1;
            assert!(n < 500, "{syscall} was still being called after 500 kills");
        }
        lines.push(format!(
            "backup  {syscall:28} runs {:3} kills {:3} (no file {:3}, whole file {:3})",
            tally.runs, tally.kills, tally.before, tally.after
        ));
        // A syscall name that stopped matching would kill nothing and prove nothing.
        if syscall == &"pwrite64" || syscall == &"fsync" {
            assert!(tally.kills > 0, "no backup was killed at {syscall}");
        }
    }
    eprintln!("{}", lines.join("\n"));
}

/// A small deterministic generator (xorshift64*), so the random delays repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn a_hundred_kills_at_random_moments() {
    let base = template();
    let before = inspect(&base.db()).unwrap();
    let scenarios = scenarios();
    // What each command leaves, and how long it takes when left alone.
    let mut afters = Vec::new();
    let mut longest = Duration::ZERO;
    for (name, args) in &scenarios {
        let env = base.copy();
        let t = Instant::now();
        let out = env.run(args);
        longest = longest.max(t.elapsed());
        assert!(out.status.success(), "{name}");
        afters.push(inspect(&env.db()).unwrap());
    }
    let window = u64::try_from(longest.as_micros()).unwrap().max(1000) * 3 / 2;
    let mut rng = Rng(0x6F74_6975_6D21);
    let (mut kills, mut finished, mut kept_before, mut kept_after) = (0, 0, 0, 0);
    for i in 0..100 {
        let k = usize::try_from(rng.next() % 6).unwrap();
        let delay = Duration::from_micros(rng.next() % window);
        let (name, args) = &scenarios[k];
        let env = base.copy();
        let mut child = env.command(&[], args, NOW).spawn().unwrap();
        std::thread::sleep(delay);
        let was_running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let status = child.wait().unwrap();
        if was_running && !status.success() {
            kills += 1;
        } else {
            assert!(status.success(), "{name} #{i}: {status:?}");
            finished += 1;
        }
        let found = inspect(&env.db()).unwrap_or_else(|e| panic!("{name} #{i}: {e}"));
        if found == before {
            kept_before += 1;
        } else if found == afters[k] {
            kept_after += 1;
        } else {
            panic!("{name} #{i} killed after {delay:?}: half a change: {found:?}");
        }
        if status.success() {
            assert_eq!(found, afters[k], "{name} #{i} finished but lost its change");
        }
    }
    eprintln!(
        "random kills (window {window} µs): {kills} killed, {finished} finished; database before {kept_before}, after {kept_after}"
    );
    assert_eq!(kills + finished, 100);
    assert!(kills > 0, "no run was killed: the delays are too long");
}

/// Two processes, 200 commands each, interleaving start, stop and edit on one
/// database with a shared clock that moves a minute per command: never a lock
/// error, and the session rules hold throughout.
#[test]
fn two_processes_interleaving_start_stop_and_edit() {
    let env = Env::new();
    env.ok(&["add", "base", "--from", "2026-02-01 09:00", "--for", "1h"]);
    let clock = std::sync::atomic::AtomicI64::new(0);
    let results: Vec<(Vec<String>, Output)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|k| {
                let (env, clock) = (&env, &clock);
                scope.spawn(move || {
                    (0..200)
                        .map(|i| {
                            let args = match i % 3 {
                                0 => words(&["start", &format!("p{k}")]),
                                1 => words(&["stop"]),
                                _ => words(&["edit", "1", "--note", &format!("w{k} #{i}")]),
                            };
                            let tick = clock.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            let now = minutes_after_noon(tick);
                            let out = env.command(&[], &args, &now).output().unwrap();
                            (args, out)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert_eq!(results.len(), 400);
    let mut ok = 0;
    let mut refused = 0;
    for (args, out) in &results {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("locked"), "{args:?}: {stderr}");
        match out.status.code() {
            Some(0) => ok += 1,
            // The other process may have stopped first, or started a minute later:
            // a conflict (5) or a refused time (3), never a database error (6).
            Some(3 | 5) => refused += 1,
            other => panic!("{args:?} exited {other:?}: {stderr}"),
        }
    }
    let rows = inspect(&env.db()).unwrap();
    let edits_ok = results
        .iter()
        .filter(|(a, o)| a[0] == "edit" && o.status.success())
        .count();
    eprintln!(
        "2 × 200 interleaved: {ok} ok, {refused} refused by the rules, {} sessions, {edits_ok} edits",
        rows.len()
    );
    assert_eq!(edits_ok, 2 * 66, "every edit of session 1 succeeds");
    assert!(ok >= 200, "too few commands succeeded: {ok}");
}

/// Monday 2026-03-02 12:00 Berlin plus `minutes` (the shared clock of the race).
fn minutes_after_noon(minutes: i64) -> String {
    let total = 12 * 60 + minutes;
    assert!(total < 24 * 60);
    format!("2026-03-02T{:02}:{:02}:00+01:00", total / 60, total % 60)
}

// ------------------------------------------------------------------ hostile files
