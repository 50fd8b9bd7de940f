//! The leisure dividend model (`LEISURE-MODEL.md`), as pure functions over plain
//! numbers: no SQL, no printing. Every undefined figure is `None` with a reason in
//! words; nothing here divides by zero or yields NaN or infinity.
//!
//! `national` is §1 (with the §4 figures from the CSV), `personal` §2 and §3,
//! `alternatives` §4.1–4.2, `caveats` the §5 caveats as data. Every sentence is a
//! [`Phrase`] (English in JSON, any language on screen); `names` gives the
//! countries' names in the reader's language.

pub mod alternatives;
pub mod caveats;
pub mod data;
pub mod display;
pub mod names;
pub mod national;
pub mod personal;
pub mod phrase;

pub use alternatives::{Accumulated, WeekAlternative, WeekKind};
pub use caveats::{Caveat, CaveatKind};
pub use national::{CompareRow, National, YearRun, compare, national};
pub use personal::{
    KeynesWeek, PeriodTotals, Personal, combined_multiple, keynes_week, personal,
    personal_unavailable,
};
pub use phrase::Phrase;

/// Weeks per year for the weekly view ("per week, annual ÷ 52").
pub const WEEKS_PER_YEAR: f64 = 52.0;

/// The stated career length of the national career totals (§4.2).
pub const CAREER_YEARS: u32 = 45;

/// Below this multiple a gain is too small to divide (§5).
pub const MIN_MULTIPLE: f64 = 1.05;

/// Below this potential (hours a year, one hour a week) a gain is too small to divide.
pub const MIN_POTENTIAL_HOURS_PER_YEAR: f64 = 52.0;

/// Why figures cannot be computed for the given choice, in any language.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable(pub Phrase);

#[cfg(test)]
mod tests;
