//! Sessions: days as sections, sessions as rows; the selected row is highlighted.
//! Text longer than its column (project, tags, note) ends in `…`. With a filter the
//! title gives how many sessions match and their total, a running one counted live.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table, Widget};
use unicode_width::UnicodeWidthStr;

use crate::time;
use crate::tui::app::App;
use crate::tui::data::SESSION_DAYS;
use crate::tui::fmt;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let sessions = app.visible_sessions();
    let now = app.snapshot.now;
    let lang = app.lang();
    let title = if app.filter.is_empty() {
        app.t("tui-sessions-title", &[("days", &SESSION_DAYS)])
    } else {
        let total: i64 = sessions.iter().map(|s| s.duration_seconds(now)).sum();
        let key = if sessions.len() == 1 {
            "tui-sessions-matching-one"
        } else {
            "tui-sessions-matching"
        };
        app.t(
            key,
            &[
                ("filter", &format!("{:?}", app.filter)),
                ("count", &sessions.len()),
                ("total", &fmt::total_in(lang, total)),
            ],
        )
    };
    let block = Block::bordered().title(format!(" {title} "));
    if sessions.is_empty() {
        let key = if app.filter.is_empty() {
            "tui-sessions-empty"
        } else {
            "tui-sessions-no-match"
        };
        ratatui::widgets::Paragraph::new(app.t(key, &[]))
            .block(block)
            .render(area, buf);
        return;
    }
    // The id column fits the longest id listed (and the weekday of the day rows).
    let id_width = sessions
        .iter()
        .map(|s| s.id.to_string().len())
        .max()
        .unwrap_or(1)
        .max(fmt::weekday(lang, now.date_naive()).width());
    // The day row's date sits in the times column; a Chinese one is wider.
    let times_width = fmt::date(
        lang,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
    )
    .width()
    .max(12);
    let widths = [
        Constraint::Length(u16::try_from(id_width).unwrap_or(u16::MAX)),
        Constraint::Length(u16::try_from(times_width).unwrap_or(u16::MAX)),
        Constraint::Length(u16::try_from(fmt::total_width(lang).max(8)).unwrap_or(u16::MAX)),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(3),
    ];
    // The columns as the table lays them out (its defaults: start-aligned, one
    // space between), so text can be cut to fit with an ellipsis.
    let columns = Layout::horizontal(widths)
        .flex(Flex::Start)
        .spacing(1)
        .split(block.inner(area));
    let room = |i: usize| usize::from(columns.get(i).map_or(0, |c| c.width));
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut day: Option<NaiveDate> = None;
    for (i, s) in sessions.iter().enumerate() {
        let date = time::local_date(app.zone, s.start);
        if day != Some(date) {
            day = Some(date);
            rows.push(Row::new([
                Cell::from(Line::styled(fmt::weekday(lang, date), app.theme.header)),
                Cell::from(Line::styled(fmt::date(lang, date), app.theme.header)),
            ]));
        }
        if i == app.selected {
            selected_row = rows.len();
        }
        let end = s
            .end
            .map_or_else(|| "…".to_string(), |e| time::hhmm_in(app.zone, e));
        let tags: Vec<String> = s.tags.iter().map(|t| format!("+{t}")).collect();
        let note = crate::model::printable(s.note.as_deref().unwrap_or_default()).into_owned();
        let style = if i == app.selected {
            app.theme.selected
        } else if s.is_running() {
            app.theme.running
        } else {
            ratatui::style::Style::default()
        };
        rows.push(
            Row::new([
                Cell::from(format!("{:>id_width$}", s.id)),
                Cell::from(format!("{}–{end}", time::hhmm_in(app.zone, s.start))),
                Cell::from(fmt::total_in(lang, s.duration_seconds(now))),
                Cell::from(fmt::fit(&s.project, room(3))),
                Cell::from(fmt::fit(&tags.join(" "), room(4))),
                Cell::from(fmt::fit(&note, room(5))),
            ])
            .style(style),
        );
    }
    // Keep the selected row in view.
    let visible = usize::from(area.height.saturating_sub(2)).max(1);
    let skip = selected_row.saturating_sub(visible - 1);
    let rows: Vec<Row> = rows.into_iter().skip(skip).collect();
    Table::new(rows, widths).block(block).render(area, buf);
}
