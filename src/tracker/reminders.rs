//! Reminders (`[reminders]` in the config): a break is due after `break_after` of work
//! without a gap of at least `break_min`; under `limits = "eu"` a rest break is due once
//! the working day is longer than six hours (Directive 2003/88/EC art. 4); the day's
//! limit `day_limit_hours`; and from `nothing_running` on a workday, that nothing is
//! being tracked. `otium status` and the TUI show them; `otium notify` sends each one
//! once, remembering in the database what it already said.

use chrono::{DateTime, Datelike, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use super::Tracker;
use crate::config::{LimitsConfig, Reminders};
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::Session;
use crate::store::reminders;
use crate::time::{self, calendar, range::Span};

/// The EU rule: a rest break when the working day is longer than six hours.
const EU_DAY_SECONDS: i64 = 6 * 3600;
/// The shortest break without a `break_min`: 10 minutes, or 15 under the EU preset
/// (the directive leaves the length to national law; 15 minutes is the shortest block
/// the member states' laws count, e.g. Germany's ArbZG § 4).
const DEFAULT_BREAK_MIN: i64 = 600;
const EU_BREAK_MIN: i64 = 900;

/// One reminder that is due now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// `break`, `eu_break`, `day_limit` or `nothing_running`.
    pub kind: &'static str,
    /// What it is about, so that the same occasion is told once (`otium notify`).
    #[serde(skip)]
    pub key: String,
    /// What to tell the user, in English (as `--json` and `status --format` give it).
    pub message: String,
    /// The message's catalogue key and arguments, for [`Reminder::message_in`].
    #[serde(skip)]
    said: Said,
}

/// A reminder's catalogue key and arguments; lengths stay seconds until the
/// language that says them is known.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Said {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Seconds(i64),
}

impl Reminder {
    /// What to tell the user, in `lang` (the English is [`Reminder::message`]).
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.message.clone();
        }
        self.said.render(lang)
    }
}

impl Said {
    fn render(&self, lang: Lang) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => text.clone(),
                    Arg::Seconds(seconds) => crate::i18n::duration(lang, *seconds),
                };
                (*name, value)
            })
            .collect();
        let args: Vec<(&str, &dyn std::fmt::Display)> = values
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        crate::i18n::t(lang, self.key, &args)
    }
}

/// A reminder of `kind` about `key`, said by the catalogue's `message` with `args`;
/// its English [`Reminder::message`] comes from the same catalogue.
fn reminder(
    kind: &'static str,
    key: String,
    message: &'static str,
    args: Vec<(&'static str, Arg)>,
) -> Reminder {
    let said = Said { key: message, args };
    Reminder {
        kind,
        key,
        message: said.render(Lang::En),
        said,
    }
}

/// Which reminders are due at `now`, from the sessions of the last two local days
/// (oldest first; none overlap).
#[must_use]
pub fn due(
    sessions: &[Session],
    now: DateTime<Utc>,
    zone: Tz,
    config: &Reminders,
    eu: bool,
    workday: bool,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    let break_min = config
        .break_min
        .map_or(if eu { EU_BREAK_MIN } else { DEFAULT_BREAK_MIN }, |s| s.0);
    let running = sessions.last().filter(|s| s.is_running());
    let today = time::local_date(zone, now);
    let day = Span::days(zone, today, today);
    let day_start = day.from.unwrap_or(now);
    let day_end = day.to.map_or(now, |t| t.min(now));
    if let (Some(after), Some(running)) = (config.break_after, running) {
        let since = stretch_start(sessions, now, break_min);
        let worked = now.timestamp() - since.timestamp();
        if worked >= after.0 {
            out.push(reminder(
                "break",
                format!("break:{}:{}", running.uuid, since.timestamp()),
                "capture-reminder-break",
                vec![
                    ("worked", Arg::Seconds(worked)),
                    ("since", Arg::Text(time::hhmm_in(zone, since))),
                    ("pause", Arg::Seconds(break_min)),
                ],
            ));
        }
    }
    let worked_today: i64 = sessions
        .iter()
        .map(|s| clipped(s, day_start, day_end))
        .sum();
    if eu
        && running.is_some()
        && worked_today > EU_DAY_SECONDS
        && !took_break(sessions, day_start, now, break_min)
    {
        out.push(reminder(
            "eu_break",
            format!("eu_break:{today}"),
            "capture-reminder-eu-break",
            vec![
                ("worked", Arg::Seconds(worked_today)),
                ("pause", Arg::Seconds(break_min)),
            ],
        ));
    }
    if let Some(limit) = config.day_limit_hours
        && worked_today as f64 >= limit * 3600.0
    {
        out.push(reminder(
            "day_limit",
            format!("day_limit:{today}"),
            "capture-reminder-day-limit",
            vec![
                ("worked", Arg::Seconds(worked_today)),
                ("limit", Arg::Text(limit.to_string())),
            ],
        ));
    }
    if let Some(from) = config.nothing_running
        && workday
        && running.is_none()
    {
        let from_instant = time::resolve_local(zone, today.and_time(from.0)).instant;
        let last_end = sessions.iter().filter_map(|s| s.end).max();
        if now >= from_instant {
            // Said once per quiet stretch: a new session and a new stop make a new one.
            let quiet_since = last_end
                .filter(|e| *e > from_instant)
                .unwrap_or(from_instant);
            out.push(reminder(
                "nothing_running",
                format!("nothing_running:{today}:{}", quiet_since.timestamp()),
                "capture-reminder-nothing-running",
                vec![("since", Arg::Text(time::hhmm_in(zone, quiet_since)))],
            ));
        }
    }
    out
}

/// Where the stretch of work that reaches `now` began: walking back from the running
/// session, sessions whose gap is shorter than `break_min` belong to it.
fn stretch_start(sessions: &[Session], now: DateTime<Utc>, break_min: i64) -> DateTime<Utc> {
    let mut since = now;
    for s in sessions.iter().rev() {
        let end = s.end.unwrap_or(now);
        if (since - end).num_seconds() >= break_min {
            break;
        }
        since = since.min(s.start);
    }
    since
}

/// Whether a gap of at least `break_min` lies between `from` (the day's start) and
/// `now`, counting only gaps after the day's first session.
fn took_break(
    sessions: &[Session],
    from: DateTime<Utc>,
    now: DateTime<Utc>,
    break_min: i64,
) -> bool {
    let today: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.end.is_none_or(|e| e > from))
        .collect();
    today.windows(2).any(|w| {
        let end = w[0].end.unwrap_or(now);
        (w[1].start - end).num_seconds() >= break_min
    })
}

/// The seconds of `s` inside `[from, to)`.
fn clipped(s: &Session, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let start = s.start.max(from);
    let end = s.end.unwrap_or(to).min(to);
    (end - start).num_seconds().max(0)
}

impl Tracker {
    /// The reminders due now (none unless `[reminders]` or `limits = "eu"` asks).
    pub fn reminders(&self) -> Result<Vec<Reminder>> {
        let (now, zone) = (self.now(), self.zone());
        let config = &self.config().reminders;
        let eu = matches!(self.config().limits, LimitsConfig::Eu);
        if config.break_after.is_none()
            && config.day_limit_hours.is_none()
            && config.nothing_running.is_none()
            && !eu
        {
            return Ok(Vec::new());
        }
        let today = time::local_date(zone, now);
        let span = Span::days(zone, calendar::sub_days(today, 1), today);
        let sessions = self.sessions(span)?;
        Ok(due(
            &sessions,
            now,
            zone,
            config,
            eu,
            self.is_workday(today),
        ))
    }

    /// The due reminders not told before, marked as told in the same transaction:
    /// what `otium notify` sends (each occasion once, across processes).
    pub fn take_new_reminders(&mut self) -> Result<Vec<Reminder>> {
        let due = self.reminders()?;
        let now = self.now();
        self.store.write(|tx| {
            let mut new = Vec::new();
            for r in due {
                if reminders::mark_sent(tx, &r.key, now)? {
                    new.push(r);
                }
            }
            Ok(new)
        })
    }

    /// Records that the one-time note `key` was given; false if it had been already.
    pub fn note_once(&mut self, key: &str) -> Result<bool> {
        let now = self.now();
        self.store
            .write(|tx| reminders::mark_sent(tx, &format!("note:{key}"), now))
    }

    /// A workday: one with a target above zero when targets are set, else Monday to Friday.
    fn is_workday(&self, day: chrono::NaiveDate) -> bool {
        let c = self.config();
        match c.targets.get(day.weekday()) {
            Some(hours) => hours > 0.0,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }
}
