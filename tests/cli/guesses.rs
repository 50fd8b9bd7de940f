//! Errors that guess right (forgotten quotes, an empty project named by its verb),
//! the edit confirmation, and a bad `TZ` told once.

use crate::env::{TestEnv, code};

#[test]
fn a_date_and_time_without_quotes_suggests_the_quotes() {
    let env = TestEnv::new();
    env.create_db();
    let before = env.db_bytes();
    for (args, expected) in [
        (
            &[
                "add",
                "coding",
                "--from",
                "2026-03-01",
                "10:00",
                "--to",
                "11:00",
            ][..],
            "write --from \"2026-03-01 10:00\"",
        ),
        (
            &["report", "--from", "2026-02-23", "10:00"][..],
            "write --from \"2026-02-23 10:00\"",
        ),
        (
            &["start", "coding", "--at=2026-03-02", "9:30"][..],
            "write --at \"2026-03-02 9:30\"",
        ),
        (
            &[
                "report",
                "--from",
                "2026-02-23",
                "--to",
                "2026-02-24",
                "18:00:00",
            ][..],
            "write --to \"2026-02-24 18:00:00\"",
        ),
    ] {
        let err = env.fails(args, code::INVALID);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("tag"), "no advice about tags: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(env.db_bytes(), before);
    // A date alone is still a date.
    env.ok(&["report", "--from", "2026-02-23", "--to", "2026-02-24"]);
}

#[test]
fn an_empty_project_name_names_the_verb_used() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "9:00", "--to", "10:00"]);
    for (args, verb) in [
        (&["start", " "][..], "`otium start writing`"),
        (
            &["add", "", "--from", "9:00", "--to", "10:00"][..],
            "`otium add writing",
        ),
        (
            &["edit", "1", "--project", ""][..],
            "`otium edit 1 --project writing`",
        ),
        (
            &["project", "", "--unit", "pages"][..],
            "`otium project writing",
        ),
    ] {
        let err = env.fails(args, code::INVALID);
        assert!(err.contains("the project name is empty"), "{err}");
        assert!(err.contains(verb), "{args:?}: {err}");
    }
}

#[test]
fn edited_names_the_date_and_says_the_id_once() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "+rust", "--from", "9:00", "--to", "10:00"]);
    let out = env.ok(&["edit", "1", "--to", "11:45"]);
    assert_eq!(
        out.trim(),
        "Edited session 1: Mon 2026-03-02 09:00–11:45 (2h 45m), coding +rust"
    );
}

#[test]
fn a_bad_tz_falls_back_with_one_note() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "9:00", "--to", "10:00"]);
    let out = env
        .std_cmd(&["log", "--all"])
        .env_remove("OTIUM_TZ")
        .env("TZ", "Mars/Olympus")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr
            .matches("TZ=\"Mars/Olympus\" is not an IANA time zone")
            .count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("using "), "{stderr}");
    // A good TZ says nothing.
    let out = env
        .std_cmd(&["log", "--all"])
        .env_remove("OTIUM_TZ")
        .env("TZ", "Europe/Berlin")
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn tags_and_report_by_tag_spell_tags_the_same_way() {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "+rust", "--from", "9:00", "--to", "10:00"]);
    let tags = env.ok(&["tags"]);
    let report = env.ok(&["report", "--by", "tag"]);
    let first_word = |text: &str, needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_string)
    };
    assert_eq!(
        first_word(&tags, "rust"),
        Some("rust".to_string()),
        "{tags}"
    );
    assert_eq!(
        first_word(&report, "rust"),
        first_word(&tags, "rust"),
        "{report}"
    );
}
