//! What the calendar draws over its grid besides the blocks: the legend, the gap
//! lengths, the now line, the target line and the detail line.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Grid, MARKERS, TARGET_AHEAD, TARGET_LINE, skipped};
use crate::time::{self, calendar as cal};
use crate::tui::app::App;
use crate::tui::calendar::{Block, slot_time};
use crate::tui::fmt;

pub(super) fn legend_line(app: &App, projects: &[String], width: u16) -> Line<'static> {
    if projects.is_empty() {
        return Line::from(format!(" {} ", app.t("tui-cal-legend-empty", &[])));
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, p) in projects.iter().enumerate() {
        let label = format!(" {p}  ");
        used += 1 + label.width();
        if used > usize::from(width) {
            spans.push(Span::raw("…"));
            break;
        }
        let style = app.theme.blocks[i % app.theme.blocks.len()];
        spans.push(Span::styled(MARKERS[i % MARKERS.len()], style));
        spans.push(Span::raw(label));
    }
    Line::from(spans)
}

/// How long each gap between two sessions of a day was, on its first free row.
pub(super) fn gaps(app: &App, grid: &Grid, blocks: &[Block], buf: &mut Buffer) {
    for day in 0..7 {
        let mut of_day: Vec<&Block> = blocks.iter().filter(|b| b.day == day).collect();
        of_day.sort_by_key(|b| b.from);
        for pair in of_day.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.first <= a.last + 1 {
                continue;
            }
            let Some(y) = grid.row(a.last + 1) else {
                continue;
            };
            let seconds = (b.from - a.to).num_seconds();
            let gap = fmt::total_in(app.lang(), seconds);
            let long = app.t("tui-cal-gap", &[("gap", &gap)]);
            let text = if long.width() <= usize::from(grid.width) {
                long
            } else {
                let room = usize::from(grid.width);
                let gap = fmt::total_within(app.lang(), seconds, room.saturating_sub(2));
                fmt::fit(&format!("· {gap}"), room)
            };
            buf.set_string(grid.day_x(day), y, text, app.theme.dim);
        }
    }
}

/// Today's current half hour, marked across the free cells of today's column.
pub(super) fn now_line(app: &App, grid: &Grid, week: chrono::NaiveDate, buf: &mut Buffer) {
    let today = time::local_date(app.zone, app.snapshot.now);
    let Ok(day) = usize::try_from((today - week).num_days()) else {
        return;
    };
    if day > 6 {
        return;
    }
    let local = app.snapshot.now.with_timezone(&app.zone);
    let minute = chrono::Timelike::hour(&local) * 60 + chrono::Timelike::minute(&local);
    let slot = u16::try_from(minute / 30).unwrap_or(0);
    if let Some(y) = grid.row(slot) {
        let x = grid.day_x(day);
        buf.set_string(x, y, "╌".repeat(usize::from(grid.width)), app.theme.running);
    }
}

/// The day's target as a line across its column: at the instant the day's work
/// reached it, or, today, where it would with the running session going on.
pub(super) fn target_line(
    app: &App,
    grid: &Grid,
    blocks: &[Block],
    day: usize,
    target: i64,
    buf: &mut Buffer,
) {
    if target <= 0 {
        return;
    }
    let mut of_day: Vec<&Block> = blocks.iter().filter(|b| b.day == day).collect();
    of_day.sort_by_key(|b| b.from);
    let mut worked = 0;
    let mut reached = None;
    for b in &of_day {
        let secs = (b.to - b.from).num_seconds();
        if worked + secs >= target {
            reached = Some(b.from + Duration::seconds(target - worked));
            break;
        }
        worked += secs;
    }
    let running_today = of_day
        .last()
        .is_some_and(|b| app.snapshot.calendar[b.index].is_running());
    let (at, glyph) = match reached {
        Some(at) => (at, TARGET_LINE),
        None if running_today => (
            app.snapshot.now + Duration::seconds(target - worked),
            TARGET_AHEAD,
        ),
        None => return,
    };
    let date = cal::add_days(app.choices.calendar_week, day as u64);
    let day_end = time::day_start(app.zone, cal::add_days(date, 1));
    if at >= day_end && glyph == TARGET_AHEAD {
        return;
    }
    let local = at
        .min(day_end - Duration::seconds(1))
        .with_timezone(&app.zone);
    let minute = chrono::Timelike::hour(&local) * 60 + chrono::Timelike::minute(&local);
    let Some(y) = grid.row(u16::try_from(minute / 30).unwrap_or(0)) else {
        return;
    };
    let x = grid.day_x(day);
    for dx in 0..grid.width {
        let cell = &mut buf[(x + dx, y)];
        // Over free cells and a block's fill, never over its text or marker.
        if cell.symbol() == " " || cell.symbol() == "╌" {
            cell.set_symbol(glyph);
            if let Some(fg) = app.theme.target.fg {
                cell.set_fg(fg);
            }
            cell.modifier |= app.theme.target.add_modifier;
        }
    }
}

/// The last line: the selected session in full, or the free half hour.
pub(super) fn detail(app: &App, selected: Option<&Block>, width: u16) -> Line<'static> {
    let zone = app.zone;
    if let Some(b) = selected {
        let s = &app.snapshot.calendar[b.index];
        let end = s.end.map_or_else(
            || app.t("tui-cal-now", &[]),
            |e| {
                if time::local_date(zone, e) == time::local_date(zone, s.start) {
                    time::hhmm_in(zone, e)
                } else {
                    time::date_hhmm_in(zone, e)
                }
            },
        );
        let tags: Vec<String> = s.tags.iter().map(|t| format!(" +{t}")).collect();
        let note = s
            .note
            .as_deref()
            .map(|n| format!(" · {}", crate::model::printable(n)))
            .unwrap_or_default();
        let head = format!("{} {}", s.id, s.project);
        let rest = app.t(
            "tui-cal-detail",
            &[
                ("tags", &tags.concat()),
                (
                    "weekday",
                    &fmt::weekday(app.lang(), time::local_date(zone, s.start)),
                ),
                ("start", &time::date_hhmm_in(zone, s.start)),
                ("end", &end),
                (
                    "duration",
                    &fmt::total_in(app.lang(), s.duration_seconds(app.snapshot.now)),
                ),
                ("note", &note),
            ],
        );
        let room = usize::from(width).saturating_sub(head.width());
        return Line::from(vec![
            Span::styled(head, app.theme.title),
            Span::raw(fmt::fit(&rest, room)),
        ]);
    }
    let date = app.cursor_date();
    let naive = date.and_time(slot_time(app.cursor.slot));
    let free = if skipped(app, date, app.cursor.slot) {
        app.t("tui-cal-skipped", &[])
    } else {
        app.t("tui-cal-free", &[])
    };
    Line::styled(
        format!(
            "{} {} {} · {free}",
            fmt::weekday(app.lang(), date),
            fmt::date(app.lang(), date),
            naive.format("%H:%M")
        ),
        app.theme.dim,
    )
}
