//! The text of `otium dividend`, following LEISURE-MODEL.md §5: assumptions next to
//! the figures they drive, one name per concept, caveats shown, precision that
//! matches the data (R to 2 decimals, shares in whole percent, hours whole per year
//! or to 0.1 per week) and the attribution at the end. JSON keeps full precision.

use crate::cli::Out;
use crate::leisure::alternatives::HOURS_996;
use crate::leisure::display::{per_week, per_year, percent, thousands};
use crate::leisure::{CaveatKind, National, WEEKS_PER_YEAR};
use crate::tracker::dividend::{Dividend, KeynesPart, NationalPart, PersonalPart};

pub fn render(out: &mut Out, d: &Dividend) {
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
    if !d.week_comparison.is_empty() {
        out.line("");
        week_comparison(out, d);
    }
    out.line("");
    accumulated(out, d);
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
                "  All projects: productivity multiple {m:.2} (geometric mean weighted by this period's hours)"
            ));
        }
    }
    out.line("");
    out.line(d.attribution);
}

fn national(out: &mut Out, n: &National) {
    let (b, t) = (n.base_year, n.end_year);
    out.line(format!(
        "National dividend: {} ({}), {b} → {t}",
        n.country_name, n.country
    ));
    out.line(format!(
        "  Hours are per person engaged (employees, self-employed and farmers) and include holidays; the data end in {t}, nothing is assumed after it."
    ));
    out.line(format!(
        "  Output per hour      {:.2} → {:.2} US$ (2017 national prices, for change within {}, not across countries): R = {:.2}",
        n.output_per_hour_base, n.output_per_hour_end, n.country_name, n.productivity_multiple
    ));
    out.line(format!(
        "  Hours per worker     {} → {} h/year ({} → {} h/week, annual ÷ 52)",
        per_year(n.hours_base),
        per_year(n.hours_end),
        per_week(n.hours_base),
        per_week(n.hours_end)
    ));
    if let (Some(a), Some(z)) = (n.hours_per_head_base, n.hours_per_head_end) {
        out.line(format!(
            "  Hours per head       {} → {} h/year ({} → {} h/week) per person of the whole population",
            per_year(a),
            per_year(z),
            per_week(a),
            per_week(z)
        ));
    }
    out.line(format!(
        "  Hours that produce {b} output per worker at {t} productivity: {} h/year ({} h/week)",
        per_year(n.hours_needed),
        per_week(n.hours_needed)
    ));
    // A negative realised dividend means hours rose: say so instead of "taken -196 h".
    let taken = if n.realised_hours >= 0.0 {
        format!(
            "taken as shorter hours {} h/year ({} h/week)",
            per_year(n.realised_hours),
            per_week(n.realised_hours)
        )
    } else {
        format!(
            "none taken: hours rose by {} h/year ({} h/week)",
            per_year(-n.realised_hours),
            per_week(-n.realised_hours)
        )
    };
    out.line(format!(
        "  Potential dividend   {} h/year ({} h/week); {taken}",
        per_year(n.potential_hours),
        per_week(n.potential_hours),
    ));
    match n.captured_share {
        Some(c) => out.line(format!(
            "  Share of the potential taken as shorter hours: {}",
            percent(c)
        )),
        None => out.line(format!(
            "  Share of the potential taken as shorter hours: undefined: {}",
            n.reason.as_deref().unwrap_or("no dividend")
        )),
    }
    let career = |h: f64| {
        format!(
            "{} h ({:.1} years of 40-hour weeks)",
            thousands(h),
            h / (40.0 * WEEKS_PER_YEAR)
        )
    };
    let taken = if n.career_realised_hours >= 0.0 {
        format!("taken {}", career(n.career_realised_hours))
    } else {
        format!("none taken: {} more work", career(-n.career_realised_hours))
    };
    out.line(format!(
        "  Over a career of {} years (an assumption) at {b} hours: potential {}, {taken}",
        n.career_years,
        career(n.career_potential_hours),
    ));
    labour_share(out, n);
    for c in &n.caveats {
        // The levels caveat is said on the output-per-hour line already.
        if c.kind != CaveatKind::LevelsNotComparable {
            out.line(format!("  Caution: {}.", c.message));
        }
    }
}

/// Who received the rest: the labour share where measured; a carried value is named
/// as such with its run of years, never as that year's measurement.
fn labour_share(out: &mut Out, n: &National) {
    let one =
        |share: Option<f64>, run: Option<crate::leisure::YearRun>, year: i32| match (share, run) {
            (None, _) => format!("not in the data for {year}"),
            (Some(s), None) => format!("{} ({year})", percent(s)),
            (Some(s), Some(r)) => format!(
                "{} (PWT's one value for {}–{}, not a measurement of {year})",
                percent(s),
                r.first_year,
                r.last_year
            ),
        };
    if n.labour_share_base.is_none() && n.labour_share_end.is_none() {
        return;
    }
    out.line(format!(
        "  Labour share of GDP  {} → {}: who received the part of the gain not taken as leisure",
        one(n.labour_share_base, n.labour_share_base_run, n.base_year),
        one(n.labour_share_end, n.labour_share_end_run, n.end_year)
    ));
}

fn keynes(out: &mut Out, k: &KeynesPart, national: &NationalPart) {
    let weeks: Vec<String> = k
        .weeks
        .iter()
        .map(|w| format!("{} {:.1} h", w.week, w.hours))
        .collect();
    match (&k.figures, national) {
        (Some(f), NationalPart::Figures(n)) => {
            let free = if f.dividend_hours >= 0.0 {
                format!(
                    "{:.1} h/week the economy's productivity could have freed",
                    f.dividend_hours
                )
            } else {
                format!("{:.1} h/week more work", -f.dividend_hours)
            };
            out.line(format!(
                "Keynes week: what your {:.1} h/week produced at {} productivity takes {:.1} h/week at {} productivity (R = {:.2}, {}); {free}.",
                f.average_hours, n.base_year, f.keynes_hours, n.end_year, f.productivity_multiple, n.country_name
            ));
            out.line(format!(
                "  Assuming your productivity grew like the {} average (hours per person engaged); the data end in {}.",
                n.country_name, n.end_year
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

/// §4.1 as a block of text bars, scaled to the 996 week.
fn week_comparison(out: &mut Out, d: &Dividend) {
    out.line("Your week against the alternatives (hours per week):");
    for w in &d.week_comparison {
        let (value, bar) = match w.hours_per_week {
            Some(h) => (
                format!("{h:>5.1}"),
                "█".repeat((h / HOURS_996 * 24.0).round().clamp(0.0, 30.0) as usize),
            ),
            None => ("    —".to_string(), String::new()),
        };
        out.line(format!(
            "  {:<16} {value}  {bar:<24}  {}",
            w.kind.label(),
            w.source
        ));
    }
}

fn accumulated(out: &mut Out, d: &Dividend) {
    let (Some(a), NationalPart::Figures(n)) = (&d.accumulated, &d.national) else {
        out.line(format!(
            "Accumulated: not available: {}.",
            d.accumulated_reason.as_deref().unwrap_or("no figures")
        ));
        return;
    };
    out.line(format!(
        "Accumulated since your first session: {:.1} h tracked; at {} productivity what they produced at {} productivity takes {:.1} h; difference {:.1} h ({:.1} weeks of 40 hours).",
        a.tracked_hours,
        n.end_year,
        n.base_year,
        a.hours_at_end_productivity,
        a.difference_hours,
        a.difference_weeks_40h
    ));
}

fn personal(out: &mut Out, p: &PersonalPart) {
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
            "    {u}/hour {a:.2} → {b:.2}: productivity multiple R = {r:.2}"
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
            "    share of the potential taken as shorter hours: {}",
            percent(c)
        ));
    }
    if let (Some(o), Some(l)) = (f.share_output, f.share_leisure) {
        let longer = if l < 0.0 { " (you worked longer)" } else { "" };
        out.line(format!(
            "    where the gain went: {} more output, {} shorter hours{longer}",
            percent(o),
            percent(l)
        ));
    }
    if let Some(reason) = &f.reason {
        out.line(format!("    {reason}."));
    }
}
