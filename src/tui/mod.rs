//! The TUI: `otium` with no verb. One thread, no async: a local SQLite file answers
//! in milliseconds. The loop redraws only when something changed, waits for keys
//! with a timeout up to the next second, and on each tick reads `PRAGMA
//! data_version` to pick up writes from other processes. No SQL lives here.

pub mod action;
pub mod app;
pub mod data;
pub mod form;
mod hint;
pub mod keymap;
pub mod theme;
mod undo;
pub mod views;

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
    let mut terminal = ratatui::try_init().map_err(|e| io_error(&e))?;
    let result = event_loop(&mut terminal, &mut app, tracker);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    tracker: &mut Tracker,
) -> Result<()> {
    let mut next_tick = Instant::now() + Duration::from_secs(1);
    while !app.quit {
        if app.take_dirty() {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(|e| io_error(&e))?;
        }
        let timeout = next_tick.saturating_duration_since(Instant::now());
        let mut action = if event::poll(timeout).map_err(|e| io_error(&e))? {
            match event::read().map_err(|e| io_error(&e))? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.on_key(key),
                Event::Resize(..) => Some(action::Action::Reload),
                _ => None,
            }
        } else {
            next_tick = Instant::now() + Duration::from_secs(1);
            Some(action::Action::Tick)
        };
        while let Some(a) = action {
            action = app.update(a, tracker);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
