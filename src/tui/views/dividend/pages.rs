//! The dividend view's pages: figures (national, Keynes week, caveats, personal
//! output trend), your week against the alternatives with the accumulated hours,
//! the countries side by side, and the source. Wording and precision follow
//! LEISURE-MODEL.md §5, as the CLI's do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

use super::page_title;
use crate::leisure::display::{multiple, per_week, per_year, percent, thousands};
use crate::leisure::{CaveatKind, National, WEEKS_PER_YEAR, WeekKind, YearRun, data};
use crate::tracker::dividend::{Dividend, NationalPart, PersonalPart};
use crate::tui::app::App;

/// Eight heights for the output-per-hour sparkline.
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn panel(app: &App) -> Block<'static> {
    Block::bordered().title(page_title(app))
}

/// The dividend, or the error line in a bordered panel.
fn dividend_or_error<'a>(app: &'a App, area: Rect, buf: &mut Buffer) -> Option<&'a Dividend> {
    match &app.snapshot.dividend {
        Ok(d) => Some(d),
        Err(e) => {
            Paragraph::new(Line::styled(e.clone(), app.theme.error))
                .wrap(Wrap { trim: true })
                .block(panel(app))
                .render(area, buf);
            None
        }
    }
}

pub fn figures(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(d) = dividend_or_error(app, area, buf) else {
        return;
    };
    let mut lines = Vec::new();
    match &d.national {
        NationalPart::Figures(n) => {
            national_lines(app, d, n, &mut lines);
        }
        NationalPart::Unavailable { reason, .. } => {
            lines.push(Line::styled(reason.to_string(), app.theme.error));
        }
    }
    for p in &d.personal {
        lines.push(personal_line(p));
    }
    if let NationalPart::Figures(n) = &d.national {
        more_national_lines(n, &mut lines);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(app))
        .render(area, buf);
}

fn national_lines(app: &App, d: &Dividend, n: &National, lines: &mut Vec<Line<'static>>) {
    let (b, t) = (n.base_year, n.end_year);
    let share = n.captured_share.map_or_else(
        || "undefined (the gain is too small to divide or there was none)".to_string(),
        percent,
    );
    lines.push(Line::from(format!(
        "{} {b}→{t}: output per hour ×{}; hours per worker {}→{} h/yr ({}→{} h/wk)",
        n.country_name,
        multiple(n.productivity_multiple),
        per_year(n.hours_base),
        per_year(n.hours_end),
        per_week(n.hours_base),
        per_week(n.hours_end)
    )));
    let taken = if n.realised_hours >= 0.0 {
        format!("taken {} h/wk", per_week(n.realised_hours))
    } else {
        format!(
            "none taken, hours rose {} h/wk",
            per_week(-n.realised_hours)
        )
    };
    lines.push(Line::from(format!(
        "Potential {} h/wk, {taken}: share of the potential taken as shorter hours {share}",
        per_week(n.potential_hours)
    )));
    if let Some(k) = &d.keynes_week.figures {
        lines.push(Line::styled(
            format!(
                "What your {:.1} h/wk produced at {b} productivity takes {:.1} h at {t} productivity, if yours grew like the {} average.",
                k.average_hours, k.keynes_hours, n.country_name
            ),
            app.theme.running,
        ));
    } else if let Some(reason) = &d.keynes_week.reason {
        lines.push(Line::styled(
            format!("Keynes week: {reason}."),
            app.theme.dim,
        ));
    }
    for c in &n.caveats {
        if c.kind != CaveatKind::LevelsNotComparable {
            lines.push(Line::styled(
                format!("Caution: {}.", c.message),
                app.theme.error,
            ));
        }
    }
}

/// Lines that are useful but can fall off a small screen: hours per head, the
/// labour share, what the data measure.
fn more_national_lines(n: &National, lines: &mut Vec<Line<'static>>) {
    let (b, t) = (n.base_year, n.end_year);
    if let (Some(x), Some(y)) = (n.hours_per_head_base, n.hours_per_head_end) {
        lines.push(Line::from(format!(
            "Hours per head of population {}→{} h/yr ({}→{} h/wk)",
            per_year(x),
            per_year(y),
            per_week(x),
            per_week(y)
        )));
    }
    if n.labour_share_base.is_some() || n.labour_share_end.is_some() {
        lines.push(Line::from(format!(
            "Labour share of GDP (who got the rest) {} → {}",
            labour(n.labour_share_base, n.labour_share_base_run, b),
            labour(n.labour_share_end, n.labour_share_end_run, t)
        )));
    }
    lines.push(Line::from(format!(
        "Hours per person engaged (self-employed and farmers included), annual ÷ 52; US$ at {} prices are for change over time, not for comparing countries; the data end in {t}.",
        n.country_name
    )));
}

fn labour(share: Option<f64>, run: Option<YearRun>, year: i32) -> String {
    match (share, run) {
        (None, _) => format!("none for {year}"),
        (Some(s), None) => format!("{} ({year})", percent(s)),
        (Some(s), Some(r)) => format!(
            "{} (one value for {}–{}, not measured in {year})",
            percent(s),
            r.first_year,
            r.last_year
        ),
    }
}

/// The project's weekly output per hour as a sparkline (blank for weeks without
/// hours), scaled from 0 to the best week.
pub fn sparkline(p: &PersonalPart) -> String {
    let top = p
        .weekly
        .iter()
        .filter_map(|w| w.per_hour)
        .fold(0.0_f64, f64::max);
    p.weekly
        .iter()
        .map(|w| match w.per_hour {
            Some(v) if top > 0.0 => {
                let i = (v / top * 7.0).round().clamp(0.0, 7.0) as usize;
                SPARKS[i]
            }
            _ => ' ',
        })
        .collect()
}

fn personal_line(p: &PersonalPart) -> Line<'static> {
    let f = &p.figures;
    let mut text = format!(
        "{} ({}/h) {} · {:.1} h/wk",
        p.project,
        p.unit,
        sparkline(p),
        f.hours_current
    );
    match (f.productivity_multiple, f.share_output, f.share_leisure) {
        (Some(r), Some(o), Some(l)) => text.push_str(&format!(
            " · ×{}; where the gain went: {} more output, {} shorter hours",
            multiple(r),
            percent(o),
            percent(l)
        )),
        _ => {
            if let Some(reason) = &f.reason {
                text.push_str(&format!(" · {reason}"));
            }
        }
    }
    Line::from(text)
}

pub fn week(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(d) = dividend_or_error(app, area, buf) else {
        return;
    };
    let NationalPart::Figures(n) = &d.national else {
        Paragraph::new(Line::styled(
            "No national figures for this country and base year.",
            app.theme.error,
        ))
        .block(panel(app))
        .render(area, buf);
        return;
    };
    let block = panel(app);
    let inner = block.inner(area);
    block.render(area, buf);
    let [bars, text] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(inner);
    let width = (bars.width / 6).saturating_sub(1).clamp(3, 16);
    let group: Vec<Bar> = d
        .week_comparison
        .iter()
        .map(|w| {
            let hours = w.hours_per_week.unwrap_or(0.0);
            let value = w
                .hours_per_week
                .map_or_else(|| "—".to_string(), |h| format!("{h:.1}"));
            let style = if w.kind == WeekKind::You {
                app.theme.running
            } else {
                app.theme.bar
            };
            Bar::default()
                .value((hours * 10.0).round().max(0.0) as u64)
                .text_value(value)
                .label(Line::from(w.kind.label()))
                .style(style)
        })
        .collect();
    BarChart::default()
        .data(BarGroup::default().bars(&group))
        .bar_width(width)
        .bar_gap(1)
        .max(720)
        .render(bars, buf);
    let mut lines = vec![Line::from(format!(
        "Hours per week. Average: {} {} ÷ 52 (holidays included); base-year living: {} output per worker at {} productivity; Keynes 1930.",
        n.country_name, n.end_year, n.base_year, n.end_year
    ))];
    match &d.accumulated {
        Some(a) => lines.push(Line::from(format!(
            "Since your first session: {:.1} h tracked; what they produced at {} productivity takes {:.1} h at {}: {:.1} h ({:.1} weeks of 40 h) more than needed.",
            a.tracked_hours, n.base_year, a.hours_at_end_productivity, n.end_year, a.difference_hours, a.difference_weeks_40h
        ))),
        None => lines.push(Line::from(format!(
            "Accumulated: {}.",
            d.accumulated_reason.as_deref().unwrap_or("not available")
        ))),
    }
    let years = |h: f64| h / (40.0 * WEEKS_PER_YEAR);
    lines.push(Line::from(format!(
        "Over a {}-year career (assumed) at {} hours: potential {} h ({:.1} years of 40-h weeks), taken {} h.",
        n.career_years,
        n.base_year,
        thousands(n.career_potential_hours),
        years(n.career_potential_hours),
        thousands(n.career_realised_hours)
    )));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(text, buf);
}

pub fn countries(app: &App, area: Rect, buf: &mut Buffer) {
    let base = app.choices.base_year_for_country();
    let rows = &app.snapshot.comparison;
    let header = Row::new(["country", "R", "potential", "taken", "share", "caveats"])
        .style(app.theme.header);
    let body: Vec<Row> = rows
        .iter()
        .map(|r| {
            let name = if r.end_year == 2019 {
                format!("{} {}", r.country_code, r.country)
            } else {
                format!("{} {} (–{})", r.country_code, r.country, r.end_year)
            };
            let kinds: Vec<&str> = r.caveats.iter().map(|c| short_kind(c.kind)).collect();
            Row::new([
                name,
                multiple(r.productivity_multiple),
                format!("{} h/wk", per_week(r.potential_hours)),
                format!("{} h/wk", per_week(r.realised_hours)),
                r.captured_share.map_or_else(|| "—".into(), percent),
                kinds.join(" "),
            ])
        })
        .collect();
    let selected = rows
        .iter()
        .position(|r| r.country_code == app.choices.country);
    let title = format!(
        "{}· {base} → latest, by share of the potential taken as shorter hours ",
        page_title(app)
    );
    let table = Table::new(
        body,
        [
            Constraint::Fill(3),
            Constraint::Length(6),
            Constraint::Length(10),
            Constraint::Length(10),
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

fn short_kind(kind: CaveatKind) -> &'static str {
    match kind {
        CaveatKind::HoursJump => "jump",
        CaveatKind::AvhRepeated => "hours-carried",
        CaveatKind::LabourShareRepeated => "share-carried",
        CaveatKind::ReleaseSensitive => "release",
        CaveatKind::LevelsNotComparable => "levels",
        CaveatKind::SeriesBreak => "break",
    }
}

pub fn source(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::from(data::ATTRIBUTION),
        Line::from(""),
        Line::from(
            "Dataset: Penn World Table, version 10.01, Groningen Growth and Development Centre (2023), DataverseNL, doi:10.34894/QT5BCC. Licence CC BY 4.0; otium computed output per hour (rgdpna ÷ (emp × avh)) and nothing else.",
        ),
        Line::from(""),
        Line::from(
            "Hours are per person engaged (employees, self-employed and farmers) per year, holidays included; a week is annual ÷ 52. US$ are at constant 2017 national prices: for change within a country, not for comparing levels. Values PWT carries over years it did not measure are named so. The data end in 2019; nothing is assumed after it.",
        ),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(app))
        .render(area, buf);
}
