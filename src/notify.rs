//! Desktop notifications for reminders, shared by `otium notify` and the TUI: each
//! new reminder is taken (marked as told in the database, so no process says it
//! twice) and passed to a [`Notifier`]. When no notification service answers, that is
//! said once (also remembered in the database) and the reminders are still shown.
//!
//! [`Desktop`] goes through `notify-rust` (the freedesktop D-Bus protocol via the
//! pure-Rust `zbus`, so no C library is needed to build).

use crate::error::Result;
use crate::tracker::Tracker;
use crate::tracker::reminders::Reminder;

/// Something that shows a reminder to the user outside the terminal.
pub trait Notifier {
    /// Shows `text`; an `Err` says why no notification could be shown.
    fn notify(&mut self, text: &str) -> std::result::Result<(), String>;
}

/// The desktop's notification service.
pub struct Desktop;

impl Notifier for Desktop {
    fn notify(&mut self, text: &str) -> std::result::Result<(), String> {
        notify_rust::Notification::new()
            .appname("otium")
            .summary("otium")
            .body(text)
            .show()
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

/// What one check sent.
#[derive(Debug, Default)]
pub struct Sent {
    /// The new reminders, each told once.
    pub reminders: Vec<Reminder>,
    /// Set the first time the notifier failed (never again after that).
    pub note: Option<String>,
}

/// Takes the new reminders and passes each to `notifier` (when given).
pub fn send(tracker: &mut Tracker, notifier: Option<&mut dyn Notifier>) -> Result<Sent> {
    let reminders = tracker.take_new_reminders()?;
    let mut note = None;
    if let Some(notifier) = notifier {
        for r in &reminders {
            if let Err(why) = notifier.notify(&r.message) {
                if tracker.note_once("no-notification-service")? {
                    note = Some(format!(
                        "no desktop notification could be shown ({why}); reminders are printed instead (said once)"
                    ));
                }
                break;
            }
        }
    }
    Ok(Sent { reminders, note })
}
