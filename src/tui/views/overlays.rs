//! Overlays: the help (generated from the key table), the session form with its
//! inline validation messages, and the delete confirmation.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::model::Session;
use crate::time;
use crate::tui::app::App;
use crate::tui::fmt;
use crate::tui::form::Form;
use crate::tui::keymap::{BINDINGS, Scope};

pub(in crate::tui) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

/// The help: every binding of the key table, the view's own keys first. It is
/// sized to the screen and scrolls (↑↓ j k, PgUp PgDn) when it does not fit, as at
/// 80×24; the title says which lines are shown.
pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    let here = BINDINGS.iter().filter(|b| b.scope == Scope::In(app.view));
    let elsewhere = BINDINGS.iter().filter(|b| b.scope != Scope::In(app.view));
    for b in here.chain(elsewhere) {
        let scope = match b.scope {
            Scope::Global => String::new(),
            Scope::In(view) => app.t("tui-help-scope", &[("view", &view.title_in(app.lang()))]),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>8}  ", b.keys), app.theme.title),
            Span::raw(format!("{}{scope}", b.text(app.lang()))),
        ]));
    }
    lines.push(Line::styled(app.t("tui-help-forms", &[]), app.theme.dim));
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    // Clear of the tab bar and the status line, so the screen stays recognisable.
    let rect = centered(
        area,
        64,
        total.saturating_add(2).min(area.height.saturating_sub(2)),
    );
    let shown = rect.height.saturating_sub(2);
    let max = total.saturating_sub(shown);
    app.help_max
        .store(max, std::sync::atomic::Ordering::Relaxed);
    let scroll = app.help_scroll.min(max);
    let title = if max == 0 {
        app.t("tui-help-title", &[])
    } else {
        app.t(
            "tui-help-title-scroll",
            &[
                ("first", &(scroll + 1)),
                ("last", &(scroll + shown).min(total)),
                ("total", &total),
            ],
        )
    };
    let title = format!(" {title} ");
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .scroll((scroll, 0))
        .block(Block::bordered().title(title))
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
        let label = fmt::pad_start(&app.t(f.label, &[]), 8);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{label}{}", app.t("tui-form-colon", &[])),
                app.theme.title,
            ),
            Span::styled(format!("{}{cursor}", f.value), style),
        ]));
        if let Some(error) = &f.error {
            // Under the value, each wrapped line as far in (Chinese is wrapped here,
            // English by the paragraph).
            let pieces = if app.lang().is_zh() {
                fmt::wrap(
                    error,
                    70_usize.min(usize::from(area.width)).saturating_sub(12),
                )
            } else {
                vec![error.clone()]
            };
            for piece in pieces {
                lines.push(Line::styled(format!("          {piece}"), app.theme.error));
            }
        }
    }
    lines.push(Line::styled(app.t("tui-form-keys", &[]), app.theme.dim));
    let lines = super::wrap_lines(app, lines, 70_u16.min(area.width).saturating_sub(2));
    let rect = centered(area, 70, u16::try_from(lines.len() + 4).unwrap_or(u16::MAX));
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(format!(" {} ", form.title_in(app.lang()))))
        .render(rect, buf);
}

/// "Delete session 59 (coding, Tue 2026-03-24 13:30–15:30, 2h 00m)? y / n": the
/// prompt names what goes, so a wrong selection is caught before it is gone.
pub fn confirm(app: &App, session: &Session, area: Rect, buf: &mut Buffer) {
    let zone = app.zone;
    let start = session.start;
    let end = session.end.map_or_else(
        || app.t("tui-confirm-running", &[]),
        |e| {
            if time::local_date(zone, e) == time::local_date(zone, start) {
                time::hhmm_in(zone, e)
            } else {
                time::date_hhmm_in(zone, e)
            }
        },
    );
    let text = app.t(
        "tui-confirm-delete",
        &[
            ("id", &session.id),
            ("project", &session.project),
            (
                "weekday",
                &fmt::weekday(app.lang(), time::local_date(zone, start)),
            ),
            ("start", &time::date_hhmm_in(zone, start)),
            ("end", &end),
            (
                "duration",
                &fmt::total_in(app.lang(), session.duration_seconds(app.snapshot.now)),
            ),
        ],
    );
    // Cells, not characters: a Chinese character takes two.
    let chars =
        u16::try_from(unicode_width::UnicodeWidthStr::width(text.as_str())).unwrap_or(u16::MAX);
    let width = chars.saturating_add(4).min(area.width.saturating_sub(2));
    // Wrapped at word boundaries, a line may hold a little less than the full width.
    let inner = width.saturating_sub(4).max(1);
    let lines = super::wrap_lines(
        app,
        vec![Line::styled(text, app.theme.error)],
        width.saturating_sub(2),
    );
    let rows = if app.lang().is_zh() {
        u16::try_from(lines.len()).unwrap_or(u16::MAX)
    } else {
        chars.div_ceil(inner)
    };
    let rect = centered(area, width, rows + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::bordered())
        .render(rect, buf);
}
