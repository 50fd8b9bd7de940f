//! Dashboard: the running session with a live clock, today's total, this week as
//! bars per day (against the weekly target if set), the target, overtime balance
//! and working-time limit alerts (when configured), and the dividend headline.
//! While a session runs, every total here counts it to the second the snapshot
//! was last refreshed (once a second, `Snapshot::refresh_live`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

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
        .block(Block::bordered().title(format!(" {} ", app.t("tui-dash-targets-title", &[]))))
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
    let lang = app.lang();
    let mut lines = Vec::new();
    if let Some(target) = t.week_target_seconds {
        // Ahead or behind, as `+3h 00m` or `-0h 45m` (多出 / 欠 in Chinese).
        let balance = t.balance_seconds.map_or_else(String::new, |b| {
            let key = if b < 0 {
                "tui-dash-balance-behind"
            } else {
                "tui-dash-balance-ahead"
            };
            app.t(key, &[("amount", &fmt::total_in(lang, b.abs()))])
        });
        lines.push(Line::from(app.t(
            "tui-dash-target",
            &[
                ("target", &fmt::total_in(lang, target)),
                ("worked", &fmt::total_in(lang, worked)),
                ("balance", &balance),
            ],
        )));
    }
    let Some(set) = t.limits else {
        return lines;
    };
    if t.alerts.is_empty() {
        lines.push(Line::from(app.t("tui-dash-limits-none", &[("set", &set)])));
        return lines;
    }
    let shown = room.saturating_sub(lines.len()).max(1).min(t.alerts.len());
    let hidden = t.alerts.len() - shown;
    for (i, alert) in t.alerts.iter().take(shown).enumerate() {
        let text = match (i, hidden) {
            (0, 0) => app.t("tui-dash-limits", &[("set", &set), ("alert", alert)]),
            (0, n) => app.t(
                "tui-dash-limits-more",
                &[("set", &set), ("more", &n), ("alert", alert)],
            ),
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
                Span::raw(format!(
                    "  {}",
                    app.t(
                        "tui-dash-since",
                        &[("time", &time::hhmm_in(app.zone, r.start))]
                    )
                )),
            ]));
        }
        None => lines.push(Line::from(Span::styled(
            app.t("tui-dash-idle", &[]),
            app.theme.dim,
        ))),
    }
    lines.push(Line::from(app.t(
        "tui-dash-today",
        &[("total", &fmt::total_in(app.lang(), s.today_seconds))],
    )));
    Paragraph::new(lines)
        .block(Block::bordered().title(format!(" {} ", app.t("tui-dash-now-title", &[]))))
        .render(area, buf);
}

/// One row per day: the hours as a bar and, with targets set, the day's target as a
/// `┃` where a bar of exactly the target would end.
fn render_week(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.snapshot;
    let total: i64 = s.week.iter().map(|(_, secs)| secs).sum();
    let targets = s.day_targets.as_ref();
    let lang = app.lang();
    let title = match targets {
        Some(t) => app.t(
            "tui-dash-week-of",
            &[
                ("total", &fmt::total_in(lang, total)),
                ("target", &fmt::total_in(lang, t.week())),
            ],
        ),
        None => app.t("tui-dash-week", &[("total", &fmt::total_in(lang, total))]),
    };
    let title = format!(" {title} ");
    // Bars are scaled to the longest day or the highest target, whichever is more.
    let target_on = |date| targets.map_or(0, |t| t.on(date));
    let scale = s
        .week
        .iter()
        .map(|(date, secs)| (*secs).max(target_on(*date)))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    // The label (`›Wed 25   8h 05m `, 17 columns in English) and the borders take
    // 7 more; one more keeps a marker at full scale inside.
    let day_width = s
        .week
        .iter()
        .map(|(date, _)| fmt::weekday_day(lang, *date).width())
        .max()
        .unwrap_or(0);
    let total_width = fmt::total_width(lang).max(8);
    let label = u16::try_from(day_width + total_width + 3).unwrap_or(u16::MAX);
    let width = f64::from(area.width.saturating_sub(label + 7).max(1));
    let cells = |secs: i64| ((secs as f64) / scale * width).round() as usize;
    let today = time::local_date(app.zone, s.now);
    let mut lines = Vec::new();
    for (date, secs) in &s.week {
        let marker = if today == *date { "›" } else { " " };
        let mut spans = vec![Span::raw(format!(
            "{marker}{} {} ",
            fmt::pad_end(&fmt::weekday_day(lang, *date), day_width),
            fmt::pad_start(&fmt::total_in(lang, *secs), total_width)
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
                app.t("tui-dash-dividend-like", &[("country", &n.country)]),
                app.t(
                    "tui-dash-dividend-yours",
                    &[
                        ("hours", &format!("{:.1}", k.average_hours)),
                        ("weeks", &k.weeks_averaged),
                        ("base", &n.base_year),
                        ("keynes", &format!("{:.1}", k.keynes_hours)),
                        ("end", &n.end_year),
                    ],
                ),
            ),
            (NationalPart::Figures(n), None) => (
                app.t("tui-dash-dividend", &[]),
                app.t(
                    "tui-dash-dividend-national",
                    &[
                        ("country", &n.country),
                        ("base", &n.base_year),
                        ("end", &n.end_year),
                        ("multiple", &format!("{:.2}", n.productivity_multiple)),
                    ],
                ),
            ),
            (NationalPart::Unavailable { reason, .. }, _) => {
                (app.t("tui-dash-dividend", &[]), reason.in_lang(app.lang()))
            }
        },
        Err(e) => (app.t("tui-dash-dividend", &[]), e.clone()),
    };
    let title = format!(" {title} ");
    let mut lines = vec![Line::from(text)];
    lines.extend(trend);
    Paragraph::new(lines)
        .block(Block::bordered().title(title).title_bottom(Line::styled(
            super::dividend::attribution_short(app),
            app.theme.dim,
        )))
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
            app.t(
                "tui-dash-trend-part",
                &[
                    ("project", &p.project),
                    ("spark", &super::dividend::pages::sparkline(p)),
                    ("unit", &p.unit),
                    ("hours", &format!("{:.1}", p.figures.hours_current)),
                ],
            )
        })
        .collect();
    Some(Line::from(
        app.t("tui-dash-trend", &[("parts", &parts.join(" · "))]),
    ))
}
