//! The admin verbs in Chinese (issue 15): doctor, backup, import, export, paths and
//! the database and config errors, with hand-written expected lines, the
//! untranslated scan over whole outputs, the exit codes, and JSON byte-identical in
//! both languages.

use crate::env::TestEnv;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs with `--lang zh-CN`, asserts success and no English prose on stdout or
/// stderr (`allowed`: names the user's data brings, such as tags), returns stdout.
fn zh(env: &TestEnv, args: &[&str], allowed: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--lang", "zh-CN"]);
    let out = env.run(&all);
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(out.status.success(), "{args:?}: {stderr}");
    let found = otium::i18n::scan::untranslated(&format!("{stdout}{stderr}"), allowed);
    assert_eq!(found, Vec::<String>::new(), "English left in {args:?}");
    stdout
}

/// `--json` of `args` in English and in Chinese, which must be the same bytes.
fn same_json(env: &TestEnv, args: &[&str]) -> String {
    let run = |lang: &str| {
        let mut all = args.to_vec();
        all.extend(["--json", "--lang", lang]);
        let out = env.run(&all);
        assert!(out.status.success(), "{all:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let en = run("en");
    assert_eq!(en, run("zh-CN"), "{args:?} --json differs by language");
    en
}

fn with_sessions() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["add", "写作", "--from", "9:00", "--to", "10:30"]);
    env.ok(&["add", "编程", "--from", "11:00", "--to", "11:45"]);
    env
}

#[test]
fn doctor_speaks_chinese() {
    let env = with_sessions();
    let out = zh(&env, &["doctor"], &["quick_check", "wal", "full"]);
    let db = env.db().display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("数据库          {db}"));
    assert!(lines[4].starts_with("数据库结构版本  "), "{out}");
    for line in [
        "正常  完整性           quick_check：正常",
        "正常  外键             没有悬空的引用",
        "正常  正在计时         正在计时的记录：0 条",
        "正常  结束晚于开始     每条记录的结束时间都晚于开始时间",
        "正常  记录重叠         没有相互重叠的记录",
        "正常  日志模式         wal",
    ] {
        assert!(lines.contains(&line), "{line:?} in\n{out}");
    }
    // The test's config file is created 0644 by the harness or 0600: either way the
    // last line is one of the two verdicts.
    let last = *lines.last().unwrap();
    assert!(
        last == "全部检查通过。" || last == "没有发现问题（上面有 1 条注意事项）。",
        "{last}"
    );
    let json = same_json(&env, &["doctor"]);
    assert!(
        json.contains("\"detail\":\"no sessions overlap\""),
        "{json}"
    );
}

#[test]
fn doctor_problems_are_said_in_chinese_with_exit_6() {
    let env = with_sessions();
    // Two sessions that overlap, written past otium's own checks.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute(
        "UPDATE sessions SET end_utc = end_utc + 7200 WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let out = env.run(&["doctor", "--lang", "zh-CN"]);
    assert_eq!(out.status.code(), Some(6));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("出错  记录重叠         1 条记录与更早的记录重叠（编号 2）；用 `otium edit` 或 `otium rm` 改正\n"),
        "{stdout}"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "错误：doctor 发现 1 个问题：overlaps；报告里每一行都写了怎么处理\n"
    );
}

#[test]
fn backup_speaks_chinese() {
    let env = with_sessions();
    let target = env.dir.path().join("备份.db");
    let t = target.display().to_string();
    let out = zh(&env, &["backup", &t], &["KiB"]);
    let db = env.db().display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!("已把 {db} 备份到 {t}（")) && lines[0].ends_with(" KiB）。"),
        "{out}"
    );
    assert_eq!(
        lines[1],
        format!("恢复方法：退出 otium，把 {db} 及其 -wal/-shm 文件移到别处，再把备份复制为 {db}。")
    );
    assert!(target.exists());
}

#[test]
fn import_of_timewarrior_speaks_chinese() {
    let env = TestEnv::new();
    let file = fixture("timew-export.json");
    let tags = ["client", "call", "coding", "writing"];
    // Four intervals: 1h30 + 15m + 2h + 2h = 5h45m.
    let out = zh(&env, &["import", "timewarrior", &file, "--dry-run"], &tags);
    assert_eq!(
        out,
        format!(
            "试运行，什么也没写：将从 {file}（timewarrior 格式）导入 4 条记录（5小时45分）；共读取 4 条。\n\
             已更新：0 条。\n\
             已存在：0 条。\n\
             作为项目的标签：client call (1), coding (1), writing (1)（用 --project-tags LIST|first|none 选择）。\n\
             跳过：0 条。\n\
             记录按时区 Europe/Berlin 保存（你的时区；用 --tz 时区 可以更改）。\n"
        )
    );
    same_json(&env, &["import", "timewarrior", &file, "--dry-run"]);
    let out = zh(&env, &["import", "timewarrior", &file], &tags);
    assert!(
        out.starts_with(&format!(
            "已从 {file}（timewarrior 格式）导入 4 条记录（5小时45分）；共读取 4 条。\n"
        )),
        "{out}"
    );
    // Again: nothing new, all four already present.
    let out = zh(&env, &["import", "timewarrior", &file], &tags);
    assert!(out.contains("\n已存在：4 条。\n"), "{out}");
}

#[test]
fn import_of_watson_speaks_chinese() {
    let env = TestEnv::new();
    let file = fixture("watson-frames.json");
    let out = zh(&env, &["import", "watson", &file, "--dry-run"], &[]);
    assert!(out.starts_with("试运行，什么也没写：将从 "), "{out}");
    assert!(out.contains("（watson 格式）导入 "), "{out}");
    same_json(&env, &["import", "watson", &file, "--dry-run"]);
}

#[test]
fn export_is_the_same_in_both_languages_and_its_notes_are_chinese() {
    let env = with_sessions();
    let csv = |lang: &str| env.ok(&["export", "--lang", lang]);
    assert_eq!(
        csv("en"),
        csv("zh-CN"),
        "CSV never changes with the language"
    );
    let ics = |lang: &str| env.ok(&["export", "--format", "ics", "--lang", lang]);
    assert_eq!(ics("en"), ics("zh-CN"));
    same_json(&env, &["export"]);
    env.ok(&["start", "会议"]);
    let out = env.run(&["export", "--format", "toggl", "--lang", "zh-CN"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "提示：有 1 条正在计时的记录没有导出：Toggl 的 CSV 不收正在计时的条目；请在 `otium stop` 之后重新导出\n"
    );
}

#[test]
fn paths_speak_chinese() {
    let env = TestEnv::new();
    let out = zh(&env, &["paths"], &[]);
    let db = env.db().display().to_string();
    assert_eq!(
        out.lines().next().unwrap(),
        format!("数据库    {db}（尚未创建）")
    );
    same_json(&env, &["paths"]);
}

#[test]
fn database_and_config_errors_are_chinese_with_their_exit_codes() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.db().parent().unwrap()).unwrap();
    std::fs::write(
        env.db(),
        "not a database at all, just text, long enough to be read",
    )
    .unwrap();
    let before = std::fs::read(env.db()).unwrap();
    let db = env.db().display().to_string();
    assert_eq!(
        env.fails(&["status", "--lang", "zh-CN"], 6),
        format!("错误：{db} 不是 SQLite 数据库；请用 --db 指定另一个路径，或把这个文件移走\n")
    );
    assert_eq!(
        std::fs::read(env.db()).unwrap(),
        before,
        "the file is untouched"
    );

    let env = TestEnv::new();
    let config = env.dir.path().join("config.toml");
    std::fs::write(&config, "week_start = \"monday\"\nbogus = 1\n").unwrap();
    let err = env.fails(&["status", "--lang", "zh-CN"], 7);
    let path = config.display();
    assert!(
        err.starts_with(&format!(
            "错误：配置文件 {path} 第 2 行：没有 `bogus` 这个设置项，可用的有 `week_start`, "
        )),
        "{err}"
    );
    assert!(err.ends_with("；请改正或删掉这一行\n"), "{err}");
    // English stays as it was.
    let err = env.fails(&["status"], 7);
    assert!(
        err.starts_with(&format!(
            "error: config {path}: line 2: unknown field `bogus`, expected one of `week_start`, "
        )),
        "{err}"
    );

    let env = TestEnv::new();
    let missing = env.dir.path().join("没有.toml");
    let err = env.fails(
        &[
            "status",
            "--lang",
            "zh-CN",
            "--config",
            missing.to_str().unwrap(),
        ],
        7,
    );
    assert!(
        err.starts_with(&format!("错误：读不了配置文件 {}：", missing.display())),
        "{err}"
    );
    assert!(
        err.ends_with("；请改正 --config 或 OTIUM_CONFIG 给出的路径\n"),
        "{err}"
    );
}

#[test]
fn a_newer_schema_and_another_programs_database_are_refused_in_chinese() {
    let env = with_sessions();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let db = env.db().display().to_string();
    let err = env.fails(&["status", "--lang", "zh-CN"], 6);
    assert!(
        err.starts_with(&format!(
            "错误：{db} 的数据库结构版本是 99，比这个 otium 能读的（"
        )),
        "{err}"
    );
    assert!(err.ends_with("）更新；请升级 otium\n"), "{err}");

    let env = TestEnv::new();
    std::fs::create_dir_all(env.db().parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("CREATE TABLE songs (title TEXT)", []).unwrap();
    drop(conn);
    let db = env.db().display().to_string();
    assert_eq!(
        env.fails(&["status", "--lang", "zh-CN"], 6),
        format!("错误：{db} 是别的程序的 SQLite 数据库，不是 otium 的；请用 --db 指定另一个路径\n")
    );
}

/// A write to a read-only file (and a read of one a cut-short import left a hot
/// journal beside, `tests/crash.rs`) is refused with this line.
#[test]
fn a_read_only_database_is_refused_in_chinese() {
    use std::os::unix::fs::PermissionsExt;
    let env = with_sessions();
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o400)).unwrap();
    let db = env.db().display().to_string();
    let err = env.fails(&["start", "x", "--lang", "zh-CN"], 6);
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(
        err,
        format!(
            "错误：{db} 是只读文件；请把它改成可写（chmod u+w），或用 --db 指定一个可写的副本\n"
        )
    );
}

#[test]
fn backup_and_man_refusals_are_chinese_with_exit_3() {
    let env = with_sessions();
    let target = env.dir.path().join("已有.db");
    std::fs::write(&target, "keep me").unwrap();
    let t = target.display().to_string();
    assert_eq!(
        env.fails(&["backup", &t, "--lang", "zh-CN"], 3),
        format!("错误：{t} 已经存在；请换一个文件名，或先把旧文件移走\n")
    );
    assert_eq!(
        std::fs::read(&target).unwrap(),
        b"keep me",
        "left as it was"
    );
    assert_eq!(
        env.fails(&["man", "--dir", &t, "--lang", "zh-CN"], 3),
        format!("错误：--dir {t} 不是文件夹；请给一个放手册页的文件夹\n")
    );
    // And the same refusal in English, as before.
    assert_eq!(
        env.fails(&["backup", &t], 3),
        format!("error: {t} already exists; give another FILE or move the old one away\n")
    );
}

/// An export whose output has no room left (stdout is `/dev/full`): the error line is
/// Chinese around the OS's own words, exit 8; in English it reads as before.
#[test]
fn an_output_with_no_room_is_said_in_chinese() {
    let env = with_sessions();
    let run = |lang: &str| {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = env
            .std_cmd(&["export", "--format", "csv", "--lang", lang])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(8), "{lang}");
        String::from_utf8(out.stderr).unwrap()
    };
    let zh = run("zh-CN");
    assert!(
        zh.starts_with("错误：写入输出失败：")
            && zh.contains("；磁盘空间不足，请腾出一些空间（或换个地方写）后再试"),
        "{zh}"
    );
    let en = run("en");
    assert!(
        en.contains("cannot write the output: ")
            && en.contains("; free some space on the device (or write elsewhere) and try again"),
        "{en}"
    );
}
