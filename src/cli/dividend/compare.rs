//! `otium dividend --compare [--base YEAR]`: every country with data in the base year,
//! sorted by the share of the potential taken as shorter hours, each with its caveats.
//! Columns are padded by terminal columns, so Chinese names and headings line up.

use crate::cli::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::zh::{pad_end, pad_start};
use crate::i18n::{Lang, t};
use crate::leisure::display::{per_week, per_year, percent};
use crate::leisure::names::country_name;
use crate::tracker::dividend::comparison;
use unicode_width::UnicodeWidthStr;

/// The country column's width in terminal columns.
const NAME_WIDTH: usize = 34;

pub fn run(ctx: &mut Ctx, base_year: i32) -> Result<()> {
    let lang = ctx.lang;
    let c = comparison(base_year);
    if c.countries.is_empty() {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "dividend-compare-empty",
            vec![("base", base_year.to_string())],
        ));
    }
    ctx.out.value(|| &c);
    if ctx.out.json {
        return Ok(());
    }
    let out = &mut ctx.out;
    out.line(t(lang, "dividend-compare-heading", &[("base", &base_year)]));
    // A cell of hours a year and a week: `  1,038 (20.0/wk)` (16 columns in English).
    let cell = |annual: f64| {
        t(
            lang,
            "dividend-compare-cell",
            &[
                ("year", &format!("{:>7}", per_year(annual))),
                ("week", &format!("{:>4}", per_week(annual))),
            ],
        )
    };
    // English headings have always ended one column before the cells' closing
    // bracket (16 of 17 columns); the Chinese ones sit flush with their cells.
    let cell_width = match lang {
        Lang::En => cell(0.0).width() - 1,
        Lang::ZhCn => cell(0.0).width(),
    };
    out.line(format!(
        "  {} {:>6}  {}  {}  {}  {}",
        pad_end(&t(lang, "dividend-col-country", &[]), NAME_WIDTH),
        "R",
        pad_start(&t(lang, "dividend-col-potential", &[]), cell_width),
        pad_start(&t(lang, "dividend-col-taken", &[]), cell_width),
        pad_start(&t(lang, "dividend-col-share", &[]), 6),
        t(lang, "dividend-col-caveats", &[])
    ));
    for row in &c.countries {
        let name = country_name(lang, &row.country_code, &row.country);
        let name = if row.end_year == 2019 {
            format!("{} {name}", row.country_code)
        } else {
            t(
                lang,
                "dividend-compare-to",
                &[
                    ("code", &row.country_code),
                    ("name", &name),
                    ("end", &row.end_year),
                ],
            )
        };
        let share = row.captured_share.map_or_else(|| "—".to_string(), percent);
        let kinds: Vec<String> = row.caveats.iter().map(|c| c.kind.short_in(lang)).collect();
        out.line(format!(
            "  {} {:>6.2}  {}  {}  {share:>6}  {}",
            pad_end(&truncate(&name, NAME_WIDTH), NAME_WIDTH),
            row.productivity_multiple,
            cell(row.potential_hours),
            cell(row.realised_hours),
            kinds.join(&t(lang, "dividend-list-separator", &[]))
        ));
    }
    out.line("");
    out.line(t(lang, "dividend-compare-legend", &[]));
    let mut notes: Vec<String> = Vec::new();
    for row in &c.countries {
        for cav in &row.caveats {
            notes.push(format!(
                "  {}",
                t(
                    lang,
                    "dividend-compare-note",
                    &[
                        ("code", &row.country_code),
                        ("message", &cav.message_in(lang))
                    ],
                )
            ));
        }
    }
    if !notes.is_empty() {
        out.line(t(lang, "dividend-compare-caveats", &[]));
        for n in notes {
            out.line(n);
        }
    }
    out.line("");
    out.line(crate::leisure::data::attribution(lang));
    Ok(())
}

/// `s` cut to `width` terminal columns, with `…` when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() > width - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leisure::CaveatKind::*;

    #[test]
    fn the_english_short_names_are_the_json_names() {
        for kind in [
            HoursJump,
            AvhRepeated,
            LabourShareRepeated,
            ReleaseSensitive,
            LevelsNotComparable,
            SeriesBreak,
        ] {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json.as_str(), Some(kind.short_in(Lang::En).as_str()));
            assert!(!kind.short_in(Lang::ZhCn).is_ascii());
        }
    }

    #[test]
    fn names_are_cut_by_terminal_columns() {
        assert_eq!(truncate("USA United States", 34), "USA United States");
        assert_eq!(truncate("abcdef", 4), "abc…");
        // Two columns a character: 3 fit in 7 columns beside the ellipsis.
        assert_eq!(truncate("特立尼达和多巴哥", 7), "特立尼…");
    }
}
