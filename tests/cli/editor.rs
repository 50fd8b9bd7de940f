//! `otium edit ID` with no field flags: the session in `$VISUAL` as TOML, driven here
//! by fake editor scripts.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use crate::env::TestEnv;

/// A shell script in the test's folder, made executable, to use as `VISUAL`.
fn script(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn edit_with(env: &TestEnv, editor: &PathBuf) -> std::process::Output {
    env.std_cmd(&["edit", "1"])
        .env("VISUAL", editor)
        .output()
        .unwrap()
}

fn one_session() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "add", "coding", "+rust", "--from", "9:00", "--to", "10:00", "--note", "old",
    ]);
    env
}

#[test]
fn the_document_is_edited_and_applied_like_the_flags() {
    let env = one_session();
    let seen = env.dir.path().join("seen.toml");
    let editor = script(
        &env,
        "ed.sh",
        &format!(
            "cp \"$1\" '{}'\nsed -i -e 's/^project = .*/project = \"writing\"/' -e 's/^end = .*/end = \"2026-03-02 11:15\"/' -e 's/^tags = .*/tags = [\"draft\"]/' \"$1\"",
            seen.display()
        ),
    );
    let out = edit_with(&env, &editor);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The document as the editor saw it: local times (Berlin), the fields as stored.
    let doc = std::fs::read_to_string(&seen).unwrap();
    for line in [
        "project = \"coding\"",
        "tags = [\"rust\"]",
        "note = \"old\"",
        "start = \"2026-03-02 09:00\"",
        "end = \"2026-03-02 10:00\"",
    ] {
        assert!(doc.lines().any(|l| l == line), "{line} in {doc}");
    }
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.trim(),
        "Edited session 1: Mon 2026-03-02 09:00–11:15 (2h 15m), writing +draft · old"
    );
    // One journal entry: undo brings the session back as it was.
    env.ok(&["undo"]);
    let s = &env.json(&["log", "--all"])[0];
    assert_eq!(s["project"], "coding");
    assert_eq!(s["tags"], serde_json::json!(["rust"]));
}

#[test]
fn saved_unchanged_or_emptied_changes_nothing() {
    let env = one_session();
    let before = env.db_bytes();
    for (name, body) in [
        ("same.sh", "exit 0"),
        ("empty.sh", ": > \"$1\""),
        (
            "comment.sh",
            "sed -i 's/^# Save/# I read this. Save/' \"$1\"",
        ),
    ] {
        let out = edit_with(&env, &script(&env, name, body));
        assert!(out.status.success(), "{name}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim(),
            "Session 1 is unchanged.",
            "{name}"
        );
        assert_eq!(env.db_bytes(), before, "{name}");
    }
}

#[test]
fn an_invalid_document_reopens_with_the_error_on_top() {
    let env = one_session();
    let count = env.dir.path().join("count");
    let second = env.dir.path().join("second.toml");
    // First save: an end before the start. Second: keep what the editor was shown,
    // then fix the end.
    let editor = script(
        &env,
        "twice.sh",
        &format!(
            "if [ ! -e '{c}' ]; then touch '{c}'; sed -i 's/^end = .*/end = \"2026-03-02 08:00\"/' \"$1\"; else cp \"$1\" '{s}'; sed -i 's/^end = .*/end = \"2026-03-02 10:30\"/' \"$1\"; fi",
            c = count.display(),
            s = second.display()
        ),
    );
    let out = edit_with(&env, &editor);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = std::fs::read_to_string(&second).unwrap();
    let first = shown.lines().next().unwrap();
    assert!(
        first.starts_with("# error: the session ends before it starts"),
        "{shown}"
    );
    assert!(
        shown.contains("end = \"2026-03-02 08:00\""),
        "the user's text is kept: {shown}"
    );
    assert_eq!(
        env.json(&["log", "--all"])[0]["end"],
        "2026-03-02T10:30:00+01:00"
    );
}

#[test]
fn an_unknown_field_or_a_failing_editor_changes_nothing() {
    let env = one_session();
    let before = env.db_bytes();
    let out = edit_with(&env, &script(&env, "fail.sh", "exit 1"));
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("failed"));
    assert_eq!(env.db_bytes(), before);
    // Without VISUAL or EDITOR: the old one-line error.
    let err = env.fails(&["edit", "1"], crate::env::code::INVALID);
    assert!(err.contains("neither VISUAL nor EDITOR"), "{err}");
}
