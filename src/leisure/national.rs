//! Part 1, the national dividend (LEISURE-MODEL.md §1), with the §4 figures that
//! need only the CSV: hours per head of population, the career totals, the labour
//! share with its repeated runs, and every country side by side for one base year.

use serde::Serialize;

use super::caveats::{self, Caveat};
use super::data::{self, Country, YearRow};
use super::phrase::{Phrase, country as named, text};
use super::{CAREER_YEARS, MIN_MULTIPLE, MIN_POTENTIAL_HOURS_PER_YEAR, Unavailable};

/// A run of years that carry one value (`{first_year, last_year}` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearRun {
    /// First year of the run.
    pub first_year: i32,
    /// Last year of the run.
    pub last_year: i32,
}

/// The national dividend for one country and two years.
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
    /// `H_b`, hours per person engaged per year.
    pub hours_base: f64,
    /// `H_t`, hours per person engaged per year.
    pub hours_end: f64,
    /// `H_need = H_b / R`.
    pub hours_needed: f64,
    /// `D_pot = H_b - H_need`.
    pub potential_hours: f64,
    /// `D_real = H_b - H_t`.
    pub realised_hours: f64,
    /// "Share of the potential taken as shorter hours", `D_real / D_pot`: only when
    /// `R >= 1.05` and `D_pot >= 52` h a year (§5, tiny gains are not divided).
    pub captured_share: Option<f64>,
    /// Labour share of GDP in `b`, where the data has it.
    pub labour_share_base: Option<f64>,
    /// Labour share of GDP in `t`, where the data has it.
    pub labour_share_end: Option<f64>,
    /// Why a figure is missing, if one is.
    pub reason: Option<Phrase>,
    /// The caveats' sentences about the data (kept for scripts that read them before
    /// `caveats`; without `levels_not_comparable`, which is about the display).
    pub warnings: Vec<String>,
    /// Caveats as data.
    pub caveats: Vec<Caveat>,
    /// Hours worked per person of the whole population in `b`: `avh × emp / pop`.
    pub hours_per_head_base: Option<f64>,
    /// The same in `t`.
    pub hours_per_head_end: Option<f64>,
    /// The stated career length for the career totals (45).
    pub career_years: u32,
    /// `career_years × D_pot`.
    pub career_potential_hours: f64,
    /// `career_years × D_real`.
    pub career_realised_hours: f64,
    /// When the base-year labour share is a value PWT carries over years: that run.
    pub labour_share_base_run: Option<YearRun>,
    /// The same for the end year.
    pub labour_share_end_run: Option<YearRun>,
}

/// Computes the national figures for `country` between `base` and `end` (default:
/// the latest year with data).
pub fn national(country: &Country, base: i32, end: Option<i32>) -> Result<National, Unavailable> {
    let (first, last) = country.span();
    let end = end.unwrap_or(last);
    let row = |year: i32| {
        country.years.get(&year).ok_or_else(|| {
            let gaps = gaps(country);
            let mut args = vec![
                ("country", named(&country.code, &country.name)),
                ("code", text(&country.code)),
                ("first", text(first)),
                ("last", text(last)),
                ("year", text(year)),
            ];
            let key = if gaps.is_empty() {
                "dividend-year-missing"
            } else {
                args.push(("gaps", text(gaps)));
                "dividend-year-missing-gaps"
            };
            Unavailable(Phrase::new(key, args))
        })
    };
    if base >= end {
        return Err(Unavailable(Phrase::new(
            "dividend-base-after-end",
            vec![("base", text(base)), ("end", text(end))],
        )));
    }
    let (b, t) = (row(base)?, row(end)?);
    Ok(from_rows(country, b, t))
}

/// The years missing inside the country's span, `1969, 1971`; empty without gaps.
fn gaps(country: &Country) -> String {
    let (first, last) = country.span();
    let gaps: Vec<String> = (first..=last)
        .filter(|y| !country.years.contains_key(y))
        .map(|y| y.to_string())
        .collect();
    gaps.join(", ")
}

fn hours_per_head(row: &YearRow) -> Option<f64> {
    row.population_millions
        .filter(|p| *p > 0.0)
        .map(|pop| row.hours * row.employed_millions / pop)
}

fn run(country: &Country, year: i32) -> Option<YearRun> {
    country
        .repeated_run(year, true)
        .map(|(first_year, last_year)| YearRun {
            first_year,
            last_year,
        })
}

fn from_rows(country: &Country, b: &YearRow, t: &YearRow) -> National {
    let r = t.output_per_hour / b.output_per_hour;
    let hours_needed = b.hours / r;
    let potential = b.hours - hours_needed;
    let realised = b.hours - t.hours;
    let (captured, reason) = if potential <= 0.0 {
        (
            None,
            Some(Phrase::new(
                "dividend-no-rise",
                vec![
                    ("base", text(b.year)),
                    ("end", text(t.year)),
                    ("multiple", text(format!("{r:.2}"))),
                ],
            )),
        )
    } else if r < MIN_MULTIPLE || potential < MIN_POTENTIAL_HOURS_PER_YEAR {
        (
            None,
            Some(Phrase::new(
                "dividend-too-small",
                vec![
                    ("multiple", text(format!("{r:.2}"))),
                    ("potential", text(format!("{potential:.0}"))),
                ],
            )),
        )
    } else {
        (Some(realised / potential), None)
    };
    let mut caveats = caveats::for_range(country, b.year, t.year);
    // The national figures print US$ levels; a reader who switches countries must
    // not compare them.
    caveats.push(caveats::levels_not_comparable());
    let career = f64::from(CAREER_YEARS);
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
        warnings: caveats
            .iter()
            .filter(|c| c.kind != caveats::CaveatKind::LevelsNotComparable)
            .map(|c| c.message.to_string())
            .collect(),
        caveats,
        hours_per_head_base: hours_per_head(b),
        hours_per_head_end: hours_per_head(t),
        career_years: CAREER_YEARS,
        career_potential_hours: career * potential,
        career_realised_hours: career * realised,
        labour_share_base_run: run(country, b.year),
        labour_share_end_run: run(country, t.year),
    }
}

/// One country of the side-by-side table (`dividend --compare`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareRow {
    /// ISO alpha-3 code.
    pub country_code: String,
    /// Name.
    pub country: String,
    /// The country's latest year with data.
    pub end_year: i32,
    /// `R`.
    pub productivity_multiple: f64,
    /// `D_pot`, hours per year.
    pub potential_hours: f64,
    /// `D_real`, hours per year.
    pub realised_hours: f64,
    /// `D_real / D_pot`, or `null` when undefined.
    pub captured_share: Option<f64>,
    /// The caveats of this country and range.
    pub caveats: Vec<Caveat>,
}

/// Every country with data in `base` and a later year, against its own latest year,
/// sorted by the share of the potential taken as shorter hours, high to low;
/// undefined shares last (by code).
#[must_use]
pub fn compare(base: i32) -> Vec<CompareRow> {
    let mut rows: Vec<CompareRow> = data::countries()
        .values()
        .filter_map(|c| national(c, base, None).ok())
        .map(|n| CompareRow {
            caveats: n
                .caveats
                .into_iter()
                // The table shows neither US$ levels nor the labour share.
                .filter(|c| {
                    !matches!(
                        c.kind,
                        caveats::CaveatKind::LevelsNotComparable
                            | caveats::CaveatKind::LabourShareRepeated
                    )
                })
                .collect(),
            country_code: n.country,
            country: n.country_name,
            end_year: n.end_year,
            productivity_multiple: n.productivity_multiple,
            potential_hours: n.potential_hours,
            realised_hours: n.realised_hours,
            captured_share: n.captured_share,
        })
        .collect();
    rows.sort_by(|a, b| match (a.captured_share, b.captured_share) {
        (Some(x), Some(y)) => y
            .total_cmp(&x)
            .then_with(|| a.country_code.cmp(&b.country_code)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.country_code.cmp(&b.country_code),
    });
    rows
}
