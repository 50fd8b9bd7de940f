//! The status line's messages: they expire (a message after a few seconds, an
//! error a little later), and a start says what it stopped.

use std::time::{Duration, Instant};

use super::app::App;
use crate::i18n::{self, Lang, t};
use crate::tracker::{Started, Tracker};

/// How long a message stays in the status line.
pub const INFO_FOR: Duration = Duration::from_secs(6);
/// How long an error stays in the status line.
pub const ERROR_FOR: Duration = Duration::from_secs(12);

/// A message in the status line, until it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
    /// When the status line goes back to the key summary (a monotonic instant, so a
    /// changed wall clock neither keeps nor drops it early).
    pub until: Instant,
}

impl App {
    /// Shows `text` in the status line for a few seconds.
    pub(super) fn info(&mut self, text: String) {
        self.status = Some(Status {
            text,
            error: false,
            until: Instant::now() + INFO_FOR,
        });
    }

    /// Shows a library error in the status line, its hint as keys.
    pub fn show_error(&mut self, e: &crate::error::Error) {
        self.error(super::hint::error_line_in(self.lang(), e));
    }

    /// Shows a failure in the status line, a little longer than a message.
    pub(super) fn error(&mut self, text: String) {
        self.status = Some(Status {
            text,
            error: true,
            until: Instant::now() + ERROR_FOR,
        });
    }
}

/// "Started coding again; stopped writing after 1h 20m." A running session that the
/// start stopped (or dropped, when it began the same second) is named, so the user
/// knows the screen's timer moved on. `again` for a continued session.
pub(super) fn started_message(
    lang: Lang,
    started: &Started,
    tracker: &Tracker,
    again: bool,
) -> String {
    let rest = if let Some(s) = &started.stopped {
        let duration = i18n::duration(lang, s.duration_seconds(tracker.now()));
        t(
            lang,
            "tui-started-stopped",
            &[("project", &s.project), ("duration", &duration)],
        )
    } else if let Some(s) = &started.dropped {
        t(lang, "tui-started-dropped", &[("project", &s.project)])
    } else {
        String::new()
    };
    let key = if again {
        "tui-started-again"
    } else {
        "tui-started"
    };
    t(
        lang,
        key,
        &[("project", &started.session.project), ("rest", &rest)],
    )
}
