//! `otium dividend`: the leisure dividend, national and personal, with every input
//! shown; `--compare` puts every country side by side. The text is in `text.rs`,
//! in the user's language; `--json` is the same in every language.

mod compare;
mod national;
mod text;

use clap::Args;
use serde::Serialize;

use super::{Ctx, Out};
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::Lang;
use crate::leisure::data;
use crate::tracker::dividend::{DividendRequest, Weeks};

// `dividend [--country C] [--base Y] [--end Y] [--project P…] [--baseline W..W] [--period P]`,
// `dividend --compare [--base Y]`, `dividend --countries`.
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
    #[arg(long, conflicts_with = "compare")]
    pub countries: bool,
    /// Every country with data in the base year side by side, sorted by the share of
    /// the potential taken as shorter hours.
    #[arg(long, conflicts_with_all = ["country", "end_year", "projects", "baseline", "period"])]
    pub compare: bool,
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
        return countries(&mut ctx.out, ctx.lang);
    }
    let config = ctx.tracker.config();
    if args.compare {
        return compare::run(ctx, args.base_year.unwrap_or(config.base_year));
    }
    let period = match args.period.as_deref() {
        None | Some("last-week") => None,
        Some(text) => Some(weeks(text)?),
    };
    // A country from the config that the data lacks is the config's fault (exit 7).
    if args.country.is_none() && crate::leisure::data::country(&config.country).is_none() {
        return Err(Error::keyed(
            ErrorKind::Config,
            "dividend-config-country",
            vec![("country", format!("{:?}", config.country))],
        ));
    }
    let request = DividendRequest {
        country: args
            .country
            .clone()
            .unwrap_or_else(|| config.country.clone()),
        base_year: args.base_year.unwrap_or(config.base_year),
        end_year: args.end_year,
        projects: args.projects.clone(),
        baseline: args.baseline.as_deref().map(weeks).transpose()?,
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
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "dividend-future-weeks",
                vec![
                    ("flag", flag.to_string()),
                    ("first", w.first.to_string()),
                    ("today", today.to_string()),
                ],
            ));
        }
    }
    if request.projects.is_empty() && request.baseline.is_some() {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "dividend-baseline-needs-project",
            vec![],
        ));
    }
    let dividend = ctx.tracker.dividend(&request)?;
    ctx.out.value(|| &dividend);
    if !ctx.out.json {
        text::render(&mut ctx.out, &dividend, ctx.lang);
    }
    Ok(())
}

/// `--baseline`/`--period` as weeks; a refusal in the dividend's words (any language).
fn weeks(text: &str) -> Result<Weeks> {
    Weeks::parse(text).map_err(|_| {
        let (a, b) = text.split_once("..").unwrap_or((text, text));
        // Both ends are weeks on their own: then only their order is wrong.
        let key = if Weeks::parse(a).is_ok() && Weeks::parse(b).is_ok() {
            "dividend-weeks-reversed"
        } else {
            "dividend-bad-weeks"
        };
        Error::keyed(
            ErrorKind::InvalidInput,
            key,
            vec![("text", format!("{text:?}"))],
        )
    })
}

/// `dividend --countries`: the built-in data only, so `cli::run` answers it without
/// opening (or needing) a database. Names in `lang`; the JSON keeps the data's.
pub fn countries(out: &mut Out, lang: Lang) -> Result<()> {
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
            c.code,
            c.first_year,
            c.last_year,
            crate::leisure::names::country_name(lang, c.code, c.name)
        ));
    }
    out.line(data::attribution(lang));
    Ok(())
}
