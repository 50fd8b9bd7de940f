//! The TUI: `otium` with no verb. One thread, no async: a local SQLite file answers
//! in milliseconds. The loop redraws only when something changed, waits for keys
//! with a timeout up to the next second, and on each tick reads `PRAGMA
//! data_version` to pick up writes from other processes. No SQL lives here.
//!
//! A hang-up (the terminal window closed), `SIGTERM`, `SIGINT` or `SIGQUIT` ends the
//! loop like `q` does, instead of killing the process where it stands: `run` then
//! returns normally, so the caller's clean-up runs (`--demo` removes its throw-away
//! database). The flags come from `signal-hook`, which crossterm already uses.

pub mod action;
pub mod app;
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
pub mod theme;
mod undo;
pub mod views;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::error::{Error, ErrorKind, Result};
use crate::tracker::Tracker;
use app::App;

fn io_error(e: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("terminal error: {e}"))
}

/// Refuses to start without a terminal (piped, cron), before anything is opened or
/// created, so `otium < /dev/null` leaves no database behind.
pub fn require_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::new(
            ErrorKind::Io,
            "the TUI needs a terminal; run it in one, or use a verb such as `otium status` (see `otium --help`)",
        ));
    }
    Ok(())
}

/// Runs the TUI until the user quits. The terminal is restored on quit, on error,
/// and on panic (ratatui's hook).
pub fn run(tracker: &mut Tracker) -> Result<()> {
    require_terminal()?;
    let mut app = App::load(tracker, theme::Theme::from_env())?;
    if let Some(upgrade) = tracker.upgraded() {
        app.info(upgrade.note());
    }
    let stop = Arc::new(AtomicBool::new(false));
    let handlers = watch_signals(&stop)?;
    let result = ratatui::try_init()
        .map_err(|e| io_error(&e))
        .and_then(|mut terminal| {
            let result = event_loop(&mut terminal, &mut app, tracker, &stop);
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
) -> Result<()> {
    let mut next_tick = Instant::now() + Duration::from_secs(1);
    while !app.quit && !stop.load(Ordering::SeqCst) {
        if app.take_dirty() {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(|e| io_error(&e))?;
        }
        // A signal does not wake the poll: waking four times a second bounds how long
        // a hang-up waits for the clean-up, and costs nothing measurable.
        let timeout = next_tick
            .saturating_duration_since(Instant::now())
            .min(Duration::from_millis(250));
        let mut action = if event::poll(timeout).map_err(|e| io_error(&e))? {
            match event::read().map_err(|e| io_error(&e))? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.on_key(key),
                Event::Resize(..) => Some(action::Action::Reload),
                _ => None,
            }
        } else if Instant::now() >= next_tick {
            next_tick = Instant::now() + Duration::from_secs(1);
            Some(action::Action::Tick)
        } else {
            None
        };
        while let Some(a) = action {
            action = app.update(a, tracker);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
