//! The embedded Penn World Table extract (assets/), parsed once, lazily, only when
//! the dividend is asked for: `start` and `stop` never pay for it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const CSV: &str = include_str!("../../assets/pwt1001-hours-productivity.csv");

/// The attribution line CC BY requires wherever these figures are shown (the full
/// citation: in every exported report and one key or flag away on screen).
pub const ATTRIBUTION: &str = "Data: Penn World Table 10.01 (Feenstra, Inklaar & Timmer 2015, \
\"The Next Generation of the Penn World Table\", American Economic Review 105(10): 3150–3182; \
www.ggdc.net/pwt), licensed CC BY 4.0. Output per hour and per worker are derived from PWT \
variables rgdpna, emp and avh.";

/// The short form that stays on screen wherever a national figure is shown
/// (LEISURE-MODEL.md §5, "Attribution never scrolls away").
pub const ATTRIBUTION_SHORT: &str = "Data: PWT 10.01, CC BY 4.0, derived";

/// The attribution in `lang` (the same as [`ATTRIBUTION`] in English).
#[must_use]
pub fn attribution(lang: crate::i18n::Lang) -> String {
    crate::i18n::t(lang, "dividend-attribution", &[])
}

/// The short attribution in `lang` (the same as [`ATTRIBUTION_SHORT`] in English).
#[must_use]
pub fn attribution_short(lang: crate::i18n::Lang) -> String {
    crate::i18n::t(lang, "dividend-attribution-short", &[])
}

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
    /// Whether PWT gives this year the same labour share as a neighbouring year, to
    /// full precision: a carried value, not a measurement of this year.
    pub labour_share_repeated: bool,
    /// Whether `hours` is carried from a neighbouring year in the same way.
    pub hours_repeated: bool,
    /// Persons engaged, millions.
    pub employed_millions: f64,
    /// Population, millions (absent only if the CSV lacks it).
    pub population_millions: Option<f64>,
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
    /// The country's name in `lang` (the data's name in English).
    #[must_use]
    pub fn name_in(&self, lang: crate::i18n::Lang) -> String {
        super::names::country_name(lang, &self.code, &self.name)
    }

    /// The first and last year with data.
    #[must_use]
    pub fn span(&self) -> (i32, i32) {
        let first = self.years.keys().next().copied().unwrap_or(0);
        let last = self.years.keys().next_back().copied().unwrap_or(0);
        (first, last)
    }

    /// The base year to use when `wanted` is asked for: clamped into the country's
    /// years (before its last), then the nearest year with data (a later one on a
    /// tie), so a gap such as NLD 1969 gives a neighbour instead of nothing.
    #[must_use]
    pub fn base_year_for(&self, wanted: i32) -> i32 {
        let (first, last) = self.span();
        let year = wanted.clamp(first, (last - 1).max(first));
        (0..=last - first)
            .flat_map(|d| [year + d, year - d])
            .find(|y| *y < last && self.years.contains_key(y))
            .unwrap_or(first)
    }

    /// The run of consecutive flagged years around `year` that carry the same value
    /// as it (`labour_share` when `labour` is true, else `avh`): `None` when the value
    /// of `year` is not flagged as repeated. The CSV flags a row when its value equals
    /// a neighbour's at full precision; the run is the consecutive flagged rows with
    /// the value of `year` (data/README.md, "Why the two `_repeated` flags").
    #[must_use]
    pub fn repeated_run(&self, year: i32, labour: bool) -> Option<(i32, i32)> {
        let pick = |row: &YearRow| {
            if labour {
                row.labour_share_repeated
                    .then_some(row.labour_share)
                    .flatten()
            } else {
                row.hours_repeated.then_some(row.hours)
            }
        };
        let value = pick(self.years.get(&year)?)?;
        let same = |y: i32| {
            self.years
                .get(&y)
                .and_then(pick)
                .is_some_and(|v| v.to_bits() == value.to_bits())
        };
        let mut first = year;
        while same(first - 1) {
            first -= 1;
        }
        let mut last = year;
        while same(last + 1) {
            last += 1;
        }
        Some((first, last))
    }
}

/// Every country, by code. Parsed on first use.
pub fn countries() -> &'static BTreeMap<String, Country> {
    static TABLE: OnceLock<BTreeMap<String, Country>> = OnceLock::new();
    TABLE.get_or_init(|| parse(CSV))
}

/// The country with this code (case-insensitive), or with this Chinese name
/// (`--country 德国` is DEU).
#[must_use]
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    countries()
        .get(&code.to_ascii_uppercase())
        .or_else(|| super::names::code_where(|name| name == code).and_then(|c| countries().get(c)))
}

/// The country a user typed: an exact code or Chinese name, else the first (by code)
/// whose English, then Chinese, name starts with the text, else the first whose
/// English, then Chinese, name contains it; case-insensitive.
#[must_use]
pub fn find(query: &str) -> Option<&'static Country> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    let all = countries();
    let zh = |pick: &dyn Fn(&str) -> bool| super::names::code_where(pick).and_then(|c| all.get(c));
    country(&q)
        .or_else(|| all.values().find(|c| c.name.to_lowercase().starts_with(&q)))
        .or_else(|| zh(&|name| name.starts_with(q.as_str())))
        .or_else(|| all.values().find(|c| c.name.to_lowercase().contains(&q)))
        .or_else(|| zh(&|name| name.contains(q.as_str())))
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
        let flag = |i: usize| field(i) == "1";
        let employed_millions = field(6).parse::<f64>().unwrap_or(0.0);
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
                labour_share_repeated: flag(8),
                hours_repeated: flag(9),
                employed_millions,
                population_millions: field(10).parse::<f64>().ok(),
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
        // Labour-share flags: 1596 rows, as the data README says. Hours flags: the CSV
        // has 89 rows with `avh_repeated = 1` (the README's column table says 110;
        // counted here from the file itself with a one-line awk).
        let rows = || all.values().flat_map(|c| c.years.values());
        assert_eq!(rows().filter(|r| r.labour_share_repeated).count(), 1596);
        assert_eq!(rows().filter(|r| r.hours_repeated).count(), 89);
        assert!(rows().all(|r| r.population_millions.is_some()));
        // USA 2019 row: emp 158.2996, pop 329.0649.
        assert_eq!(usa.years[&2019].employed_millions, 158.2996);
    }

    #[test]
    fn the_catalogue_attribution_is_the_licence_line() {
        use crate::i18n::Lang;
        assert_eq!(attribution(Lang::En), ATTRIBUTION);
        assert_eq!(attribution_short(Lang::En), ATTRIBUTION_SHORT);
        // The citation itself (authors, title, journal) stays as published.
        let zh = attribution(Lang::ZhCn);
        assert!(zh.starts_with("数据：Penn World Table 10.01"), "{zh}");
        assert!(zh.contains("\"The Next Generation of the Penn World Table\""));
        assert!(zh.contains("CC BY 4.0") && zh.contains("rgdpna"), "{zh}");
        assert_eq!(
            attribution_short(Lang::ZhCn),
            "数据：PWT 10.01，CC BY 4.0，经推算"
        );
    }

    #[test]
    fn typed_countries_and_clamped_base_years() {
        let code = |q: &str| find(q).map(|c| c.code.as_str());
        assert_eq!(code("kor"), Some("KOR"));
        assert_eq!(code("Germ"), Some("DEU"));
        // "korea" is inside "Republic of Korea"; "china" starts China before Hong Kong.
        assert_eq!(code("korea"), Some("KOR"));
        assert_eq!(code("china"), Some("CHN"));
        assert_eq!(code("  "), None);
        // Chinese names, as a Chinese user types them: exact, a start, a part.
        assert_eq!(code("德国"), Some("DEU"));
        assert_eq!(code("香港"), Some("HKG"));
        assert_eq!(code("中国"), Some("CHN"));
        assert_eq!(code("中国台"), Some("TWN"));
        assert_eq!(code("新西"), Some("NZL"));
        assert_eq!(country(" 韩国 ").map(|c| c.code.as_str()), Some("KOR"));
        assert_eq!(code("Atlantis"), None);
        // China starts in 1970, Korea in 1953; the Netherlands lack 1969.
        assert_eq!(country("CHN").unwrap().base_year_for(1960), 1970);
        assert_eq!(country("KOR").unwrap().base_year_for(1953), 1953);
        assert_eq!(country("USA").unwrap().base_year_for(2030), 2018);
        assert_eq!(country("NLD").unwrap().base_year_for(1969), 1970);
        assert_eq!(country("JAM").unwrap().base_year_for(1970), 1986);
    }

    #[test]
    fn repeated_runs_follow_the_flags() {
        // data/README.md: Germany has one labour share for 1950–1991, the United
        // Kingdom for 1950–1987, China for 1970–1992. China's hours are 2168.9 in
        // 2017, 2018 and 2019, all three rows flagged.
        assert_eq!(
            country("DEU").unwrap().repeated_run(1970, true),
            Some((1950, 1991))
        );
        assert_eq!(
            country("GBR").unwrap().repeated_run(1960, true),
            Some((1950, 1987))
        );
        assert_eq!(
            country("CHN").unwrap().repeated_run(1978, true),
            Some((1970, 1992))
        );
        assert_eq!(
            country("CHN").unwrap().repeated_run(2019, false),
            Some((2017, 2019))
        );
        assert_eq!(country("USA").unwrap().repeated_run(1970, true), None);
        assert_eq!(country("USA").unwrap().repeated_run(2019, false), None);
    }
}
