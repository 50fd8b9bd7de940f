//! Rest rules, read from the gaps between sessions: at least `rest` consecutive
//! seconds without work in every `period` (11 h in 24 h, 35 h in 7 days).

use chrono::{DateTime, Datelike, Duration, Utc};

use super::{Breach, Check, Figures, NamedRule};
use crate::limits::hours_text;
use crate::time;
use crate::time::calendar::add_days;

/// One breach for each stretch of work that holds no rest of `rest` in `period`.
pub(super) fn min_rest(
    rule: &NamedRule,
    rest: i64,
    period: i64,
    period_text: &str,
    check: &Check<'_>,
    out: &mut Vec<Breach>,
) {
    for s in stretches(check, rest, period) {
        out.push(stretch_breach(rule, check, rest, period_text, &s));
    }
}

fn stretch_breach(
    rule: &NamedRule,
    check: &Check<'_>,
    rest: i64,
    period: &str,
    s: &Stretch,
) -> Breach {
    let zone = check.zone;
    let best = match s.longest_rest {
        Some((a, b)) => format!(
            "the longest rest was {} ({} – {})",
            time::human_duration((b - a).num_seconds()),
            time::date_hhmm_in(zone, a),
            time::date_hhmm_in(zone, b)
        ),
        None => "no rest at all".to_string(),
    };
    let longest = s.longest_rest.map_or(0, |(a, b)| (b - a).num_seconds());
    let rest_text = hours_text(rest);
    // A calendar stretch, with the hours actually worked in it beside: the stretch is
    // what the rule measures, and calling it "work" would overstate the hours.
    rule.breach(
        (
            time::local_date(zone, s.start),
            time::local_date(zone, s.end - Duration::seconds(1)),
        ),
        Figures::seconds(longest, rest),
        format!(
            "{} – {}: a {} stretch ({} worked) without {} {rest_text} rest in {period}; {best}",
            time::date_hhmm_in(zone, s.start),
            short_end(zone, s.start, s.end),
            time::human_duration((s.end - s.start).num_seconds()),
            time::human_duration(s.worked),
            article(&rest_text),
        ),
    )
}

/// The stretch's end: `11-27 14:30` in the start's year, the full date otherwise.
fn short_end(zone: chrono_tz::Tz, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let full = time::date_hhmm_in(zone, end);
    if time::local_date(zone, start).year() == time::local_date(zone, end).year() {
        full.get(5..)
            .map_or_else(|| full.clone(), ToString::to_string)
    } else {
        full
    }
}

/// `an` before a figure read with a vowel sound (`an 11 h`, `an 8 h`), else `a`.
fn article(figure: &str) -> &'static str {
    let digits: String = figure.chars().take_while(char::is_ascii_digit).collect();
    let vowel = digits.starts_with('8')
        || ((digits.starts_with("11") || digits.starts_with("18")) && digits.len() % 3 == 2);
    if vowel { "an" } else { "a" }
}

/// Work between two rests of at least the minimum length.
struct Stretch {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// Seconds worked within the stretch (its intervals, not its gaps).
    worked: i64,
    longest_rest: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Stretches of work (between rests of at least `rest`) longer than `period - rest`:
/// then some `period` from their start holds no rest of `rest`. Time before the first
/// interval and after the last (up to now and beyond) counts as rest.
fn stretches(check: &Check<'_>, rest: i64, period: i64) -> Vec<Stretch> {
    let range_from = time::day_start(check.zone, check.first);
    let range_to = time::day_start(check.zone, add_days(check.last, 1));
    let allowed = period - rest;
    let mut found = Vec::new();
    let mut current: Option<Stretch> = None;
    for i in check.work {
        current = match current.take() {
            Some(mut s) if (i.start - s.end).num_seconds() < rest => {
                let gap = (s.end, i.start);
                if i.start > s.end
                    && s.longest_rest
                        .is_none_or(|(a, b)| (gap.1 - gap.0) > (b - a))
                {
                    s.longest_rest = Some(gap);
                }
                s.end = s.end.max(i.end);
                s.worked += (i.end - i.start).num_seconds();
                Some(s)
            }
            previous => {
                if let Some(s) = previous {
                    found.push(s);
                }
                Some(Stretch {
                    start: i.start,
                    end: i.end,
                    worked: (i.end - i.start).num_seconds(),
                    longest_rest: None,
                })
            }
        };
    }
    found.extend(current);
    found
        .into_iter()
        .filter(|s| {
            (s.end - s.start).num_seconds() > allowed && s.start < range_to && s.end > range_from
        })
        .collect()
}
