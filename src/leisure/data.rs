//! The embedded Penn World Table extract (assets/), parsed once, lazily, only when
//! the dividend is asked for: `start` and `stop` never pay for it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const CSV: &str = include_str!("../../assets/pwt1001-hours-productivity.csv");

/// The attribution line CC BY requires wherever these figures are shown.
pub const ATTRIBUTION: &str = "Data: Penn World Table 10.01 (Feenstra, Inklaar & Timmer 2015, \
\"The Next Generation of the Penn World Table\", American Economic Review 105(10): 3150–3182; \
www.ggdc.net/pwt), licensed CC BY 4.0. Output per hour and per worker are derived from PWT \
variables rgdpna, emp and avh.";

/// One country-year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// Average annual hours worked per person engaged (`avh`).
    pub hours: f64,
    /// Real GDP per hour worked, 2017 US$ at constant national prices.
    pub output_per_hour: f64,
    /// Share of labour compensation in GDP, where PWT has it.
    pub labour_share: Option<f64>,
}

/// A country's series.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// Name as in PWT.
    pub name: String,
    /// Rows by year (gaps stay gaps).
    pub years: BTreeMap<i32, YearRow>,
}

impl Country {
    /// The first and last year with data.
    #[must_use]
    pub fn span(&self) -> (i32, i32) {
        let first = self.years.keys().next().copied().unwrap_or(0);
        let last = self.years.keys().next_back().copied().unwrap_or(0);
        (first, last)
    }
}

/// Every country, by code. Parsed on first use.
pub fn countries() -> &'static BTreeMap<String, Country> {
    static TABLE: OnceLock<BTreeMap<String, Country>> = OnceLock::new();
    TABLE.get_or_init(|| parse(CSV))
}

/// The country with this code (case-insensitive).
#[must_use]
pub fn country(code: &str) -> Option<&'static Country> {
    countries().get(&code.trim().to_ascii_uppercase())
}

fn parse(text: &str) -> BTreeMap<String, Country> {
    let mut out: BTreeMap<String, Country> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    // The file ships inside the binary and is checked by a test; a malformed row
    // could only come from a broken build, and is skipped rather than panicking.
    for record in reader.records().flatten() {
        let field = |i: usize| record.get(i).unwrap_or("");
        let (Ok(year), Ok(hours), Ok(output_per_hour)) = (
            field(2).parse::<i32>(),
            field(3).parse::<f64>(),
            field(4).parse::<f64>(),
        ) else {
            continue;
        };
        let labour_share = field(7).parse::<f64>().ok();
        let entry = out.entry(field(0).to_string()).or_insert_with(|| Country {
            code: field(0).to_string(),
            name: field(1).to_string(),
            years: BTreeMap::new(),
        });
        entry.years.insert(
            year,
            YearRow {
                year,
                hours,
                output_per_hour,
                labour_share,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_table_is_read() {
        // data/README.md: 3,492 rows, 69 countries, 1950–2019.
        let all = countries();
        assert_eq!(all.len(), 69);
        assert_eq!(all.values().map(|c| c.years.len()).sum::<usize>(), 3492);
        let hkg = country("hkg").unwrap();
        assert_eq!(hkg.name, "China, Hong Kong SAR");
        let usa = country("USA").unwrap();
        assert_eq!(usa.span(), (1950, 2019));
        assert_eq!(usa.years[&2019].hours, 1765.3);
        assert!(!country("NLD").unwrap().years.contains_key(&1969));
    }
}
