//! The dividend view's own pages: figures (national, Keynes week, caveats, personal
//! output trend) and your week against the alternatives with the accumulated hours
//! (the countries and the source are in `reference.rs`). Wording and precision
//! follow LEISURE-MODEL.md §5, as the CLI's do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Widget, Wrap};

use super::page_title;
use crate::leisure::display::{multiple, per_week, per_year, percent, thousands};
use crate::leisure::names::country_name;
use crate::leisure::{CaveatKind, National, WEEKS_PER_YEAR, WeekKind, YearRun};
use crate::tracker::dividend::{Dividend, NationalPart, PersonalPart};
use crate::tui::app::App;
use crate::tui::views::wrap_lines;

/// Eight heights for the output-per-hour sparkline.
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub(super) fn panel(app: &App) -> Block<'static> {
    Block::bordered().title(page_title(app))
}

/// The dividend, or the error line in a bordered panel.
fn dividend_or_error<'a>(app: &'a App, area: Rect, buf: &mut Buffer) -> Option<&'a Dividend> {
    match &app.snapshot.dividend {
        Ok(d) => Some(d),
        Err(e) => {
            let lines = vec![Line::styled(e.clone(), app.theme.error)];
            Paragraph::new(wrap_lines(app, lines, area.width.saturating_sub(2)))
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
            lines.push(Line::styled(reason.in_lang(app.lang()), app.theme.error));
        }
    }
    for p in &d.personal {
        lines.push(personal_line(app, p));
    }
    if let NationalPart::Figures(n) = &d.national {
        more_national_lines(app, n, &mut lines);
    }
    Paragraph::new(wrap_lines(app, lines, area.width.saturating_sub(2)))
        .wrap(Wrap { trim: true })
        .block(panel(app))
        .render(area, buf);
}

fn national_lines(app: &App, d: &Dividend, n: &National, lines: &mut Vec<Line<'static>>) {
    let (b, t) = (n.base_year, n.end_year);
    let share = n
        .captured_share
        .map_or_else(|| app.t("tui-div-share-undefined", &[]), percent);
    lines.push(Line::from(app.t(
        "tui-div-national",
        &[
            (
                "country",
                &country_name(app.lang(), &n.country, &n.country_name),
            ),
            ("base", &b),
            ("end", &t),
            ("multiple", &multiple(n.productivity_multiple)),
            ("year_base", &per_year(n.hours_base)),
            ("year_end", &per_year(n.hours_end)),
            ("week_base", &per_week(n.hours_base)),
            ("week_end", &per_week(n.hours_end)),
        ],
    )));
    let taken = if n.realised_hours >= 0.0 {
        app.t("tui-div-taken", &[("hours", &per_week(n.realised_hours))])
    } else {
        app.t(
            "tui-div-none-taken",
            &[("hours", &per_week(-n.realised_hours))],
        )
    };
    lines.push(Line::from(app.t(
        "tui-div-potential",
        &[
            ("potential", &per_week(n.potential_hours)),
            ("taken", &taken),
            ("share", &share),
        ],
    )));
    if let Some(k) = &d.keynes_week.figures {
        lines.push(Line::styled(
            app.t(
                "tui-div-keynes",
                &[
                    ("hours", &format!("{:.1}", k.average_hours)),
                    ("base", &b),
                    ("keynes", &format!("{:.1}", k.keynes_hours)),
                    ("end", &t),
                    (
                        "country",
                        &country_name(app.lang(), &n.country, &n.country_name),
                    ),
                ],
            ),
            app.theme.running,
        ));
    } else if let Some(reason) = &d.keynes_week.reason {
        lines.push(Line::styled(
            app.t(
                "tui-div-keynes-none",
                &[("reason", &reason.in_lang(app.lang()))],
            ),
            app.theme.dim,
        ));
    }
    for c in &n.caveats {
        if c.kind != CaveatKind::LevelsNotComparable {
            lines.push(Line::styled(
                app.t("tui-div-caution", &[("caveat", &c.message_in(app.lang()))]),
                app.theme.error,
            ));
        }
    }
}

/// Lines that are useful but can fall off a small screen: hours per head, the
/// labour share, what the data measure.
fn more_national_lines(app: &App, n: &National, lines: &mut Vec<Line<'static>>) {
    let (b, t) = (n.base_year, n.end_year);
    if let (Some(x), Some(y)) = (n.hours_per_head_base, n.hours_per_head_end) {
        lines.push(Line::from(app.t(
            "tui-div-per-head",
            &[
                ("year_base", &per_year(x)),
                ("year_end", &per_year(y)),
                ("week_base", &per_week(x)),
                ("week_end", &per_week(y)),
            ],
        )));
    }
    if n.labour_share_base.is_some() || n.labour_share_end.is_some() {
        lines.push(Line::from(app.t(
            "tui-div-labour-share",
            &[
                (
                    "base",
                    &labour(app, n.labour_share_base, n.labour_share_base_run, b),
                ),
                (
                    "end",
                    &labour(app, n.labour_share_end, n.labour_share_end_run, t),
                ),
            ],
        )));
    }
    lines.push(Line::from(app.t(
        "tui-div-measure",
        &[
            (
                "country",
                &country_name(app.lang(), &n.country, &n.country_name),
            ),
            ("end", &t),
        ],
    )));
}

fn labour(app: &App, share: Option<f64>, run: Option<YearRun>, year: i32) -> String {
    match (share, run) {
        (None, _) => app.t("tui-div-labour-none", &[("year", &year)]),
        (Some(s), None) => app.t(
            "tui-div-labour-year",
            &[("share", &percent(s)), ("year", &year)],
        ),
        (Some(s), Some(r)) => app.t(
            "tui-div-labour-carried",
            &[
                ("share", &percent(s)),
                ("first", &r.first_year),
                ("last", &r.last_year),
                ("year", &year),
            ],
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

fn personal_line(app: &App, p: &PersonalPart) -> Line<'static> {
    let f = &p.figures;
    let mut text = app.t(
        "tui-div-personal",
        &[
            ("project", &p.project),
            ("unit", &p.unit),
            ("spark", &sparkline(p)),
            ("hours", &format!("{:.1}", f.hours_current)),
        ],
    );
    match (f.productivity_multiple, f.share_output, f.share_leisure) {
        (Some(r), Some(o), Some(l)) => text.push_str(&app.t(
            "tui-div-personal-gain",
            &[
                ("multiple", &multiple(r)),
                ("output", &percent(o)),
                ("leisure", &percent(l)),
            ],
        )),
        _ => {
            if let Some(reason) = &f.reason {
                text.push_str(&format!(" · {}", reason.in_lang(app.lang())));
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
            app.t("tui-div-no-national", &[]),
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
                .label(Line::from(week_label(app, w.kind)))
                .style(style)
        })
        .collect();
    BarChart::default()
        .data(BarGroup::default().bars(&group))
        .bar_width(width)
        .bar_gap(1)
        .max(720)
        .render(bars, buf);
    let mut lines = vec![Line::from(app.t(
        "tui-div-week-legend",
        &[
            (
                "country",
                &country_name(app.lang(), &n.country, &n.country_name),
            ),
            ("end", &n.end_year),
            ("base", &n.base_year),
        ],
    ))];
    match &d.accumulated {
        Some(a) => lines.push(Line::from(app.t(
            "tui-div-accumulated",
            &[
                ("tracked", &format!("{:.1}", a.tracked_hours)),
                ("base", &n.base_year),
                ("needed", &format!("{:.1}", a.hours_at_end_productivity)),
                ("end", &n.end_year),
                ("more", &format!("{:.1}", a.difference_hours)),
                ("weeks", &format!("{:.1}", a.difference_weeks_40h)),
            ],
        ))),
        None => {
            let reason = d.accumulated_reason.as_ref().map_or_else(
                || app.t("tui-div-not-available", &[]),
                |r| r.in_lang(app.lang()),
            );
            lines.push(Line::from(
                app.t("tui-div-accumulated-none", &[("reason", &reason)]),
            ));
        }
    }
    let years = |h: f64| h / (40.0 * WEEKS_PER_YEAR);
    lines.push(Line::from(app.t(
        "tui-div-career",
        &[
            ("years", &n.career_years),
            ("base", &n.base_year),
            ("potential", &thousands(n.career_potential_hours)),
            ("weeks", &format!("{:.1}", years(n.career_potential_hours))),
            ("taken", &thousands(n.career_realised_hours)),
        ],
    )));
    Paragraph::new(wrap_lines(app, lines, text.width))
        .wrap(Wrap { trim: true })
        .render(text, buf);
}

/// A bar's label on the your-week page.
fn week_label(app: &App, kind: WeekKind) -> String {
    let key = match kind {
        WeekKind::You => "tui-div-bar-you",
        WeekKind::NineNineSix => "tui-div-bar-996",
        WeekKind::NationalAverage => "tui-div-bar-average",
        WeekKind::Statutory => "tui-div-bar-statutory",
        WeekKind::BaseYearLiving => "tui-div-bar-base-year",
        WeekKind::Keynes => "tui-div-bar-keynes",
    };
    app.t(key, &[])
}
