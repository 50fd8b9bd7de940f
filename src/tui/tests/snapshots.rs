//! Whole-screen snapshots of every view and the help overlay, at 80×24 and 120×40,
//! on an empty database and on the demo seed, clock pinned and colours off. They catch
//! layout changes nobody wrote an assertion for; the numbers on screen are checked by
//! hand in the other test files, not here. `INSTA_UPDATE=no` in CI makes a missing or
//! changed snapshot fail; review a change with `cargo insta review`.

use super::{draw, seeded, text, tracker};
use crate::tui::action::View;
use crate::tui::app::{App, Mode};
use crate::tui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The screen as text, each row without its trailing blanks (they carry nothing, and
/// editors strip them from snapshot files).
fn screen(app: &App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Snapshots `name_{empty,seeded}_{w}x{h}` of the app that `set` arranges.
fn snapshot_both(name: &str, set: fn(&mut App)) {
    for data in ["empty", "seeded"] {
        let t = if data == "seeded" {
            seeded()
        } else {
            tracker()
        };
        let mut app = App::load(&t, Theme::new(true)).unwrap();
        set(&mut app);
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{data}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn dashboard() {
    snapshot_both("dashboard", |app| app.view = View::Dashboard);
}

#[test]
fn sessions() {
    snapshot_both("sessions", |app| app.view = View::Sessions);
}

#[test]
fn reports() {
    snapshot_both("reports", |app| app.view = View::Reports);
}

#[test]
fn dividend() {
    snapshot_both("dividend", |app| app.view = View::Dividend);
}

#[test]
fn help_overlay() {
    snapshot_both("help", |app| app.mode = Mode::Help);
}

/// The dividend view for the three cases the issue names: the default, a long
/// series with a ×20 multiple, and a country whose hours rose, on the demo seed.
#[test]
fn dividend_countries() {
    let t = seeded();
    for (code, base) in [("USA", 1970), ("KOR", 1953), ("CHN", 1978)] {
        let mut app = App::load(&t, Theme::new(true)).unwrap();
        app.view = View::Dividend;
        app.choices.country = code.to_string();
        app.choices.base_year = base;
        app.reload(&t).unwrap();
        for (w, h) in SIZES {
            insta::assert_snapshot!(
                format!("dividend_{}_{base}_{w}x{h}", code.to_lowercase()),
                screen(&app, w, h)
            );
        }
    }
}
