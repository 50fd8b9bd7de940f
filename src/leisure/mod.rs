//! The leisure dividend model (`LEISURE-MODEL.md`), as pure functions over plain
//! numbers: no SQL, no printing. Every undefined figure is `None` with a reason in
//! words; nothing here divides by zero or yields NaN or infinity.

pub mod data;

use serde::Serialize;

use data::{Country, YearRow};

/// Weeks per year for the weekly view ("per week, annual ÷ 52").
pub const WEEKS_PER_YEAR: f64 = 52.0;

/// Part 1, the national dividend (LEISURE-MODEL.md §1) for one country and two years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct National {
    /// ISO alpha-3 code.
    pub country: String,
    /// Country name.
    pub country_name: String,
    /// Base year `b`.
    pub base_year: i32,
    /// End year `t`.
    pub end_year: i32,
    /// `P_b`, 2017 US$ per hour.
    pub output_per_hour_base: f64,
    /// `P_t`, 2017 US$ per hour.
    pub output_per_hour_end: f64,
    /// `R = P_t / P_b`.
    pub productivity_multiple: f64,
    /// `H_b`, hours per year.
    pub hours_base: f64,
    /// `H_t`, hours per year.
    pub hours_end: f64,
    /// `H_need = H_b / R`.
    pub hours_needed: f64,
    /// `D_pot = H_b - H_need`.
    pub potential_hours: f64,
    /// `D_real = H_b - H_t`.
    pub realised_hours: f64,
    /// `captured = D_real / D_pot`, only when `D_pot > 0`.
    pub captured_share: Option<f64>,
    /// Labour share of GDP in `b`, where the data has it.
    pub labour_share_base: Option<f64>,
    /// Labour share of GDP in `t`, where the data has it.
    pub labour_share_end: Option<f64>,
    /// Why a figure is missing, if one is.
    pub reason: Option<String>,
    /// Cautions about the series (data/README.md "Caveats").
    pub warnings: Vec<String>,
}

/// Why the national figures cannot be computed for the given choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// Computes §1 for `country` between `base` and `end` (default: the latest year).
pub fn national(country: &Country, base: i32, end: Option<i32>) -> Result<National, Unavailable> {
    let (first, last) = country.span();
    let end = end.unwrap_or(last);
    let row = |year: i32| {
        country.years.get(&year).ok_or_else(|| {
            Unavailable(format!(
                "{} ({}) has data for {first}–{last}{}; {year} is not among them",
                country.name,
                country.code,
                gap_note(country)
            ))
        })
    };
    if base >= end {
        return Err(Unavailable(format!(
            "the base year {base} must be before the end year {end}"
        )));
    }
    let (b, t) = (row(base)?, row(end)?);
    Ok(national_from_rows(country, b, t))
}

fn gap_note(country: &Country) -> String {
    let (first, last) = country.span();
    let gaps: Vec<String> = (first..=last)
        .filter(|y| !country.years.contains_key(y))
        .map(|y| y.to_string())
        .collect();
    if gaps.is_empty() {
        String::new()
    } else {
        format!(" (no {})", gaps.join(", "))
    }
}

fn national_from_rows(country: &Country, b: &YearRow, t: &YearRow) -> National {
    let r = t.output_per_hour / b.output_per_hour;
    let hours_needed = b.hours / r;
    let potential = b.hours - hours_needed;
    let realised = b.hours - t.hours;
    let (captured, reason) = if potential > 0.0 {
        (Some(realised / potential), None)
    } else {
        (
            None,
            Some(format!(
                "output per hour did not rise from {} to {} (R = {r:.3}), so there was no dividend to capture",
                b.year, t.year
            )),
        )
    };
    National {
        country: country.code.clone(),
        country_name: country.name.clone(),
        base_year: b.year,
        end_year: t.year,
        output_per_hour_base: b.output_per_hour,
        output_per_hour_end: t.output_per_hour,
        productivity_multiple: r,
        hours_base: b.hours,
        hours_end: t.hours,
        hours_needed,
        potential_hours: potential,
        realised_hours: realised,
        captured_share: captured,
        labour_share_base: b.labour_share,
        labour_share_end: t.labour_share,
        reason,
        warnings: warnings(country, b.year, t.year),
    }
}

/// The cautions of data/README.md that apply to this country and these years.
#[must_use]
pub fn warnings(country: &Country, base: i32, end: i32) -> Vec<String> {
    let mut out = Vec::new();
    match country.code.as_str() {
        "VEN" => out.push(
            "Venezuela: PWT puts output per hour at 0.5–1.3 US$ in every year; the level is not meaningful and the data end in 2006".to_string(),
        ),
        "IRL" if base < 2015 && end >= 2015 => out.push(
            "Ireland: output per hour jumps 20% in 2015 while hours barely move, a known problem of Irish GDP, not a change in work".to_string(),
        ),
        "DEU" if base < 1991 => out.push(
            "Germany: one series for unified Germany throughout; base years before 1991 mix two economies (output per hour rises 7.6% in 1990 and 9.6% in 1991)".to_string(),
        ),
        _ => {}
    }
    for year in [base, end] {
        if let Some(change) = hours_jump(country, year) {
            out.push(format!(
                "{}: hours in {year} differ by {:.1}% from a neighbouring year, a likely change of source; a year away from the jump is safer",
                country.name,
                change * 100.0
            ));
        }
    }
    out
}

/// The largest relative change of `avh` between `year` and the year before or after,
/// if it exceeds 4% (data/README.md caveat 1).
fn hours_jump(country: &Country, year: i32) -> Option<f64> {
    let here = country.years.get(&year)?.hours;
    [year - 1, year + 1]
        .iter()
        .filter_map(|y| country.years.get(y))
        .map(|row| (here - row.hours) / row.hours)
        .filter(|c| c.abs() > 0.04)
        .max_by(|a, b| a.abs().total_cmp(&b.abs()))
}

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
        return Err(Unavailable(
            "no complete week with tracked time yet; track a full week first".into(),
        ));
    }
    if !(r > 0.0 && r.is_finite()) {
        return Err(Unavailable(format!(
            "the productivity multiple {r} is not usable"
        )));
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
    /// `D_real / D_pot`, only when `D_pot > 0`.
    pub captured_share: Option<f64>,
    /// `ln(o_P/o_B) / ln R`.
    pub share_output: Option<f64>,
    /// `ln(h_B/h_P) / ln R`.
    pub share_leisure: Option<f64>,
    /// Why figures are missing, if any are.
    pub reason: Option<String>,
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
        (h_b > 0.0, "no hours tracked in the baseline"),
        (h_p > 0.0, "no hours tracked in the current period"),
        (o_b > 0.0, "no output recorded in the baseline"),
        (o_p > 0.0, "no output recorded in the current period"),
    ];
    let why: Vec<&str> = missing
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, why)| *why)
        .collect();
    if !why.is_empty() {
        p.reason = Some(why.join("; "));
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
    if d_pot > 0.0 {
        p.captured_share = p.realised_hours.map(|d| d / d_pot);
    }
    if (r - 1.0).abs() < 1e-12 {
        p.reason =
            Some("output per hour did not change (R = 1): there is no gain to divide".into());
        return p;
    }
    let ln_r = r.ln();
    p.share_output = Some((o_p / o_b).ln() / ln_r);
    p.share_leisure = Some((h_b / h_p).ln() / ln_r);
    if d_pot <= 0.0 {
        p.reason = Some(format!(
            "output per hour fell (R = {r:.3}), so there is no dividend to capture"
        ));
    }
    p
}

/// §3 when there is no baseline at all: the current inputs, no figures, the reason.
#[must_use]
pub fn personal_unavailable(current: PeriodTotals, reason: String) -> Personal {
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

#[cfg(test)]
mod tests;
