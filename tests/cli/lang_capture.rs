//! The capture verbs in Chinese (issue 15): start, stop, add, edit, rm, undo, redo,
//! continue, cancel, log, projects, tags, project, output; their errors with exit
//! codes; the Chinese demo. Expected texts are written by hand from the clock
//! (Berlin, Monday 2026-03-02 12:00) and the catalogue's wording; every whole output
//! is also scanned for English left in it, and `--json` is the same in both languages.

use otium::i18n::scan::untranslated;

use crate::env::{TestEnv, code};

/// Runs `args` in Chinese, asserts success and that no English prose is left.
pub(crate) fn zh(env: &TestEnv, args: &[&str]) -> String {
    let out = env.ok(&[args, &["--lang", "zh-CN"]].concat());
    assert_eq!(
        untranslated(&out, &[]),
        Vec::<String>::new(),
        "{args:?}: {out}"
    );
    out
}

/// Runs `args` in Chinese, asserts the exit code, and returns the error line.
pub(crate) fn zh_fails(env: &TestEnv, args: &[&str], code: i32) -> String {
    let err = env.fails(&[args, &["--lang", "zh-CN"]].concat(), code);
    assert_eq!(
        untranslated(&err, &[]),
        Vec::<String>::new(),
        "{args:?}: {err}"
    );
    err
}

/// `n` spaces, for columns padded by display width (a CJK character is two).
fn sp(n: usize) -> String {
    " ".repeat(n)
}

#[test]
fn start_stop_and_a_start_that_stops_the_running_one() {
    let env = TestEnv::new();
    assert_eq!(
        zh(&env, &["start", "写作", "+初稿", "--at", "9:00"]),
        "开始计时：写作 +初稿，09:00 起（记录 1）。\n"
    );
    // 09:00 to 10:30 is an hour and a half.
    assert_eq!(
        zh(&env, &["stop", "--at", "10:30"]),
        "停止计时：写作 +初稿（记录 1），09:00–10:30，共 1小时30分。\n"
    );
    zh(&env, &["start", "编程", "--at", "10:45"]);
    // Starting 会议 at 11:20 stops 编程 there: 35 minutes.
    assert_eq!(
        zh(&env, &["start", "会议", "-n", "周会", "--at", "11:20"]),
        "已停止计时：编程（记录 2），11:20 结束，共 0小时35分。\n\
         开始计时：会议 · 周会，11:20 起（记录 3）。\n"
    );
    // Cancelled at 12:00 after 40 minutes.
    assert_eq!(
        zh(&env, &["cancel"]),
        "已取消计时：会议 · 周会（记录 3，11:20 开始），这 0小时40分 不计入工时。\n"
    );
    // Continue takes the last session's project and tags (session 2, 编程).
    assert_eq!(
        zh(&env, &["continue", "--at", "11:50"]),
        "开始计时：编程，11:50 起（记录 4）。\n"
    );
}

#[test]
fn add_edit_and_rm_say_what_they_did() {
    let env = TestEnv::new();
    // Yesterday is Sunday 2026-03-01; typed the Chinese way.
    assert_eq!(
        zh(
            &env,
            &[
                "add",
                "会议",
                "--from",
                "昨天 14:00",
                "--for",
                "1小时30分",
                "--note",
                "周会"
            ]
        ),
        "已补记：会议 · 周会（记录 1），3月1日 周日 14:00 起，共 1小时30分。\n"
    );
    zh(
        &env,
        &["add", "写作", "+初稿", "--from", "9:00", "--to", "10:00"],
    );
    assert_eq!(
        zh(&env, &["edit", "2", "--to", "11:00"]),
        "已修改记录 2：2026年3月2日 周一 09:00–11:00（2小时00分），写作 +初稿\n"
    );
    assert_eq!(
        zh(&env, &["rm", "1"]),
        "已删除记录 1：会议 · 周会，3月1日 周日 14:00，1小时30分。\n"
    );
    zh(&env, &["add", "编程", "--from", "11:00", "--to", "11:45"]);
    // Two at once (no terminal here, so nobody is asked).
    assert_eq!(
        zh(&env, &["rm", "2-3"]),
        "已删除记录 2：写作 +初稿，3月2日 周一 09:00，2小时00分。\n\
         已删除记录 3：编程，3月2日 周一 11:00，0小时45分。\n\
         共删除 2 条记录；`otium undo` 可以一次全部恢复。\n"
    );
}

#[test]
fn undo_and_redo_name_the_sessions_in_chinese() {
    let env = TestEnv::new();
    env.ok(&["add", "会议", "--from", "9:00", "--to", "10:00"]);
    env.ok(&["rm", "1"]);
    assert_eq!(
        zh(&env, &["undo"]),
        "已撤销上一步：删除。\n  恢复了记录 1（会议，2026-03-02 09:00–10:00 Europe/Berlin）\n\
         （`otium redo` 可以重做。）\n"
    );
    assert_eq!(
        zh(&env, &["redo"]),
        "已重做：删除。\n  删除了记录 1（会议，2026-03-02 09:00–10:00 Europe/Berlin）\n\
         （`otium undo` 可以再次撤销。）\n"
    );
    env.ok(&["undo"]);
    env.ok(&["start", "写作", "--at", "10:30"]);
    env.ok(&["stop", "--at", "11:00"]);
    assert_eq!(
        zh(&env, &["undo"]),
        "已撤销上一步：停止计时。\n  记录 2 重新开始计时（从 2026-03-02 10:30 起）\n\
         （`otium redo` 可以重做。）\n"
    );
    // Newest first; the entries were made at the pinned "now", 12:00. The rm, undone
    // and then overtaken by the start, is dropped; undo and redo take ids 3 to 5
    // for their own marks, so start and stop are 6 and 7. The state column is six
    // columns wide (已撤销 takes six), the verb column eight.
    let list = zh(&env, &["undo", "--list"]);
    let at = "2026-03-02 12:00";
    assert_eq!(
        list,
        format!(
            "   7  {at}  已撤销  停止计时  涉及 1 条记录\n\
             \x20  6  {at}  {}  开始计时  涉及 1 条记录\n\
             \x20  1  {at}  {}  补记{}  涉及 1 条记录\n",
            sp(6),
            sp(6),
            sp(4)
        )
    );
    let empty = TestEnv::new();
    empty.create_db();
    assert_eq!(
        zh(&empty, &["undo", "--list"]),
        "还没有任何改动，没有可撤销的。\n"
    );
}

#[test]
fn log_groups_days_in_chinese_with_aligned_columns() {
    let env = TestEnv::new();
    env.ok(&[
        "add",
        "会议",
        "--from",
        "昨天 14:00",
        "--to",
        "昨天 15:30",
        "-n",
        "周会",
    ]);
    env.ok(&["add", "写作", "+初稿", "--from", "9:00", "--to", "10:05"]);
    env.ok(&["start", "编程", "--at", "11:15"]);
    let log = zh(&env, &["log", "--from", "2026-03-01"]);
    // Day totals and rows are padded to ten columns (1小时30分 takes nine); the
    // running session counts to 12:00 (45 minutes) and says so.
    let want = format!(
        "2026年3月1日 周日  {}1小时30分\n\
         \x20    1  14:00–15:30    {}1小时30分  会议 · 周会\n\
         2026年3月2日 周一  {}1小时50分\n\
         \x20    2  09:00–10:05    {}1小时05分  写作 +初稿\n\
         \x20    3  11:15–…      {}0小时45分  编程  （正在计时）\n",
        sp(1),
        sp(1),
        sp(1),
        sp(1),
        sp(1)
    );
    assert_eq!(log, want);
    assert_eq!(
        zh(&env, &["log", "--yesterday", "--project", "编程"]),
        "这段时间没有符合筛选条件的记录。\n"
    );
    assert_eq!(
        zh(&env, &["log", "--from", "2026-02-01", "--to", "2026-02-02"]),
        "这段时间没有记录。\n"
    );
}

#[test]
fn projects_tags_project_and_output_in_chinese() {
    let env = TestEnv::new();
    env.ok(&["add", "写作", "+初稿", "--from", "9:00", "--to", "10:30"]);
    env.ok(&["add", "写作", "--from", "10:30", "--to", "11:00"]);
    env.ok(&["add", "code", "+初稿", "--from", "11:00", "--to", "11:45"]);
    assert_eq!(
        zh(&env, &["project", "写作", "--unit", "页"]),
        "项目 写作 的产出单位是 页。\n项目 写作 没有设定时薪。\n"
    );
    // Output at 10:00 falls in session 1.
    assert_eq!(
        zh(&env, &["output", "3", "--project", "写作", "--at", "10:00"]),
        "已登记产出：写作 3 页，时间 2026-03-02 10:00（记录 1）。\n"
    );
    // Names padded to 24 columns (写作 is four), totals to ten, counts to five; a
    // Chinese name and a Latin one end their columns at the same place.
    assert_eq!(
        zh(&env, &["projects"]),
        format!(
            "code{} {}0小时45分  {}1 条记录\n写作{} {}2小时00分  {}2 条记录  [页]\n",
            sp(20),
            sp(1),
            sp(4),
            sp(20),
            sp(1),
            sp(4)
        )
    );
    assert_eq!(
        zh(&env, &["tags"]),
        format!("初稿{} {}2小时15分  {}2 条记录\n", sp(20), sp(1), sp(4))
    );
    let fresh = TestEnv::new();
    fresh.create_db();
    assert_eq!(
        zh(&fresh, &["projects"]),
        "还没有项目。用 `otium start 项目` 就会新建一个。\n"
    );
    assert_eq!(
        zh(&fresh, &["tags"]),
        "还没有标签。标签写成 +名称，例如 `otium start 写作 +初稿`。\n"
    );
}

#[test]
fn errors_are_chinese_with_their_exit_codes_and_change_nothing() {
    let env = TestEnv::new();
    env.ok(&["add", "写作", "--from", "9:00", "--to", "10:30"]);
    let before = env.db_bytes();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["edit", "99", "--to", "11:00"],
            code::NOT_FOUND,
            "错误：没有编号为 99 的记录；`otium log --all` 可以查看所有记录的编号\n",
        ),
        (
            &["add", "编程", "--from", "9:30", "--to", "10:00"],
            code::CONFLICT,
            "错误：新记录会和记录 1（写作，2026-03-02 09:00–10:30 Europe/Berlin）时间重叠；请换个时间，或先修改记录 1\n",
        ),
        (
            &["add", "写作", "--from", "11:00", "--to", "10:45"],
            code::INVALID,
            "错误：这条记录结束得比开始还早（2026-03-02 11:00 到 2026-03-02 10:45 Europe/Berlin）；结束时间要晚于开始时间\n",
        ),
        (
            &["start", "写作", "--at", "13:00"],
            code::INVALID,
            "错误：开始时间 2026-03-02 13:00 还没到（现在是 2026-03-02 12:00 Europe/Berlin）；请给一个不晚于现在的时间\n",
        ),
        (
            &["stop"],
            code::CONFLICT,
            "错误：当前没有在计时；用 `otium start 项目` 开始计时\n",
        ),
        (
            &["start", "写作", "+"],
            code::INVALID,
            "错误：标签是空的；标签写成 +名称，例如 +审阅\n",
        ),
        (
            &["start", "写作", "初稿"],
            code::INVALID,
            "错误：多了一个词 \"初稿\"；标签要写成 +初稿，备注请放在 --note \"…\" 里\n",
        ),
        (
            &["edit", "1", "--rm-tag", "初稿"],
            code::INVALID,
            "错误：记录 1 没有标签 \"初稿\"；没有删除任何标签\n",
        ),
        (
            &["add", "写作", "--from", "2026-03-01", "--for", "1h"],
            code::INVALID,
            "错误：\"2026-03-01\" 只有日期没有时间；请加上时间，例如 \"2026-03-01 09:00\"\n",
        ),
        (
            &["add", "写作", "--from", "8:00", "--for", "0分钟"],
            code::INVALID,
            "错误：--for \"0分钟\" 是零；请给一个大于零的时长\n",
        ),
        (
            &["output", "2", "--project", "写作"],
            code::INVALID,
            "错误：项目 \"写作\" 没有设定产出单位；先用 `otium project 写作 --unit pages` 设定产出单位\n",
        ),
    ];
    for (args, exit, want) in cases {
        assert_eq!(&zh_fails(&env, args, *exit), want, "{args:?}");
        assert_eq!(env.db_bytes(), before, "{args:?} changed the database");
    }
    // The time grammar's own refusal, in Chinese.
    let err = zh_fails(&env, &["start", "写作", "--at", "胡说"], code::INVALID);
    assert!(err.starts_with("错误：看不懂时间 \"胡说\""), "{err}");
    // Nothing to undo in a database with no journal.
    let fresh = TestEnv::new();
    fresh.create_db();
    assert_eq!(
        zh_fails(&fresh, &["undo"], code::CONFLICT),
        "错误：没有可撤销的改动：改动记录里已经没有仍然生效的改动\n"
    );
}

/// The `"uuid":"…"` values masked: they are random per database, not per language.
fn mask_uuids(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\"uuid\":\"") {
        let (head, tail) = rest.split_at(at + 8);
        out.push_str(head);
        out.push_str("UUID");
        rest = &tail[tail.find('"').unwrap()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn json_of_the_capture_verbs_is_the_same_in_both_languages() {
    let steps: &[&[&str]] = &[
        &["start", "写作", "+初稿", "--at", "8:00"],
        &["start", "编程", "--at", "8:30"],
        &["stop", "--at", "9:00"],
        &["add", "会议", "--from", "昨天 14:00", "--for", "1小时"],
        &["edit", "3", "--note", "周会"],
        &["project", "写作", "--unit", "页"],
        &["output", "2", "--project", "写作", "--at", "8:10"],
        &["rm", "2"],
        &["undo"],
        &["redo"],
        &["undo", "--list"],
        &["continue", "--at", "10:00"],
        &["cancel"],
        &["log", "--all"],
        &["projects"],
        &["tags"],
        &["project", "写作"],
    ];
    let (en, zh) = (TestEnv::new(), TestEnv::new());
    for step in steps {
        let mut args = step.to_vec();
        args.push("--json");
        let a = en.run(&[&args[..], &["--lang", "en"]].concat());
        let b = zh.run(&[&args[..], &["--lang", "zh-CN"]].concat());
        assert!(a.status.success() && b.status.success(), "{step:?}");
        assert!(!a.stdout.is_empty(), "{step:?}");
        let (a, b) = (
            String::from_utf8(a.stdout).unwrap(),
            String::from_utf8(b.stdout).unwrap(),
        );
        assert_eq!(mask_uuids(&a), mask_uuids(&b), "{step:?}");
    }
    // Errors in JSON stay English too.
    let a = en.run(&["edit", "99", "--to", "9:00", "--json", "--lang", "en"]);
    let b = zh.run(&["edit", "99", "--to", "9:00", "--json", "--lang", "zh-CN"]);
    assert_eq!(a.status.code(), Some(code::NOT_FOUND));
    assert_eq!(a.stderr, b.stderr);
}

#[test]
fn english_stays_as_it_was() {
    let env = TestEnv::new();
    assert_eq!(
        env.ok(&["start", "writing", "--at", "9:00"]),
        "Started writing at 09:00 (session 1).\n"
    );
    assert_eq!(
        env.ok(&["stop", "--at", "10:30"]),
        "Stopped writing (session 1): 09:00–10:30, 1h 30m.\n"
    );
    assert_eq!(
        env.ok(&["rm", "1"]),
        "Removed session 1: writing Mon 2026-03-02 09:00, 1h 30m.\n"
    );
    assert_eq!(
        env.ok(&["undo"]),
        "Undid rm \u{201c}deleted session 1 (writing, 2026-03-02 09:00–10:30 Europe/Berlin)\u{201d}.\n  \
         restored session 1 (writing, 2026-03-02 09:00–10:30 Europe/Berlin)\n(`otium redo` re-applies it.)\n"
    );
}
