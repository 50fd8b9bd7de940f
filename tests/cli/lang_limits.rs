//! `limits`, `balance` and this week's alerts in Chinese and English (issue 15), on
//! the week of `lang_reports.rs`: the rules with the articles they implement, each
//! breach with hand-figured hours, the balance table aligned by display width.

use crate::env::TestEnv;
use crate::lang_reports::{CN, ZH_ALERTS, assert_chinese, week};

#[test]
fn limits_cn_in_chinese_name_the_articles() {
    let env = week(CN);
    let zh = env.ok(&["limits", "--lang", "zh-CN"]);
    let day = |d: u32| {
        format!(
            "  每日工时不超过 8小时：2026年3月{d}日：工作了 10小时30分，超过 8小时（《中华人民共和国劳动法》第三十六条）\n"
        )
    };
    let days: String = (2..=7).map(day).collect();
    let want = format!(
        "工时上限规则“cn” · 2026年3月2日 – 2026年3月8日 · Europe/Berlin
  每日工时不超过 8小时（《中华人民共和国劳动法》第三十六条）
  每周工时不超过 44小时（《中华人民共和国劳动法》第三十六条）
  每周至少休息 1 日（《中华人民共和国劳动法》第三十八条）
  每月加班不超过 36小时（每日超过 8小时的部分算加班）（《中华人民共和国劳动法》第四十一条）

超出上限 8 次：
{days}  每周工时不超过 44小时：2026年3月2日–2026年3月8日 这一周：工作了 65小时，超过 44小时（《中华人民共和国劳动法》第三十六条）
  每周至少休息 1 日：2026年3月2日–2026年3月8日 这一周：休息日 0 天，少于 1 天（《中华人民共和国劳动法》第三十八条）
以上检查仅供参考，不构成法律意见。
"
    );
    assert_eq!(zh, want);
    assert_chinese(&zh);
    let en = env.ok(&["limits", "--lang", "en"]);
    assert!(en.starts_with("Working-time limits \"cn\" · 2026-03-02 – 2026-03-08 · Europe/Berlin\n  at most 8 h per day (PRC Labour Law art. 36)\n"), "{en}");
    assert!(en.contains("\n8 breach(es):\n"));
}

#[test]
fn limits_eu_in_chinese_with_a_weekly_rest_and_a_long_week() {
    let env = week("limits = \"eu\"\n");
    let zh = env.ok(&["limits", "--lang", "zh-CN"]);
    // 65 h in the first tracked week (the average starts there) is over 48 h. Rest:
    // from Monday 08:00 to Sunday 11:00 (147 h) the longest gap is Saturday 18:30 to
    // Sunday 09:00 (14 h 30 m), so no 35 h rest falls in those 7 days; the nights
    // (13 h 30 m, 14 h 30 m) keep the 11 h daily rest.
    let want = "工时上限规则“eu” · 2026年3月2日 – 2026年3月8日 · Europe/Berlin
  连续 17 周内平均每周工时不超过 48小时（欧盟《工作时间指令》（2003/88/EC）第6条(b)项；17周参考期依第16条(b)项）
  每24小时内至少连续休息 11小时（欧盟《工作时间指令》（2003/88/EC）第3条）
  每7天内至少连续休息 35小时（欧盟《工作时间指令》（2003/88/EC）第5条（24小时，另加第3条规定的11小时））

超出上限 2 次：
  连续 17 周内平均每周工时不超过 48小时：2026年3月2日–2026年3月8日 这一周：工作了 65小时，超过 48小时（欧盟《工作时间指令》（2003/88/EC）第6条(b)项；17周参考期依第16条(b)项）
  每7天内至少连续休息 35小时：2026年3月2日 08:00 – 2026年3月8日 11:00：连续 147小时00分（其中工作 65小时00分），每7天内没有一次连续休息满 35小时；最长一次休息 14小时30分（2026年3月7日 18:30 – 2026年3月8日 09:00）（欧盟《工作时间指令》（2003/88/EC）第5条（24小时，另加第3条规定的11小时））
以上检查仅供参考，不构成法律意见。
";
    assert_eq!(zh, want);
    assert_chinese(&zh);
    let en = env.ok(&["limits", "--lang", "en"]);
    assert!(en.contains("  at least 35 h of rest in every 7 days: 2026-03-02 08:00 – 03-08 11:00: a 147h 00m stretch (65h 00m worked) without a 35 h rest in 7 days; the longest rest was 14h 30m (2026-03-07 18:30 – 2026-03-08 09:00) (Directive 2003/88/EC art. 5 (24 h plus the 11 h of art. 3))\n"), "{en}");
}

#[test]
fn limits_not_set_says_how_in_chinese() {
    let env = week("");
    let zh = env.ok(&["limits", "--lang", "zh-CN"]);
    assert_eq!(
        zh,
        "还没有设定工时上限。在 config.toml 里加上 `limits = \"cn\"`（中国劳动法）或 `limits = \"eu\"`（欧盟指令），也可以写一个 [limits] 表。\n"
    );
    assert_chinese(&zh);
}

#[test]
fn the_balance_in_chinese() {
    let env = week(CN);
    let zh = env.ok(&["balance", "--lang", "zh-CN"]);
    // Each day 10 h 30 m against 8 h (weekend 0 h): +2 h 30 m a weekday, the running
    // balance 2.5, 5, 7.5, 10, 12.5 h, then Saturday +10 h 30 m → 23 h, Sunday +2 h → 25 h.
    // Columns: labels padded to 16 terminal columns, figures to 12 (a CJK character
    // takes two: `10小时30分` is 10 wide).
    let want = "工时结余 2026年3月2日 – 2026年3月8日 · Europe/Berlin · 自 2026年3月2日 起累计

                         实际         目标         差额         结余
3月2日 周一        10小时30分    8小时00分   +2小时30分   +2小时30分
3月3日 周二        10小时30分    8小时00分   +2小时30分   +5小时00分
3月4日 周三        10小时30分    8小时00分   +2小时30分   +7小时30分
3月5日 周四        10小时30分    8小时00分   +2小时30分  +10小时00分
3月6日 周五        10小时30分    8小时00分   +2小时30分  +12小时30分
3月7日 周六        10小时30分          0分  +10小时30分  +23小时00分
3月8日 周日         2小时00分          0分   +2小时00分  +25小时00分
2026年第10周       65小时00分   40小时00分  +25小时00分  +25小时00分

合计               65小时00分   40小时00分  +25小时00分  +25小时00分
";
    assert_eq!(zh, want);
    assert_chinese(&zh);
    let en = env.ok(&["balance", "--lang", "en"]);
    assert!(
        en.contains("\nMon 2026-03-02     10h 30m    8h 00m   +2h 30m   +2h 30m\n"),
        "{en}"
    );
    assert!(
        en.contains("\nTotal              65h 00m   40h 00m  +25h 00m  +25h 00m\n"),
        "{en}"
    );
}

#[test]
fn on_course_for_the_weekly_limit_in_chinese() {
    // Own limit 40 h a week; now Tuesday 2026-03-03 20:00 after two 9 h days: 18 h
    // over 2 working days, 18 × 5 ÷ 2 = 45 h at this pace, over 40 h.
    let env = TestEnv::at("Europe/Berlin", "2026-03-03T20:00:00+01:00");
    std::fs::write(
        env.dir.path().join("config.toml"),
        "[limits]\nmax_weekly_hours = 40\n",
    )
    .unwrap();
    env.ok(&[
        "add",
        "写作",
        "--from",
        "2026-03-02 08:00",
        "--to",
        "2026-03-02 17:00",
    ]);
    env.ok(&[
        "add",
        "写作",
        "--from",
        "2026-03-03 08:00",
        "--to",
        "2026-03-03 17:00",
    ]);
    let zh = env.ok(&["report", "--lang", "zh-CN"]);
    assert!(
        zh.ends_with("\n本周工时上限：每周工时不超过 40小时（你的配置（[limits]））：照这个节奏会超出上限：本周已工作 18小时，按目前的进度全周约 45小时\n"),
        "{zh}"
    );
    assert_chinese(&zh);
    let limits = env.ok(&["limits", "--lang", "zh-CN"]);
    assert!(
        limits.contains("\n  每周工时不超过 40小时（你的配置（[limits]））\n\n没有超出上限。\n"),
        "{limits}"
    );
}

#[test]
fn the_week_status_both_faces_read_speaks_either_language() {
    let env = week(CN);
    let now = chrono::DateTime::parse_from_rfc3339(&env.now)
        .unwrap()
        .to_utc();
    let tracker = otium::Tracker::open(
        &env.db(),
        otium::config::Config::parse(CN).unwrap(),
        otium::time::Clock::Fixed(now),
        chrono_tz::Europe::Berlin,
    )
    .unwrap();
    let zh = tracker.week_status_in(otium::i18n::Lang::ZhCn).unwrap();
    let en = tracker.week_status().unwrap();
    // The same numbers (Mon–Fri 8 h: 40 h target; 65 h worked, +25 h), the same three
    // rules broken, said in each language.
    assert_eq!(zh.week_target_seconds, Some(40 * 3600));
    assert_eq!(zh.balance_seconds, Some(25 * 3600));
    assert_eq!(
        (zh.week_target_seconds, zh.balance_seconds, zh.limits),
        (en.week_target_seconds, en.balance_seconds, en.limits)
    );
    let want: Vec<String> = ZH_ALERTS
        .lines()
        .map(|l| l.trim_start_matches("本周工时上限：").to_string())
        .collect();
    assert_eq!(zh.alerts, want);
    assert_eq!(en.alerts.len(), 3);
    assert!(en.alerts[2].starts_with("at least 1 day(s) of rest per week (PRC Labour Law art. 38): week 2026-03-02–2026-03-08: 0 day(s) without work, fewer than 1"), "{:?}", en.alerts);
    assert_eq!(
        tracker.week_alerts_in(otium::i18n::Lang::ZhCn).unwrap(),
        zh.alerts
    );
}
