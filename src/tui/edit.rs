//! The modes that take typed text: the filter prompt, the delete confirmation and
//! the session form (start, add, edit), and what saving them does.

use super::action::Action;
use super::app::{App, Mode};
use super::form::{Form, FormKind};
use super::status::started_message;
use crate::error::Result;
use crate::model::{NewSession, Session, SessionEdit};
use crate::tracker::{StartRequest, Tracker};

impl App {
    pub(super) fn update_filter(&mut self, action: Action) -> Option<Action> {
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
            _ => return None,
        }
        self.selected = 0;
        None
    }

    pub(super) fn update_confirm(
        &mut self,
        session: &Session,
        action: Action,
        tracker: &mut Tracker,
    ) -> Result<Option<Action>> {
        match action {
            Action::Confirm | Action::Type('y') => {
                self.mode = Mode::Normal;
                let removed = tracker.remove(session.id)?;
                let text = self.t(
                    "tui-deleted",
                    &[("id", &removed.id), ("project", &removed.project)],
                );
                self.info(text);
                Ok(Some(Action::Reload))
            }
            Action::Cancel | Action::Type('n') => {
                self.mode = Mode::Normal;
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    pub(super) fn update_form(
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
        let (now, zone, lang) = (tracker.now(), self.zone, self.lang());
        let outcome = match form.kind.clone() {
            FormKind::Start | FormKind::Add => form
                .to_new_session(now, zone, lang)
                .map(|new| self.save_new(new, &form.kind, tracker)),
            FormKind::Edit(id) => match tracker.session(id) {
                Ok(original) => form
                    .to_edit(&original, now, zone, lang)
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
                form.show_error(&e, lang);
                self.mode = Mode::Form(form);
                None
            }
            None => {
                self.mode = Mode::Form(form);
                None
            }
        }
    }

    /// Starts or adds the session; the next reload selects it.
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
            self.select_after_reload = Some(started.session.id);
            return Ok(started_message(self.lang(), &started, tracker, false));
        }
        let s = tracker.add(new)?;
        self.select_after_reload = Some(s.id);
        Ok(self.t("tui-added", &[("id", &s.id), ("project", &s.project)]))
    }

    fn save_edit(
        &mut self,
        original: &Session,
        edit: &SessionEdit,
        tracker: &mut Tracker,
    ) -> Result<String> {
        if edit.is_empty() {
            return Ok(self.t("tui-nothing-changed", &[]));
        }
        let s = tracker.edit(original.id, edit)?;
        Ok(self.t("tui-saved", &[("id", &s.id)]))
    }
}
