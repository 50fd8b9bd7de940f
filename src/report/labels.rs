//! How reports read to people: the header line, the range, and group keys (days
//! with their weekday, and in Chinese weeks, months and the untagged group), in
//! either language. JSON and CSV keep the bare keys.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{GroupBy, Report, RoundMode, apportion};
use crate::i18n::{Lang, t, zh};
use crate::time::range::Span;

/// How a key is shown to people at grouping level `by`, in English: see
/// [`display_key_in`].
#[must_use]
pub fn display_key(key: &str, by: Option<GroupBy>) -> String {
    display_key_in(key, by, Lang::En)
}

/// How a key is shown to people at grouping level `by` in `lang`: days get their
/// weekday (`Mon 2026-03-02`, `2026年3月2日 周一`); in Chinese weeks, months and the
/// untagged group read as Chinese too. JSON and CSV keep the bare key.
#[must_use]
pub fn display_key_in(key: &str, by: Option<GroupBy>, lang: Lang) -> String {
    let day = NaiveDate::parse_from_str(key, "%Y-%m-%d");
    match (by, day, lang) {
        (Some(GroupBy::Day), Ok(date), _) => weekday_day_in(lang, date),
        (_, _, Lang::En) => key.to_string(),
        (Some(GroupBy::Week), _, Lang::ZhCn) => week_in_chinese(key),
        (Some(GroupBy::Month), _, Lang::ZhCn) => {
            crate::time::calendar::parse_month(key).map_or_else(|| key.to_string(), zh::month)
        }
        (Some(GroupBy::Tag), _, Lang::ZhCn) if key == NO_TAG => t(lang, "report-no-tag", &[]),
        _ => key.to_string(),
    }
}

/// The group of sessions without a tag, in `--by tag` (its key in JSON and CSV).
pub(super) const NO_TAG: &str = "(no tag)";

/// `2026-W10` as `2026年第10周`; `week of 2026-03-01` as `2026年3月1日起的一周`.
fn week_in_chinese(key: &str) -> String {
    if let Some((year, week)) = key.split_once("-W")
        && let (Ok(year), Ok(week)) = (year.parse::<i32>(), week.parse::<u32>())
    {
        return t(
            Lang::ZhCn,
            "report-week-iso",
            &[("year", &year), ("week", &week)],
        );
    }
    match key
        .strip_prefix("week of ")
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(first) => t(
            Lang::ZhCn,
            "report-week-of",
            &[("first", &zh::day_long(first))],
        ),
        None => key.to_string(),
    }
}

/// The header line every format starts with, in English: see [`header_in`].
#[must_use]
pub fn header(report: &Report) -> String {
    header_in(report, Lang::En)
}

/// The header line every format starts with, in `lang`: range, zone, grouping,
/// total, rounding.
#[must_use]
pub fn header_in(report: &Report, lang: Lang) -> String {
    let o = &report.options;
    let mut parts = vec![
        range_label_in(o.span, o.zone, lang),
        o.zone.name().to_string(),
    ];
    if !o.group_by.is_empty() {
        let names: Vec<String> = o.group_by.iter().map(|g| g.name_in(lang)).collect();
        let joined = names.join(&t(lang, "report-by-separator", &[]));
        parts.push(t(lang, "report-header-by", &[("names", &joined)]));
    }
    let key = if report.sessions_count == 1 {
        "report-header-total-one"
    } else {
        "report-header-total"
    };
    let total = apportion::h_m_in(lang, apportion::round_minutes(report.total_seconds));
    parts.push(t(
        lang,
        key,
        &[("total", &total), ("n", &report.sessions_count)],
    ));
    if let Some(r) = o.rounding {
        let mode = match r.mode {
            RoundMode::Up => "report-round-up",
            RoundMode::Nearest => "report-round-nearest",
            RoundMode::Down => "report-round-down",
        };
        let step = if lang.is_zh() {
            zh::step(r.step)
        } else {
            crate::time::format_duration_input(r.step)
        };
        let raw = apportion::h_m_in(lang, apportion::round_minutes(report.raw_total_seconds));
        parts.push(t(
            lang,
            "report-header-rounded",
            &[
                ("mode", &t(lang, mode, &[])),
                ("step", &step),
                ("raw", &raw),
            ],
        ));
    }
    parts.join(" · ")
}

/// The range in English: see [`range_label_in`].
#[must_use]
pub fn range_label(span: Span, zone: Tz) -> String {
    range_label_in(span, zone, Lang::En)
}

/// `2026-03-02 – 2026-03-08`, `2026-03-02`, `from 2026-03-01 09:00`, `all time`; in
/// Chinese `2026年3月2日 – 2026年3月8日`, `2026年3月1日 09:00 起`, `全部时间`.
#[must_use]
pub fn range_label_in(span: Span, zone: Tz, lang: Lang) -> String {
    let show = |t: DateTime<Utc>, end: bool| {
        let local = t.with_timezone(&zone);
        let day = |d: NaiveDate| day_in(lang, d);
        if local.time() == chrono::NaiveTime::MIN {
            let date = if end {
                local.date_naive().pred_opt().unwrap_or(local.date_naive())
            } else {
                local.date_naive()
            };
            (day(date), true)
        } else {
            (
                format!("{} {}", day(local.date_naive()), local.format("%H:%M")),
                false,
            )
        }
    };
    match (span.from, span.to) {
        (None, None) => t(lang, "report-range-all", &[]),
        (Some(f), None) => t(lang, "report-range-from", &[("from", &show(f, false).0)]),
        (None, Some(to)) => t(lang, "report-range-until", &[("to", &show(to, true).0)]),
        (Some(f), Some(to)) => {
            let (a, b) = (show(f, false), show(to, true));
            if a.1 && b.1 && a.0 == b.0 {
                a.0
            } else {
                format!("{} – {}", a.0, b.0)
            }
        }
    }
}

/// A date as people read it: `2026-03-02`, or `2026年3月2日`.
#[must_use]
pub fn day_in(lang: Lang, date: NaiveDate) -> String {
    if lang.is_zh() {
        zh::day_long(date)
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

/// A date with its weekday: `Mon 2026-03-02`, or `2026年3月2日 周一`.
#[must_use]
pub fn weekday_day_in(lang: Lang, date: NaiveDate) -> String {
    if lang.is_zh() {
        zh::day_full(date)
    } else {
        date.format("%a %Y-%m-%d").to_string()
    }
}

/// The first column's heading of a sent report's table: the groupings by name
/// (`project / tag`), or `range` when the report is not grouped.
pub(super) fn group_heading(report: &Report, lang: Lang) -> String {
    let names: Vec<String> = report
        .options
        .group_by
        .iter()
        .map(|g| g.name_in(lang))
        .collect();
    if names.is_empty() {
        crate::i18n::t(lang, "report-col-range", &[])
    } else {
        names.join(" / ")
    }
}
