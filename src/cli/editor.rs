//! `otium edit ID` without field flags: the session as a small TOML document in
//! `$VISUAL` (else `$EDITOR`), as `git commit` users expect. On save the document is
//! read with the same rules as the flags (`Tracker::edit` checks them all); an
//! invalid one is reopened with the error on top. Saving it unchanged, or emptied,
//! changes nothing.

use std::path::Path;
use std::process::Command;

use serde::Deserialize;

use super::Ctx;
use crate::error::{Error, ErrorKind, Hint, Result};
use crate::i18n::{Lang, t};
use crate::model::{Session, SessionEdit, Tag};
use crate::time;

/// How the line otium puts above a refused document begins, in each language (the
/// catalogue's `error-line` as a comment); read back by [`without_error`]. `#` lines
/// are TOML comments, so what the user saves parses as written.
const ERROR_MARKS: [&str; 2] = ["# error:", "# 错误："];

/// The document's fields; anything else is an error, not silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    project: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    note: String,
    start: String,
    #[serde(default)]
    end: String,
}

/// The editor command: `$VISUAL`, else `$EDITOR` (either may carry arguments,
/// `code --wait`); `None` when neither is set.
#[must_use]
pub fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|e| !e.trim().is_empty())
}

/// Edits `session` in `editor`; returns the edited session, or `None` when the
/// document was saved unchanged or emptied.
pub fn edit(ctx: &mut Ctx, session: &Session, editor: &str) -> Result<Option<Session>> {
    let zone = ctx.tracker.zone();
    let original = document(ctx.lang, session, zone);
    let file = tempfile::Builder::new()
        .prefix(&format!("otium-session-{}-", session.id))
        .suffix(".toml")
        .tempfile()
        .map_err(|e| io_error("create", e))?;
    let mut text = original.clone();
    loop {
        // By path, not through the open handle: editors (and `sed -i`) save by
        // replacing the file, so the handle may name the old one.
        write_file(file.path(), &text)?;
        run_editor(editor, file.path())?;
        let saved = std::fs::read_to_string(file.path()).map_err(|e| io_error("read", e))?;
        let body = without_error(&saved);
        if body == without_error(&original) || is_blank(body) {
            return Ok(None);
        }
        match apply(ctx, session, body) {
            Ok(done) => return Ok(done),
            Err(e) if e.kind() == ErrorKind::InvalidInput || e.kind() == ErrorKind::Conflict => {
                let line = super::hint::error_line_in(ctx.lang, &e);
                let line = t(ctx.lang, "error-line", &[("line", &line)]);
                text = format!("# {line}\n{body}");
            }
            Err(e) => return Err(e),
        }
    }
}

/// The session as the user edits it, in `zone`, its comments in `lang` (the field
/// names are the document's own, the same in every language).
fn document(lang: Lang, s: &Session, zone: chrono_tz::Tz) -> String {
    let quote = |t: &str| toml::Value::String(t.to_string()).to_string();
    let tags: Vec<String> = s.tags.iter().map(|t| quote(t)).collect();
    let header = [
        t(
            lang,
            "capture-editor-title",
            &[("id", &s.id), ("zone", &zone.name())],
        ),
        t(lang, "capture-editor-save", &[]),
        t(lang, "capture-editor-times", &[]),
    ];
    format!(
        "# {}\n# {}\n# {}\nproject = {}\ntags = [{}]\nnote = {}\nstart = {}\nend = {}\n",
        header[0],
        header[1],
        header[2],
        quote(&s.project),
        tags.join(", "),
        quote(s.note.as_deref().unwrap_or("")),
        quote(&time::date_hhmm_in(zone, s.start)),
        quote(
            &s.end
                .map(|e| time::date_hhmm_in(zone, e))
                .unwrap_or_default()
        ),
    )
}

/// Reads the saved document into an edit of what differs, and applies it.
fn apply(ctx: &mut Ctx, session: &Session, body: &str) -> Result<Option<Session>> {
    let doc: Doc = toml::from_str(body).map_err(|e| {
        Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-editor-invalid",
            vec![("why", e.message().trim().to_string())],
        )
    })?;
    let zone = ctx.tracker.zone();
    let day = Some(time::local_date(zone, session.start));
    let project = super::project_name(&doc.project, "project = \"writing\"")?;
    let start = ctx.instant(&doc.start, day)?;
    let end = match (doc.end.trim(), session.end) {
        ("", None) => None,
        ("", Some(_)) => {
            return Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-editor-end-empty",
                vec![],
            ));
        }
        (text, _) => Some(ctx.instant(text, day)?),
    };
    let tags: Vec<Tag> = doc
        .tags
        .iter()
        .map(|t| t.trim_start_matches('+').parse())
        .collect::<Result<_>>()?;
    let note = crate::model::normalize_note(Some(&doc.note));
    let edit = SessionEdit {
        project: (project.as_str() != session.project).then_some(project),
        start: (start != session.start).then_some(start),
        end: end.filter(|e| Some(*e) != session.end),
        note: (note != session.note).then_some(note),
        add_tags: tags
            .iter()
            .filter(|t| !session.tags.iter().any(|s| s == t.as_str()))
            .cloned()
            .collect(),
        remove_tags: session
            .tags
            .iter()
            .filter(|s| !tags.iter().any(|t| t.as_str() == s.as_str()))
            .map(|s| s.parse())
            .collect::<Result<_>>()?,
    };
    if edit.is_empty() {
        // Only comments or layout changed.
        return Ok(None);
    }
    ctx.tracker.edit(session.id, &edit).map(Some)
}

/// Runs the editor on `path` through `sh`, so `VISUAL="code --wait"` works as in git.
fn run_editor(editor: &str, path: &Path) -> Result<()> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| {
            Error::keyed(
                ErrorKind::Io,
                "capture-error-editor-run",
                vec![("editor", format!("{editor:?}")), ("error", e.to_string())],
            )
            .with_source(e)
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-editor-failed",
            vec![
                ("editor", format!("{editor:?}")),
                ("status", status.to_string()),
            ],
        ))
    }
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| io_error("write", e))
}

/// The document without the `# error:` line otium put on top.
fn without_error(text: &str) -> &str {
    match ERROR_MARKS.iter().find_map(|mark| text.strip_prefix(mark)) {
        Some(rest) => rest.split_once('\n').map_or("", |(_, body)| body),
        None => text,
    }
}

/// Whether nothing but comments and blank lines is left.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
}

/// The file to edit could not be made, written or read (`what`: create, write, read).
fn io_error(what: &str, e: std::io::Error) -> Error {
    Error::keyed(
        ErrorKind::Io,
        "capture-error-editor-file",
        vec![("what", what.to_string()), ("error", e.to_string())],
    )
    .with_source(e)
}

/// The error for `edit ID` with no field flags and no editor to open.
#[must_use]
pub fn no_editor() -> Error {
    Error::keyed(ErrorKind::InvalidInput, "capture-error-no-editor", vec![])
        .with_hint(Hint::ChangeAField)
}
