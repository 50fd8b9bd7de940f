//! Overlays: the help (generated from the key table), the session form with its
//! inline validation messages, and the delete confirmation.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::form::Form;
use crate::tui::keymap::{BINDINGS, Scope};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    for b in BINDINGS {
        let scope = match b.scope {
            Scope::Global => String::new(),
            Scope::In(view) => format!(" ({})", view.title()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>8}  ", b.keys), app.theme.title),
            Span::raw(format!("{}{scope}", b.help)),
        ]));
    }
    lines.push(Line::styled(
        "In forms: Tab/↑↓ fields · Enter save · Esc cancel",
        app.theme.dim,
    ));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 64, height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(" Keys (any key closes) "))
        .render(rect, buf);
}

pub fn form(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let cursor = if focused { "▏" } else { "" };
        let style = if focused {
            app.theme.selected
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>8}: ", f.label), app.theme.title),
            Span::styled(format!("{}{cursor}", f.value), style),
        ]));
        if let Some(error) = &f.error {
            lines.push(Line::styled(format!("          {error}"), app.theme.error));
        }
    }
    lines.push(Line::styled(
        "Tab next field · Enter save · Esc cancel",
        app.theme.dim,
    ));
    let rect = centered(area, 70, u16::try_from(lines.len() + 4).unwrap_or(u16::MAX));
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(format!(" {} ", form.title())))
        .render(rect, buf);
}

pub fn confirm(app: &App, id: crate::model::SessionId, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, 44, 3);
    Clear.render(rect, buf);
    Paragraph::new(Line::styled(
        format!("Delete session {id}? y / n"),
        app.theme.error,
    ))
    .block(Block::bordered())
    .render(rect, buf);
}
