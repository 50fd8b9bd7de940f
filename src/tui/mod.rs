//! The TUI: `otium` with no verb. One thread, no async: a local SQLite file answers
//! in milliseconds. The loop redraws only when something changed, waits for keys
//! with a timeout up to the next second, and on each tick reads `PRAGMA
//! data_version` to pick up writes from other processes. No SQL lives here. Its
//! wall and monotonic clocks come from a [`Moments`] source (the tracker's clock in
//! use, fakes in tests) so that away time (`away.rs`) can be tested with jumps.
//!
//! A hang-up (the terminal window closed), `SIGTERM`, `SIGINT` or `SIGQUIT` ends the
//! loop like `q` does, instead of killing the process where it stands: `run` then
//! returns normally, so the caller's clean-up runs (`--demo` removes its throw-away
//! database). The flags come from `signal-hook`, which crossterm already uses.

pub mod action;
pub mod app;
pub mod away;
pub mod banner;
pub mod calendar;
mod choices;
pub mod data;
mod edit;
pub mod fmt;
pub mod form;
mod hint;
pub mod keymap;
mod send;
mod status;
pub mod sync;
pub mod theme;
mod undo;
pub mod views;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::error::{Error, ErrorKind, Result};
use crate::time::moment::{Moment, Moments};
use crate::tracker::Tracker;
use app::App;

fn io_error(e: &std::io::Error) -> Error {
    Error::keyed(
        ErrorKind::Io,
        "tui-terminal-error",
        vec![("error", e.to_string())],
    )
}

/// Refuses to start without a terminal (piped, cron), before anything is opened or
/// created, so `otium < /dev/null` leaves no database behind.
pub fn require_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::keyed(
            ErrorKind::Io,
            "tui-needs-terminal",
            Vec::new(),
        ));
    }
    Ok(())
}

/// Runs the TUI until the user quits. The terminal is restored on quit, on error,
/// and on panic (ratatui's hook).
pub fn run(tracker: &mut Tracker, lang: crate::i18n::Lang) -> Result<()> {
    require_terminal()?;
    let mut app = App::load_in(tracker, theme::Theme::from_env(), lang)?;
    if let Some(upgrade) = tracker.upgraded() {
        app.info(upgrade.note());
    }
    if tracker.config().reminders.notify {
        app.banner.notifier = Some(Box::new(crate::notify::Desktop));
    }
    // Away time left unanswered last time is asked about at once.
    app.ask_away(tracker)?;
    let stop = Arc::new(AtomicBool::new(false));
    let handlers = watch_signals(&stop)?;
    let result = ratatui::try_init()
        .map_err(|e| io_error(&e))
        .and_then(|mut terminal| {
            let clock = tracker.clock();
            let result = event_loop(&mut terminal, &mut app, tracker, &stop, &clock);
            ratatui::restore();
            result
        });
    for id in handlers {
        signal_hook::low_level::unregister(id);
    }
    // After a hang-up the terminal is gone and reading it fails: that is the end
    // the signal asked for, not an error to report.
    if stop.load(Ordering::SeqCst) {
        return Ok(());
    }
    result
}

/// Sets `stop` on a hang-up, `SIGTERM`, `SIGINT` or `SIGQUIT` (instead of the
/// default of dying on the spot); the ids undo it.
fn watch_signals(stop: &Arc<AtomicBool>) -> Result<Vec<signal_hook::SigId>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    [SIGHUP, SIGTERM, SIGINT, SIGQUIT]
        .into_iter()
        .map(|signal| {
            signal_hook::flag::register(signal, Arc::clone(stop)).map_err(|e| io_error(&e))
        })
        .collect()
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    tracker: &mut Tracker,
    stop: &AtomicBool,
    clock: &dyn Moments,
) -> Result<()> {
    let mut watch = away::Watch::new(tracker.config().away_after_minutes, clock.moment());
    let mut next_tick = clock.moment().mono + Duration::from_secs(1);
    while !app.quit && !stop.load(Ordering::SeqCst) {
        if app.take_dirty() {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(|e| io_error(&e))?;
        }
        // A signal does not wake the poll: waking four times a second bounds how long
        // a hang-up waits for the clean-up, and costs nothing measurable.
        let timeout = next_tick
            .saturating_duration_since(clock.moment().mono)
            .min(Duration::from_millis(250));
        let event = if event::poll(timeout).map_err(|e| io_error(&e))? {
            Some(event::read().map_err(|e| io_error(&e))?)
        } else {
            None
        };
        let now = clock.moment();
        let tick = event.is_none() && now.mono >= next_tick;
        if tick {
            next_tick = now.mono + Duration::from_secs(1);
        }
        step(app, tracker, &mut watch, now, event, tick);
    }
    Ok(())
}

/// One turn of the event loop after the wait, without the terminal (tests drive it
/// with clocks that jump): a key (which, after an absence, brings the away question
/// instead of acting), a resize, or a tick (when the watch also looks for a sleep).
pub fn step(
    app: &mut App,
    tracker: &mut Tracker,
    watch: &mut away::Watch,
    now: Moment,
    event: Option<Event>,
    tick: bool,
) {
    let mut action = match event {
        Some(Event::Key(key)) if key.kind == KeyEventKind::Press => {
            let asked = watch
                .input(now)
                .map(|(from, to)| app.away_seen(from, to, tracker));
            match asked {
                // The key that brings the user back only wakes the screen.
                Some(Ok(true)) => None,
                Some(Err(e)) => {
                    app.show_error(&e);
                    None
                }
                _ => app.on_key(key),
            }
        }
        Some(Event::Resize(..)) => Some(action::Action::Reload),
        None if tick => {
            if let Some((from, to)) = watch.tick(now)
                && let Err(e) = app.away_seen(from, to, tracker)
            {
                app.show_error(&e);
            }
            Some(action::Action::Tick)
        }
        _ => None,
    };
    while let Some(a) = action {
        action = app.update(a, tracker);
    }
}

#[cfg(test)]
mod tests;
