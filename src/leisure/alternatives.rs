//! LEISURE-MODEL.md §4.1 and §4.2: your week against the alternatives, and the
//! hours accumulated since tracking began. Plain arithmetic on §1 and §2.

use serde::Serialize;

use super::phrase::{Arg, Phrase, country as named, text};
use super::{National, WEEKS_PER_YEAR};
use crate::i18n::Lang;

/// 996: twelve hours a day, six days a week.
pub const HOURS_996: f64 = 72.0;
/// Keynes's fifteen-hour week (1930).
pub const HOURS_KEYNES: f64 = 15.0;
/// Hours in the "40-hour weeks" the accumulated difference is also given in.
pub const HOURS_STANDARD_WEEK: f64 = 40.0;

/// What a bar of the comparison stands for. JSON names are part of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WeekKind {
    /// Your tracked average week.
    #[serde(rename = "you")]
    You,
    /// 72 h.
    #[serde(rename = "996")]
    NineNineSix,
    /// The country's average week in the end year, `H_t / 52`.
    #[serde(rename = "national_average")]
    NationalAverage,
    /// The statutory standard week, where otium knows it.
    #[serde(rename = "statutory")]
    Statutory,
    /// The base-year standard of living at end-year productivity, `H_need / 52`.
    #[serde(rename = "base_year_living")]
    BaseYearLiving,
    /// 15 h.
    #[serde(rename = "keynes")]
    Keynes,
}

impl WeekKind {
    /// A short label for a bar, in English (the same as `label_in(Lang::En)`, kept
    /// as a `&'static str` for the report writers).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::You => "you",
            Self::NineNineSix => "996",
            Self::NationalAverage => "average",
            Self::Statutory => "statutory",
            Self::BaseYearLiving => "base-year living",
            Self::Keynes => "Keynes",
        }
    }

    /// A short label for a bar, in `lang`.
    #[must_use]
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            Self::You => "dividend-bar-you",
            Self::NineNineSix => "dividend-bar-996",
            Self::NationalAverage => "dividend-bar-average",
            Self::Statutory => "dividend-bar-statutory",
            Self::BaseYearLiving => "dividend-bar-base-year-living",
            Self::Keynes => "dividend-bar-keynes",
        };
        crate::i18n::t(lang, key, &[])
    }
}

/// One bar: its hours per week and where they come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekAlternative {
    /// What it is.
    pub kind: WeekKind,
    /// Hours per week (`null` for `you` without a complete tracked week).
    pub hours_per_week: Option<f64>,
    /// Where the figure comes from, in words (English in JSON; `source.in_lang`).
    pub source: Phrase,
}

/// The statutory standard week otium knows, with its source. Only standards (the
/// normal week before overtime), never maxima such as the EU's 48 h.
#[must_use]
pub fn statutory_week(country: &str) -> Option<(f64, Phrase)> {
    let (hours, key) = match country {
        "CHN" => (40.0, "dividend-statutory-chn"),
        "FRA" => (35.0, "dividend-statutory-fra"),
        "USA" => (40.0, "dividend-statutory-usa"),
        "JPN" => (40.0, "dividend-statutory-jpn"),
        "KOR" => (40.0, "dividend-statutory-kor"),
        _ => return None,
    };
    Some((hours, Phrase::new(key, vec![])))
}

/// The bars of §4.1, in the model's order: you, 996, the national average, the
/// statutory week where known, the base-year living standard, Keynes.
#[must_use]
pub fn week_comparison(
    you: Result<(f64, usize), Phrase>,
    national: &National,
) -> Vec<WeekAlternative> {
    let (b, t) = (national.base_year, national.end_year);
    let name = || named(&national.country, &national.country_name);
    let mut out = vec![match you {
        Ok((hours, weeks)) => WeekAlternative {
            kind: WeekKind::You,
            hours_per_week: Some(hours),
            source: Phrase::new(
                if weeks == 1 {
                    "dividend-source-you-one"
                } else {
                    "dividend-source-you"
                },
                vec![("weeks", text(weeks))],
            ),
        },
        Err(reason) => WeekAlternative {
            kind: WeekKind::You,
            hours_per_week: None,
            source: reason,
        },
    }];
    out.push(WeekAlternative {
        kind: WeekKind::NineNineSix,
        hours_per_week: Some(HOURS_996),
        source: Phrase::new("dividend-source-996", vec![]),
    });
    out.push(WeekAlternative {
        kind: WeekKind::NationalAverage,
        hours_per_week: Some(national.hours_end / WEEKS_PER_YEAR),
        source: Phrase::new(
            "dividend-source-average",
            vec![("country", name()), ("end", text(t))],
        ),
    });
    if let Some((hours, source)) = statutory_week(&national.country) {
        out.push(WeekAlternative {
            kind: WeekKind::Statutory,
            hours_per_week: Some(hours),
            source: Phrase::new(
                "dividend-source-statutory",
                vec![("country", name()), ("law", Arg::Phrase(Box::new(source)))],
            ),
        });
    }
    out.push(WeekAlternative {
        kind: WeekKind::BaseYearLiving,
        hours_per_week: Some(national.hours_needed / WEEKS_PER_YEAR),
        source: Phrase::new(
            "dividend-source-base-year-living",
            vec![("country", name()), ("base", text(b)), ("end", text(t))],
        ),
    });
    out.push(WeekAlternative {
        kind: WeekKind::Keynes,
        hours_per_week: Some(HOURS_KEYNES),
        source: Phrase::new("dividend-source-keynes", vec![]),
    });
    out
}

/// §4.2 for the user: hours since the first session against end-year productivity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accumulated {
    /// `T`: every hour tracked (a running session up to now).
    pub tracked_hours: f64,
    /// `T / R`: the hours that produce, at end-year productivity, what `T` hours
    /// produced at base-year productivity.
    pub hours_at_end_productivity: f64,
    /// `T - T / R`.
    pub difference_hours: f64,
    /// The difference in 40-hour weeks.
    pub difference_weeks_40h: f64,
}

/// §4.2 from the tracked total and the national multiple; `Err` says why not.
pub fn accumulated(tracked_hours: f64, r: f64) -> Result<Accumulated, Phrase> {
    if tracked_hours <= 0.0 {
        return Err(Phrase::new("dividend-nothing-tracked", vec![]));
    }
    if !(r > 0.0 && r.is_finite()) {
        return Err(super::personal::unusable(r));
    }
    let at_end = tracked_hours / r;
    let difference = tracked_hours - at_end;
    Ok(Accumulated {
        tracked_hours,
        hours_at_end_productivity: at_end,
        difference_hours: difference,
        difference_weeks_40h: difference / HOURS_STANDARD_WEEK,
    })
}
