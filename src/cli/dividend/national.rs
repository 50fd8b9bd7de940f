//! The national part of `otium dividend` (LEISURE-MODEL.md §1, §4.2, §4.4, §4.5):
//! the figures with their inputs, the career totals, the labour share (a carried
//! value named as such) and the caveats, in the user's language.

use super::text::indented;
use crate::cli::Out;
use crate::i18n::{Lang, t};
use crate::leisure::display::{per_week, per_year, percent, thousands};
use crate::leisure::names::country_name;
use crate::leisure::{CaveatKind, National, WEEKS_PER_YEAR};

/// The national figures, each with its inputs.
pub fn national(out: &mut Out, n: &National, lang: Lang) {
    let (b, t_) = (n.base_year, n.end_year);
    let name = country_name(lang, &n.country, &n.country_name);
    out.line(t(
        lang,
        "dividend-national-heading",
        &[
            ("name", &name),
            ("code", &n.country),
            ("base", &b),
            ("end", &t_),
        ],
    ));
    out.line(indented(lang, "dividend-hours-scope", &[("end", &t_)]));
    out.line(indented(
        lang,
        "dividend-output-per-hour",
        &[
            ("base", &format!("{:.2}", n.output_per_hour_base)),
            ("end", &format!("{:.2}", n.output_per_hour_end)),
            ("name", &name),
            ("multiple", &format!("{:.2}", n.productivity_multiple)),
        ],
    ));
    out.line(indented(
        lang,
        "dividend-hours-per-worker",
        &[
            ("base", &per_year(n.hours_base)),
            ("end", &per_year(n.hours_end)),
            ("base_week", &per_week(n.hours_base)),
            ("end_week", &per_week(n.hours_end)),
        ],
    ));
    if let (Some(a), Some(z)) = (n.hours_per_head_base, n.hours_per_head_end) {
        out.line(indented(
            lang,
            "dividend-hours-per-head",
            &[
                ("base", &per_year(a)),
                ("end", &per_year(z)),
                ("base_week", &per_week(a)),
                ("end_week", &per_week(z)),
            ],
        ));
    }
    out.line(indented(
        lang,
        "dividend-hours-needed",
        &[
            ("base", &b),
            ("end", &t_),
            ("year", &per_year(n.hours_needed)),
            ("week", &per_week(n.hours_needed)),
        ],
    ));
    // A negative realised dividend means hours rose: say so instead of "taken -196 h".
    let (key, hours) = if n.realised_hours >= 0.0 {
        ("dividend-taken", n.realised_hours)
    } else {
        ("dividend-none-taken", -n.realised_hours)
    };
    let taken = t(
        lang,
        key,
        &[("year", &per_year(hours)), ("week", &per_week(hours))],
    );
    out.line(indented(
        lang,
        "dividend-potential",
        &[
            ("year", &per_year(n.potential_hours)),
            ("week", &per_week(n.potential_hours)),
            ("taken", &taken),
        ],
    ));
    match n.captured_share {
        Some(c) => out.line(indented(
            lang,
            "dividend-captured",
            &[("share", &percent(c))],
        )),
        None => out.line(indented(
            lang,
            "dividend-captured-undefined",
            &[(
                "reason",
                &n.reason
                    .as_ref()
                    .map_or_else(|| t(lang, "dividend-no-dividend", &[]), |r| r.in_lang(lang)),
            )],
        )),
    }
    let career = |h: f64| {
        t(
            lang,
            "dividend-career-hours",
            &[
                ("hours", &thousands(h)),
                ("years", &format!("{:.1}", h / (40.0 * WEEKS_PER_YEAR))),
            ],
        )
    };
    let taken = if n.career_realised_hours >= 0.0 {
        t(
            lang,
            "dividend-career-taken",
            &[("hours", &career(n.career_realised_hours))],
        )
    } else {
        t(
            lang,
            "dividend-career-none",
            &[("hours", &career(-n.career_realised_hours))],
        )
    };
    out.line(indented(
        lang,
        "dividend-career",
        &[
            ("years", &n.career_years),
            ("base", &b),
            ("potential", &career(n.career_potential_hours)),
            ("taken", &taken),
        ],
    ));
    labour_share(out, n, lang);
    for c in &n.caveats {
        // The levels caveat is said on the output-per-hour line already.
        if c.kind != CaveatKind::LevelsNotComparable {
            out.line(indented(
                lang,
                "dividend-caution",
                &[("message", &c.message_in(lang))],
            ));
        }
    }
}

/// Who received the rest: the labour share where measured; a carried value is named
/// as such with its run of years, never as that year's measurement.
fn labour_share(out: &mut Out, n: &National, lang: Lang) {
    let one =
        |share: Option<f64>, run: Option<crate::leisure::YearRun>, year: i32| match (share, run) {
            (None, _) => t(lang, "dividend-share-missing", &[("year", &year)]),
            (Some(s), None) => t(
                lang,
                "dividend-share-measured",
                &[("share", &percent(s)), ("year", &year)],
            ),
            (Some(s), Some(r)) => t(
                lang,
                "dividend-share-carried",
                &[
                    ("share", &percent(s)),
                    ("first", &r.first_year),
                    ("last", &r.last_year),
                    ("year", &year),
                ],
            ),
        };
    if n.labour_share_base.is_none() && n.labour_share_end.is_none() {
        return;
    }
    out.line(indented(
        lang,
        "dividend-labour-share",
        &[
            (
                "base",
                &one(n.labour_share_base, n.labour_share_base_run, n.base_year),
            ),
            (
                "end",
                &one(n.labour_share_end, n.labour_share_end_run, n.end_year),
            ),
        ],
    ));
}
