//! The time grammar's Chinese habits, read before the English grammar in
//! [`super::parse`]: full-width digits and punctuation from a Chinese input method
//! (`９：３０`, `9：30`), the day words `今天`, `昨天`, `前天` (`昨天 14:00`),
//! `N分钟前` / `N小时前`, and durations in Chinese units (`90分钟`, `1小时30分`,
//! `1小时30分钟`, `1.5小时`, `45秒`). Each is rewritten into the English grammar or
//! resolved here; everything English keeps working in every language.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::Resolved;
use super::parse::{parse_duration, parse_instant};
use crate::error::{Error, ErrorKind, Result};

/// Full-width ASCII (`０`–`９`, `：`, `．`, `ｈ`…) and the ideographic space as
/// their plain forms; `None` when there is none, so plain text is not copied.
fn half_width(text: &str) -> Option<String> {
    let wide = |c: char| ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}';
    if !text.chars().any(wide) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| match c {
                '\u{3000}' => ' ',
                // The full-width block mirrors ASCII 0x21..=0x7E at a fixed offset.
                c if wide(c) => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect(),
    )
}

/// The Chinese units of a duration, longest first so `分钟` is not read as `分`.
const UNITS: [(&str, &str); 7] = [
    ("个小时", "h"),
    ("小时", "h"),
    ("钟头", "h"),
    ("分钟", "m"),
    ("分", "m"),
    ("秒钟", "s"),
    ("秒", "s"),
];

/// A duration in Chinese units or full-width digits rewritten into the English
/// grammar (`1小时30分` → `1h30m`); `None` when the text has neither.
#[must_use]
pub fn plain_duration(text: &str) -> Option<String> {
    let wide = half_width(text);
    let mut plain = wide.clone().unwrap_or_else(|| text.to_string());
    for (zh, en) in UNITS {
        plain = plain.replace(zh, en);
    }
    (wide.is_some() || plain != text).then_some(plain)
}

/// The error for a time that cannot be read, from the catalogue (Chinese in zh-CN).
#[must_use]
pub fn time_error(input: &str) -> Error {
    Error::keyed(
        ErrorKind::InvalidInput,
        "time-unreadable",
        vec![("input", format!("{:?}", input.trim()))],
    )
}

/// The error for a duration that cannot be read, from the catalogue.
#[must_use]
pub fn duration_error(input: &str) -> Error {
    Error::keyed(
        ErrorKind::InvalidInput,
        "duration-unreadable",
        vec![("input", format!("{:?}", input.trim()))],
    )
}

/// An instant in a Chinese form, or `None` when `input` has none (the English
/// grammar then reads it). `input` is trimmed.
pub fn instant(
    input: &str,
    now: DateTime<Utc>,
    zone: Tz,
    reference_day: NaiveDate,
) -> Option<Result<Resolved>> {
    if let Some(plain) = half_width(input) {
        return Some(parse_instant(&plain, now, zone, reference_day));
    }
    if input == "现在" {
        return Some(Ok(Resolved {
            instant: now,
            note: None,
        }));
    }
    let today = now.with_timezone(&zone).date_naive();
    for (word, back) in [("今天", 0), ("昨天", 1), ("前天", 2)] {
        if let Some(rest) = input.strip_prefix(word) {
            return Some(on_day(input, rest.trim(), today, back, now, zone));
        }
    }
    if let Some(rest) = input.strip_suffix('前') {
        let ago = parse_duration(rest).map_err(|_| time_error(input));
        return Some(ago.map(|seconds| Resolved {
            instant: now - Duration::seconds(seconds),
            note: None,
        }));
    }
    None
}

/// `clock` (`14:00`, `9:30:15`) on the day `back` days before `today`.
fn on_day(
    input: &str,
    clock: &str,
    today: NaiveDate,
    back: u64,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Resolved> {
    // Only a clock time may follow the day word: `昨天 2026-01-01 9:00` means nothing.
    let looks_like_clock =
        clock.contains(':') && clock.chars().all(|c| c.is_ascii_digit() || c == ':');
    let day = today.checked_sub_days(chrono::Days::new(back));
    match day {
        Some(day) if looks_like_clock => {
            parse_instant(&format!("{day} {clock}"), now, zone, day).map_err(|_| time_error(input))
        }
        _ => Err(time_error(input)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::TimeZone;

    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    /// Monday 2026-03-02 12:00 in Berlin (UTC+1), as the English grammar's tests.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 11, 0, 0).unwrap()
    }

    fn at(text: &str) -> Result<String> {
        let today = now().with_timezone(&BERLIN).date_naive();
        parse_instant(text, now(), BERLIN, today).map(|r| r.instant.to_rfc3339())
    }

    #[test]
    fn chinese_instants() {
        // Expected instants by hand: Berlin is UTC+1 in March before the 29th.
        let cases = [
            ("今天 9:30", "2026-03-02T08:30:00+00:00"),
            ("今天9:30", "2026-03-02T08:30:00+00:00"),
            ("昨天 14:00", "2026-03-01T13:00:00+00:00"),
            // 2026 is no leap year: two days before 2 March is 28 February.
            ("前天 14:00", "2026-02-28T13:00:00+00:00"),
            ("前天 18:00:30", "2026-02-28T17:00:30+00:00"),
            ("10分钟前", "2026-03-02T10:50:00+00:00"),
            ("2小时前", "2026-03-02T09:00:00+00:00"),
            ("1小时30分钟前", "2026-03-02T09:30:00+00:00"),
            ("现在", "2026-03-02T11:00:00+00:00"),
            // Full-width digits and colon from an input method.
            ("９：３０", "2026-03-02T08:30:00+00:00"),
            ("9：30", "2026-03-02T08:30:00+00:00"),
            ("昨天 ９：３０", "2026-03-01T08:30:00+00:00"),
            ("昨天\u{3000}9:30", "2026-03-01T08:30:00+00:00"),
            (
                "２０２６－０３－０１ １４：００",
                "2026-03-01T13:00:00+00:00",
            ),
            ("１０分钟前", "2026-03-02T10:50:00+00:00"),
            // English keeps working.
            ("yesterday 14:00", "2026-03-01T13:00:00+00:00"),
            ("15m ago", "2026-03-02T10:45:00+00:00"),
            ("9:30", "2026-03-02T08:30:00+00:00"),
        ];
        for (text, want) in cases {
            assert_eq!(at(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn chinese_instants_refused() {
        for text in [
            "胡说八道",
            "昨天",
            "昨天 下午",
            "今天 2026-03-01 9:00",
            "前",
            "三分钟前",
            "abc分钟前",
            "９：７０",
        ] {
            let err = at(text).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{text}");
        }
    }

    #[test]
    fn nonsense_is_refused_in_the_users_language() {
        let err = at("胡说八道").unwrap_err();
        assert_eq!(
            err.message_in(Lang::ZhCn),
            "看不懂时间 \"胡说八道\"；可以写 HH:MM、YYYY-MM-DD HH:MM、今天 9:30、昨天 14:00、前天 18:00、15分钟前，或 RFC 3339"
        );
        assert_eq!(
            err.message_in(Lang::En),
            "cannot read \"胡说八道\" as a time; use HH:MM, YYYY-MM-DD HH:MM, yesterday HH:MM, 15m ago or RFC 3339"
        );
        let err = parse_duration("很久").unwrap_err();
        assert!(
            err.message_in(Lang::ZhCn)
                .starts_with("看不懂时长 \"很久\"")
        );
        assert!(
            err.message()
                .starts_with("cannot read \"很久\" as a duration")
        );
    }

    #[test]
    fn chinese_durations() {
        let cases = [
            ("90分钟", 5400),
            ("1小时30分", 5400),
            ("1小时30分钟", 5400),
            ("1小时 30分", 5400),
            ("1.5小时", 5400),
            ("1个小时", 3600),
            ("2钟头", 7200),
            ("45秒", 45),
            ("２小时", 7200),
            ("１：３０", 5400),
            ("90m", 5400),
            ("1h30m", 5400),
        ];
        for (text, want) in cases {
            assert_eq!(parse_duration(text).unwrap(), want, "{text}");
        }
        for text in ["小时", "三小时", "1小时x", "分钟30"] {
            assert!(parse_duration(text).is_err(), "{text}");
        }
    }
}
