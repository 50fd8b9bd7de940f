//! The current week's alerts, one line per rule: what `status`, the `report` table
//! and the TUI dashboard show.

use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;

use super::calendar::sum_days;
use super::{Breach, Check, LimitSet, Rule, check};
use crate::limits::{Interval, day_totals, hours_text};
use crate::time;
use crate::time::calendar::{sub_days, week_first, week_last};

/// Alerts for the week containing `today`: its breaches so far, and for the weekly
/// hours rule, a warning when the week is on course to break it (hours so far,
/// spread over the working days elapsed, up to 5, projected to 5 days).
#[must_use]
pub fn week_alerts(
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
    let mut alerts = one_line_per_rule(set, &breaches, "this week");
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
                alerts.push(format!(
                    "{} ({}): on course to break it: {} so far this week, about {} at this pace",
                    rule.describe(),
                    rule.source,
                    hours_text(so_far),
                    hours_text(projected)
                ));
            }
        }
    }
    alerts
}

/// One line per rule broken: its first breach, and how many more there are `within`
/// (`this week`, `in this range`).
#[must_use]
pub fn one_line_per_rule(set: &LimitSet, breaches: &[Breach], within: &str) -> Vec<String> {
    let mut alerts = Vec::new();
    for rule in &set.rules {
        let mine: Vec<&Breach> = breaches.iter().filter(|b| b.rule == rule.name).collect();
        if let Some(first) = mine.first() {
            let more = match mine.len() {
                1 => String::new(),
                n => format!(" (and {} more {within})", n - 1),
            };
            alerts.push(format!(
                "{} ({}): {}{more}",
                first.description, first.source, first.message
            ));
        }
    }
    alerts
}
