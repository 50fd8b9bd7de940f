//! Parts 2 and 3 of the model (LEISURE-MODEL.md): the personal "Keynes week" and
//! personal productivity from the user's own output, with the log decomposition.

use serde::Serialize;

use super::phrase::{Phrase, text};
use super::{MIN_MULTIPLE, Unavailable};

/// Part 2, the personal "Keynes week" (LEISURE-MODEL.md §2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynesWeek {
    /// `h_u`: average tracked hours per week.
    pub average_hours: f64,
    /// How many weeks the average is over.
    pub weeks_averaged: usize,
    /// The national `R` used.
    pub productivity_multiple: f64,
    /// `h_keynes = h_u / R`.
    pub keynes_hours: f64,
    /// `h_u - h_keynes`.
    pub dividend_hours: f64,
}

/// §2 from the user's weekly hours and the national multiple.
pub fn keynes_week(weekly_hours: &[f64], r: f64) -> Result<KeynesWeek, Unavailable> {
    if weekly_hours.is_empty() {
        return Err(Unavailable(Phrase::new("dividend-keynes-no-week", vec![])));
    }
    if !(r > 0.0 && r.is_finite()) {
        return Err(Unavailable(unusable(r)));
    }
    let weeks = weekly_hours.len();
    let average =
        weekly_hours.iter().sum::<f64>() / f64::from(u32::try_from(weeks).unwrap_or(u32::MAX));
    let keynes = average / r;
    Ok(KeynesWeek {
        average_hours: average,
        weeks_averaged: weeks,
        productivity_multiple: r,
        keynes_hours: keynes,
        dividend_hours: average - keynes,
    })
}

/// Why a national multiple cannot be used (never expected from the shipped data).
#[must_use]
pub fn unusable(r: f64) -> Phrase {
    Phrase::new("dividend-multiple-unusable", vec![("multiple", text(r))])
}

/// Tracked hours and output over a period of whole weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PeriodTotals {
    /// Number of weeks.
    pub weeks: f64,
    /// Hours tracked in total.
    pub hours: f64,
    /// Output in total, in the project's unit.
    pub output: f64,
}

impl PeriodTotals {
    /// Hours per week.
    #[must_use]
    pub fn hours_per_week(&self) -> f64 {
        self.hours / self.weeks
    }

    /// Output per week.
    #[must_use]
    pub fn output_per_week(&self) -> f64 {
        self.output / self.weeks
    }
}

/// Part 3, personal productivity for one project (LEISURE-MODEL.md §3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Personal {
    /// `h_B`, hours per week in the baseline.
    pub hours_baseline: f64,
    /// `h_P`, hours per week now.
    pub hours_current: f64,
    /// `o_B`, output per week in the baseline.
    pub output_baseline: f64,
    /// `o_P`, output per week now.
    pub output_current: f64,
    /// `pi_B = o_B / h_B`.
    pub per_hour_baseline: Option<f64>,
    /// `pi_P = o_P / h_P`.
    pub per_hour_current: Option<f64>,
    /// `R = pi_P / pi_B`.
    pub productivity_multiple: Option<f64>,
    /// `h_need = h_B / R`.
    pub hours_needed: Option<f64>,
    /// `D_pot = h_B - h_need`.
    pub potential_hours: Option<f64>,
    /// `D_real = h_B - h_P`.
    pub realised_hours: Option<f64>,
    /// "Share of the potential taken as shorter hours", `D_real / D_pot`: only when
    /// `R >= 1.05` and `D_pot >= 1` h a week.
    pub captured_share: Option<f64>,
    /// "Where the gain went": the part into more output, `ln(o_P/o_B) / ln R` (only
    /// when `R` differs from 1 by at least 5% either way).
    pub share_output: Option<f64>,
    /// "Where the gain went": the part into shorter hours, `ln(h_B/h_P) / ln R`.
    pub share_leisure: Option<f64>,
    /// Why figures are missing, if any are.
    pub reason: Option<Phrase>,
}

/// §3 from the baseline and current totals.
#[must_use]
pub fn personal(baseline: PeriodTotals, current: PeriodTotals) -> Personal {
    let (h_b, h_p) = (baseline.hours_per_week(), current.hours_per_week());
    let (o_b, o_p) = (baseline.output_per_week(), current.output_per_week());
    let mut p = Personal {
        hours_baseline: h_b,
        hours_current: h_p,
        output_baseline: o_b,
        output_current: o_p,
        per_hour_baseline: None,
        per_hour_current: None,
        productivity_multiple: None,
        hours_needed: None,
        potential_hours: None,
        realised_hours: (h_b > 0.0 && h_p > 0.0).then_some(h_b - h_p),
        captured_share: None,
        share_output: None,
        share_leisure: None,
        reason: None,
    };
    let missing = [
        (h_b > 0.0, "dividend-no-hours-baseline"),
        (h_p > 0.0, "dividend-no-hours-current"),
        (o_b > 0.0, "dividend-no-output-baseline"),
        (o_p > 0.0, "dividend-no-output-current"),
    ];
    let why: Vec<Phrase> = missing
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|&(_, key)| Phrase::new(key, vec![]))
        .collect();
    if !why.is_empty() {
        p.reason = Some(Phrase::joined(why));
        return p;
    }
    let (pi_b, pi_p) = (o_b / h_b, o_p / h_p);
    let r = pi_p / pi_b;
    let h_need = h_b / r;
    let d_pot = h_b - h_need;
    p.per_hour_baseline = Some(pi_b);
    p.per_hour_current = Some(pi_p);
    p.productivity_multiple = Some(r);
    p.hours_needed = Some(h_need);
    p.potential_hours = Some(d_pot);
    if (r - 1.0).abs() < 1e-12 {
        p.reason = Some(Phrase::new("dividend-personal-unchanged", vec![]));
        return p;
    }
    // LEISURE-MODEL.md §5: a gain under 5% (either way) or under an hour a week is
    // not divided; the shares of a near-zero gain swing wildly and mean nothing.
    if r.ln().abs() < MIN_MULTIPLE.ln() {
        p.reason = Some(Phrase::new(
            "dividend-personal-too-small",
            vec![
                ("change", text(format!("{:.0}", (r - 1.0) * 100.0))),
                ("multiple", text(format!("{r:.2}"))),
            ],
        ));
        return p;
    }
    let ln_r = r.ln();
    p.share_output = Some((o_p / o_b).ln() / ln_r);
    p.share_leisure = Some((h_b / h_p).ln() / ln_r);
    if d_pot <= 0.0 {
        p.reason = Some(Phrase::new(
            "dividend-personal-fell",
            vec![("multiple", text(format!("{r:.2}")))],
        ));
    } else if d_pot < 1.0 {
        p.reason = Some(Phrase::new(
            "dividend-personal-small-potential",
            vec![("potential", text(format!("{d_pot:.1}")))],
        ));
    } else {
        p.captured_share = p.realised_hours.map(|d| d / d_pot);
    }
    p
}

/// §3 when there is no baseline at all: the current inputs, no figures, the reason.
#[must_use]
pub fn personal_unavailable(current: PeriodTotals, reason: Phrase) -> Personal {
    Personal {
        hours_baseline: 0.0,
        hours_current: current.hours_per_week(),
        output_baseline: 0.0,
        output_current: current.output_per_week(),
        per_hour_baseline: None,
        per_hour_current: None,
        productivity_multiple: None,
        hours_needed: None,
        potential_hours: None,
        realised_hours: None,
        captured_share: None,
        share_output: None,
        share_leisure: None,
        reason: Some(reason),
    }
}

/// Combines per-project multiples into one: the geometric mean weighted by each
/// project's hours in the current period (units are never added together).
#[must_use]
pub fn combined_multiple(projects: &[(f64, f64)]) -> Option<f64> {
    let usable: Vec<(f64, f64)> = projects
        .iter()
        .copied()
        .filter(|(r, h)| *r > 0.0 && r.is_finite() && *h > 0.0)
        .collect();
    let hours: f64 = usable.iter().map(|(_, h)| h).sum();
    if hours <= 0.0 {
        return None;
    }
    Some(
        usable
            .iter()
            .map(|(r, h)| h / hours * r.ln())
            .sum::<f64>()
            .exp(),
    )
}
