//! Dashboard: the running session with a live clock, today's total, this week as
//! bars per day (against the weekly target if set), the target, overtime balance
//! and working-time limit alerts (when configured), and the dividend headline.
//! While a session runs, every total here counts it to the second the snapshot
//! was last refreshed (once a second, `Snapshot::refresh_live`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::leisure::data;
use crate::time;
use crate::tracker::dividend::NationalPart;
use crate::tui::app::App;
use crate::tui::fmt;

/// Marks a day's target on its bar.
pub const TARGET_TICK: &str = "┃";

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // The week needs 7 rows and its border; the Targets box takes what is left, up
    // to one row per line (at least two, so a breach always shows).
    let trend = trend_line(app);
    let headline_height = if trend.is_some() { 4 } else { 3 };
    let room = area
        .height
        .saturating_sub(6 + 9 + headline_height + 2)
        .max(2);
    let lines = targets_lines(app, usize::from(room));
    let targets_height = match u16::try_from(lines.len()) {
        Ok(0) => 0,
        Ok(n) => n.min(room) + 2,
        Err(_) => room + 2,
    };
    let [timer, week, targets, headline] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(targets_height),
        Constraint::Length(headline_height),
    ])
    .areas(area);
    render_timer(app, timer, buf);
    render_week(app, week, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(" Targets and limits "))
        .render(targets, buf);
    render_headline(app, trend, headline, buf);
}

/// At most `room` lines: the week's target, what was worked and the overtime
/// balance; then one line per limit alert of the week (or that none is broken). When
/// the alerts do not all fit, the first line says how many more `otium limits`
/// shows. Empty without targets or limits.
fn targets_lines(app: &App, room: usize) -> Vec<Line<'static>> {
    let Some(t) = &app.snapshot.targets else {
        return Vec::new();
    };
    let worked: i64 = app.snapshot.week.iter().map(|(_, s)| *s).sum();
    let mut lines = Vec::new();
    if let Some(target) = t.week_target_seconds {
        let balance = t
            .balance_seconds
            .map_or_else(String::new, |b| format!(" · balance {}", fmt::signed(b)));
        lines.push(Line::from(format!(
            "Target {} · worked {}{balance}",
            fmt::total(target),
            fmt::total(worked)
        )));
    }
    let Some(set) = t.limits else {
        return lines;
    };
    if t.alerts.is_empty() {
        lines.push(Line::from(format!("Limits ({set}): none broken this week")));
        return lines;
    }
    let shown = room.saturating_sub(lines.len()).max(1).min(t.alerts.len());
    let hidden = t.alerts.len() - shown;
    for (i, alert) in t.alerts.iter().take(shown).enumerate() {
        let text = match (i, hidden) {
            (0, 0) => format!("Limits ({set}): {alert}"),
            (0, n) => format!("Limits ({set}, {n} more in otium limits): {alert}"),
            _ => format!("  {alert}"),
        };
        lines.push(Line::from(Span::styled(text, app.theme.error)));
    }
    lines
}

fn clock(seconds: i64) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

fn render_timer(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.snapshot;
    let mut lines = Vec::new();
    match &s.running {
        Some(r) => {
            let tags: Vec<String> = r.tags.iter().map(|t| format!("+{t}")).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("▶ {}", r.project), app.theme.running),
                Span::raw(format!("  {}", tags.join(" "))),
            ]));
            if let Some(note) = &r.note {
                let note = crate::model::printable(note).into_owned();
                lines.push(Line::from(Span::styled(note, app.theme.dim)));
            }
            lines.push(Line::from(vec![
                Span::styled(clock(r.duration_seconds(s.now)), app.theme.running),
                Span::raw(format!("  since {}", time::hhmm_in(app.zone, r.start))),
            ]));
        }
        None => lines.push(Line::from(Span::styled(
            "Nothing running. Press s to start.",
            app.theme.dim,
        ))),
    }
    lines.push(Line::from(format!(
        "Today: {}",
        fmt::total(s.today_seconds)
    )));
    Paragraph::new(lines)
        .block(Block::bordered().title(" Now "))
        .render(area, buf);
}

/// One row per day: the hours as a bar and, with targets set, the day's target as a
/// `┃` where a bar of exactly the target would end.
fn render_week(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.snapshot;
    let total: i64 = s.week.iter().map(|(_, secs)| secs).sum();
    let targets = s.day_targets.as_ref();
    let title = match targets {
        Some(t) => format!(
            " This week: {} of {} ",
            fmt::total(total),
            fmt::total(t.week())
        ),
        None => format!(" This week: {} ", fmt::total(total)),
    };
    // Bars are scaled to the longest day or the highest target, whichever is more.
    let target_on = |date| targets.map_or(0, |t| t.on(date));
    let scale = s
        .week
        .iter()
        .map(|(date, secs)| (*secs).max(target_on(*date)))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    // The label takes 19 columns; one more keeps a marker at full scale inside.
    let width = f64::from(area.width.saturating_sub(24).max(1));
    let cells = |secs: i64| ((secs as f64) / scale * width).round() as usize;
    let today = time::local_date(app.zone, s.now);
    let mut lines = Vec::new();
    for (date, secs) in &s.week {
        let marker = if today == *date { "›" } else { " " };
        let mut spans = vec![Span::raw(format!(
            "{marker}{} {:>8} ",
            date.format("%a %d"),
            fmt::total(*secs)
        ))];
        let filled = cells(*secs);
        match Some(target_on(*date)).filter(|t| *t > 0).map(cells) {
            Some(at) if at < filled => {
                spans.push(Span::styled("█".repeat(at), app.theme.bar));
                spans.push(Span::styled(TARGET_TICK, app.theme.target));
                spans.push(Span::styled("█".repeat(filled - at - 1), app.theme.bar));
            }
            Some(at) => {
                spans.push(Span::styled("█".repeat(filled), app.theme.bar));
                spans.push(Span::raw(" ".repeat(at - filled)));
                spans.push(Span::styled(TARGET_TICK, app.theme.target));
            }
            None => spans.push(Span::styled("█".repeat(filled), app.theme.bar)),
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines)
        .block(Block::bordered().title(title))
        .render(area, buf);
}

/// The dividend in one line on the 4-week average (the same period as the Dividend
/// view's Keynes week, never the current partial week), its assumption in the
/// title and the short attribution in the bottom border, so it is always visible.
fn render_headline(app: &App, trend: Option<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let (title, text) = match &app.snapshot.dividend {
        Ok(d) => match (&d.national, &d.keynes_week.figures) {
            (NationalPart::Figures(n), Some(k)) => (
                format!(
                    " Leisure dividend, if your productivity grew like {}'s ",
                    n.country
                ),
                format!(
                    "Your {:.1} h/wk ({}-wk avg) at {} productivity: {:.1} h at {} productivity",
                    k.average_hours, k.weeks_averaged, n.base_year, k.keynes_hours, n.end_year
                ),
            ),
            (NationalPart::Figures(n), None) => (
                " Leisure dividend ".to_string(),
                format!(
                    "{} {}→{}: output per hour ×{:.2}. Track a complete week to see yours.",
                    n.country, n.base_year, n.end_year, n.productivity_multiple
                ),
            ),
            (NationalPart::Unavailable { reason, .. }, _) => {
                (" Leisure dividend ".to_string(), reason.to_string())
            }
        },
        Err(e) => (" Leisure dividend ".to_string(), e.clone()),
    };
    let mut lines = vec![Line::from(text)];
    lines.extend(trend);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(title)
                .title_bottom(Line::styled(data::ATTRIBUTION_SHORT, app.theme.dim)),
        )
        .render(area, buf);
}

/// Your own output per hour, week by week, beside the week's hours: one sparkline per
/// project with an output unit (the Dividend view's figures page has the same), so the
/// personal dividend is a daily sight. `None` without such a project.
fn trend_line(app: &App) -> Option<Line<'static>> {
    let d = app.snapshot.dividend.as_ref().ok()?;
    if d.personal.is_empty() {
        return None;
    }
    let parts: Vec<String> = d
        .personal
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {:.1} h/wk",
                p.project,
                super::dividend::pages::sparkline(p),
                p.unit,
                p.figures.hours_current
            )
        })
        .collect();
    Some(Line::from(format!(
        "Output/h by week: {}",
        parts.join(" · ")
    )))
}
