//! The language of human text (issue 15): `--lang`, `OTIUM_LANG`, the config's
//! `language` and the locale, in that order; `status`, the error line and the hints
//! in both languages; JSON the same in both. Expected texts are written by hand.

use crate::env::{TestEnv, code};

/// Berlin, Monday 2026-03-02 12:00; a session of 写作 running since 09:25.
fn running() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["start", "写作", "--at", "9:25"]);
    env
}

fn stdout_with(env: &TestEnv, vars: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = env.std_cmd(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const ZH_RUNNING: &str = "正在计时：写作\n从 3月2日 周一 09:25 开始（记录 1），已计 2小时35分。\n";
const EN_RUNNING: &str = "Running: 写作\nSince Mon 2026-03-02 09:25 (session 1), 2h 35m so far.\n";

#[test]
fn status_speaks_chinese_and_english() {
    let env = running();
    assert_eq!(env.ok(&["status", "--lang", "zh-CN"]), ZH_RUNNING);
    assert_eq!(env.ok(&["status", "--lang", "en"]), EN_RUNNING);
    assert_eq!(env.ok(&["status"]), EN_RUNNING, "English by default");
    env.ok(&["stop", "--at", "11:30"]);
    assert_eq!(
        env.ok(&["status", "--lang", "zh-CN"]),
        "当前没有在计时。\n上一条：写作（记录 1），3月2日 周一 09:25–11:30。\n"
    );
    let fresh = TestEnv::new();
    fresh.create_db();
    assert_eq!(
        fresh.ok(&["status", "--lang", "zh-CN"]),
        "当前没有在计时，也还没有任何记录。用 `otium start 项目` 开始第一条。\n"
    );
}

#[test]
fn a_forgotten_timer_is_flagged_in_chinese_and_json_stays_english() {
    let env = running();
    std::fs::write(
        env.dir.path().join("config.toml"),
        "max_session_hours = 2\n",
    )
    .unwrap();
    let zh = env.ok(&["status", "--lang", "zh-CN"]);
    assert_eq!(
        zh,
        format!(
            "{ZH_RUNNING}注意：记录 1 已经计了 2小时35分，超过了 max_session_hours = 2；如果是忘了停：otium stop --at 时间（例如 \"17:30\" 或 \"2小时前\"）\n"
        )
    );
    let json = env.json(&["status", "--lang", "zh-CN"]);
    assert_eq!(
        json["warnings"][0],
        "session 1 has run for 2h 35m, longer than max_session_hours = 2; if you forgot to stop it: otium stop --at TIME (e.g. \"17:30\" or \"2h ago\")"
    );
}

#[test]
fn the_language_comes_from_flag_then_otium_lang_then_config_then_locale() {
    let env = running();
    let zh = |vars: &[(&str, &str)], args: &[&str]| stdout_with(&env, vars, args) == ZH_RUNNING;
    assert!(zh(&[("LANG", "zh_CN.UTF-8")], &["status"]));
    assert!(zh(
        &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
        &["status"]
    ));
    // Traditional Chinese locales fall back to the Simplified catalogue.
    assert!(zh(&[("LANG", "zh_TW.UTF-8")], &["status"]));
    assert!(zh(&[("LANG", "zh_HK.UTF-8")], &["status"]));
    // LC_ALL decides over LANG, even for a language otium lacks.
    assert!(!zh(
        &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "zh_CN.UTF-8")],
        &["status"]
    ));
    assert!(!zh(&[("LANG", "C")], &["status"]));
    assert!(zh(
        &[("OTIUM_LANG", "zh-CN"), ("LANG", "en_US.UTF-8")],
        &["status"]
    ));
    assert!(!zh(
        &[("OTIUM_LANG", "en"), ("LANG", "zh_CN.UTF-8")],
        &["status"]
    ));
    assert!(!zh(&[("OTIUM_LANG", "zh-CN")], &["status", "--lang", "en"]));
    std::fs::write(env.dir.path().join("config.toml"), "language = \"zh-CN\"\n").unwrap();
    assert!(
        zh(&[("LANG", "en_US.UTF-8")], &["status"]),
        "the config beats the locale"
    );
    assert!(
        !zh(&[("OTIUM_LANG", "en")], &["status"]),
        "OTIUM_LANG beats the config"
    );
    assert!(
        !zh(&[], &["status", "--lang", "en"]),
        "the flag beats the config"
    );
}

#[test]
fn an_unknown_language_names_the_accepted_ones() {
    let env = running();
    let err = env.fails(&["status", "--lang", "fr"], code::USAGE);
    assert!(err.contains("[possible values: en, zh-CN]"), "{err}");
    let out = env
        .std_cmd(&["status"])
        .env("OTIUM_LANG", "fr")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(code::CONFIG));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: unknown language \"fr\"; use one of en, zh-CN\n"
    );
    std::fs::write(env.dir.path().join("config.toml"), "language = \"zh-TW\"\n").unwrap();
    let err = env.fails(&["status"], code::CONFIG);
    assert!(
        err.contains("line 1: unknown language \"zh-TW\"; use one of en, zh-CN"),
        "{err}"
    );
}

#[test]
fn the_error_line_and_its_hint_in_both_languages() {
    let env = TestEnv::new();
    env.create_db();
    assert_eq!(
        env.fails(&["stop", "--lang", "zh-CN"], code::CONFLICT),
        "错误：当前没有在计时；用 `otium start 项目` 开始计时\n"
    );
    assert_eq!(
        env.fails(&["stop"], code::CONFLICT),
        "error: nothing is running; start a session with `otium start PROJECT`\n"
    );
    // The JSON error is for scripts: the same in both languages.
    let zh = env.run(&["stop", "--json", "--lang", "zh-CN"]);
    let en = env.run(&["stop", "--json", "--lang", "en"]);
    assert_eq!(zh.stderr, en.stderr);
    assert_eq!(zh.status.code(), Some(code::CONFLICT));
}

#[test]
fn a_nonsense_time_is_refused_in_chinese_and_nothing_is_written() {
    let env = TestEnv::new();
    env.create_db();
    let before = env.db_bytes();
    assert_eq!(
        env.fails(
            &["start", "写作", "--at", "胡说八道", "--lang", "zh-CN"],
            code::INVALID
        ),
        "错误：看不懂时间 \"胡说八道\"；可以写 HH:MM、YYYY-MM-DD HH:MM、今天 9:30、昨天 14:00、前天 18:00、15分钟前，或 RFC 3339\n"
    );
    assert_eq!(
        env.fails(&["start", "写作", "--at", "胡说八道"], code::INVALID),
        "error: cannot read \"胡说八道\" as a time; use HH:MM, YYYY-MM-DD HH:MM, yesterday HH:MM, 15m ago or RFC 3339\n"
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn chinese_times_and_durations_on_the_command_line() {
    let env = TestEnv::new();
    // Now is Monday 2026-03-02 12:00 in Berlin (UTC+1): 前天 is 28 February.
    env.ok(&[
        "add",
        "会议",
        "--from",
        "前天 14:00",
        "--for",
        "1小时30分钟",
    ]);
    env.ok(&["add", "编程", "--from", "昨天 ９：３０", "--for", "1.5小时"]);
    env.ok(&["start", "写作", "--at", "10分钟前"]);
    let log = env.json(&["log", "--all"]);
    let spans: Vec<(String, String, String)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["project"].as_str().unwrap().to_string(),
                s["start"].as_str().unwrap().to_string(),
                s["end"].as_str().unwrap_or("running").to_string(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (
                "会议".into(),
                "2026-02-28T14:00:00+01:00".into(),
                "2026-02-28T15:30:00+01:00".into()
            ),
            (
                "编程".into(),
                "2026-03-01T09:30:00+01:00".into(),
                "2026-03-01T11:00:00+01:00".into()
            ),
            (
                "写作".into(),
                "2026-03-02T11:50:00+01:00".into(),
                "running".into()
            ),
        ]
    );
}

#[test]
fn json_answers_are_byte_identical_in_both_languages() {
    let env = TestEnv::new();
    std::fs::write(
        env.dir.path().join("config.toml"),
        "max_session_hours = 1\n",
    )
    .unwrap();
    env.ok(&[
        "add",
        "编程",
        "--from",
        "昨天 9:00",
        "--to",
        "昨天 12:15",
        "+deep",
        "-n",
        "重构",
    ]);
    env.ok(&["start", "写作", "--at", "9:25"]);
    for args in [
        &["status", "--json"][..],
        &["log", "--all", "--json"],
        &["log", "--week", "--json"],
    ] {
        let zh = env.run(&[args, &["--lang", "zh-CN"]].concat());
        let en = env.run(&[args, &["--lang", "en"]].concat());
        assert!(zh.status.success() && en.status.success(), "{args:?}");
        assert!(!zh.stdout.is_empty());
        assert_eq!(zh.stdout, en.stdout, "{args:?}");
        assert_eq!(zh.stderr, en.stderr, "{args:?}");
    }
}

#[test]
fn help_lists_lang_among_the_global_options() {
    let help = TestEnv::new().ok(&["--help"]);
    let global = help.split("Global options:").nth(1).unwrap();
    assert!(global.contains("--lang <LANG>"), "{help}");
    assert!(global.contains("OTIUM_LANG"), "{help}");
}
