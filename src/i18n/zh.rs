//! Chinese forms of dates, weekdays and durations, and display-width padding for
//! tables that mix CJK and Latin text. Pure functions: no clock, no zone lookup.

use chrono::{Datelike, NaiveDate, Weekday};
use unicode_width::UnicodeWidthStr;

/// `周一` … `周日`, the weekday as a Chinese calendar or timesheet says it.
#[must_use]
pub fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// `12月1日 周二`: a day within the year, with its weekday.
#[must_use]
pub fn day_short(date: NaiveDate) -> String {
    format!(
        "{}月{}日 {}",
        date.month(),
        date.day(),
        weekday(date.weekday())
    )
}

/// `2026年12月1日`: a full date.
#[must_use]
pub fn day_long(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// `1小时05分`, `0小时47分`, `26小时00分`; under a minute `45秒`. Rounded to the
/// nearest minute, halves up, as the English form is.
#[must_use]
pub fn duration(seconds: i64) -> String {
    let mut text = String::new();
    push_duration(&mut text, seconds);
    text
}

/// [`duration`] appended to `into`, without a `String` of its own.
pub fn push_duration(into: &mut String, seconds: i64) {
    use std::fmt::Write;
    let seconds = seconds.max(0);
    if seconds < 60 {
        let _ = write!(into, "{seconds}秒");
    } else {
        push_minutes(into, (seconds + 30) / 60);
    }
}

/// Whole minutes as `H小时MM分`: always with hours, so a column of them lines up.
#[must_use]
pub fn minutes(minutes: i64) -> String {
    let mut text = String::new();
    push_minutes(&mut text, minutes);
    text
}

/// [`minutes`] appended to `into`.
fn push_minutes(into: &mut String, minutes: i64) {
    use std::fmt::Write;
    let minutes = minutes.max(0);
    let _ = write!(into, "{}小时{:02}分", minutes / 60, minutes % 60);
}

/// `text` padded with spaces to `width` terminal columns (a CJK character takes
/// two), on the right; text already wider is returned whole.
#[must_use]
pub fn pad_end(text: &str, width: usize) -> String {
    let shown = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
}

/// As [`pad_end`], padded on the left (for numbers and durations).
#[must_use]
pub fn pad_start(text: &str, width: usize) -> String {
    let shown = text.width();
    format!("{}{text}", " ".repeat(width.saturating_sub(shown)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_read_as_a_chinese_calendar_does() {
        // 2026-12-01 is a Tuesday (2026-01-01 is a Thursday; +334 days = 47 weeks + 5).
        assert_eq!(day_short(date(2026, 12, 1)), "12月1日 周二");
        assert_eq!(day_long(date(2026, 12, 1)), "2026年12月1日");
        // 2026-03-02 is a Monday (the tests' usual "now"), 2026-03-08 its Sunday.
        assert_eq!(day_short(date(2026, 3, 2)), "3月2日 周一");
        assert_eq!(day_short(date(2026, 3, 8)), "3月8日 周日");
    }

    #[test]
    fn durations_always_show_hours_and_two_digit_minutes() {
        let cases = [
            (3900, "1小时05分"),
            (47 * 60, "0小时47分"),
            (93_600, "26小时00分"),
            // 59m40s rounds up to the hour; 12m29s down to 12 minutes.
            (3580, "1小时00分"),
            (749, "0小时12分"),
            (45, "45秒"),
            (-5, "0秒"),
        ];
        for (seconds, want) in cases {
            assert_eq!(duration(seconds), want, "{seconds}");
        }
    }

    #[test]
    fn padding_counts_terminal_columns_not_bytes() {
        // "写作" is 6 bytes, 2 chars, 4 columns: padding to 6 adds 2 spaces.
        assert_eq!(pad_end("写作", 6), "写作  ");
        assert_eq!(pad_end("code", 6), "code  ");
        assert_eq!(pad_start("1小时05分", 12), "   1小时05分");
        assert_eq!(pad_end("会议记录整理", 4), "会议记录整理");
        // Two rows, one Chinese and one Latin, end at the same column.
        let a = format!("{}|", pad_end("编程", 8));
        let b = format!("{}|", pad_end("coding", 8));
        assert_eq!(a.width(), b.width());
    }
}

/// `2026年12月1日 周二`: a full date with its weekday (report rows, ranges).
#[must_use]
pub fn day_full(date: NaiveDate) -> String {
    format!("{} {}", day_long(date), weekday(date.weekday()))
}

/// `2026年3月`: a calendar month.
#[must_use]
pub fn month(date: NaiveDate) -> String {
    format!("{}年{}月", date.year(), date.month())
}

/// A rounding step or other length typed as input, said in words: `15分钟`, `1小时`,
/// `1小时30分钟`, `45秒` (the English side prints `15m`, `1h30m`).
#[must_use]
pub fn step(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}小时"));
    }
    if m > 0 {
        out.push_str(&format!("{m}分钟"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}秒"));
    }
    out
}

#[cfg(test)]
mod report_forms {
    use super::*;

    #[test]
    fn full_dates_months_and_steps() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(day_full(d), "2026年3月2日 周一");
        assert_eq!(month(d), "2026年3月");
        assert_eq!(step(900), "15分钟");
        assert_eq!(step(3600), "1小时");
        assert_eq!(step(5400), "1小时30分钟");
        assert_eq!(step(0), "0秒");
    }
}
