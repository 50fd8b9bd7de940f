//! `otium notify`: checks the reminders once and tells each new one once, for cron or
//! a systemd timer (people who do not keep the TUI open). What was told is kept in the
//! database, so running it every minute never repeats itself. Each reminder is printed;
//! with `notify = true` in `[reminders]` it is also sent as a desktop notification.
//!
//! Desktop notifications go through `notify-rust` (the freedesktop D-Bus protocol via
//! the pure-Rust `zbus`, so no C library is needed to build). When no notification
//! service answers, that is said once (remembered in the database) and the reminders
//! are still printed: a missing service is not an error.

use super::Ctx;
use crate::error::Result;

pub use crate::notify::{Desktop, Notifier, send};

/// `otium notify`.
pub fn run(ctx: &mut Ctx) -> Result<()> {
    let desktop = ctx.tracker.config().reminders.notify;
    let mut notifier = Desktop;
    let sent = send(
        &mut ctx.tracker,
        desktop.then_some(&mut notifier as &mut dyn Notifier),
    )?;
    if let Some(note) = &sent.note {
        ctx.out.note(note);
    }
    for r in &sent.reminders {
        let line = crate::i18n::t(ctx.lang, "status-reminder", &[("text", &r.message)]);
        ctx.out.line(line);
    }
    ctx.out.value(|| &sent.reminders);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::time::Clock;
    use crate::tracker::Tracker;

    struct Fake {
        told: Vec<String>,
        fail: bool,
    }

    impl Notifier for Fake {
        fn notify(&mut self, text: &str) -> std::result::Result<(), String> {
            if self.fail {
                return Err("no service".into());
            }
            self.told.push(text.to_string());
            Ok(())
        }
    }

    fn tracker(dir: &std::path::Path, now: &str) -> Tracker {
        let config =
            Config::parse("[reminders]\nbreak_after = \"1h30m\"\nbreak_min = \"10m\"\n").unwrap();
        let now = chrono::DateTime::parse_from_rfc3339(now).unwrap().to_utc();
        Tracker::open(
            &dir.join("o.db"),
            config,
            Clock::Fixed(now),
            chrono_tz::Europe::Berlin,
        )
        .unwrap()
    }

    #[test]
    fn a_due_break_is_told_once_and_a_missing_service_is_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = tracker(dir.path(), "2026-03-02T09:00:00+01:00");
        t.start(crate::tracker::StartRequest::new("coding".parse().unwrap()))
            .unwrap();
        // 09:00 to 10:29: 1h 29m, no break due yet.
        let mut fake = Fake {
            told: Vec::new(),
            fail: false,
        };
        let mut t = tracker(dir.path(), "2026-03-02T10:29:00+01:00");
        assert!(send(&mut t, Some(&mut fake)).unwrap().reminders.is_empty());
        // 10:31: 1h 31m of work without a break.
        let mut t = tracker(dir.path(), "2026-03-02T10:31:00+01:00");
        let sent = send(&mut t, Some(&mut fake)).unwrap();
        assert_eq!(
            fake.told,
            ["break due: 1h 31m of work since 09:00 without a 10m break"]
        );
        assert_eq!(sent.reminders.len(), 1);
        // Another process a minute later: nothing new to say.
        let mut t = tracker(dir.path(), "2026-03-02T10:32:00+01:00");
        assert!(send(&mut t, Some(&mut fake)).unwrap().reminders.is_empty());
        assert_eq!(fake.told.len(), 1);
        // A 10-minute break (stop 10:40, start 10:50) starts a new stretch; 1h 30m into
        // it (12:20) the next break is due, and a failing service is noted once only.
        let mut t = tracker(dir.path(), "2026-03-02T10:40:00+01:00");
        t.stop(None).unwrap();
        let mut t = tracker(dir.path(), "2026-03-02T10:50:00+01:00");
        t.start(crate::tracker::StartRequest::new("coding".parse().unwrap()))
            .unwrap();
        let mut failing = Fake {
            told: Vec::new(),
            fail: true,
        };
        let mut t = tracker(dir.path(), "2026-03-02T12:19:00+01:00");
        assert!(
            send(&mut t, Some(&mut failing))
                .unwrap()
                .reminders
                .is_empty()
        );
        let mut t = tracker(dir.path(), "2026-03-02T12:20:00+01:00");
        let sent = send(&mut t, Some(&mut failing)).unwrap();
        assert_eq!(
            sent.reminders[0].message,
            "break due: 1h 30m of work since 10:50 without a 10m break"
        );
        assert!(sent.note.unwrap().contains("no service"));
        // The next occasion (a break 12:30–12:45, then 1h 30m more) fails quietly.
        let mut t = tracker(dir.path(), "2026-03-02T12:30:00+01:00");
        t.stop(None).unwrap();
        let mut t = tracker(dir.path(), "2026-03-02T12:45:00+01:00");
        t.start(crate::tracker::StartRequest::new("coding".parse().unwrap()))
            .unwrap();
        let mut t = tracker(dir.path(), "2026-03-02T14:15:00+01:00");
        let sent = send(&mut t, Some(&mut failing)).unwrap();
        assert_eq!(sent.reminders.len(), 1);
        assert!(sent.note.is_none());
    }
}
