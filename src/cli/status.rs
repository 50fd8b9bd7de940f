//! `otium status`: what runs, since when, and for how long; warnings for a timer
//! that was probably forgotten and for this week's working-time limits;
//! `--format` for shell prompts and status bars.

use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use clap::Args;
use serde::Serialize;

use super::{Ctx, format};
use crate::error::{Error, Result};
use crate::i18n::{self, Lang, t};
use crate::model::{Session, SessionJson};
use crate::time::{self, calendar};
use crate::tracker::away::AwayJson;
use crate::tracker::reminders::Reminder;

// `status [--format TEMPLATE]`.
#[derive(Debug, Args, Default)]
pub struct StatusArgs {
    /// One line from a template, for prompts and status bars. Placeholders: {project}
    /// {tags} {note} {elapsed} {elapsed_minutes} {start} {id} {break} ("break due" when
    /// one is, else empty) {reminder} (the first reminder due, else empty); {{ and }} are
    /// literal braces. Prints nothing (exit 0) when nothing runs.
    #[arg(long, value_name = "TEMPLATE")]
    pub format: Option<String>,
}

#[derive(Serialize)]
struct StatusJson {
    running: bool,
    session: Option<SessionJson>,
    /// Left out when empty, so the documented shape is unchanged when all is well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
    /// The `[reminders]` due now (left out when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reminders: Vec<Reminder>,
    /// Away time the TUI recorded in the running session, not yet answered with
    /// `otium away keep|cut|stop` (left out when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    away: Vec<AwayJson>,
}

pub fn run(ctx: &mut Ctx, args: &StatusArgs) -> Result<()> {
    if let Some(template) = &args.format {
        return run_format(ctx, template);
    }
    let (now, zone, lang) = (ctx.tracker.now(), ctx.tracker.zone(), ctx.lang);
    let running = ctx.tracker.running()?;
    let config = ctx.tracker.config();
    let (max_hours, usual_end) = (config.max_session_hours, config.usual_end.map(|t| t.0));
    let timer_warnings = |lang| {
        running
            .as_ref()
            .map(|s| forgotten_timer_in(lang, s, now, zone, max_hours, usual_end))
            .unwrap_or_default()
    };
    // JSON answers are the same in every language, so its warnings are English.
    let mut warnings = timer_warnings(Lang::En);
    let week_alerts = ctx.tracker.week_alerts()?;
    warnings.extend(week_alerts.iter().cloned());
    let reminders = ctx.tracker.reminders()?;
    let away = ctx.tracker.open_away()?;
    ctx.out.value(|| StatusJson {
        running: running.is_some(),
        session: running.as_ref().map(|s| s.to_json(now)),
        warnings: warnings.clone(),
        reminders: reminders.clone(),
        away: away.iter().map(|g| g.to_json(zone)).collect(),
    });
    if ctx.out.json {
        return Ok(());
    }
    if let Some(s) = &running {
        let label = format::label(s);
        ctx.out
            .line(t(lang, "status-running", &[("label", &label)]));
        let (when, elapsed) = (
            format::when_in(lang, zone, s.start),
            i18n::duration(lang, s.duration_seconds(now)),
        );
        ctx.out.line(t(
            lang,
            "status-since",
            &[("when", &when), ("id", &s.id), ("elapsed", &elapsed)],
        ));
    } else if let Some(last) = ctx.tracker.latest()? {
        ctx.out.line(t(lang, "status-idle", &[]));
        let end = last
            .end
            .map_or_else(String::new, |e| time::hhmm_in(zone, e));
        let (label, start) = (
            format::label(&last),
            format::when_in(lang, zone, last.start),
        );
        ctx.out.line(t(
            lang,
            "status-last",
            &[
                ("label", &label),
                ("id", &last.id),
                ("start", &start),
                ("end", &end),
            ],
        ));
    } else {
        ctx.out.line(t(lang, "status-empty", &[]));
    }
    let human_warnings = timer_warnings(lang)
        .into_iter()
        .chain(ctx.tracker.week_alerts_in(lang)?);
    for w in human_warnings {
        ctx.out.line(t(lang, "status-warning", &[("text", &w)]));
    }
    for r in &reminders {
        ctx.out
            .line(t(lang, "status-reminder", &[("text", &r.message_in(lang))]));
    }
    for g in &away {
        // With several gaps, each answer names its own.
        let id = if away.len() > 1 {
            format!(" --id {}", g.id)
        } else {
            String::new()
        };
        let span = away_span(lang, g, zone);
        let at = time::hhmm_in(zone, g.from);
        ctx.out.line(t(
            lang,
            "status-away",
            &[("span", &span), ("at", &at), ("id", &id)],
        ));
    }
    Ok(())
}

/// The away gap as "14:02–15:22 (1h 20m)" in `lang` (English as the library says it).
fn away_span(lang: Lang, gap: &crate::tracker::away::Gap, zone: Tz) -> String {
    if !lang.is_zh() {
        return gap.span_text(zone);
    }
    // As the library's: the end's date only when the gap ran past midnight.
    let to = if time::local_date(zone, gap.to) == time::local_date(zone, gap.from) {
        time::hhmm_in(zone, gap.to)
    } else {
        time::date_hhmm_in(zone, gap.to)
    };
    t(
        lang,
        "status-away-span",
        &[
            ("from", &time::hhmm_in(zone, gap.from)),
            ("to", &to),
            ("duration", &i18n::duration(lang, gap.seconds())),
        ],
    )
}

/// Warnings for a running session that is longer than `max_hours` or has run past
/// the usual end of the day, in `lang`; each suggests the `otium stop --at …` that
/// fixes it.
#[must_use]
pub fn forgotten_timer_in(
    lang: Lang,
    s: &Session,
    now: DateTime<Utc>,
    zone: Tz,
    max_hours: f64,
    usual_end: Option<NaiveTime>,
) -> Vec<String> {
    let mut warnings = Vec::new();
    let elapsed = s.duration_seconds(now);
    // The first usual end of day after the start.
    let end_of_day = usual_end.map(|end| {
        let day = time::local_date(zone, s.start);
        let first = time::resolve_local(zone, day.and_time(end)).instant;
        if first > s.start {
            first
        } else {
            let next = calendar::add_days(day, 1);
            time::resolve_local(zone, next.and_time(end)).instant
        }
    });
    let fix = match end_of_day {
        Some(e) if e < now => t(
            lang,
            "status-fix-at",
            &[("at", &time::date_hhmm_in(zone, e))],
        ),
        _ => t(lang, "status-fix-any", &[]),
    };
    if elapsed as f64 > max_hours * 3600.0 {
        let elapsed = i18n::duration(lang, elapsed);
        warnings.push(t(
            lang,
            "status-too-long",
            &[
                ("id", &s.id),
                ("elapsed", &elapsed),
                ("max", &max_hours),
                ("fix", &fix),
            ],
        ));
    }
    if let Some(e) = end_of_day
        && e < now
    {
        let end = time::date_hhmm_in(zone, e);
        warnings.push(t(
            lang,
            "status-past-end",
            &[("id", &s.id), ("end", &end), ("fix", &fix)],
        ));
    }
    warnings
}

/// `status --format`: one line from the template, or nothing when nothing runs.
fn run_format(ctx: &mut Ctx, template: &str) -> Result<()> {
    if ctx.out.json {
        return Err(Error::invalid(
            "--json and --format both say how to print; give one of them",
        ));
    }
    let Some(s) = ctx.tracker.running()? else {
        // Still check the template, so a typo shows before the first session runs.
        fill(template, |_| Some(String::new()))?;
        return Ok(());
    };
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    let elapsed = s.duration_seconds(now);
    let reminders = ctx.tracker.reminders()?;
    let line = fill(template, |name| match name {
        "project" => Some(s.project.clone()),
        "tags" => Some(
            s.tags
                .iter()
                .map(|t| format!("+{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        "note" => Some(crate::model::printable(s.note.as_deref().unwrap_or_default()).into_owned()),
        "elapsed" => Some(time::human_duration(elapsed)),
        "elapsed_minutes" => Some((elapsed / 60).to_string()),
        "start" => Some(time::hhmm_in(zone, s.start)),
        "id" => Some(s.id.to_string()),
        "break" => Some(
            if reminders.iter().any(|r| r.kind.ends_with("break")) {
                "break due"
            } else {
                ""
            }
            .to_string(),
        ),
        "reminder" => Some(
            reminders
                .first()
                .map_or_else(String::new, |r| r.message.clone()),
        ),
        _ => None,
    })?;
    ctx.out.line(line);
    Ok(())
}

/// Replaces `{name}` placeholders; `{{` and `}}` are literal braces.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> Result<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let close = tail.find('}').filter(|_| tail.starts_with('{'));
        let Some(close) = close else {
            return Err(Error::invalid(format!(
                "--format {template:?} has an unmatched brace; write {{{{ or }}}} for a literal one"
            )));
        };
        let name = &tail[1..close];
        let text = value(name).ok_or_else(|| {
            Error::invalid(format!(
                "--format: unknown placeholder {{{name}}}; use {{project}} {{tags}} {{note}} {{elapsed}} {{elapsed_minutes}} {{start}} {{id}} {{break}} {{reminder}}"
            ))
        })?;
        out.push_str(&text);
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        let v = |n: &str| (n == "project").then(|| "writing".to_string());
        assert_eq!(fill("[{project}]", v).unwrap(), "[writing]");
        assert_eq!(fill("{{x}} {project}", v).unwrap(), "{x} writing");
        assert!(fill("{nope}", v).unwrap_err().message().contains("{nope}"));
        assert!(fill("{project", v).is_err());
    }
}
