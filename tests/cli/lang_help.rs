//! `--help` from the catalogue (issue 15): English exactly as before the catalogue
//! (a golden file made by the binary before help moved into `help.ftl`), Chinese
//! for otium and its verbs with hand-checked lines, and no English prose left.

use crate::env::TestEnv;

/// Every help the golden file holds, as `=== otium ARGS` followed by what the
/// binary printed (stdout and stderr) and `[exit N]`.
const GOLDEN: &str = include_str!("../fixtures/help-en.txt");

/// Runs `args` in the test's folder with the database and config given as the
/// relative `otium.db` and `config.toml`, as the golden file was made (the help
/// shows them, and their length decides where lines wrap).
fn help(env: &TestEnv, args: &[&str]) -> String {
    let out = env
        .std_cmd(args)
        .current_dir(env.dir.path())
        .env("OTIUM_DB", "otium.db")
        .env("OTIUM_CONFIG", "config.toml")
        .output()
        .unwrap();
    format!(
        "{}{}[exit {}]\n",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        out.status.code().unwrap_or(-1)
    )
}

#[test]
fn english_help_is_byte_for_byte_what_it_was() {
    let env = TestEnv::new();
    let mut checked = 0;
    for block in GOLDEN.split("=== otium ").filter(|b| !b.is_empty()) {
        let (header, want) = block.split_once('\n').unwrap();
        let args: Vec<&str> = header.split_whitespace().collect();
        assert_eq!(help(&env, &args), want, "otium {header}");
        checked += 1;
    }
    assert!(checked > 60, "every verb's help was compared ({checked})");
    // And with --lang en given, the same.
    let first = GOLDEN.split("=== otium ").nth(1).unwrap();
    let want = first.split_once('\n').unwrap().1;
    assert_eq!(help(&env, &["--help", "--lang", "en"]), want);
}

/// Names that stay as they are in the Chinese help: the value names clap shows in
/// `<…>` and the usage's `[OPTIONS]`, and names of programs and formats.
pub(crate) const PLACEHOLDERS: &[&str] = &[
    "OPTIONS",
    "COMMAND",
    "PATH",
    "LANG",
    "PROJECT",
    "TAGS",
    "NOTE",
    "TIME",
    "AMOUNT",
    "TEMPLATE",
    "ANSWER",
    "ID",
    "IDS",
    "DATE",
    "DURATION",
    "WEEK",
    "MONTH",
    "ZONE",
    "LIST",
    "ROUND_MODE",
    "FORMAT",
    "TEXT",
    "FILE",
    "NAME",
    "UNIT",
    "RATE",
    "CODE",
    "COUNTRY",
    "YEAR",
    "WEEKS",
    "DIR",
    "SHELL",
    "VERB",
    "N",
    "P",
    "TAG",
    "Www",
    "YYYY",
    "MM",
    "DD",
    "HH",
    "MMDD",
    "HHMMSS",
    "VISUAL",
    "EDITOR",
    "GNU",
    "Bash",
    "Zsh",
    "Elvish",
    "PowerShell",
    "Track",
    "API",
    "GET",
    "START",
    "END",
    "LC_ALL",
    "IANA",
    "CNY",
    "USA",
    "DEU",
    "CHN",
    "BOM",
    "LC_MESSAGES",
    "OTIUM_DB",
    "OTIUM_CONFIG",
    "OTIUM_LANG",
    "iCalendar",
    "YYYYMMDD",
    "T",
    "sync",
    "init",
];

fn zh(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["--lang", "zh-CN"];
    all.extend_from_slice(args);
    let out = env.ok(&all);
    let found = otium::i18n::scan::untranslated(&out, PLACEHOLDERS);
    assert_eq!(
        found,
        Vec::<String>::new(),
        "English left in otium {args:?}"
    );
    out
}

#[test]
fn otium_help_speaks_chinese() {
    let env = TestEnv::new();
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = zh(&env, args);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "在终端里记工时的工具，并告诉你：劳动生产率的提高本可以换来多少闲暇"
        );
        assert_eq!(lines[2], "用法：otium [OPTIONS] [COMMAND]");
        assert_eq!(lines[4], "命令:");
        assert!(out.contains("\n  start        现在开始计时（或用 --at 从过去某个时间开始）；正在计时的记录会先停止\n"), "{out}");
        assert!(
            out.contains("\n  help         显示本说明，或某个命令的帮助\n"),
            "{out}"
        );
        assert!(out.contains("\n全局选项:\n"), "{out}");
        assert!(out.contains("\n选项:\n"), "{out}");
        assert!(
            !out.contains("Usage") && !out.contains("Print help"),
            "{out}"
        );
    }
    let long = zh(&env, &["--help"]);
    assert!(
        long.contains("\n  -h, --help\n          显示帮助（-h 看简要说明）\n"),
        "{long}"
    );
    assert!(
        long.contains("\n          - zh-CN：简体中文（中国大陆）\n"),
        "{long}"
    );
    let short = zh(&env, &["-h"]);
    assert!(short.contains("[可选值：en、zh-CN]"), "{short}");
    assert!(short.contains("  -V, --version  显示版本\n"), "{short}");
}

#[test]
fn verb_help_speaks_chinese() {
    let env = TestEnv::new();
    let report = zh(&env, &["report", "-h"]);
    for line in [
        "某段时间的合计，可分组，输出为表格、Markdown、CSV、JSON 或 HTML",
        "用法：otium report [OPTIONS]",
        "      --today                    今天",
        "      --last-week                上周",
        "      --round-mode <ROUND_MODE>  --round 朝哪个方向取整 [可选值：up、nearest、down] [默认：up]",
        "  -h, --help                     显示帮助（--help 看完整说明）",
    ] {
        assert!(report.lines().any(|l| l == line), "{line:?} in\n{report}");
    }
    // `otium help VERB` and `otium VERB --help` print the same long help.
    let import = zh(&env, &["help", "import"]);
    assert_eq!(import, zh(&env, &["import", "--help"]));
    for line in [
        "用法：otium import [OPTIONS] <FORMAT> <FILE>",
        "参数:",
        "          源文件的格式",
        "          可选值：",
        "          - watson：Watson 的 frames 文件（~/.config/watson/frames）",
        "          接受超过 7 天的记录",
    ] {
        assert!(import.lines().any(|l| l == line), "{line:?} in\n{import}");
    }
    // The arguments come in the order they are typed.
    assert!(import.find("  <FORMAT>\n").unwrap() < import.find("  <FILE>\n").unwrap());
    let init = zh(&env, &["sync", "init", "-h"]);
    assert!(
        init.starts_with("把这个数据库加入同步文件夹 DIR 成为其中一台设备"),
        "{init}"
    );
}

#[test]
fn every_verb_has_chinese_help() {
    let env = TestEnv::new();
    let verbs: Vec<String> = GOLDEN
        .lines()
        .filter_map(|l| l.strip_prefix("=== otium help "))
        .filter(|v| *v != "help" && !v.ends_with(" help") && !v.starts_with('-'))
        .map(str::to_string)
        .collect();
    assert!(verbs.len() > 30);
    for verb in &verbs {
        let args: Vec<&str> = verb.split_whitespace().collect();
        let mut long = vec!["help"];
        long.extend(&args);
        zh(&env, &long);
        if !args.contains(&"help") && !args.is_empty() {
            let mut short = args.clone();
            short.push("-h");
            zh(&env, &short);
        }
    }
}

#[test]
fn the_help_language_follows_the_config_and_the_locale() {
    let env = TestEnv::new();
    std::fs::write(env.dir.path().join("config.toml"), "language = \"zh-CN\"\n").unwrap();
    let out = env.ok(&["stop", "--help"]);
    assert!(out.starts_with("停止正在计时的记录\n"), "{out}");
    // The flag wins over the config.
    let out = env.ok(&["stop", "--help", "--lang=en"]);
    assert!(out.starts_with("Stop the running session\n"), "{out}");
    std::fs::write(env.dir.path().join("config.toml"), "").unwrap();
    let out = env
        .std_cmd(&["-h"])
        .env("LANG", "zh_TW.UTF-8")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("用法：otium")
    );
}

#[test]
fn usage_errors_speak_chinese_with_exit_2() {
    let env = TestEnv::new();
    let cases: [(&[&str], &str); 4] = [
        (
            &["strat"],
            "错误：没有 'strat' 这个命令（是不是想写 'status' 或 'start'？）；见 `otium --help`\n",
        ),
        (
            &["log", "--today", "--yesterday"],
            "错误：参数 '--today' 不能和 '--yesterday' 一起用；见 `otium log --help`\n",
        ),
        (
            &["report", "--lastweek"],
            "错误：没有 '--lastweek' 这个参数（是不是想写 '--last-week'？）；见 `otium report --help`\n",
        ),
        (
            &["import"],
            "错误：缺少必需的参数：<FORMAT>, <FILE>；见 `otium import --help`\n",
        ),
    ];
    for (args, want) in cases {
        let mut all = args.to_vec();
        all.extend(["--lang", "zh-CN"]);
        assert_eq!(env.fails(&all, 2), want, "{args:?}");
        // English as before, and JSON English in both languages.
        let en = env.fails(args, 2);
        assert!(en.starts_with("error: "), "{en}");
        let mut json = args.to_vec();
        json.push("--json");
        let en_json = env.fails(&json, 2);
        json.extend(["--lang", "zh-CN"]);
        assert_eq!(env.fails(&json, 2), en_json);
    }
}
