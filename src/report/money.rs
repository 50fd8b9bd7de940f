//! Hourly rates and the amounts they give: integer hundredths throughout, so
//! 7h 30m at 85.00 is exactly 637.50 and no total depends on float formatting.
//!
//! Every currency is shown with two decimals (ISO 4217 minor units differ, but a
//! bill in JPY or KWD with two decimals is still read right); the code is kept as
//! the user wrote it, upper-cased.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::error::{Error, Result};

/// The largest hourly rate accepted: far above any real one, and small enough that a
/// lifetime of hours times it stays inside an `i64` of hundredths.
pub const MAX_RATE_CENTS: i64 = 100_000_000;

/// An hourly rate in a currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    /// Hundredths of the currency per hour (`8500` is 85.00).
    pub cents_per_hour: i64,
    /// The ISO 4217 code, e.g. `EUR`.
    pub currency: String,
}

impl Rate {
    /// A rate from the user's text (`85`, `85.5`, `120.25`) and currency code.
    pub fn parse(rate: &str, currency: &str) -> Result<Rate> {
        Ok(Rate {
            cents_per_hour: parse_cents(rate)?,
            currency: parse_currency(currency)?,
        })
    }

    /// The amount for `seconds`, in hundredths, rounded half up to the hundredth.
    #[must_use]
    pub fn amount(&self, seconds: i64) -> i64 {
        let exact = i128::from(seconds.max(0)) * i128::from(self.cents_per_hour);
        i64::try_from((exact + 1_800) / 3_600).unwrap_or(i64::MAX)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/h", cents(self.cents_per_hour), self.currency)
    }
}

/// `637.50` from `63750`.
#[must_use]
pub fn cents(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    format!("{sign}{}.{:02}", v / 100, v % 100)
}

/// Parses a non-negative rate with at most two decimals into hundredths.
pub fn parse_cents(text: &str) -> Result<i64> {
    let bad = || {
        Error::invalid(format!(
            "rate {text:?} is not an hourly rate; give a number with at most two decimals, e.g. 85 or 92.50"
        ))
    };
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 9 {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    let value = whole * 100 + frac;
    if value > MAX_RATE_CENTS {
        return Err(Error::invalid(format!(
            "rate {text:?} is above {}; give an hourly rate",
            cents(MAX_RATE_CENTS)
        )));
    }
    Ok(value)
}

/// Parses a currency code: three ASCII letters, upper-cased.
pub fn parse_currency(text: &str) -> Result<String> {
    let t = text.trim();
    if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(t.to_ascii_uppercase())
    } else {
        Err(Error::invalid(format!(
            "currency {text:?} is not a currency code; give three letters, e.g. EUR or USD"
        )))
    }
}

/// A rate as written in `[rates]`: `coding = "85 EUR"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigRate(pub Rate);

impl<'de> Deserialize<'de> for ConfigRate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parsed = text
            .split_once(' ')
            .ok_or_else(|| Error::invalid("no currency"))
            .and_then(|(rate, currency)| Rate::parse(rate, currency));
        parsed.map(ConfigRate).map_err(|_| {
            serde::de::Error::custom(format!(
                "{text:?} is not a rate; write the hourly rate and the currency, e.g. \"85 EUR\""
            ))
        })
    }
}

/// Rates by project name.
pub type Rates = BTreeMap<String, Rate>;

/// One currency's total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    /// The currency code.
    pub currency: String,
    /// Hundredths.
    pub cents: i64,
}

/// Per-currency totals of per-project amounts, by currency code. Each project's amount
/// is rounded first, so the shown project amounts add up to the shown total.
#[must_use]
pub fn totals(per_project: &BTreeMap<String, i64>, rates: &Rates) -> Vec<Total> {
    let mut by_currency: BTreeMap<&str, i64> = BTreeMap::new();
    for (project, seconds) in per_project {
        if let Some(rate) = rates.get(project) {
            *by_currency.entry(&rate.currency).or_default() += rate.amount(*seconds);
        }
    }
    by_currency
        .into_iter()
        .map(|(currency, cents)| Total {
            currency: currency.to_string(),
            cents,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn amounts_by_hand() {
        let eur = Rate::parse("85", "eur").unwrap();
        assert_eq!(eur.currency, "EUR");
        // 7h 30m × 85.00 = 637.50.
        assert_eq!(cents(eur.amount(7 * 3600 + 30 * 60)), "637.50");
        // 1 minute × 85.00 = 1.41666… → 1.42; 20 s × 85 = 0.4722… → 0.47.
        assert_eq!(eur.amount(60), 142);
        assert_eq!(eur.amount(20), 47);
        let odd = Rate::parse("92.5", "USD").unwrap();
        assert_eq!(odd.cents_per_hour, 9250);
        // 2h 6m = 2.1 h × 92.50 = 194.25.
        assert_eq!(cents(odd.amount(2 * 3600 + 6 * 60)), "194.25");
    }

    #[test]
    fn bad_rates_are_refused() {
        for bad in ["", "-5", "8,5", "1.234", "abc", "1e3", ".5", "9999999999"] {
            assert!(parse_cents(bad).is_err(), "{bad:?}");
        }
        for bad in ["EU", "EURO", "€", "E1R", ""] {
            assert!(parse_currency(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn two_currencies_give_two_totals() {
        let mut rates = Rates::new();
        rates.insert("a".into(), Rate::parse("85", "EUR").unwrap());
        rates.insert("b".into(), Rate::parse("100", "USD").unwrap());
        rates.insert("c".into(), Rate::parse("60", "EUR").unwrap());
        let per: BTreeMap<String, i64> = [("a", 27_000), ("b", 5_400), ("c", 3_600), ("d", 9_999)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        // EUR: 637.50 + 60.00 = 697.50; USD: 1.5 h × 100 = 150.00; d has no rate.
        let t = totals(&per, &rates);
        assert_eq!(
            t,
            vec![
                Total {
                    currency: "EUR".into(),
                    cents: 69_750
                },
                Total {
                    currency: "USD".into(),
                    cents: 15_000
                },
            ]
        );
    }
}
