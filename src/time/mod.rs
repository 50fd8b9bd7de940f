//! Clock, time zone and every local↔UTC conversion. Nothing outside this module
//! builds a zone or asks the system for the time, so tests can pin both with
//! `OTIUM_NOW` and `OTIUM_TZ`.

pub mod calendar;
pub mod moment;
pub mod parse;
pub mod parse_zh;
pub mod range;
pub mod split;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};

pub use parse::{format_duration_input, parse_duration, parse_instant};

/// Where "now" comes from: the system clock, or a fixed instant for tests and scripts.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// The operating system's clock.
    System,
    /// A fixed instant (`OTIUM_NOW`).
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// Reads `OTIUM_NOW` (an RFC 3339 instant) if set, else the system clock.
    pub fn from_env() -> Result<Self> {
        match std::env::var("OTIUM_NOW") {
            Ok(text) if !text.trim().is_empty() => {
                let instant = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
                    Error::config(format!(
                        "OTIUM_NOW={text:?} is not an RFC 3339 instant; use e.g. 2026-03-02T09:15:00+01:00 or unset it"
                    ))
                })?;
                Ok(Clock::Fixed(instant.with_timezone(&Utc)))
            }
            _ => Ok(Clock::System),
        }
    }

    /// The current instant, truncated to whole seconds (the store's precision).
    #[must_use]
    // The one read of the system clock (clippy.toml bans it everywhere else).
    #[expect(clippy::disallowed_methods)]
    pub fn now(&self) -> DateTime<Utc> {
        let now = match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => *t,
        };
        DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
    }
}

/// Picks the user's zone: `OTIUM_TZ`, else `TZ` if it names an IANA zone,
/// else the system zone, else UTC. A bad `OTIUM_TZ` is an error, not a silent fallback;
/// a bad `TZ` (set for every program, so not refused) falls back with a note saying
/// so, which the caller tells once on stderr.
// The one look-up of the system zone (clippy.toml bans it everywhere else).
#[expect(clippy::disallowed_methods)]
pub fn zone_from_env() -> Result<(Tz, Option<ZoneNote>)> {
    if let Ok(name) = std::env::var("OTIUM_TZ")
        && !name.trim().is_empty()
    {
        return parse_zone(name.trim()).map(|tz| (tz, None)).map_err(|_| {
            Error::config(format!(
                "OTIUM_TZ={name:?} is not an IANA time zone; use a name like Europe/Berlin or unset it"
            ))
        });
    }
    let mut bad_tz = None;
    if let Ok(name) = std::env::var("TZ")
        && !name.trim().is_empty()
    {
        match parse_zone(name.trim().trim_start_matches(':')) {
            Ok(tz) => return Ok((tz, None)),
            Err(_) => bad_tz = Some(name),
        }
    }
    let system = iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| parse_zone(&name).ok());
    let zone = system.unwrap_or(Tz::UTC);
    let note = bad_tz.map(|name| ZoneNote {
        tz: name,
        system: system.map(|_| zone),
    });
    Ok((zone, note))
}

/// A `TZ` that names no zone, and what is used instead: told once on stderr.
#[derive(Debug, Clone)]
pub struct ZoneNote {
    /// The `TZ` value as set.
    pub tz: String,
    /// The system zone used instead, or `None` for UTC.
    pub system: Option<Tz>,
}

impl ZoneNote {
    /// The note in `lang`.
    #[must_use]
    pub fn text_in(&self, lang: crate::i18n::Lang) -> String {
        let tz = format!("{:?}", self.tz);
        match self.system {
            Some(zone) => crate::i18n::t(
                lang,
                "note-bad-tz-system",
                &[("tz", &tz), ("zone", &zone.name())],
            ),
            None => crate::i18n::t(lang, "note-bad-tz-utc", &[("tz", &tz)]),
        }
    }
}

/// Parses an IANA zone name such as `Europe/Berlin`.
pub fn parse_zone(name: &str) -> Result<Tz> {
    zone_named(name).ok_or_else(|| {
        Error::invalid(format!(
            "unknown time zone {name:?}; use an IANA name like Europe/Berlin or America/New_York"
        ))
    })
}

/// The IANA zone called exactly `name`, if there is one; for names otium wrote itself
/// (say the zone column of a stored session), where a user-facing error has no place.
#[must_use]
pub fn zone_named(name: &str) -> Option<Tz> {
    name.parse().ok()
}

/// An instant resolved from a local wall-clock time, with a note when the
/// wall-clock time fell in a DST gap or overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The UTC instant.
    pub instant: DateTime<Utc>,
    /// Set when the rule for non-existent or repeated local times was applied.
    pub note: Option<String>,
}

/// Turns a local wall-clock time into an instant in `tz`.
///
/// The rule (the same as RFC 5545 and JavaScript Temporal's "compatible"):
/// a time that does not exist because clocks jump forward is moved forward by
/// the length of the jump (02:30 on a 1-hour spring-forward day becomes 03:30);
/// a time that happens twice because clocks fall back means the first one
/// (the earlier instant, still on summer time).
#[must_use]
pub fn resolve_local(tz: Tz, naive: NaiveDateTime) -> Resolved {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Resolved {
            instant: t.with_timezone(&Utc),
            note: None,
        },
        LocalResult::Ambiguous(first, second) => {
            let note = format!(
                "{} happens twice in {tz} (clocks go back); using the first, {} ({}), not {} ({})",
                naive.format("%Y-%m-%d %H:%M"),
                first.format("%H:%M %Z"),
                first.format("%:z"),
                second.format("%H:%M %Z"),
                second.format("%:z"),
            );
            Resolved {
                instant: first.with_timezone(&Utc),
                note: Some(note),
            }
        }
        LocalResult::None => {
            // Use the offset in force just before the gap: the wall time moves
            // forward by exactly the length of the gap.
            // Checked: at the ends of chrono's range (years ±262143, which the date
            // parsers accept) the zone has no answer and plain `-` panicked (found by
            // the fuzzer); the wall time is then read as UTC.
            let utc = naive.and_utc();
            let before = utc.checked_sub_signed(Duration::days(1)).unwrap_or(utc);
            let offset = tz.offset_from_utc_datetime(&before.naive_utc());
            let fixed = chrono::Offset::fix(&offset);
            let instant = naive
                .checked_sub_signed(Duration::seconds(i64::from(fixed.local_minus_utc())))
                .unwrap_or(naive)
                .and_utc();
            let shown = instant.with_timezone(&tz);
            let note = format!(
                "{} does not exist in {tz} (clocks jump forward); using {} ({})",
                naive.format("%Y-%m-%d %H:%M"),
                shown.format("%H:%M %Z"),
                shown.format("%:z"),
            );
            Resolved {
                instant,
                note: Some(note),
            }
        }
    }
}

/// The first instant of a local calendar day in `tz` (midnight, or the first
/// instant after a gap where midnight does not exist).
#[must_use]
pub fn day_start(tz: Tz, date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    match tz.from_local_datetime(&midnight) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            // Midnight skipped: the day starts at the instant of the jump, which is
            // the resolved instant minus the part of the gap before midnight.
            let resolved = resolve_local(tz, midnight).instant;
            let (step, floor) = (Duration::minutes(15), Duration::hours(3));
            let floor = resolved.checked_sub_signed(floor).unwrap_or(resolved);
            let mut t = resolved;
            while t.with_timezone(&tz).date_naive() == date && t > floor {
                t = t.checked_sub_signed(step).unwrap_or(floor);
            }
            t.checked_add_signed(step).unwrap_or(t)
        }
    }
}

/// The local calendar date of an instant in `tz`.
#[must_use]
pub fn local_date(tz: Tz, instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

/// Converts stored unix seconds back to an instant.
#[must_use]
pub fn from_unix(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// Formats an instant in a zone as RFC 3339 with offset, e.g. `2026-03-02T09:15:00+01:00`.
// chrono's own RFC 3339 writer, which replaced a hand-written one: measured on
// `otium export --all --format csv` (release, whole process, medians of paired runs),
// 1M seeded sessions: 2.22 s CPU (2.31 s wall) with chrono against 2.96 s (3.01 s)
// hand-written, a paired ratio of 0.75 (the seeder's history reaches back to LMT
// offsets, which the hand-written one sent through `format`); 100k sessions, all on
// whole-minute offsets: 0.224 s CPU against 0.219 s, a ratio of 1.01, within the
// noise. The output is byte-identical (CSV, JSON and ICS exports compared with
// `cmp`), and the test below pins it to the `format` form.
#[must_use]
pub fn rfc3339_in(tz: Tz, instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&tz)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Formats an instant as local `HH:MM` in `tz`.
#[must_use]
pub fn hhmm_in(tz: Tz, instant: DateTime<Utc>) -> String {
    instant.with_timezone(&tz).format("%H:%M").to_string()
}

/// Formats an instant as local `YYYY-MM-DD HH:MM` in `tz`.
#[must_use]
pub fn date_hhmm_in(tz: Tz, instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Formats a number of seconds for people: `45s`, `12m`, `1h 05m`, `26h 00m`. From a
/// minute on it is rounded to the nearest minute (halves up), as reports and `log`
/// round, so every place shows one session's length the same way.
#[must_use]
pub fn human_duration(seconds: i64) -> String {
    let mut text = String::new();
    push_human_duration(&mut text, seconds);
    text
}

/// [`human_duration`] appended to `into`, without a `String` of its own (a table of
/// thousands of rows writes thousands of them).
pub fn push_human_duration(into: &mut String, seconds: i64) {
    use std::fmt::Write;
    let seconds = seconds.max(0);
    if seconds < 60 {
        let _ = write!(into, "{seconds}s");
    } else {
        push_minutes_text(into, (seconds + 30) / 60);
    }
}

/// Whole minutes for people: `12m`, `1h 05m`, `26h 00m`.
#[must_use]
pub fn minutes_text(minutes: i64) -> String {
    let mut text = String::new();
    push_minutes_text(&mut text, minutes);
    text
}

/// [`minutes_text`] appended to `into`.
fn push_minutes_text(into: &mut String, minutes: i64) {
    use std::fmt::Write;
    let (h, m) = (minutes / 60, minutes % 60);
    let _ = if h > 0 {
        write!(into, "{h}h {m:02}m")
    } else {
        write!(into, "{m}m")
    };
}

/// The machine's own clock as file modification times are stamped with it. Not the
/// user's clock ([`Clock`], which `OTIUM_NOW` pins): this only tells whether a
/// folder's modification time is too recent to trust as "nothing changed since".
#[must_use]
pub fn file_clock() -> std::time::SystemTime {
    std::time::SystemTime::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn spring_forward_gap_moves_forward_by_the_gap() {
        // Berlin 2026-03-29: 02:00 CET -> 03:00 CEST. 02:30 does not exist; 03:30 CEST = 01:30 UTC.
        let r = resolve_local(chrono_tz::Europe::Berlin, naive("2026-03-29 02:30"));
        assert_eq!(r.instant.to_rfc3339(), "2026-03-29T01:30:00+00:00");
        assert!(r.note.unwrap().contains("does not exist"));
    }

    #[test]
    fn lord_howe_half_hour_gap() {
        // Lord Howe 2026-10-04: 02:00 +10:30 -> 02:30 +11:00. 02:15 does not exist;
        // moved forward by 30 min: 02:45 +11:00 = 15:45 UTC the day before.
        let r = resolve_local(chrono_tz::Australia::Lord_Howe, naive("2026-10-04 02:15"));
        assert_eq!(r.instant.to_rfc3339(), "2026-10-03T15:45:00+00:00");
    }

    #[test]
    fn fall_back_overlap_takes_the_first() {
        // New York 2026-11-01: 01:30 happens at -04:00 (05:30 UTC) and -05:00 (06:30 UTC).
        let r = resolve_local(chrono_tz::America::New_York, naive("2026-11-01 01:30"));
        assert_eq!(r.instant.to_rfc3339(), "2026-11-01T05:30:00+00:00");
        assert!(r.note.unwrap().contains("happens twice"));
    }

    #[test]
    fn day_start_where_midnight_is_skipped() {
        // America/Santiago 2026-09-06: clocks jump from 00:00 to 01:00 (-04 -> -03).
        let tz: Tz = "America/Santiago".parse().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let start = day_start(tz, date);
        assert_eq!(start.to_rfc3339(), "2026-09-06T04:00:00+00:00");
        assert_eq!(
            start.with_timezone(&tz).format("%H:%M").to_string(),
            "01:00"
        );
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        // Found by the fuzzer: `--day -262143-01-01` panicked in resolve_local.
        for tz in [
            chrono_tz::UTC,
            chrono_tz::Europe::Berlin,
            chrono_tz::Pacific::Kiritimati,
        ] {
            for date in [NaiveDate::MIN, NaiveDate::MAX] {
                let _ = day_start(tz, date);
                for time in ["00:00", "12:00", "23:59"] {
                    let naive = date.and_time(time.parse().unwrap());
                    let _ = resolve_local(tz, naive);
                }
            }
        }
    }

    proptest::proptest! {
        // Exports have always written this `format` pattern; the RFC 3339 writer must
        // keep every byte of it, LMT offsets with seconds and years past 9999 included.
        #[test]
        fn rfc3339_matches_the_strftime_form(
            seconds in -5_000_000_000_i64..300_000_000_000,
            zone in proptest::sample::select(vec![
                "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
                "America/St_Johns", "Pacific/Chatham", "Africa/Monrovia", "UTC",
            ]),
        ) {
            let tz: Tz = zone.parse().unwrap();
            let instant = DateTime::from_timestamp(seconds, 0).unwrap();
            let chrono = instant.with_timezone(&tz).format("%Y-%m-%dT%H:%M:%S%:z").to_string();
            proptest::prop_assert_eq!(rfc3339_in(tz, instant), chrono);
        }
    }

    #[test]
    fn rfc3339_examples() {
        let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(
            rfc3339_in(berlin, at("2026-03-02T08:15:00Z")),
            "2026-03-02T09:15:00+01:00"
        );
        let kathmandu = chrono_tz::Asia::Kathmandu;
        assert_eq!(
            rfc3339_in(kathmandu, at("2026-03-02T00:00:00Z")),
            "2026-03-02T05:45:00+05:45"
        );
        let st_johns = chrono_tz::America::St_Johns;
        assert_eq!(
            rfc3339_in(st_johns, at("2026-01-01T00:00:00Z")),
            "2025-12-31T20:30:00-03:30"
        );
    }

    #[test]
    fn human_durations() {
        assert_eq!(human_duration(45), "45s");
        assert_eq!(human_duration(720), "12m");
        assert_eq!(human_duration(3900), "1h 05m");
        assert_eq!(human_duration(93_600), "26h 00m");
        // Rounded to the nearest minute, halves up: 59m40s is 1h 00m, 12m29s is 12m.
        assert_eq!(human_duration(3580), "1h 00m");
        assert_eq!(human_duration(749), "12m");
        assert_eq!(human_duration(750), "13m");
        assert_eq!(human_duration(59), "59s");
    }
}
