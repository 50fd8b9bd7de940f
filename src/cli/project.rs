//! `otium project NAME [--unit U | --no-unit]`: declare what a project produces.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::Result;

/// `project NAME [--unit UNIT | --no-unit]`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("change").args(["unit", "no_unit"]))]
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
}

#[derive(Serialize)]
struct ProjectJson<'a> {
    name: &'a str,
    output_unit: Option<String>,
}

impl ProjectArgs {
    /// Whether this changes the project (`--unit`/`--no-unit`) rather than showing it.
    pub fn changes(&self) -> bool {
        self.unit.is_some() || self.no_unit
    }
}

pub fn run(ctx: &mut Ctx, args: &ProjectArgs) -> Result<()> {
    super::project_name(&args.name, "otium project writing --unit pages")?;
    let unit = if args.changes() {
        ctx.tracker.set_unit(&args.name, args.unit.as_deref())?
    } else {
        ctx.tracker
            .projects()?
            .into_iter()
            .find(|p| p.name == args.name.trim())
            .ok_or_else(|| {
                crate::Error::not_found(format!(
                    "no project {:?}; `otium projects` lists them",
                    args.name
                ))
            })?
            .output_unit
    };
    let name = args.name.trim();
    match &unit {
        Some(unit) => ctx.out.line(format!("Project {name} produces {unit}.")),
        None => ctx.out.line(format!("Project {name} has no output unit.")),
    }
    ctx.out.value(|| ProjectJson {
        name,
        output_unit: unit,
    });
    Ok(())
}
