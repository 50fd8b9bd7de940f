//! Toggl Track API v9 time entries: the JSON array `GET /api/v9/me/time_entries` (or
//! `…/workspaces/{id}/time_entries`) returns, saved to a file. Each entry is an object
//! with `id`, `start` and `stop` (RFC 3339, with an offset), `duration` (seconds,
//! negative while the timer runs), `description`, `tags` (names) and `project_id` (or
//! the older `pid`); other fields are ignored. An entry without `stop` ends `duration`
//! seconds after its start, or is running when `duration` is negative (skipped). An
//! entry with a `server_deleted_at` is deleted in Toggl and not read.
//!
//! The entries name projects by id only. `--projects FILE` gives the names: the JSON
//! array of `GET /api/v9/workspaces/{id}/projects` (objects with `id` and `name`; other
//! fields ignored). Without it, a project is called `Toggl project <id>`; with it, an id
//! the file does not name is an error. Instants carry their offset; sessions are
//! recorded in `--tz` (default: the user's zone). Toggl's id is kept as the record's id;
//! the session's key is the content key.

use std::collections::HashMap;
use std::path::Path;

use chrono::DateTime;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::input::Mode;
use super::{Input, Options, Sink, Source, at_keyed};
use crate::error::{Error, Result};

/// The most projects a projects file may name (the names are held in memory).
pub const MAX_PROJECTS: usize = 100_000;

#[derive(Deserialize)]
struct Entry {
    id: Option<i64>,
    start: String,
    stop: Option<String>,
    duration: Option<i64>,
    description: Option<String>,
    tags: Option<Vec<String>>,
    project_id: Option<i64>,
    /// The v8 name of `project_id`, which v9 still sends alongside it.
    pid: Option<i64>,
    server_deleted_at: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct Project {
    id: i64,
    name: String,
}

/// Reads a projects file into id → name.
fn projects(path: &Path) -> Result<HashMap<i64, String>> {
    let mut names = HashMap::new();
    let src = Source::open(&Input::Path(path.to_path_buf()), Mode::Json)?;
    src.each_json::<Project>(
        "a JSON array of Toggl projects (GET /api/v9/workspaces/{id}/projects)",
        &mut |here, project, _| {
            if names.len() >= MAX_PROJECTS {
                let p = here.pos.get();
                return Err(here.error_keyed(
                    p.line,
                    p.col,
                    "admin-import-error-toggl-api-projects",
                    vec![("max", MAX_PROJECTS.to_string())],
                ));
            }
            names.insert(project.id, project.name);
            Ok(())
        },
    )?;
    Ok(names)
}

fn instant(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.timestamp())
}

/// Reads a time-entries file.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    let names = opts.projects.as_deref().map(projects).transpose()?;
    src.each_json::<Entry>(
        "a JSON array of Toggl time entries (GET /api/v9/me/time_entries)",
        &mut |here, entry, index| {
            if entry.server_deleted_at.is_some() {
                return Ok(());
            }
            let mut rec = here.record();
            let (file, line, col) = (std::sync::Arc::clone(&rec.file), rec.line, rec.col);
            let fail = |key: &'static str, mut args: Vec<(&'static str, String)>| -> Error {
                args.push(("index", index.to_string()));
                at_keyed(&file, line, col, key, args)
            };
            rec.start = instant(&entry.start).ok_or_else(|| {
                fail(
                    "admin-import-error-toggl-api-start",
                    vec![("text", format!("{:?}", entry.start))],
                )
            })?;
            rec.end = match (&entry.stop, entry.duration) {
                (Some(stop), _) => Some(instant(stop).ok_or_else(|| {
                    fail(
                        "admin-import-error-toggl-api-stop",
                        vec![("text", format!("{stop:?}"))],
                    )
                })?),
                (None, Some(d)) if d >= 0 => Some(rec.start.saturating_add(d)),
                _ => None,
            };
            rec.project = match (entry.project_id.or(entry.pid), &names) {
                (None, _) => None,
                (Some(id), None) => Some(format!("Toggl project {id}")),
                (Some(id), Some(names)) => Some(names.get(&id).cloned().ok_or_else(|| {
                    fail(
                        "admin-import-error-toggl-api-project",
                        vec![("id", id.to_string())],
                    )
                })?),
            };
            rec.id = entry.id.map(|id| id.to_string());
            rec.note = entry.description;
            rec.tags = entry.tags.unwrap_or_default();
            rec.zone = Some(opts.zone);
            sink(rec)
        },
    )
}
