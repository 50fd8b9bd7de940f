//! LEISURE-MODEL.md §4.1 and §4.2: your week against the alternatives, and the
//! hours accumulated since tracking began. Plain arithmetic on §1 and §2.

use serde::Serialize;

use super::{National, WEEKS_PER_YEAR};

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
    /// A short label for a bar.
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
}

/// One bar: its hours per week and where they come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekAlternative {
    /// What it is.
    pub kind: WeekKind,
    /// Hours per week (`null` for `you` without a complete tracked week).
    pub hours_per_week: Option<f64>,
    /// Where the figure comes from, in words.
    pub source: String,
}

/// The statutory standard week otium knows, with its source. Only standards (the
/// normal week before overtime), never maxima such as the EU's 48 h.
#[must_use]
pub fn statutory_week(country: &str) -> Option<(f64, &'static str)> {
    match country {
        "CHN" => Some((
            40.0,
            "40 h standard week, State Council regulation on working hours of 1995",
        )),
        "FRA" => Some((35.0, "35 h legal working week, lois Aubry (1998, 2000)")),
        "USA" => Some((
            40.0,
            "40 h before overtime pay, Fair Labor Standards Act of 1938 (in force since 1940)",
        )),
        "JPN" => Some((
            40.0,
            "40 h statutory week, Labour Standards Act (since 1997 for all employers)",
        )),
        "KOR" => Some((
            40.0,
            "40 h statutory week, Labor Standards Act as amended in 2003",
        )),
        _ => None,
    }
}

/// The bars of §4.1, in the model's order: you, 996, the national average, the
/// statutory week where known, the base-year living standard, Keynes.
#[must_use]
pub fn week_comparison(
    you: Result<(f64, usize), String>,
    national: &National,
) -> Vec<WeekAlternative> {
    let (b, t, name) = (
        national.base_year,
        national.end_year,
        &national.country_name,
    );
    let mut out = vec![match you {
        Ok((hours, weeks)) => WeekAlternative {
            kind: WeekKind::You,
            hours_per_week: Some(hours),
            source: format!(
                "your average over the last {weeks} complete week{} with tracked time",
                if weeks == 1 { "" } else { "s" }
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
        source: "996: 9 am to 9 pm, six days a week".into(),
    });
    out.push(WeekAlternative {
        kind: WeekKind::NationalAverage,
        hours_per_week: Some(national.hours_end / WEEKS_PER_YEAR),
        source: format!(
            "{name} {t}: hours per person engaged per year ÷ 52 (includes holidays and leave)"
        ),
    });
    if let Some((hours, source)) = statutory_week(&national.country) {
        out.push(WeekAlternative {
            kind: WeekKind::Statutory,
            hours_per_week: Some(hours),
            source: format!("{name}: {source}"),
        });
    }
    out.push(WeekAlternative {
        kind: WeekKind::BaseYearLiving,
        hours_per_week: Some(national.hours_needed / WEEKS_PER_YEAR),
        source: format!(
            "{name}: the hours that produce {b} output per worker at {t} productivity, ÷ 52"
        ),
    });
    out.push(WeekAlternative {
        kind: WeekKind::Keynes,
        hours_per_week: Some(HOURS_KEYNES),
        source: "Keynes, \"Economic Possibilities for our Grandchildren\" (1930)".into(),
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
pub fn accumulated(tracked_hours: f64, r: f64) -> Result<Accumulated, String> {
    if tracked_hours <= 0.0 {
        return Err("nothing tracked yet".into());
    }
    if !(r > 0.0 && r.is_finite()) {
        return Err(format!("the productivity multiple {r} is not usable"));
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
