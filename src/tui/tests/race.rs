//! The window between reading `PRAGMA data_version` and loading the snapshot: a
//! write by another process that lands there must still reach the screen by the
//! next tick. `App::load` and `App::reload` call [`between_version_and_load`] at
//! that point; a test sets what happens there with [`in_the_gap`].

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use super::{draw, now, run, text};
use crate::config::Config;
use crate::model::NewSession;
use crate::time::Clock;
use crate::tracker::{StartRequest, Tracker};
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::theme::Theme;

thread_local! {
    // Per thread, so tests running in parallel never see each other's hook.
    static GAP: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(None);
}

/// Runs (once) what the current test put in the gap; nothing otherwise.
pub(in crate::tui) fn between_version_and_load() {
    if let Some(f) = GAP.with(|g| g.borrow_mut().take()) {
        f();
    }
}

/// Makes the next load or reload on this thread run `f` between its two reads.
fn in_the_gap(f: impl FnOnce() + 'static) {
    GAP.with(|g| *g.borrow_mut() = Some(Box::new(f)));
}

fn open(db: &Path) -> Tracker {
    Tracker::open(
        db,
        Config::default(),
        Clock::Fixed(now()),
        chrono_tz::Europe::Berlin,
    )
    .unwrap()
}

/// Another process (its own connection to the same file) starts `project` and commits.
fn other_process_starts(db: PathBuf, project: &'static str) -> impl FnOnce() + 'static {
    move || {
        open(&db)
            .start(StartRequest {
                project: project.into(),
                tags: Vec::new(),
                note: None,
                at: None,
            })
            .unwrap();
    }
}

/// Another process adds a finished hour of `project`, ending an hour before now.
fn other_process_adds(db: PathBuf, project: &'static str) -> impl FnOnce() + 'static {
    move || {
        let end = now() - chrono::Duration::hours(1);
        open(&db)
            .add(NewSession {
                project: project.into(),
                tags: Vec::new(),
                note: None,
                start: end - chrono::Duration::hours(1),
                end: Some(end),
                zone: chrono_tz::Europe::Berlin,
            })
            .unwrap();
    }
}

/// After a load or reload with a foreign commit in the gap: the next tick notices the
/// change, and once its follow-up has run (as the event loop runs it), `view` shows
/// `expected`.
fn assert_next_tick_shows(app: &mut App, tui_side: &mut Tracker, view: View, expected: &str) {
    app.view = view;
    let next = app.update(Action::Tick, tui_side);
    assert_eq!(
        next,
        Some(Action::Reload),
        "the tick missed the write that landed while loading"
    );
    run(app, tui_side, next);
    let screen = text(&draw(app, 80, 24));
    assert!(screen.contains(expected), "{screen}");
}

#[test]
fn a_write_while_loading_shows_on_the_next_tick() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let mut tui_side = open(&db);
    in_the_gap(other_process_starts(db.clone(), "elsewhere"));
    let mut app = App::load(&tui_side, Theme::new(false)).unwrap();
    assert_next_tick_shows(&mut app, &mut tui_side, View::Dashboard, "▶ elsewhere");
}

#[test]
fn a_write_while_reloading_shows_on_the_next_tick() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let mut tui_side = open(&db);
    let mut app = App::load(&tui_side, Theme::new(false)).unwrap();
    in_the_gap(other_process_adds(db.clone(), "meanwhile"));
    app.reload(&tui_side).unwrap();
    assert_next_tick_shows(&mut app, &mut tui_side, View::Sessions, "meanwhile");
}
