//! The reminders banner and the TUI's desktop notifications, with a fake notifier:
//! each occasion told once (also across processes, through the database), a missing
//! notification service said once.

use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use super::{draw, run, text};
use crate::config::Config;
use crate::notify::Notifier;
use crate::time::Clock;
use crate::tracker::{StartRequest, Tracker};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn at(hhmm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-03-25T{hhmm}:00+01:00"))
        .unwrap()
        .to_utc()
}

fn open(db: &Path, now: &str, notify: bool) -> Tracker {
    let config = Config::parse(&format!(
        "[reminders]\nbreak_after = \"1h30m\"\nbreak_min = \"10m\"\nnotify = {notify}\n"
    ))
    .unwrap();
    Tracker::open(db, config, Clock::Fixed(at(now)), chrono_tz::Europe::Berlin).unwrap()
}

/// Records what it was asked to show, or fails like a desktop without a service.
#[derive(Clone, Default)]
struct Fake {
    told: Arc<Mutex<Vec<String>>>,
    fail: bool,
}

impl Notifier for Fake {
    fn notify(&mut self, text: &str) -> Result<(), String> {
        if self.fail {
            return Err("org.freedesktop.Notifications was not provided".into());
        }
        self.told.lock().unwrap().push(text.to_string());
        Ok(())
    }
}

fn app_with(t: &mut Tracker, fake: &Fake) -> App {
    let mut app = App::load(t, Theme::new(true)).unwrap();
    app.banner.notifier = Some(Box::new(fake.clone()));
    app
}

#[test]
fn a_due_break_shows_a_banner_and_is_notified_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let mut t = open(&db, "09:00", true);
    t.start(StartRequest::new("coding".parse().unwrap()))
        .unwrap();
    // 10:29: 1h 29m of work, no banner; the view fills the line under the tabs.
    let mut t = open(&db, "10:29", true);
    let fake = Fake::default();
    let mut app = app_with(&mut t, &fake);
    run(&mut app, &mut t, [Action::Tick]);
    assert!(app.banner.due.is_empty());
    assert!(!text(&draw(&app, 80, 24)).contains("break due"));
    // 10:31: 1h 31m since 09:00 without a 10-minute gap.
    let mut t = open(&db, "10:31", true);
    let mut app = app_with(&mut t, &fake);
    run(
        &mut app,
        &mut t,
        [Action::Tick, Action::Tick, Action::Reload],
    );
    let screen = text(&draw(&app, 80, 24));
    let line = screen.lines().nth(1).unwrap();
    assert_eq!(
        line.trim_end(),
        " ⚑ break due: 1h 31m of work since 09:00 without a 10m break"
    );
    assert_eq!(
        *fake.told.lock().unwrap(),
        ["break due: 1h 31m of work since 09:00 without a 10m break"]
    );
    // Another TUI (or `otium notify`) a minute later: the banner, but no second
    // notification.
    let mut t = open(&db, "10:32", true);
    let mut app = app_with(&mut t, &fake);
    run(&mut app, &mut t, [Action::Tick]);
    assert_eq!(app.banner.due.len(), 1);
    assert_eq!(fake.told.lock().unwrap().len(), 1);
    // Stopping the session takes the banner away at the next reload.
    t.stop(None).unwrap();
    run(&mut app, &mut t, [Action::Reload]);
    assert!(app.banner.due.is_empty());
    assert!(!text(&draw(&app, 80, 24)).contains("break due"));
}

#[test]
fn without_notify_nothing_is_sent_and_a_missing_service_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let mut t = open(&db, "09:00", false);
    t.start(StartRequest::new("coding".parse().unwrap()))
        .unwrap();
    // notify = false: the banner only; the occasion stays for `otium notify` to tell.
    let mut t = open(&db, "10:31", false);
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(&mut app, &mut t, [Action::Tick]);
    assert_eq!(app.banner.due.len(), 1);
    assert_eq!(t.take_new_reminders().unwrap().len(), 1);
    // A failing service (on a new day's database): said once in the status line, and
    // never by the next TUI.
    let db = dir.path().join("other.db");
    let mut t = open(&db, "09:00", true);
    t.start(StartRequest::new("coding".parse().unwrap()))
        .unwrap();
    let mut t = open(&db, "12:10", true);
    let failing = Fake {
        fail: true,
        ..Fake::default()
    };
    let mut app = app_with(&mut t, &failing);
    run(&mut app, &mut t, [Action::Tick]);
    let status = app.status.clone().unwrap().text;
    assert!(
        status.starts_with("no desktop notification could be shown (org.freedesktop"),
        "{status}"
    );
    assert!(status.contains("shown in the banner"), "{status}");
    let mut t = open(&db, "12:11", true);
    let mut app = app_with(&mut t, &failing);
    run(&mut app, &mut t, [Action::Tick]);
    assert!(app.status.is_none());
    assert_eq!(app.banner.due.len(), 1);
}

#[test]
fn nothing_running_on_a_workday_says_the_key_that_starts_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::parse("[reminders]\nnothing_running = \"09:30\"\n").unwrap();
    // Wednesday 10:00, a workday (no targets: Monday to Friday), nothing tracked yet.
    let mut t = Tracker::open(
        &dir.path().join("o.db"),
        config,
        Clock::Fixed(at("10:00")),
        chrono_tz::Europe::Berlin,
    )
    .unwrap();
    let mut app = App::load(&t, Theme::new(true)).unwrap();
    run(&mut app, &mut t, [Action::Tick]);
    let screen = text(&draw(&app, 80, 24));
    assert_eq!(
        screen.lines().nth(1).unwrap().trim_end(),
        " ⚑ nothing is being tracked since 09:30 on a workday; s starts one"
    );
    // Starting a session takes the banner away at once.
    run(&mut app, &mut t, [Action::Reload]);
    t.start(StartRequest::new("coding".parse().unwrap()))
        .unwrap();
    run(&mut app, &mut t, [Action::Reload]);
    assert!(app.banner.due.is_empty());
}
