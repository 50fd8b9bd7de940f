//! The text of `otium dividend`, following LEISURE-MODEL.md §5: assumptions next to
//! the figures they drive, one name per concept, caveats shown, precision that
//! matches the data (R to 2 decimals, shares in whole percent, hours whole per year
//! or to 0.1 per week) and the attribution at the end. JSON keeps full precision.
//! The national figures are in `national.rs`.
//! Every sentence comes from the catalogue in the user's language; the numbers are
//! formatted the same in every language.

use std::fmt::Display;

use crate::cli::Out;
use crate::i18n::{Lang, t};
use crate::leisure::alternatives::HOURS_996;
use crate::leisure::display::percent;
use crate::leisure::names::country_name;
use crate::tracker::dividend::{Dividend, KeynesPart, NationalPart, PersonalPart};

/// A message with two-space indentation, as every detail line has.
pub fn indented(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    format!("  {}", t(lang, key, args))
}

pub fn render(out: &mut Out, d: &Dividend, lang: Lang) {
    match &d.national {
        NationalPart::Figures(n) => super::national::national(out, n, lang),
        NationalPart::Unavailable {
            country,
            base_year,
            reason,
        } => {
            out.line(t(
                lang,
                "dividend-national-unavailable",
                &[
                    ("country", country),
                    ("base", base_year),
                    ("reason", &reason.in_lang(lang)),
                ],
            ));
        }
    }
    out.line("");
    keynes(out, &d.keynes_week, &d.national, lang);
    if !d.week_comparison.is_empty() {
        out.line("");
        week_comparison(out, d, lang);
    }
    out.line("");
    accumulated(out, d, lang);
    out.line("");
    if d.personal.is_empty() {
        out.line(t(lang, "dividend-no-units", &[]));
    } else {
        out.line(t(lang, "dividend-personal-heading", &[]));
        for p in &d.personal {
            personal(out, p, lang);
        }
        if let Some(m) = d.combined_multiple {
            out.line(indented(
                lang,
                "dividend-combined",
                &[("multiple", &format!("{m:.2}"))],
            ));
        }
    }
    out.line("");
    out.line(crate::leisure::data::attribution(lang));
}

fn keynes(out: &mut Out, k: &KeynesPart, national: &NationalPart, lang: Lang) {
    let weeks: Vec<String> = k
        .weeks
        .iter()
        .map(|w| {
            t(
                lang,
                "dividend-week-hours",
                &[("week", &w.week), ("hours", &format!("{:.1}", w.hours))],
            )
        })
        .collect();
    match (&k.figures, national) {
        (Some(f), NationalPart::Figures(n)) => {
            let name = country_name(lang, &n.country, &n.country_name);
            let free = if f.dividend_hours >= 0.0 {
                t(
                    lang,
                    "dividend-keynes-free",
                    &[("hours", &format!("{:.1}", f.dividend_hours))],
                )
            } else {
                t(
                    lang,
                    "dividend-keynes-more",
                    &[("hours", &format!("{:.1}", -f.dividend_hours))],
                )
            };
            out.line(t(
                lang,
                "dividend-keynes",
                &[
                    ("average", &format!("{:.1}", f.average_hours)),
                    ("base", &n.base_year),
                    ("keynes", &format!("{:.1}", f.keynes_hours)),
                    ("end", &n.end_year),
                    ("multiple", &format!("{:.2}", f.productivity_multiple)),
                    ("country", &name),
                    ("free", &free),
                ],
            ));
            out.line(indented(
                lang,
                "dividend-keynes-assumption",
                &[("country", &name), ("end", &n.end_year)],
            ));
            out.line(indented(
                lang,
                "dividend-keynes-weeks",
                &[
                    ("count", &f.weeks_averaged),
                    (
                        "weeks",
                        &weeks.join(&t(lang, "dividend-list-separator", &[])),
                    ),
                ],
            ));
            if let Some(reason) = &k.reason {
                out.line(indented(
                    lang,
                    "dividend-note",
                    &[("reason", &reason.in_lang(lang))],
                ));
            }
        }
        _ => out.line(t(
            lang,
            "dividend-keynes-unavailable",
            &[(
                "reason",
                &k.reason
                    .as_ref()
                    .map_or_else(|| t(lang, "dividend-no-multiple", &[]), |r| r.in_lang(lang)),
            )],
        )),
    }
}

/// §4.1 as a block of text bars, scaled to the 996 week. Labels are padded by
/// terminal columns, so Chinese labels line up as English ones do.
fn week_comparison(out: &mut Out, d: &Dividend, lang: Lang) {
    out.line(t(lang, "dividend-weeks-heading", &[]));
    for w in &d.week_comparison {
        let (value, bar) = match w.hours_per_week {
            Some(h) => (
                format!("{h:>5.1}"),
                "█".repeat((h / HOURS_996 * 24.0).round().clamp(0.0, 30.0) as usize),
            ),
            None => ("    —".to_string(), String::new()),
        };
        out.line(format!(
            "  {} {value}  {bar:<24}  {}",
            crate::i18n::zh::pad_end(&w.kind.label_in(lang), 16),
            w.source.in_lang(lang)
        ));
    }
}

fn accumulated(out: &mut Out, d: &Dividend, lang: Lang) {
    let (Some(a), NationalPart::Figures(n)) = (&d.accumulated, &d.national) else {
        out.line(t(
            lang,
            "dividend-accumulated-unavailable",
            &[(
                "reason",
                &d.accumulated_reason
                    .as_ref()
                    .map_or_else(|| t(lang, "dividend-no-figures", &[]), |r| r.in_lang(lang)),
            )],
        ));
        return;
    };
    out.line(t(
        lang,
        "dividend-accumulated",
        &[
            ("tracked", &format!("{:.1}", a.tracked_hours)),
            ("end", &n.end_year),
            ("base", &n.base_year),
            ("at_end", &format!("{:.1}", a.hours_at_end_productivity)),
            ("difference", &format!("{:.1}", a.difference_hours)),
            ("weeks", &format!("{:.1}", a.difference_weeks_40h)),
        ],
    ));
}

fn personal(out: &mut Out, p: &PersonalPart, lang: Lang) {
    let f = &p.figures;
    let u = &p.unit;
    let one = |x: f64| format!("{x:.1}");
    out.line(indented(
        lang,
        "dividend-project",
        &[
            ("project", &p.project),
            ("unit", u),
            ("baseline", &p.baseline.in_lang(lang)),
            ("period", &p.period),
        ],
    ));
    out.line(format!(
        "    {}",
        t(
            lang,
            "dividend-project-inputs",
            &[
                ("hours_base", &one(f.hours_baseline)),
                ("hours_now", &one(f.hours_current)),
                ("unit", u),
                ("output_base", &one(f.output_baseline)),
                ("output_now", &one(f.output_current)),
            ],
        )
    ));
    if let (Some(a), Some(b), Some(r)) = (
        f.per_hour_baseline,
        f.per_hour_current,
        f.productivity_multiple,
    ) {
        out.line(format!(
            "    {}",
            t(
                lang,
                "dividend-project-rate",
                &[
                    ("unit", u),
                    ("base", &format!("{a:.2}")),
                    ("now", &format!("{b:.2}")),
                    ("multiple", &format!("{r:.2}")),
                ],
            )
        ));
    }
    if let (Some(need), Some(pot), Some(real)) =
        (f.hours_needed, f.potential_hours, f.realised_hours)
    {
        let taken = if real >= 0.0 {
            t(lang, "dividend-project-taken", &[("hours", &one(real))])
        } else {
            t(lang, "dividend-project-none", &[("hours", &one(-real))])
        };
        out.line(format!(
            "    {}",
            t(
                lang,
                "dividend-project-need",
                &[
                    ("need", &one(need)),
                    ("potential", &one(pot)),
                    ("taken", &taken),
                ],
            )
        ));
    }
    if let Some(c) = f.captured_share {
        out.line(format!(
            "    {}",
            t(lang, "dividend-project-captured", &[("share", &percent(c))])
        ));
    }
    if let (Some(o), Some(l)) = (f.share_output, f.share_leisure) {
        let key = if l < 0.0 {
            "dividend-project-split-longer"
        } else {
            "dividend-project-split"
        };
        out.line(format!(
            "    {}",
            t(
                lang,
                key,
                &[("output", &percent(o)), ("leisure", &percent(l))],
            )
        ));
    }
    if let Some(reason) = &f.reason {
        out.line(format!(
            "    {}",
            t(
                lang,
                "dividend-project-reason",
                &[("reason", &reason.in_lang(lang))],
            )
        ));
    }
}
