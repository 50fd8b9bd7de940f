//! The week calendar's model: which half hour of which day the cursor is on, the
//! sessions of the shown week cut into blocks per local day, and the keys that move
//! the cursor. Drawing is in `views/calendar.rs`; this file knows no widgets.
//!
//! Rows are wall-clock half hours (00:00 to 24:00). A session that crosses midnight
//! is cut at the local day's start (`time::day_start`, which knows 23- and 25-hour
//! days), so each piece sits in its own day's column.

use std::sync::atomic::AtomicU16;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use super::action::Action;
use super::app::App;
use super::form::Form;
use crate::model::{Session, SessionId};
use crate::time::{self, calendar};

/// Minutes per row.
pub const SLOT_MINUTES: u32 = 30;
/// Rows per day.
pub const SLOTS: u16 = 48;
/// Rows a page key moves (four hours).
const PAGE: u16 = 8;

/// Where the calendar's cursor is.
#[derive(Debug, Default)]
pub struct Cursor {
    /// The day of the shown week, 0 to 6.
    pub day: usize,
    /// The half hour of that day, 0 (00:00) to 47 (23:30).
    pub slot: u16,
    /// The session `n`/`N` chose, when two share the cursor's half hour.
    pub chosen: Option<SessionId>,
    /// The first row drawn; the view keeps the cursor in sight and scrolls in whole
    /// hours (set while drawing, which is the only place that knows the height; an
    /// atomic rather than a `Cell` so a drawn `&App` can be shared, as benches do).
    pub top: AtomicU16,
}

/// The part of a session that fell on one day of the shown week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Index into `Snapshot::calendar`.
    pub index: usize,
    /// The day of the week, 0 to 6.
    pub day: usize,
    /// The piece's start.
    pub from: DateTime<Utc>,
    /// The piece's end (now for a running session).
    pub to: DateTime<Utc>,
    /// First row.
    pub first: u16,
    /// Last row (inclusive, never before `first`).
    pub last: u16,
}

/// The minute of the local wall-clock day at `at` (0 to 1439).
fn wall_minute(zone: Tz, at: DateTime<Utc>) -> u32 {
    let local = at.with_timezone(&zone);
    local.hour() * 60 + local.minute()
}

/// The row of a wall-clock minute.
fn slot_of_minute(minute: u32) -> u16 {
    u16::try_from(minute / SLOT_MINUTES).unwrap_or(SLOTS - 1)
}

/// Every session of `sessions` cut into blocks on the seven days from `first_day`,
/// in start order (later blocks are drawn over earlier ones where they share a row).
#[must_use]
pub fn blocks(
    sessions: &[Session],
    zone: Tz,
    first_day: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<Block> {
    let bounds: Vec<(DateTime<Utc>, DateTime<Utc>)> = (0..7)
        .map(|d| {
            let date = calendar::add_days(first_day, d);
            (
                time::day_start(zone, date),
                time::day_start(zone, calendar::add_days(date, 1)),
            )
        })
        .collect();
    let mut out = Vec::new();
    for (index, s) in sessions.iter().enumerate() {
        let end = s.end.unwrap_or(now).max(s.start);
        for (day, (day_from, day_to)) in bounds.iter().enumerate() {
            let (from, to) = (s.start.max(*day_from), end.min(*day_to));
            // A running session that started this second still shows as one row.
            if from > to || (from == to && (s.end.is_some() || from == *day_to)) {
                continue;
            }
            let first = slot_of_minute(wall_minute(zone, from));
            let end_minute = if to == *day_to {
                24 * 60
            } else {
                wall_minute(zone, to)
            };
            let last = slot_of_minute(end_minute.saturating_sub(1)).max(first);
            out.push(Block {
                index,
                day,
                from,
                to,
                first,
                last,
            });
        }
    }
    out
}

/// The wall-clock time a row starts at.
#[must_use]
pub fn slot_time(slot: u16) -> NaiveTime {
    let minutes = u32::from(slot) * SLOT_MINUTES;
    NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap_or(NaiveTime::MIN)
}

impl App {
    /// The blocks of the shown week.
    #[must_use]
    pub fn calendar_blocks(&self) -> Vec<Block> {
        blocks(
            &self.snapshot.calendar,
            self.zone,
            self.choices.calendar_week,
            self.snapshot.now,
        )
    }

    /// The block under the cursor: the one `n`/`N` chose if it covers the cursor,
    /// else the one drawn on top there.
    #[must_use]
    pub fn calendar_selected(&self) -> Option<Block> {
        let c = &self.cursor;
        let covering: Vec<Block> = self
            .calendar_blocks()
            .into_iter()
            .filter(|b| b.day == c.day && b.first <= c.slot && c.slot <= b.last)
            .collect();
        let chosen = c.chosen.and_then(|id| {
            covering
                .iter()
                .find(|b| self.snapshot.calendar[b.index].id == id)
        });
        chosen.or(covering.last()).cloned()
    }

    /// The date the cursor is on.
    #[must_use]
    pub fn cursor_date(&self) -> NaiveDate {
        calendar::add_days(
            self.choices.calendar_week,
            u64::try_from(self.cursor.day).unwrap_or(0),
        )
    }

    /// Puts the cursor on `at` (its week, day and half hour); whether the shown
    /// week changed, so the caller reloads.
    pub(super) fn calendar_go_to(
        &mut self,
        at: DateTime<Utc>,
        week_start: chrono::Weekday,
    ) -> bool {
        let date = time::local_date(self.zone, at);
        let week = calendar::week_first(date, week_start);
        let changed = week != self.choices.calendar_week;
        self.choices.calendar_week = week;
        self.cursor.day = usize::try_from((date - week).num_days())
            .unwrap_or(0)
            .min(6);
        self.cursor.slot = slot_of_minute(wall_minute(self.zone, at));
        self.cursor.chosen = None;
        changed
    }

    /// Carries out a calendar key; `Some(Reload)` when the week changed.
    pub(super) fn calendar_key(
        &mut self,
        action: &Action,
        week_start: chrono::Weekday,
    ) -> Option<Action> {
        let c = &mut self.cursor;
        let before = self.choices.calendar_week;
        match action {
            Action::Up => c.slot = c.slot.saturating_sub(1),
            Action::Down => c.slot = (c.slot + 1).min(SLOTS - 1),
            Action::PageUp => c.slot = c.slot.saturating_sub(PAGE),
            Action::PageDown => c.slot = (c.slot + PAGE).min(SLOTS - 1),
            Action::Left if c.day == 0 => {
                c.day = 6;
                self.choices.calendar_week = calendar::sub_days(before, 7);
            }
            Action::Left => c.day -= 1,
            Action::Right if c.day == 6 => {
                c.day = 0;
                self.choices.calendar_week = calendar::add_days(before, 7);
            }
            Action::Right => c.day += 1,
            Action::PrevWeek => self.choices.calendar_week = calendar::sub_days(before, 7),
            Action::NextWeek => self.choices.calendar_week = calendar::add_days(before, 7),
            Action::Today => {
                self.calendar_go_to(self.snapshot.now, week_start);
            }
            Action::NextBlock | Action::PrevBlock => {
                self.jump_block(*action == Action::NextBlock);
                return None;
            }
            _ => return None,
        }
        self.cursor.chosen = None;
        (self.choices.calendar_week != before).then_some(Action::Reload)
    }

    /// Moves the cursor to the start of the next (or previous) block of the week.
    fn jump_block(&mut self, forward: bool) {
        let mut blocks = self.calendar_blocks();
        blocks.sort_by_key(|b| (b.day, b.first, b.from));
        let current = self.calendar_selected();
        let key = |b: &Block| (b.day, b.first, b.from);
        let here = current.as_ref().map_or(
            (self.cursor.day, self.cursor.slot, DateTime::<Utc>::MIN_UTC),
            key,
        );
        let target = if forward {
            blocks.iter().find(|b| key(b) > here)
        } else {
            blocks.iter().rev().find(|b| key(b) < here)
        };
        match target {
            Some(b) => {
                self.cursor.day = b.day;
                self.cursor.slot = b.first;
                self.cursor.chosen = Some(self.snapshot.calendar[b.index].id);
            }
            None => {
                let key = if forward {
                    "tui-no-block-after"
                } else {
                    "tui-no-block-before"
                };
                self.info(self.t(key, &[]));
            }
        }
    }

    /// The add form for the cursor's half hour: from its start for an hour, or up to
    /// the next session of the day or now, whichever comes first.
    pub(super) fn calendar_add_form(&self) -> Form {
        let date = self.cursor_date();
        let start =
            time::resolve_local(self.zone, date.and_time(slot_time(self.cursor.slot))).instant;
        let next = self
            .calendar_blocks()
            .into_iter()
            .filter(|b| b.day == self.cursor.day && b.from >= start)
            .map(|b| b.from)
            .min();
        let mut end = start + Duration::hours(1);
        if let Some(next) = next {
            end = end.min(next);
        }
        let to = if end >= self.snapshot.now {
            "now".to_string()
        } else {
            time::date_hhmm_in(self.zone, end)
        };
        Form::add_between(time::date_hhmm_in(self.zone, start), to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn session(id: i64, start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> Session {
        Session {
            id: SessionId::new(id),
            uuid: String::new(),
            project: "p".into(),
            tags: Vec::new(),
            note: None,
            start,
            end,
            zone: chrono_tz::Europe::Berlin,
        }
    }

    #[test]
    fn a_session_across_midnight_is_two_blocks() {
        let berlin = chrono_tz::Europe::Berlin;
        let at = |d, h, m| {
            berlin
                .with_ymd_and_hms(2026, 3, d, h, m, 0)
                .unwrap()
                .to_utc()
        };
        let monday = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap();
        let s = [session(1, at(24, 22, 15), Some(at(25, 1, 0)))];
        let b = blocks(&s, berlin, monday, at(25, 10, 0));
        assert_eq!(b.len(), 2, "{b:?}");
        // Tue 22:15 is row 44 (22:00–22:30); it runs to midnight, row 47.
        assert_eq!((b[0].day, b[0].first, b[0].last), (1, 44, 47));
        // Wed 00:00–01:00 is rows 0 and 1.
        assert_eq!((b[1].day, b[1].first, b[1].last), (2, 0, 1));
        assert_eq!(
            (b[0].to - b[0].from) + (b[1].to - b[1].from),
            Duration::minutes(165)
        );
    }

    #[test]
    fn on_the_spring_forward_day_wall_clock_rows_are_used() {
        let berlin = chrono_tz::Europe::Berlin;
        let monday = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap();
        // Sun 2026-03-29 01:30 +01:00 to 03:30 +02:00: one real hour, rows 3 to 6.
        let start = Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
        let b = blocks(&[session(1, start, Some(end))], berlin, monday, end);
        assert_eq!((b[0].day, b[0].first, b[0].last), (6, 3, 6));
    }
}
