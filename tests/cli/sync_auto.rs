//! `[sync] auto = true`: every write command writes its record to the sync folder at
//! once and every command applies the other devices' new records first, with no
//! `otium sync`; a folder that cannot be written (unmounted) never fails the command:
//! one line on stderr, and nothing is lost.

use std::fs;

use serde_json::Value;

use crate::env::TestEnv;

struct Pair {
    folder: tempfile::TempDir,
    a: TestEnv,
    b: TestEnv,
}

/// Two devices on one folder, both with `[sync] auto = true`.
fn pair() -> Pair {
    let p = Pair {
        folder: tempfile::tempdir().unwrap(),
        a: TestEnv::at("UTC", "2026-03-02T12:00:00Z"),
        b: TestEnv::at("UTC", "2026-03-02T12:00:00Z"),
    };
    let dir = p.folder.path().display().to_string();
    for (env, name) in [(&p.a, "laptop"), (&p.b, "desk")] {
        env.ok(&["sync", "init", &dir, "--name", name]);
        fs::write(env.dir.path().join("config.toml"), "[sync]\nauto = true\n").unwrap();
    }
    p
}

fn running(env: &TestEnv) -> Value {
    env.json(&["status"])
}

#[test]
fn a_start_on_one_device_is_seen_by_status_on_the_other_without_sync() {
    let p = pair();
    p.a.ok(&["start", "coding", "+deep", "--at", "11:00"]);
    let status = running(&p.b);
    assert_eq!(status["running"], true, "{status}");
    assert_eq!(status["session"]["project"], "coding", "{status}");
    assert_eq!(status["session"]["tags"], serde_json::json!(["deep"]));
    // And back: a stop on the desk ends it on the laptop.
    p.b.ok(&["stop", "--at", "11:45"]);
    let status = running(&p.a);
    assert_eq!(status["running"], false, "{status}");
    let log = p.a.json(&["export", "--format", "json"]);
    assert_eq!(log[0]["project"], "coding");
    assert_eq!(log[0]["end"], "2026-03-02T11:45:00+00:00", "{log}");
    // Nothing was left for a manual sync to do.
    let report = p.a.json(&["sync"]);
    assert_eq!(
        (report["written"].as_u64(), report["applied"].as_u64()),
        (Some(0), Some(0))
    );
    let report = p.b.json(&["sync"]);
    assert_eq!(
        (report["written"].as_u64(), report["applied"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn without_auto_nothing_moves_until_sync() {
    let p = pair();
    fs::write(p.b.dir.path().join("config.toml"), "").unwrap();
    fs::write(p.a.dir.path().join("config.toml"), "[sync]\nauto = false\n").unwrap();
    p.a.ok(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    assert_eq!(
        p.b.json(&["export", "--format", "json"]),
        serde_json::json!([])
    );
    p.a.ok(&["sync"]);
    p.b.ok(&["sync"]);
    assert_eq!(
        p.b.json(&["export", "--format", "json"])[0]["project"],
        "alpha"
    );
}

#[test]
fn an_unmounted_folder_warns_once_the_command_succeeds_and_the_next_sync_catches_up() {
    let p = pair();
    let folder = p.folder.path().to_path_buf();
    let away = folder.with_extension("unmounted");
    fs::rename(&folder, &away).unwrap();
    let out =
        p.a.run(&["add", "alpha", "--from", "08:00", "--to", "09:00"]);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("note: automatic sync failed: cannot read "),
        "{stderr}"
    );
    assert!(
        lines[0].ends_with(
            "; nothing is lost: the change is kept in this database and goes out at the next sync"
        ),
        "{stderr}"
    );
    assert!(!folder.exists(), "nothing may recreate an unmounted folder");
    // Kept here; the later commands warn while the folder is away, and succeed.
    assert_eq!(
        p.a.json(&["export", "--format", "json"])[0]["project"],
        "alpha"
    );
    // In Chinese, and the JSON answer is the same in both languages.
    let zh = p.a.run(&[
        "add", "beta", "--from", "09:00", "--to", "10:00", "--json", "--lang", "zh-CN",
    ]);
    assert!(zh.status.success());
    let zh_err = String::from_utf8(zh.stderr).unwrap();
    assert!(zh_err.starts_with("提示：自动同步失败："), "{zh_err}");
    assert_eq!(zh_err.lines().count(), 1, "said once: {zh_err}");
    assert!(
        zh_err
            .trim_end()
            .ends_with("；数据没有丢失：这次改动已保存在本机数据库，下次同步时会写入同步文件夹"),
        "{zh_err}"
    );
    let en = p.a.run(&["status", "--json", "--lang", "en"]);
    let zh = p.a.run(&["status", "--json", "--lang", "zh-CN"]);
    assert_eq!(en.stdout, zh.stdout);
    // The folder comes back: the next command writes both, and the desk gets them.
    fs::rename(&away, &folder).unwrap();
    let out = p.a.run(&["status"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let all = p.b.json(&["export", "--format", "json"]);
    let projects: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["project"].as_str().unwrap())
        .collect();
    assert_eq!(projects, ["alpha", "beta"]);
}

#[test]
fn auto_sync_key_is_checked_like_every_config_key() {
    let env = TestEnv::at("UTC", "2026-03-02T12:00:00Z");
    fs::write(
        env.dir.path().join("config.toml"),
        "[sync]\nauto = \"yes\"\n",
    )
    .unwrap();
    let err = env.fails(&["status"], 7);
    assert!(err.contains("auto"), "{err}");
}
