//! The precision rules of LEISURE-MODEL.md §5 for human output, in one place for
//! both faces: `R` to 2 decimals, shares in whole percent, hours whole per year or
//! to 0.1 per week. JSON keeps full precision and never goes through here.

use super::WEEKS_PER_YEAR;

/// Hours a year, whole, with thousands separators.
#[must_use]
pub fn per_year(h: f64) -> String {
    thousands(h.round())
}

/// Hours a week from annual hours (÷ 52), to 0.1.
#[must_use]
pub fn per_week(annual: f64) -> String {
    format!("{:.1}", annual / WEEKS_PER_YEAR)
}

/// A share in whole percent.
#[must_use]
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A multiple to 2 decimals.
#[must_use]
pub fn multiple(r: f64) -> String {
    format!("{r:.2}")
}

/// A whole number with thousands separators (`46,697`).
#[must_use]
pub fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 && digits != "0" {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_rules() {
        assert_eq!(per_year(1037.74), "1,038");
        assert_eq!(per_year(46_698.4), "46,698");
        assert_eq!(per_year(-196.2), "-196");
        assert_eq!(per_year(0.2), "0");
        assert_eq!(per_week(1893.4), "36.4");
        assert_eq!(percent(0.1234), "12%");
        assert_eq!(percent(-0.117), "-12%");
        assert_eq!(multiple(2.21277), "2.21");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
    }
}
