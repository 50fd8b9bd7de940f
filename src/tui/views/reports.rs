//! Reports: the chosen range and grouping as a bar chart and a table, from the same
//! code as `otium report`, so the totals match it exactly.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Row, Table, Widget};

use crate::report::apportion::{h_m, shown};
use crate::report::{display_key, header};
use crate::tui::app::App;
use crate::tui::data::RangeKind;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let report = &app.snapshot.report;
    let kind = match app.choices.range {
        RangeKind::Day => "day",
        RangeKind::Week => "week",
        RangeKind::Month => "month",
    };
    let [head, chart, table] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(vec![
        Line::styled(header(report), app.theme.title),
        Line::styled(
            format!("← → move the {kind} · t day/week/month · g grouping"),
            app.theme.dim,
        ),
    ])
    .render(head, buf);
    let (total, rows) = shown(report);
    if rows.is_empty() || report.total_seconds == 0 {
        Paragraph::new("No time tracked in this range.")
            .block(Block::bordered())
            .render(chart, buf);
        return;
    }
    let by = report.options.group_by.first().copied();
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| {
            Bar::default()
                .value(u64::try_from(r.minutes).unwrap_or(0))
                .label(Line::from(short(&display_key(&r.group.key, by))))
                .text_value(h_m(r.minutes))
                .style(app.theme.bar)
        })
        .collect();
    BarChart::default()
        .block(Block::bordered().title(" Hours "))
        .data(BarGroup::default().bars(&bars))
        .bar_width(9)
        .bar_gap(1)
        .render(chart, buf);
    let mut table_rows: Vec<Row> = rows
        .iter()
        .map(|r| Row::new([display_key(&r.group.key, by), h_m(r.minutes)]))
        .collect();
    table_rows.push(Row::new(["Total".to_string(), h_m(total)]).style(app.theme.title));
    Table::new(table_rows, [Constraint::Fill(1), Constraint::Length(10)])
        .block(Block::bordered())
        .render(table, buf);
}

/// Bar labels get 9 columns: longer keys are cut with an ellipsis.
fn short(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 9 {
        text.to_string()
    } else {
        format!("{}…", chars[..8].iter().collect::<String>())
    }
}
