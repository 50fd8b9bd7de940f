//! The reminders banner: the reminders `otium status` gives (a break due, the day's
//! limit passed, nothing running on a workday), from the same library call, shown in
//! a line under the tabs. With `notify = true` each new occasion is also sent as a
//! desktop notification, once, through the database's memory of what was told (the
//! one `otium notify` keeps, so the two never repeat each other); when no
//! notification service answers, that is said once in the status line.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::app::App;
use crate::error::Result;
use crate::notify::{self, Notifier};
use crate::tracker::Tracker;
use crate::tracker::reminders::Reminder;

/// The banner's state: what is due, and the notifier when `notify = true`.
#[derive(Default)]
pub struct Banner {
    /// The reminders due at the last check.
    pub due: Vec<Reminder>,
    /// Sends desktop notifications (`None` without `notify = true`).
    pub notifier: Option<Box<dyn Notifier + Send + Sync>>,
    /// Occasions already passed to the notifier by this process, so an unchanged
    /// banner costs no write each second.
    passed: HashSet<String>,
}

impl std::fmt::Debug for Banner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Banner")
            .field("due", &self.due)
            .field("notifier", &self.notifier.is_some())
            .finish_non_exhaustive()
    }
}

impl App {
    /// Re-reads the due reminders (each tick and after each reload) and notifies the
    /// new occasions.
    pub(super) fn check_reminders(&mut self, tracker: &mut Tracker) -> Result<()> {
        let due = tracker.reminders()?;
        if due != self.banner.due {
            self.banner.due = due;
            self.dirty = true;
        }
        let fresh = self
            .banner
            .due
            .iter()
            .any(|r| !self.banner.passed.contains(&r.key));
        let Some(notifier) = self.banner.notifier.as_mut() else {
            return Ok(());
        };
        if !fresh {
            return Ok(());
        }
        let sent = notify::send(tracker, Some(notifier.as_mut()))?;
        self.banner
            .passed
            .extend(self.banner.due.iter().map(|r| r.key.clone()));
        if let Some(note) = sent.note {
            self.info(note.replace("printed", "shown in the banner"));
        }
        Ok(())
    }
}

/// The banner line (only drawn when something is due).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::styled(" ⚑ ", app.theme.error)];
    for (i, r) in app.banner.due.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", app.theme.dim));
        }
        spans.push(Span::styled(in_keys(app, r), app.theme.error));
    }
    Line::from(spans).render(area, buf);
}

/// The reminder's text with the command it suggests said as the TUI's key.
fn in_keys(app: &App, r: &Reminder) -> String {
    let message = r.message_in(app.lang());
    // The command the CLI suggests, in either language, becomes the TUI's key.
    [
        "; `otium start PROJECT` starts a session",
        "；用 `otium start 项目` 开始计时",
    ]
    .iter()
    .find_map(|suffix| message.strip_suffix(suffix))
    .map_or_else(
        || message.clone(),
        |m| app.t("tui-banner-start-key", &[("message", &m)]),
    )
}
