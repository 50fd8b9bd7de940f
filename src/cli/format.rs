//! Human-readable text for sessions: one line a session, shown in the user's zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::model::Session;
use crate::report::apportion;
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

/// One `log` row: id, times, duration, project, tags, note.
#[must_use]
pub fn row(s: &Session, zone: Tz, now: DateTime<Utc>) -> String {
    let seconds = s.duration_seconds(now);
    row_shown(
        s,
        zone,
        &minutes(seconds, apportion::round_minutes(seconds)),
    )
}

/// A `log` row with its duration already formatted (see [`minutes`]).
#[must_use]
pub fn row_shown(s: &Session, zone: Tz, duration: &str) -> String {
    let running = if s.is_running() { "  (running)" } else { "" };
    format!(
        "{:>6}  {}  {:>8}  {}{running}",
        s.id,
        span(s, zone),
        duration,
        label(s)
    )
}

/// A duration shown as whole minutes (`1h 05m`, `20m`), except that under a minute
/// the exact seconds are shown (`45s`), which no minute total could mislead about.
#[must_use]
pub fn minutes(exact_seconds: i64, shown_minutes: i64) -> String {
    if exact_seconds < 60 && shown_minutes == 0 {
        return time::human_duration(exact_seconds);
    }
    let (h, m) = (shown_minutes / 60, shown_minutes % 60);
    if h > 0 {
        format!("{h}h {m:02}m")
    } else {
        format!("{m}m")
    }
}

/// `Mon 2026-03-02 09:15`.
#[must_use]
pub fn when(zone: Tz, instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&zone)
        .format("%a %Y-%m-%d %H:%M")
        .to_string()
}
