//! `otium dividend --compare [--base YEAR]`: every country with data in the base year,
//! sorted by the share of the potential taken as shorter hours, each with its caveats.

use crate::cli::Ctx;
use crate::error::{Error, Result};
use crate::leisure::CaveatKind;
use crate::leisure::display::{per_week, per_year, percent};
use crate::tracker::dividend::comparison;

pub fn run(ctx: &mut Ctx, base_year: i32) -> Result<()> {
    let c = comparison(base_year);
    if c.countries.is_empty() {
        return Err(Error::invalid(format!(
            "no country has hours data for {base_year} and a later year; the data cover 1950–2019 (`otium dividend --countries` lists each country's years)"
        )));
    }
    ctx.out.value(|| &c);
    if ctx.out.json {
        return Ok(());
    }
    let out = &mut ctx.out;
    out.line(format!(
        "Countries from {base_year} to their latest year (2019 unless marked), sorted by the share of the potential taken as shorter hours:"
    ));
    out.line(format!(
        "  {:<34} {:>6}  {:>16}  {:>16}  {:>6}  caveats",
        "country", "R", "potential h/yr", "taken h/yr", "share"
    ));
    for row in &c.countries {
        let name = if row.end_year == 2019 {
            format!("{} {}", row.country_code, row.country)
        } else {
            format!("{} {} (to {})", row.country_code, row.country, row.end_year)
        };
        let share = row.captured_share.map_or_else(|| "—".to_string(), percent);
        let kinds: Vec<&str> = row.caveats.iter().map(|c| kind_name(c.kind)).collect();
        out.line(format!(
            "  {:<34} {:>6.2}  {:>7} ({:>4}/wk)  {:>7} ({:>4}/wk)  {share:>6}  {}",
            truncate(&name, 34),
            row.productivity_multiple,
            per_year(row.potential_hours),
            per_week(row.potential_hours),
            per_year(row.realised_hours),
            per_week(row.realised_hours),
            kinds.join(", ")
        ));
    }
    out.line("");
    out.line("R: output per hour, end year over base year. Potential: the hours the rise in output per hour could have freed per person engaged; taken: how much hours actually fell (negative: they rose). Share: taken ÷ potential (— when the gain is too small to divide or there was none).");
    let mut notes: Vec<String> = Vec::new();
    for row in &c.countries {
        for cav in &row.caveats {
            notes.push(format!("  {}: {}.", row.country_code, cav.message));
        }
    }
    if !notes.is_empty() {
        out.line("Caveats:");
        for n in notes {
            out.line(n);
        }
    }
    out.line("");
    out.line(c.attribution);
    Ok(())
}

/// The JSON name of a caveat kind, also used in the table's last column.
pub fn kind_name(kind: CaveatKind) -> &'static str {
    match kind {
        CaveatKind::HoursJump => "hours_jump",
        CaveatKind::AvhRepeated => "avh_repeated",
        CaveatKind::LabourShareRepeated => "labour_share_repeated",
        CaveatKind::ReleaseSensitive => "release_sensitive",
        CaveatKind::LevelsNotComparable => "levels_not_comparable",
        CaveatKind::SeriesBreak => "series_break",
    }
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}
