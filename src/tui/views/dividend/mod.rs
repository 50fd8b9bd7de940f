//! Dividend: a lower panel with four pages (`v`): the figures under two index charts,
//! your week against the alternatives, every country side by side, and the source.
//! The short attribution is the view's last row on every page, at every size, so it
//! never scrolls away (LEISURE-MODEL.md §5); `i` shows the full citation.

mod chart;
pub(super) mod pages;
mod reference;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::leisure::data;
use crate::tui::app::App;
use crate::tui::data::DividendPage;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [main, source] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    match app.choices.page {
        DividendPage::Figures => {
            let [charts, text] =
                Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(main);
            render_charts(app, charts, buf);
            pages::figures(app, text, buf);
        }
        DividendPage::Week => pages::week(app, main, buf),
        DividendPage::Countries => reference::countries(app, main, buf),
        DividendPage::Source => reference::source(app, main, buf),
    }
    Line::from(vec![
        Span::styled(attribution_short(app), app.theme.dim),
        Span::styled(
            format!(" · {}", app.t("tui-div-citation-key", &[])),
            app.theme.dim,
        ),
    ])
    .render(source, buf);
}

/// The short attribution that never scrolls away: in English
/// [`data::ATTRIBUTION_SHORT`] word for word (a test holds them together).
pub(in crate::tui) fn attribution_short(app: &App) -> String {
    app.t("tui-div-attribution-short", &[])
}

/// The page names for a panel title, the current one in brackets.
fn page_title(app: &App) -> String {
    let names = [
        (DividendPage::Figures, app.t("tui-div-page-figures", &[])),
        (DividendPage::Week, app.t("tui-div-page-week", &[])),
        (
            DividendPage::Countries,
            app.t("tui-div-page-countries", &[]),
        ),
        (DividendPage::Source, app.t("tui-div-page-source", &[])),
    ];
    let list: Vec<String> = names
        .iter()
        .map(|(p, name)| {
            if *p == app.choices.page {
                format!("[{name}]")
            } else {
                name.clone()
            }
        })
        .collect();
    format!(" v: {} ", list.join(" · "))
}

fn render_charts(app: &App, area: Rect, buf: &mut Buffer) {
    let series = &app.snapshot.series;
    let base = app.choices.base_year_for_country();
    let Some(last) = series.last() else {
        Paragraph::new(app.t(
            "tui-div-no-data",
            &[("country", &app.choices.country), ("base", &base)],
        ))
        .render(area, buf);
        return;
    };
    let years = (f64::from(base), f64::from(last.year));
    let productivity: Vec<(f64, f64)> = series
        .iter()
        .map(|p| (f64::from(p.year), p.productivity))
        .collect();
    let hours: Vec<(f64, f64)> = series
        .iter()
        .map(|p| (f64::from(p.year), p.hours))
        .collect();
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let code = &app.choices.country;
    chart::index_panel(
        format!(
            " {} ··· ",
            app.t(
                "tui-div-chart-output",
                &[("country", code), ("base", &base)]
            )
        ),
        &productivity,
        years,
        app.theme.bar,
        left,
        buf,
    );
    chart::index_panel(
        format!(
            " {} ··· ",
            app.t("tui-div-chart-hours", &[("country", code), ("base", &base)])
        ),
        &hours,
        years,
        app.theme.bar_alt,
        right,
        buf,
    );
}

/// The status-line prompt while a country is being typed, with the match so far.
pub fn country_prompt(app: &App, text: &str) -> Line<'static> {
    let hint = match data::find(text) {
        Some(c) => app.t(
            "tui-div-country-match",
            &[("name", &c.name), ("code", &c.code)],
        ),
        None if text.trim().is_empty() => app.t("tui-div-country-empty", &[]),
        None => app.t("tui-div-country-none", &[]),
    };
    let hint = format!("  {hint}");
    Line::from(vec![
        Span::styled(app.t("tui-div-country-prompt", &[]), app.theme.title),
        Span::raw(format!("{text}▏")),
        Span::styled(hint, app.theme.dim),
    ])
}
