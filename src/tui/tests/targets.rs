//! Targets on screen (issue 9): the Reports chart's target line, the dashboard's
//! target bar, balance and limit breaches, and the Sessions id column. Every figure
//! is worked out by hand in the comments; clock and zone are pinned.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use ratatui::buffer::Buffer;

use super::{draw, run, text};
use crate::config::Config;
use crate::model::{NewSession, SessionId};
use crate::report::GroupBy;
use crate::time::{Clock, resolve_local};
use crate::tracker::Tracker;
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::data::RangeKind;
use crate::tui::theme::Theme;
use crate::tui::views::{TARGET_MARK, TARGET_TICK};

fn at(zone: Tz, text: &str) -> DateTime<Utc> {
    resolve_local(
        zone,
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap(),
    )
    .instant
}

/// A tracker on a file (for the config) with the clock at `now` and `(from, to)` added.
fn fixture(
    dir: &tempfile::TempDir,
    zone: Tz,
    config: &str,
    now: &str,
    sessions: &[(&str, &str)],
) -> Tracker {
    let mut t = Tracker::open(
        &dir.path().join("otium.db"),
        Config::parse(config).unwrap(),
        Clock::Fixed(at(zone, now)),
        zone,
    )
    .unwrap();
    for (from, to) in sessions {
        t.add(NewSession {
            project: "coding".into(),
            tags: Vec::new(),
            note: None,
            start: at(zone, from),
            end: Some(at(zone, to)),
            zone,
        })
        .unwrap();
    }
    t
}

fn cell(buf: &Buffer, x: u16, y: u16) -> &str {
    buf[(x, y)].symbol()
}

/// The first row at or below `from` whose text contains `needle`.
fn row_with(buf: &Buffer, from: u16, needle: &str) -> u16 {
    let screen = text(buf);
    let found = screen
        .lines()
        .enumerate()
        .skip(usize::from(from))
        .find(|(_, line)| line.contains(needle));
    u16::try_from(
        found
            .unwrap_or_else(|| panic!("no {needle:?} in\n{screen}"))
            .0,
    )
    .unwrap()
}

/// The table row for `key` (the last line starting with it inside a border: the
/// table is under the chart's labels): what follows the key, spaces squeezed.
fn table_row(screen: &str, key: &str) -> String {
    let prefix = format!("│{key} ");
    let line = screen
        .lines()
        .rfind(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no row {key:?} in\n{screen}"));
    line[prefix.len()..]
        .trim_end_matches(['│', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn marks_in_rows(buf: &Buffer, rows: std::ops::Range<u16>) -> usize {
    rows.flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| cell(buf, x, y) == TARGET_MARK)
        .count()
}

const BERLIN: Tz = chrono_tz::Europe::Berlin;

/// Targets Monday to Thursday 8 h, Friday 4 h, weekend 0. Worked (week 2026-W10):
/// Mon 10 h, Tue 4 h, Wed 8 h, Thu 0, Fri 4 h; and Mon 2026-03-30 4 h. Now Tue 03-31.
fn reports_fixture(dir: &tempfile::TempDir) -> Tracker {
    fixture(
        dir,
        BERLIN,
        "daily_target_hours = 8\n[targets]\nfri = 4\n",
        "2026-03-31 20:00",
        &[
            ("2026-03-02 08:00", "2026-03-02 18:00"),
            ("2026-03-03 09:00", "2026-03-03 13:00"),
            ("2026-03-04 09:00", "2026-03-04 17:00"),
            ("2026-03-06 09:00", "2026-03-06 13:00"),
            ("2026-03-30 09:00", "2026-03-30 13:00"),
        ],
    )
}

fn reports_app(t: &Tracker, range: RangeKind, by: GroupBy) -> App {
    let mut app = App::load(t, Theme::new(false)).unwrap();
    app.view = View::Reports;
    app.choices.range = range;
    app.choices.by = by;
    app.choices.anchor = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
    app.reload(t).unwrap();
    app
}

#[test]
fn reports_chart_marks_each_days_target_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = reports_fixture(&dir);
    let mut app = reports_app(&t, RangeKind::Week, GroupBy::Day);
    let buf = draw(&app, 100, 30);
    // 100×30: tabs and status take 2 rows, the view 28: 2 of header, then 13 for the
    // chart's box and 13 for the table. Inside the box: 11 rows, the bottom one for
    // the labels, so bars are 10 rows high.
    let title = row_with(&buf, 0, "Hours · ━ target");
    let labels = row_with(&buf, title, "Mon 2026…");
    assert_eq!(labels - title - 1, 10, "{}", text(&buf));
    // The scale's top is the longest bar, Monday's 10 h (600 min): no target is higher.
    // 8 h = 480 min reaches 480 / 600 × 10 = 8 rows: the line is on the 8th row from
    // the bottom. Friday's 4 h = 240 min reaches 4 rows: the 4th row.
    let eight_hours = labels - 8;
    let four_hours = labels - 4;
    // Seven bars (Mon … Sun), 9 columns each with a gap of 1, from x = 1.
    let columns = |day: u16| (1 + 10 * day)..(1 + 10 * day + 9);
    for day in 0..4 {
        for x in columns(day) {
            assert_eq!(cell(&buf, x, eight_hours), TARGET_MARK, "{}", text(&buf));
        }
    }
    for x in columns(4) {
        assert_eq!(cell(&buf, x, four_hours), TARGET_MARK, "{}", text(&buf));
    }
    // Mon–Thu and Fri: 5 lines of 9 marks; Saturday and Sunday (target 0) have none.
    assert_eq!(marks_in_rows(&buf, title + 1..labels), 5 * 9);
    // Monday's bar (10 rows, full) continues above and below its line; Thursday's
    // (no work) is empty under it.
    assert_eq!(cell(&buf, 1, eight_hours - 1), "█");
    assert_eq!(cell(&buf, 1, eight_hours + 1), "█");
    assert_eq!(cell(&buf, 31, eight_hours + 1), " ");
    // The table gets a target column.
    let screen = text(&buf);
    assert_eq!(table_row(&screen, "Mon 2026-03-02"), "10h 00m 8h 00m");
    assert_eq!(table_row(&screen, "Thu 2026-03-05"), "0h 00m 8h 00m");
    assert_eq!(table_row(&screen, "Fri 2026-03-06"), "4h 00m 4h 00m");
    assert_eq!(table_row(&screen, "Sun 2026-03-08"), "0h 00m 0h 00m");

    // T hides the line (and says so); T again shows it.
    run(&mut app, &mut t, [Action::ToggleTargets]);
    assert!(!app.show_targets);
    assert_eq!(app.status.as_ref().unwrap().text, "Target line hidden.");
    let hidden = draw(&app, 100, 30);
    assert_eq!(marks_in_rows(&hidden, 0..30), 0, "{}", text(&hidden));
    assert!(text(&hidden).contains(" Hours "));
    run(&mut app, &mut t, [Action::ToggleTargets]);
    assert_eq!(
        marks_in_rows(&draw(&app, 100, 30), title + 1..labels),
        5 * 9
    );
}

#[test]
fn reports_chart_marks_the_weekly_target_by_week() {
    let dir = tempfile::tempdir().unwrap();
    let t = reports_fixture(&dir);
    let app = reports_app(&t, RangeKind::Month, GroupBy::Week);
    let buf = draw(&app, 100, 30);
    let title = row_with(&buf, 0, "Hours · ━ target");
    let labels = row_with(&buf, title, "2026-W10");
    assert_eq!(labels - title - 1, 10, "{}", text(&buf));
    // March 2026 by week: two weeks have work. W10 (03-02 … 03-08): worked
    // 10 + 4 + 8 + 4 = 26 h, target 4 × 8 + 4 = 36 h. W14, of which March holds only
    // Mon 03-30 and Tue 03-31: worked 4 h, target 8 + 8 = 16 h.
    // Scale top: the highest of 26, 4, 36 and 16 h = 36 h = 2160 min.
    // 36 h reaches all 10 rows: the line is on the top row (10th from the bottom).
    // 16 h = 960 min reaches 960 × 80 ÷ 2160 = 35 eighths (35.6, cut) of a row, so its
    // top is in the 5th row from the bottom ((35 − 1) ÷ 8 = 4, counting from 0).
    for x in 1..10 {
        assert_eq!(cell(&buf, x, labels - 10), TARGET_MARK, "{}", text(&buf));
    }
    for x in 11..20 {
        assert_eq!(cell(&buf, x, labels - 5), TARGET_MARK, "{}", text(&buf));
    }
    assert_eq!(marks_in_rows(&buf, title + 1..labels), 2 * 9);
    // W10's bar: 26 h = 1560 min of 2160 is 1560 × 80 ÷ 2160 = 57 eighths: 7 full rows
    // and one eighth on the 8th.
    assert_eq!(cell(&buf, 1, labels - 7), "█");
    assert_eq!(cell(&buf, 1, labels - 8), "▁");
    let screen = text(&buf);
    assert_eq!(table_row(&screen, "2026-W10"), "26h 00m 36h 00m");
    assert_eq!(table_row(&screen, "2026-W14"), "4h 00m 16h 00m");
}

#[test]
fn reports_chart_has_no_target_line_by_project_or_without_targets() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = reports_fixture(&dir);
    let mut app = reports_app(&t, RangeKind::Week, GroupBy::Project);
    let screen = text(&draw(&app, 100, 30));
    assert!(!screen.contains(TARGET_MARK), "{screen}");
    assert!(screen.contains("T target line"), "{screen}");
    run(&mut app, &mut t, [Action::ToggleTargets]);
    assert!(
        app.status.as_ref().unwrap().text.contains("by day or week"),
        "{:?}",
        app.status
    );
    // No targets in the config: no line, no hint, and T says which keys to set.
    let other = tempfile::tempdir().unwrap();
    let mut bare = fixture(
        &other,
        BERLIN,
        "",
        "2026-03-06 20:00",
        &[("2026-03-02 08:00", "2026-03-02 18:00")],
    );
    let mut app = reports_app(&bare, RangeKind::Week, GroupBy::Day);
    let screen = text(&draw(&app, 100, 30));
    assert!(
        !screen.contains(TARGET_MARK) && !screen.contains("T target"),
        "{screen}"
    );
    run(&mut app, &mut bare, [Action::ToggleTargets]);
    assert!(app.show_targets);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("daily_target_hours")
    );
}

#[test]
fn dashboard_shows_a_996_weeks_breaches_target_and_balance() {
    let shanghai = chrono_tz::Asia::Shanghai;
    let dir = tempfile::tempdir().unwrap();
    // "996": Mon 2026-03-02 … Sat 03-07, 09:00–21:00 = 12 h a day, 72 h. Now Sat 22:00.
    let days: Vec<(String, String)> = (2..=7)
        .map(|d| (format!("2026-03-0{d} 09:00"), format!("2026-03-0{d} 21:00")))
        .collect();
    let sessions: Vec<(&str, &str)> = days.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let t = fixture(
        &dir,
        shanghai,
        "weekly_target_hours = 40\nlimits = \"cn\"\n",
        "2026-03-07 22:00",
        &sessions,
    );
    let app = App::load(&t, Theme::new(false)).unwrap();
    let buf = draw(&app, 160, 40);
    let screen = text(&buf);
    // Target: 40 ÷ 5 = 8 h Monday to Friday, weekend 0: 40 h a week. Without
    // balance_since the balance counts from Monday: 72 − (5 × 8 + 0) = +32 h.
    assert!(
        screen.contains("Target 40h 00m · worked 72h 00m · balance +32h 00m"),
        "{screen}"
    );
    // cn: six days of 12 h > 8 h (art. 36), and 72 h > 44 h in the week (art. 36).
    // Sunday is free (art. 38 kept) and March's overtime is 6 × (12 − 8) = 24 h ≤ 36 h
    // (art. 41 kept): two lines.
    assert!(
        screen.contains(
            "Limits (cn): at most 8 h per day (PRC Labour Law art. 36): 2026-03-02: 12 h worked, over 8 h (and 5 more this week)"
        ),
        "{screen}"
    );
    assert!(
        screen.contains(
            "  at most 44 h per week (PRC Labour Law art. 36): week 2026-03-02–2026-03-08: 72 h worked, over 44 h"
        ),
        "{screen}"
    );
    assert!(
        screen.contains(" This week: 72h 00m of 40h 00m "),
        "{screen}"
    );
    // The bars: 160 − 24 = 136 cells for the longest day (12 h); Monday's target of
    // 8 h sits at 8 ÷ 12 × 136 = 90.67 → cell 91 of the bar, which starts after the
    // border (1) and the label (17): x = 18 + 91 = 109. Saturday's target is 0: no tick.
    let monday = row_with(&buf, 0, " Mon 02 ");
    assert_eq!(cell(&buf, 109, monday), TARGET_TICK, "{screen}");
    assert_eq!(cell(&buf, 108, monday), "█");
    let saturday = row_with(&buf, 0, "Sat 07 ");
    assert!(
        !screen
            .lines()
            .nth(usize::from(saturday))
            .unwrap()
            .contains(TARGET_TICK),
        "{screen}"
    );

    // At 80×24 there is room for one alert line: it says how many more there are.
    let small = text(&draw(&app, 80, 24));
    assert!(
        small.contains("Limits (cn, 1 more in otium limits): at most 8 h per day"),
        "{small}"
    );
}

#[test]
fn dashboard_balance_carries_from_balance_since() {
    let dir = tempfile::tempdir().unwrap();
    let t = fixture(
        &dir,
        BERLIN,
        "daily_target_hours = 8\nbalance_since = 2026-02-23\n[targets]\nfri = 6\n",
        "2026-03-04 18:00",
        &[
            // Week of 02-23: 5 × 8 h = 40 h against 4 × 8 + 6 = 38 h: +2 h.
            ("2026-02-23 09:00", "2026-02-23 17:00"),
            ("2026-02-24 09:00", "2026-02-24 17:00"),
            ("2026-02-25 09:00", "2026-02-25 17:00"),
            ("2026-02-26 09:00", "2026-02-26 17:00"),
            ("2026-02-27 09:00", "2026-02-27 17:00"),
            // This week to Wednesday: 9 + 7 + 5 = 21 h against 3 × 8 = 24 h: −3 h.
            ("2026-03-02 09:00", "2026-03-02 18:00"),
            ("2026-03-03 09:00", "2026-03-03 16:00"),
            ("2026-03-04 09:00", "2026-03-04 14:00"),
        ],
    );
    let app = App::load(&t, Theme::new(false)).unwrap();
    let buf = draw(&app, 100, 30);
    let screen = text(&buf);
    // The week's target 4 × 8 + 6 = 38 h; balance +2 − 3 = −1 h. No limits: no line.
    assert!(
        screen.contains("Target 38h 00m · worked 21h 00m · balance -1h 00m"),
        "{screen}"
    );
    assert!(!screen.contains("Limits"), "{screen}");
    // Bars: 100 − 24 = 76 cells for the longest (Monday 9 h, above every target).
    // 8 h: 8 ÷ 9 × 76 = 67.6 → cell 68; 6 h: 6 ÷ 9 × 76 = 50.7 → cell 51. The bar
    // starts at x = 18.
    let thursday = row_with(&buf, 0, "Thu 05 ");
    assert_eq!(cell(&buf, 18 + 68, thursday), TARGET_TICK, "{screen}");
    assert!(
        (18..18 + 68).all(|x| cell(&buf, x, thursday) == " "),
        "{screen}"
    );
    let friday = row_with(&buf, 0, "Fri 06 ");
    assert_eq!(cell(&buf, 18 + 51, friday), TARGET_TICK, "{screen}");
    // Monday: 76 cells of bar with the tick at cell 68 inside it.
    let monday = row_with(&buf, 0, "Mon 02 ");
    assert_eq!(cell(&buf, 18 + 68, monday), TARGET_TICK, "{screen}");
    assert!(
        (18..18 + 68).all(|x| cell(&buf, x, monday) == "█"),
        "{screen}"
    );
    assert!(
        (18 + 69..18 + 76).all(|x| cell(&buf, x, monday) == "█"),
        "{screen}"
    );
    assert_eq!(cell(&buf, 18 + 76, monday), " ");
}

#[test]
fn session_ids_up_to_seven_digits_fit_and_line_up() {
    let dir = tempfile::tempdir().unwrap();
    let t = fixture(
        &dir,
        BERLIN,
        "",
        "2026-03-06 20:00",
        &[
            ("2026-03-06 08:00", "2026-03-06 09:00"),
            ("2026-03-06 10:00", "2026-03-06 11:00"),
        ],
    );
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    app.view = View::Sessions;
    // Ids as a long-used database has them (newest first, as the view lists).
    app.snapshot.sessions[0].id = SessionId::new(1_234_567);
    app.snapshot.sessions[1].id = SessionId::new(42);
    let buf = draw(&app, 100, 20);
    let screen = text(&buf);
    let long = row_with(&buf, 0, "1234567");
    let short = row_with(&buf, 0, "42 ");
    let column = |y: u16, needle: &str| {
        let line: Vec<&str> = (0..buf.area.width).map(|x| cell(&buf, x, y)).collect();
        (0..line.len())
            .find(|&i| line[i..].join("").starts_with(needle))
            .unwrap()
    };
    // Right-aligned: both ids end in the same column, and the times start together.
    assert_eq!(
        column(long, "1234567") + 6,
        column(short, "42") + 1,
        "{screen}"
    );
    assert_eq!(
        column(long, "10:00–11:00"),
        column(short, "08:00–09:00"),
        "{screen}"
    );
}
