//! The whole product in Chinese (issue 15): on one Chinese database (a week of 写作
//! and 编程 in Asia/Shanghai, a project with a unit, `limits = "cn"`, targets, a
//! sync folder with a stray file and a truncated segment), every verb's human
//! output and a set of its errors under `--lang zh-CN`, each scanned for English
//! left over (stdout and stderr together), with the documented exit codes.
//!
//! Verbs covered: start, stop, status, notify, away, cancel, continue, add, log,
//! edit, rm, undo, redo, report (table, Markdown, HTML), export, import, project,
//! output, dividend, projects, tags, balance, limits, doctor, backup, sync (init,
//! sync, status), paths, help. `completions` (a shell script) and `man` (roff pages,
//! English on purpose) are run but are machine text, not scanned. The list is
//! checked against clap's verbs, so a new verb fails here until it is swept.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::env::TestEnv;

/// The verbs that print machine text (a shell script, roff pages), run but not scanned.
const MACHINE_TEXT: [&str; 2] = ["completions", "man"];

/// The cited paper, the data licence and codes, which keep their own words in
/// Chinese text.
const CITED: &[&str] = &[
    "Feenstra",
    "Inklaar",
    "Timmer",
    "The",
    "the",
    "Next",
    "Generation",
    "of",
    "American",
    "Economic",
    "Review",
    "CC",
    "BY",
    // A country's code and the dividend's ratio symbol (`R = 2.21`).
    "USA",
    "R",
];

/// One sweep: the database, what ran, and the names its data brings.
struct Sweep {
    env: TestEnv,
    ran: BTreeSet<String>,
}

impl Sweep {
    /// Runs `args` in Chinese, expects exit `code`, scans stdout and stderr for
    /// English, and returns stdout then stderr.
    fn run(&mut self, args: &[&str], code: i32) -> (String, String) {
        // The flag first: `help` takes verbs after it.
        let all = [&["--lang", "zh-CN"], args].concat();
        let out = self.env.run(&all);
        let (stdout, stderr) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert_eq!(
            out.status.code(),
            Some(code),
            "otium {args:?}: {stdout}{stderr}"
        );
        // `Asia/Shanghai` and the like are paths to the scan; `--` flags are code.
        // `--help` names its values in capitals (`<PATH>`), as clap does in every language.
        let allowed = [CITED, crate::lang_help::PLACEHOLDERS].concat();
        let found = otium::i18n::scan::untranslated(&format!("{stdout}{stderr}"), &allowed);
        assert_eq!(
            found,
            Vec::<String>::new(),
            "English left in otium {args:?}"
        );
        self.ran.insert(args[0].to_string());
        (stdout, stderr)
    }

    fn ok(&mut self, args: &[&str]) -> String {
        self.run(args, 0).0
    }

    /// An error: nothing on stdout, one line on stderr, exit `code`.
    fn fails(&mut self, args: &[&str], code: i32) -> String {
        let (stdout, stderr) = self.run(args, code);
        assert_eq!(stdout, "", "otium {args:?}");
        assert_eq!(stderr.lines().count(), 1, "otium {args:?}: {stderr}");
        assert!(stderr.starts_with("错误："), "otium {args:?}: {stderr}");
        stderr
    }
}

/// The sync folder's files of `device` (its folder under `otium-sync/v1`).
fn device_dir(folder: &Path, segment_with: &str) -> (PathBuf, String) {
    for dev in fs::read_dir(folder.join("otium-sync").join("v1")).unwrap() {
        let dev = dev.unwrap().path();
        for f in fs::read_dir(&dev).unwrap() {
            let f = f.unwrap().path();
            let text = fs::read_to_string(&f).unwrap_or_default();
            if f.extension().is_some_and(|e| e == "jsonl") && text.contains(segment_with) {
                return (dev, text);
            }
        }
    }
    panic!("no segment with {segment_with}");
}

/// A Chinese week: Monday 2026-03-02 to Friday 2026-03-06 in Shanghai, now Friday
/// 18:00, with long days that break the PRC limits.
fn chinese_week() -> (Sweep, tempfile::TempDir) {
    let env = TestEnv::at("Asia/Shanghai", "2026-03-06T18:00:00+08:00");
    fs::write(
        env.dir.path().join("config.toml"),
        "limits = \"cn\"\nweekly_target_hours = 40\n[targets]\nsat = 0\nsun = 0\n",
    )
    .unwrap();
    let mut s = Sweep {
        env,
        ran: BTreeSet::new(),
    };
    for day in ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"] {
        let (from, to) = (format!("{day} 08:00"), format!("{day} 12:00"));
        s.ok(&["add", "写作", "--from", &from, "--to", &to, "+初稿"]);
        let (from, to) = (format!("{day} 13:00"), format!("{day} 20:30"));
        s.ok(&["add", "编程", "--from", &from, "--to", &to]);
    }
    s.ok(&["project", "写作", "--unit", "页"]);
    s.ok(&[
        "output",
        "12",
        "--project",
        "写作",
        "--at",
        "2026-03-05 20:00",
    ]);
    // A second device writes to the shared folder; one of its files is then cut
    // short and a stray file appears beside it.
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().display().to_string();
    s.ok(&["sync", "init", &dir, "--name", "笔记本"]);
    let peer = TestEnv::at("Asia/Shanghai", "2026-03-06T18:00:00+08:00");
    peer.ok(&["sync", "init", &dir, "--name", "台式机"]);
    peer.ok(&["add", "会议", "--from", "09:00", "--to", "10:00"]);
    peer.ok(&["sync"]);
    let (peer_dir, line) = device_dir(folder.path(), "会议");
    fs::write(peer_dir.join("笔记.txt"), "x").unwrap();
    let next = line.replace("\"seq\":1,", "\"seq\":2,");
    fs::write(
        peer_dir.join("000000002-000000002.jsonl"),
        &next[..next.len() / 2],
    )
    .unwrap();
    (s, folder)
}

#[test]
fn every_verb_and_its_errors_speak_chinese() {
    let (mut s, _folder) = chinese_week();
    let files = tempfile::tempdir().unwrap();
    let file = |name: &str| files.path().join(name).display().to_string();

    // Capture: start, stop, status, away, cancel, continue, edit, rm, undo, redo.
    s.ok(&["start", "写作", "--at", "17:00"]);
    let status = s.ok(&["status"]);
    assert!(status.starts_with("正在计时：写作"), "{status}");
    // The week's limit alerts: four days of 11.5 h break the 8 h of article 36.
    assert!(
        status.contains("注意：每日工时不超过 8小时（《中华人民共和国劳动法》第三十六条）"),
        "{status}"
    );
    s.ok(&["notify"]);
    s.fails(&["away", "keep"], 5);
    s.ok(&["stop"]);
    s.fails(&["stop"], 5);
    s.ok(&["continue"]);
    s.ok(&["cancel"]);
    s.fails(&["cancel"], 5);
    s.ok(&["status"]);
    s.fails(&["start", "写作", "--at", "胡说八道"], 3);
    s.fails(&["add", "写作", "--from", "10:00", "--to", "9:00"], 3);
    s.ok(&["log", "--week"]);
    s.ok(&["edit", "1", "--note", "第一章"]);
    s.fails(&["edit", "999", "--note", "x"], 4);
    s.ok(&["rm", "2"]);
    s.fails(&["rm", "999"], 4);
    s.ok(&["undo"]);
    s.ok(&["undo", "--list"]);
    s.ok(&["redo"]);
    s.ok(&["undo"]);
    s.ok(&["projects"]);
    s.ok(&["tags"]);
    s.fails(&["output", "3", "--project", "编程"], 3);

    // Reports, limits, balance, the dividend.
    s.ok(&["report", "--week"]);
    s.ok(&["report", "--week", "--format", "md"]);
    s.ok(&[
        "report",
        "--week",
        "--format",
        "html",
        "-o",
        &file("周报.html"),
    ]);
    let html = fs::read_to_string(files.path().join("周报.html")).unwrap();
    // The page's words: the text between tags, after the style sheet.
    let page = html.split("</style>").last().unwrap();
    let body = page
        .split('<')
        .filter_map(|tag| tag.split_once('>').map(|(_, text)| text))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        otium::i18n::scan::untranslated(&body, CITED),
        Vec::<String>::new()
    );
    s.fails(&["report", "--from", "2026-03-09", "--to", "2026-03-02"], 3);
    let limits = s.ok(&["limits", "--week"]);
    assert!(limits.contains("第三十六条"), "{limits}");
    s.ok(&["balance"]);
    s.ok(&["dividend"]);
    s.ok(&["dividend", "--project", "写作"]);
    s.fails(&["dividend", "--country", "xyz"], 3);

    // Export, import (and an import file with a bad line), backup, doctor, paths.
    s.ok(&["export", "--all", "-o", &file("导出.csv")]);
    s.ok(&["import", "csv", &file("导出.csv")]);
    fs::write(
        files.path().join("坏.timeclock"),
        "i 2026/03/02 胡说 写作\n",
    )
    .unwrap();
    s.fails(&["import", "timeclock", &file("坏.timeclock")], 3);
    s.ok(&["backup", &file("备份.db")]);
    s.fails(&["backup", &file("备份.db")], 3);
    let doctor = s.run(&["doctor"], 0).0;
    assert!(doctor.contains("笔记.txt"), "{doctor}");
    s.ok(&["paths"]);

    // Sync: the stray file and the truncated segment are named, in Chinese.
    let (sync, _) = s.run(&["sync"], 0);
    assert!(sync.contains("不完整"), "{sync}");
    let status = s.ok(&["sync", "status"]);
    assert!(status.contains("不是分段文件"), "{status}");
    assert!(status.contains("不完整"), "{status}");

    // Help, and the usage errors clap finds.
    s.ok(&["help"]);
    s.ok(&["help", "report"]);
    let usage = s.run(&["report", "--bogus"], 2).1;
    assert!(usage.starts_with("错误："), "{usage}");

    // Machine text: run, not scanned.
    for verb in MACHINE_TEXT {
        let args: &[&str] = if verb == "man" {
            &["man"]
        } else {
            &["completions", "bash"]
        };
        let out = s.env.run(&[args, &["--lang", "zh-CN"]].concat());
        assert!(out.status.success(), "{verb}");
        s.ran.insert(verb.to_string());
    }

    // Every verb clap knows was swept.
    let verbs: BTreeSet<String> = otium::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .chain(["help".to_string()])
        .collect();
    let missing: Vec<&String> = verbs.difference(&s.ran).collect();
    assert!(missing.is_empty(), "verbs not swept: {missing:?}");
}

#[test]
fn a_config_out_of_range_and_a_bad_tz_are_said_in_chinese() {
    let env = TestEnv::at("Asia/Shanghai", "2026-03-06T18:00:00+08:00");
    fs::write(
        env.dir.path().join("config.toml"),
        "max_session_hours = 200\n",
    )
    .unwrap();
    let err = env.fails(&["status", "--lang", "zh-CN"], 7);
    let config = env.dir.path().join("config.toml").display().to_string();
    assert_eq!(
        err,
        format!(
            "错误：配置文件 {config}：max_session_hours = 200 须大于 0 且不超过 168 小时；请改正或删掉这一行\n"
        )
    );
    // English as it always was.
    let err = env.fails(&["status"], 7);
    assert_eq!(
        err,
        format!(
            "error: config {config}: max_session_hours = 200 must be more than 0 and at most 168 hours; fix or remove that line\n"
        )
    );
    fs::write(env.dir.path().join("config.toml"), "[limits]\nfoo = 1\n").unwrap();
    let err = env.fails(&["status", "--lang", "zh-CN"], 7);
    assert!(
        err.starts_with(&format!(
            "错误：配置文件 {config} 第 2 行：[limits] 表中没有 `foo` 这个设置项"
        )),
        "{err}"
    );
    let err = env.fails(&["status"], 7);
    assert!(
        err.starts_with(&format!(
            "error: config {config}: line 2: limits: unknown field `foo`"
        )),
        "{err}"
    );
    // A TZ that names no zone: the note in Chinese.
    fs::write(env.dir.path().join("config.toml"), "").unwrap();
    let out = env
        .cmd(&["status", "--lang", "zh-CN"])
        .env_remove("OTIUM_TZ")
        .env("TZ", "Mars/Olympus")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("提示：TZ=\"Mars/Olympus\" 不是 IANA 时区名；改用"),
        "{stderr}"
    );
}

#[test]
fn json_of_the_swept_verbs_is_the_same_in_both_languages() {
    let (s, _folder) = chinese_week();
    s.env.ok(&["start", "写作", "--at", "17:00"]);
    // Once first, so each language's run finds the same folder (a sync writes).
    s.env.ok(&["sync"]);
    for args in [
        &["status"][..],
        &["sync", "status"],
        &["sync"],
        &["doctor"],
        &["limits", "--week"],
    ] {
        let run = |lang: &str| {
            let all = [args, &["--json", "--lang", lang]].concat();
            let out = s.env.run(&all);
            (out.status.code(), out.stdout, out.stderr)
        };
        assert_eq!(run("en"), run("zh-CN"), "otium {args:?} --json");
    }
    // A refused import: the JSON error stays English.
    let bad = s.env.dir.path().join("坏.timeclock");
    fs::write(&bad, "i 2026/03/02 胡说 写作\n").unwrap();
    let bad = bad.display().to_string();
    let run = |lang: &str| {
        let out = s
            .env
            .run(&["import", "timeclock", &bad, "--json", "--lang", lang]);
        (out.status.code(), out.stderr)
    };
    let (code, stderr) = run("en");
    assert_eq!(code, Some(3));
    assert!(
        String::from_utf8_lossy(&stderr).contains("is not a time like 09:00"),
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    assert_eq!(run("zh-CN"), (code, stderr));
}

#[test]
fn an_import_error_is_said_in_chinese_at_its_place() {
    let env = TestEnv::at("Asia/Shanghai", "2026-03-06T18:00:00+08:00");
    let bad = env.dir.path().join("坏.timeclock");
    fs::write(&bad, "i 2026/03/02 09:00 写作\no 2026/03/02 08:00\n").unwrap();
    let bad = bad.display().to_string();
    let err = env.fails(&["--lang", "zh-CN", "import", "timeclock", &bad], 3);
    assert_eq!(
        err,
        format!(
            "错误：{bad}:1:1：这条记录的结束早于开始（2026-03-02 09:00 到 2026-03-02 08:00，Asia/Shanghai）；请在源文件里改正时间\n"
        )
    );
    let err = env.fails(&["import", "timeclock", &bad], 3);
    assert_eq!(
        err,
        format!(
            "error: {bad}:1:1: the session ends before it starts (2026-03-02 09:00 to 2026-03-02 08:00 Asia/Shanghai); fix the times in the source\n"
        )
    ); // A Timewarrior line, and a folder without data files.
    let data = env.dir.path().join("2026-03.data");
    fs::write(&data, "inc 20260302T0900 - 20260302T100000Z # 写作\n").unwrap();
    let data = data.display().to_string();
    assert_eq!(
        env.fails(&["--lang", "zh-CN", "import", "timewarrior", &data], 3),
        format!(
            "错误：{data}:1:5：\"20260302T0900\" 不是 Timewarrior 的时间，应写成 20240101T090000Z 这样\n"
        )
    );
    let empty = tempfile::tempdir().unwrap();
    let err = env.fails(
        &[
            "--lang",
            "zh-CN",
            "import",
            "timewarrior",
            &empty.path().display().to_string(),
        ],
        3,
    );
    assert!(err.contains("里没有 YYYY-MM.data 文件"), "{err}");
    assert_eq!(
        otium::i18n::scan::untranslated(&err, &[]),
        Vec::<String>::new()
    );
}

#[test]
fn status_asks_about_away_time_in_chinese() {
    let env = TestEnv::at("Asia/Shanghai", "2026-03-06T18:00:00+08:00");
    env.ok(&["start", "写作", "--at", "15:00"]);
    let shanghai = chrono_tz::Asia::Shanghai;
    let at = |h: u32, m: u32| {
        use chrono::TimeZone;
        shanghai
            .with_ymd_and_hms(2026, 3, 6, h, m, 0)
            .unwrap()
            .to_utc()
    };
    let mut t = otium::Tracker::open(
        &env.db(),
        otium::config::Config::default(),
        otium::time::Clock::Fixed(at(18, 0)),
        shanghai,
    )
    .unwrap();
    assert!(t.record_away(at(16, 2), at(17, 22)).unwrap().is_some());
    drop(t);
    let status = env.ok(&["--lang", "zh-CN", "status"]);
    assert!(
        status.ends_with(
            "你离开了 16:02–17:22（1小时20分）。这段时间是保留、从记录中剔除（拆成两条），还是在 16:02 停止计时？用 `otium away keep`、`otium away cut` 或 `otium away stop` 回答。\n"
        ),
        "{status}"
    );
    assert_eq!(
        otium::i18n::scan::untranslated(&status, &[]),
        Vec::<String>::new()
    );
}
