//! Undo of a delete when another process has filled the slot meanwhile: two trackers
//! on one database file, as the TUI and a CLI `add` in another terminal would be.

use std::path::Path;

use super::{now, run};
use crate::config::Config;
use crate::model::NewSession;
use crate::time::Clock;
use crate::tracker::Tracker;
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn open(db: &Path) -> Tracker {
    Tracker::open(
        db,
        Config::default(),
        Clock::Fixed(now()),
        chrono_tz::Europe::Berlin,
    )
    .unwrap()
}

/// A past session today (2026-03-25, Berlin, +01:00) from `from` to `to`, local.
fn past(project: &str, from: &str, to: &str) -> NewSession {
    let at = |t: &str| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-03-25T{t}:00+01:00"))
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    NewSession {
        project: project.parse().unwrap(),
        tags: Vec::new(),
        note: None,
        start: at(from),
        end: Some(at(to)),
        zone: chrono_tz::Europe::Berlin,
    }
}

/// The journal is shared by every process, so `u` takes back the newest change
/// wherever it was made: here the other process's session in the freed slot, which
/// the status line names; the next `u` brings the deleted session back. Undoing the
/// delete first would overlap that session; it cannot happen, as changes are undone
/// newest first (a slot filled outside the journal is refused: `tests/cli/journal.rs`).
#[test]
fn undo_of_a_delete_whose_slot_another_process_filled_takes_that_session_back_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("otium.db");
    let mut tui = open(&db);
    let mut other = open(&db);
    let deleted = tui.add(past("writing", "08:00", "09:00")).unwrap();
    let mut app = App::load(&tui, Theme::new(false)).unwrap();
    run(
        &mut app,
        &mut tui,
        [Action::Show(View::Sessions), Action::AskDelete],
    );
    run(&mut app, &mut tui, [Action::Type('y')]);
    assert!(tui.session(deleted.id).is_err(), "not deleted");
    // The other process records 08:30–09:30 into the freed time.
    let filler = other.add(past("meeting", "08:30", "09:30")).unwrap();

    run(&mut app, &mut tui, [Action::Undo]);
    let status = app.status.as_ref().unwrap();
    assert!(!status.error, "{}", status.text);
    assert!(status.text.contains("meeting"), "{}", status.text);
    assert!(
        other.session(filler.id).is_err(),
        "the newest change is undone first"
    );
    assert!(other.session(deleted.id).is_err());

    run(&mut app, &mut tui, [Action::Undo]);
    let status = app.status.as_ref().unwrap();
    assert!(!status.error, "{}", status.text);
    assert_eq!(other.session(deleted.id).unwrap(), deleted);
}
