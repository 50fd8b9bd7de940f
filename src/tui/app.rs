//! `App`: the TUI's state and `update`, which turns intents into tracker calls.
//! Failures go to the status line; the app keeps running. Forms, prompts and the
//! delete confirmation are in `edit.rs`, the calendar's cursor in `calendar.rs`, the
//! Reports and Dividend settings in `choices.rs`, the status line in `status.rs`.

use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Instant;

use chrono_tz::Tz;
use ratatui::crossterm::event::KeyEvent;

use super::action::{Action, View};
use super::calendar::Cursor;
use super::data::{Choices, DividendPage, RangeKind, Snapshot};
use super::form::Form;
use super::keymap;
pub use super::status::Status;
use super::status::started_message;
use super::theme::Theme;
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::{Session, SessionId};
use crate::report::GroupBy;
use crate::time::{self, calendar};
use crate::tracker::Tracker;

/// What has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The view's keys.
    Normal,
    /// The help overlay.
    Help,
    /// "Delete session N (project, times)?"
    ConfirmDelete(Box<Session>),
    /// A form.
    Form(Form),
    /// The filter prompt.
    Filter,
    /// The dividend's country prompt, with the text typed so far.
    Country(String),
}

/// The whole state of the TUI.
pub struct App {
    /// The current view.
    pub view: View,
    /// What has the keyboard.
    pub mode: Mode,
    /// Styles.
    pub theme: Theme,
    /// The user's zone.
    pub zone: Tz,
    /// The data on screen.
    pub snapshot: Snapshot,
    /// Report, dividend and calendar settings.
    pub choices: Choices,
    /// Index into the filtered sessions.
    pub selected: usize,
    /// The filter text (project or tag contains it).
    pub filter: String,
    /// The status line.
    pub status: Option<Status>,
    /// Whether the Reports chart draws its target line (when targets are set and the
    /// grouping is by day or week).
    pub show_targets: bool,
    /// The calendar's cursor.
    pub cursor: Cursor,
    /// The first help line shown.
    pub help_scroll: u16,
    /// How far the help can scroll at the last drawn size (set while drawing).
    pub help_max: AtomicU16,
    /// Set when the user quits.
    pub quit: bool,
    /// The away-time question on screen (it has the keyboard), see `away.rs`.
    pub away: Option<crate::tracker::away::Gap>,
    /// The reminders banner, see `banner.rs`.
    pub banner: super::banner::Banner,
    /// Open sync conflicts and their notice, see `sync.rs`.
    pub sync: super::sync::SyncNotice,
    pub(super) dirty: bool,
    pub(super) data_version: i64,
    /// A session just added or started: the next reload selects it.
    pub(super) select_after_reload: Option<SessionId>,
}

impl App {
    /// Reads the tracker and builds the first state, in English.
    pub fn load(tracker: &Tracker, theme: Theme) -> Result<Self> {
        Self::load_in(tracker, theme, Lang::En)
    }

    /// Reads the tracker and builds the first state, its texts in `lang`.
    pub fn load_in(tracker: &Tracker, theme: Theme, lang: Lang) -> Result<Self> {
        let config = tracker.config();
        let (now, zone) = (tracker.now(), tracker.zone());
        let today = time::local_date(zone, now);
        let choices = Choices {
            range: RangeKind::Week,
            anchor: today,
            by: GroupBy::Project,
            country: config.country.clone(),
            base_year: config.base_year,
            page: DividendPage::Figures,
            calendar_week: calendar::week_first(today, config.week_start.0),
            lang,
        };
        let (data_version, snapshot) = Self::read(tracker, &choices)?;
        let mut app = App {
            view: View::Dashboard,
            mode: Mode::Normal,
            theme,
            zone,
            snapshot,
            show_targets: true,
            choices,
            selected: 0,
            filter: String::new(),
            status: None,
            cursor: Cursor::default(),
            help_scroll: 0,
            help_max: AtomicU16::new(0),
            quit: false,
            away: None,
            banner: super::banner::Banner::default(),
            sync: super::sync::SyncNotice::default(),
            dirty: true,
            data_version,
            select_after_reload: None,
        };
        // The cursor starts on the running session's growing end, else on now.
        let running = app.snapshot.running.clone();
        let at = running
            .as_ref()
            .map_or(now, |r| r.start.max(now - chrono::Duration::seconds(1)));
        app.calendar_go_to(at, config.week_start.0);
        app.cursor.chosen = running.map(|r| r.id);
        app.refresh_conflicts(tracker)?;
        // Open the calendar on the week's first working hour (or 08:00), so the
        // morning's sessions are in view rather than the night.
        let first = app.calendar_blocks().iter().map(|b| b.first).min();
        app.cursor.top.store(
            first.unwrap_or(16).min(app.cursor.slot) / 2 * 2,
            Ordering::Relaxed,
        );
        Ok(app)
    }

    /// The language the screen speaks.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.choices.lang
    }

    /// The catalogue's message `key` in the screen's language.
    #[must_use]
    pub fn t(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        crate::i18n::t(self.choices.lang, key, args)
    }

    /// Whether something changed since the last draw; clears the flag.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    /// The sessions the Sessions view lists, after the filter.
    #[must_use]
    pub fn visible_sessions(&self) -> Vec<&Session> {
        let needle = self.filter.to_lowercase();
        self.snapshot
            .sessions
            .iter()
            .filter(|s| {
                needle.is_empty()
                    || s.project.to_lowercase().contains(&needle)
                    || s.tags.iter().any(|t| t.to_lowercase().contains(&needle))
            })
            .collect()
    }

    /// The session the keys act on: the selected row, or the calendar's block.
    fn selected_session(&self) -> Option<Session> {
        if self.view == View::Calendar {
            return self
                .calendar_selected()
                .map(|b| self.snapshot.calendar[b.index].clone());
        }
        self.visible_sessions()
            .get(self.selected)
            .map(|s| (*s).clone())
    }

    /// Maps a key to an intent for the current mode.
    #[must_use]
    pub fn on_key(&self, key: KeyEvent) -> Option<Action> {
        if self.away.is_some() {
            return super::away::lookup(key);
        }
        match self.mode {
            Mode::Normal => keymap::lookup(self.view, key),
            Mode::Help => Some(keymap::lookup_help(key)),
            _ => keymap::lookup_text(key),
        }
    }

    /// Carries out one intent; may return a follow-up.
    pub fn update(&mut self, action: Action, tracker: &mut Tracker) -> Option<Action> {
        self.dirty = true;
        // The clock and reloads are no key: they must not close the help, clear a
        // prompt's selection or reach a form, whatever has the keyboard.
        let result = match (action, self.mode.clone()) {
            (Action::Tick, _) => match self.check_sync(tracker) {
                Some(reload) => Ok(Some(reload)),
                None => self
                    .tick(tracker)
                    .and_then(|next| self.check_reminders(tracker).map(|()| next)),
            },
            (Action::Reload, _) => self
                .reload(tracker)
                .and_then(|()| self.refresh_conflicts(tracker))
                .and_then(|()| self.check_reminders(tracker).map(|()| None)),
            (Action::AnswerAway(answer), _) => self.answer_away(answer, tracker),
            (action, Mode::Form(form)) => self.update_form(form, action, tracker),
            (action, Mode::Filter) => Ok(self.update_filter(action)),
            (action, Mode::Country(text)) => Ok(self.update_country(text, action)),
            (action, Mode::ConfirmDelete(s)) => self.update_confirm(&s, action, tracker),
            (action, Mode::Help) => {
                self.update_help(&action);
                Ok(None)
            }
            (action, Mode::Normal) => self.update_normal(action, tracker),
        };
        result.unwrap_or_else(|e| {
            self.error(super::hint::error_line_in(self.lang(), &e));
            None
        })
    }

    fn update_help(&mut self, action: &Action) {
        let max = self.help_max.load(Ordering::Relaxed);
        match action {
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Down => self.help_scroll = (self.help_scroll + 1).min(max),
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
            Action::PageDown => self.help_scroll = (self.help_scroll + 10).min(max),
            _ => {
                self.mode = Mode::Normal;
                self.help_scroll = 0;
            }
        }
    }

    fn update_normal(&mut self, action: Action, tracker: &mut Tracker) -> Result<Option<Action>> {
        let views = View::ALL;
        let index = views.iter().position(|v| *v == self.view).unwrap_or(0);
        if self.view == View::Calendar
            && !matches!(
                action,
                Action::OpenAdd | Action::OpenEdit | Action::AskDelete
            )
            && let Some(next) = self.calendar_key(&action, tracker.config().week_start.0)
        {
            return Ok(Some(next));
        }
        match action {
            Action::Quit => self.quit = true,
            Action::NextView => self.view = views[(index + 1) % views.len()],
            Action::PrevView => self.view = views[(index + views.len() - 1) % views.len()],
            Action::Show(view) => self.view = view,
            Action::ToggleHelp => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Up if self.view == View::Sessions => {
                self.selected = self.selected.saturating_sub(1);
            }
            Action::Down if self.view == View::Sessions => {
                let last = self.visible_sessions().len().saturating_sub(1);
                self.selected = (self.selected + 1).min(last);
            }
            Action::OpenStart => self.mode = Mode::Form(Form::start()),
            Action::OpenAdd if self.view == View::Calendar => {
                self.mode = Mode::Form(self.calendar_add_form());
            }
            Action::OpenAdd => self.mode = Mode::Form(Form::add()),
            Action::OpenEdit => match self.selected_session() {
                Some(s) => self.mode = Mode::Form(Form::edit(&s, self.zone)),
                None => self.nothing_selected(),
            },
            Action::AskDelete => match self.selected_session() {
                Some(s) => self.mode = Mode::ConfirmDelete(Box::new(s)),
                None => self.nothing_selected(),
            },
            Action::OpenFilter => self.mode = Mode::Filter,
            Action::ClearFilter if !self.filter.is_empty() => {
                self.filter.clear();
                self.selected = 0;
                self.info(self.t("tui-filter-cleared", &[]));
            }
            Action::StopTimer => {
                let s = tracker.stop(None)?;
                let duration =
                    crate::i18n::duration(self.lang(), s.duration_seconds(tracker.now()));
                let text = self.t(
                    "tui-stopped",
                    &[("project", &s.project), ("duration", &duration)],
                );
                self.info(text);
                return Ok(Some(Action::Reload));
            }
            Action::ContinueSelected => match self.selected_session() {
                Some(s) => {
                    let started = tracker.resume(Some(s.id), None)?;
                    let text = started_message(self.lang(), &started, tracker, true);
                    self.info(text);
                    self.select_after_reload = Some(started.session.id);
                    return Ok(Some(Action::Reload));
                }
                None => self.nothing_selected(),
            },
            Action::Undo => return self.undo(tracker, false),
            Action::Redo => return self.undo(tracker, true),
            Action::Left | Action::Right => self.shift(action == Action::Right),
            Action::CycleRange => {
                self.choices.range = match self.choices.range {
                    RangeKind::Day => RangeKind::Week,
                    RangeKind::Week => RangeKind::Month,
                    RangeKind::Month => RangeKind::Day,
                };
                return Ok(Some(Action::Reload));
            }
            Action::CycleGrouping => {
                self.choices.by = match self.choices.by {
                    GroupBy::Project => GroupBy::Tag,
                    GroupBy::Tag => GroupBy::Day,
                    GroupBy::Day => GroupBy::Week,
                    _ => GroupBy::Project,
                };
                return Ok(Some(Action::Reload));
            }
            Action::ToggleTargets => self.toggle_targets(),
            Action::HideConflicts => self.hide_conflicts(),
            Action::WriteReport => self.write_report(tracker)?,
            Action::NextCountry | Action::PrevCountry => {
                self.cycle_country(action == Action::NextCountry);
                return Ok(Some(Action::Reload));
            }
            Action::OpenCountry => self.mode = Mode::Country(String::new()),
            Action::NextDividendPage => self.choices.page = self.choices.page.next(),
            Action::ShowSource => self.choices.page = DividendPage::Source,
            _ => {}
        }
        if matches!(self.view, View::Reports | View::Dividend)
            && matches!(action, Action::Left | Action::Right)
        {
            return Ok(Some(Action::Reload));
        }
        Ok(None)
    }

    fn nothing_selected(&mut self) {
        let key = if self.view == View::Calendar {
            "tui-nothing-at-cursor"
        } else {
            "tui-nothing-selected"
        };
        self.info(self.t(key, &[]));
    }

    /// Re-reads the data (after a change here or in another process). A session
    /// just added or started becomes the selection, in the list and the calendar.
    pub fn reload(&mut self, tracker: &Tracker) -> Result<()> {
        if let Some(id) = self.select_after_reload
            && let Ok(s) = tracker.session(id)
        {
            // The calendar follows to the new session's week, which is then read.
            self.calendar_go_to(s.start, tracker.config().week_start.0);
        }
        (self.data_version, self.snapshot) = Self::read(tracker, &self.choices)?;
        if let Some(id) = self.select_after_reload.take() {
            if let Some(at) = self.visible_sessions().iter().position(|s| s.id == id) {
                self.selected = at;
            }
            self.cursor.chosen = Some(id);
        }
        let last = self.visible_sessions().len().saturating_sub(1);
        self.selected = self.selected.min(last);
        Ok(())
    }

    /// The data version, then the snapshot, in that order: every write another process
    /// commits after the version read bumps `data_version` past the version kept, so
    /// the next tick reloads, whether the snapshot (many short reads) caught that write
    /// fully, partly or not at all. Read the other way round, the version could already
    /// count a write the snapshot missed, which would then not show until the next one.
    fn read(tracker: &Tracker, choices: &Choices) -> Result<(i64, Snapshot)> {
        let version = tracker.data_version()?;
        #[cfg(test)]
        super::tests::race::between_version_and_load();
        Ok((version, Snapshot::load(tracker, choices)?))
    }

    /// Once a second: pick up other processes' writes, let an old status message go,
    /// and, while a session runs, count it live everywhere a total is shown (today,
    /// the week and its bars, worked, balance, the report that covers now). A new
    /// local day reloads everything, so the week and "today" move on at midnight.
    fn tick(&mut self, tracker: &Tracker) -> Result<Option<Action>> {
        let version = tracker.data_version()?;
        if version != self.data_version {
            return Ok(Some(Action::Reload));
        }
        let now = tracker.now();
        let expired = self
            .status
            .as_ref()
            .is_some_and(|s| Instant::now() >= s.until);
        if expired {
            self.status = None;
        }
        let running = self.snapshot.running.is_some();
        if running
            && time::local_date(self.zone, now) != time::local_date(self.zone, self.snapshot.now)
        {
            return Ok(Some(Action::Reload));
        }
        // Redraw only when a running clock has something new to show (or a message went).
        self.dirty = expired || (running && now != self.snapshot.now);
        if running && now != self.snapshot.now {
            self.snapshot.refresh_live(tracker, &self.choices)?;
        }
        self.snapshot.now = now;
        Ok(None)
    }
}
