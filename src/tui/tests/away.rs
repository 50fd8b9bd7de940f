//! Away time through the event loop's `step`, with a fake pair of clocks that the
//! tests jump: a sleep (wall clock ahead of the monotonic one) and idle input (no key
//! for `away_after_minutes`), each answer checked on the sessions it leaves.

use std::cell::Cell;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};

use super::{draw, text};
use crate::time::Clock;
use crate::time::moment::{Moment, Moments};
use crate::tracker::{StartRequest, Tracker};
use crate::tui::app::App;
use crate::tui::away::Watch;
use crate::tui::step;
use crate::tui::theme::Theme;

/// 2026-03-25 in Berlin (+01:00) at `hhmm`.
fn at(hhmm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-03-25T{hhmm}:00+01:00"))
        .unwrap()
        .to_utc()
}

/// Two clocks the test moves by hand.
struct FakeClocks {
    wall: Cell<DateTime<Utc>>,
    mono: Cell<Instant>,
}

impl FakeClocks {
    fn new(wall: &str) -> Self {
        FakeClocks {
            wall: Cell::new(at(wall)),
            mono: Cell::new(Instant::now()),
        }
    }
    /// Time passes awake: both clocks move by `seconds`.
    fn pass(&self, seconds: u64) {
        self.mono
            .set(self.mono.get() + Duration::from_secs(seconds));
        self.wall
            .set(self.wall.get() + chrono::Duration::seconds(seconds as i64));
    }
    /// The machine sleeps until `wall`: the monotonic clock moves one second only.
    fn sleep_until(&self, wall: &str) {
        self.mono.set(self.mono.get() + Duration::from_secs(1));
        self.wall.set(at(wall));
    }
}

impl Moments for FakeClocks {
    fn moment(&self) -> Moment {
        Moment {
            wall: self.wall.get(),
            mono: self.mono.get(),
        }
    }
}

/// A tracker whose clock reads `back` (when the user returns), with `coding`
/// running since `since`; the app, and a watch set to 15 minutes at `watch_from`.
fn setup(back: &str, since: &str, watch_from: &str) -> (Tracker, App, Watch, FakeClocks) {
    let mut t = Tracker::in_memory(Clock::Fixed(at(back)), chrono_tz::Europe::Berlin).unwrap();
    let mut request = StartRequest::new("coding".parse().unwrap());
    request.at = Some(at(since));
    t.start(request).unwrap();
    let app = App::load(&t, Theme::new(true)).unwrap();
    let clocks = FakeClocks::new(watch_from);
    let watch = Watch::new(15, clocks.moment());
    (t, app, watch, clocks)
}

fn tick(app: &mut App, t: &mut Tracker, w: &mut Watch, c: &FakeClocks) {
    step(app, t, w, c.moment(), None, true);
}

fn key(app: &mut App, t: &mut Tracker, w: &mut Watch, c: &FakeClocks, ch: char) {
    let event = Event::Key(KeyEvent::from(KeyCode::Char(ch)));
    step(app, t, w, c.moment(), Some(event), false);
}

/// The sessions as (start, end) in local `HH:MM`, oldest first.
fn spans(t: &Tracker) -> Vec<(String, Option<String>)> {
    let zone = chrono_tz::Europe::Berlin;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 25).unwrap();
    let span = crate::time::range::Span::days(zone, day, day);
    t.sessions(span)
        .unwrap()
        .iter()
        .map(|s| {
            (
                crate::time::hhmm_in(zone, s.start),
                s.end.map(|e| crate::time::hhmm_in(zone, e)),
            )
        })
        .collect()
}

fn pair(a: &str, b: Option<&str>) -> (String, Option<String>) {
    (a.to_string(), b.map(str::to_string))
}

#[test]
fn a_sleep_asks_and_cut_splits_the_session_and_u_undoes_it() {
    let (mut t, mut app, mut w, c) = setup("15:22", "13:30", "14:00");
    // Two awake minutes of ticks, then the lid closes at 14:02 and opens at 15:22.
    for _ in 0..120 {
        c.pass(1);
        tick(&mut app, &mut t, &mut w, &c);
    }
    assert!(app.away.is_none());
    c.sleep_until("15:22");
    tick(&mut app, &mut t, &mut w, &c);
    let gap = app.away.clone().expect("the question after the sleep");
    assert_eq!((gap.from, gap.to), (at("14:02"), at("15:22")));
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("You were away 14:02–15:22 (1h 20m). Keep it,"),
        "{screen}"
    );
    assert!(
        screen.contains("k keep · c cut it out · s stop"),
        "{screen}"
    );
    // The question has the keyboard: `q` does not quit.
    key(&mut app, &mut t, &mut w, &c, 'q');
    assert!(!app.quit && app.away.is_some());
    key(&mut app, &mut t, &mut w, &c, 'c');
    assert!(app.away.is_none());
    // By hand: 13:30–14:02 (32 minutes), then from 15:22 on, running.
    assert_eq!(
        spans(&t),
        [pair("13:30", Some("14:02")), pair("15:22", None)]
    );
    assert!(t.open_away().unwrap().is_empty());
    key(&mut app, &mut t, &mut w, &c, 'u');
    assert_eq!(spans(&t), [pair("13:30", None)]);
}

#[test]
fn idle_input_asks_on_the_first_key_and_stop_ends_the_session_where_it_began() {
    let (mut t, mut app, mut w, c) = setup("10:40", "09:00", "10:00");
    // Forty awake minutes without a key (ticks every second would change nothing).
    for _ in 0..40 {
        c.pass(60);
        tick(&mut app, &mut t, &mut w, &c);
    }
    assert!(app.away.is_none(), "asked only when the user is back");
    // The key that brings the user back only wakes the screen: `q` does not quit.
    key(&mut app, &mut t, &mut w, &c, 'q');
    assert!(!app.quit);
    let gap = app.away.clone().expect("the question after idling");
    assert_eq!((gap.from, gap.to), (at("10:00"), at("10:40")));
    key(&mut app, &mut t, &mut w, &c, 's');
    // By hand: one session 09:00–10:00, nothing running.
    assert_eq!(spans(&t), [pair("09:00", Some("10:00"))]);
    assert!(t.running().unwrap().is_none());
    key(&mut app, &mut t, &mut w, &c, 'u');
    assert_eq!(spans(&t), [pair("09:00", None)]);
}

#[test]
fn keep_leaves_the_session_whole_and_closes_the_question() {
    let (mut t, mut app, mut w, c) = setup("11:00", "09:00", "10:00");
    c.pass(40 * 60);
    key(&mut app, &mut t, &mut w, &c, 'x');
    assert!(app.away.is_some());
    key(&mut app, &mut t, &mut w, &c, 'k');
    assert!(app.away.is_none());
    assert_eq!(spans(&t), [pair("09:00", None)]);
    assert!(t.open_away().unwrap().is_empty());
    // Esc leaves a gap open instead, for `otium status` (and the next start) to ask.
    c.pass(20 * 60);
    key(&mut app, &mut t, &mut w, &c, 'x');
    assert!(app.away.is_some());
    step(
        &mut app,
        &mut t,
        &mut w,
        c.moment(),
        Some(Event::Key(KeyEvent::from(KeyCode::Esc))),
        false,
    );
    assert!(app.away.is_none());
    assert_eq!(t.open_away().unwrap().len(), 1);
    let mut again = App::load(&t, Theme::new(true)).unwrap();
    again.ask_away(&t).unwrap();
    assert_eq!(again.away.unwrap().from, at("10:40"));
}

#[test]
fn short_absences_no_session_and_zero_minutes_ask_nothing() {
    // Fourteen minutes without a key: below the threshold, the key acts.
    let (mut t, mut app, mut w, c) = setup("10:14", "09:00", "10:00");
    c.pass(14 * 60);
    key(&mut app, &mut t, &mut w, &c, 'q');
    assert!(app.away.is_none() && app.quit);
    // A sleep of fourteen minutes asks nothing either.
    let (mut t, mut app, mut w, c) = setup("10:14", "09:00", "10:00");
    c.sleep_until("10:14");
    tick(&mut app, &mut t, &mut w, &c);
    assert!(app.away.is_none());
    // `away_after_minutes = 0`: an hour's sleep asks nothing.
    let (mut t, mut app, _, c) = setup("11:00", "09:00", "10:00");
    let mut off = Watch::new(0, c.moment());
    c.sleep_until("11:00");
    tick(&mut app, &mut t, &mut off, &c);
    assert!(app.away.is_none());
    // A session started (from a shell) during the absence was started on purpose.
    let (mut t, mut app, mut w, c) = setup("10:40", "09:00", "10:00");
    let mut request = StartRequest::new("writing".parse().unwrap());
    request.at = Some(at("10:20"));
    t.start(request).unwrap();
    c.pass(40 * 60);
    key(&mut app, &mut t, &mut w, &c, 'x');
    assert!(app.away.is_none());
    assert!(t.open_away().unwrap().is_empty());
    // A wall clock set back an hour (no sleep) asks nothing.
    let (mut t, mut app, mut w, c) = setup("11:00", "09:00", "10:00");
    c.wall.set(at("09:00"));
    tick(&mut app, &mut t, &mut w, &c);
    assert!(app.away.is_none());
    // Nothing running: nothing to ask about.
    let (mut t, mut app, mut w, c) = setup("11:00", "09:00", "10:00");
    t.stop(Some(at("09:30"))).unwrap();
    c.sleep_until("11:00");
    tick(&mut app, &mut t, &mut w, &c);
    assert!(app.away.is_none());
}

#[test]
fn an_idle_screen_then_a_sleep_is_away_from_the_last_key() {
    // No key from 10:00; 20 idle minutes, then the machine sleeps until 11:30.
    let (mut t, mut app, mut w, c) = setup("11:30", "09:00", "10:00");
    c.pass(20 * 60);
    tick(&mut app, &mut t, &mut w, &c);
    c.sleep_until("11:30");
    tick(&mut app, &mut t, &mut w, &c);
    let gap = app.away.clone().unwrap();
    assert_eq!((gap.from, gap.to), (at("10:00"), at("11:30")));
}
