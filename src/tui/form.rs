//! The session form (start, add, edit): text fields, focus, and validation messages
//! shown next to the field they concern. Parsing reuses the CLI's time grammar.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::i18n::{Lang, t};
use crate::model::{NewSession, Session, SessionEdit, SessionId, parse_tags};
use crate::time;

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// Start a session now (project, tags, note).
    Start,
    /// Add a past session.
    Add,
    /// Edit session `id`.
    Edit(SessionId),
}

/// One text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its label's catalogue key (`tui-form-project`…).
    pub label: &'static str,
    /// What was typed.
    pub value: String,
    /// A validation message, shown under it.
    pub error: Option<String>,
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Start, add or edit.
    pub kind: FormKind,
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// The focused field.
    pub focus: usize,
}

const PROJECT: usize = 0;
const TAGS: usize = 1;
const NOTE: usize = 2;
const FROM: usize = 3;
const TO: usize = 4;

fn field(label: &'static str, value: String) -> Field {
    Field {
        label,
        value,
        error: None,
    }
}

impl Form {
    /// An empty start form.
    #[must_use]
    pub fn start() -> Self {
        let fields = vec![
            field("tui-form-project", String::new()),
            field("tui-form-tags", String::new()),
            field("tui-form-note", String::new()),
        ];
        Form {
            kind: FormKind::Start,
            fields,
            focus: 0,
        }
    }

    /// An add form, the times prefilled with a plausible hour before now.
    #[must_use]
    pub fn add() -> Self {
        let mut form = Self::start();
        form.kind = FormKind::Add;
        form.fields.push(field("tui-form-from", "-1h".into()));
        form.fields.push(field("tui-form-to", "now".into()));
        form
    }

    /// An add form with the times given (the calendar's `a` at a half hour).
    #[must_use]
    pub fn add_between(from: String, to: String) -> Self {
        let mut form = Self::add();
        form.fields[FROM].value = from;
        form.fields[TO].value = to;
        form
    }

    /// An edit form holding `session`'s values, times shown in `zone`.
    #[must_use]
    pub fn edit(session: &Session, zone: Tz) -> Self {
        let tags: Vec<String> = session.tags.iter().map(|t| format!("+{t}")).collect();
        let end = session
            .end
            .map(|e| time::date_hhmm_in(zone, e))
            .unwrap_or_default();
        Form {
            kind: FormKind::Edit(session.id),
            fields: vec![
                field("tui-form-project", session.project.clone()),
                field("tui-form-tags", tags.join(" ")),
                field("tui-form-note", session.note.clone().unwrap_or_default()),
                field("tui-form-from", time::date_hhmm_in(zone, session.start)),
                field("tui-form-to", end),
            ],
            focus: 0,
        }
    }

    /// The form's title in `lang`.
    #[must_use]
    pub fn title_in(&self, lang: Lang) -> String {
        match self.kind {
            FormKind::Start => t(lang, "tui-form-title-start", &[]),
            FormKind::Add => t(lang, "tui-form-title-add", &[]),
            FormKind::Edit(id) => t(lang, "tui-form-title-edit", &[("id", &id)]),
        }
    }

    /// Types a character into the focused field.
    pub fn type_char(&mut self, c: char) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.value.push(c);
            f.error = None;
        }
    }

    /// Deletes the last character of the focused field.
    pub fn backspace(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.value.pop();
            f.error = None;
        }
    }

    /// Moves the focus by `step` (wrapping).
    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    fn text(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.value.trim())
    }

    fn fail(&mut self, i: usize, message: String) {
        if let Some(f) = self.fields.get_mut(i) {
            f.error = Some(message);
        }
        self.focus = i;
    }

    /// Tags typed as `+a +b` or `a b` (the `+` is [`Tag`](crate::model::Tag)'s to strip).
    fn tag_words(&self) -> Vec<&str> {
        self.text(TAGS).split_whitespace().collect()
    }

    /// Parses field `i` with `parse`; a refusal is shown on that field, in `lang`.
    fn parsed<T>(
        &mut self,
        i: usize,
        lang: Lang,
        parse: impl FnOnce(&Self) -> crate::Result<T>,
    ) -> Option<T> {
        match parse(self) {
            Ok(value) => Some(value),
            Err(e) => {
                self.fail(i, super::hint::error_line_in(lang, &e));
                None
            }
        }
    }

    fn instant(
        &mut self,
        i: usize,
        now: DateTime<Utc>,
        zone: Tz,
        day: NaiveDate,
        lang: Lang,
    ) -> Option<DateTime<Utc>> {
        let text = self.text(i).to_string();
        match time::parse_instant(&text, now, zone, day) {
            Ok(r) => Some(r.instant),
            Err(e) => {
                self.fail(i, super::hint::error_line_in(lang, &e));
                None
            }
        }
    }

    /// Reads the fields into a new session; marks the first bad field (its message
    /// in `lang`) and returns `None` when something cannot be read.
    pub fn to_new_session(
        &mut self,
        now: DateTime<Utc>,
        zone: Tz,
        lang: Lang,
    ) -> Option<NewSession> {
        if self.text(PROJECT).is_empty() {
            self.fail(PROJECT, t(lang, "tui-form-need-project", &[]));
            return None;
        }
        let today = time::local_date(zone, now);
        let (start, end) = if self.kind == FormKind::Start {
            (now, None)
        } else {
            let start = self.instant(FROM, now, zone, today, lang)?;
            let end = self.instant(TO, now, zone, time::local_date(zone, start), lang)?;
            (start, Some(end))
        };
        let note = Some(self.text(NOTE).to_string()).filter(|n| !n.is_empty());
        let project = self.parsed(PROJECT, lang, |f| f.text(PROJECT).parse())?;
        let tags = self.parsed(TAGS, lang, |f| parse_tags(&f.tag_words()))?;
        Some(NewSession {
            project,
            tags,
            note,
            start,
            end,
            zone,
        })
    }

    /// Reads the fields into an edit of `original` (only changed fields are set);
    /// a bad field's message is in `lang`.
    pub fn to_edit(
        &mut self,
        original: &Session,
        now: DateTime<Utc>,
        zone: Tz,
        lang: Lang,
    ) -> Option<SessionEdit> {
        let day = time::local_date(zone, original.start);
        let start = self.instant(FROM, now, zone, day, lang)?;
        let end = if self.text(TO).is_empty() {
            None
        } else {
            Some(self.instant(TO, now, zone, day, lang)?)
        };
        let tags = self.parsed(TAGS, lang, |f| parse_tags(&f.tag_words()))?;
        let mut edit = SessionEdit::default();
        if self.text(PROJECT) != original.project {
            edit.project = Some(self.parsed(PROJECT, lang, |f| f.text(PROJECT).parse())?);
        }
        if start != original.start {
            edit.start = Some(start);
        }
        if end.is_some() && end != original.end {
            edit.end = end;
        }
        let note = Some(self.text(NOTE).to_string()).filter(|n| !n.is_empty());
        if note != original.note {
            edit.note = Some(note);
        }
        edit.add_tags = tags
            .iter()
            .filter(|t| !original.tags.iter().any(|o| o == t.as_str()))
            .cloned()
            .collect();
        edit.remove_tags = original
            .tags
            .iter()
            .filter(|o| !tags.iter().any(|t| t.as_str() == o.as_str()))
            .map(|o| o.parse())
            .collect::<crate::Result<_>>()
            .ok()?;
        Some(edit)
    }

    /// Shows a library error, in `lang`, next to the field it most likely concerns
    /// (told from the English message, which names the field the same way in every
    /// language).
    pub fn show_error(&mut self, err: &crate::Error, lang: Lang) {
        let message = super::hint::error_line_in(lang, err);
        let lower = err.message().to_ascii_lowercase();
        let i = if lower.contains("project") {
            PROJECT
        } else if lower.contains("tag") {
            TAGS
        } else if self.fields.len() > TO && (lower.contains("end") || lower.contains("stop")) {
            TO
        } else if self.fields.len() > FROM {
            FROM
        } else {
            PROJECT
        };
        self.fail(i, message);
    }
}
