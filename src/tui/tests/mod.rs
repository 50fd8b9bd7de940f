//! TUI tests: views rendered into ratatui's `TestBackend` and read back as text,
//! and sequences of intents checked against the tracker. Clock and zone pinned.

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use super::action::{Action, View};
use super::app::{App, Mode};
use super::theme::Theme;
use crate::model::SessionId;
use crate::time::Clock;
use crate::tracker::Tracker;

fn now() -> DateTime<Utc> {
    // Wednesday 2026-03-25 10:30 in Berlin (+01:00).
    DateTime::parse_from_rfc3339("2026-03-25T10:30:00+01:00")
        .unwrap()
        .with_timezone(&Utc)
}

fn tracker() -> Tracker {
    Tracker::in_memory(Clock::Fixed(now()), chrono_tz::Europe::Berlin).unwrap()
}

fn seeded() -> Tracker {
    let mut t = tracker();
    crate::demo::seed(&mut t).unwrap();
    t
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn run(app: &mut App, tracker: &mut Tracker, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        let mut next = Some(a);
        while let Some(action) = next {
            next = app.update(action, tracker);
        }
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

#[test]
fn every_view_renders_empty_and_seeded_at_two_sizes() {
    let expectations = [
        (View::Dashboard, "Nothing running", "▶ writing"),
        (View::Sessions, "No sessions yet", "chapter drafts"),
        (View::Reports, "No time tracked", "Total"),
        (
            View::Dividend,
            "United States",
            "Data: PWT 10.01, CC BY 4.0",
        ),
    ];
    for (empty, seeded_tracker) in [(true, tracker()), (false, seeded())] {
        let mut app = App::load(&seeded_tracker, Theme::new(false)).unwrap();
        for (view, when_empty, when_seeded) in expectations {
            app.view = view;
            for (w, h) in [(80, 24), (120, 40)] {
                let screen = text(&draw(&app, w, h));
                let expected = if empty { when_empty } else { when_seeded };
                assert!(
                    screen.contains(expected),
                    "{view:?} {w}x{h} empty={empty}:\n{screen}"
                );
                assert!(screen.contains("1 Dashboard"), "{screen}");
            }
        }
    }
}

#[test]
fn tiny_terminals_never_panic_and_say_so() {
    let t = seeded();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    for view in View::ALL {
        app.view = view;
        draw(&app, 1, 1);
        draw(&app, 0, 0);
        let screen = text(&draw(&app, 20, 5));
        assert!(screen.contains("Terminal too"), "{screen}");
    }
    app.mode = Mode::Help;
    draw(&app, 60, 16);
}

#[test]
fn start_stop_edit_delete_undo() {
    let mut t = tracker();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    run(&mut app, &mut t, [Action::OpenStart]);
    run(&mut app, &mut t, typed("demo"));
    run(&mut app, &mut t, [Action::NextField]);
    run(&mut app, &mut t, typed("+x +y"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(app.mode, Mode::Normal);
    let running = t.running().unwrap().unwrap();
    assert_eq!(
        (running.project.as_str(), running.tags.clone()),
        ("demo", vec!["x".to_string(), "y".to_string()])
    );
    assert!(text(&draw(&app, 80, 24)).contains("▶ demo"));
    // A stop at the same pinned second would be zero-length: the status line says why.
    run(&mut app, &mut t, [Action::StopTimer]);
    assert!(app.status.as_ref().unwrap().error);
    assert!(t.running().unwrap().is_some());
    // Add a past session through the form, then edit, delete and undo.
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::OpenAdd],
    );
    run(&mut app, &mut t, typed("past"));
    for _ in 0..3 {
        run(&mut app, &mut t, [Action::NextField]);
    }
    run(&mut app, &mut t, std::iter::repeat_n(Action::Backspace, 3));
    run(&mut app, &mut t, typed("08:00"));
    run(&mut app, &mut t, [Action::NextField]);
    run(&mut app, &mut t, std::iter::repeat_n(Action::Backspace, 3));
    run(&mut app, &mut t, typed("09:15"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.status);
    let added = t.session(SessionId::new(2)).unwrap();
    assert_eq!(
        (added.project.as_str(), added.duration_seconds(now())),
        ("past", 4500)
    );
    // Newest first: row 0 is the running session, row 1 the one just added.
    run(
        &mut app,
        &mut t,
        [
            Action::Down,
            Action::OpenEdit,
            Action::NextField,
            Action::NextField,
        ],
    );
    run(&mut app, &mut t, typed("edited"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(
        t.session(SessionId::new(2)).unwrap().note.as_deref(),
        Some("edited")
    );
    let before_delete = t.session(SessionId::new(2)).unwrap();
    run(&mut app, &mut t, [Action::AskDelete]);
    assert!(
        matches!(&app.mode, Mode::ConfirmDelete(s) if s.id == SessionId::new(2)),
        "{:?}",
        app.mode
    );
    // The prompt names the project and the times: 08:00–09:15 today is 1h 15m.
    let prompt = text(&draw(&app, 80, 24));
    assert!(
        prompt.contains("Delete session 2 (past, Wed 2026-03-25 08:00–09:15, 1h 15m)? y / n"),
        "{prompt}"
    );
    run(&mut app, &mut t, [Action::Type('y')]);
    assert!(t.session(SessionId::new(2)).is_err());
    // Undo puts back the same session: same id and uuid, so scripts holding either
    // still find it.
    run(&mut app, &mut t, [Action::Undo]);
    assert_eq!(t.session(SessionId::new(2)).unwrap(), before_delete);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("restored session 2 (past,")
    );
    // U puts the delete back, u undoes it again: the journal walks both ways.
    run(&mut app, &mut t, [Action::Redo]);
    assert!(t.session(SessionId::new(2)).is_err());
    assert!(app.status.as_ref().unwrap().text.starts_with("Redid"));
    run(&mut app, &mut t, [Action::Undo]);
    assert_eq!(t.session(SessionId::new(2)).unwrap(), before_delete);
}

#[test]
fn undo_walks_the_shared_journal_back_across_processes() {
    let mut t = tracker();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    run(&mut app, &mut t, [Action::OpenStart]);
    run(&mut app, &mut t, typed("deep"));
    run(&mut app, &mut t, [Action::Confirm]);
    let running = t.running().unwrap().unwrap();
    run(
        &mut app,
        &mut t,
        [Action::Show(View::Sessions), Action::AskDelete],
    );
    run(&mut app, &mut t, [Action::Type('y')]);
    assert!(t.running().unwrap().is_none());
    run(&mut app, &mut t, [Action::Undo]);
    assert_eq!(t.running().unwrap().unwrap(), running);
    // Deleted again, and meanwhile another session was started by another process:
    // the journal is shared, so `u` first takes back that start, then the delete.
    run(&mut app, &mut t, [Action::AskDelete, Action::Type('y')]);
    t.start(crate::tracker::StartRequest::new("other".into()))
        .unwrap();
    run(&mut app, &mut t, [Action::Undo]);
    let status = app.status.as_ref().unwrap();
    assert!(
        !status.error
            && status
                .text
                .starts_with("Undid \u{201c}started session 2 (other,"),
        "{}",
        status.text
    );
    assert!(t.running().unwrap().is_none());
    run(&mut app, &mut t, [Action::Undo]);
    assert_eq!(t.running().unwrap().unwrap(), running);
    // The first start is taken back too; then nothing is left, and the status line
    // says so as an error.
    run(&mut app, &mut t, [Action::Undo, Action::Undo]);
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("nothing to undo"),
        "{}",
        status.text
    );
    assert!(t.running().unwrap().is_none());
}

#[test]
fn form_errors_show_next_to_the_field_and_keep_the_form_open() {
    let mut t = tracker();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    run(&mut app, &mut t, [Action::OpenAdd]);
    run(&mut app, &mut t, typed("p"));
    run(
        &mut app,
        &mut t,
        [Action::NextField, Action::NextField, Action::NextField],
    );
    run(&mut app, &mut t, std::iter::repeat_n(Action::Backspace, 3));
    run(&mut app, &mut t, typed("tea time"));
    run(&mut app, &mut t, [Action::Confirm]);
    let Mode::Form(form) = &app.mode else {
        panic!("form closed: {:?}", app.mode)
    };
    assert_eq!(form.focus, 3);
    assert!(
        form.fields[3]
            .error
            .as_ref()
            .unwrap()
            .contains("cannot read \"tea time\"")
    );
    let screen = text(&draw(&app, 100, 30));
    assert!(
        screen.contains("cannot read \"tea time\" as a time"),
        "{screen}"
    );
    // An empty project is caught before the tracker is asked.
    run(
        &mut app,
        &mut t,
        [Action::Cancel, Action::OpenStart, Action::Confirm],
    );
    let Mode::Form(form) = &app.mode else {
        panic!()
    };
    assert!(form.fields[0].error.is_some());
    assert!(
        t.sessions(crate::time::range::Span::ALL)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn help_lists_every_key_of_the_table() {
    let mut t = tracker();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    app.mode = Mode::Help;
    // What the help shows from the top to the end of its scrolling.
    let mut seen = text(&draw(&app, 120, 40));
    for _ in 0..super::keymap::BINDINGS.len() {
        run(&mut app, &mut t, [Action::Down]);
        seen.push_str(&text(&draw(&app, 120, 40)));
    }
    for b in super::keymap::BINDINGS {
        let help = b.text(crate::i18n::Lang::En);
        assert!(seen.contains(&help), "missing {help:?}:\n{seen}");
    }
}

#[test]
fn no_color_draws_without_colours() {
    let t = seeded();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    for view in View::ALL {
        app.view = view;
        let buf = draw(&app, 100, 30);
        for cell in buf.content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{view:?}");
        }
    }
}

#[test]
fn cjk_project_names_keep_the_columns_aligned() {
    let mut t = tracker();
    for (project, from) in [("写作", "08:00"), ("abc", "09:00")] {
        let start = crate::time::parse_instant(
            from,
            now(),
            t.zone(),
            now().with_timezone(&t.zone()).date_naive(),
        )
        .unwrap()
        .instant;
        t.add(crate::model::NewSession {
            project: project.into(),
            tags: vec!["tag".into()],
            note: None,
            start,
            end: Some(start + chrono::Duration::minutes(30)),
            zone: t.zone(),
        })
        .unwrap();
    }
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    app.view = View::Sessions;
    let buf = draw(&app, 100, 20);
    // The column of "+tag" on each row, counted in cells (a CJK character takes two).
    let columns: Vec<u16> = (0..buf.area.height)
        .filter_map(|y| {
            (0..buf.area.width)
                .find(|&x| buf[(x, y)].symbol() == "+" && buf[(x + 1, y)].symbol() == "t")
        })
        .collect();
    assert_eq!(columns.len(), 2, "{}", text(&buf));
    assert_eq!(columns[0], columns[1], "{}", text(&buf));
}

#[test]
fn reports_view_total_matches_otium_report() {
    let t = seeded();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    app.view = View::Reports;
    let screen = text(&draw(&app, 120, 40));
    // The CLI's table for the same week, rendered from the same report code.
    let mut table = Vec::new();
    crate::report::table::render(&app.snapshot.report, crate::i18n::Lang::En, &mut table).unwrap();
    let table = String::from_utf8(table).unwrap();
    let total = table
        .lines()
        .find(|l| l.starts_with("Total"))
        .unwrap()
        .split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains(&total), "{total} not in\n{screen}");
    assert!(screen.contains(crate::report::header(&app.snapshot.report).as_str()));
}

#[test]
fn a_write_from_another_process_shows_up_on_the_next_tick() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let open = || {
        Tracker::open(
            &db,
            crate::config::Config::default(),
            Clock::Fixed(now()),
            chrono_tz::Europe::Berlin,
        )
        .unwrap()
    };
    let mut tui_side = open();
    let mut app = App::load(&tui_side, Theme::new(false)).unwrap();
    run(&mut app, &mut tui_side, [Action::Tick]);
    assert!(app.snapshot.running.is_none());
    let mut other = open();
    other
        .start(crate::tracker::StartRequest::new("elsewhere".into()))
        .unwrap();
    run(&mut app, &mut tui_side, [Action::Tick]);
    assert_eq!(
        app.snapshot.running.as_ref().map(|s| s.project.as_str()),
        Some("elsewhere")
    );
    // Between frames the TUI holds no read transaction, so a checkpoint by another
    // connection can copy every WAL frame and truncate the log (busy = 0).
    for view in View::ALL {
        run(
            &mut app,
            &mut tui_side,
            [Action::Show(view), Action::Reload, Action::Tick],
        );
        let _ = draw(&app, 120, 40);
        assert!(tui_side.is_idle(), "{view:?} left a transaction open");
        other
            .start(crate::tracker::StartRequest::new(
                format!("{view:?}").as_str().into(),
            ))
            .ok();
        let (busy, log, done) = other.checkpoint_truncate().unwrap();
        assert_eq!((busy, log, done), (0, 0, 0), "{view:?}: checkpoint blocked");
    }
}

#[test]
fn reports_and_dividend_keys_change_the_choices() {
    let mut t = seeded();
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    app.view = View::Reports;
    let week = app.snapshot.report.options.span;
    run(&mut app, &mut t, [Action::Left]);
    assert!(app.snapshot.report.options.span.to <= week.from);
    run(&mut app, &mut t, [Action::CycleGrouping]);
    assert_eq!(
        app.snapshot.report.options.group_by,
        vec![crate::report::GroupBy::Tag]
    );
    app.view = View::Dividend;
    run(&mut app, &mut t, [Action::Right]);
    assert_eq!(app.choices.base_year, 1971);
    assert_eq!(app.snapshot.series.first().map(|p| p.year), Some(1971));
    run(&mut app, &mut t, [Action::NextCountry]);
    assert_eq!(app.choices.country, "VEN");
}

mod away;
mod banner;
mod calendar;
mod dividend;
mod lang;
mod live;
pub(super) mod race;
mod snapshots;
mod sync;
mod targets;
mod undo;
mod zh_checks;

fn past(
    t: &mut Tracker,
    project: &str,
    tags: &[&str],
    note: Option<&str>,
    start: &str,
    minutes: i64,
) {
    let start = DateTime::parse_from_rfc3339(start)
        .unwrap()
        .with_timezone(&Utc);
    t.add(crate::model::NewSession {
        project: project.into(),
        tags: tags.iter().map(|s| (*s).into()).collect(),
        note: note.map(str::to_string),
        start,
        end: Some(start + chrono::Duration::minutes(minutes)),
        zone: chrono_tz::Europe::Berlin,
    })
    .unwrap();
}

#[test]
fn filter_narrows_the_sessions_and_continue_restarts_the_selected_one() {
    let mut t = tracker();
    past(
        &mut t,
        "writing",
        &["book"],
        Some("chapter 3"),
        "2026-03-24T09:00:00+01:00",
        60,
    );
    past(
        &mut t,
        "coding",
        &["review"],
        Some("PR 12"),
        "2026-03-24T11:00:00+01:00",
        30,
    );
    past(
        &mut t,
        "writing",
        &[],
        None,
        "2026-03-25T08:00:00+01:00",
        45,
    );
    let mut app = App::load(&t, Theme::new(false)).unwrap();
    run(&mut app, &mut t, [Action::Show(View::Sessions)]);
    let all = text(&draw(&app, 100, 30));
    assert!(all.contains("coding") && all.contains("writing"), "{all}");
    // `/review` keeps the session tagged review (a tag matches as well as a project).
    run(&mut app, &mut t, [Action::OpenFilter]);
    run(&mut app, &mut t, typed("review"));
    run(&mut app, &mut t, [Action::Confirm]);
    let filtered = text(&draw(&app, 100, 30));
    assert!(filtered.contains("coding"), "{filtered}");
    assert!(!filtered.contains("writing"), "{filtered}");
    // `c` on the only row left starts coding +review "PR 12" again, now.
    run(&mut app, &mut t, [Action::ContinueSelected]);
    let running = t.running().unwrap().unwrap();
    assert_eq!(
        (
            running.project.as_str(),
            running.tags.clone(),
            running.note.as_deref()
        ),
        ("coding", vec!["review".to_string()], Some("PR 12"))
    );
    assert_eq!(running.start, now());
    // Esc in the filter prompt clears it: every session is listed again.
    run(&mut app, &mut t, [Action::OpenFilter, Action::Cancel]);
    let again = text(&draw(&app, 100, 30));
    assert!(
        again.contains("writing") && again.contains("coding"),
        "{again}"
    );
}
