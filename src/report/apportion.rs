//! Display rounding that never lets shown parts disagree with the shown total.
//!
//! Seconds are exact; people read minutes. Rounding each row on its own can make
//! the rows add up to a minute more or less than the total line. Instead the total
//! is rounded to the nearest minute and the rows share those minutes by the
//! largest-remainder method (each row gets its whole minutes, and the minutes left
//! over go to the rows with the biggest leftover seconds). Children share their
//! parent's shown minutes the same way.

use super::{Group, Report};

/// A group with the minutes it is shown with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown<'a> {
    /// The exact group.
    pub group: &'a Group,
    /// Whole minutes to display.
    pub minutes: i64,
    /// Its rows, apportioned to `minutes`.
    pub children: Vec<Shown<'a>>,
}

/// The report's total in displayed minutes and its rows apportioned to it.
#[must_use]
pub fn shown(report: &Report) -> (i64, Vec<Shown<'_>>) {
    let total = round_minutes(report.total_seconds);
    (total, level(&report.groups, report.total_seconds, total))
}

fn level(groups: &[Group], exact_total: i64, shown_total: i64) -> Vec<Shown<'_>> {
    let seconds: Vec<i64> = groups.iter().map(|g| g.seconds).collect();
    let minutes = if seconds.iter().sum::<i64>() == exact_total {
        apportion(&seconds, shown_total)
    } else {
        // Groups overlap (tags): they cannot add up to the total, so round each.
        seconds.iter().map(|&s| round_minutes(s)).collect()
    };
    groups
        .iter()
        .zip(minutes)
        .map(|(group, minutes)| Shown {
            group,
            minutes,
            children: level(&group.children, group.seconds, minutes),
        })
        .collect()
}

/// Seconds to the nearest whole minute (halves up).
#[must_use]
pub fn round_minutes(seconds: i64) -> i64 {
    (seconds + 30).div_euclid(60)
}

/// Splits `target` minutes over parts given in seconds by largest remainder.
/// Falls back to plain rounding if `target` is out of the reachable range.
#[must_use]
pub fn apportion(parts: &[i64], target: i64) -> Vec<i64> {
    let mut minutes: Vec<i64> = parts.iter().map(|s| s.div_euclid(60)).collect();
    let short = target - minutes.iter().sum::<i64>();
    let Ok(short) = usize::try_from(short) else {
        return parts.iter().map(|&s| round_minutes(s)).collect();
    };
    if short > parts.len() {
        return parts.iter().map(|&s| round_minutes(s)).collect();
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(parts[i].rem_euclid(60)), i));
    for &i in order.iter().take(short) {
        minutes[i] += 1;
    }
    minutes
}

/// `12:05` (hours:minutes) for tables people paste.
#[must_use]
pub fn hh_mm(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// `12h 05m` for the terminal.
#[must_use]
pub fn h_m(minutes: i64) -> String {
    format!("{}h {:02}m", minutes / 60, minutes % 60)
}

/// [`h_m`] in `lang`: `12小时05分` in Chinese.
#[must_use]
pub fn h_m_in(lang: crate::i18n::Lang, minutes: i64) -> String {
    if lang.is_zh() {
        crate::i18n::zh::minutes(minutes)
    } else {
        h_m(minutes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_twenty_minute_and_twenty_second_rows() {
        // Three rows of 20 min 20 s = 61 min exactly. Rounding each gives 20+20+20 = 60,
        // one short of the total; largest remainder gives the extra minute to the first.
        let parts = [1220, 1220, 1220];
        assert_eq!(apportion(&parts, round_minutes(3660)), [21, 20, 20]);
    }

    #[test]
    fn remainders_decide_who_rounds_up() {
        // 10:40 + 10:10 + 9:50 = 30:40 -> 31 min total. Floors 10+10+9 = 29, two short:
        // the two largest remainders (50 s, 40 s) get them.
        assert_eq!(apportion(&[640, 610, 590], 31), [11, 10, 10]);
    }

    proptest::proptest! {
        #[test]
        fn shown_parts_always_add_up(parts in proptest::collection::vec(0_i64..100_000, 0..20)) {
            let total: i64 = parts.iter().sum();
            let shown = apportion(&parts, round_minutes(total));
            proptest::prop_assert_eq!(shown.iter().sum::<i64>(), round_minutes(total));
            for (s, p) in shown.iter().zip(&parts) {
                proptest::prop_assert!((s * 60 - p).abs() < 60);
            }
        }
    }
}
