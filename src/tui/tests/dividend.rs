//! The dividend view read back from the rendered buffer: axis labels on the rows of
//! their values, the 100 line and the base year's point on the row of 100, the short
//! attribution always on screen, and the keys that choose the country and base year.

use ratatui::buffer::Buffer;

use super::{draw, run, seeded, text, tracker, typed};
use crate::leisure::data::ATTRIBUTION_SHORT;
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Mode};
use crate::tui::data::DividendPage;
use crate::tui::theme::Theme;

fn cell(buf: &Buffer, x: u16, y: u16) -> &str {
    buf[(x, y)].symbol()
}

fn is_braille(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
}

/// One chart panel found in the buffer: the y-axis column, the graph's rows, and the
/// labels (row, value) printed left of the axis.
struct Panel {
    axis_x: u16,
    right: u16,
    top: u16,
    bottom: u16,
    labels: Vec<(u16, f64)>,
}

/// The chart panels whose top border is on row 1 (the row under the tabs).
fn panels(buf: &Buffer) -> Vec<Panel> {
    let width = buf.area.width;
    let lefts: Vec<u16> = (0..width).filter(|x| cell(buf, *x, 1) == "┌").collect();
    let mut out = Vec::new();
    for left in lefts {
        let right = (left + 1..width).find(|x| cell(buf, *x, 1) == "┐").unwrap();
        // The corner where the y axis meets the x axis.
        let (axis_x, axis_y) = (2..buf.area.height)
            .find_map(|y| {
                (left + 1..right)
                    .find(|x| cell(buf, *x, y) == "└")
                    .map(|x| (x, y))
            })
            .unwrap();
        let (top, bottom) = (2, axis_y - 1);
        let labels = (top..=bottom)
            .filter_map(|y| {
                let t: String = (left + 1..axis_x).map(|x| cell(buf, x, y)).collect();
                t.trim().parse::<f64>().ok().map(|v| (y, v))
            })
            .collect();
        out.push(Panel {
            axis_x,
            right,
            top,
            bottom,
            labels,
        });
    }
    out
}

impl Panel {
    /// The row a value belongs on, from the axis's two end labels (the bounds).
    fn row_of(&self, v: f64) -> f64 {
        let (lo, hi) = (self.labels.last().unwrap().1, self.labels[0].1);
        f64::from(self.bottom) - (v - lo) / (hi - lo) * f64::from(self.bottom - self.top)
    }
}

#[test]
fn axis_labels_sit_on_the_rows_of_their_values() {
    let t = seeded();
    for (code, base) in [("USA", 1970), ("KOR", 1953), ("CHN", 1978), ("JPN", 1950)] {
        let mut app = App::load(&t, Theme::new(true)).unwrap();
        app.view = View::Dividend;
        app.choices.country = code.into();
        app.choices.base_year = base;
        app.reload(&t).unwrap();
        for (w, h) in [(80, 24), (120, 40), (100, 30)] {
            let buf = draw(&app, w, h);
            let screen = text(&buf);
            let found = panels(&buf);
            assert_eq!(found.len(), 2, "{code} {w}x{h}:\n{screen}");
            for p in &found {
                assert!(p.labels.len() >= 2, "{code} {w}x{h}:\n{screen}");
                // The two end labels are the axis's top and bottom rows.
                assert_eq!(p.labels[0].0, p.top, "{screen}");
                assert_eq!(p.labels.last().unwrap().0, p.bottom, "{screen}");
                for (row, v) in &p.labels {
                    let expected = p.row_of(*v);
                    assert!(
                        (f64::from(*row) - expected).abs() <= 1.0,
                        "{code} {w}x{h}: label {v} on row {row}, its value's row is {expected}\n{screen}"
                    );
                }
                // The dotted 100 line lies on the row of 100.
                let hundred = p.row_of(100.0);
                let dots: Vec<u16> = (p.top..=p.bottom)
                    .filter(|y| (p.axis_x + 1..p.right).any(|x| cell(&buf, x, *y) == "•"))
                    .collect();
                assert!(!dots.is_empty(), "{code} {w}x{h}: no 100 line\n{screen}");
                for y in dots {
                    assert!(
                        (f64::from(y) - hundred).abs() <= 1.0,
                        "{code} {w}x{h}: 100 line on row {y}, 100 belongs on {hundred}\n{screen}"
                    );
                }
                // The series starts at 100 in the base year: its first column is there.
                let first: Vec<u16> = (p.top..=p.bottom)
                    .filter(|y| is_braille(cell(&buf, p.axis_x + 1, *y)))
                    .collect();
                assert!(
                    first.iter().any(|y| (f64::from(*y) - hundred).abs() <= 1.0),
                    "{code} {w}x{h}: the base year is not at 100 ({first:?} vs {hundred})\n{screen}"
                );
            }
            // Hours have their own axis: the line is not pressed flat (it uses at
            // least three rows of the right-hand panel).
            let hours = &found[1];
            let rows_used = (hours.top..=hours.bottom)
                .filter(|y| (hours.axis_x + 1..hours.right).any(|x| is_braille(cell(&buf, x, *y))))
                .count();
            assert!(rows_used >= 3, "{code} {w}x{h}: hours flat\n{screen}");
        }
    }
}

#[test]
fn the_short_attribution_is_always_visible() {
    for t in [tracker(), seeded()] {
        let mut app = App::load(&t, Theme::new(true)).unwrap();
        for (w, h) in [(80, 24), (120, 40)] {
            app.view = View::Dashboard;
            let screen = text(&draw(&app, w, h));
            assert!(
                screen.contains(ATTRIBUTION_SHORT),
                "dashboard {w}x{h}:\n{screen}"
            );
            app.view = View::Dividend;
            for page in [
                DividendPage::Figures,
                DividendPage::Week,
                DividendPage::Countries,
                DividendPage::Source,
            ] {
                app.choices.page = page;
                for code in ["USA", "CHN", "KOR"] {
                    app.choices.country = code.into();
                    app.reload(&t).unwrap();
                    let screen = text(&draw(&app, w, h));
                    assert!(
                        screen.contains(ATTRIBUTION_SHORT),
                        "{page:?} {code} {w}x{h}:\n{screen}"
                    );
                }
            }
            app.choices.page = DividendPage::Figures;
            app.choices.country = "USA".into();
            app.reload(&t).unwrap();
        }
    }
}

#[test]
fn the_dashboard_headline_uses_the_four_week_average() {
    // The demo seed has 3 complete weeks before Wed 2026-03-25; the view's Keynes week
    // averages them, and the headline shows the same figures, not this partial week.
    let t = seeded();
    let app = App::load(&t, Theme::new(true)).unwrap();
    let d = app.snapshot.dividend.as_ref().unwrap();
    let k = d.keynes_week.figures.as_ref().unwrap();
    let weeks: Vec<f64> = d.keynes_week.weeks.iter().map(|w| w.hours).collect();
    let average = weeks.iter().sum::<f64>() / weeks.len() as f64;
    let r = 73.5850 / 33.2549;
    let screen = text(&draw(&app, 80, 24));
    let expected = format!(
        "Your {average:.1} h/wk ({}-wk avg) at 1970 productivity: {:.1} h at 2019 productivity",
        weeks.len(),
        average / r
    );
    assert!((k.keynes_hours - average / r).abs() < 1e-9);
    assert!(screen.contains(&expected), "{expected}\n{screen}");
    assert!(
        screen.contains("if your productivity grew like USA's"),
        "{screen}"
    );
    // This week so far is 10h 41m; the headline does not divide it.
    assert!(
        !screen.contains(&format!("{:.1} h", (10.0 + 41.0 / 60.0) / r)),
        "{screen}"
    );
}

#[test]
fn a_country_can_be_typed_and_the_base_year_is_kept() {
    let mut t = tracker();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(&mut app, &mut t, [Action::Show(View::Dividend)]);
    // The USA from 1950: twenty steps left from the default 1970.
    run(&mut app, &mut t, std::iter::repeat_n(Action::Left, 25));
    assert_eq!(app.choices.base_year, 1950);
    // Typing a name jumps to it; China starts in 1970, so it shows 1970...
    run(&mut app, &mut t, [Action::OpenCountry]);
    assert!(matches!(app.mode, Mode::Country(_)));
    run(&mut app, &mut t, typed("chin"));
    let prompt = text(&draw(&app, 80, 24));
    assert!(prompt.contains("Country: chin"), "{prompt}");
    assert!(prompt.contains("→ China (CHN)"), "{prompt}");
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.choices.country, "CHN");
    let n = match &app.snapshot.dividend.as_ref().unwrap().national {
        crate::tracker::dividend::NationalPart::Figures(n) => n.base_year,
        other => panic!("{other:?}"),
    };
    assert_eq!(n, 1970);
    // ...without forgetting 1950: back in the USA it is 1950 again.
    run(&mut app, &mut t, [Action::OpenCountry]);
    run(&mut app, &mut t, typed("usa"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(
        (
            app.choices.country.as_str(),
            app.choices.base_year_for_country()
        ),
        ("USA", 1950)
    );
    // Cycling through every country and back does not ratchet the year either.
    run(
        &mut app,
        &mut t,
        std::iter::repeat_n(Action::NextCountry, 69),
    );
    assert_eq!(app.choices.country, "USA");
    assert_eq!(app.choices.base_year, 1950);
    // No match: an error in the status line, the country unchanged; Esc cancels.
    run(&mut app, &mut t, [Action::OpenCountry]);
    run(&mut app, &mut t, typed("atlantis"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert!(app.status.as_ref().unwrap().error);
    assert!(app.status.as_ref().unwrap().text.contains("atlantis"));
    assert_eq!(app.choices.country, "USA");
    run(
        &mut app,
        &mut t,
        [Action::OpenCountry, Action::Type('x'), Action::Cancel],
    );
    assert_eq!(
        (app.mode.clone(), app.choices.country.as_str()),
        (Mode::Normal, "USA")
    );
    // v cycles the pages, i shows the source with the full citation.
    run(&mut app, &mut t, [Action::NextDividendPage]);
    assert_eq!(app.choices.page, DividendPage::Week);
    run(&mut app, &mut t, [Action::ShowSource]);
    let screen = text(&draw(&app, 120, 40));
    assert!(
        screen.contains("Feenstra, Inklaar & Timmer 2015"),
        "{screen}"
    );
}

#[test]
fn week_and_countries_pages() {
    let t = seeded();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    app.view = View::Dividend;
    app.choices.page = DividendPage::Week;
    let screen = text(&draw(&app, 120, 40));
    // The bars' values: 72.0 (996), 1765.3 / 52 = 33.9, FLSA 40.0, 1893.4 / R / 52 = 16.5, 15.0.
    for v in [
        "72.0",
        "33.9",
        "40.0",
        "16.5",
        "15.0",
        "996",
        "Keynes",
        "statutory",
    ] {
        assert!(screen.contains(v), "{v}:\n{screen}");
    }
    assert!(screen.contains("Since your first session"), "{screen}");
    app.choices.page = DividendPage::Countries;
    let screen = text(&draw(&app, 80, 24));
    // The chosen country's row is in view, and the table is sorted by share.
    assert!(screen.contains("USA United States"), "{screen}");
    assert!(screen.contains("1970 → latest"), "{screen}");
    let screen = text(&draw(&app, 120, 40));
    assert!(
        screen.contains("ARG Argentina") && screen.contains("83%"),
        "{screen}"
    );
}
