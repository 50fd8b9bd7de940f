//! Dividend: the "scissors" chart (output per hour and hours per worker, base year =
//! 100), the national figures, the Keynes week, the personal panel and the attribution.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use crate::tracker::dividend::{Dividend, NationalPart};
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [chart, text] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
    render_chart(app, chart, buf);
    let lines = match &app.snapshot.dividend {
        Ok(d) => figures(app, d),
        Err(e) => vec![Line::styled(e.clone(), app.theme.error)],
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::bordered())
        .render(text, buf);
}

fn render_chart(app: &App, area: Rect, buf: &mut Buffer) {
    let series = &app.snapshot.series;
    let title = format!(
        " {} since {} (= 100) · ← → base year · c/C country ",
        app.choices.country, app.choices.base_year
    );
    let Some(last) = series.last() else {
        Paragraph::new(format!(
            "No data for {} in {}.",
            app.choices.country, app.choices.base_year
        ))
        .block(Block::bordered().title(title))
        .render(area, buf);
        return;
    };
    let productivity: Vec<(f64, f64)> = series
        .iter()
        .map(|p| (f64::from(p.year), p.productivity))
        .collect();
    let hours: Vec<(f64, f64)> = series
        .iter()
        .map(|p| (f64::from(p.year), p.hours))
        .collect();
    let top = series
        .iter()
        .map(|p| p.productivity.max(p.hours))
        .fold(100.0, f64::max)
        * 1.05;
    let (x0, x1) = (f64::from(app.choices.base_year), f64::from(last.year));
    let datasets = vec![
        Dataset::default()
            .name("output per hour")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(app.theme.bar)
            .data(&productivity),
        Dataset::default()
            .name("hours per worker")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(app.theme.bar_alt)
            .data(&hours),
    ];
    Chart::new(datasets)
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)))
        .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
        .block(Block::bordered().title(title))
        .x_axis(
            Axis::default()
                .bounds([x0, x1])
                .labels([format!("{x0}"), format!("{x1}")]),
        )
        .y_axis(Axis::default().bounds([0.0, top]).labels([
            "0".to_string(),
            "100".to_string(),
            format!("{top:.0}"),
        ]))
        .render(area, buf);
}

fn figures<'a>(app: &App, d: &'a Dividend) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    match &d.national {
        NationalPart::Figures(n) => {
            let captured = n
                .captured_share
                .map_or_else(|| "undefined".to_string(), |c| format!("{:.1}%", c * 100.0));
            lines.push(Line::from(format!(
                "{} {}→{}: output per hour ×{:.2}; hours {:.0}→{:.0}/year; share taken as leisure {captured}",
                n.country_name, n.base_year, n.end_year, n.productivity_multiple, n.hours_base, n.hours_end
            )));
            if let Some(k) = &d.keynes_week.figures {
                lines.push(Line::styled(
                    format!(
                        "Your {:.1} h week would be {:.1} h at {} {} output per worker.",
                        k.average_hours, k.keynes_hours, n.base_year, n.country_name
                    ),
                    app.theme.running,
                ));
            } else if let Some(reason) = &d.keynes_week.reason {
                lines.push(Line::styled(
                    format!("Keynes week: {reason}."),
                    app.theme.dim,
                ));
            }
            for w in &n.warnings {
                lines.push(Line::styled(format!("Caution: {w}."), app.theme.dim));
            }
        }
        NationalPart::Unavailable { reason, .. } => {
            lines.push(Line::styled(reason.clone(), app.theme.error))
        }
    }
    for p in &d.personal {
        let text = match (p.figures.productivity_multiple, p.figures.share_leisure) {
            (Some(r), Some(l)) => format!(
                "{} ({}): ×{r:.2} output per hour; {:.0}% of the gain went to free time",
                p.project,
                p.unit,
                l * 100.0
            ),
            _ => format!(
                "{} ({}): {}",
                p.project,
                p.unit,
                p.figures.reason.clone().unwrap_or_default()
            ),
        };
        lines.push(Line::from(text));
    }
    lines.push(Line::styled(d.attribution, app.theme.dim));
    lines
}
