//! The Reports and Dividend settings keys: the range moved, the target line shown
//! or hidden, the country cycled.

use super::action::View;
use super::app::App;
use super::data::RangeKind;
use crate::leisure::data;
use crate::time::calendar;

impl App {
    /// Moves the report range or the dividend base year.
    pub(super) fn shift(&mut self, forward: bool) {
        match self.view {
            View::Reports => {
                let a = self.choices.anchor;
                self.choices.anchor = match (self.choices.range, forward) {
                    (RangeKind::Day, true) => calendar::add_days(a, 1),
                    (RangeKind::Day, false) => calendar::sub_days(a, 1),
                    (RangeKind::Week, true) => calendar::add_days(a, 7),
                    (RangeKind::Week, false) => calendar::sub_days(a, 7),
                    (RangeKind::Month, true) => calendar::next_month(a).unwrap_or(a),
                    (RangeKind::Month, false) => calendar::prev_month(a).unwrap_or(a),
                };
            }
            View::Dividend => {
                let Some(c) = data::country(&self.choices.country) else {
                    return;
                };
                let (first, last) = c.span();
                let year = self.choices.base_year + if forward { 1 } else { -1 };
                self.choices.base_year = year.clamp(first, last - 1);
            }
            _ => {}
        }
    }

    /// Shows or hides the Reports chart's target line, saying why when there is none.
    pub(super) fn toggle_targets(&mut self) {
        if self.snapshot.day_targets.is_none() {
            self.info(
                "No target is set: add daily_target_hours, weekly_target_hours or [targets] to config.toml."
                    .to_string(),
            );
            return;
        }
        self.show_targets = !self.show_targets;
        let state = if self.show_targets { "shown" } else { "hidden" };
        let text = if self.snapshot.report_targets.is_empty() {
            format!("Target line {state}; it is drawn when grouped by day or week (g).")
        } else {
            format!("Target line {state}.")
        };
        self.info(text);
    }

    pub(super) fn cycle_country(&mut self, forward: bool) {
        let codes: Vec<&String> = data::countries().keys().collect();
        let at = codes
            .iter()
            .position(|c| **c == self.choices.country)
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % codes.len()
        } else {
            (at + codes.len() - 1) % codes.len()
        };
        self.choices.country = codes[next].clone();
        if let Some(c) = data::country(&self.choices.country) {
            let (first, last) = c.span();
            if !c.years.contains_key(&self.choices.base_year) {
                self.choices.base_year = first.max(1970).min(last - 1);
            }
        }
    }
}
