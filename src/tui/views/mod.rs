//! Rendering: a pure function of `&App`. The frame is tabs on top, the view in the
//! middle, the status line at the bottom, and overlays (help, form, confirm) over it.

mod calendar;
mod dashboard;
mod dividend;
pub(in crate::tui) mod overlays;
mod reports;
mod sessions;

pub use dashboard::TARGET_TICK;
pub use reports::TARGET_MARK;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::action::View;
use super::app::{App, Mode};
use super::fmt;

/// The smallest terminal the screen is drawn in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 16;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = self.t(
                "tui-too-small",
                &[
                    ("width", &area.width),
                    ("height", &area.height),
                    ("min_width", &MIN_WIDTH),
                    ("min_height", &MIN_HEIGHT),
                ],
            );
            Paragraph::new(wrap_lines(self, vec![Line::from(text)], area.width))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let banner = u16::from(!self.banner.due.is_empty());
        let notice = self.sync.height();
        let [tabs, reminders, conflicts, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner),
            Constraint::Length(notice),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        render_tabs(self, tabs, buf);
        if banner > 0 {
            super::banner::render(self, reminders, buf);
        }
        if notice > 0 {
            super::sync::render(self, conflicts, buf);
        }
        match self.view {
            View::Dashboard => dashboard::render(self, body, buf),
            View::Sessions => sessions::render(self, body, buf),
            View::Reports => reports::render(self, body, buf),
            View::Dividend => dividend::render(self, body, buf),
            View::Calendar => calendar::render(self, body, buf),
        }
        render_status(self, status, buf);
        match &self.mode {
            Mode::Help => overlays::help(self, area, buf),
            Mode::Form(form) => overlays::form(self, form, area, buf),
            Mode::ConfirmDelete(session) => overlays::confirm(self, session, area, buf),
            Mode::Filter | Mode::Country(_) | Mode::Normal => {}
        }
        if let Some(gap) = &self.away {
            super::away::render(self, gap, area, buf);
        }
        mend_wide(area, buf);
    }
}

/// `lines` broken for a paragraph `width` cells wide, in Chinese by [`fmt::wrap`]
/// (between characters, since Chinese has no spaces to break at); English is left
/// to the paragraph's own word wrap, as it always was.
pub(in crate::tui) fn wrap_lines(
    app: &App,
    lines: Vec<Line<'static>>,
    width: u16,
) -> Vec<Line<'static>> {
    if !app.lang().is_zh() {
        return lines;
    }
    let mut out = Vec::new();
    for line in lines {
        match line.spans.as_slice() {
            [span] => {
                let style = span.style;
                for piece in fmt::wrap(&span.content, usize::from(width)) {
                    out.push(Line::styled(piece, style).style(line.style));
                }
            }
            _ => out.push(line),
        }
    }
    out
}

/// Blanks each wide character (CJK, two cells) whose right half an overlay drew
/// over: a terminal would show the character whole and hide the overlay's border
/// instead. Text of one cell per character (all English) is never touched.
fn mend_wide(area: Rect, buf: &mut Buffer) {
    use unicode_width::UnicodeWidthStr;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if buf[(x, y)].symbol().width() < 2 {
                continue;
            }
            let covered = x + 1 >= area.right() || buf[(x + 1, y)].symbol() != " ";
            if covered {
                buf[(x, y)].set_symbol(" ");
            }
        }
    }
}

fn render_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::styled(" otium ", app.theme.title)];
    for (i, view) in View::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, view.title_in(app.lang()));
        let style = if *view == app.view {
            app.theme.selected
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(label, style));
    }
    Line::from(spans).render(area, buf);
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let line = if app.mode == Mode::Filter {
        Line::from(vec![
            Span::styled(app.t("tui-filter-prompt", &[]), app.theme.title),
            Span::raw(format!("{}▏", app.filter)),
        ])
    } else if let Mode::Country(text) = &app.mode {
        dividend::country_prompt(app, text)
    } else if let Some(status) = &app.status {
        let style = if status.error {
            app.theme.error
        } else {
            app.theme.info
        };
        Line::from(Span::styled(status.text.clone(), style))
    } else {
        Line::from(Span::styled(app.t("tui-status-keys", &[]), app.theme.dim))
    };
    line.render(area, buf);
}
