//! Dashboard: the running session with a live clock, today's total, this week as
//! bars per day (against the weekly target if set), the target, overtime balance
//! and working-time limit alerts (when configured), and the dividend headline.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::dividend::NationalPart;
use crate::time;
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let targets_height = if app.snapshot.targets.is_some() { 4 } else { 0 };
    let [timer, week, targets, headline] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(targets_height),
        Constraint::Length(3),
    ])
    .areas(area);
    render_timer(app, timer, buf);
    render_week(app, week, buf);
    render_targets(app, targets, buf);
    render_headline(app, headline, buf);
}

/// Two lines: the week's target and the overtime balance; the first limit alert
/// (or that none is broken).
fn render_targets(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(t) = &app.snapshot.targets else {
        return;
    };
    let worked: i64 = app.snapshot.week.iter().map(|(_, s)| *s).sum();
    let signed = |s: i64| {
        let sign = if s < 0 { "-" } else { "+" };
        format!("{sign}{}", time::human_duration(s.abs()))
    };
    let mut lines = Vec::new();
    if let Some(target) = t.week_target_seconds {
        let balance = t
            .balance_seconds
            .map_or_else(String::new, |b| format!(" · balance {}", signed(b)));
        lines.push(Line::from(format!(
            "Target {} · worked {}{balance}",
            time::human_duration(target),
            time::human_duration(worked)
        )));
    }
    if let Some(set) = t.limits {
        let line = match t.alerts.as_slice() {
            [] => Line::from(format!("Limits ({set}): none broken this week")),
            [first, rest @ ..] => {
                let more = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" (+{} more)", rest.len())
                };
                Line::from(Span::styled(
                    format!("Limits ({set}): {first}{more}"),
                    app.theme.error,
                ))
            }
        };
        lines.push(line);
    }
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .block(Block::bordered().title(" Targets and limits "))
        .render(area, buf);
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
                lines.push(Line::from(Span::styled(note.clone(), app.theme.dim)));
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
        time::human_duration(s.today_seconds)
    )));
    Paragraph::new(lines)
        .block(Block::bordered().title(" Now "))
        .render(area, buf);
}

fn render_week(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.snapshot;
    let total: i64 = s.week.iter().map(|(_, secs)| secs).sum();
    let target = app.weekly_target_hours;
    let title = match target {
        Some(t) => format!(" This week: {} of {t:.0}h ", time::human_duration(total)),
        None => format!(" This week: {} ", time::human_duration(total)),
    };
    // Bars are scaled to a day's share of the target (target ÷ 5), or to the longest day.
    let per_day_target = target.map(|t| t * 3600.0 / 5.0);
    let longest = s.week.iter().map(|(_, secs)| *secs).max().unwrap_or(0) as f64;
    let scale = per_day_target.unwrap_or(0.0).max(longest).max(1.0);
    let width = f64::from(area.width.saturating_sub(24).max(1));
    let mut lines = Vec::new();
    for (date, secs) in &s.week {
        let cells = ((*secs as f64) / scale * width).round() as usize;
        let marker = if time::local_date(app.zone, s.now) == *date {
            "›"
        } else {
            " "
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{marker}{} {:>8} ",
                date.format("%a %d"),
                time::human_duration(*secs)
            )),
            Span::styled("█".repeat(cells), app.theme.bar),
        ]));
    }
    Paragraph::new(lines)
        .block(Block::bordered().title(title))
        .render(area, buf);
}

fn render_headline(app: &App, area: Rect, buf: &mut Buffer) {
    let week_hours = app.snapshot.week.iter().map(|(_, s)| *s).sum::<i64>() as f64 / 3600.0;
    let text = match &app.snapshot.dividend {
        Ok(d) => match &d.national {
            NationalPart::Figures(n) => format!(
                "This week {week_hours:.1} h · at {} {} output per worker: {:.1} h",
                n.base_year,
                n.country_name,
                week_hours / n.productivity_multiple
            ),
            NationalPart::Unavailable { reason, .. } => reason.clone(),
        },
        Err(e) => e.clone(),
    };
    Paragraph::new(text)
        .block(Block::bordered().title(" Leisure dividend "))
        .render(area, buf);
}
