//! `otium output AMOUNT [--project P] [--at T] [--note N]`: record what was produced.

use clap::Args;

use super::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::t;
use crate::time;

// `output AMOUNT [--project P] [--at T] [--note N]`.
#[derive(Debug, Args)]
pub struct OutputCmdArgs {
    /// How much, in the project's unit (e.g. 3 or 2.5).
    pub amount: f64,
    /// The project [default: the running session's, else the last session's].
    #[arg(long, add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub project: Option<String>,
    /// When it was produced [default: now].
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub at: Option<String>,
    /// A note.
    #[arg(short, long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: &OutputCmdArgs) -> Result<()> {
    if let Some(p) = &args.project {
        super::project_name(p, "otium output 3 --project writing")?;
    }
    let project = match &args.project {
        Some(p) => p.trim().to_string(),
        None => ctx.tracker.latest()?.map(|s| s.project).ok_or_else(|| {
            Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-output-no-session",
                vec![],
            )
        })?,
    };
    let at = args
        .at
        .as_deref()
        .map(|t| ctx.instant(t, None))
        .transpose()?;
    let entry = ctx
        .tracker
        .record_output(&project, args.amount, at, args.note.as_deref())?;
    let unit = entry.unit.clone().unwrap_or_default();
    let at = time::date_hhmm_in(ctx.tracker.zone(), entry.at);
    let args: [(&str, &dyn std::fmt::Display); 4] = [
        ("amount", &entry.amount),
        ("unit", &unit),
        ("project", &entry.project),
        ("at", &at),
    ];
    ctx.out.line(match entry.session {
        Some(id) => {
            let mut with_id = args.to_vec();
            with_id.push(("id", &id));
            t(ctx.lang, "capture-output-recorded-session", &with_id)
        }
        None => t(ctx.lang, "capture-output-recorded", &args),
    });
    ctx.out.value(|| &entry);
    Ok(())
}
