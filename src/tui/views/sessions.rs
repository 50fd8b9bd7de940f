//! Sessions: days as sections, sessions as rows; the selected row is highlighted.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table, Widget};

use crate::time;
use crate::tui::app::App;
use crate::tui::data::SESSION_DAYS;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let sessions = app.visible_sessions();
    let title = if app.filter.is_empty() {
        format!(" Sessions, last {SESSION_DAYS} days ")
    } else {
        format!(" Sessions matching {:?} ", app.filter)
    };
    let block = Block::bordered().title(title);
    if sessions.is_empty() {
        let text = if app.filter.is_empty() {
            "No sessions yet. Press s to start or a to add one."
        } else {
            "No session matches the filter (Esc clears it)."
        };
        ratatui::widgets::Paragraph::new(text)
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
        .max(3);
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut day: Option<NaiveDate> = None;
    for (i, s) in sessions.iter().enumerate() {
        let date = time::local_date(app.zone, s.start);
        if day != Some(date) {
            day = Some(date);
            rows.push(Row::new([
                Cell::from(Line::styled(
                    date.format("%a").to_string(),
                    app.theme.header,
                )),
                Cell::from(Line::styled(
                    date.format("%Y-%m-%d").to_string(),
                    app.theme.header,
                )),
            ]));
        }
        if i == app.selected {
            selected_row = rows.len();
        }
        let end = s
            .end
            .map_or_else(|| "…".to_string(), |e| time::hhmm_in(app.zone, e));
        let tags: Vec<String> = s.tags.iter().map(|t| format!("+{t}")).collect();
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
                Cell::from(time::human_duration(s.duration_seconds(app.snapshot.now))),
                Cell::from(s.project.clone()),
                Cell::from(tags.join(" ")),
                Cell::from(
                    crate::model::printable(s.note.as_deref().unwrap_or_default()).into_owned(),
                ),
            ])
            .style(style),
        );
    }
    // Keep the selected row in view.
    let visible = usize::from(area.height.saturating_sub(2)).max(1);
    let skip = selected_row.saturating_sub(visible - 1);
    let rows: Vec<Row> = rows.into_iter().skip(skip).collect();
    let widths = [
        Constraint::Length(u16::try_from(id_width).unwrap_or(u16::MAX)),
        Constraint::Length(12),
        Constraint::Length(8),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(3),
    ];
    Table::new(rows, widths).block(block).render(area, buf);
}
