//! `otium projects` and `otium tags`.

use super::Ctx;
use crate::error::Result;
use crate::i18n::{self, Lang, t, zh};

pub fn projects(ctx: &mut Ctx) -> Result<()> {
    let lang = ctx.lang;
    let projects = ctx.tracker.projects()?;
    ctx.out.value(|| &projects);
    if projects.is_empty() {
        ctx.out.line(t(lang, "capture-projects-empty", &[]));
    }
    for p in &projects {
        let unit = p
            .output_unit
            .as_deref()
            .map(|u| format!("  [{u}]"))
            .unwrap_or_default();
        ctx.out.line(format!(
            "{}{unit}",
            row(lang, &p.name, p.total_seconds, p.sessions)
        ));
    }
    Ok(())
}

pub fn tags(ctx: &mut Ctx) -> Result<()> {
    let lang = ctx.lang;
    let tags = ctx.tracker.tags()?;
    ctx.out.value(|| &tags);
    if tags.is_empty() {
        ctx.out.line(t(lang, "capture-tags-empty", &[]));
    }
    // Named as `report --by tag` and the JSON name them (no `+`: that is how a tag
    // is typed, not part of its name).
    for tag in &tags {
        ctx.out
            .line(row(lang, &tag.name, tag.total_seconds, tag.sessions));
    }
    Ok(())
}

/// `writing                     3h 05m      4 session(s)`: a name, its total and its
/// count of sessions, padded by display width so that names in Chinese (two columns
/// a character) line up with Latin ones.
fn row(lang: Lang, name: &str, seconds: i64, sessions: impl std::fmt::Display) -> String {
    let width = if lang.is_zh() { 10 } else { 9 };
    let count = format!("{sessions:>5}");
    format!(
        "{} {}  {}",
        zh::pad_end(name, 24),
        zh::pad_start(&i18n::duration(lang, seconds), width),
        t(lang, "capture-list-sessions", &[("count", &count)])
    )
}
