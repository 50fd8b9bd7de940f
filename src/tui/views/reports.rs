//! Reports: the chosen range and grouping as a bar chart and a table, from the same
//! code as `otium report`, so the totals match it exactly. Grouped by day or week,
//! with targets set, the chart marks each bar's target with a line (`T` hides it).

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Cell, Paragraph, Row, Table, Widget};

use crate::i18n::Lang;
use crate::report::apportion::{h_m, shown};
use crate::report::{display_key_in, header_in};
use crate::tui::app::App;
use crate::tui::data::RangeKind;
use crate::tui::fmt;

/// Columns per bar, and between bars.
const BAR_WIDTH: u16 = 9;
const BAR_GAP: u16 = 1;
/// What marks a target across a bar.
pub const TARGET_MARK: &str = "━";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let report = &app.snapshot.report;
    let lang = app.lang();
    let kind = app.t(
        match app.choices.range {
            RangeKind::Day => "tui-reports-day",
            RangeKind::Week => "tui-reports-week",
            RangeKind::Month => "tui-reports-month",
        },
        &[],
    );
    let [head, chart, table_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let target_hint = if app.snapshot.day_targets.is_some() {
        app.t("tui-reports-target-key", &[])
    } else {
        String::new()
    };
    Paragraph::new(vec![
        Line::styled(header_in(report, app.lang()), app.theme.title),
        Line::styled(
            app.t(
                "tui-reports-keys",
                &[("kind", &kind), ("target", &target_hint)],
            ),
            app.theme.dim,
        ),
    ])
    .render(head, buf);
    let (total, rows) = shown(report);
    if rows.is_empty() || report.total_seconds == 0 {
        Paragraph::new(app.t("tui-reports-empty", &[]))
            .block(Block::bordered())
            .render(chart, buf);
        return;
    }
    let by = report.options.group_by.first().copied();
    // Each bar's target in minutes, when the line is shown and the grouping has one.
    let targets: Vec<Option<u64>> = rows
        .iter()
        .map(|r| {
            app.snapshot
                .report_targets
                .get(&r.group.key)
                .filter(|_| app.show_targets)
                .and_then(|s| u64::try_from((s + 30) / 60).ok())
        })
        .collect();
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| {
            Bar::default()
                .value(u64::try_from(r.minutes).unwrap_or(0))
                .label(Line::from(fmt::fit(
                    &display_key_in(&r.group.key, by, app.lang()),
                    9,
                )))
                .text_value(bar_value(lang, r.minutes))
                .style(app.theme.bar)
        })
        .collect();
    // The scale leaves room for the highest target, so every line fits.
    let max = rows
        .iter()
        .map(|r| u64::try_from(r.minutes).unwrap_or(0))
        .chain(targets.iter().flatten().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let marked = targets.iter().any(Option::is_some);
    let title = if marked {
        Line::from(vec![
            Span::raw(format!(" {} · ", app.t("tui-reports-hours", &[]))),
            Span::styled(TARGET_MARK, app.theme.target),
            Span::raw(format!(" {} ", app.t("tui-reports-target", &[]))),
        ])
    } else {
        Line::from(format!(" {} ", app.t("tui-reports-hours", &[])))
    };
    let block = Block::bordered().title(title);
    let inner = block.inner(chart);
    BarChart::default()
        .block(block)
        .data(BarGroup::default().bars(&bars))
        .bar_width(BAR_WIDTH)
        .bar_gap(BAR_GAP)
        .max(max)
        .render(chart, buf);
    mark_targets(inner, &targets, max, app.theme.target, buf);
    // Hours right-aligned, so the minutes line up under each other whatever the
    // number of hours ("4h 53m" over "10h 41m").
    let right = |text: String| Cell::from(Line::from(text).alignment(Alignment::Right));
    let mut table_rows: Vec<Row> = rows
        .iter()
        .zip(&targets)
        .map(|(r, target)| {
            let target =
                target.map_or_else(String::new, |t| hours(lang, i64::try_from(t).unwrap_or(0)));
            Row::new([
                Cell::from(display_key_in(&r.group.key, by, app.lang())),
                right(hours(lang, r.minutes)),
                right(target),
            ])
        })
        .collect();
    // The total's target is the whole range's, days without time included.
    let total_target = if marked {
        let seconds: i64 = app.snapshot.report_targets.values().sum();
        hours(lang, (seconds + 30) / 60)
    } else {
        String::new()
    };
    table_rows.push(
        Row::new([
            Cell::from(app.t("tui-reports-total", &[])),
            right(hours(lang, total)),
            right(total_target),
        ])
        .style(app.theme.title),
    );
    // "100h 00m" in English; "100小时00分" in Chinese is wider.
    let column = if lang.is_zh() { 12 } else { 10 };
    let mut table = Table::new(
        table_rows,
        [
            Constraint::Fill(1),
            Constraint::Length(column),
            Constraint::Length(if marked { column } else { 0 }),
        ],
    );
    if marked {
        table = table.header(
            Row::new([
                Cell::from(""),
                right(app.t("tui-reports-worked", &[])),
                right(app.t("tui-reports-target", &[])),
            ])
            .style(app.theme.dim),
        );
    }
    table.block(Block::bordered()).render(table_area, buf);
}

/// Draws each bar's target as a line across the bar, on the row where a bar of
/// exactly that value ends. `inner` is the chart inside its border; the geometry is
/// ratatui's vertical `BarChart`: one label row at the bottom, bars `BAR_WIDTH` wide
/// from the left edge, heights in eighths of a row scaled to `max`. Text (the value
/// printed in a bar) is left alone.
fn mark_targets(inner: Rect, targets: &[Option<u64>], max: u64, style: Style, buf: &mut Buffer) {
    let label_rows = u16::from(inner.height >= 2);
    let height = inner.height.saturating_sub(label_rows);
    if height == 0 || max == 0 {
        return;
    }
    let step = BAR_WIDTH + BAR_GAP;
    // As many bars as fit; the chart leaves out the rest.
    let fits = usize::from(inner.width.saturating_add(BAR_GAP) / step);
    for (i, target) in targets.iter().enumerate().take(fits) {
        let Some(target) = *target else { continue };
        let Ok(i) = u16::try_from(i) else { break };
        let ticks = u128::from(target) * u128::from(height) * 8 / u128::from(max);
        if ticks == 0 {
            continue;
        }
        let row_from_bottom = u16::try_from((ticks - 1) / 8)
            .unwrap_or(u16::MAX)
            .min(height - 1);
        let y = inner.y + height - 1 - row_from_bottom;
        let x0 = inner.x + i * step;
        for x in x0..x0 + BAR_WIDTH {
            let cell = &mut buf[(x, y)];
            if is_bar_symbol(cell.symbol()) {
                cell.set_symbol(TARGET_MARK).set_style(style);
            }
        }
    }
}

/// Blank or a block element of a bar (not the value text printed on it).
fn is_bar_symbol(symbol: &str) -> bool {
    matches!(symbol, " " | "▁" | "▂" | "▃" | "▄" | "▅" | "▆" | "▇" | "█")
}

/// A table's minutes as `otium report` writes them (`8h 05m`), or `8小时05分`.
fn hours(lang: Lang, minutes: i64) -> String {
    match lang {
        Lang::En => h_m(minutes),
        Lang::ZhCn => crate::i18n::zh::minutes(minutes),
    }
}

/// A bar's value in its 9 columns: `8h 05m`, or in Chinese decimal hours (`8.1小时`),
/// since `38小时00分` would not fit and the bar would show no value at all.
fn bar_value(lang: Lang, minutes: i64) -> String {
    match lang {
        Lang::En => h_m(minutes),
        Lang::ZhCn => fmt::total_within(lang, minutes * 60, 0),
    }
}
