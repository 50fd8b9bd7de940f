//! `otium dividend` in Chinese (issue 15): every view and its errors in zh-CN, with
//! the key lines written by hand, the same numbers as the English run line by line,
//! no English prose left, and `--json` byte-identical in both languages.
//!
//! History (Berlin, now Wed 2026-04-08 12:00 +02:00; ISO weeks):
//!   W10..W13: writing 10 h each Monday with 20 pages each
//!   W14:      writing 8 h (Mon 03-30) with 24 pages, coding 36 h (Tue–Wed)
//! Keynes weeks: W11, W12, W13 (10 h) and W14 (44 h): 18.5 h on average.

use std::collections::BTreeMap;

use unicode_width::UnicodeWidthStr;

use crate::env::{TestEnv, code};

fn history() -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2026-04-08T12:00:00+02:00");
    env.ok(&["project", "writing", "--unit", "pages"]);
    for day in ["02", "09", "16", "23"] {
        let from = format!("2026-03-{day} 09:00");
        env.ok(&["add", "writing", "--from", &from, "--for", "10h"]);
        let at = format!("2026-03-{day} 19:00");
        env.ok(&["output", "20", "--project", "writing", "--at", &at]);
    }
    env.ok(&[
        "add",
        "writing",
        "--from",
        "2026-03-30 09:00",
        "--for",
        "8h",
    ]);
    let at = "2026-03-30 18:00";
    env.ok(&["output", "24", "--project", "writing", "--at", at]);
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-03-31 09:00",
        "--for",
        "36h",
    ]);
    env
}

/// `args` in Chinese and in English.
fn both(env: &TestEnv, args: &[&str]) -> (String, String) {
    let with = |lang: &str| {
        let mut all = args.to_vec();
        all.extend(["--lang", lang]);
        env.ok(&all)
    };
    (with("zh-CN"), with("en"))
}

/// The numbers of a line (`1,038`, `-12`, `2.21`, `2019`), sorted: a translation may
/// move a number within its sentence but never change, add or drop one.
fn numbers(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (chars[i] == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts {
            i += 1;
            continue;
        }
        let mut n = String::from(chars[i]);
        i += 1;
        while i < chars.len() {
            let c = chars[i];
            let joins =
                (c == ',' || c == '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c.is_ascii_digit() || joins {
                n.push(c);
                i += 1;
            } else {
                break;
            }
        }
        out.push(n);
    }
    out.sort();
    out
}

/// Both outputs have the same lines, each with the same numbers. A country name the
/// English table cuts (`Venezuela (Bolivarian Republi…`) hides its `(to 2006)`.
fn same_numbers(zh: &str, en: &str) {
    let (zh_lines, en_lines): (Vec<&str>, Vec<&str>) = (zh.lines().collect(), en.lines().collect());
    assert_eq!(zh_lines.len(), en_lines.len(), "{zh}\n---\n{en}");
    let mut compared = 0;
    for (z, e) in zh_lines.iter().zip(&en_lines) {
        if e.contains('…') {
            continue;
        }
        assert_eq!(numbers(z), numbers(e), "\n{z}\n{e}");
        compared += numbers(e).len();
    }
    assert!(compared > 0, "no numbers compared");
}

#[test]
fn the_number_extractor_can_fail() {
    assert_eq!(
        numbers("潜在 1,038 小时（20.0/周），-12%；1970–1992 年"),
        ["-12", "1,038", "1970", "1992", "20.0"]
    );
    assert_ne!(numbers("R = 2.21"), numbers("R = 2.12"));
}

/// English left in `zh`, beyond codes and names: the published citation (title,
/// journal, authors) is removed first, as it stays in its original language.
fn untranslated(zh: &str) -> Vec<String> {
    let text = zh
        .replace("\"The Next Generation of the Penn World Table\"", "")
        .replace("American Economic Review", "");
    let mut allowed: Vec<&str> = vec!["R", "Feenstra", "Inklaar", "Timmer", "CC", "BY"];
    allowed.extend(otium::leisure::data::countries().keys().map(String::as_str));
    otium::i18n::scan::untranslated(&text, &allowed)
}

#[test]
fn the_national_view_in_chinese_by_hand_from_the_csv() {
    let env = history();
    let (zh, en) = both(&env, &["dividend"]);
    // CSV USA 1970: avh 1893.4, 33.2549 $/h, labsh 0.6490; 2019: 1765.3, 73.5850, 0.5971.
    // R = 73.5850 / 33.2549 = 2.2128; H_need = 1893.4 / 2.2128 = 855.7 (16.5 a week);
    // D_pot = 1037.7 (20.0 a week); D_real = 128.1 (2.5 a week); 128.1 / 1037.7 = 12%.
    // Over 45 years: 46,698 h = 22.5 years of 40-hour weeks; 5,765 h = 2.8 years.
    let lines = [
        "全国闲暇红利：美国（USA），1970 年 → 2019 年",
        "  工时按每名就业者计（含雇员、自雇者和农民），已计入节假日；数据截至 2019 年，此后不作任何假设。",
        "  每小时产出      33.25 → 73.58 美元（2017 年美元，按本国不变价计，只用于看美国自身的变化，不用于跨国比较）：R = 2.21",
        "  就业者人均工时  1,893 → 1,765 小时/年（36.4 → 33.9 小时/周，按全年 ÷ 52 计）",
        "  按 2019 年的劳动生产率，生产 1970 年每名就业者的产出所需工时：856 小时/年（16.5 小时/周）",
        "  潜在红利        1,038 小时/年（20.0 小时/周）；实际以缩短工时兑现 128 小时/年（2.5 小时/周）",
        "  潜在红利中以缩短工时兑现的比例：12%",
        "  按 45 年的职业生涯（假设值）、1970 年的工时计：潜在 46,698 小时（折合 22.5 年每周 40 小时的工作），已兑现 5,765 小时（折合 2.8 年每周 40 小时的工作）",
        "  劳动收入份额    65%（1970 年） → 60%（2019 年）：增长中没有转化为闲暇的那部分归了谁",
        // 18.5 / 2.2128 = 8.36 h; 18.5 - 8.36 = 10.1 h.
        "凯恩斯周：你每周 18.5 小时按 1970 年劳动生产率完成的产出，按 2019 年的劳动生产率只需每周 8.4 小时（R = 2.21，美国）；整体经济的劳动生产率本可为你每周腾出 10.1 小时。",
        "  假设你的劳动生产率与美国的平均水平同步增长（按每名就业者工时计）；数据截至 2019 年。",
        "  取 4 周的平均：2026-W11 10.0 小时，2026-W12 10.0 小时，2026-W13 10.0 小时，2026-W14 44.0 小时",
        "你的一周与其他几种一周（每周小时数）：",
        "  996               72.0  ████████████████████████  996：早上 9 点到晚上 9 点，每周六天",
        "  凯恩斯            15.0  █████                     凯恩斯《我们孙辈的经济可能性》（1930 年）",
        // 4 × 10 + 8 + 36 = 84 h; / 2.2128 = 37.96 h; difference 46.04 h = 1.15 weeks.
        "自第一条记录以来累计：共记录 84.0 小时；这些工时按 1970 年劳动生产率完成的产出，按 2019 年的劳动生产率只需 38.0 小时；相差 46.0 小时（合 1.2 个 40 小时工作周）。",
    ];
    for line in lines {
        assert!(zh.lines().any(|l| l == line), "missing {line:?} in\n{zh}");
    }
    // The statutory week and the national average name their sources in Chinese.
    assert!(
        zh.contains(
            "美国：每周超过 40 小时须付加班工资，1938 年《公平劳动标准法》（1940 年起施行）"
        ),
        "{zh}"
    );
    assert!(
        zh.contains("美国 2019 年：每名就业者年均工作小时数 ÷ 52（已计入节假日和休假）"),
        "{zh}"
    );
    // The bars' labels line up by terminal columns: each value ends at column 24.
    for label in [
        "你",
        "996",
        "全国平均",
        "法定标准",
        "基年生活水平",
        "凯恩斯",
    ] {
        let line = zh
            .lines()
            .find(|l| l.starts_with(&format!("  {label} ")))
            .unwrap_or_else(|| panic!("no bar {label} in\n{zh}"));
        let value_end = line.find('.').unwrap() + 2;
        assert_eq!(line[..value_end].width(), 24, "{line}");
    }
    assert!(
        zh.trim_end()
            .ends_with("由 PWT 变量 rgdpna、emp 和 avh 推算而得。"),
        "the attribution closes the output: {zh}"
    );
    assert!(zh.contains("数据：Penn World Table 10.01（Feenstra, Inklaar & Timmer 2015"));
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
}

#[test]
fn china_with_its_caveats_and_carried_values_in_chinese() {
    let env = history();
    let (zh, en) = both(&env, &["dividend", "--country", "CHN", "--base", "1978"]);
    // CSV CHN 1978: avh 1972.7, 1.7798 $/h; 2019: avh 2168.9 (flagged repeated), 11.8742.
    // R = 6.6716; H_need = 295.7; D_pot = 1677.0; D_real = 1972.7 - 2168.9 = -196.2
    // (3.8 a week): hours rose; share -196.2 / 1677.0 = -12%.
    let lines = [
        "全国闲暇红利：中国（CHN），1978 年 → 2019 年",
        "  每小时产出      1.78 → 11.87 美元（2017 年美元，按本国不变价计，只用于看中国自身的变化，不用于跨国比较）：R = 6.67",
        "  潜在红利        1,677 小时/年（32.3 小时/周）；没有兑现：工时反而增加了 196 小时/年（3.8 小时/周）",
        "  潜在红利中以缩短工时兑现的比例：-12%",
        // The labour share is PWT's one value for 1970–1992 and for 2016–2019.
        "  劳动收入份额    59%（PWT 对 1970–1992 年给出同一个值，并非 1978 年的实测） → 59%（PWT 对 2016–2019 年给出同一个值，并非 2019 年的实测）：增长中没有转化为闲暇的那部分归了谁",
        "  注意：中国：PWT 对 2017–2019 年给出相同的工时；2019 年的数字沿用自相邻年份，并非 2019 年的实测。",
        "  注意：中国：PWT 对 1970–1992 年每年给出同一个劳动收入份额；它并非 1978 年的实测。",
    ];
    for line in lines {
        assert!(zh.lines().any(|l| l == line), "missing {line:?} in\n{zh}");
    }
    assert!(
        zh.contains("  注意：中国：劳动生产率倍数受 PWT 版本的影响比其他任何国家都大：1978–2019 年，PWT 10.01（此处所用）给出 6.67，而沿用官方增长序列的 PWT 11.0 约为 21.7"),
        "{zh}"
    );
    assert!(
        zh.contains("中国：标准工作周 40 小时，国务院《关于职工工作时间的规定》（1995 年）"),
        "{zh}"
    );
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
    // Germany before 1991: the series break, in Chinese.
    let (zh, en) = both(&env, &["dividend", "--country", "DEU", "--base", "1960"]);
    // A Chinese name is as good as the code.
    let (by_name, _) = both(&env, &["dividend", "--country", "德国", "--base", "1960"]);
    assert_eq!(by_name, zh);
    assert!(
        zh.contains("  注意：德国：整个序列都按统一后的德国计；1991 年以前的基年混合了两个经济体"),
        "{zh}"
    );
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
}

#[test]
fn personal_productivity_in_chinese_by_hand() {
    let env = history();
    let (zh, en) = both(&env, &["dividend"]);
    // Baseline 10 h and 20 pages a week (2 pages/h); now 8 h and 24 pages (3 pages/h):
    // R = 1.5; h_need = 6.7; D_pot = 3.3; D_real = 2.0; 2 / 3.33 = 60%;
    // ln(24/20) / ln 1.5 = 45% more output, ln(10/8) / ln 1.5 = 55% shorter hours.
    let block = "个人劳动生产率（按项目，本期每小时产出与基准期相比）：
  writing（pages）：基准期 2026-W10..2026-W13，本期 2026-W14
    每周工时 10.0 → 8.0；每周 pages 20.0 → 24.0
    每小时 pages 2.00 → 3.00：劳动生产率倍数 R = 1.50
    基准期的产出现在只需每周 6.7 小时：潜在红利每周 3.3 小时，实际兑现每周 2.0 小时
    潜在红利中以缩短工时兑现的比例：60%
    增长的去向：45% 变成更多产出，55% 变成更短工时
";
    assert!(zh.contains(block), "{zh}");
    same_numbers(&zh, &en);
    // No baseline before the period: said in Chinese, with the command to type.
    let args = ["dividend", "--project", "writing", "--period", "2026-W10"];
    let (zh, en) = both(&env, &args);
    assert!(
        zh.contains("  writing（pages）：基准期 暂无，本期 2026-W10\n"),
        "{zh}"
    );
    assert!(
        zh.contains("    2026-W10 之前还没有 writing 同时有工时和产出的完整周；用 `otium output N --project writing` 登记产出。"),
        "{zh}"
    );
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
    // A project without a unit yet: what to type, in Chinese.
    let fresh = TestEnv::at("Europe/Berlin", "2026-04-08T12:00:00+02:00");
    fresh.ok(&["add", "coding", "--from", "2026-03-31 09:00", "--for", "2h"]);
    let (zh, _) = both(&fresh, &["dividend"]);
    assert!(
        zh.contains(
            "个人劳动生产率：还没有项目设定产出单位（`otium project 项目 --unit pages`）。"
        ),
        "{zh}"
    );
    // One complete week only: the Keynes week says how many it has.
    assert!(
        zh.contains("  说明：目前只有 1 个有记录的完整周（需要 4 周）。"),
        "{zh}"
    );
    assert_eq!(untranslated(&zh), Vec::<String>::new());
}

#[test]
fn figures_that_cannot_be_computed_say_why_in_chinese() {
    let env = history();
    let args = [
        "dividend",
        "--country",
        "JAM",
        "--base",
        "1960",
        "--end",
        "1970",
    ];
    let (zh, en) = both(&env, &args);
    // Jamaica's data run 1986–2002 (data/README.md).
    let why = "牙买加（JAM）有 1986–2002 年的数据，其中没有 1960 年";
    assert!(
        zh.starts_with(&format!(
            "全国闲暇红利（JAM，基年 1960 年）：无法计算：{why}。\n"
        )),
        "{zh}"
    );
    assert!(zh.contains(&format!("凯恩斯周：无法计算：{why}。")), "{zh}");
    assert!(zh.contains(&format!("累计：无法计算：{why}。")), "{zh}");
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
    // The Netherlands lack 1969: the gap is named.
    let args = [
        "dividend",
        "--country",
        "NLD",
        "--base",
        "1960",
        "--end",
        "1969",
    ];
    let (zh, _) = both(&env, &args);
    assert!(
        zh.contains("荷兰（NLD）有 1950–2019 年的数据（缺 1969 年），其中没有 1969 年"),
        "{zh}"
    );
    // France 2000 → 2001: 59.4419 / 58.3069 = 1.019 and 1558.3 - 1558.3 / 1.019 = 29.8 h
    // a year: too small to divide (§5), said in words, the inputs beside it.
    let args = [
        "dividend",
        "--country",
        "FRA",
        "--base",
        "2000",
        "--end",
        "2001",
    ];
    let (zh, en) = both(&env, &args);
    assert!(
        zh.contains("  潜在红利中以缩短工时兑现的比例：无法确定（增长太小，不宜再分：R = 1.02，潜在红利每年 30 小时（至少需要 ×1.05 且每年 52 小时，即每周一小时））\n"),
        "{zh}"
    );
    assert!(zh.contains("法国：法定工作周 35 小时，《奥布里法》（1998 年、2000 年）"));
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
    let (zh, _) = both(&env, &["dividend", "--base", "2019"]);
    assert!(
        zh.contains("无法计算：基年 2019 年必须早于截止年 2019 年。"),
        "{zh}"
    );
}

#[test]
fn countries_side_by_side_in_chinese() {
    let env = history();
    let (zh, en) = both(&env, &["dividend", "--compare"]);
    assert!(zh.starts_with(
        "各国从 1970 年到各自最新数据年份（未注明的为 2019 年），按潜在红利中以缩短工时兑现的比例排序：\n"
    ), "{zh}");
    // USA 1970 by hand (see above): R 2.21, potential 1,038 h (20.0 a week), taken 128 (2.5).
    let usa = zh.lines().find(|l| l.starts_with("  USA ")).unwrap();
    assert_eq!(
        usa.split_whitespace().collect::<Vec<_>>(),
        [
            "USA",
            "美国",
            "2.21",
            "1,038（20.0/周）",
            "128（",
            "2.5/周）",
            "12%"
        ]
    );
    // Venezuela ends in 2006 and carries its series break, in Chinese.
    let ven = zh.lines().find(|l| l.starts_with("  VEN ")).unwrap();
    assert!(
        ven.contains("委内瑞拉（至 2006 年）") && ven.ends_with("序列断点"),
        "{ven}"
    );
    // Columns line up by terminal columns, Chinese names or not: R ends at column 43.
    let header = zh.lines().nth(1).unwrap();
    assert!(header.starts_with("  国家 "), "{header}");
    assert_eq!(
        header[..=header.find(" R ").unwrap() + 1].width(),
        43,
        "{header}"
    );
    for row in zh.lines().filter(|l| {
        l.get(2..6).is_some_and(|c| {
            c.len() == 4 && c[..3].chars().all(|c| c.is_ascii_uppercase()) && c.ends_with(' ')
        })
    }) {
        let r_end = row.find('.').unwrap() + 3;
        assert_eq!(row[..r_end].width(), 43, "{row}");
    }
    assert!(
        zh.contains("\n说明：\n  ") && zh.contains("\n  IRL：爱尔兰：2015 年每小时产出跳升 20%"),
        "{zh}"
    );
    assert!(zh.contains("R：截止年与基年每小时产出之比。"), "{zh}");
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
}

#[test]
fn the_country_list_in_chinese_keeps_the_codes() {
    let env = TestEnv::new();
    let (zh, en) = both(&env, &["dividend", "--countries"]);
    for line in [
        "CHN  1970–2019  中国",
        "KOR  1953–2019  韩国",
        "USA  1950–2019  美国",
        "HKG  1960–2019  中国香港",
        "JAM  1986–2002  牙买加",
    ] {
        assert!(zh.lines().any(|l| l == line), "missing {line:?} in\n{zh}");
    }
    assert!(en.contains("KOR  1953–2019  Republic of Korea\n"), "{en}");
    same_numbers(&zh, &en);
    assert_eq!(untranslated(&zh), Vec::<String>::new());
}

#[test]
fn errors_of_the_verb_in_chinese_with_their_hints_and_exit_codes() {
    let env = history();
    let zh = |args: &[&str], code: i32| {
        let mut all = args.to_vec();
        all.extend(["--lang", "zh-CN"]);
        let err = env.fails(&all, code);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        err
    };
    let cases: [(&[&str], i32, &str); 8] = [
        (
            &["dividend", "--period", "2026-W99"],
            code::INVALID,
            "错误：\"2026-W99\" 不是一个周，也不是一段连续的周；例如 2026-W10 或 2026-W10..2026-W13\n",
        ),
        (
            &[
                "dividend",
                "--project",
                "writing",
                "--baseline",
                "2026-W13..2026-W10",
            ],
            code::INVALID,
            "错误：\"2026-W13..2026-W10\" 中的最后一周早于第一周\n",
        ),
        (
            &["dividend", "--country", "XYZ"],
            code::INVALID,
            "错误：国家 \"XYZ\" 没有工时数据：这张表只收录 Penn World Table 记录了年均工作小时数的国家；`otium dividend --countries` 可以查看有数据的国家\n",
        ),
        (
            &["dividend", "--project", "coding"],
            code::INVALID,
            "错误：项目 \"coding\" 没有设定产出单位；先用 `otium project coding --unit pages` 设定产出单位\n",
        ),
        (
            &["dividend", "--project", "nosuch"],
            code::NOT_FOUND,
            "错误：没有项目 \"nosuch\"；",
        ),
        (
            &["dividend", "--baseline", "2026-W10..2026-W13"],
            code::INVALID,
            "错误：--baseline 需要同时给出 --project：每个项目的基准期各不相同\n",
        ),
        (
            &["dividend", "--period", "2027-W01"],
            code::INVALID,
            "错误：--period 从 2027-01-04 所在的那一周开始，这一周还没到（今天是 2026-04-08）；请给出已经过去的周，例如 2026-W10..2026-W13\n",
        ),
        (
            &["dividend", "--compare", "--base", "1900"],
            code::INVALID,
            "错误：没有哪个国家同时有 1900 年及之后年份的工时数据；数据覆盖 1950–2019 年（`otium dividend --countries` 列出各国的年份）\n",
        ),
    ];
    for (args, code, want) in cases {
        let err = zh(args, code);
        assert!(err.starts_with(want), "{args:?}: {err}");
        // The country the user typed is theirs to keep.
        let left = otium::i18n::scan::untranslated(&err, &["XYZ"]);
        assert_eq!(left, Vec::<String>::new(), "{err}");
    }
    std::fs::write(env.dir.path().join("config.toml"), "country = \"ATL\"\n").unwrap();
    assert_eq!(
        zh(&["dividend"], code::CONFIG),
        "错误：配置中的 country = \"ATL\" 在 Penn World Table 中没有工时数据；`otium dividend --countries` 列出可用的代码\n"
    );
    // The English lines are the ones scripts have always seen.
    let err = env.fails(&["dividend", "--country", "XYZ"], code::INVALID);
    assert!(
        err.starts_with("error: no hours data for country \"XYZ\""),
        "{err}"
    );
    let err = env.fails(&["dividend", "--period", "2026-W99"], code::INVALID);
    assert_eq!(
        err,
        "error: \"2026-W99\" is not a week or run of weeks; use e.g. 2026-W10 or 2026-W10..2026-W13\n"
    );
    let args = [
        "dividend",
        "--country",
        "USA",
        "--project",
        "writing",
        "--baseline",
        "2026-W13..2026-W10",
    ];
    let err = env.fails(&args, code::INVALID);
    assert_eq!(
        err,
        "error: in \"2026-W13..2026-W10\" the last week comes before the first\n"
    );
}

#[test]
fn json_is_byte_identical_in_both_languages() {
    let env = history();
    let views: [&[&str]; 9] = [
        &["dividend"],
        &["dividend", "--country", "CHN", "--base", "1978"],
        &["dividend", "--country", "JAM", "--base", "1960"],
        &["dividend", "--project", "writing", "--period", "2026-W10"],
        &["dividend", "--compare"],
        &["dividend", "--compare", "--base", "1990"],
        &["dividend", "--countries"],
        &["dividend", "--country", "XYZ"],
        &["dividend", "--project", "coding"],
    ];
    let mut seen = BTreeMap::new();
    for args in views {
        let run = |lang: &str| {
            let mut all = args.to_vec();
            all.extend(["--json", "--lang", lang]);
            let out = env.run(&all);
            (out.status.code(), out.stdout, out.stderr)
        };
        let (zh, en) = (run("zh-CN"), run("en"));
        assert_eq!(zh, en, "{args:?}");
        assert!(
            !en.1.is_empty() || !en.2.is_empty(),
            "{args:?} said nothing"
        );
        seen.insert(args.join(" "), String::from_utf8(en.1).unwrap());
    }
    // JSON reasons and caveats stay English.
    assert!(
        seen["dividend --country CHN --base 1978"]
            .contains("\"message\":\"China: the multiple depends")
    );
    assert!(
        seen["dividend --country JAM --base 1960"].contains("Jamaica (JAM) has data for 1986–2002")
    );
}
