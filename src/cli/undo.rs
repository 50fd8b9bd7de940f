//! `otium undo [--list]` and `otium redo`: walk the change journal back and forth.
//! The journal is in the database, so an undo here takes back a change made in the
//! TUI or by another process, and the other way round.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::error::Result;
use crate::time;
use crate::tracker::journal::{EntryState, JournalEntry, Reverted, Verb};

/// `undo [--list [--limit N]]`.
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
    let (word, next) = if redo {
        ("Redid", "`otium undo` takes it back again")
    } else {
        ("Undid", "`otium redo` re-applies it")
    };
    ctx.out.line(format!(
        "{word} {} \u{201c}{}\u{201d}.",
        done.entry.verb.as_str(),
        done.entry.summary
    ));
    for effect in &done.effects {
        ctx.out.line(format!("  {effect}"));
    }
    ctx.out.line(format!("({next}.)"));
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
        ctx.out.line("The journal is empty: no change to undo yet.");
        return Ok(());
    }
    let zone = ctx.tracker.zone();
    for e in &entries {
        let state = match e.state {
            EntryState::Done => "     ",
            EntryState::Undone => "undone",
        };
        ctx.out.line(format!(
            "{:>4}  {}  {state:<6}  {:<8}  {}",
            e.id,
            time::date_hhmm_in(zone, e.at),
            e.verb.as_str(),
            e.summary
        ));
    }
    Ok(())
}
