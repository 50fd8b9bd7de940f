//! Calendar: the week as seven day columns and wall-clock half hours as rows, each
//! session a block in its project's colour that starts with its project's marker
//! glyph (so projects stay apart under `NO_COLOR`; the legend in the bottom border
//! names them). A running block grows to now, the day's target is a `━` line where
//! the day's work reached it (`┄` where today's would, if the session runs on), a gap
//! between two sessions of a day says how long it was, and the hours that do not
//! exist on a spring-forward day are hatched. The cursor's block (or free half hour)
//! is reversed and described on the last line.

use std::sync::atomic::Ordering;

use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block as Border, Widget};
use unicode_width::UnicodeWidthStr;

use crate::model::Session;
use crate::time::{self, calendar as cal};
use crate::tui::app::App;
use crate::tui::calendar::{Block, SLOTS, slot_time};
use crate::tui::fmt;

mod marks;

/// The glyph each block row starts with, by the project's place in the legend.
pub const MARKERS: [&str; 6] = ["█", "▓", "▒", "░", "▚", "▞"];
/// The day's target line, and where today's would fall if the running session goes on.
pub(super) const TARGET_LINE: &str = "━";
pub(super) const TARGET_AHEAD: &str = "┄";
/// Hours a spring-forward day skips.
const SKIPPED: &str = "╱";
/// The hour labels' width, with the space after them.
const GUTTER: u16 = 6;

/// The geometry of one frame.
struct Grid {
    x: u16,
    y: u16,
    column: u16,
    pub(super) width: u16,
    rows: u16,
    top: u16,
}

impl Grid {
    pub(super) fn day_x(&self, day: usize) -> u16 {
        self.x + GUTTER + self.column * u16::try_from(day).unwrap_or(0)
    }

    /// The screen row of `slot`, if it is in view.
    pub(super) fn row(&self, slot: u16) -> Option<u16> {
        (slot >= self.top && slot < self.top + self.rows).then(|| self.y + 2 + slot - self.top)
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let week = app.choices.calendar_week;
    let blocks = app.calendar_blocks();
    let sessions = &app.snapshot.calendar;
    let projects = legend_projects(sessions, &blocks);
    let marker_of = |project: &str| projects.iter().position(|p| p == project).unwrap_or(0);
    let day_seconds = |day: usize| -> i64 {
        blocks
            .iter()
            .filter(|b| b.day == day)
            .map(|b| (b.to - b.from).num_seconds())
            .sum()
    };
    let total: i64 = (0..7).map(day_seconds).sum();
    let targets = app.snapshot.day_targets;
    let target_on = |day: usize| targets.map_or(0, |t| t.on(cal::add_days(week, day as u64)));
    let lang = app.lang();
    let total = fmt::total_in(lang, total);
    let worked = if targets.is_some() {
        let target = fmt::total_in(lang, (0..7).map(target_on).sum());
        app.t(
            "tui-cal-worked-of",
            &[("worked", &total), ("target", &target)],
        )
    } else {
        total
    };
    let mut title = format!(
        " {} · {} – {} · {worked} ",
        cal::week_key(week, chrono::Datelike::weekday(&week)),
        week_day(lang, week),
        week_day(lang, cal::week_last(week)),
    );
    // The keys when there is room; `?` lists them all anyway.
    let keys = format!("{} ", app.t("tui-cal-keys", &[]));
    if title.width() + keys.width() + 2 <= usize::from(area.width) {
        title.push_str(&keys);
    }
    let legend = marks::legend_line(app, &projects, area.width.saturating_sub(4));
    let border = Border::bordered().title(title).title_bottom(legend);
    let inner = border.inner(area);
    border.render(area, buf);
    if inner.width <= GUTTER + 7 || inner.height < 4 {
        return;
    }
    let column = (inner.width - GUTTER) / 7;
    let rows = inner.height - 3;
    let grid = Grid {
        x: inner.x,
        y: inner.y,
        column,
        width: column.saturating_sub(1).max(1),
        rows,
        top: scroll(app, rows),
    };
    let today = time::local_date(app.zone, app.snapshot.now);
    // Day headers: the weekday and date, then the day's total (and target, if wide).
    for day in 0..7 {
        let date = cal::add_days(week, day as u64);
        let x = grid.day_x(day);
        let hours = (time::day_start(app.zone, cal::add_days(date, 1))
            - time::day_start(app.zone, date))
        .num_hours();
        let marker = if date == today { "›" } else { "" };
        let mut name = format!("{marker}{}", fmt::weekday_day(lang, date));
        if name.width() > usize::from(grid.width) {
            // `›周三 25日` is a cell too wide at 80 columns: the day without `日`.
            name = format!(
                "{marker}{} {}",
                fmt::weekday(lang, date),
                chrono::Datelike::day(&date)
            );
        }
        let skew = app.t("tui-cal-day-hours", &[("hours", &hours)]);
        if hours != 24 && usize::from(grid.width) > name.width() + skew.width() {
            name.push_str(&format!(" {skew}"));
        }
        let style = if date == today {
            app.theme.title
        } else {
            app.theme.header
        };
        buf.set_stringn(
            x,
            grid.y,
            fmt::fit(&name, usize::from(grid.width)),
            usize::from(grid.width),
            style,
        );
        let worked = fmt::total_within(lang, day_seconds(day), usize::from(grid.width));
        let target = target_on(day);
        let wide = app.t(
            "tui-cal-worked-of",
            &[
                ("worked", &worked),
                ("target", &fmt::total_in(lang, target)),
            ],
        );
        let text = if target > 0 && wide.width() <= usize::from(grid.width) {
            wide
        } else {
            worked
        };
        buf.set_stringn(
            x,
            grid.y + 1,
            text,
            usize::from(grid.width),
            Style::default(),
        );
    }
    // The hour labels, and the hatching of hours that do not exist that day.
    for slot in grid.top..(grid.top + grid.rows).min(SLOTS) {
        let Some(y) = grid.row(slot) else { continue };
        if slot % 2 == 0 {
            buf.set_string(
                grid.x,
                y,
                slot_time(slot).format("%H:%M").to_string(),
                app.theme.dim,
            );
        }
        for day in 0..7 {
            let date = cal::add_days(week, day as u64);
            if app
                .zone
                .from_local_datetime(&date.and_time(slot_time(slot)))
                .earliest()
                .is_none()
            {
                let fill = SKIPPED.repeat(usize::from(grid.width));
                buf.set_string(grid.day_x(day), y, fill, app.theme.dim);
            }
        }
    }
    marks::now_line(app, &grid, week, buf);
    let selected = app.calendar_selected();
    for b in &blocks {
        let s = &sessions[b.index];
        let style = if selected.as_ref() == Some(b) {
            app.theme.selected
        } else {
            app.theme.blocks[marker_of(&s.project) % app.theme.blocks.len()]
        };
        draw_block(
            app,
            &grid,
            b,
            s,
            MARKERS[marker_of(&s.project) % MARKERS.len()],
            style,
            buf,
        );
    }
    marks::gaps(app, &grid, &blocks, buf);
    for day in 0..7 {
        marks::target_line(app, &grid, &blocks, day, target_on(day), buf);
    }
    if selected.is_none()
        && let Some(y) = grid.row(app.cursor.slot)
    {
        let x = grid.day_x(app.cursor.day);
        for dx in 0..grid.width {
            buf[(x + dx, y)].set_style(app.theme.selected);
        }
    }
    let detail = marks::detail(app, selected.as_ref(), inner.width);
    buf.set_line(inner.x, inner.y + inner.height - 1, &detail, inner.width);
}

/// The first row to draw: the one kept from the last frame, moved (in whole hours)
/// just enough to show the cursor, and never past the day's end.
fn scroll(app: &App, rows: u16) -> u16 {
    let slot = app.cursor.slot;
    let mut top = app.cursor.top.load(Ordering::Relaxed);
    if slot < top {
        top = slot / 2 * 2;
    }
    if slot >= top + rows {
        top = (slot + 1 - rows).div_ceil(2) * 2;
    }
    top = top.min(SLOTS.saturating_sub(rows));
    app.cursor.top.store(top, Ordering::Relaxed);
    top
}

/// The week's projects in the legend's order (by name), which gives each its marker.
fn legend_projects(sessions: &[Session], blocks: &[Block]) -> Vec<String> {
    let mut names: Vec<String> = blocks
        .iter()
        .map(|b| sessions[b.index].project.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// One block: every row starts with the marker; the rows below the first visible
/// one carry the project (`▶` while running, `↳` when it began the day before), the
/// times, the piece's duration, the tags and the note, as far as the block is tall.
fn draw_block(
    app: &App,
    grid: &Grid,
    b: &Block,
    s: &Session,
    marker: &str,
    style: Style,
    buf: &mut Buffer,
) {
    let x = grid.day_x(b.day);
    let width = usize::from(grid.width);
    let first_shown = b.first.max(grid.top);
    let title = if s.is_running() {
        format!("▶{}", s.project)
    } else if b.from > s.start {
        format!("↳{}", s.project)
    } else {
        s.project.clone()
    };
    let (from, to) = (
        time::hhmm_in(app.zone, b.from),
        time::hhmm_in(app.zone, b.to),
    );
    let span = format!("{from}–{to}");
    let times = if span.width() < width { span } else { from };
    let tags: Vec<String> = s.tags.iter().map(|t| format!("+{t}")).collect();
    let note = crate::model::printable(s.note.as_deref().unwrap_or_default()).into_owned();
    let lines = [
        title,
        times,
        fmt::total_within(app.lang(), (b.to - b.from).num_seconds(), width - 1),
        tags.join(" "),
        note,
    ];
    let date = cal::add_days(app.choices.calendar_week, b.day as u64);
    let mut line = 0;
    for slot in first_shown..=b.last {
        let Some(y) = grid.row(slot) else { continue };
        // An hour the clocks skipped stays hatched inside the block, and takes no text.
        let cell = if skipped(app, date, slot) {
            format!("{marker}{}", SKIPPED.repeat(width - 1))
        } else {
            let text = lines.get(line).map_or("", String::as_str);
            line += 1;
            format!(
                "{marker}{}",
                fmt::pad_end(&fmt::fit(text, width - 1), width - 1)
            )
        };
        buf.set_stringn(x, y, cell, width, style);
    }
}

/// A week's first or last day in its title: `Mon 23 Mar`, or `3月23日 周一`.
fn week_day(lang: crate::i18n::Lang, date: chrono::NaiveDate) -> String {
    match lang {
        crate::i18n::Lang::En => date.format("%a %d %b").to_string(),
        crate::i18n::Lang::ZhCn => crate::i18n::zh::day_short(date),
    }
}

/// Whether the half hour `slot` of `date` does not exist on the wall clock (the
/// hour a spring-forward night skips).
pub(super) fn skipped(app: &App, date: chrono::NaiveDate, slot: u16) -> bool {
    app.zone
        .from_local_datetime(&date.and_time(slot_time(slot)))
        .earliest()
        .is_none()
}
