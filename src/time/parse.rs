//! The time and duration grammar users type (documented in the README).
//!
//! Instants: `now`, `HH:MM[:SS]` (on the reference day), `YYYY-MM-DD HH:MM[:SS]`,
//! `YYYY-MM-DDTHH:MM[:SS]`, RFC 3339 with offset (seconds optional), `yesterday HH:MM`, `today HH:MM`,
//! `N min ago`, `2h ago`, `1h30m ago`, `-15m`.
//! Durations: `1h30m`, `1h 30m`, `90m`, `1.5h`, `1:30`, `45s`, `90 min`, `2 hours`.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use super::{Resolved, resolve_local};
use crate::error::{Error, ErrorKind, Result};

/// The longest duration read, in seconds (about 31,700 years): far beyond any real
/// session, and far inside what `now - duration` can represent, in every form.
const MAX_DURATION: i64 = 1_000_000_000_000;

/// Parses a user-typed instant, in whole seconds (the store's precision: a fraction
/// of a second is dropped, and a leap second `:60` is refused).
///
/// `now` and `zone` anchor relative forms; `reference_day` is the local date a bare
/// `HH:MM` falls on (today for most verbs, the session's day for `edit`).
pub fn parse_instant(
    text: &str,
    now: DateTime<Utc>,
    zone: Tz,
    reference_day: NaiveDate,
) -> Result<Resolved> {
    let Resolved { instant, note } = read_instant(text, now, zone, reference_day)?;
    // chrono reads `:60` as a leap second, which unix seconds cannot hold (found by
    // the fuzzer: it came back as `:59` of the minute before).
    if instant.nanosecond() >= 1_000_000_000 {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-leap-second",
            vec![("input", format!("{:?}", text.trim()))],
        ));
    }
    let instant = DateTime::from_timestamp(instant.timestamp(), 0).unwrap_or(instant);
    Ok(Resolved { instant, note })
}

fn read_instant(
    text: &str,
    now: DateTime<Utc>,
    zone: Tz,
    reference_day: NaiveDate,
) -> Result<Resolved> {
    let input = text.trim();
    // Chinese input habits first (full-width digits, 今天/昨天/前天, N分钟前).
    if let Some(resolved) = super::parse_zh::instant(input, now, zone, reference_day) {
        return resolved;
    }
    let lower = input.to_ascii_lowercase();
    let bad = || super::parse_zh::time_error(input);
    if lower.is_empty() {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-empty-time",
            vec![],
        ));
    }
    if lower == "now" {
        return Ok(Resolved {
            instant: now,
            note: None,
        });
    }
    if let Some(ago) = lower.strip_suffix("ago") {
        let seconds = parse_duration(ago).map_err(|_| bad())?;
        return Ok(Resolved {
            instant: now - Duration::seconds(seconds),
            note: None,
        });
    }
    if let Some(back) = lower.strip_prefix('-') {
        let seconds = parse_duration(back).map_err(|_| bad())?;
        return Ok(Resolved {
            instant: now - Duration::seconds(seconds),
            note: None,
        });
    }
    if let Some(t) = DateTime::parse_from_rfc3339(input)
        .ok()
        .or_else(|| parse_offset_minutes(input))
    {
        return Ok(Resolved {
            instant: t.with_timezone(&Utc),
            note: None,
        });
    }
    let today = now.with_timezone(&zone).date_naive();
    for (word, day) in [("yesterday", today.pred_opt()), ("today", Some(today))] {
        if let Some(rest) = lower.strip_prefix(word) {
            let (time, day) = (
                parse_clock(rest.trim()).ok_or_else(bad)?,
                day.ok_or_else(bad)?,
            );
            return Ok(resolve_local(zone, day.and_time(time)));
        }
    }
    if let Some(naive) = parse_naive_datetime(input) {
        return Ok(resolve_local(zone, naive));
    }
    if let Some(time) = parse_clock(&lower) {
        return Ok(resolve_local(zone, reference_day.and_time(time)));
    }
    if parse_date(input).is_some() {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-date-without-time",
            vec![("input", format!("{input:?}")), ("date", input.to_string())],
        ));
    }
    Err(bad())
}

/// Parses `YYYY-MM-DD`.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn parse_naive_datetime(text: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(text, fmt).ok())
}

/// ISO 8601 with an offset but no seconds (`2026-11-01T00:30-04:00`, `…T00:30Z`), as
/// other tools print it and people paste it; RFC 3339 requires the seconds. The offset
/// names the instant, so no zone rule (DST gap or fold) is involved.
fn parse_offset_minutes(text: &str) -> Option<DateTime<chrono::FixedOffset>> {
    let text = match text.strip_suffix(['Z', 'z']) {
        Some(utc) => format!("{utc}+00:00"),
        None => text.to_string(),
    };
    ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M%:z"]
        .iter()
        .find_map(|fmt| DateTime::parse_from_str(&text, fmt).ok())
}

/// Whether `text` is a time of day as this grammar reads it (`9:15`, `10:00:30`).
#[must_use]
pub fn is_clock(text: &str) -> bool {
    parse_clock(text).is_some()
}

/// The words that name a day and need a time after them (`昨天 9:00`).
const DAY_WORDS: &[&str] = &["today", "yesterday", "今天", "昨天", "前天"];

/// `day` and `next` joined into one time, when `day` is a bare day word (`昨天`,
/// `yesterday`) and `next` a time of day (`9:00`, or `９：００` from a Chinese input
/// method): the shell split `--from 昨天 9:00` because the quotes were left out, and
/// neither word means anything alone (a day without a time is refused, a tag needs
/// its `+`). `None` otherwise.
#[must_use]
pub fn day_then_clock(day: &str, next: &str) -> Option<String> {
    let half: String = next
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
            '：' => ':',
            c => c,
        })
        .collect();
    let is_day = DAY_WORDS.contains(&day.trim().to_lowercase().as_str());
    (is_day && is_clock(&half)).then(|| format!("{} {}", day.trim(), next.trim()))
}

/// `H:MM`, `HH:MM` or `HH:MM:SS`, 24-hour.
fn parse_clock(text: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| !is_digits(p)) {
        return None;
    }
    if parts[0].len() > 2 || parts[1..].iter().any(|p| p.len() != 2) {
        return None;
    }
    let field = |i: usize| parts.get(i).map_or(Some(0), |p| p.parse::<u32>().ok());
    NaiveTime::from_hms_opt(field(0)?, field(1)?, field(2)?)
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Parses a duration into whole seconds (fractions round to the nearest second).
pub fn parse_duration(text: &str) -> Result<i64> {
    // Chinese units and full-width digits become the grammar below (`1小时30分` is
    // `1h30m`); the rewrite has neither, so this recurses once at most.
    if let Some(plain) = super::parse_zh::plain_duration(text) {
        return parse_duration(&plain).map_err(|_| super::parse_zh::duration_error(text));
    }
    let input = text.trim();
    let bad = || super::parse_zh::duration_error(input);
    let lower = input.to_ascii_lowercase();
    if lower.contains(':') {
        let parts: Vec<&str> = lower.split(':').collect();
        if !(2..=3).contains(&parts.len())
            || parts.iter().any(|p| !is_digits(p))
            || parts[1..].iter().any(|p| p.len() != 2)
        {
            return Err(bad());
        }
        let mut seconds: i64 = 0;
        for (i, part) in parts.iter().enumerate() {
            let value: i64 = part.parse().map_err(|_| bad())?;
            if i > 0 && value >= 60 {
                return Err(bad());
            }
            seconds = seconds
                .checked_mul(60)
                .and_then(|s| s.checked_add(value))
                .ok_or_else(bad)?;
        }
        // `1:30` is hours and minutes; `1:30:15` adds seconds.
        let unit = if parts.len() == 2 { 60 } else { 1 };
        return seconds
            .checked_mul(unit)
            .filter(|s| *s <= MAX_DURATION)
            .ok_or_else(bad);
    }
    let mut rest = lower.as_str();
    let mut total = 0.0_f64;
    let mut any = false;
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start();
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number: f64 = rest[..number_len].parse().map_err(|_| bad())?;
        rest = rest[number_len..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_len] {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            "" => {
                return Err(Error::keyed(
                    ErrorKind::InvalidInput,
                    "capture-error-no-unit",
                    vec![("input", format!("{input:?}"))],
                ));
            }
            _ => return Err(bad()),
        };
        rest = &rest[unit_len..];
        total += number * unit;
        any = true;
    }
    if !any || !total.is_finite() || total > MAX_DURATION as f64 {
        return Err(bad());
    }
    // Checked above: finite and far inside i64.
    #[allow(clippy::cast_possible_truncation)]
    Ok(total.round() as i64)
}

/// Formats seconds in the grammar `parse_duration` reads, e.g. `1h30m15s`.
#[must_use]
pub fn format_duration_input(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    fn now() -> DateTime<Utc> {
        // 2026-03-02 12:00 in Berlin (UTC+1).
        Utc.with_ymd_and_hms(2026, 3, 2, 11, 0, 0).unwrap()
    }

    #[test]
    fn a_day_word_and_a_clock_split_by_the_shell_join_again() {
        assert_eq!(day_then_clock("昨天", "9:00").as_deref(), Some("昨天 9:00"));
        assert_eq!(
            day_then_clock("Yesterday", "14:30").as_deref(),
            Some("Yesterday 14:30")
        );
        assert_eq!(
            day_then_clock("前天", "９：３０").as_deref(),
            Some("前天 ９：３０")
        );
        // Not a bare day word, or not a clock: nothing to join.
        assert_eq!(day_then_clock("昨天 9:00", "10:00"), None);
        assert_eq!(day_then_clock("9:00", "10:00"), None);
        assert_eq!(day_then_clock("昨天", "+初稿"), None);
        assert_eq!(day_then_clock("昨天", "25:00"), None);
        // What was joined reads as one time.
        let joined = day_then_clock("昨天", "９：３０").unwrap();
        assert_eq!(at(&joined).unwrap(), "2026-03-01T08:30:00+00:00");
    }

    fn at(text: &str) -> Result<String> {
        let today = now().with_timezone(&BERLIN).date_naive();
        parse_instant(text, now(), BERLIN, today).map(|r| r.instant.to_rfc3339())
    }

    #[test]
    fn instant_grammar_table() {
        let cases = [
            ("now", "2026-03-02T11:00:00+00:00"),
            ("9:15", "2026-03-02T08:15:00+00:00"),
            ("09:15:30", "2026-03-02T08:15:30+00:00"),
            ("2026-03-01 23:30", "2026-03-01T22:30:00+00:00"),
            ("2026-03-02T13:00", "2026-03-02T12:00:00+00:00"),
            ("2026-03-02T13:00:05", "2026-03-02T12:00:05+00:00"),
            ("2026-03-02T13:00:00+05:00", "2026-03-02T08:00:00+00:00"),
            ("2026-03-02T08:00:00Z", "2026-03-02T08:00:00+00:00"),
            // ISO 8601 with an offset but no seconds, as other tools print it.
            ("2026-11-01T00:30-04:00", "2026-11-01T04:30:00+00:00"),
            ("2026-11-01T00:30-0400", "2026-11-01T04:30:00+00:00"),
            ("2026-11-01 00:30+05:30", "2026-10-31T19:00:00+00:00"),
            ("2026-03-02T08:00Z", "2026-03-02T08:00:00+00:00"),
            ("yesterday 14:00", "2026-03-01T13:00:00+00:00"),
            ("Yesterday 14:00", "2026-03-01T13:00:00+00:00"),
            ("today 8:00", "2026-03-02T07:00:00+00:00"),
            ("10 min ago", "2026-03-02T10:50:00+00:00"),
            ("10 minutes ago", "2026-03-02T10:50:00+00:00"),
            ("2h ago", "2026-03-02T09:00:00+00:00"),
            ("1h30m ago", "2026-03-02T09:30:00+00:00"),
            ("-15m", "2026-03-02T10:45:00+00:00"),
        ];
        for (input, expected) in cases {
            assert_eq!(at(input).unwrap(), expected, "input {input:?}");
        }
    }

    /// An offset names the instant even where the zone's own clock is ambiguous or
    /// skipped: New York's fall-back fold (01:30 happens twice on 2026-11-01) and its
    /// spring-forward gap (02:30 never happens on 2026-03-08). Hand-computed: local
    /// minus offset.
    #[test]
    fn offset_without_seconds_is_exact_across_dst_edges() {
        let ny = chrono_tz::America::New_York;
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 10, 12, 0, 0).unwrap();
        let read = |t: &str| {
            let r = parse_instant(t, now, ny, day).unwrap();
            assert!(
                r.note.is_none(),
                "{t}: an explicit offset needs no DST note"
            );
            r.instant.to_rfc3339()
        };
        assert_eq!(read("2026-11-01T01:30-04:00"), "2026-11-01T05:30:00+00:00");
        assert_eq!(read("2026-11-01T01:30-05:00"), "2026-11-01T06:30:00+00:00");
        assert_eq!(read("2026-03-08T02:30-05:00"), "2026-03-08T07:30:00+00:00");
        // The same as with seconds, in every case.
        assert_eq!(
            read("2026-11-01T01:30-04:00"),
            read("2026-11-01T01:30:00-04:00")
        );
        // A bad offset or minute is still refused.
        for bad in [
            "2026-11-01T01:30-25:00",
            "2026-11-01T01:61-04:00",
            "2026-11-01T01:30+",
        ] {
            assert!(parse_instant(bad, now, ny, day).is_err(), "{bad}");
        }
    }

    #[test]
    fn instant_errors_say_what_to_type() {
        for bad in [
            "",
            "25:00",
            "9.15",
            "tomorrowish",
            "12:5",
            "2026-02-30 10:00",
            "ago",
        ] {
            let err = at(bad).unwrap_err();
            assert!(
                err.message().contains("HH:MM") || err.message().contains("empty"),
                "{bad}"
            );
        }
        assert!(
            at("2026-03-02")
                .unwrap_err()
                .message()
                .contains("without a time")
        );
    }

    #[test]
    fn duration_grammar_table() {
        let cases = [
            ("1h30m", 5400),
            ("1h 30m", 5400),
            ("90m", 5400),
            ("1.5h", 5400),
            ("1:30", 5400),
            ("1:30:15", 5415),
            ("45s", 45),
            ("90 min", 5400),
            ("2 hours", 7200),
            ("1h15m", 4500),
            ("0.25h", 900),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_duration(input).unwrap(), expected, "input {input:?}");
        }
    }

    #[test]
    fn duration_errors() {
        for bad in ["", "90", "1x", "h", "1:3", "1:60", "abc", "1..5h"] {
            assert!(parse_duration(bad).is_err(), "{bad:?} should fail");
        }
        assert!(
            parse_duration("90")
                .unwrap_err()
                .message()
                .contains("without a unit")
        );
    }

    #[test]
    fn huge_durations_are_refused_in_every_form() {
        // Found by the fuzz corpus: `99999999999999:00 ago` overflowed chrono and panicked.
        assert_eq!(parse_duration("277777777:46:40").unwrap(), MAX_DURATION);
        for huge in ["99999999999999:00", "277777777:46:41", "1000000000001s"] {
            assert!(parse_duration(huge).is_err(), "{huge}");
        }
        assert!(at("99999999999999:00 ago").is_err());
        assert!(at("-99999999999999:00").is_err());
    }

    #[test]
    fn leap_seconds_are_refused_and_fractions_dropped() {
        // Found by the fuzzer: `26-03-02T16:00:60` parsed as a leap second that
        // did not survive a round trip through RFC 3339.
        for leap in [
            "2026-03-02 16:00:60",
            "2026-03-02T16:00:60",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(
                at(leap).unwrap_err().message().contains("leap second"),
                "{leap}"
            );
        }
        assert_eq!(
            at("2026-03-02T08:00:00.9Z").unwrap(),
            "2026-03-02T08:00:00+00:00"
        );
    }

    proptest! {
        #[test]
        fn duration_round_trip(seconds in 1_i64..10_000_000) {
            prop_assert_eq!(parse_duration(&format_duration_input(seconds)).unwrap(), seconds);
        }

        #[test]
        fn rfc3339_round_trip(secs in 0_i64..4_000_000_000, offset_min in -720_i32..=840) {
            let offset = chrono::FixedOffset::east_opt(offset_min * 60).unwrap();
            let instant = DateTime::from_timestamp(secs, 0).unwrap();
            let text = instant.with_timezone(&offset).to_rfc3339();
            let back = parse_instant(&text, now(), BERLIN, now().date_naive()).unwrap();
            prop_assert_eq!(back.instant, instant);
        }

        #[test]
        fn local_round_trip(secs in 0_i64..4_000_000_000) {
            // Formatting an instant as local wall time and reading it back gives the
            // same instant, except in the repeated hour, where the rule picks the first.
            let instant = DateTime::from_timestamp(secs, 0).unwrap();
            let text = instant.with_timezone(&BERLIN).format("%Y-%m-%d %H:%M:%S").to_string();
            let back = parse_instant(&text, now(), BERLIN, now().date_naive()).unwrap();
            if back.note.is_none() {
                prop_assert_eq!(back.instant, instant);
            } else {
                prop_assert!(back.instant == instant || back.instant == instant - Duration::hours(1));
            }
        }
    }
}
