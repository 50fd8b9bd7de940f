//! Away time in the TUI. [`Watch`] compares the wall and monotonic clocks the event
//! loop reads ([`crate::time::moment`]): a wall clock that ran ahead of the monotonic
//! one by `away_after_minutes` means the machine slept; no key for that long while a
//! session runs means the user left. Either way, when the user is back the gap is
//! recorded through the tracker (so `otium status` can ask too, should the TUI be
//! closed unanswered) and the question takes the keyboard: `k` keep, `c` cut it out
//! (split the session), `s` stop where it began, Esc ask later. The answer is the
//! tracker's, journaled, so `u` undoes it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::action::Action;
use super::app::App;
use crate::error::Result;
use crate::i18n::{Lang, t};
use crate::time::{self, moment::Moment};
use crate::tracker::Tracker;
use crate::tracker::away::{Answer, Gap};

/// Watches the two clocks for sleep and idle time.
#[derive(Debug, Clone)]
pub struct Watch {
    /// `None` when `away_after_minutes = 0`.
    after: Option<Duration>,
    last_input: Moment,
    last_tick: Moment,
}

impl Watch {
    /// A watch that calls `minutes` (0: never) of sleep or idleness away time.
    #[must_use]
    pub fn new(minutes: u32, now: Moment) -> Self {
        Watch {
            after: (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60)),
            last_input: now,
            last_tick: now,
        }
    }

    /// At each tick: a sleep as long as the threshold is away time, from when the
    /// machine went to sleep (or from the last key, when the user had left already)
    /// until now. The user is back when the machine wakes, so it is asked at once.
    pub fn tick(&mut self, now: Moment) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let before = std::mem::replace(&mut self.last_tick, now);
        let after = self.after?;
        let wall = (now.wall - before.wall).to_std().unwrap_or_default();
        let slept = wall.saturating_sub(now.mono.saturating_duration_since(before.mono));
        if slept < after {
            return None;
        }
        let idle_before = before.mono.saturating_duration_since(self.last_input.mono);
        let from = if idle_before >= after {
            self.last_input.wall
        } else {
            // The sleep began some time after the last tick; the tick is the last
            // moment known to have been awake.
            before.wall
        };
        self.last_input = now;
        Some((from, now.wall))
    }

    /// At each key: after no key for the threshold, the user was away from the last
    /// key until this one.
    pub fn input(&mut self, now: Moment) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let before = std::mem::replace(&mut self.last_input, now);
        let after = self.after?;
        (now.mono.saturating_duration_since(before.mono) >= after)
            .then_some((before.wall, now.wall))
    }
}

/// The question's keys.
#[must_use]
pub fn lookup(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('k' | 'K') => Some(Action::AnswerAway(Some(Answer::Keep))),
        KeyCode::Char('c' | 'C') => Some(Action::AnswerAway(Some(Answer::Cut))),
        KeyCode::Char('s' | 'S') => Some(Action::AnswerAway(Some(Answer::Stop))),
        KeyCode::Esc => Some(Action::AnswerAway(None)),
        _ => None,
    }
}

impl App {
    /// Records a gap the watch saw (when a session runs) and asks about the oldest
    /// open one. True when the question is now on screen.
    pub fn away_seen(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tracker: &mut Tracker,
    ) -> Result<bool> {
        if tracker.record_away(from, to)?.is_none() {
            return Ok(false);
        }
        self.ask_away(tracker)?;
        Ok(self.away.is_some())
    }

    /// Shows the question for the oldest open gap of the running session, if any
    /// (also on start, for a gap left unanswered).
    pub fn ask_away(&mut self, tracker: &Tracker) -> Result<()> {
        self.away = tracker.open_away()?.into_iter().next();
        self.dirty = true;
        Ok(())
    }

    /// Carries out an answer (`None`: ask later).
    pub(super) fn answer_away(
        &mut self,
        answer: Option<Answer>,
        tracker: &mut Tracker,
    ) -> Result<Option<Action>> {
        let Some(gap) = self.away.take() else {
            return Ok(None);
        };
        let Some(answer) = answer else {
            self.info(self.t("tui-away-later", &[]));
            return Ok(None);
        };
        let done = match tracker.answer_away(Some(gap.id), answer) {
            Ok(done) => done,
            Err(e) => {
                // Asked again, unless the gap is gone (the session stopped elsewhere).
                self.ask_away(tracker)?;
                return Err(e);
            }
        };
        let span = span_text(self.lang(), &done.gap, self.zone);
        let at = time::hhmm_in(self.zone, done.gap.from);
        let project = &done.session.project;
        let text = match (&done.resumed, answer) {
            (Some(r), _) => self.t(
                "tui-away-cut",
                &[
                    ("span", &span),
                    ("project", project),
                    ("at", &at),
                    ("id", &r.id),
                ],
            ),
            (None, Answer::Stop) => {
                self.t("tui-away-stopped", &[("project", project), ("at", &at)])
            }
            (None, _) => self.t("tui-away-kept", &[("span", &span), ("project", project)]),
        };
        self.info(text);
        self.ask_away(tracker)?;
        Ok(Some(Action::Reload))
    }
}

/// The question, over everything else.
pub fn render(app: &App, gap: &Gap, area: Rect, buf: &mut Buffer) {
    let text = question_in(app.lang(), gap, app.zone);
    let width = 64.min(area.width.saturating_sub(2));
    let rect = super::views::overlays::centered(area, width, 6);
    Clear.render(rect, buf);
    let lines = vec![
        Line::styled(text, app.theme.title),
        Line::raw(""),
        Line::styled(app.t("tui-away-keys", &[]), app.theme.dim),
    ];
    Paragraph::new(super::views::wrap_lines(
        app,
        lines,
        width.saturating_sub(2),
    ))
    .wrap(Wrap { trim: true })
    .block(Block::bordered().title(format!(" {} ", app.t("tui-away-title", &[]))))
    .render(rect, buf);
}

/// "You were away 14:02–15:22 (1h 20m). Keep it, cut it out of the session (split
/// in two), or stop at 14:02?"
#[must_use]
pub fn question(gap: &Gap, zone: chrono_tz::Tz) -> String {
    question_in(Lang::En, gap, zone)
}

/// [`question`] in `lang`.
#[must_use]
pub fn question_in(lang: Lang, gap: &Gap, zone: chrono_tz::Tz) -> String {
    t(
        lang,
        "tui-away-question",
        &[
            ("span", &span_text(lang, gap, zone)),
            ("at", &time::hhmm_in(zone, gap.from)),
        ],
    )
}

/// The gap as `14:02–15:22 (1h 20m)` (the library's words in English), or with a
/// Chinese duration.
fn span_text(lang: Lang, gap: &Gap, zone: chrono_tz::Tz) -> String {
    match lang {
        Lang::En => gap.span_text(zone),
        Lang::ZhCn => {
            // As the library's: the end's date only when the gap ran past midnight.
            let to = if time::local_date(zone, gap.to) == time::local_date(zone, gap.from) {
                time::hhmm_in(zone, gap.to)
            } else {
                time::date_hhmm_in(zone, gap.to)
            };
            t(
                lang,
                "tui-away-span",
                &[
                    ("from", &time::hhmm_in(zone, gap.from)),
                    ("to", &to),
                    ("duration", &crate::i18n::duration(lang, gap.seconds())),
                ],
            )
        }
    }
}
