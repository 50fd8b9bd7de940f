//! `App`: the TUI's state and `update`, which turns intents into tracker calls.
//! Failures go to the status line; the app keeps running.

use chrono_tz::Tz;
use ratatui::crossterm::event::KeyEvent;

use super::action::{Action, View};
use super::data::{Choices, RangeKind, Snapshot};
use super::form::{Form, FormKind};
use super::keymap;
use super::theme::Theme;
use crate::error::Result;
use crate::leisure::data;
use crate::model::{NewSession, Session, SessionEdit, SessionId};
use crate::report::GroupBy;
use crate::time::{self, calendar};
use crate::tracker::{StartRequest, Tracker};

/// What has the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The view's keys.
    Normal,
    /// The help overlay.
    Help,
    /// "Delete session N?"
    ConfirmDelete(SessionId),
    /// A form.
    Form(Form),
    /// The filter prompt.
    Filter,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
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
    /// Report and dividend settings.
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
    /// Set when the user quits.
    pub quit: bool,
    dirty: bool,
    data_version: i64,
}

impl App {
    /// Reads the tracker and builds the first state.
    pub fn load(tracker: &Tracker, theme: Theme) -> Result<Self> {
        let config = tracker.config();
        let choices = Choices {
            range: RangeKind::Week,
            anchor: time::local_date(tracker.zone(), tracker.now()),
            by: GroupBy::Project,
            country: config.country.clone(),
            base_year: config.base_year,
        };
        let (data_version, snapshot) = Self::read(tracker, &choices)?;
        Ok(App {
            view: View::Dashboard,
            mode: Mode::Normal,
            theme,
            zone: tracker.zone(),
            snapshot,
            show_targets: true,
            choices,
            selected: 0,
            filter: String::new(),
            status: None,
            quit: false,
            dirty: true,
            data_version,
        })
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

    fn selected_session(&self) -> Option<Session> {
        self.visible_sessions()
            .get(self.selected)
            .map(|s| (*s).clone())
    }

    /// Maps a key to an intent for the current mode.
    #[must_use]
    pub fn on_key(&self, key: KeyEvent) -> Option<Action> {
        match self.mode {
            Mode::Normal => keymap::lookup(self.view, key),
            Mode::Help => Some(Action::ToggleHelp),
            _ => keymap::lookup_text(key),
        }
    }

    /// Carries out one intent; may return a follow-up.
    pub fn update(&mut self, action: Action, tracker: &mut Tracker) -> Option<Action> {
        self.dirty = true;
        let result = match self.mode.clone() {
            Mode::Form(form) => self.update_form(form, action, tracker),
            Mode::Filter => Ok(self.update_filter(action)),
            Mode::ConfirmDelete(id) => self.update_confirm(id, action, tracker),
            Mode::Help => {
                self.mode = Mode::Normal;
                Ok(None)
            }
            Mode::Normal => self.update_normal(action, tracker),
        };
        result.unwrap_or_else(|e| {
            self.status = Some(Status {
                text: super::hint::error_line(&e),
                error: true,
            });
            None
        })
    }

    pub(super) fn info(&mut self, text: String) {
        self.status = Some(Status { text, error: false });
    }

    fn update_normal(&mut self, action: Action, tracker: &mut Tracker) -> Result<Option<Action>> {
        let views = View::ALL;
        let index = views.iter().position(|v| *v == self.view).unwrap_or(0);
        match action {
            Action::Quit => self.quit = true,
            Action::NextView => self.view = views[(index + 1) % views.len()],
            Action::PrevView => self.view = views[(index + views.len() - 1) % views.len()],
            Action::Show(view) => self.view = view,
            Action::ToggleHelp => self.mode = Mode::Help,
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                let last = self.visible_sessions().len().saturating_sub(1);
                self.selected = (self.selected + 1).min(last);
            }
            Action::OpenStart => self.mode = Mode::Form(Form::start()),
            Action::OpenAdd => self.mode = Mode::Form(Form::add()),
            Action::OpenEdit => {
                if let Some(s) = self.selected_session() {
                    self.mode = Mode::Form(Form::edit(&s, self.zone));
                }
            }
            Action::AskDelete => {
                if let Some(s) = self.selected_session() {
                    self.mode = Mode::ConfirmDelete(s.id);
                }
            }
            Action::OpenFilter => self.mode = Mode::Filter,
            Action::StopTimer => {
                let s = tracker.stop(None)?;
                self.info(format!(
                    "Stopped {} after {}.",
                    s.project,
                    time::human_duration(s.duration_seconds(tracker.now()))
                ));
                return Ok(Some(Action::Reload));
            }
            Action::ContinueSelected => {
                if let Some(s) = self.selected_session() {
                    let started = tracker.resume(Some(s.id), None)?;
                    self.info(format!("Started {} again.", started.session.project));
                    return Ok(Some(Action::Reload));
                }
            }
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
            Action::NextCountry | Action::PrevCountry => {
                self.cycle_country(action == Action::NextCountry);
                return Ok(Some(Action::Reload));
            }
            Action::Reload => self.reload(tracker)?,
            Action::Tick => return self.tick(tracker),
            _ => {}
        }
        if matches!(self.view, View::Reports | View::Dividend)
            && matches!(action, Action::Left | Action::Right)
        {
            return Ok(Some(Action::Reload));
        }
        Ok(None)
    }

    /// Moves the report range or the dividend base year.
    fn shift(&mut self, forward: bool) {
        match self.view {
            View::Reports => {
                let a = self.choices.anchor;
                self.choices.anchor = match (self.choices.range, forward) {
                    (RangeKind::Day, true) => calendar::add_days(a, 1),
                    (RangeKind::Day, false) => calendar::sub_days(a, 1),
                    (RangeKind::Week, true) => calendar::add_days(a, 7),
                    (RangeKind::Week, false) => calendar::sub_days(a, 7),
                    (RangeKind::Month, true) => calendar::next_month(a).unwrap_or(a),
                    (RangeKind::Month, false) => calendar::prev_month(a).unwrap_or(a),
                };
            }
            View::Dividend => {
                let Some(c) = data::country(&self.choices.country) else {
                    return;
                };
                let (first, last) = c.span();
                let year = self.choices.base_year + if forward { 1 } else { -1 };
                self.choices.base_year = year.clamp(first, last - 1);
            }
            _ => {}
        }
    }

    /// Shows or hides the Reports chart's target line, saying why when there is none.
    fn toggle_targets(&mut self) {
        if self.snapshot.day_targets.is_none() {
            self.info(
                "No target is set: add daily_target_hours, weekly_target_hours or [targets] to config.toml."
                    .to_string(),
            );
            return;
        }
        self.show_targets = !self.show_targets;
        let state = if self.show_targets { "shown" } else { "hidden" };
        let text = if self.snapshot.report_targets.is_empty() {
            format!("Target line {state}; it is drawn when grouped by day or week (g).")
        } else {
            format!("Target line {state}.")
        };
        self.info(text);
    }

    fn cycle_country(&mut self, forward: bool) {
        let codes: Vec<&String> = data::countries().keys().collect();
        let at = codes
            .iter()
            .position(|c| **c == self.choices.country)
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % codes.len()
        } else {
            (at + codes.len() - 1) % codes.len()
        };
        self.choices.country = codes[next].clone();
        if let Some(c) = data::country(&self.choices.country) {
            let (first, last) = c.span();
            if !c.years.contains_key(&self.choices.base_year) {
                self.choices.base_year = first.max(1970).min(last - 1);
            }
        }
    }

    /// Re-reads the data (after a change here or in another process).
    pub fn reload(&mut self, tracker: &Tracker) -> Result<()> {
        (self.data_version, self.snapshot) = Self::read(tracker, &self.choices)?;
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

    /// Once a second: pick up other processes' writes and move the clock.
    fn tick(&mut self, tracker: &Tracker) -> Result<Option<Action>> {
        let version = tracker.data_version()?;
        if version != self.data_version {
            return Ok(Some(Action::Reload));
        }
        let now = tracker.now();
        // Redraw only when a running clock has something new to show.
        self.dirty = self.snapshot.running.is_some() && now != self.snapshot.now;
        self.snapshot.now = now;
        Ok(None)
    }

    fn update_filter(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Type(c) => self.filter.push(c),
            Action::Backspace => {
                self.filter.pop();
            }
            Action::Cancel => {
                self.filter.clear();
                self.mode = Mode::Normal;
            }
            Action::Confirm => self.mode = Mode::Normal,
            _ => {}
        }
        self.selected = 0;
        None
    }

    fn update_confirm(
        &mut self,
        id: SessionId,
        action: Action,
        tracker: &mut Tracker,
    ) -> Result<Option<Action>> {
        match action {
            Action::Confirm | Action::Type('y') => {
                self.mode = Mode::Normal;
                let removed = tracker.remove(id)?;
                self.info(format!(
                    "Deleted session {id} ({}). Press u to undo.",
                    removed.project
                ));
                Ok(Some(Action::Reload))
            }
            Action::Cancel | Action::Type('n') => {
                self.mode = Mode::Normal;
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    fn update_form(
        &mut self,
        mut form: Form,
        action: Action,
        tracker: &mut Tracker,
    ) -> Result<Option<Action>> {
        match action {
            Action::Type(c) => form.type_char(c),
            Action::Backspace => form.backspace(),
            Action::NextField => form.move_focus(true),
            Action::PrevField => form.move_focus(false),
            Action::Cancel => {
                self.mode = Mode::Normal;
                return Ok(None);
            }
            Action::Confirm => return Ok(self.submit(form, tracker)),
            _ => {}
        }
        self.mode = Mode::Form(form);
        Ok(None)
    }

    /// Saves the form; on failure the form stays open with the message at its field.
    fn submit(&mut self, mut form: Form, tracker: &mut Tracker) -> Option<Action> {
        let (now, zone) = (tracker.now(), self.zone);
        let outcome = match form.kind.clone() {
            FormKind::Start | FormKind::Add => form
                .to_new_session(now, zone)
                .map(|new| self.save_new(new, &form.kind, tracker)),
            FormKind::Edit(id) => match tracker.session(id) {
                Ok(original) => form
                    .to_edit(&original, now, zone)
                    .map(|edit| self.save_edit(&original, &edit, tracker)),
                Err(e) => Some(Err(e)),
            },
        };
        match outcome {
            Some(Ok(message)) => {
                self.mode = Mode::Normal;
                self.info(message);
                Some(Action::Reload)
            }
            Some(Err(e)) => {
                form.show_error(&super::hint::error_line(&e));
                self.mode = Mode::Form(form);
                None
            }
            None => {
                self.mode = Mode::Form(form);
                None
            }
        }
    }

    fn save_new(
        &mut self,
        new: NewSession,
        kind: &FormKind,
        tracker: &mut Tracker,
    ) -> Result<String> {
        if *kind == FormKind::Start {
            let request = StartRequest {
                project: new.project,
                tags: new.tags,
                note: new.note,
                at: None,
            };
            let started = tracker.start(request)?;
            return Ok(format!("Started {}.", started.session.project));
        }
        let s = tracker.add(new)?;
        Ok(format!("Added session {} ({}).", s.id, s.project))
    }

    fn save_edit(
        &mut self,
        original: &Session,
        edit: &SessionEdit,
        tracker: &mut Tracker,
    ) -> Result<String> {
        if edit.is_empty() {
            return Ok("Nothing changed.".into());
        }
        let s = tracker.edit(original.id, edit)?;
        Ok(format!("Saved session {}. Press u to undo.", s.id))
    }
}
