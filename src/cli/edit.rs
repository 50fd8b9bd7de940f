//! `otium edit` and `otium rm`.

use clap::Args;

use super::confirm;
use super::{Ctx, format};
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::{Lang, t};
use crate::model::{SessionEdit, SessionId, parse_tags};
use crate::time;

// `edit ID [--project P] [--from T] [--to T] [--note N] [--add-tag T…] [--rm-tag T…]`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The session's id (see `otium log`). Without field flags, the session opens in
    /// $VISUAL (else $EDITOR) as a small TOML document.
    pub id: SessionId,
    /// Move it to another project.
    #[arg(long, add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub project: Option<String>,
    /// New start; a bare HH:MM falls on the session's own day.
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub from: Option<String>,
    /// New end; a bare HH:MM falls on the session's own day. Stops a running session.
    #[arg(long, allow_hyphen_values = true, value_name = "TIME")]
    pub to: Option<String>,
    /// New note ("" clears it).
    #[arg(short, long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Add a tag (repeatable).
    #[arg(long = "add-tag", value_name = "TAG", add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub add_tags: Vec<String>,
    /// Remove a tag (repeatable).
    #[arg(long = "rm-tag", value_name = "TAG", add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub rm_tags: Vec<String>,
}

impl EditArgs {
    /// Whether no field flag was given (then the session opens in the editor).
    fn has_no_fields(&self) -> bool {
        self.project.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.note.is_none()
            && self.add_tags.is_empty()
            && self.rm_tags.is_empty()
    }
}

// `rm ID… [--yes]`: ids and ranges (`12 14 15`, `12-15`).
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The sessions' ids (see `otium log`): `12`, `12 14 15`, or a range `12-15`.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<IdRange>,
    /// Delete more than one session without asking (a terminal asks first).
    #[arg(short, long)]
    pub yes: bool,
}

/// The widest range `rm` takes in one go: a typo (`12-1500`) should not quietly
/// name a thousand sessions.
const MAX_RANGE: i64 = 1000;

/// One word of `rm`: an id (`12`) or an inclusive range (`12-15`). Parsed by clap, so
/// a word that is neither is a usage error, as a bad id always was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdRange {
    first: SessionId,
    last: SessionId,
    /// Whether it was written as a range (then JSON answers a list).
    range: bool,
}

impl std::str::FromStr for IdRange {
    type Err = Error;

    fn from_str(word: &str) -> Result<Self> {
        let Some((a, b)) = word.split_once('-') else {
            let id = word.parse()?;
            return Ok(IdRange {
                first: id,
                last: id,
                range: false,
            });
        };
        let bad = || {
            Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-bad-range",
                vec![("range", format!("{word:?}"))],
            )
        };
        let (first, last): (SessionId, SessionId) =
            (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
        if last.get() < first.get() {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-range-backwards",
                vec![
                    ("range", format!("{word:?}")),
                    ("first", last.to_string()),
                    ("last", first.to_string()),
                ],
            ));
        }
        if last.get() - first.get() >= MAX_RANGE {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-range-too-wide",
                vec![
                    ("range", format!("{word:?}")),
                    ("max", MAX_RANGE.to_string()),
                ],
            ));
        }
        Ok(IdRange {
            first,
            last,
            range: true,
        })
    }
}

/// The ids `rm` was given, in order.
fn ids_of(words: &[IdRange]) -> Vec<SessionId> {
    words
        .iter()
        .flat_map(|w| (w.first.get()..=w.last.get()).map(SessionId::new))
        .collect()
}

pub fn run(ctx: &mut Ctx, args: EditArgs) -> Result<()> {
    let (zone, lang) = (ctx.tracker.zone(), ctx.lang);
    let current = ctx.tracker.session(args.id)?;
    if args.has_no_fields() {
        let editor = super::editor::editor().ok_or_else(super::editor::no_editor)?;
        let now = ctx.tracker.now();
        match super::editor::edit(ctx, &current, &editor)? {
            Some(session) => {
                ctx.out.line(edited(lang, &session, zone, now));
                ctx.out.value(|| session.to_json(now));
            }
            None => {
                ctx.out
                    .line(t(lang, "capture-unchanged", &[("id", &current.id)]));
                ctx.out.value(|| current.to_json(now));
            }
        }
        return Ok(());
    }
    let day = Some(time::local_date(zone, current.start));
    let edit = SessionEdit {
        project: args
            .project
            .as_deref()
            .map(|p| super::project_name(p, &format!("otium edit {} --project writing", args.id)))
            .transpose()?,
        start: args
            .from
            .as_deref()
            .map(|t| ctx.instant(t, day))
            .transpose()?,
        end: args
            .to
            .as_deref()
            .map(|t| ctx.instant(t, day))
            .transpose()?,
        note: args.note.map(Some),
        add_tags: parse_tags(&args.add_tags)?,
        remove_tags: args
            .rm_tags
            .iter()
            .map(|t| t.parse())
            .collect::<Result<_>>()?,
    };
    let session = ctx.tracker.edit(args.id, &edit)?;
    let now = ctx.tracker.now();
    ctx.out.line(edited(lang, &session, zone, now));
    ctx.out.value(|| session.to_json(now));
    Ok(())
}

pub fn remove(ctx: &mut Ctx, args: &RmArgs) -> Result<()> {
    let ids = ids_of(&args.ids);
    // Checked before asking, so the question names real sessions; the delete below
    // loads them again in its own transaction.
    let found = ids
        .iter()
        .map(|&id| ctx.tracker.session(id))
        .collect::<Result<Vec<_>>>()?;
    let (now, zone, lang) = (ctx.tracker.now(), ctx.tracker.zone(), ctx.lang);
    let line = |s: &crate::model::Session| {
        t(
            lang,
            "capture-rm-line",
            &[
                ("id", &s.id),
                ("label", &format::label(s)),
                ("when", &format::when_in(lang, zone, s.start)),
                (
                    "elapsed",
                    &crate::i18n::duration(lang, s.duration_seconds(now)),
                ),
            ],
        )
    };
    if found.len() > 1 && !args.yes && confirm::interactive() {
        let listed: Vec<String> = found.iter().map(|s| format!("  {}", line(s))).collect();
        let count = found.len();
        let question = format!(
            "{}\n{}\n{} ",
            t(lang, "capture-rm-ask-list", &[("count", &count)]),
            listed.join("\n"),
            t(lang, "capture-rm-ask", &[("count", &count)]),
        );
        if !confirm::ask(lang, &question)? {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-rm-not-confirmed",
                vec![],
            ));
        }
    }
    let removed = ctx.tracker.remove_many(&ids)?;
    for s in &removed {
        ctx.out
            .line(t(lang, "capture-removed", &[("line", &line(s))]));
    }
    if removed.len() > 1 {
        ctx.out.line(t(
            lang,
            "capture-removed-many",
            &[("count", &removed.len())],
        ));
    }
    // One plain id answers one object (as before); several ids or a range answer a
    // list, even of one: the shape follows what was asked, not what was found.
    let single = matches!(args.ids.as_slice(), [one] if !one.range);
    let json: Vec<_> = removed.iter().map(|s| s.to_json(now)).collect();
    if single {
        ctx.out.value(|| json.into_iter().next());
    } else {
        ctx.out.value(|| json);
    }
    Ok(())
}

/// `Edited session 4: Mon 2026-03-02 10:00–13:00 (3h), coding +rust`: the session
/// after an edit, with its date, in `lang`.
fn edited(
    lang: Lang,
    s: &crate::model::Session,
    zone: chrono_tz::Tz,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let day = format::day(lang, time::local_date(zone, s.start));
    let span = format::span(s, zone);
    let length = crate::i18n::duration(lang, s.duration_seconds(now));
    let changed = if lang.is_zh() {
        format!(
            "{day} {}（{length}），{}",
            span.trim_end(),
            format::label(s)
        )
    } else {
        format!("{day} {} ({length}), {}", span.trim_end(), format::label(s))
    };
    t(
        lang,
        "capture-edited",
        &[("id", &s.id), ("changed", &changed)],
    )
}
