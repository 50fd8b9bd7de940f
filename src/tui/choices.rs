//! The Reports and Dividend settings keys: the range moved, the target line shown
//! or hidden, the country cycled.

use super::action::{Action, View};
use super::app::{App, Mode};
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
                // From the year on screen, to the next year this country has data for.
                let shown = self.choices.base_year_for_country();
                let step = if forward { 1 } else { -1 };
                let (first, last) = c.span();
                let mut year = shown + step;
                while year > first && year < last - 1 && !c.years.contains_key(&year) {
                    year += step;
                }
                self.choices.base_year = year.clamp(first, (last - 1).max(first));
            }
            _ => {}
        }
    }

    /// Shows or hides the Reports chart's target line, saying why when there is none.
    pub(super) fn toggle_targets(&mut self) {
        if self.snapshot.day_targets.is_none() {
            self.info(self.t("tui-targets-none", &[]));
            return;
        }
        self.show_targets = !self.show_targets;
        let key = match (self.show_targets, self.snapshot.report_targets.is_empty()) {
            (true, true) => "tui-targets-shown-grouping",
            (false, true) => "tui-targets-hidden-grouping",
            (true, false) => "tui-targets-shown",
            (false, false) => "tui-targets-hidden",
        };
        self.info(self.t(key, &[]));
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
        // The chosen base year is kept; each country clamps it when it is read.
        self.choices.country = codes[next].clone();
    }

    /// The country prompt: typed text, Enter jumps to the match, Esc closes.
    pub(super) fn update_country(&mut self, mut text: String, action: Action) -> Option<Action> {
        match action {
            Action::Type(c) => text.push(c),
            Action::Backspace => {
                text.pop();
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                return None;
            }
            Action::Confirm => {
                self.mode = Mode::Normal;
                return match data::find(&text) {
                    Some(c) => {
                        self.choices.country = c.code.clone();
                        let text = self.t(
                            "tui-country-chosen",
                            &[("name", &c.name), ("code", &c.code)],
                        );
                        self.info(text);
                        Some(Action::Reload)
                    }
                    None => {
                        let line =
                            self.t("tui-country-no-match", &[("text", &format!("{text:?}"))]);
                        self.error(line);
                        None
                    }
                };
            }
            _ => {}
        }
        self.mode = Mode::Country(text);
        None
    }
}
