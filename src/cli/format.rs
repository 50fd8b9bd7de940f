//! Human-readable text for sessions: one line a session, shown in the user's zone.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::i18n::{Lang, zh};
use crate::model::Session;
use crate::time;

/// `writing +book +draft · chapter 3`.
#[must_use]
pub fn label(s: &Session) -> String {
    let mut text = s.project.clone();
    for tag in &s.tags {
        text.push_str(" +");
        text.push_str(tag);
    }
    if let Some(note) = &s.note {
        text.push_str(" · ");
        text.push_str(&crate::model::printable(note));
    }
    text
}

/// `09:15–10:30`, with `+1` when the end falls on a later local day and `…` while running.
#[must_use]
pub fn span(s: &Session, zone: Tz) -> String {
    let start = time::hhmm_in(zone, s.start);
    match s.end {
        None => format!("{start}–…    "),
        Some(end) => {
            let days = (time::local_date(zone, end) - time::local_date(zone, s.start)).num_days();
            let plus = if days > 0 {
                format!("+{days}")
            } else {
                "  ".to_string()
            };
            format!("{start}–{}{plus}", time::hhmm_in(zone, end))
        }
    }
}

/// A `log` row with its duration already formatted (see [`minutes`]), in `lang`;
/// the duration column is padded by display width (`1小时05分` takes nine columns).
#[must_use]
pub fn row_shown(lang: Lang, s: &Session, zone: Tz, duration: &str) -> String {
    let running = if s.is_running() {
        format!("  {}", crate::i18n::t(lang, "capture-log-running", &[]))
    } else {
        String::new()
    };
    let width = if lang.is_zh() { 10 } else { 8 };
    format!(
        "{:>6}  {}  {}  {}{running}",
        s.id,
        span(s, zone),
        zh::pad_start(duration, width),
        label(s)
    )
}

/// A length shown as the whole minutes it was given (a share of a rounded total),
/// except that under a minute the exact seconds are shown, as everywhere else.
#[must_use]
pub fn minutes(lang: Lang, exact_seconds: i64, shown_minutes: i64) -> String {
    if exact_seconds < 60 {
        return crate::i18n::duration(lang, exact_seconds);
    }
    if lang.is_zh() {
        return zh::minutes(shown_minutes);
    }
    time::minutes_text(shown_minutes)
}

/// A local day with its weekday: `Mon 2026-03-02`, or `2026年3月2日 周一`.
#[must_use]
pub fn day(lang: Lang, date: NaiveDate) -> String {
    if lang.is_zh() {
        return format!("{} {}", zh::day_long(date), zh::weekday(date.weekday()));
    }
    date.format("%a %Y-%m-%d").to_string()
}

/// A local date and time in `lang`: `Mon 2026-03-02 09:00`, or `3月2日 周一 09:00`.
#[must_use]
pub fn when_in(lang: Lang, zone: Tz, instant: DateTime<Utc>) -> String {
    if lang.is_zh() {
        let local = instant.with_timezone(&zone);
        return format!(
            "{} {}",
            crate::i18n::zh::day_short(local.date_naive()),
            local.format("%H:%M")
        );
    }
    instant
        .with_timezone(&zone)
        .format("%a %Y-%m-%d %H:%M")
        .to_string()
}

/// The note for a local time that a DST change made missing or repeated, in `lang`,
/// worked out again from the instant it was read as (`resolve_local`'s rule: a
/// missing time moves forward by the gap, a repeated one is the first). `None` when
/// `instant` is no such reading, so the caller keeps the note it has.
#[must_use]
pub fn dst_note(lang: Lang, zone: Tz, instant: DateTime<Utc>) -> Option<String> {
    use chrono::{LocalResult, Offset, TimeZone};
    let offset = |t: DateTime<Utc>| t.with_timezone(&zone).format("%:z").to_string();
    let local = instant.with_timezone(&zone).naive_local();
    if let LocalResult::Ambiguous(first, second) = zone.from_local_datetime(&local) {
        if first.with_timezone(&Utc) != instant {
            return None;
        }
        let (first, second) = (first.with_timezone(&Utc), second.with_timezone(&Utc));
        return Some(crate::i18n::t(
            lang,
            "capture-dst-twice",
            &[
                ("local", &local.format("%Y-%m-%d %H:%M")),
                ("zone", &zone.name()),
                ("first", &time::hhmm_in(zone, first)),
                ("first_offset", &offset(first)),
                ("second", &time::hhmm_in(zone, second)),
                ("second_offset", &offset(second)),
            ],
        ));
    }
    // A time in a gap was read with the offset in force a day before it.
    let before = instant - chrono::Duration::days(1);
    let shift = zone.offset_from_utc_datetime(&before.naive_utc()).fix();
    let typed = instant.naive_utc() + chrono::Duration::seconds(i64::from(shift.local_minus_utc()));
    if !matches!(zone.from_local_datetime(&typed), LocalResult::None) {
        return None;
    }
    Some(crate::i18n::t(
        lang,
        "capture-dst-missing",
        &[
            ("local", &typed.format("%Y-%m-%d %H:%M")),
            ("zone", &zone.name()),
            ("used", &time::hhmm_in(zone, instant)),
            ("offset", &offset(instant)),
        ],
    ))
}
