//! `otium rm` with several ids and ranges (one transaction, one journal entry, one
//! undo), and `otium log --project/--tag`.

use crate::env::{TestEnv, code};

/// Five sessions on Monday 2026-03-02 (Berlin), ids 1–5: 07:00–07:30 a, 07:30–08:00 b,
/// 08:00–08:30 a +x, 08:30–09:00 c, 09:00–09:30 a.
fn five() -> TestEnv {
    let env = TestEnv::new();
    for (i, (project, tag)) in [
        ("a", None),
        ("b", None),
        ("a", Some("+x")),
        ("c", None),
        ("a", None),
    ]
    .iter()
    .enumerate()
    {
        let from = format!("{:02}:{:02}", 7 + i / 2, (i % 2) * 30);
        let to = format!("{:02}:{:02}", 7 + i.div_ceil(2), ((i + 1) % 2) * 30);
        let mut args = vec!["add", project, "--from", &from, "--to", &to];
        if let Some(tag) = tag {
            args.insert(2, tag);
        }
        env.ok(&args);
    }
    env
}

fn ids(env: &TestEnv, extra: &[&str]) -> Vec<i64> {
    let mut args = vec!["log", "--all"];
    args.extend_from_slice(extra);
    env.json(&args)
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn rm_takes_ids_and_ranges_in_one_entry_and_one_undo_restores_all() {
    let env = five();
    assert_eq!(ids(&env, &[]), [1, 2, 3, 4, 5]);
    // Not a terminal: no question asked.
    let out = env.ok(&["rm", "1", "3-4"]);
    assert!(out.contains("Removed session 1: a"), "{out}");
    assert!(out.contains("Removed 3 sessions"), "{out}");
    assert_eq!(ids(&env, &[]), [2, 5]);
    let list = env.ok(&["undo", "--list"]);
    assert_eq!(
        list.matches("deleted").count(),
        1,
        "one journal entry: {list}"
    );
    assert!(list.contains("deleted 3 sessions"), "{list}");
    env.ok(&["undo"]);
    assert_eq!(ids(&env, &[]), [1, 2, 3, 4, 5]);
    env.ok(&["redo"]);
    assert_eq!(ids(&env, &[]), [2, 5]);
}

#[test]
fn rm_json_is_a_list_for_several_and_an_object_for_one() {
    let env = five();
    let one = env.json(&["rm", "2"]);
    assert_eq!(one["id"], 2);
    let many = env.json(&["rm", "4-5"]);
    let got: Vec<i64> = many
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(got, [4, 5]);
}

#[test]
fn rm_with_a_missing_id_removes_nothing() {
    let env = five();
    let before = env.db_bytes();
    let err = env.fails(&["rm", "2", "9"], code::NOT_FOUND);
    assert!(err.contains("no session with id 9"), "{err}");
    assert_eq!(env.db_bytes(), before);
    // A word that is no id or range is a usage error, as a bad id always was.
    let err = env.fails(&["rm", "4-2"], code::USAGE);
    assert!(
        err.contains("runs backwards") && err.contains("2-4"),
        "{err}"
    );
    let err = env.fails(&["rm", "1-x"], code::USAGE);
    assert!(err.contains("not a range of ids"), "{err}");
    let err = env.fails(&["rm", "1-5000"], code::USAGE);
    assert!(err.contains("more than 1000"), "{err}");
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn log_filters_by_project_and_tag_like_report() {
    let env = five();
    assert_eq!(ids(&env, &["--project", "a"]), [1, 3, 5]);
    assert_eq!(ids(&env, &["--project", "b", "--project", "c"]), [2, 4]);
    assert_eq!(ids(&env, &["--tag", "x"]), [3]);
    assert_eq!(ids(&env, &["--tag", "+x"]), [3]);
    assert_eq!(
        ids(&env, &["--project", "b", "--tag", "x"]),
        Vec::<i64>::new()
    );
    let text = env.ok(&["log", "--all", "--project", "c"]);
    assert!(text.contains(" c") && !text.contains(" b"), "{text}");
}
