//! The week calendar (issue 16): blocks per local day for sessions across midnight
//! and across the spring-forward night, the running block growing on each tick, the
//! target line, gaps, moving, and editing, deleting and adding from it. Snapshots at
//! 80×24 and 120×40 (colours off); every figure asserted is worked out by hand in the
//! comments. Clock pinned at Sunday 2026-03-29 11:40 +02:00, zone Europe/Berlin.

use chrono::{DateTime, NaiveDateTime, Utc};
use ratatui::style::Color;

use super::{draw, run, text};
use crate::config::Config;
use crate::model::{NewSession, SessionId};
use crate::time::{Clock, resolve_local};
use crate::tracker::{StartRequest, Tracker};
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Mode};
use crate::tui::form::FormKind;
use crate::tui::theme::Theme;

const BERLIN: chrono_tz::Tz = chrono_tz::Europe::Berlin;
const CONFIG: &str = "daily_target_hours = 8\n";
const NOW: &str = "2026-03-29 11:40";

fn at(local: &str) -> DateTime<Utc> {
    resolve_local(
        BERLIN,
        NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap(),
    )
    .instant
}

fn open(dir: &tempfile::TempDir, now: &str) -> Tracker {
    Tracker::open(
        &dir.path().join("otium.db"),
        Config::parse(CONFIG).unwrap(),
        Clock::Fixed(at(now)),
        BERLIN,
    )
    .unwrap()
}

/// Week 2026-W13 (Mon 23 – Sun 29 March; Berlin springs forward on Sunday at 02:00).
/// Ids in order: 1 coding, 2 writing, 3 writing overnight, 4 email, 5 ops overnight
/// across the change, 6 research running.
fn week(dir: &tempfile::TempDir) -> Tracker {
    let mut t = open(dir, NOW);
    type Row<'a> = (&'a str, &'a [&'a str], Option<&'a str>, &'a str, &'a str);
    let sessions: [Row; 5] = [
        // Monday 4 h + 4h 30m = 8h 30m: the 8 h target is reached at 11:30 + 4 h = 15:30.
        (
            "coding",
            &["review"],
            None,
            "2026-03-23 07:00",
            "2026-03-23 11:00",
        ),
        (
            "writing",
            &["book"],
            Some("chapter 5"),
            "2026-03-23 11:30",
            "2026-03-23 16:00",
        ),
        // Tuesday 22:30 to midnight 1h 30m, Wednesday to 01:15 1h 15m.
        (
            "writing",
            &[],
            Some("night shift"),
            "2026-03-24 22:30",
            "2026-03-25 01:15",
        ),
        ("email", &[], None, "2026-03-26 09:00", "2026-03-26 09:50"),
        // Saturday 23:00 to midnight 1 h; Sunday 00:00 to 04:00 on the wall clock is
        // 3 real hours, 02:00–03:00 never happened.
        (
            "ops",
            &["oncall"],
            None,
            "2026-03-28 23:00",
            "2026-03-29 04:00",
        ),
    ];
    for (project, tags, note, from, to) in sessions {
        t.add(NewSession {
            project: project.into(),
            tags: tags.iter().map(|s| (*s).into()).collect(),
            note: note.map(str::to_string),
            start: at(from),
            end: Some(at(to)),
            zone: BERLIN,
        })
        .unwrap();
    }
    // Sunday 09:00 to now, 11:40: 2h 40m; Sunday is 3 h + 2h 40m = 5h 40m.
    t.start(StartRequest {
        project: "research".parse().unwrap(),
        tags: Vec::new(),
        note: None,
        at: Some(at("2026-03-29 09:00")),
    })
    .unwrap();
    t
}

fn calendar(t: &Tracker, color: bool) -> App {
    let mut app = App::load(t, Theme::new(!color)).unwrap();
    app.view = View::Calendar;
    app
}

/// The screen without trailing blanks, as the other snapshots are kept.
fn screen(app: &App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn snapshots_at_80x24_and_120x40_across_midnight_and_the_dst_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = week(&dir);
    let mut app = calendar(&t, false);
    // The cursor starts on the running block, and the rows scroll to it.
    insta::assert_snapshot!("calendar_running_80x24", screen(&app, 80, 24));
    // Up to midnight: the overnight pieces and the hatched hour that did not exist.
    run(
        &mut app,
        &mut t,
        [Action::PageUp, Action::PageUp, Action::PageUp],
    );
    insta::assert_snapshot!("calendar_midnight_80x24", screen(&app, 80, 24));
    let mut app = calendar(&t, false);
    insta::assert_snapshot!("calendar_week_120x40", screen(&app, 120, 40));
    run(&mut app, &mut t, [Action::PrevBlock]);
    insta::assert_snapshot!("calendar_selected_120x40", screen(&app, 120, 40));
}

#[test]
fn day_totals_targets_and_blocks_are_right_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let t = week(&dir);
    let app = calendar(&t, false);
    let wide = text(&draw(&app, 200, 60));
    // 8h 30m + 1h 30m + 1h 15m + 0h 50m + 0 + 1 h + 5h 40m = 18h 45m; 5 × 8 h = 40 h.
    assert!(
        wide.contains(" 2026-W13 · Mon 23 Mar – Sun 29 Mar · 18h 45m of 40h 00m "),
        "{wide}"
    );
    for day in [
        "8h 30m of 8h 00m",
        "1h 30m of 8h 00m",
        "1h 15m of 8h 00m",
        "0h 50m of 8h 00m",
        "0h 00m of 8h 00m",
    ] {
        assert!(wide.contains(day), "{day} in\n{wide}");
    }
    // Saturday and Sunday have no target: the total alone.
    let header = wide.lines().nth(3).unwrap();
    assert!(
        header.contains("0h 00m of 8h 00m           1h 00m                     5h 40m "),
        "{header}"
    );
    assert!(wide.contains("Sun 29 (23h)"), "{wide}");
    // The overnight pieces: Sunday's ops piece began the day before (↳) and is the
    // 3 real hours of 00:00–04:00; the running block is marked ▶.
    assert!(wide.contains("↳ops"), "{wide}");
    assert!(wide.contains("00:00–04:00"), "{wide}");
    assert!(wide.contains("3h 00m"), "{wide}");
    assert!(wide.contains("▶research"), "{wide}");
    // Monday's 8 h are reached at 15:30: the line is on that row, in Monday's column.
    // (Half-hour rows carry no label: 15:30 is the row after 15:00.)
    let lines: Vec<&str> = wide.lines().collect();
    let fifteen = lines.iter().position(|l| l.starts_with("│15:00")).unwrap();
    assert!(
        lines[fifteen + 1].starts_with("│      ▚━━━━"),
        "{}",
        lines[fifteen + 1]
    );
    assert!(!lines[fifteen].contains('━') && !lines[fifteen + 2].contains('━'));
    // The half hour between coding and writing on Monday is a gap of 0h 30m.
    assert!(wide.contains("· 0h 30m gap"), "{wide}");
    // 02:00 and 02:30 on Sunday do not exist: hatched.
    let two = lines.iter().position(|l| l.starts_with("│02:00")).unwrap();
    for row in [lines[two], lines[two + 1]] {
        assert!(row.contains("▒╱╱╱"), "{row}");
    }
    assert!(!lines[two + 2].contains('╱'), "{}", lines[two + 2]);
}

#[test]
fn the_running_block_grows_on_each_tick() {
    let dir = tempfile::tempdir().unwrap();
    let t = week(&dir);
    let mut app = calendar(&t, false);
    let before = app.calendar_selected().unwrap();
    // 09:00 to 11:40: rows 18 (09:00) to 23 (11:30).
    assert_eq!((before.first, before.last), (18, 23));
    let mut later = open(&dir, "2026-03-29 12:10");
    app.data_version = later.data_version().unwrap();
    run(&mut app, &mut later, [Action::Tick]);
    let block = app
        .calendar_blocks()
        .into_iter()
        .find(|b| app.snapshot.calendar[b.index].id == SessionId::new(6))
        .unwrap();
    // To 12:10: row 24 (12:00); Sunday 3 h + 3h 10m = 6h 10m.
    assert_eq!((block.first, block.last), (18, 24));
    let screen = text(&draw(&app, 120, 40));
    assert!(screen.contains("6h 10m"), "{screen}");
}

#[test]
fn moving_editing_deleting_and_adding_from_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = week(&dir);
    let mut app = calendar(&t, false);
    // From the running block back: Sunday's ops piece, then Saturday's.
    run(&mut app, &mut t, [Action::PrevBlock]);
    let b = app.calendar_selected().unwrap();
    assert_eq!((b.day, b.first), (6, 0));
    run(&mut app, &mut t, [Action::PrevBlock]);
    let b = app.calendar_selected().unwrap();
    assert_eq!((b.day, b.first), (5, 46));
    assert_eq!(app.snapshot.calendar[b.index].id, SessionId::new(5));
    // Enter edits the block under the cursor.
    run(&mut app, &mut t, [Action::OpenEdit]);
    assert!(
        matches!(&app.mode, Mode::Form(f) if f.kind == FormKind::Edit(SessionId::new(5))),
        "{:?}",
        app.mode
    );
    run(&mut app, &mut t, [Action::Cancel]);
    // Tuesday 22:30 (row 45): the overnight writing session; d asks, naming it.
    for _ in 0..4 {
        run(&mut app, &mut t, [Action::Left]);
    }
    run(&mut app, &mut t, [Action::Down]);
    assert_eq!((app.cursor.day, app.cursor.slot), (1, 47));
    run(&mut app, &mut t, [Action::AskDelete]);
    let prompt = text(&draw(&app, 120, 40));
    assert!(
        prompt.contains(
            "Delete session 3 (writing, Tue 2026-03-24 22:30–2026-03-25 01:15, 2h 45m)? y / n"
        ),
        "{prompt}"
    );
    run(&mut app, &mut t, [Action::Type('y')]);
    assert!(t.session(SessionId::new(3)).is_err());
    // Thursday 10:00 is free: a prefills 10:00 to 11:00 and saves there.
    run(&mut app, &mut t, [Action::Right, Action::Right]);
    for _ in 0..27 {
        run(&mut app, &mut t, [Action::Up]);
    }
    assert_eq!((app.cursor.day, app.cursor.slot), (3, 20));
    assert!(app.calendar_selected().is_none());
    run(&mut app, &mut t, [Action::OpenAdd]);
    let Mode::Form(form) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(form.fields[3].value, "2026-03-26 10:00");
    assert_eq!(form.fields[4].value, "2026-03-26 11:00");
    run(&mut app, &mut t, super::typed("review"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.status);
    let added = app.calendar_selected().unwrap();
    let s = &app.snapshot.calendar[added.index];
    assert_eq!(
        (s.project.as_str(), s.start, s.end),
        (
            "review",
            at("2026-03-26 10:00"),
            Some(at("2026-03-26 11:00"))
        )
    );
    // ← on Monday goes to the week before.
    for _ in 0..4 {
        run(&mut app, &mut t, [Action::Left]);
    }
    assert_eq!(app.choices.calendar_week.to_string(), "2026-03-16");
    assert_eq!(app.cursor.day, 6);
    assert!(text(&draw(&app, 80, 24)).contains("2026-W12"));
}

#[test]
fn projects_get_colours_and_markers_a_block_keeps_them_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let t = week(&dir);
    let mut app = calendar(&t, true);
    app.cursor.slot = 20;
    app.cursor.day = 3;
    let buf = draw(&app, 120, 40);
    let screen = text(&buf);
    // The legend names the markers in project order: coding, email, ops, research, writing.
    assert!(
        screen.contains("█ coding  ▓ email  ▒ ops  ░ research  ▚ writing"),
        "{screen}"
    );
    // Each row of Monday's coding block starts with coding's marker, on its colour;
    // writing's differs in both.
    let column = |needle: &str| -> (u16, u16) {
        let y = screen.lines().position(|l| l.contains(needle)).unwrap();
        let x = screen.lines().nth(y).unwrap().find(needle).unwrap();
        (
            u16::try_from(screen.lines().nth(y).unwrap()[..x].chars().count()).unwrap(),
            u16::try_from(y).unwrap(),
        )
    };
    let (x, y) = column("█coding");
    let (wx, wy) = column("▚writing");
    assert_ne!(buf[(x, y)].bg, Color::Reset);
    assert_ne!(buf[(x, y)].bg, buf[(wx, wy)].bg);
    assert_eq!(buf[(x, y + 1)].symbol(), "█");
    assert_eq!(buf[(x, y + 1)].bg, buf[(x, y)].bg);
}
