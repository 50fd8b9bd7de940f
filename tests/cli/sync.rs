//! `otium sync`: two databases (two devices) on one sync folder, driven through the
//! real binary: changes travel both ways, offline edits of one session resolve by
//! the later change per field, overlapping offline adds are both kept and listed as a
//! conflict, two running sessions resolve as a local `start` would, a reinstalled
//! device gets everything back, and an incomplete file is not applied until whole.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::env::TestEnv;

struct Pair {
    folder: tempfile::TempDir,
    a: TestEnv,
    b: TestEnv,
}

fn dir(p: &Pair) -> String {
    p.folder.path().display().to_string()
}

/// Two devices, both joined to one folder, all in UTC on 2026-03-02.
fn pair() -> Pair {
    let p = Pair {
        folder: tempfile::tempdir().unwrap(),
        a: TestEnv::at("UTC", "2026-03-02T12:00:00Z"),
        b: TestEnv::at("UTC", "2026-03-02T12:00:00Z"),
    };
    p.a.ok(&["sync", "init", &dir(&p), "--name", "laptop"]);
    p.b.ok(&["sync", "init", &dir(&p), "--name", "desk"]);
    p
}

/// The sessions without local ids, ordered by start: what must agree everywhere.
fn sessions(env: &TestEnv) -> Vec<Value> {
    let Value::Array(mut all) = env.json(&["export", "--format", "json"]) else {
        panic!("export is not a list");
    };
    for s in &mut all {
        s.as_object_mut().unwrap().remove("id");
    }
    all
}

fn projects(env: &TestEnv) -> Vec<String> {
    sessions(env)
        .iter()
        .map(|s| s["project"].as_str().unwrap().to_string())
        .collect()
}

/// The local id of the session of `project` on this device (ids are local).
fn id_of(env: &TestEnv, project: &str) -> String {
    let all = env.json(&["export", "--format", "json"]);
    let s = all
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["project"] == project)
        .unwrap();
    s["id"].to_string()
}

fn sync_both(p: &Pair) {
    p.a.ok(&["sync"]);
    p.b.ok(&["sync"]);
    p.a.ok(&["sync"]);
}

#[test]
fn adds_edits_and_removals_on_each_side_reach_the_other() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.a.ok(&["add", "gone", "--from", "09:00", "--to", "09:30"]);
    p.b.ok(&["add", "beta", "--from", "10:00", "--to", "11:00"]);
    sync_both(&p);
    assert_eq!(projects(&p.b), ["alpha", "gone", "beta"]);
    assert_eq!(sessions(&p.a), sessions(&p.b));
    // Each side changes what the other made.
    // On the desk its own session got id 1, the laptop's came as 2 and 3.
    assert_eq!(id_of(&p.b, "beta"), "1");
    p.b.ok(&[
        "edit",
        &id_of(&p.b, "alpha"),
        "--note",
        "from desk",
        "--add-tag",
        "x",
    ]);
    p.b.ok(&["rm", &id_of(&p.b, "gone")]);
    p.a.ok(&["edit", &id_of(&p.a, "beta"), "--to", "11:15"]);
    sync_both(&p);
    let a = sessions(&p.a);
    assert_eq!(a, sessions(&p.b));
    assert_eq!(projects(&p.a), ["alpha", "beta"]);
    assert_eq!(a[0]["note"], "from desk");
    assert_eq!(a[0]["tags"], serde_json::json!(["x"]));
    assert_eq!(a[1]["end"], "2026-03-02T11:15:00+00:00");
    // Nothing new: nothing written, nothing applied.
    let quiet = p.a.json(&["sync"]);
    assert_eq!(
        (quiet["written"].as_u64(), quiet["applied"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn offline_edits_of_one_session_keep_the_later_change_of_each_field() {
    let mut p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    sync_both(&p);
    // Both edit while apart: the laptop at 12:10 (note, project), the desk at 12:20
    // (note, end). The desk's note is later; the project and the end do not compete.
    p.a.now = "2026-03-02T12:10:00Z".into();
    p.b.now = "2026-03-02T12:20:00Z".into();
    p.a.ok(&["edit", "1", "--note", "laptop", "--project", "renamed"]);
    p.b.ok(&["edit", "1", "--note", "desk", "--to", "09:30"]);
    sync_both(&p);
    let a = sessions(&p.a);
    assert_eq!(a, sessions(&p.b));
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["note"], "desk");
    assert_eq!(a[0]["project"], "renamed");
    assert_eq!(a[0]["end"], "2026-03-02T09:30:00+00:00");
}

#[test]
fn overlapping_offline_adds_are_both_kept_and_listed_until_one_is_removed() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.b.ok(&["add", "beta", "--from", "08:30", "--to", "09:30"]);
    sync_both(&p);
    assert_eq!(projects(&p.a), ["alpha", "beta"]);
    assert_eq!(sessions(&p.a), sessions(&p.b));
    let uuids: Vec<String> = sessions(&p.a)
        .iter()
        .map(|s| s["uuid"].as_str().unwrap().to_string())
        .collect();
    for env in [&p.a, &p.b] {
        let status = env.json(&["sync", "status"]);
        let conflicts = status["conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1, "{status}");
        let mut named: Vec<String> = conflicts[0]["uuids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap().to_string())
            .collect();
        named.sort();
        let mut want = uuids.clone();
        want.sort();
        assert_eq!(named, want);
        assert_eq!(conflicts[0]["sessions"].as_array().unwrap().len(), 2);
        assert_eq!(status["devices"].as_array().unwrap().len(), 2);
        assert_eq!(status["device"]["this"], true);
    }
    let text = p.a.ok(&["sync", "status"]);
    assert!(text.contains("Conflict: these sessions overlap"), "{text}");
    // Removing one side resolves it, on both devices once synced.
    p.a.ok(&["rm", &id_of(&p.a, "beta")]);
    assert_eq!(
        p.a.json(&["sync", "status"])["conflicts"],
        serde_json::json!([])
    );
    sync_both(&p);
    assert_eq!(
        p.b.json(&["sync", "status"])["conflicts"],
        serde_json::json!([])
    );
    assert_eq!(projects(&p.b), ["alpha"]);
}

#[test]
fn two_running_sessions_end_as_a_local_start_would_end_them() {
    let mut p = pair();
    p.a.now = "2026-03-02T10:30:00Z".into();
    p.a.ok(&["start", "alpha", "--at", "10:00"]);
    p.b.now = "2026-03-02T11:30:00Z".into();
    p.b.ok(&["start", "beta", "--at", "11:00"]);
    p.a.now = "2026-03-02T12:00:00Z".into();
    p.b.now = "2026-03-02T12:00:00Z".into();
    sync_both(&p);
    let a = sessions(&p.a);
    assert_eq!(a, sessions(&p.b));
    assert_eq!(projects(&p.a), ["alpha", "beta"]);
    assert_eq!(a[0]["end"], "2026-03-02T11:00:00+00:00");
    assert_eq!(a[1]["end"], Value::Null);
    assert!(p.a.ok(&["status"]).contains("beta"));
    assert!(
        p.a.json(&["sync", "status"])["conflicts"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_reinstalled_device_gets_everything_back_from_the_folder() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.b.ok(&["add", "beta", "--from", "10:00", "--to", "11:00"]);
    p.b.ok(&["edit", "1", "--note", "kept"]);
    sync_both(&p);
    let fresh = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    let out = fresh.json(&["sync", "init", &dir(&p), "--name", "laptop again"]);
    // alpha's create, beta's create and the note's edit.
    assert_eq!(out["applied"].as_u64(), Some(3), "{out}");
    assert_eq!(sessions(&fresh), sessions(&p.a));
    assert_eq!(
        fresh.json(&["sync", "status"])["devices"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

fn segments(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dev in fs::read_dir(root.join("otium-sync/v1")).unwrap() {
        for f in fs::read_dir(dev.unwrap().path()).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "jsonl") {
                out.push(f);
            }
        }
    }
    out
}

#[test]
fn an_incomplete_file_is_reported_and_applied_once_whole() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.a.ok(&["sync"]);
    let seg = segments(p.folder.path())
        .into_iter()
        .find(|s| fs::read_to_string(s).unwrap().contains("alpha"))
        .unwrap();
    let whole = fs::read(&seg).unwrap();
    fs::write(&seg, &whole[..whole.len() / 2]).unwrap();
    let out = p.b.json(&["sync"]);
    assert_eq!(out["applied"].as_u64(), Some(0), "{out}");
    assert!(
        out["skipped"][0]["why"]
            .as_str()
            .unwrap()
            .contains("incomplete"),
        "{out}"
    );
    let status = p.b.json(&["sync", "status"]);
    assert_eq!(status["skipped"].as_array().unwrap().len(), 1, "{status}");
    assert!(projects(&p.b).is_empty());
    fs::write(&seg, &whole).unwrap();
    p.b.ok(&["sync"]);
    assert_eq!(projects(&p.b), ["alpha"]);
    assert!(
        p.b.json(&["sync", "status"])["skipped"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn sync_before_init_says_how_to_join_and_a_second_init_is_refused() {
    let env = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    env.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    let err = env.fails(&["sync"], 4);
    assert!(err.contains("not part of a sync folder"), "{err}");
    assert!(err.contains("otium sync init DIR"), "{err}");
    assert_eq!(
        env.fails(&["sync", "--lang", "zh-CN"], 4),
        "错误：这个数据库还没有加入同步文件夹；先用 `otium sync init 目录` 加入一个同步文件夹\n"
    );
    let folder = tempfile::tempdir().unwrap();
    let d = folder.path().display().to_string();
    env.ok(&["sync", "init", &d]);
    let before = env.db_bytes();
    let err = env.fails(&["sync", "init", &d], 5);
    assert!(err.contains("already syncs"), "{err}");
    let err = env.fails(&["sync", "init", &d, "--lang", "zh-CN"], 5);
    assert!(err.starts_with("错误：这个数据库已经通过 "), "{err}");
    let file = folder.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let other = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    other.create_db();
    let err = other.fails(
        &[
            "sync",
            "init",
            &file.display().to_string(),
            "--lang",
            "zh-CN",
        ],
        3,
    );
    assert_eq!(
        err,
        format!(
            "错误：{} 不是文件夹；请给出用来同步的文件夹\n",
            file.display()
        )
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn an_undo_travels_like_any_change() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.a.ok(&["rm", "1"]);
    sync_both(&p);
    assert!(projects(&p.b).is_empty());
    p.a.ok(&["undo"]);
    sync_both(&p);
    assert_eq!(projects(&p.b), ["alpha"]);
    assert_eq!(sessions(&p.a), sessions(&p.b));
}

#[test]
fn a_report_of_a_range_with_an_open_conflict_says_so_until_it_is_resolved() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.b.ok(&["add", "beta", "--from", "08:30", "--to", "09:30"]);
    let json_before = p.a.ok(&["report", "--today", "--json"]);
    sync_both(&p);
    let line = "This range includes 1 unresolved sync conflict(s) (overlapping sessions from two devices, both counted); `otium sync status` lists them, `otium edit` or `otium rm` resolves them.";
    let table = p.a.ok(&["report", "--today"]);
    assert_eq!(table.lines().last(), Some(line), "{table}");
    // Chinese, written by hand.
    let zh = p.a.ok(&["report", "--today", "--lang", "zh-CN"]);
    assert_eq!(
        zh.lines().last(),
        Some(
            "本报表范围内有 1 处未解决的同步冲突（两台设备的记录时间重叠，工时都已计入）；运行 `otium sync status` 查看，用 `otium edit` 或 `otium rm` 解决。"
        ),
        "{zh}"
    );
    // The table above it is the reports area's; this line is sync's.
    let notice = zh.lines().last().unwrap_or_default();
    let left = otium::i18n::scan::untranslated(notice, &["otium"]);
    assert!(left.is_empty(), "{left:?}");
    // The page you send stays as it is; the notice goes to stderr.
    let md = p.a.run(&["report", "--today", "--format", "md"]);
    assert!(md.status.success());
    assert!(!String::from_utf8_lossy(&md.stdout).contains("sync conflict"));
    assert!(String::from_utf8_lossy(&md.stderr).contains(line));
    // Machine formats do not change: JSON has the same keys (both sessions counted:
    // 1 h + 1 h) in both languages.
    let json = p.a.ok(&["report", "--today", "--json"]);
    assert_eq!(
        json,
        p.a.ok(&["report", "--today", "--json", "--lang", "zh-CN"])
    );
    assert_eq!(p.a.json(&["report", "--today"])["total_seconds"], 7200);
    assert_ne!(json, json_before);
    // Another range does not mention it.
    let yesterday = p.a.ok(&["report", "--yesterday"]);
    assert!(!yesterday.contains("sync conflict"), "{yesterday}");
    // Resolved by rm: no more line.
    p.a.ok(&["rm", &id_of(&p.a, "beta")]);
    let table = p.a.ok(&["report", "--today"]);
    assert!(!table.contains("sync conflict"), "{table}");
}

/// The doctor's checks of the sync folder (named `sync …`), as `(name, status)`.
fn sync_checks(env: &TestEnv) -> Vec<(String, String)> {
    let out = env.run(&["doctor", "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"].as_str().unwrap().starts_with("sync "))
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn status_of(checks: &[(String, String)], name: &str) -> String {
    checks
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.clone())
        .unwrap_or_else(|| panic!("no check {name} in {checks:?}"))
}

#[test]
fn doctor_checks_the_sync_folder_and_names_each_kind_of_damage() {
    let p = pair();
    // A database that does not sync has no sync checks.
    let plain = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    plain.create_db();
    assert!(sync_checks(&plain).is_empty());
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.a.ok(&["sync"]);
    p.b.ok(&["sync"]);
    let checks = sync_checks(&p.b);
    assert_eq!(checks.len(), 6, "{checks:?}");
    assert!(checks.iter().all(|(_, s)| s == "ok"), "{checks:?}");
    let seg = segments(p.folder.path()).pop().unwrap();
    let a_dir = seg.parent().unwrap().to_path_buf();
    let line = fs::read_to_string(&seg).unwrap();
    assert!(line.contains("\"seq\":1,"), "{line}");
    // A stray file, a segment after a gap (2 is missing), a truncated segment.
    fs::write(a_dir.join("notes.txt"), "x").unwrap();
    fs::write(
        a_dir.join("000000003-000000003.jsonl"),
        line.replace("\"seq\":1,", "\"seq\":3,"),
    )
    .unwrap();
    fs::write(
        a_dir.join("000000004-000000004.jsonl"),
        &line[..line.len() / 2],
    )
    .unwrap();
    let checks = sync_checks(&p.b);
    assert_eq!(status_of(&checks, "sync files"), "warn");
    assert_eq!(status_of(&checks, "sync sequence"), "warn");
    assert_eq!(status_of(&checks, "sync tails"), "warn");
    assert_eq!(status_of(&checks, "sync devices"), "ok");
    let text = p.b.ok(&["doctor"]);
    assert!(text.contains("notes.txt"), "{text}");
    assert!(text.contains("missing records laptop: 2–2;"), "{text}");
    // The same findings in Chinese, each check by what it checks.
    let zh = p.b.ok(&["doctor", "--lang", "zh-CN"]);
    assert!(
        zh.contains("注意  同步文件         有 1 个文件不是 otium 写的："),
        "{zh}"
    );
    assert!(
        zh.contains("注意  同步记录序号     缺少记录 laptop: 2–2；"),
        "{zh}"
    );
    assert!(
        zh.contains("注意  同步文件完整性   有 1 个数据段不完整或已损坏"),
        "{zh}"
    );
    assert!(
        text.contains("000000004-000000004.jsonl (incomplete"),
        "{text}"
    );
    // A record of the laptop in the desk's folder: two databases with one identity.
    let b_dir = fs::read_dir(p.folder.path().join("otium-sync/v1"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .find(|d| *d != a_dir)
        .unwrap();
    fs::write(b_dir.join("000000007-000000007.jsonl"), &line).unwrap();
    assert_eq!(status_of(&sync_checks(&p.b), "sync devices"), "fail");
    let err = p.b.fails(&["doctor"], 6);
    assert!(err.contains("sync devices"), "{err}");
    // A folder that is gone.
    let before = p.a.db_bytes();
    fs::remove_dir_all(p.folder.path().join("otium-sync")).unwrap();
    assert_eq!(status_of(&sync_checks(&p.a), "sync folder"), "fail");
    assert_eq!(p.a.db_bytes(), before, "doctor only reads");
}

#[test]
fn sync_speaks_chinese_and_its_json_does_not_change_with_the_language() {
    let p = pair();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    p.b.ok(&["add", "beta", "--from", "08:30", "--to", "09:30"]);
    // Written by hand.
    assert_eq!(
        p.a.ok(&["sync", "--lang", "zh-CN"]),
        "写入 1 条同步记录；应用了其他设备的 0 条（本机有 0 条记录随之改变）。\n"
    );
    let out = p.b.ok(&["sync", "--lang", "zh-CN"]);
    assert_eq!(
        out,
        "写入 1 条同步记录；应用了其他设备的 1 条（本机有 1 条记录随之改变）。\n\
         1 处冲突：记录时间重叠，两条都已保留；运行 `otium sync status` 查看，用 `otium edit` 或 `otium rm` 解决。\n"
    );
    let status = p.b.ok(&["sync", "status", "--lang", "zh-CN"]);
    let lines: Vec<&str> = status.lines().collect();
    assert!(lines[0].starts_with("同步文件夹："), "{status}");
    assert!(
        status.contains("（本机）：1 条同步记录，最近一条在 2026-03-02T12:00:00+00:00"),
        "{status}"
    );
    assert!(
        status.contains("本机待写入：0 项改动尚未写入同步文件夹\n"),
        "{status}"
    );
    assert!(
        status.contains("冲突：以下记录时间重叠（两条都已保留；用 edit 或 rm 处理其中一条）：\n"),
        "{status}"
    );
    assert!(
        status
            .contains("  记录 2（alpha，2026-03-02T08:00:00+00:00 至 2026-03-02T09:00:00+00:00）"),
        "{status}"
    );
    for text in [&out, &status] {
        let left =
            otium::i18n::scan::untranslated(text, &["otium", "laptop", "desk", "alpha", "beta"]);
        assert!(left.is_empty(), "{left:?}");
    }
    // English is what it always was.
    let en = p.b.ok(&["sync", "status"]);
    assert!(
        en.contains(" (this device): 1 record(s), last 2026-03-02T12:00:00+00:00\n"),
        "{en}"
    );
    // The earlier session first (alpha at 08:00, then beta at 08:30), on every device.
    assert!(en.contains("Pending here: 0 change(s) not yet in the folder\nConflict: these sessions overlap (both kept; edit or rm one):\n  session 2 (alpha, "), "{en}");
    // Machine formats: byte-identical in both languages (after a sync that applied
    // the desk's record, so both runs below find the same: nothing new).
    p.a.ok(&["sync"]);
    for args in [&["sync", "status", "--json"][..], &["sync", "--json"][..]] {
        let en = p.a.ok(args);
        let mut zh = args.to_vec();
        zh.extend(["--lang", "zh-CN"]);
        assert_eq!(en, p.a.ok(&zh), "{args:?}");
    }
}
