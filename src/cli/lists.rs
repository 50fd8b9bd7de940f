//! `otium projects` and `otium tags`.

use super::Ctx;
use crate::error::Result;
use crate::time;

pub fn projects(ctx: &mut Ctx) -> Result<()> {
    let projects = ctx.tracker.projects()?;
    ctx.out.value(|| &projects);
    if projects.is_empty() {
        ctx.out
            .line("No projects yet. `otium start PROJECT` creates one.");
    }
    for p in &projects {
        let unit = p
            .output_unit
            .as_deref()
            .map(|u| format!("  [{u}]"))
            .unwrap_or_default();
        ctx.out.line(format!(
            "{:<24} {:>9}  {:>5} session(s){unit}",
            p.name,
            time::human_duration(p.total_seconds),
            p.sessions
        ));
    }
    Ok(())
}

pub fn tags(ctx: &mut Ctx) -> Result<()> {
    let tags = ctx.tracker.tags()?;
    ctx.out.value(|| &tags);
    if tags.is_empty() {
        ctx.out
            .line("No tags yet. Add them as +name: `otium start writing +draft`.");
    }
    // Named as `report --by tag` and the JSON name them (no `+`: that is how a tag
    // is typed, not part of its name).
    for t in &tags {
        ctx.out.line(format!(
            "{:<24} {:>9}  {:>5} session(s)",
            t.name,
            time::human_duration(t.total_seconds),
            t.sessions
        ));
    }
    Ok(())
}
