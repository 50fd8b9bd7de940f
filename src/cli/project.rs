//! `otium project NAME [--unit U | --no-unit] [--rate R --currency C | --no-rate]`:
//! declare what a project produces and what an hour of it is billed at.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::t;
use crate::report::money::{self, Rate};

// `project NAME [--unit UNIT | --no-unit] [--rate R --currency C | --no-rate]`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("change").args(["unit", "no_unit"]))]
#[command(group = clap::ArgGroup::new("billing").args(["rate", "no_rate"]))]
pub struct ProjectArgs {
    /// The project (created if new).
    #[arg(add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub name: String,
    /// What it produces, e.g. pages, tickets, commits.
    #[arg(long)]
    pub unit: Option<String>,
    /// Remove the output unit.
    #[arg(long)]
    pub no_unit: bool,
    /// Hourly rate for reports, e.g. 85 or 92.50 (needs --currency).
    #[arg(
        long,
        value_name = "AMOUNT",
        requires = "currency",
        allow_hyphen_values = true
    )]
    pub rate: Option<String>,
    /// The rate's currency code, e.g. EUR.
    #[arg(long, value_name = "CODE", requires = "rate")]
    pub currency: Option<String>,
    /// Remove the hourly rate.
    #[arg(long)]
    pub no_rate: bool,
}

#[derive(Serialize)]
struct ProjectJson<'a> {
    name: &'a str,
    output_unit: Option<String>,
    /// The hourly rate as a decimal string (`"85.00"`), exact.
    rate: Option<String>,
    currency: Option<String>,
}

impl ProjectArgs {
    /// Whether this changes the project (unit or rate) rather than showing it.
    pub fn changes(&self) -> bool {
        self.unit.is_some() || self.no_unit || self.rate.is_some() || self.no_rate
    }
}

pub fn run(ctx: &mut Ctx, args: &ProjectArgs) -> Result<()> {
    super::project_name(&args.name, "otium project writing --unit pages")?;
    let name = args.name.trim();
    // Every value is checked before anything is written, so a bad rate leaves the unit alone too.
    let rate = match (&args.rate, &args.currency) {
        (Some(rate), Some(currency)) => Some(Rate::parse(rate, currency)?),
        _ => None,
    };
    if args.changes() {
        let unit = (args.unit.is_some() || args.no_unit).then_some(args.unit.as_deref());
        let billing = (rate.is_some() || args.no_rate).then_some(rate.as_ref());
        ctx.tracker.configure_project(&args.name, unit, billing)?;
    }
    let unit = ctx
        .tracker
        .projects()?
        .into_iter()
        .find(|p| p.name == name)
        .ok_or_else(|| {
            Error::keyed(
                ErrorKind::NotFound,
                "capture-error-no-project",
                vec![("name", format!("{name:?}"))],
            )
        })?
        .output_unit;
    let rate = ctx.tracker.rates()?.remove(name);
    let lang = ctx.lang;
    ctx.out.line(match &unit {
        Some(unit) => t(
            lang,
            "capture-project-unit",
            &[("name", &name), ("unit", unit)],
        ),
        None => t(lang, "capture-project-no-unit", &[("name", &name)]),
    });
    ctx.out.line(match &rate {
        Some(rate) => t(
            lang,
            "capture-project-rate",
            &[("name", &name), ("rate", rate)],
        ),
        None => t(lang, "capture-project-no-rate", &[("name", &name)]),
    });
    ctx.out.value(|| ProjectJson {
        name,
        output_unit: unit,
        rate: rate.as_ref().map(|r| money::cents(r.cents_per_hour)),
        currency: rate.map(|r| r.currency),
    });
    Ok(())
}
