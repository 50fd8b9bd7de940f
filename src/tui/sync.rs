//! Sync in the TUI: on each tick the same stat-only look as `[sync] auto` (one row,
//! a few folder stats): when another device's records arrived in the folder they are
//! applied and the screen reloads (this process's own writes do not move
//! `data_version`, so the tick is told to reload here). With `auto = true` the TUI's
//! own changes also go out at once. Open conflicts are shown in a two-line notice
//! under the tabs: how many, and both sides of the first; `z` hides it until the
//! conflicts change.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::action::Action;
use super::app::App;
use crate::error::Result;
use crate::tracker::Tracker;
use crate::tracker::sync::{ConflictSide, SyncConflict};

/// What the TUI knows of sync: the open conflicts and which of them were hidden.
#[derive(Debug, Default)]
pub struct SyncNotice {
    /// The open conflicts at the last reload.
    pub conflicts: Vec<SyncConflict>,
    /// The conflicts (their UUID pairs) open when `z` hid the notice.
    hidden: Option<Vec<[String; 2]>>,
    /// The last failure said, so a folder that stays away is said once, not each second.
    failed: Option<String>,
}

impl SyncNotice {
    fn pairs(&self) -> Vec<[String; 2]> {
        self.conflicts.iter().map(|c| c.uuids.clone()).collect()
    }

    /// Whether the notice is drawn: conflicts are open and not the ones hidden.
    #[must_use]
    pub fn shown(&self) -> bool {
        !self.conflicts.is_empty() && self.hidden.as_ref() != Some(&self.pairs())
    }

    /// The rows the notice takes.
    #[must_use]
    pub fn height(&self) -> u16 {
        if self.shown() { 2 } else { 0 }
    }
}

impl App {
    /// The tick's sync: applies what arrived in the folder (and, with `auto`, writes
    /// this device's changes); a reload when something changed here.
    pub(super) fn check_sync(&mut self, tracker: &mut Tracker) -> Option<Action> {
        let own = tracker.config().sync.auto;
        match tracker.sync_if_changed(own) {
            Ok(None) => None,
            Ok(Some(report)) => {
                self.sync.failed = None;
                if report.changed + report.stopped == 0
                    && report.conflicts == self.sync.conflicts.len()
                {
                    return None;
                }
                if report.changed > 0 {
                    let text = self.t("sync-tui-applied", &[("count", &report.changed)]);
                    self.info(text);
                }
                Some(Action::Reload)
            }
            Err(e) => {
                let why = e.message_in(self.lang());
                if self.sync.failed.as_deref() != Some(why.as_str()) {
                    let text = self.t("sync-auto-failed", &[("why", &why)]);
                    self.error(text);
                    self.sync.failed = Some(why);
                }
                None
            }
        }
    }

    /// Re-reads the open conflicts (at load and after every reload).
    pub(super) fn refresh_conflicts(&mut self, tracker: &Tracker) -> Result<()> {
        self.sync.conflicts = tracker.sync_conflicts()?;
        Ok(())
    }

    /// `z`: hides the notice until the conflicts change.
    pub(super) fn hide_conflicts(&mut self) {
        if !self.sync.conflicts.is_empty() {
            self.sync.hidden = Some(self.sync.pairs());
        }
    }
}

/// The local date of an RFC 3339 time (as `sync status` gives it, in the session's
/// zone), as the screen says a day: `03-25`, `3月25日`.
fn day(lang: crate::i18n::Lang, rfc3339: &str) -> String {
    match chrono::NaiveDate::parse_from_str(rfc3339.get(..10).unwrap_or(""), "%Y-%m-%d") {
        Ok(d) if lang.is_zh() => format!(
            "{}月{}日",
            chrono::Datelike::month(&d),
            chrono::Datelike::day(&d)
        ),
        Ok(d) => d.format("%m-%d").to_string(),
        Err(_) => rfc3339.to_string(),
    }
}

/// `09:00` of an RFC 3339 time on `on` (its date, `YYYY-MM-DD`), else with its day.
fn hhmm(lang: crate::i18n::Lang, rfc3339: &str, on: &str) -> String {
    let time = rfc3339.get(11..16).unwrap_or(rfc3339).to_string();
    if rfc3339.get(..10) == Some(on) {
        time
    } else {
        format!("{} {time}", day(lang, rfc3339))
    }
}

/// The notice's two lines.
#[must_use]
pub fn lines(app: &App) -> [String; 2] {
    let lang = app.lang();
    let count = app.sync.conflicts.len();
    let first = app.t("sync-tui-conflicts", &[("count", &count)]);
    let Some(c) = app.sync.conflicts.first() else {
        return [first, String::new()];
    };
    let on = c
        .sessions
        .first()
        .map_or("", |s| s.start.get(..10).unwrap_or(""));
    let now = app.t("sync-status-now", &[]);
    let side = |s: &ConflictSide| {
        let to = s
            .end
            .as_deref()
            .map_or_else(|| now.clone(), |e| hhmm(lang, e, on));
        app.t(
            "sync-tui-conflict-side",
            &[
                ("id", &s.id),
                ("project", &s.project),
                ("from", &hhmm(lang, &s.start, on)),
                ("to", &to),
            ],
        )
    };
    let (a, b) = match c.sessions.as_slice() {
        [a, b, ..] => (side(a), side(b)),
        [a] => (side(a), String::new()),
        [] => (String::new(), String::new()),
    };
    let more = count.saturating_sub(1);
    let day = c
        .sessions
        .first()
        .map_or_else(String::new, |s| day(lang, &s.start));
    let mut second = app.t(
        "sync-tui-conflict-sides",
        &[("day", &day), ("a", &a), ("b", &b)],
    );
    if more > 0 {
        second.push_str(&app.t("sync-tui-conflict-more", &[("count", &more)]));
    }
    [first, second]
}

/// Draws the notice (only called when [`SyncNotice::shown`]).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [first, second] = lines(app);
    let top = Rect { height: 1, ..area };
    Line::from(vec![
        Span::styled(" ⚠ ", app.theme.error),
        Span::styled(first, app.theme.error),
    ])
    .render(top, buf);
    if area.height > 1 {
        let below = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        Line::from(Span::styled(format!(" {second}"), app.theme.dim)).render(below, buf);
    }
}
