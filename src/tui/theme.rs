//! Every colour and emphasis in one place. With `NO_COLOR` set, styles use only
//! bold, underline and reverse, so the screen stays readable in monochrome.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Titles and the active tab.
    pub title: Style,
    /// Secondary text.
    pub dim: Style,
    /// The selected row.
    pub selected: Style,
    /// The running timer.
    pub running: Style,
    /// Bars in charts.
    pub bar: Style,
    /// A second series in charts.
    pub bar_alt: Style,
    /// Target lines and markers in charts.
    pub target: Style,
    /// Error messages.
    pub error: Style,
    /// Informational messages.
    pub info: Style,
    /// Day headers.
    pub header: Style,
    /// The calendar's project blocks, one style per project (cycled). Under
    /// `NO_COLOR` they are all plain: the calendar tells projects apart by the marker
    /// glyph each block starts with, which the legend names.
    pub blocks: [Style; 6],
}

impl Theme {
    /// Colour unless `no_color`.
    #[must_use]
    pub fn new(no_color: bool) -> Self {
        if no_color {
            let plain = Style::default();
            return Theme {
                title: plain.add_modifier(Modifier::BOLD),
                dim: plain,
                selected: plain.add_modifier(Modifier::REVERSED),
                running: plain.add_modifier(Modifier::BOLD),
                bar: plain,
                bar_alt: plain.add_modifier(Modifier::BOLD),
                target: plain.add_modifier(Modifier::BOLD),
                error: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                info: plain,
                header: plain.add_modifier(Modifier::UNDERLINED),
                blocks: [plain; 6],
            };
        }
        Theme {
            title: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            dim: Style::default().fg(Color::DarkGray),
            selected: Style::default().bg(Color::Blue).fg(Color::White),
            running: Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD),
            bar: Style::default().fg(Color::Cyan),
            bar_alt: Style::default().fg(Color::Yellow),
            target: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            info: Style::default().fg(Color::Green),
            header: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            blocks: [
                Color::Cyan,
                Color::Yellow,
                Color::Magenta,
                Color::Green,
                Color::Blue,
                Color::Red,
            ]
            .map(|c| Style::default().bg(c).fg(Color::Black)),
        }
    }

    /// From the environment: monochrome when `NO_COLOR` is set and not empty.
    #[must_use]
    pub fn from_env() -> Self {
        Self::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }
}
