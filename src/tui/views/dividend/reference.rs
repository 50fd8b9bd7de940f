//! The dividend view's reference pages: every country side by side for the base
//! year, and the data's source with its full citation.

use crate::leisure::names::country_name;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::page_title;
use super::pages::panel;
use crate::leisure::CaveatKind;
use crate::leisure::display::{multiple, per_week, percent};
use crate::tui::app::App;
use crate::tui::views::wrap_lines;

pub fn countries(app: &App, area: Rect, buf: &mut Buffer) {
    let base = app.choices.base_year_for_country();
    let rows = &app.snapshot.comparison;
    let header = Row::new([
        app.t("tui-div-col-country", &[]),
        "R".to_string(),
        app.t("tui-div-col-potential", &[]),
        app.t("tui-div-col-taken", &[]),
        app.t("tui-div-col-share", &[]),
        app.t("tui-div-col-caveats", &[]),
    ])
    .style(app.theme.header);
    let per_wk = |hours: f64| app.t("tui-div-per-week", &[("hours", &per_week(hours))]);
    let body: Vec<Row> = rows
        .iter()
        .map(|r| {
            let country = country_name(app.lang(), &r.country_code, &r.country);
            let name = if r.end_year == 2019 {
                format!("{} {country}", r.country_code)
            } else {
                format!("{} {country} (–{})", r.country_code, r.end_year)
            };
            let kinds: Vec<String> = r.caveats.iter().map(|c| short_kind(app, c.kind)).collect();
            Row::new([
                name,
                multiple(r.productivity_multiple),
                per_wk(r.potential_hours),
                per_wk(r.realised_hours),
                r.captured_share.map_or_else(|| "—".into(), percent),
                kinds.join(" "),
            ])
        })
        .collect();
    let selected = rows
        .iter()
        .position(|r| r.country_code == app.choices.country);
    let title = format!(
        "{}· {} ",
        page_title(app),
        app.t("tui-div-countries-title", &[("base", &base)])
    );
    // `26.6 h/wk` in English, `26.6 小时/周` (11 cells) in Chinese.
    let hours = if app.lang().is_zh() { 12 } else { 10 };
    let table = Table::new(
        body,
        [
            Constraint::Fill(3),
            Constraint::Length(6),
            Constraint::Length(hours),
            Constraint::Length(hours),
            Constraint::Length(5),
            Constraint::Fill(1),
        ],
    )
    .header(header)
    .row_highlight_style(app.theme.selected.add_modifier(Modifier::BOLD))
    .block(Block::bordered().title(title));
    let mut state = TableState::default().with_selected(selected);
    StatefulWidget::render(table, area, buf, &mut state);
}

fn short_kind(app: &App, kind: CaveatKind) -> String {
    let key = match kind {
        CaveatKind::HoursJump => "tui-div-caveat-jump",
        CaveatKind::AvhRepeated => "tui-div-caveat-hours-carried",
        CaveatKind::LabourShareRepeated => "tui-div-caveat-share-carried",
        CaveatKind::ReleaseSensitive => "tui-div-caveat-release",
        CaveatKind::LevelsNotComparable => "tui-div-caveat-levels",
        CaveatKind::SeriesBreak => "tui-div-caveat-break",
    };
    app.t(key, &[])
}

pub fn source(app: &App, area: Rect, buf: &mut Buffer) {
    // The English citation is `data::ATTRIBUTION` word for word (a test holds them
    // together); the Chinese one keeps the paper's title and journal as published.
    let lines = vec![
        Line::from(app.t("tui-div-source-citation", &[])),
        Line::from(""),
        Line::from(app.t("tui-div-source-dataset", &[])),
        Line::from(""),
        Line::from(app.t("tui-div-source-hours", &[])),
    ];
    Paragraph::new(wrap_lines(app, lines, area.width.saturating_sub(2)))
        .wrap(Wrap { trim: true })
        .block(panel(app))
        .render(area, buf);
}
