//! `otium undo [--list]` and `otium redo`: walk the change journal back and forth.
//! The journal is in the database, so an undo here takes back a change made in the
//! TUI or by another process, and the other way round.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::Result;
use crate::i18n::{t, zh};
use crate::time;
use crate::tracker::journal::{EntryState, JournalEntry, Reverted, Verb};

// `undo [--list [--limit N]]`.
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Show the journal (newest first) instead of undoing: what `undo` and `redo` would take.
    #[arg(long)]
    pub list: bool,
    /// How many entries `--list` shows.
    #[arg(long, value_name = "N", default_value_t = 20, requires = "list")]
    pub limit: usize,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    id: i64,
    at: String,
    verb: Verb,
    state: EntryState,
    summary: &'a str,
    sessions: usize,
}

fn entry_json<'a>(e: &'a JournalEntry, ctx: &Ctx) -> EntryJson<'a> {
    EntryJson {
        id: e.id,
        at: time::rfc3339_in(ctx.tracker.zone(), e.at),
        verb: e.verb,
        state: e.state,
        summary: &e.summary,
        sessions: e.sessions,
    }
}

#[derive(Serialize)]
struct RevertedJson<'a> {
    action: &'static str,
    entry: EntryJson<'a>,
    effects: &'a [String],
}

/// `otium undo`.
pub fn run(ctx: &mut Ctx, args: &UndoArgs) -> Result<()> {
    if args.list {
        return list(ctx, args.limit);
    }
    let done = ctx.tracker.undo()?;
    say(ctx, &done, false);
    Ok(())
}

/// `otium redo`.
pub fn redo(ctx: &mut Ctx) -> Result<()> {
    let done = ctx.tracker.redo()?;
    say(ctx, &done, true);
    Ok(())
}

fn say(ctx: &mut Ctx, done: &Reverted, redo: bool) {
    let lang = ctx.lang;
    let verb = done.entry.verb.as_str();
    let line = if lang.is_zh() {
        // The stored summary is English, written when the change was made: Chinese
        // says the change by its verb, and the lines below name each session.
        let key = if redo {
            "capture-redid-verb"
        } else {
            "capture-undid-verb"
        };
        t(lang, key, &[("verb", &done.entry.verb.name_in(lang))])
    } else {
        let key = if redo {
            "capture-redid"
        } else {
            "capture-undid"
        };
        t(
            lang,
            key,
            &[("verb", &verb), ("summary", &done.entry.summary)],
        )
    };
    ctx.out.line(line);
    for effect in &done.done {
        for line in effect.lines_in(lang) {
            ctx.out.line(format!("  {line}"));
        }
    }
    let next = if redo {
        "capture-redo-next"
    } else {
        "capture-undo-next"
    };
    ctx.out.line(t(lang, next, &[]));
    let json = RevertedJson {
        action: if redo { "redo" } else { "undo" },
        entry: entry_json(&done.entry, ctx),
        effects: &done.effects,
    };
    ctx.out.value(|| json);
}

fn list(ctx: &mut Ctx, limit: usize) -> Result<()> {
    let entries = ctx.tracker.journal(limit)?;
    let json: Vec<EntryJson<'_>> = entries.iter().map(|e| entry_json(e, ctx)).collect();
    ctx.out.value(|| json);
    if entries.is_empty() {
        ctx.out.line(t(ctx.lang, "capture-journal-empty", &[]));
        return Ok(());
    }
    let (zone, lang) = (ctx.tracker.zone(), ctx.lang);
    for e in &entries {
        let state = match e.state {
            EntryState::Done => String::new(),
            EntryState::Undone => t(lang, "capture-journal-undone", &[]),
        };
        let at = time::date_hhmm_in(zone, e.at);
        if lang.is_zh() {
            // The stored summary is English; Chinese names the verb and how many
            // sessions the change touched.
            let verb = e.verb.name_in(lang);
            let what = t(lang, "capture-journal-sessions", &[("count", &e.sessions)]);
            ctx.out.line(format!(
                "{:>4}  {at}  {}  {}  {what}",
                e.id,
                zh::pad_end(&state, 6),
                zh::pad_end(&verb, 8),
            ));
        } else {
            let state = if state.is_empty() { "     " } else { &state };
            ctx.out.line(format!(
                "{:>4}  {at}  {state:<6}  {:<8}  {}",
                e.id,
                e.verb.as_str(),
                e.summary
            ));
        }
    }
    Ok(())
}
