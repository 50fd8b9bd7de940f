//! Human-readable text for sessions: one line a session, shown in the user's zone.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

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
        text.push_str(note);
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
    let running = if s.is_running() { "  (running)" } else { "" };
    format!(
        "{:>6}  {}  {:>8}  {}{running}",
        s.id,
        span(s, zone),
        time::human_duration(s.duration_seconds(now)),
        label(s)
    )
}

/// `Mon 2026-03-02 09:15`.
#[must_use]
pub fn when(zone: Tz, instant: DateTime<Utc>) -> String {
    instant
        .with_timezone(&zone)
        .format("%a %Y-%m-%d %H:%M")
        .to_string()
}
