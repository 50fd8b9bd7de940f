//! Caveats as data (LEISURE-MODEL.md §5): each national result carries a list of
//! `{kind, message}`, so a script can filter on the kind and a reader gets a sentence.

use serde::Serialize;

use super::data::Country;
use super::phrase::{Phrase, country as named, text};

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
    /// What it means for these figures, in words (English in JSON).
    pub message: Phrase,
}

impl Caveat {
    /// The sentence in `lang`.
    #[must_use]
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        self.message.in_lang(lang)
    }
}

impl CaveatKind {
    /// A short name for a table column, in `lang` (the JSON name in English).
    #[must_use]
    pub fn short_in(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Self::HoursJump => "dividend-kind-hours-jump",
            Self::AvhRepeated => "dividend-kind-avh-repeated",
            Self::LabourShareRepeated => "dividend-kind-labour-share-repeated",
            Self::ReleaseSensitive => "dividend-kind-release-sensitive",
            Self::LevelsNotComparable => "dividend-kind-levels-not-comparable",
            Self::SeriesBreak => "dividend-kind-series-break",
        };
        crate::i18n::t(lang, key, &[])
    }
}

fn caveat(kind: CaveatKind, message: Phrase) -> Caveat {
    Caveat { kind, message }
}

/// The caveats that apply to `country` between `base` and `end` (data/README.md,
/// "Caveats" 1, 3, 5, 6 and 7, and the `_repeated` flags). `levels_not_comparable` is
/// not among them: it depends on how the figures are shown, see [`levels_not_comparable`].
#[must_use]
pub fn for_range(country: &Country, base: i32, end: i32) -> Vec<Caveat> {
    let mut out = Vec::new();
    let name = || named(&country.code, &country.name);
    match country.code.as_str() {
        "VEN" => out.push(caveat(
            CaveatKind::SeriesBreak,
            Phrase::new("dividend-caveat-ven", vec![]),
        )),
        "IRL" if base < 2015 && end >= 2015 => out.push(caveat(
            CaveatKind::SeriesBreak,
            Phrase::new("dividend-caveat-irl", vec![]),
        )),
        "DEU" if base < 1991 => out.push(caveat(
            CaveatKind::SeriesBreak,
            Phrase::new("dividend-caveat-deu", vec![]),
        )),
        "CHN" => out.push(caveat(
            CaveatKind::ReleaseSensitive,
            Phrase::new("dividend-caveat-chn", vec![]),
        )),
        _ => {}
    }
    for year in [base, end] {
        if let Some(change) = hours_jump(country, year) {
            out.push(caveat(
                CaveatKind::HoursJump,
                Phrase::new(
                    "dividend-caveat-hours-jump",
                    vec![
                        ("country", name()),
                        ("year", text(year)),
                        ("change", text(format!("{:.0}", change * 100.0))),
                    ],
                ),
            ));
        }
    }
    for year in [base, end] {
        if let Some((first, last)) = country.repeated_run(year, false) {
            out.push(caveat(
                CaveatKind::AvhRepeated,
                Phrase::new(
                    "dividend-caveat-avh-repeated",
                    vec![
                        ("country", name()),
                        ("first", text(first)),
                        ("last", text(last)),
                        ("year", text(year)),
                    ],
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
pub fn labour_share_repeated(country: &Country, year: i32) -> Option<Phrase> {
    let (first, last) = country.repeated_run(year, true)?;
    Some(Phrase::new(
        "dividend-caveat-labour-share-repeated",
        vec![
            ("country", named(&country.code, &country.name)),
            ("first", text(first)),
            ("last", text(last)),
            ("year", text(year)),
        ],
    ))
}

/// The caveat for US$ levels shown beside another country's (data/README.md caveat 3).
#[must_use]
pub fn levels_not_comparable() -> Caveat {
    caveat(
        CaveatKind::LevelsNotComparable,
        Phrase::new("dividend-caveat-levels", vec![]),
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
