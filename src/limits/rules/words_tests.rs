//! Each finding and rule said in both languages, the expected texts written by hand.

use chrono::{NaiveDate, TimeZone, Utc};

use super::{Finding, LimitSet};
use crate::i18n::Lang;

const H: i64 = 3600;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn both(f: &Finding) -> (String, String) {
    (f.message_in(Lang::En), f.message_in(Lang::ZhCn))
}

#[test]
fn averages_over_weeks_and_since_tracking_began() {
    let mut f = Finding::Weeks {
        from: date(2025, 11, 10),
        to: date(2026, 3, 8),
        weeks: 17,
        since_tracking: false,
        worked: 850 * H,
        average: 50 * H,
        limit: 48 * H,
    };
    assert_eq!(
        both(&f),
        (
            "17 weeks 2025-11-10–2026-03-08: 850 h worked, 50 h a week on average, over 48 h"
                .to_string(),
            "2025年11月10日–2026年3月8日 共 17 周：工作了 850小时，平均每周 50小时，超过 48小时"
                .to_string()
        )
    );
    if let Finding::Weeks { since_tracking, .. } = &mut f {
        *since_tracking = true;
    }
    let (en, zh) = both(&f);
    assert!(
        en.contains("2026-03-08 (since tracking began): 850 h"),
        "{en}"
    );
    assert!(zh.contains("共 17 周（从开始记录算起）：工作了"), "{zh}");
}

#[test]
fn monthly_overtime_with_minutes() {
    // 37 h 45 m of overtime beyond 8 h a day in March 2026, over 36 h.
    let f = Finding::Overtime {
        month: date(2026, 3, 1),
        overtime: 37 * H + 45 * 60,
        after_daily: 8 * H,
        limit: 36 * H,
    };
    assert_eq!(
        both(&f),
        (
            "2026-03: 37h 45m of overtime (beyond 8 h a day), over 36 h".to_string(),
            "2026年3月：加班 37小时45分（每日超过 8小时的部分），超过 36小时".to_string()
        )
    );
}

#[test]
fn a_rest_breach_across_years_and_without_any_rest() {
    let zone = chrono_tz::Asia::Shanghai;
    // 2026-12-31 20:00 to 2027-01-01 10:00 Shanghai (UTC+8): 14 h straight.
    let start = Utc.with_ymd_and_hms(2026, 12, 31, 12, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2027, 1, 1, 2, 0, 0).unwrap();
    let f = Finding::Rest {
        zone,
        start,
        end,
        worked: 14 * H,
        rest: 11 * H,
        weekly: false,
        longest: None,
    };
    assert_eq!(
        both(&f),
        (
            "2026-12-31 20:00 – 2027-01-01 10:00: a 14h 00m stretch (14h 00m worked) without an 11 h rest in 24 h; no rest at all".to_string(),
            "2026年12月31日 20:00 – 2027年1月1日 10:00：连续 14小时00分（其中工作 14小时00分），每24小时内没有一次连续休息满 11小时；中间完全没有休息".to_string()
        )
    );
}

#[test]
fn every_rule_of_both_sets_reads_in_chinese_with_its_article() {
    let cn: Vec<(String, String)> = LimitSet::cn()
        .rules
        .iter()
        .map(|r| (r.describe_in(Lang::ZhCn), r.source_in(Lang::ZhCn)))
        .collect();
    let law = "《中华人民共和国劳动法》";
    assert_eq!(
        cn,
        [
            ("每日工时不超过 8小时", "第三十六条"),
            ("每周工时不超过 44小时", "第三十六条"),
            ("每周至少休息 1 日", "第三十八条"),
            (
                "每月加班不超过 36小时（每日超过 8小时的部分算加班）",
                "第四十一条"
            ),
        ]
        .map(|(d, a)| (d.to_string(), format!("{law}{a}")))
    );
    let eu: Vec<String> = LimitSet::eu()
        .rules
        .iter()
        .map(|r| {
            format!(
                "{}（{}）",
                r.describe_in(Lang::ZhCn),
                r.source_in(Lang::ZhCn)
            )
        })
        .collect();
    assert_eq!(
        eu,
        [
            "连续 17 周内平均每周工时不超过 48小时（欧盟《工作时间指令》（2003/88/EC）第6条(b)项；17周参考期依第16条(b)项）",
            "每24小时内至少连续休息 11小时（欧盟《工作时间指令》（2003/88/EC）第3条）",
            "每7天内至少连续休息 35小时（欧盟《工作时间指令》（2003/88/EC）第5条（24小时，另加第3条规定的11小时））",
        ]
    );
    // English stays as JSON gives it.
    for r in LimitSet::cn().rules.iter().chain(&LimitSet::eu().rules) {
        assert_eq!(r.source_in(Lang::En), r.source);
        assert_eq!(r.describe_in(Lang::En), r.describe());
    }
}

#[test]
fn hours_in_chinese_keep_the_whole_hour_form() {
    use crate::limits::hours_text_in;
    assert_eq!(hours_text_in(Lang::ZhCn, 48 * H), "48小时");
    assert_eq!(hours_text_in(Lang::ZhCn, 11 * H + 45 * 60), "11小时45分");
    assert_eq!(hours_text_in(Lang::ZhCn, -(3 * H + H / 2)), "-3小时30分");
    assert_eq!(hours_text_in(Lang::En, 11 * H + 45 * 60), "11h 45m");
}
