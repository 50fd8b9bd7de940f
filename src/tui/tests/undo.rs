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

#[test]
fn undo_of_a_delete_whose_slot_another_process_filled_is_refused_and_kept() {
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
    let before = std::fs::read(&db).unwrap();

    run(&mut app, &mut tui, [Action::Undo]);
    let status = app.status.as_ref().unwrap();
    assert!(status.error, "{}", status.text);
    assert_eq!(
        status.text,
        format!(
            "session {0} cannot come back: it would overlap session {1} (meeting, 2026-03-25 08:30–09:30 Europe/Berlin), which holds that time now; edit or delete session {1} first, then undo again",
            deleted.id, filler.id
        )
    );
    // Nothing changed: the other process's session stands, the deleted one is gone.
    assert_eq!(other.session(filler.id).unwrap(), filler);
    assert!(other.session(deleted.id).is_err());
    assert_eq!(std::fs::read(&db).unwrap(), before);

    // Once the other process removes its session, the same undo succeeds.
    other.remove(filler.id).unwrap();
    run(&mut app, &mut tui, [Action::Undo]);
    let status = app.status.as_ref().unwrap();
    assert!(!status.error, "{}", status.text);
    assert_eq!(other.session(deleted.id).unwrap(), deleted);
}
