//! The klog reader's pieces: times, durations, tags, entries.

use super::syntax::*;
use chrono::{NaiveDate, NaiveDateTime};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()
}

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 1, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

#[test]
fn times_with_shifts_and_the_twelve_hour_clock() {
    assert_eq!(time("9:00", day()), Some((at(15, 9, 0), 4)));
    assert_eq!(time("09:05 x", day()), Some((at(15, 9, 5), 5)));
    assert_eq!(time("8:30pm", day()), Some((at(15, 20, 30), 6)));
    assert_eq!(time("12:15am", day()), Some((at(15, 0, 15), 7)));
    assert_eq!(time("12:15pm", day()), Some((at(15, 12, 15), 7)));
    assert_eq!(time("<23:00", day()), Some((at(14, 23, 0), 6)));
    assert_eq!(time("1:30>", day()), Some((at(16, 1, 30), 5)));
    assert_eq!(time("24:00", day()), Some((at(16, 0, 0), 5)));
    assert_eq!(time("<24:00", day()), Some((at(15, 0, 0), 6)));
    assert_eq!(time("24:00>", day()), None);
    assert_eq!(time("24:30", day()), None);
    assert_eq!(time("13:00pm", day()), None);
    assert_eq!(time("9:60", day()), None);
    assert_eq!(time("9:5", day()), None);
    assert_eq!(time("<1:00>", day()), None);
}

#[test]
fn durations_are_signed_minutes() {
    assert_eq!(duration("1h30m"), Some((90, 5)));
    assert_eq!(duration("45m work"), Some((45, 3)));
    assert_eq!(duration("119m"), Some((119, 4)));
    assert_eq!(duration("-30m"), Some((-30, 4)));
    assert_eq!(duration("+2h"), Some((120, 3)));
    assert_eq!(duration("50h"), Some((3000, 3)));
    assert_eq!(duration("1h60m"), None);
    assert_eq!(duration("1h30"), None);
    assert_eq!(duration("h"), None);
    assert_eq!(duration("1x"), None);
}

#[test]
fn tags_follow_the_specification() {
    let t = |s: &str, v: Option<&str>| (s.to_string(), v.map(str::to_string));
    assert_eq!(
        tags("#Office day (#coding, #meetings) #ticket=891 #project=\"22/48.3\" #読む"),
        [
            t("office", None),
            t("coding", None),
            t("meetings", None),
            t("ticket", Some("891")),
            t("project", Some("22/48.3")),
            t("読む", None)
        ]
    );
    // An unclosed quote: the value is absent. An empty value is no value.
    assert_eq!(tags("#call=\"Liz"), [t("call", None)]);
    assert_eq!(tags("#a= #b=''"), [t("a", None), t("b", None)]);
    assert!(tags("# not a tag, nor is #").is_empty());
}

#[test]
fn entries_are_ranges_open_ranges_or_durations() {
    assert_eq!(
        entry("8:00 - 9:30 standup #team", day()),
        Ok((
            Kind::Range(at(15, 8, 0), at(15, 9, 30)),
            "standup #team".into()
        ))
    );
    assert_eq!(
        entry("<23:40-3:12", day()),
        Ok((Kind::Range(at(14, 23, 40), at(15, 3, 12)), String::new()))
    );
    assert_eq!(
        entry("9:00 - ???", day()),
        Ok((Kind::Open(at(15, 9, 0)), String::new()))
    );
    assert_eq!(
        entry("-1h Lunch break", day()),
        Ok((Kind::Duration(-60), "Lunch break".into()))
    );
    assert!(
        entry("10:00 - 9:00", day())
            .unwrap_err()
            .contains("ends before")
    );
    assert!(
        entry("9:00 lunch", day())
            .unwrap_err()
            .contains("not a range")
    );
    assert!(
        entry("lunch", day())
            .unwrap_err()
            .contains("not a klog entry")
    );
}
