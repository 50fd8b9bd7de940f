//! The per-line errors of the peer importers in Chinese (issue 15): for each format,
//! a broken file imported under `--lang zh-CN` fails with the documented exit code,
//! says where and what in Chinese, leaves no English sentence, and writes nothing.

use std::fs;

use crate::env::TestEnv;

/// A Chinese database with one session in it.
fn env() -> TestEnv {
    let env = TestEnv::at("Asia/Shanghai", "2026-03-06T18:00:00+08:00");
    env.ok(&[
        "add",
        "写作",
        "--from",
        "2026-03-02 09:00",
        "--to",
        "2026-03-02 10:00",
    ]);
    env
}

/// Imports `body` (written to `name`) as `format` in Chinese; expects exit 3, the
/// error line `expected` (with `{file}` standing for the path), no English, and
/// the database unchanged.
fn refused(env: &TestEnv, format: &str, name: &str, body: &str, expected: &str) {
    let path = env.dir.path().join(name);
    fs::write(&path, body).unwrap();
    let path = path.display().to_string();
    let before = env.db_bytes();
    let err = env.fails(&["--lang", "zh-CN", "import", format, &path], 3);
    assert_eq!(err, expected.replace("{file}", &path), "{format}");
    assert_eq!(
        otium::i18n::scan::untranslated(&err, &[]),
        Vec::<String>::new(),
        "{format}"
    );
    assert_eq!(env.db_bytes(), before, "{format}: the database changed");
}

#[test]
fn bartib_errors_are_chinese() {
    let env = env();
    refused(
        &env,
        "bartib",
        "坏.bartib",
        "2026-03-03 09:00 - 2026-03-03 10:00 | 写作 | 初稿\n胡说八道\n",
        "错误：{file}:2:1：这里应是 `YYYY-MM-DD HH:MM - YYYY-MM-DD HH:MM | 项目 | 说明`（bartib 的一行）；是不是选错了文件？\n",
    );
    refused(
        &env,
        "bartib",
        "坏时间.bartib",
        "2026-03-03 9点 - 2026-03-03 10:00 | 写作 | 初稿\n",
        "错误：{file}:1:1：\"2026-03-03 9点\" 不是时间，应写成 2024-01-15 09:00 这样\n",
    );
}

const TOGGL_HEADER: &str =
    "User,Email,Project,Description,Start date,Start time,End date,End time,Duration,Tags\n";

#[test]
fn toggl_csv_errors_are_chinese() {
    let env = env();
    refused(
        &env,
        "toggl",
        "缺列.csv",
        "Project,Description,Start date\n写作,初稿,2026-03-03\n",
        "错误：{file}:1:1：列不对：缺少 `Start time, End date, End time, Tags`；这里应是 Toggl 的详细 CSV 导出，含 `Project, Description, Start date, Start time, End date, End time, Tags` 这些列\n",
    );
    refused(
        &env,
        "toggl",
        "坏开始.csv",
        &format!(
            "{TOGGL_HEADER}张三,z@example.com,写作,初稿,2026-03-03,9点,2026-03-03,10:00:00,01:00:00,\n"
        ),
        "错误：{file}:2:5：开始 \"2026-03-03\" \"9点\" 不是日期时间，应写成 2024-01-15 09:00:00 这样\n",
    );
    refused(
        &env,
        "toggl",
        "坏结束.csv",
        &format!(
            "{TOGGL_HEADER}张三,z@example.com,写作,初稿,2026-03-03,09:00:00,三月三日,10:00:00,01:00:00,\n"
        ),
        "错误：{file}:2:7：结束 \"三月三日\" \"10:00:00\" 不是日期时间，应写成 2024-01-15 09:00:00 这样\n",
    );
    refused(
        &env,
        "toggl",
        "坏时长.csv",
        &format!(
            "{TOGGL_HEADER}张三,z@example.com,写作,初稿,2026-03-03,09:00:00,2026-03-03,10:00:00,一小时,\n"
        ),
        "错误：{file}:2:9：`Duration` 列的 \"一小时\" 不是时长，应写成 01:30:00 这样\n",
    );
}

const CLOCKIFY_HEADER: &str = "Project,Description,Tags,Start Date,Start Time,End Date,End Time\n";

#[test]
fn clockify_errors_are_chinese() {
    let env = env();
    refused(
        &env,
        "clockify",
        "缺列.csv",
        "Project,Description,Tags\n写作,初稿,\n",
        "错误：{file}:1:1：列不对：缺少 `Start Date, Start Time, End Date, End Time`；这里应是 Clockify 详细报表的 CSV，含 `Project, Description, Tags, Start Date, Start Time, End Date, End Time` 这些列\n",
    );
    refused(
        &env,
        "clockify",
        "首行.csv",
        &format!("{CLOCKIFY_HEADER}写作,初稿,,三月三日,09:00:00,2026-03-03,10:00:00\n"),
        "错误：{file}:2:4：\"三月三日\" 不是日期，应写成 2024-01-15 或 01/15/2024 这样；这里应是 Clockify 详细报表的 CSV\n",
    );
    refused(
        &env,
        "clockify",
        "混用.csv",
        &format!(
            "{CLOCKIFY_HEADER}写作,初稿,,2026-03-03,09:00:00,2026-03-03,10:00:00\n\
             编程,,,03/04/2026,09:00:00,03/04/2026,10:00:00\n"
        ),
        "错误：{file}:3:4：\"03/04/2026\" 不是 YYYY-MM-DD 格式的日期；日期格式由文件第一行决定（同一文件里的日期格式须一致）\n",
    );
    refused(
        &env,
        "clockify",
        "钟点.csv",
        &format!("{CLOCKIFY_HEADER}写作,初稿,,2026-03-03,09:00:00,2026-03-03,下午两点\n"),
        "错误：{file}:2:7：\"下午两点\" 不是时间，应写成 14:30:00 这样；时间格式由文件第一行决定（同一文件里的时间格式须一致）\n",
    );
}

const KIMAI_HEADER: &str = "Date,Begin,End,Duration,Project,Activity,Description,Tags\n";

#[test]
fn kimai_errors_are_chinese() {
    let env = env();
    refused(
        &env,
        "kimai",
        "缺列.csv",
        "Date,Begin,Project\n2026-03-03,09:00,写作\n",
        "错误：{file}:1:1：列不对：缺少 `End, Description`；这里应是 Kimai 导出的 CSV，含 `Date, Begin, End, Project, Description` 这些列（以及 `Activity, Tags, Duration`）\n",
    );
    for (row, place, said) in [
        (
            "三月三日,09:00,10:00,1:00",
            "2:1",
            "\"三月三日\" 不是日期，应写成 2024-01-15 这样",
        ),
        (
            "2026-03-03,九点,10:00,1:00",
            "2:2",
            "\"九点\" 不是时间，应写成 09:00 这样",
        ),
        (
            "2026-03-03,09:00,十点,1:00",
            "2:3",
            "\"十点\" 不是时间，应写成 17:30 这样",
        ),
        (
            "2026-03-03,09:00,10:00,一小时",
            "2:4",
            "\"一小时\" 不是时长，应写成 1.5 或 1:30 这样",
        ),
    ] {
        refused(
            &env,
            "kimai",
            "坏行.csv",
            &format!("{KIMAI_HEADER}{row},写作,起草,初稿,\n"),
            &format!("错误：{{file}}:{place}：{said}\n"),
        );
    }
}

#[test]
fn klog_errors_are_chinese() {
    let env = env();
    for (body, place, said) in [
        (
            "三月三日\n    9:00 - 10:00 写作\n",
            "1:1",
            "\"三月三日\" 不是 klog 的日期，应写成 2024-01-15 这样；每条记录以日期开头（是不是选错了文件？klog 文件以 .klg 结尾）",
        ),
        (
            "    9:00 - 10:00 写作\n",
            "1:1",
            "记录之外出现了缩进的行；每条记录以日期开头，例如 2024-01-15",
        ),
        (
            "2026-03-03\n    9:00 写作\n",
            "2:5",
            "\"9:00 写作\" 是时间，但不是时间段；请写成 `9:00 - 10:30` 或 `9:00 - ?`",
        ),
        (
            "2026-03-03\n    10:00 - 9:00 写作\n",
            "2:5",
            "时间段的结束早于开始；klog 的时间段要按先后写（跨到第二天请写 `9:00>`）",
        ),
        (
            "2026-03-03\n    写作\n",
            "2:5",
            "\"写作\" 不是 klog 的条目：应是时间段（9:00 - 10:30）、未结束的时间段（9:00 - ?）或时长（1h30m）",
        ),
        (
            "2026-03-03\n    9:00 - ? 写作\n    10:00 - ? 编程\n",
            "3:5",
            "一条记录里出现了第二个未结束的时间段（第一个在第 2 行）；klog 只允许一个",
        ),
        (
            "2026-03-03\n    1h 写作\n    -2h 午休\n",
            "3:1",
            "这条记录的休息（负时长）比它的条目还长；otium 存不了负的合计",
        ),
    ] {
        refused(
            &env,
            "klog",
            "坏.klg",
            body,
            &format!("错误：{{file}}:{place}：{said}\n"),
        );
    }
}

const OTIUM_HEADER: &str = "id,uuid,project,tags,note,start,end,duration_seconds,zone\n";

#[test]
fn otium_csv_and_json_errors_are_chinese() {
    let env = env();
    refused(
        &env,
        "csv",
        "缺列.csv",
        "project,tags,note\n写作,,\n",
        "错误：{file}:1:1：列不对：缺少 `start, end, zone`；这里应是 otium 导出的 CSV（`id,uuid,project,tags,note,start,end,duration_seconds,zone`）\n",
    );
    for (row, place, said) in [
        (
            "三月三日,2026-03-03T10:00:00+08:00,3600,Asia/Shanghai",
            "2:6",
            "开始时间 \"三月三日\" 不是 RFC 3339 时间，应写成 2026-03-02T09:00:00+01:00 这样",
        ),
        (
            "2026-03-03T09:00:00+08:00,2026-03-03T09:59:60+08:00,3600,Asia/Shanghai",
            "2:7",
            "结束时间 \"2026-03-03T09:59:60+08:00\" 是闰秒（:60）；请改用 :59 或下一分钟",
        ),
        (
            "2026-03-03T09:00:00+08:00,2026-03-03T10:00:00+08:00,3600,北京",
            "2:9",
            "不认识的时区 \"北京\"；请用标准时区名，例如 Asia/Shanghai 或 Europe/Berlin",
        ),
    ] {
        refused(
            &env,
            "csv",
            "坏行.csv",
            &format!("{OTIUM_HEADER}1,,写作,,初稿,{row}\n"),
            &format!("错误：{{file}}:{place}：{said}\n"),
        );
    }
    // serde places an element at its end.
    for (fields, place, said) in [
        (
            r#""start": "三月三日", "end": null, "zone": "Asia/Shanghai""#,
            "1:74",
            "第 1 条记录：开始时间 \"三月三日\" 不是 RFC 3339 时间，应写成 2026-03-02T09:00:00+01:00 这样",
        ),
        (
            r#""start": "2026-03-03T09:00:00+08:00", "end": "2026-03-03T09:59:60+08:00", "zone": "Asia/Shanghai""#,
            "1:118",
            "第 1 条记录：结束时间 \"2026-03-03T09:59:60+08:00\" 是闰秒（:60）；请改用 :59 或下一分钟",
        ),
        (
            r#""start": "2026-03-03T09:00:00+08:00", "end": null, "zone": "北京""#,
            "1:84",
            "第 1 条记录：不认识的时区 \"北京\"；请用标准时区名，例如 Asia/Shanghai 或 Europe/Berlin",
        ),
    ] {
        refused(
            &env,
            "json",
            "坏.json",
            &format!("[{{\"project\": \"写作\", {fields}}}]\n"),
            &format!("错误：{{file}}:{place}：{said}\n"),
        );
    }
}

#[test]
fn toggl_api_errors_are_chinese() {
    let env = env();
    let entry = |fields: &str| {
        format!("[{{\"id\": 1, \"project_id\": 7, \"description\": \"初稿\", {fields}}}]\n")
    };
    for (fields, place, said) in [
        (
            r#""start": "三月三日", "stop": null, "duration": 3600"#,
            "1:98",
            "第 1 条记录：开始时间 \"三月三日\" 不是 RFC 3339 时间，应写成 2024-01-15T09:00:00Z 这样",
        ),
        (
            r#""start": "2026-03-03T01:00:00Z", "stop": "十点", "duration": 3600"#,
            "1:114",
            "第 1 条记录：结束时间 \"十点\" 不是 RFC 3339 时间，应写成 2024-01-15T10:30:00Z 这样",
        ),
    ] {
        refused(
            &env,
            "toggl-api",
            "坏.json",
            &entry(fields),
            &format!("错误：{{file}}:{place}：{said}\n"),
        );
    }
}
