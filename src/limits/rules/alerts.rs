//! The current week's alerts, one line per rule: what `status`, the `report` table
//! and the TUI dashboard show.

use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;

use super::calendar::sum_days;
use super::{Breach, Check, LimitSet, Rule, check};
use crate::i18n::{Lang, t};
use crate::limits::{Interval, day_totals, hours_text_in};
use crate::time;
use crate::time::calendar::{sub_days, week_first, week_last};

/// Where the further breaches of a rule an alert line counts lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// `(and 2 more this week)`.
    ThisWeek,
    /// `(and 2 more in this range)`.
    Range,
}

/// Alerts for the week containing `today`, in English (what JSON gives): see
/// [`week_alerts_in`].
#[must_use]
pub fn week_alerts(
    set: &LimitSet,
    work: &[Interval],
    zone: Tz,
    week_start: Weekday,
    now: DateTime<Utc>,
    tracked_since: Option<chrono::NaiveDate>,
) -> Vec<String> {
    week_alerts_in(Lang::En, set, work, zone, week_start, now, tracked_since)
}

/// Alerts for the week containing `today`, in `lang`: its breaches so far, and for
/// the weekly hours rule, a warning when the week is on course to break it (hours
/// so far, spread over the working days elapsed, up to 5, projected to 5 days).
#[must_use]
pub fn week_alerts_in(
    lang: Lang,
    set: &LimitSet,
    work: &[Interval],
    zone: Tz,
    week_start: Weekday,
    now: DateTime<Utc>,
    tracked_since: Option<chrono::NaiveDate>,
) -> Vec<String> {
    let today = time::local_date(zone, now);
    let first = week_first(today, week_start);
    let last = week_last(first);
    let c = Check {
        work,
        zone,
        week_start,
        first,
        last,
        now,
        tracked_since,
    };
    let breaches = check(set, &c);
    let mut alerts = one_line_per_rule_in(lang, set, &breaches, Within::ThisWeek);
    let totals = day_totals(zone, work);
    for rule in &set.rules {
        if let Rule::MaxWeeklyAverage { limit, weeks } = rule.rule {
            if breaches.iter().any(|b| b.rule == rule.name) {
                continue;
            }
            let so_far = sum_days(&totals, first, today);
            let elapsed = ((today - first).num_days() + 1).clamp(1, 5);
            let projected = so_far * 5 / elapsed;
            let before = sum_days(
                &totals,
                sub_days(first, u64::from(weeks.saturating_sub(1)) * 7),
                sub_days(first, 1),
            );
            if before + projected > limit * i64::from(weeks) {
                alerts.push(t(
                    lang,
                    "limits-on-course",
                    &[
                        ("rule", &rule.describe_in(lang)),
                        ("source", &rule.source_in(lang)),
                        ("so_far", &hours_text_in(lang, so_far)),
                        ("projected", &hours_text_in(lang, projected)),
                    ],
                ));
            }
        }
    }
    alerts
}

/// One line per rule broken, in English: see [`one_line_per_rule_in`].
#[must_use]
pub fn one_line_per_rule(set: &LimitSet, breaches: &[Breach], within: Within) -> Vec<String> {
    one_line_per_rule_in(Lang::En, set, breaches, within)
}

/// One line per rule broken, in `lang`: its first breach, and how many more there
/// are `within` the week or the range.
#[must_use]
pub fn one_line_per_rule_in(
    lang: Lang,
    set: &LimitSet,
    breaches: &[Breach],
    within: Within,
) -> Vec<String> {
    let mut alerts = Vec::new();
    for rule in &set.rules {
        let mine: Vec<&Breach> = breaches.iter().filter(|b| b.rule == rule.name).collect();
        if let Some(first) = mine.first() {
            let more = match (mine.len(), within) {
                (1, _) => String::new(),
                (n, Within::ThisWeek) => t(lang, "limits-more-week", &[("n", &(n - 1))]),
                (n, Within::Range) => t(lang, "limits-more-range", &[("n", &(n - 1))]),
            };
            alerts.push(t(
                lang,
                "limits-alert",
                &[
                    ("rule", &first.description_in(lang)),
                    ("source", &first.source_in(lang)),
                    ("message", &first.message_in(lang)),
                    ("more", &more),
                ],
            ));
        }
    }
    alerts
}
