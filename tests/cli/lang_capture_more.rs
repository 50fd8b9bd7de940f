//! The capture verbs' side roads in Chinese (issue 15): away answers, the document
//! `edit` opens in the editor, DST notes, reminders, a day word and a clock the shell
//! split, and the Chinese demo. Expected texts are written by hand; every whole
//! output is scanned for English left in it (see `lang_capture`).

use crate::env::{TestEnv, code};
use crate::lang_capture::{zh, zh_fails};

#[test]
fn the_chinese_demo_reads_as_a_chinese_working_life() {
    let env = TestEnv::new();
    // The demo's own seeder on the test's database, at the test's clock and zone.
    let now = chrono::DateTime::parse_from_rfc3339(&env.now)
        .unwrap()
        .to_utc();
    let zone: chrono_tz::Tz = env.tz.parse().unwrap();
    let mut tracker = otium::Tracker::open(
        &env.db(),
        otium::config::Config::default(),
        otium::time::Clock::Fixed(now),
        zone,
    )
    .unwrap();
    otium::demo::seed_in(&mut tracker, otium::i18n::Lang::ZhCn).unwrap();
    drop(tracker);
    let log = zh(&env, &["log", "--last-week"]);
    for project in ["写作", "编程", "会议", "调研"] {
        assert!(log.contains(project), "{project} in {log}");
    }
    assert!(log.contains("+初稿") && log.contains("部门例会"), "{log}");
    // Five weekdays of four blocks each, and no English anywhere.
    assert_eq!(log.matches("部门例会").count(), 5, "{log}");
    assert!(!log.chars().any(|c| c.is_ascii_alphabetic()), "{log}");
    // Today (Monday) holds the running 写作 session, started 47 minutes ago.
    let today = zh(&env, &["log", "--today"]);
    assert!(
        today.contains("11:13–…") && today.contains("写作 +初稿 · 第四章"),
        "{today}"
    );
    let projects = zh(&env, &["projects"]);
    assert!(
        projects.contains("[页]") && projects.contains("[工单]"),
        "{projects}"
    );
}

/// Berlin, Monday 2026-03-02 15:30: 写作 running since 13:30, and the TUI saw the
/// user away 14:02–15:22 (the library call the TUI makes stands in for it).
fn away_env() -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2026-03-02T15:30:00+01:00");
    env.ok(&["start", "写作", "+初稿", "--at", "13:30"]);
    let at = |hhmm: &str| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-03-02T{hhmm}:00+01:00"))
            .unwrap()
            .to_utc()
    };
    let mut t = otium::Tracker::open(
        &env.db(),
        otium::config::Config::default(),
        otium::time::Clock::Fixed(at("15:30")),
        chrono_tz::Europe::Berlin,
    )
    .unwrap();
    assert!(t.record_away(at("14:02"), at("15:22")).unwrap().is_some());
    env
}

#[test]
fn away_answers_in_chinese() {
    // 14:02 to 15:22 is an hour and twenty minutes.
    assert_eq!(
        zh(&away_env(), &["away", "cut"]),
        "已剪掉离开的 14:02–15:22（1小时20分）：记录 1（写作 +初稿）在 14:02 结束；记录 2 从 15:22 接着计时。\n"
    );
    assert_eq!(
        zh(&away_env(), &["away", "stop"]),
        "已把记录 1（写作 +初稿）停在 14:02，也就是你离开的时候；离开了 14:02–15:22（1小时20分）。\n"
    );
    let env = away_env();
    assert_eq!(
        zh(&env, &["away", "keep"]),
        "离开的 14:02–15:22（1小时20分）仍算在记录 1（写作 +初稿）里。\n"
    );
    assert_eq!(
        zh_fails(&env, &["away", "keep"], code::CONFLICT),
        "错误：没有需要处理的离开时间：当前记录里没有记到离开\n"
    );
}

#[test]
fn the_editor_document_speaks_chinese_and_its_errors_too() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.ok(&["add", "写作", "--from", "9:00", "--to", "10:00"]);
    let seen = env.dir.path().join("seen.toml");
    // First save: an end before the start (refused, the document reopens with the
    // error on top); second save: a valid end (whatever the document says, so a
    // broken error line cannot loop).
    let editor = env.dir.path().join("ed.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nif [ -e '{seen}' ]; then cp \"$1\" '{seen}.2'; sed -i 's/^end = .*/end = \"2026-03-02 10:30\"/' \"$1\"; else cp \"$1\" '{seen}'; sed -i 's/^end = .*/end = \"2026-03-02 08:00\"/' \"$1\"; fi\n",
            seen = seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env
        .std_cmd(&["edit", "1", "--lang", "zh-CN"])
        .env("VISUAL", &editor)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "已修改记录 1：2026年3月2日 周一 09:00–10:30（1小时30分），写作\n"
    );
    let doc = std::fs::read_to_string(&seen).unwrap();
    assert!(
        doc.starts_with(
            "# otium 记录 1（Europe/Berlin）。\n# 保存即生效；原样保存或清空内容则不做任何改动。\n\
             # 时间按本地时间写（YYYY-MM-DD HH:MM）；正在计时的记录 end = \"\"。\nproject = \"写作\"\n"
        ),
        "{doc}"
    );
    let again = std::fs::read_to_string(format!("{}.2", seen.display())).unwrap();
    assert!(
        again.starts_with(
            "# 错误：这条记录结束得比开始还早（2026-03-02 09:00 到 2026-03-02 08:00 Europe/Berlin）；结束时间要晚于开始时间\n"
        ),
        "{again}"
    );
    // Without an editor: the Chinese error and its hint.
    assert_eq!(
        zh_fails(&env, &["edit", "1"], code::INVALID),
        "错误：没有要修改的内容，也没有设置 `VISUAL` 或 `EDITOR` 来打开编辑器；请至少改一项：--project、--from、--to、--note、--add-tag 或 --rm-tag\n"
    );
}

#[test]
fn dst_notes_are_chinese() {
    // Berlin: clocks jump from 02:00 to 03:00 on 2026-03-29 and fall back from 03:00
    // to 02:00 on 2026-10-25.
    let env = TestEnv::at("Europe/Berlin", "2026-10-26T12:00:00+01:00");
    let out = env.run(&[
        "add",
        "写作",
        "--from",
        "2026-10-26 9:00",
        "--for",
        "1h",
        "--lang",
        "zh-CN",
    ]);
    // The first record made the database, outside the default place: said in Chinese.
    let made = String::from_utf8(out.stderr).unwrap();
    assert!(
        made.starts_with("提示：在 ") && made.contains("新建了数据库（不是默认位置）"),
        "{made}"
    );
    let out = env.run(&[
        "add",
        "写作",
        "--from",
        "2026-03-29 02:30",
        "--for",
        "1小时",
        "--lang",
        "zh-CN",
    ]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "提示：2026-03-29 02:30 在 Europe/Berlin 不存在（时钟拨快）；改用 03:30（+02:00）\n"
    );
    let out = env.run(&[
        "add",
        "写作",
        "--from",
        "2026-10-25 02:30",
        "--for",
        "20分钟",
        "--lang",
        "zh-CN",
    ]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "提示：2026-10-25 02:30 在 Europe/Berlin 出现两次（时钟回拨）；按第一次算，即 02:30（+02:00），而不是 02:30（+01:00）\n"
    );
}

#[test]
fn reminders_are_told_in_chinese_and_stay_english_in_json() {
    let env = TestEnv::new();
    std::fs::write(
        env.dir.path().join("config.toml"),
        "[reminders]\nbreak_after = \"1h30m\"\nbreak_min = \"10m\"\nday_limit_hours = 3\n",
    )
    .unwrap();
    env.ok(&["add", "写作", "--from", "07:00", "--to", "09:00"]);
    env.ok(&["start", "编程", "--at", "09:05"]);
    // The gap 09:00–09:05 is under ten minutes, so the stretch runs 07:00–12:00 (5h);
    // worked today: 2h + 2h55m = 4h55m, past the 3-hour day limit.
    let status = zh(&env, &["status"]);
    assert!(
        status.ends_with(
            "提醒：该休息了：从 07:00 起已经连续工作 5小时00分，中间没有歇满 0小时10分\n\
             提醒：已到每日工时上限：今天已工作 4小时55分（day_limit_hours = 3）\n"
        ),
        "{status}"
    );
    let json = |lang: &str| env.run(&["status", "--json", "--lang", lang]).stdout;
    assert_eq!(json("zh-CN"), json("en"));
    let quiet = TestEnv::new();
    std::fs::write(
        quiet.dir.path().join("config.toml"),
        "[reminders]\nnothing_running = \"09:30\"\n",
    )
    .unwrap();
    assert_eq!(
        zh(&quiet, &["notify"]),
        "提醒：今天是工作日，从 09:30 起没有在计时；用 `otium start 项目` 开始计时\n"
    );
}

#[test]
fn a_day_word_and_a_clock_without_quotes_are_read_as_one_time() {
    let env = TestEnv::new();
    // The shell splits `--from 昨天 9:00` into two words; yesterday is Sunday 03-01.
    assert_eq!(
        zh(
            &env,
            &[
                "add",
                "写作",
                "--from",
                "昨天",
                "9:00",
                "--for",
                "1小时30分"
            ]
        ),
        "已补记：写作（记录 1），3月1日 周日 09:00 起，共 1小时30分。\n"
    );
    // A tag before the flag, a full-width clock from a Chinese input method, and --to.
    assert_eq!(
        zh(
            &env,
            &[
                "add",
                "会议",
                "+周会",
                "--from",
                "前天 9:00",
                "--to",
                "前天",
                "１０：１５"
            ]
        ),
        "已补记：会议 +周会（记录 2），2月28日 周六 09:00 起，共 1小时15分。\n"
    );
    assert_eq!(
        env.ok(&["start", "coding", "--at", "today", "11:40"]),
        "Started coding at 11:40 (session 3).\n"
    );
    // Both flags bare: which clock followed which is unknown, so nothing is guessed.
    let before = env.db_bytes();
    let err = zh_fails(
        &env,
        &[
            "add", "写作", "--from", "昨天", "18:00", "--to", "昨天", "19:00",
        ],
        code::INVALID,
    );
    assert_eq!(
        err,
        "错误：多了一个词 \"18:00\"；标签要写成 +18:00，备注请放在 --note \"…\" 里\n"
    );
    assert_eq!(env.db_bytes(), before);
}
