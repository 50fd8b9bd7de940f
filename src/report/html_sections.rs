//! The HTML report's sections after the table: sessions, targets and balance,
//! working-time limits, and the leisure dividend. Each writes nothing when the
//! document has nothing for it (not asked, or not configured). The small pieces both
//! sent formats share (signed durations, a session's times, the dividend's rows) are
//! here too.

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::document::{DividendPart, Document};
use super::html::escape;
use super::weekday_day_in;
use crate::i18n::{self, Lang, t};
use crate::leisure::alternatives::WeekKind;
use crate::model::Session;

/// `+1h 05m`, `−2h 00m`, `0m`.
#[must_use]
pub fn signed(seconds: i64) -> String {
    signed_in(Lang::En, seconds)
}

/// [`signed`] in `lang`: `+1小时05分`, `−2小时00分`, `0分` in Chinese.
#[must_use]
pub fn signed_in(lang: Lang, seconds: i64) -> String {
    let text = if seconds == 0 {
        t(lang, "report-zero-duration", &[])
    } else {
        i18n::duration(lang, seconds.abs())
    };
    match seconds {
        s if s > 0 => format!("+{text}"),
        s if s < 0 => format!("−{text}"),
        _ => text,
    }
}

/// A session's day, start, end and length as the sessions table shows them.
pub struct SessionTimes {
    /// `Mon 2026-03-02`, `2026年3月2日 周一`.
    pub day: String,
    /// `09:00`.
    pub from: String,
    /// `12:30`, a later day with its time, or "running".
    pub until: String,
    /// `3h 30m`, `3小时30分`.
    pub length: String,
}

/// The times of `s` in `zone` for the sessions table (a running one up to `now`).
#[must_use]
pub fn session_times(lang: Lang, s: &Session, zone: Tz, now: DateTime<Utc>) -> SessionTimes {
    let start = s.start.with_timezone(&zone);
    let until = match s.end.map(|e| e.with_timezone(&zone)) {
        Some(e) if e.date_naive() == start.date_naive() => e.format("%H:%M").to_string(),
        Some(e) => format!(
            "{} {}",
            weekday_day_in(lang, e.date_naive()),
            e.format("%H:%M")
        ),
        None => t(lang, "report-running", &[]),
    };
    SessionTimes {
        day: weekday_day_in(lang, start.date_naive()),
        from: start.format("%H:%M").to_string(),
        until,
        length: i18n::duration(lang, (s.end.unwrap_or(now) - s.start).num_seconds()),
    }
}

/// A week of the dividend's comparison by name: `you`, `996`, `statutory`; `你`,
/// `996`, `法定标准工时`.
#[must_use]
pub fn alternative(lang: Lang, kind: WeekKind) -> String {
    if lang == Lang::En {
        return kind.label().to_string();
    }
    let key = match kind {
        WeekKind::You => "report-week-you",
        WeekKind::NineNineSix => "report-week-996",
        WeekKind::NationalAverage => "report-week-average",
        WeekKind::Statutory => "report-week-statutory",
        WeekKind::BaseYearLiving => "report-week-base-year",
        WeekKind::Keynes => "report-week-keynes",
    };
    t(lang, key, &[])
}

/// Hours a week: `40.0 h`, `40.0小时`, or `–` when unknown.
#[must_use]
pub fn per_week(lang: Lang, hours: Option<f64>) -> String {
    hours.map_or_else(
        || "–".to_string(),
        |h| {
            t(
                lang,
                "report-hours-a-week",
                &[("hours", &format!("{h:.1}"))],
            )
        },
    )
}

/// The sessions with their notes (`--sessions`).
pub fn sessions(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(list) = &doc.sessions else {
        return Ok(());
    };
    let zone = doc.report.options.zone;
    let now = doc.report.options.now;
    let col = |key: &str| t(lang, key, &[]);
    writeln!(
        out,
        "<section class=\"sessions\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        col("report-sessions-heading"),
        col("report-col-day"),
        col("report-col-time"),
        col("report-col-hours"),
        col("report-col-project"),
        col("report-col-note"),
    )?;
    for s in list {
        let times = session_times(lang, s, zone, now);
        let tags: String = s.tags.iter().map(|t| format!(" +{t}")).collect();
        writeln!(
            out,
            "<tr><td>{}</td><td>{}–{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            times.day,
            times.from,
            escape(&times.until),
            times.length,
            escape(&format!("{}{tags}", s.project)),
            escape(s.note.as_deref().unwrap_or(""))
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// Worked against target over the range, and the running overtime balance.
pub fn targets(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(b) = &doc.balance else {
        return Ok(());
    };
    let col = |key: &str| t(lang, key, &[]);
    writeln!(
        out,
        "<section class=\"targets\">\n<h2>{}</h2>\n<table>\n<tbody>\n<tr><td>{}</td><td class=\"n\">{}</td></tr>\n<tr><td>{}</td><td class=\"n\">{}</td></tr>\n<tr><td>{}</td><td class=\"n\">{}</td></tr>",
        col("report-targets-heading"),
        col("report-worked"),
        i18n::duration(lang, b.worked_seconds),
        col("report-target"),
        i18n::duration(lang, b.target_seconds),
        col("report-difference"),
        signed_in(lang, b.difference_seconds)
    )?;
    if let Some(balance) = b.balance_seconds {
        let since = weekday_day_in(lang, b.since);
        writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
            t(lang, "report-balance-since", &[("since", &since)]),
            signed_in(lang, balance)
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// The limit set's rules with their sources, and what the range broke.
pub fn limits(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(l) = &doc.limits else {
        return Ok(());
    };
    writeln!(
        out,
        "<section class=\"limits\">\n<h2>{}</h2>",
        t(lang, "report-limits-heading", &[("set", &escape(l.set))])
    )?;
    if l.breaches.is_empty() {
        writeln!(out, "<p>{}</p>", t(lang, "report-no-breaches", &[]))?;
    } else {
        writeln!(out, "<ul class=\"breaches\">")?;
        for b in &l.breaches {
            let item = t(
                lang,
                "report-breach-html",
                &[
                    ("rule", &escape(&b.description_in(lang))),
                    ("message", &escape(&b.message_in(lang))),
                    ("source", &escape(&b.source_in(lang))),
                ],
            );
            writeln!(out, "<li class=\"breach\">{item}</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(
        out,
        "<p>{}</p>\n<ul class=\"rules\">",
        t(lang, "report-rules-checked", &[])
    )?;
    for rule in &l.rules {
        let item = t(
            lang,
            "report-rule-html",
            &[
                ("rule", &escape(&rule.describe_in(lang))),
                ("source", &escape(&rule.source_in(lang))),
            ],
        );
        writeln!(out, "<li>{item}</li>")?;
    }
    writeln!(
        out,
        "</ul>\n<p class=\"meta\">{}</p>\n</section>",
        t(lang, "limits-disclaimer", &[])
    )
}

/// The dividend section's words in `lang`, unescaped, for either page: the heading
/// (naming the country), the three column heads, and one row per week known.
pub struct DividendWords {
    /// `Leisure dividend: your week against … (Germany)`.
    pub heading: String,
    /// Week, hours per week, source.
    pub columns: [String; 3],
    /// Each alternative's name, hours per week and source.
    pub rows: Vec<[String; 3]>,
}

/// The words of `d` in `lang`.
#[must_use]
pub fn dividend_words(d: &DividendPart, lang: Lang) -> DividendWords {
    let country = crate::leisure::names::country_name(lang, &d.country, &d.country);
    DividendWords {
        heading: t(lang, "report-dividend-heading", &[("country", &country)]),
        columns: [
            t(lang, "report-col-week", &[]),
            t(lang, "report-col-hours-per-week", &[]),
            t(lang, "report-col-source", &[]),
        ],
        rows: d
            .alternatives
            .iter()
            .map(|a| {
                [
                    alternative(lang, a.kind),
                    per_week(lang, a.hours_per_week),
                    a.source.in_lang(lang),
                ]
            })
            .collect(),
    }
}

/// Your week against the alternatives, with the data attribution.
pub fn dividend(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(d) = &doc.dividend else {
        return Ok(());
    };
    let words = dividend_words(d, lang);
    writeln!(
        out,
        "<section class=\"dividend\">\n<h2>{}</h2>",
        escape(&words.heading)
    )?;
    if words.rows.is_empty() {
        writeln!(out, "<p>{}</p>", t(lang, "report-dividend-none", &[]))?;
    } else {
        let [week, hours, source] = &words.columns;
        writeln!(
            out,
            "<table>\n<thead><tr><th>{week}</th><th class=\"n\">{hours}</th><th>{source}</th></tr></thead>\n<tbody>"
        )?;
        for [name, hours, source] in &words.rows {
            writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{hours}</td><td>{}</td></tr>",
                escape(name),
                escape(source)
            )?;
        }
        writeln!(out, "</tbody>\n</table>")?;
    }
    writeln!(
        out,
        "<p><small>{}</small></p>\n</section>",
        escape(&crate::leisure::data::attribution(lang))
    )
}
