//! `otium dividend`: the leisure dividend, national and personal, with every input shown.

use clap::Args;
use serde::Serialize;

use super::{Ctx, Out};
use crate::error::{Error, Result};
use crate::leisure::{National, WEEKS_PER_YEAR, data};
use crate::tracker::dividend::{
    Dividend, DividendRequest, KeynesPart, NationalPart, PersonalPart, Weeks,
};

/// `dividend [--country C] [--base Y] [--end Y] [--project P…] [--baseline W..W] [--period P]`.
#[derive(Debug, Args)]
pub struct DividendArgs {
    /// Country (ISO alpha-3, e.g. USA, DEU, CHN) [default: config `country`, else USA].
    #[arg(long)]
    pub country: Option<String>,
    /// Base year [default: config `base_year`, else 1970].
    #[arg(long = "base", value_name = "YEAR")]
    pub base_year: Option<i32>,
    /// End year [default: the latest year with data].
    #[arg(long = "end", value_name = "YEAR")]
    pub end_year: Option<i32>,
    /// Only these projects in the personal part (repeatable).
    #[arg(long = "project", value_name = "PROJECT")]
    pub projects: Vec<String>,
    /// Baseline weeks, e.g. 2026-W10..2026-W13 [default: each project's first 4 complete weeks with hours and output].
    #[arg(long, value_name = "WEEKS")]
    pub baseline: Option<String>,
    /// Current weeks: last-week or e.g. 2026-W20 or 2026-W18..2026-W20 [default: last-week].
    #[arg(long, value_name = "WEEKS")]
    pub period: Option<String>,
    /// List the countries and years in the data instead.
    #[arg(long)]
    pub countries: bool,
}

#[derive(Serialize)]
struct CountryJson<'a> {
    code: &'a str,
    name: &'a str,
    first_year: i32,
    last_year: i32,
}

pub fn run(ctx: &mut Ctx, args: &DividendArgs) -> Result<()> {
    if args.countries {
        return countries(&mut ctx.out);
    }
    let config = ctx.tracker.config();
    let period = match args.period.as_deref() {
        None | Some("last-week") => None,
        Some(text) => Some(Weeks::parse(text)?),
    };
    // A country from the config that the data lacks is the config's fault (exit 7).
    if args.country.is_none() && crate::leisure::data::country(&config.country).is_none() {
        return Err(Error::config(format!(
            "config country = {:?} has no hours data in Penn World Table; `otium dividend --countries` lists the codes",
            config.country
        )));
    }
    let request = DividendRequest {
        country: args
            .country
            .clone()
            .unwrap_or_else(|| config.country.clone()),
        base_year: args.base_year.unwrap_or(config.base_year),
        end_year: args.end_year,
        projects: args.projects.clone(),
        baseline: args.baseline.as_deref().map(Weeks::parse).transpose()?,
        period,
    };
    // Weeks that have not begun cannot hold work: a typo in the year, most likely.
    let today = crate::time::local_date(ctx.tracker.zone(), ctx.tracker.now());
    for (flag, weeks) in [
        ("--baseline", &request.baseline),
        ("--period", &request.period),
    ] {
        if let Some(w) = weeks
            && w.first > today
        {
            return Err(Error::invalid(format!(
                "{flag} starts in the week of {}, which has not begun (today is {today}); give past weeks, e.g. 2026-W10..2026-W13",
                w.first
            )));
        }
    }
    if request.projects.is_empty() && request.baseline.is_some() {
        return Err(Error::invalid(
            "--baseline needs --project: baselines differ per project",
        ));
    }
    let dividend = ctx.tracker.dividend(&request)?;
    ctx.out.value(|| &dividend);
    if !ctx.out.json {
        render(ctx, &dividend);
    }
    Ok(())
}

/// `dividend --countries`: the built-in data only, so `cli::run` answers it without
/// opening (or needing) a database.
pub fn countries(out: &mut Out) -> Result<()> {
    let all = data::countries();
    let list: Vec<CountryJson<'_>> = all
        .values()
        .map(|c| {
            let (first_year, last_year) = c.span();
            CountryJson {
                code: &c.code,
                name: &c.name,
                first_year,
                last_year,
            }
        })
        .collect();
    out.value(|| &list);
    for c in &list {
        out.line(format!(
            "{}  {}–{}  {}",
            c.code, c.first_year, c.last_year, c.name
        ));
    }
    out.line(data::ATTRIBUTION);
    Ok(())
}

fn render(ctx: &mut Ctx, d: &Dividend) {
    let out = &mut ctx.out;
    match &d.national {
        NationalPart::Figures(n) => national(out, n),
        NationalPart::Unavailable {
            country,
            base_year,
            reason,
        } => {
            out.line(format!(
                "National dividend ({country}, base {base_year}): not available: {reason}."
            ));
        }
    }
    out.line("");
    keynes(out, &d.keynes_week, &d.national);
    out.line("");
    if d.personal.is_empty() {
        out.line("Personal productivity: no project declares an output unit yet (`otium project NAME --unit pages`).");
    } else {
        out.line("Personal productivity (per project, output per hour now vs a baseline):");
        for p in &d.personal {
            personal(out, p);
        }
        if let Some(m) = d.combined_multiple {
            out.line(format!(
                "  All projects: productivity multiple {m:.3} (geometric mean weighted by this period's hours)"
            ));
        }
    }
    out.line("");
    out.line(d.attribution);
}

fn national(out: &mut super::Out, n: &National) {
    let week = |h: f64| h / WEEKS_PER_YEAR;
    let (b, t) = (n.base_year, n.end_year);
    out.line(format!(
        "National dividend: {} ({}), {b} → {t}",
        n.country_name, n.country
    ));
    out.line(format!(
        "  Output per hour      {:.2} → {:.2} US$ (2017 prices): productivity multiple R = {:.3}",
        n.output_per_hour_base, n.output_per_hour_end, n.productivity_multiple
    ));
    out.line(format!(
        "  Hours per worker     {:.1} → {:.1} h/year ({:.1} → {:.1} h/week, annual ÷ 52)",
        n.hours_base,
        n.hours_end,
        week(n.hours_base),
        week(n.hours_end)
    ));
    out.line(format!(
        "  Needed for {b} output per worker at {t} productivity: {:.1} h/year ({:.1} h/week)",
        n.hours_needed,
        week(n.hours_needed)
    ));
    // A negative realised dividend means hours rose: say so instead of "taken -196 h".
    let taken = if n.realised_hours >= 0.0 {
        format!(
            "taken as shorter hours {:.1} h/year ({:.1} h/week)",
            n.realised_hours,
            week(n.realised_hours)
        )
    } else {
        format!(
            "none taken: hours rose by {:.1} h/year ({:.1} h/week)",
            -n.realised_hours,
            week(-n.realised_hours)
        )
    };
    out.line(format!(
        "  Potential dividend   {:.1} h/year ({:.1} h/week); {taken}",
        n.potential_hours,
        week(n.potential_hours),
    ));
    match n.captured_share {
        Some(c) => out.line(format!(
            "  Share of the potential taken as leisure: {:.1}%",
            c * 100.0
        )),
        None => out.line(format!(
            "  Share taken as leisure: undefined: {}",
            n.reason.as_deref().unwrap_or("no dividend")
        )),
    }
    if let (Some(a), Some(z)) = (n.labour_share_base, n.labour_share_end) {
        out.line(format!(
            "  Labour share of GDP  {:.1}% ({b}) → {:.1}% ({t})",
            a * 100.0,
            z * 100.0
        ));
    }
    for w in &n.warnings {
        out.line(format!("  Caution: {w}."));
    }
}

fn keynes(out: &mut super::Out, k: &KeynesPart, national: &NationalPart) {
    let weeks: Vec<String> = k
        .weeks
        .iter()
        .map(|w| format!("{} {:.1} h", w.week, w.hours))
        .collect();
    match (&k.figures, national) {
        (Some(f), NationalPart::Figures(n)) => {
            let free = if f.dividend_hours >= 0.0 {
                format!("{:.1} h/week of free time", f.dividend_hours)
            } else {
                format!("{:.1} h/week more work", -f.dividend_hours)
            };
            out.line(format!(
                "Keynes week: your {:.1} h week would be {:.1} h at {} {} output per worker (R = {:.3}, {}); {free}.",
                f.average_hours, f.keynes_hours, n.base_year, n.country_name, f.productivity_multiple, n.end_year
            ));
            out.line(format!(
                "  Average of {} week(s): {}",
                f.weeks_averaged,
                weeks.join(", ")
            ));
            if let Some(reason) = &k.reason {
                out.line(format!("  Note: {reason}."));
            }
        }
        _ => out.line(format!(
            "Keynes week: not available: {}.",
            k.reason.as_deref().unwrap_or("no national multiple")
        )),
    }
}

fn personal(out: &mut super::Out, p: &PersonalPart) {
    let f = &p.figures;
    let u = &p.unit;
    out.line(format!(
        "  {} ({u}): baseline {} vs {}",
        p.project, p.baseline, p.period
    ));
    out.line(format!(
        "    hours/week {:.1} → {:.1}; {u}/week {:.1} → {:.1}",
        f.hours_baseline, f.hours_current, f.output_baseline, f.output_current
    ));
    if let (Some(a), Some(b), Some(r)) = (
        f.per_hour_baseline,
        f.per_hour_current,
        f.productivity_multiple,
    ) {
        out.line(format!(
            "    {u}/hour {a:.2} → {b:.2}: productivity multiple R = {r:.3}"
        ));
    }
    if let (Some(need), Some(pot), Some(real)) =
        (f.hours_needed, f.potential_hours, f.realised_hours)
    {
        let taken = if real >= 0.0 {
            format!("taken {real:.1} h/week")
        } else {
            format!("none taken: hours rose by {:.1} h/week", -real)
        };
        out.line(format!(
            "    baseline output would now take {need:.1} h/week: potential dividend {pot:.1} h/week, {taken}"
        ));
    }
    if let Some(c) = f.captured_share {
        out.line(format!(
            "    share of the gain taken as free time: {:.1}%",
            c * 100.0
        ));
    }
    if let (Some(o), Some(l)) = (f.share_output, f.share_leisure) {
        out.line(format!(
            "    where the gain went: {:.0}% into more output, {:.0}% into free time",
            o * 100.0,
            l * 100.0
        ));
    }
    if let Some(reason) = &f.reason {
        out.line(format!("    {reason}."));
    }
}
