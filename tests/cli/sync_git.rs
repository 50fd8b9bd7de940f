//! `otium sync` in git mode: a local bare repository and two clones, one device
//! each. Records flow both ways through the user's own `git` (commit of the device's
//! own folder only, pull, push); a push to a missing remote is a warning, the
//! records stay committed locally and go out once the remote is back.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::env::TestEnv;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// otium with `PATH` (the cleared environment has none) so it finds the user's git.
fn otium(env: &TestEnv, args: &[&str]) -> (bool, String, String) {
    let out = env
        .std_cmd(args)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok_json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let (ok, out, err) = otium(env, &all);
    assert!(ok, "otium {args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

fn projects(env: &TestEnv) -> Vec<String> {
    env.json(&["export", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["project"].as_str().unwrap().to_string())
        .collect()
}

fn clone(remote: &Path, to: &Path) {
    let out = Command::new("git")
        .arg("clone")
        .arg("--quiet")
        .arg(remote)
        .arg(to)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    git(to, &["config", "user.name", "Test"]);
    git(to, &["config", "user.email", "test@example.org"]);
}

#[test]
fn records_flow_both_ways_through_a_bare_repository_and_a_missing_remote_loses_nothing() {
    let root = tempfile::tempdir().unwrap();
    let remote = root.path().join("remote.git");
    let (c1, c2) = (root.path().join("laptop"), root.path().join("desk"));
    git(
        root.path(),
        &["init", "--quiet", "--bare", remote.to_str().unwrap()],
    );
    // The README's set-up: one first commit pushed with an upstream, then clones.
    clone(&remote, &c1);
    std::fs::write(c1.join("README"), "otium sync\n").unwrap();
    git(&c1, &["add", "README"]);
    git(&c1, &["commit", "--quiet", "-m", "start"]);
    git(&c1, &["push", "--quiet", "-u", "origin", "HEAD"]);
    clone(&remote, &c2);

    let a = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    let b = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    let init = ok_json(
        &a,
        &["sync", "init", c1.to_str().unwrap(), "--name", "laptop"],
    );
    assert_eq!(init["git"], true, "{init}");
    assert_eq!(init["warnings"], serde_json::json!([]), "{init}");
    let init = ok_json(
        &b,
        &["sync", "init", c2.to_str().unwrap(), "--name", "desk"],
    );
    assert_eq!(init["applied"], 1, "{init}");
    assert_eq!(projects(&b), ["alpha"]);
    b.ok(&["add", "beta", "--from", "10:00", "--to", "11:00"]);
    ok_json(&b, &["sync"]);
    ok_json(&a, &["sync"]);
    assert_eq!(projects(&a), ["alpha", "beta"]);
    // Each commit touches only its device's own folder; nothing is left uncommitted.
    for clone in [&c1, &c2] {
        assert_eq!(git(clone, &["status", "--porcelain"]), "");
        let log = git(clone, &["log", "--format=%s", "--name-only"]);
        for commit in log.split("otium sync: records of ").skip(1) {
            let folders: std::collections::BTreeSet<&str> = commit
                .lines()
                .skip(1)
                .filter(|l| l.starts_with("otium-sync/"))
                .map(|l| l.split('/').nth(2).unwrap())
                .collect();
            assert_eq!(folders.len(), 1, "{log}");
        }
    }

    // The remote goes away: the sync works locally and says what failed.
    let gone = root.path().join("gone.git");
    git(
        &c1,
        &["remote", "set-url", "origin", gone.to_str().unwrap()],
    );
    a.ok(&["add", "gamma", "--from", "11:15", "--to", "11:45"]);
    let (ok, out, err) = otium(&a, &["sync"]);
    assert!(ok, "{err}");
    assert!(out.contains("Wrote 1 record(s)"), "{out}");
    assert!(err.contains("git pull failed"), "{err}");
    assert!(err.contains("nothing is lost"), "{err}");
    // In Chinese the frame is Chinese; git's own words are quoted as git wrote them,
    // and the JSON warning stays English.
    let (ok, _, err) = otium(&a, &["sync", "--lang", "zh-CN"]);
    assert!(ok, "{err}");
    assert!(err.starts_with("提示：git pull 失败："), "{err}");
    assert!(err.contains("；数据没有丢失："), "{err}");
    let report = ok_json(&a, &["sync", "--lang", "zh-CN"]);
    assert!(
        report["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("git pull failed"),
        "{report}"
    );
    // Committed locally all the same.
    assert_eq!(git(&c1, &["status", "--porcelain"]), "");
    assert!(git(&c1, &["log", "-1", "--name-only"]).contains(".jsonl"));
    // Back: it goes out, and the desk gets it.
    git(
        &c1,
        &["remote", "set-url", "origin", remote.to_str().unwrap()],
    );
    let report = ok_json(&a, &["sync"]);
    assert_eq!(report["warnings"], serde_json::json!([]), "{report}");
    ok_json(&b, &["sync"]);
    assert_eq!(projects(&b), ["alpha", "beta", "gamma"]);
}

#[test]
fn a_folder_that_is_not_a_git_work_tree_runs_no_git() {
    let folder = tempfile::tempdir().unwrap();
    let a = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    // No PATH at all: a git call would fail and show as a warning.
    let init = a.json(&["sync", "init", folder.path().to_str().unwrap()]);
    assert_eq!(init["git"], false);
    assert_eq!(init["warnings"], serde_json::json!([]));
}
