//! Caveats as data (LEISURE-MODEL.md §5): each national result carries a list of
//! `{kind, message}`, so a script can filter on the kind and a reader gets a sentence.

use serde::Serialize;

use super::data::Country;

/// What a caveat is about. The JSON names are part of the `dividend --json` contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaveatKind {
    /// `avh` changes by more than ±4% from a neighbouring year at the base or end year.
    HoursJump,
    /// Base- or end-year hours are carried from a neighbouring year.
    AvhRepeated,
    /// Base- or end-year labour share is carried over a run of years.
    LabourShareRepeated,
    /// The figures depend strongly on the PWT release (China).
    ReleaseSensitive,
    /// US$ levels are shown beside another country's: they are not comparable.
    LevelsNotComparable,
    /// A break in the series inside the range (Germany, Ireland, Venezuela).
    SeriesBreak,
}

/// One caveat: its kind and a sentence for the reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caveat {
    /// The kind.
    pub kind: CaveatKind,
    /// What it means for these figures, in words.
    pub message: String,
}

fn caveat(kind: CaveatKind, message: String) -> Caveat {
    Caveat { kind, message }
}

/// The caveats that apply to `country` between `base` and `end` (data/README.md,
/// "Caveats" 1, 3, 5, 6 and 7, and the `_repeated` flags). `levels_not_comparable` is
/// not among them: it depends on how the figures are shown, see [`levels_not_comparable`].
#[must_use]
pub fn for_range(country: &Country, base: i32, end: i32) -> Vec<Caveat> {
    let mut out = Vec::new();
    let name = &country.name;
    match country.code.as_str() {
        "VEN" => out.push(caveat(
            CaveatKind::SeriesBreak,
            "Venezuela: PWT puts output per hour at 0.5–1.3 US$ in every year; the level is not meaningful and the data end in 2006".into(),
        )),
        "IRL" if base < 2015 && end >= 2015 => out.push(caveat(
            CaveatKind::SeriesBreak,
            "Ireland: output per hour jumps 20% in 2015 while hours barely move, a known problem of Irish GDP, not a change in work".into(),
        )),
        "DEU" if base < 1991 => out.push(caveat(
            CaveatKind::SeriesBreak,
            "Germany: one series for unified Germany throughout; base years before 1991 mix two economies (output per hour rises 7.6% in 1990 and 9.6% in 1991)".into(),
        )),
        "CHN" => out.push(caveat(
            CaveatKind::ReleaseSensitive,
            "China: the multiple depends on the PWT release more than any other country's: from 1978 to 2019 it is 6.67 in PWT 10.01 (used here) but about 21.7 in PWT 11.0, which follows the official growth series; hours rose in both, so the share taken as shorter hours is below zero either way".into(),
        )),
        _ => {}
    }
    for year in [base, end] {
        if let Some(change) = hours_jump(country, year) {
            out.push(caveat(
                CaveatKind::HoursJump,
                format!(
                    "{name}: hours in {year} differ by {:.0}% from a neighbouring year, a likely change of source; a year away from the jump is safer",
                    change * 100.0
                ),
            ));
        }
    }
    for year in [base, end] {
        if let Some((first, last)) = country.repeated_run(year, false) {
            out.push(caveat(
                CaveatKind::AvhRepeated,
                format!(
                    "{name}: PWT gives the same hours for {first}–{last}; the {year} figure is carried from a neighbouring year, not measured in {year}"
                ),
            ));
        }
    }
    for year in [base, end] {
        if let Some(message) = labour_share_repeated(country, year) {
            out.push(caveat(CaveatKind::LabourShareRepeated, message));
        }
    }
    out
}

/// The sentence for a repeated labour share in `year`, if it is one.
#[must_use]
pub fn labour_share_repeated(country: &Country, year: i32) -> Option<String> {
    let (first, last) = country.repeated_run(year, true)?;
    Some(format!(
        "{}: PWT gives one labour share for every year {first}–{last}; it is not a measurement of {year}",
        country.name
    ))
}

/// The caveat for US$ levels shown beside another country's (data/README.md caveat 3).
#[must_use]
pub fn levels_not_comparable() -> Caveat {
    caveat(
        CaveatKind::LevelsNotComparable,
        "output per hour is in 2017 US$ at constant national prices: good for change within a country, not for comparing levels between countries".into(),
    )
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
