//! The screen left open all day (issue 16): the tick is no key (the help stays
//! open), running time counts live in every total, status messages expire, and the
//! small things a user trips over (Esc on a filter, the delete prompt, ellipses,
//! aligned hours, one style for empty days, the selection after an add, what
//! "continue" stopped). Figures are worked out by hand in the comments; the clock
//! and zone are pinned (a later clock is a second tracker on the same file).

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{draw, run, text, typed};
use crate::config::Config;
use crate::model::NewSession;
use crate::time::{Clock, resolve_local};
use crate::tracker::{StartRequest, Tracker};
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Mode, Status};
use crate::tui::theme::Theme;

const BERLIN: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn at(local: &str) -> DateTime<Utc> {
    resolve_local(
        BERLIN,
        NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap(),
    )
    .instant
}

fn open(dir: &tempfile::TempDir, config: &str, now: &str) -> Tracker {
    Tracker::open(
        &dir.path().join("otium.db"),
        Config::parse(config).unwrap(),
        Clock::Fixed(at(now)),
        BERLIN,
    )
    .unwrap()
}

fn add(t: &mut Tracker, project: &str, tags: &[&str], from: &str, to: &str) {
    t.add(NewSession {
        project: project.into(),
        tags: tags.iter().map(|s| (*s).into()).collect(),
        note: None,
        start: at(from),
        end: Some(at(to)),
        zone: BERLIN,
    })
    .unwrap();
}

/// The same database seen a little later, by the same TUI: nothing was written in
/// between, so the tick must not find a reason to reload.
fn later(app: &mut App, dir: &tempfile::TempDir, config: &str, now: &str) -> Tracker {
    let t = open(dir, config, now);
    app.data_version = t.data_version().unwrap();
    t
}

#[test]
fn the_tick_does_not_close_the_help_and_a_key_does() {
    let mut t = super::tracker();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(&mut app, &mut t, [Action::ToggleHelp]);
    // Three seconds of ticks and a resize (a reload): still open.
    run(&mut app, &mut t, [Action::Tick, Action::Tick, Action::Tick]);
    run(&mut app, &mut t, [Action::Reload]);
    assert_eq!(app.mode, Mode::Help);
    assert!(text(&draw(&app, 80, 24)).contains(" Keys "));
    // A key that does not scroll closes it.
    let key = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc);
    let close = app.on_key(key).unwrap();
    run(&mut app, &mut t, [close]);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn the_help_scrolls_at_80x24_down_to_its_last_line() {
    let mut t = super::tracker();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(&mut app, &mut t, [Action::ToggleHelp]);
    let first = text(&draw(&app, 80, 24));
    assert!(!first.contains("In forms:"), "{first}");
    assert!(
        first.contains("scroll"),
        "the title says it scrolls:\n{first}"
    );
    // Ten lines a page: enough pages to reach the end of the whole table.
    for _ in 0..6 {
        run(&mut app, &mut t, [Action::PageDown]);
        draw(&app, 80, 24);
    }
    let last = text(&draw(&app, 80, 24));
    assert!(last.contains("In forms:"), "{last}");
    // Scrolling further stays at the end; up goes back by one line.
    let scroll = app.help_scroll;
    run(&mut app, &mut t, [Action::Down]);
    assert_eq!(app.help_scroll, scroll);
    run(&mut app, &mut t, [Action::Up]);
    assert_eq!(app.help_scroll, scroll - 1);
}

#[test]
fn a_running_session_counts_live_in_every_total() {
    let dir = tempfile::tempdir().unwrap();
    let config = "daily_target_hours = 8\n";
    // Wednesday 2026-03-25: 08:00–08:45 done, then a session running since 09:00.
    let mut t = open(&dir, config, "2026-03-25 10:00");
    add(&mut t, "email", &[], "2026-03-25 08:00", "2026-03-25 08:45");
    t.start(StartRequest {
        project: "writing".parse().unwrap(),
        tags: Vec::new(),
        note: None,
        at: Some(at("2026-03-25 09:00")),
    })
    .unwrap();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    // At 10:00: 45 + 60 = 105 min.
    assert_eq!(app.snapshot.today_seconds, 105 * 60);
    // Half an hour later, no key pressed and nothing written: one tick.
    let mut t = later(&mut app, &dir, config, "2026-03-25 10:30");
    run(&mut app, &mut t, [Action::Tick]);
    // 45 + 90 = 135 min = 2h 15m, today, in the week and in the report.
    assert_eq!(app.snapshot.today_seconds, 135 * 60);
    assert_eq!(app.snapshot.report.total_seconds, 135 * 60);
    let screen = text(&draw(&app, 100, 30));
    assert!(screen.contains("Today: 2h 15m"), "{screen}");
    assert!(screen.contains("This week: 2h 15m of 40h 00m"), "{screen}");
    assert!(screen.contains("›Wed 25   2h 15m"), "{screen}");
    // Balance since the week began: Mon −8 h, Tue −8 h, Wed 2h 15m − 8 h = −21h 45m.
    assert!(
        screen.contains("Target 40h 00m · worked 2h 15m · balance -21h 45m"),
        "{screen}"
    );
    app.view = View::Reports;
    let screen = text(&draw(&app, 100, 30));
    assert!(screen.contains("total 2h 15m"), "{screen}");
    app.view = View::Calendar;
    let screen = text(&draw(&app, 200, 60));
    assert!(screen.contains("2h 15m of 8h 00m"), "{screen}");
}

#[test]
fn status_messages_expire() {
    let mut t = super::tracker();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::ContinueSelected],
    );
    // Nothing to continue: a message that a tick keeps while it is fresh…
    assert!(app.status.is_some());
    run(&mut app, &mut t, [Action::Tick]);
    assert!(app.status.is_some());
    // …and drops once its time is up, giving the key summary back.
    app.status = Some(Status {
        text: "old".into(),
        error: false,
        until: Instant::now() - Duration::from_millis(1),
    });
    run(&mut app, &mut t, [Action::Tick]);
    assert_eq!(app.status, None);
    assert!(text(&draw(&app, 80, 24)).contains("? help · q quit"));
}

#[test]
fn esc_clears_an_applied_filter_and_the_filtered_list_has_a_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = open(&dir, "", "2026-03-25 18:00");
    add(
        &mut t,
        "coding",
        &["review"],
        "2026-03-24 09:00",
        "2026-03-24 10:30",
    );
    add(
        &mut t,
        "coding",
        &[],
        "2026-03-25 09:00",
        "2026-03-25 09:20",
    );
    add(
        &mut t,
        "writing",
        &[],
        "2026-03-25 10:00",
        "2026-03-25 11:00",
    );
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::OpenFilter],
    );
    run(&mut app, &mut t, typed("cod"));
    run(&mut app, &mut t, [Action::Confirm]);
    // Two coding sessions: 90 + 20 = 110 min.
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("Sessions matching \"cod\": 2 sessions, 1h 50m"),
        "{screen}"
    );
    assert!(!screen.contains("writing"), "{screen}");
    // Esc in the list (the filter applied, the prompt closed) clears it.
    let esc = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc);
    let action = app.on_key(esc).unwrap();
    run(&mut app, &mut t, [action]);
    assert!(app.filter.is_empty());
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("writing") && screen.contains("last 28 days"),
        "{screen}"
    );
}

#[test]
fn a_tick_in_the_filter_prompt_keeps_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = open(&dir, "", "2026-03-25 18:00");
    add(&mut t, "a", &[], "2026-03-25 09:00", "2026-03-25 09:20");
    add(&mut t, "b", &[], "2026-03-25 10:00", "2026-03-25 11:00");
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::Down],
    );
    app.mode = Mode::Filter;
    run(&mut app, &mut t, [Action::Tick]);
    assert_eq!(app.selected, 1);
}

#[test]
fn long_tags_end_in_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = open(&dir, "", "2026-03-25 18:00");
    let tags = ["architecture", "documentation", "refactoring"];
    add(
        &mut t,
        "coding",
        &tags,
        "2026-03-25 09:00",
        "2026-03-25 10:00",
    );
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    app.view = View::Sessions;
    let screen = text(&draw(&app, 80, 24));
    let row = screen.lines().find(|l| l.contains("coding")).unwrap();
    assert!(
        row.contains("+architecture …") || row.contains('…'),
        "{row}"
    );
    assert!(!row.contains("+refactoring"), "{row}");
}

#[test]
fn reports_hours_line_up_and_the_total_has_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = open(&dir, "daily_target_hours = 8\n", "2026-03-25 18:00");
    add(&mut t, "a", &[], "2026-03-23 08:00", "2026-03-23 18:30");
    add(&mut t, "a", &[], "2026-03-24 09:00", "2026-03-24 09:45");
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    app.view = View::Reports;
    run(
        &mut app,
        &mut t,
        [Action::CycleGrouping, Action::CycleGrouping],
    );
    let screen = text(&draw(&app, 100, 40));
    // Mon 10h 30m, Tue 0h 45m: the minutes end in the same column.
    let end = |needle: &str| {
        let line = screen.lines().rfind(|l| l.contains(needle)).unwrap();
        let at = line.find(needle).unwrap() + needle.len();
        line[..at].chars().count()
    };
    assert_eq!(end("10h 30m"), end("0h 45m"), "{screen}");
    // The week's target: five days of 8 h (the weekend has none) = 40 h.
    let total = screen.lines().rfind(|l| l.contains("Total")).unwrap();
    assert!(
        total
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("Total 11h 15m 40h 00m"),
        "{total}"
    );
}

#[test]
fn empty_days_read_0h_00m_everywhere() {
    let t = super::tracker();
    let app = App::load(&t, Theme::new(true)).unwrap();
    let screen = text(&draw(&app, 100, 30));
    assert!(screen.contains("Today: 0h 00m"), "{screen}");
    assert!(screen.contains(" Mon 23   0h 00m"), "{screen}");
    assert!(!screen.contains("0s"), "{screen}");
}

#[test]
fn an_added_session_becomes_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = open(&dir, "", "2026-03-25 18:00");
    for h in [9, 11, 13] {
        add(
            &mut t,
            "old",
            &[],
            &format!("2026-03-25 {h:02}:00"),
            &format!("2026-03-25 {h:02}:30"),
        );
    }
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::OpenAdd],
    );
    run(&mut app, &mut t, typed("new"));
    for _ in 0..3 {
        run(&mut app, &mut t, [Action::NextField]);
    }
    run(&mut app, &mut t, std::iter::repeat_n(Action::Backspace, 3));
    run(&mut app, &mut t, typed("10:00"));
    run(&mut app, &mut t, [Action::NextField]);
    run(&mut app, &mut t, std::iter::repeat_n(Action::Backspace, 3));
    run(&mut app, &mut t, typed("10:30"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.status);
    // Newest first: 13:00, 11:00, then the new 10:00 at index 2.
    assert_eq!(app.selected, 2);
    assert_eq!(app.visible_sessions()[2].project, "new");
}

#[test]
fn continue_says_that_the_running_session_was_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = open(&dir, "", "2026-03-25 11:20");
    add(
        &mut t,
        "coding",
        &[],
        "2026-03-25 08:00",
        "2026-03-25 09:00",
    );
    t.start(StartRequest {
        project: "writing".parse().unwrap(),
        tags: Vec::new(),
        note: None,
        at: Some(at("2026-03-25 10:00")),
    })
    .unwrap();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    // Row 0 is writing (running), row 1 coding.
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::Down],
    );
    run(&mut app, &mut t, [Action::ContinueSelected]);
    let status = app.status.clone().unwrap().text;
    assert_eq!(
        status,
        "Started coding again; stopped writing after 1h 20m."
    );
    assert_eq!(t.running().unwrap().unwrap().project, "coding");
    // The new session is the selection.
    assert_eq!(app.selected, 0);
}
