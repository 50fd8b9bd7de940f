//! Calendar: the week as seven day columns and wall-clock half hours as rows, each
//! session a block in its project's colour that starts with its project's marker
//! glyph (so projects stay apart under `NO_COLOR`; the legend in the bottom border
//! names them). A running block grows to now, the day's target is a `━` line where
//! the day's work reached it (`┄` where today's would, if the session runs on), a gap
//! between two sessions of a day says how long it was, and the hours that do not
//! exist on a spring-forward day are hatched. The cursor's block (or free half hour)
//! is reversed and described on the last line.

use chrono::{Duration, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Border, Widget};

use crate::model::Session;
use crate::time::{self, calendar as cal};
use crate::tui::app::App;
use crate::tui::calendar::{Block, SLOTS, slot_time};
use crate::tui::fmt;

/// The glyph each block row starts with, by the project's place in the legend.
pub const MARKERS: [&str; 6] = ["█", "▓", "▒", "░", "▚", "▞"];
/// The day's target line, and where today's would fall if the running session goes on.
const TARGET_LINE: &str = "━";
const TARGET_AHEAD: &str = "┄";
/// Hours a spring-forward day skips.
const SKIPPED: &str = "╱";
/// The hour labels' width, with the space after them.
const GUTTER: u16 = 6;

/// The geometry of one frame.
struct Grid {
    x: u16,
    y: u16,
    column: u16,
    width: u16,
    rows: u16,
    top: u16,
}

impl Grid {
    fn day_x(&self, day: usize) -> u16 {
        self.x + GUTTER + self.column * u16::try_from(day).unwrap_or(0)
    }

    /// The screen row of `slot`, if it is in view.
    fn row(&self, slot: u16) -> Option<u16> {
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
    let of = if targets.is_some() {
        format!(" of {}", fmt::total((0..7).map(target_on).sum()))
    } else {
        String::new()
    };
    let mut title = format!(
        " {} · {} – {} · {}{of} ",
        cal::week_key(week, chrono::Datelike::weekday(&week)),
        week.format("%a %d %b"),
        cal::week_last(week).format("%a %d %b"),
        fmt::total(total),
    );
    // The keys when there is room; `?` lists them all anyway.
    let keys = "· [ ] week · n N session · a add ";
    if title.chars().count() + keys.chars().count() + 2 <= usize::from(area.width) {
        title.push_str(keys);
    }
    let legend = legend_line(app, &projects, area.width.saturating_sub(4));
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
        let mut name = format!(
            "{}{}",
            if date == today { "›" } else { "" },
            date.format("%a %d")
        );
        if hours != 24 && usize::from(grid.width) >= name.chars().count() + 6 {
            name.push_str(&format!(" ({hours}h)"));
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
        let worked = fmt::total(day_seconds(day));
        let target = target_on(day);
        let wide = format!("{worked} of {}", fmt::total(target));
        let text = if target > 0 && wide.chars().count() <= usize::from(grid.width) {
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
    now_line(app, &grid, week, buf);
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
    gaps(app, &grid, &blocks, buf);
    for day in 0..7 {
        target_line(app, &grid, &blocks, day, target_on(day), buf);
    }
    if selected.is_none()
        && let Some(y) = grid.row(app.cursor.slot)
    {
        let x = grid.day_x(app.cursor.day);
        for dx in 0..grid.width {
            buf[(x + dx, y)].set_style(app.theme.selected);
        }
    }
    let detail = detail(app, selected.as_ref(), inner.width);
    buf.set_line(inner.x, inner.y + inner.height - 1, &detail, inner.width);
}

/// The first row to draw: the one kept from the last frame, moved (in whole hours)
/// just enough to show the cursor, and never past the day's end.
fn scroll(app: &App, rows: u16) -> u16 {
    let slot = app.cursor.slot;
    let mut top = app.cursor.top.get();
    if slot < top {
        top = slot / 2 * 2;
    }
    if slot >= top + rows {
        top = (slot + 1 - rows).div_ceil(2) * 2;
    }
    top = top.min(SLOTS.saturating_sub(rows));
    app.cursor.top.set(top);
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

fn legend_line(app: &App, projects: &[String], width: u16) -> Line<'static> {
    if projects.is_empty() {
        return Line::from(" No sessions this week · a adds one at the cursor ");
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, p) in projects.iter().enumerate() {
        let label = format!(" {p}  ");
        used += 1 + label.chars().count();
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
    let times = if span.chars().count() < width {
        span
    } else {
        from
    };
    let tags: Vec<String> = s.tags.iter().map(|t| format!("+{t}")).collect();
    let note = crate::model::printable(s.note.as_deref().unwrap_or_default()).into_owned();
    let lines = [
        title,
        times,
        fmt::total((b.to - b.from).num_seconds()),
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
                "{marker}{:<pad$}",
                fmt::fit(text, width - 1),
                pad = width - 1
            )
        };
        buf.set_stringn(x, y, cell, width, style);
    }
}

/// Whether the half hour `slot` of `date` does not exist on the wall clock (the
/// hour a spring-forward night skips).
fn skipped(app: &App, date: chrono::NaiveDate, slot: u16) -> bool {
    app.zone
        .from_local_datetime(&date.and_time(slot_time(slot)))
        .earliest()
        .is_none()
}

/// How long each gap between two sessions of a day was, on its first free row.
fn gaps(app: &App, grid: &Grid, blocks: &[Block], buf: &mut Buffer) {
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
            let gap = fmt::total((b.from - a.to).num_seconds());
            let long = format!("· {gap} gap");
            let text = if long.chars().count() <= usize::from(grid.width) {
                long
            } else {
                fmt::fit(&format!("· {gap}"), usize::from(grid.width))
            };
            buf.set_string(grid.day_x(day), y, text, app.theme.dim);
        }
    }
}

/// Today's current half hour, marked across the free cells of today's column.
fn now_line(app: &App, grid: &Grid, week: chrono::NaiveDate, buf: &mut Buffer) {
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
fn target_line(
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
fn detail(app: &App, selected: Option<&Block>, width: u16) -> Line<'static> {
    let zone = app.zone;
    if let Some(b) = selected {
        let s = &app.snapshot.calendar[b.index];
        let end = s.end.map_or_else(
            || "now".to_string(),
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
        let rest = format!(
            "{} · {} {}–{end} · {}{note} · e edit · d delete · c continue",
            tags.concat(),
            time::local_date(zone, s.start).format("%a"),
            time::date_hhmm_in(zone, s.start),
            fmt::total(s.duration_seconds(app.snapshot.now)),
        );
        let room = usize::from(width).saturating_sub(head.chars().count());
        return Line::from(vec![
            Span::styled(head, app.theme.title),
            Span::raw(fmt::fit(&rest, room)),
        ]);
    }
    let date = app.cursor_date();
    let naive = date.and_time(slot_time(app.cursor.slot));
    let free = if skipped(app, date, app.cursor.slot) {
        "does not exist (the clocks went forward)"
    } else {
        "free · a adds a session here"
    };
    Line::styled(
        format!(
            "{} {} · {free}",
            date.format("%a %Y-%m-%d"),
            naive.format("%H:%M")
        ),
        app.theme.dim,
    )
}
