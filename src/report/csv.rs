//! RFC 4180 CSV through the `csv` crate: one row per innermost group, with the
//! range and zone on every row so a spreadsheet needs nothing else.
//!
//! Free-text cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, tab, CR or LF) get a leading `'` (OWASP "CSV injection"),
//! unless the caller asks for raw cells.

use std::io::{self, Write};

use super::{Group, Report};
use crate::time;

/// The first characters that can make a cell a formula.
pub const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// Makes a free-text cell safe to open in a spreadsheet. A cell that is entirely a
/// number (`-5`, `+1`, `-2.5`, `1e-3`) is no formula and stays as it is: a `'` in front
/// would show in the spreadsheet.
#[must_use]
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) && !is_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `[+-]digits[.digits][e[+-]digits]`, nothing else (no spaces, no second sign).
fn is_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, frac)) => digits(whole) && digits(frac),
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// Hours with four decimals, rounded half up, e.g. `1.2500`; integer arithmetic so
/// the text never depends on float formatting.
#[must_use]
pub fn hours(seconds: i64) -> String {
    let ten_thousandths = (seconds.max(0) * 10_000 + 1_800) / 3_600;
    format!(
        "{}.{:04}",
        ten_thousandths / 10_000,
        ten_thousandths % 10_000
    )
}

/// Writes the report; `raw` turns formula neutralising off.
pub fn render(report: &Report, out: &mut (impl Write + ?Sized), raw: bool) -> io::Result<()> {
    let o = &report.options;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let mut head: Vec<&str> = vec!["from", "to", "zone"];
    head.extend(o.group_by.iter().map(|g| g.name()));
    head.extend(["seconds", "raw_seconds", "hours"]);
    // Money columns only when a counted project has a rate.
    let money = report.has_amounts();
    if money {
        head.extend(["amount", "currency"]);
    }
    writer.write_record(&head)?;
    let from = o
        .span
        .from
        .map(|t| time::rfc3339_in(o.zone, t))
        .unwrap_or_default();
    let to = o
        .span
        .to
        .map(|t| time::rfc3339_in(o.zone, t))
        .unwrap_or_default();
    let fixed = [from, to, o.zone.name().to_string()];
    if o.group_by.is_empty() {
        let mut row = fixed.to_vec();
        row.extend([
            report.total_seconds.to_string(),
            report.raw_total_seconds.to_string(),
            hours(report.total_seconds),
        ]);
        if money {
            // One row for the whole range: its amount only when one currency sums it.
            match report.amounts().as_slice() {
                [one] => row.extend([super::money::cents(one.cents), one.currency.clone()]),
                _ => row.extend([String::new(), String::new()]),
            }
        }
        writer.write_record(&row)?;
    }
    let depth = o.group_by.len();
    let mut path = Vec::new();
    leaves(&report.groups, &mut path, &mut |keys, g| {
        let mut row = fixed.to_vec();
        row.extend(keys.iter().map(|k| {
            if raw {
                (*k).to_string()
            } else {
                neutralise(k).into_owned()
            }
        }));
        // A filled-in empty day has no inner rows: its inner keys stay blank.
        row.resize(3 + depth, String::new());
        row.extend([
            g.seconds.to_string(),
            g.raw_seconds.to_string(),
            hours(g.seconds),
        ]);
        if money {
            match report.rate_for(keys) {
                Some(rate) => row.extend([
                    super::money::cents(rate.amount(g.seconds)),
                    rate.currency.clone(),
                ]),
                None => row.extend([String::new(), String::new()]),
            }
        }
        writer.write_record(&row)
    })?;
    writer.flush()
}

fn leaves<'a>(
    groups: &'a [Group],
    path: &mut Vec<&'a str>,
    emit: &mut impl FnMut(&[&'a str], &'a Group) -> csv::Result<()>,
) -> io::Result<()> {
    for g in groups {
        path.push(&g.key);
        if g.children.is_empty() {
            emit(path, g).map_err(io::Error::other)?;
        } else {
            leaves(&g.children, path, emit)?;
        }
        path.pop();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in [
            "=SUM(A1)",
            "+1+1",
            "-2-3",
            "-2 ",
            "+1e",
            "-.5",
            "-5.",
            "--5",
            "-5e+-1",
            "=1",
            "@x",
            "\tx",
            "\rx",
            "\nx",
            "-",
            "+",
            "-1+cmd|' /C calc'!A0",
        ] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("writing"), "writing");
        assert_eq!(neutralise("a=b"), "a=b");
        // A cell that is a number is no formula: no ' to show in the spreadsheet.
        for number in ["-5", "+1", "-2.5", "+0.25", "-1e5", "-1E-3", "+7e+2", "12"] {
            assert_eq!(neutralise(number), number);
        }
    }

    #[test]
    fn hours_are_fixed_format() {
        assert_eq!(hours(4500), "1.2500");
        // 60 s = 0.01666… h, 600 s = 0.1666… h, 1230 s = 0.341666… h: rounded, not cut.
        assert_eq!(hours(60), "0.0167");
        assert_eq!(hours(600), "0.1667");
        assert_eq!(hours(1230), "0.3417");
        assert_eq!(hours(3599), "0.9997");
        assert_eq!(hours(0), "0.0000");
    }
}
