//! Rest rules, read from the gaps between sessions: at least `rest` consecutive
//! seconds without work in every `period` (11 h in 24 h, 35 h in 7 days).

use super::{Breach, Check, Figures, Finding, NamedRule};
use crate::time;
use crate::time::calendar::add_days;

/// One breach for each stretch of work in `stretches` (see [`Stretches`]); `weekly`
/// says which rest rule it is (7 days, else 24 h).
pub(super) fn min_rest(
    rule: &NamedRule,
    rest: i64,
    weekly: bool,
    check: &Check<'_>,
    stretches: Vec<Stretch>,
    out: &mut Vec<Breach>,
) {
    for s in stretches {
        out.push(stretch_breach(rule, check, rest, weekly, &s));
    }
}

fn stretch_breach(
    rule: &NamedRule,
    check: &Check<'_>,
    rest: i64,
    weekly: bool,
    s: &Stretch,
) -> Breach {
    let zone = check.zone;
    let longest = s.longest_rest.map_or(0, |(a, b)| b - a);
    let (start, end) = (time::from_unix(s.start), time::from_unix(s.end));
    // A calendar stretch, with the hours actually worked in it beside: the stretch is
    // what the rule measures, and calling it "work" would overstate the hours.
    rule.breach(
        (
            time::local_date(zone, start),
            time::local_date(zone, time::from_unix(s.end - 1)),
        ),
        Figures::seconds(longest, rest),
        Finding::Rest {
            zone,
            start,
            end,
            worked: s.worked,
            rest,
            weekly,
            longest: s
                .longest_rest
                .map(|(a, b)| (time::from_unix(a), time::from_unix(b))),
        },
    )
}

/// Work between two rests of at least the minimum length. Instants are unix
/// seconds: every session of a history passes through [`Stretches::push`], where
/// plain integers cost a fraction of `DateTime` arithmetic.
pub(super) struct Stretch {
    start: i64,
    end: i64,
    /// Seconds worked within the stretch (its intervals, not its gaps).
    worked: i64,
    longest_rest: Option<(i64, i64)>,
}

/// Finds the stretches of work (between rests of at least `rest`) longer than
/// `period - rest` that reach into the range: then some `period` from their start
/// holds no rest of `rest`. Time before the first interval and after the last (up to
/// now and beyond) counts as rest. Fed one interval at a time, oldest first, it keeps
/// only the open stretch and the ones found, so a whole history streams through it.
pub(super) struct Stretches {
    rest: i64,
    allowed: i64,
    /// The range's bounds, unix seconds.
    range_from: i64,
    range_to: i64,
    current: Option<Stretch>,
    found: Vec<Stretch>,
}

impl Stretches {
    /// The search for `rest` seconds of rest in every `period` seconds over the days
    /// `check` covers.
    pub(super) fn new(check: &Check<'_>, rest: i64, period: i64) -> Self {
        Stretches {
            rest,
            allowed: period - rest,
            range_from: time::day_start(check.zone, check.first).timestamp(),
            range_to: time::day_start(check.zone, add_days(check.last, 1)).timestamp(),
            current: None,
            found: Vec::new(),
        }
    }

    /// Takes the next interval of work `[start, end)` in unix seconds (intervals come
    /// oldest first, never overlapping).
    pub(super) fn push(&mut self, start: i64, end: i64) {
        // Most intervals extend the open stretch: changed in place, nothing moved.
        if let Some(s) = &mut self.current
            && start - s.end < self.rest
        {
            let gap = (s.end, start);
            if start > s.end && s.longest_rest.is_none_or(|(a, b)| gap.1 - gap.0 > b - a) {
                s.longest_rest = Some(gap);
            }
            s.end = s.end.max(end);
            s.worked += end - start;
            return;
        }
        let next = Stretch {
            start,
            end,
            worked: end - start,
            longest_rest: None,
        };
        if let Some(previous) = self.current.replace(next) {
            self.close(previous);
        }
    }

    /// Keeps a finished stretch if it is too long and reaches into the range.
    fn close(&mut self, s: Stretch) {
        if s.end - s.start > self.allowed && s.start < self.range_to && s.end > self.range_from {
            self.found.push(s);
        }
    }

    /// The stretches found, oldest first.
    pub(super) fn finish(mut self) -> Vec<Stretch> {
        if let Some(s) = self.current.take() {
            self.close(s);
        }
        self.found
    }
}
