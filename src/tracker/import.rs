//! The import engine: takes each [`Record`] a format module of `interop::import`
//! reads, checked on a reading thread (`import_feed.rs`), and writes it through
//! [`ImportWriter`] inside one `BEGIN IMMEDIATE` transaction, counting what it skips.
//! The only part of import that touches the database; `interop/` stays pure formats.
//!
//! **Re-import.** A record is looked up by its identity in its source: for sources
//! without ids its start (among sessions of this source, else those a version-2 import
//! left as source `import`), then its uuid (the source's id, or the content key). Found with the same
//! source version: already present (an edit made in otium since is kept). Found with
//! another version and other fields: updated in place. Not found: inserted.
//!
//! **Overlaps.** Sessions never overlap. A record overlapping a session that did not
//! come from this source, or an earlier record of the same file, is a conflict (the
//! file is refused, or the record skipped with `--skip-conflicts`). A record
//! overlapping a session of the same source that this import has not reached yet is
//! written provisionally: the source may have moved or deleted that one. Once every
//! record is in (and, with `--sync-deletes`, the sessions the source no longer holds
//! are gone), one ordered scan checks that no overlap is left; if one is, the whole
//! import is refused.

use std::collections::HashMap;

use chrono::DateTime;

use crate::error::{Error, Result};
use crate::interop::import::check::{Checked, Verdict, show};
use crate::interop::import::{
    Format, ImportSummary, Input, Options, Progress, Record, Skipped, TagProject, input_size,
};
use crate::model::{Session, SessionId};
use crate::store::import::{ImportRow, ImportWriter, Stored};
use crate::store::{Db, journal, sessions};
use crate::time;
use crate::tracker::{Tracker, describe};

/// How many examples a summary or an error lists.
const EXAMPLES: usize = 3;

/// The source of sessions a version-2 import made, whose real source is unknown.
const LEGACY_SOURCE: &str = "import";

struct Engine<'c, 'p> {
    writer: ImportWriter<'c>,
    db: Db<'c>,
    opts: &'p Options,
    summary: ImportSummary,
    /// Sessions this import reached (written, updated or found unchanged), with the
    /// line of the record that reached them.
    touched: foldhash::HashMap<SessionId, u64>,
    /// How many records overlapped a session of this source not yet reached.
    provisional: u64,
    /// The earliest start and latest end of the records read (for `--sync-deletes`).
    range: Option<(i64, i64)>,
    tag_projects: HashMap<String, u64>,
    conflicts: Vec<String>,
    progress: &'p mut dyn FnMut(Progress),
    total: u64,
    /// Whether this import is journaled (not in a dry run).
    journaled: bool,
    /// The journal entry the whole import is one change of, made at the first session
    /// written (an import that adds nothing leaves the file byte for byte as it was).
    entry: Option<i64>,
    /// When the import runs.
    instant: DateTime<chrono::Utc>,
    /// How many changes the journal entry holds so far.
    changes: usize,
    /// The sessions this import created, as runs of (first change number, first id,
    /// how many): both numbers grow by one along a run.
    created: Vec<(usize, i64, usize)>,
    /// No stored session reaches past this instant (unix seconds): the end of the one
    /// that started last when the import began (sessions never overlap, so it ends
    /// last; `i64::MAX` while one runs), pushed on by every session this import
    /// writes. A record starting at or after it can overlap nothing and starts where
    /// no stored session does, so the overlap probe and the start lookup are skipped:
    /// a history imported in start order probes nothing, and overlaps are still refused.
    frontier: i64,
}

impl Engine<'_, '_> {
    fn format(&self) -> Format {
        self.opts.format
    }

    fn skip(&mut self, reason: &'static str, example: String) {
        self.summary.skipped += 1;
        let entry = match self
            .summary
            .skipped_reasons
            .iter_mut()
            .position(|s| s.reason == reason)
        {
            Some(i) => &mut self.summary.skipped_reasons[i],
            None => {
                self.summary.skipped_reasons.push(Skipped {
                    reason,
                    count: 0,
                    examples: Vec::new(),
                });
                let last = self.summary.skipped_reasons.len() - 1;
                &mut self.summary.skipped_reasons[last]
            }
        };
        entry.count += 1;
        if entry.examples.len() < EXAMPLES {
            entry.examples.push(example);
        }
    }

    /// The stored session `id` as it is before this import changes it, when the
    /// import is journaled.
    fn journaled_before(&self, id: SessionId) -> Result<Option<Session>> {
        if !self.journaled {
            return Ok(None);
        }
        sessions::by_id(self.db, id)
    }

    /// Journals session `id` as `checked` now has it (inserted when `before` is `None`).
    fn journal(&mut self, id: SessionId, checked: &Checked, before: Option<Session>) -> Result<()> {
        if !self.journaled {
            return Ok(());
        }
        if before.is_none() {
            return self.journal_created(id);
        }
        let after = Session {
            id,
            uuid: before
                .as_ref()
                .map_or_else(|| checked.key.clone(), |b| b.uuid.clone()),
            project: checked.project.clone(),
            tags: checked.tags.clone(),
            note: checked.note.clone(),
            start: time::from_unix(checked.start),
            end: Some(time::from_unix(checked.end)),
            zone: checked.zone,
        };
        let before = before.map(|b| journal::fields_json(&b));
        self.add_journal_change(
            &after.uuid,
            before.as_deref(),
            Some(&journal::fields_json(&after)),
        )
    }

    /// This import's journal entry, made at the first change (an import that changes
    /// nothing leaves the file byte for byte as it was).
    fn entry(&mut self) -> Result<i64> {
        if let Some(entry) = self.entry {
            return Ok(entry);
        }
        let entry = journal::begin(self.db, self.instant, journal::Verb::Import, "import")?;
        self.entry = Some(entry);
        Ok(entry)
    }

    /// Adds one change to this import's journal entry.
    fn add_journal_change(
        &mut self,
        uuid: &str,
        before: Option<&str>,
        after: Option<&str>,
    ) -> Result<()> {
        let entry = self.entry()?;
        journal::add_change(self.db, entry, self.changes, uuid, before, after)?;
        self.changes += 1;
        Ok(())
    }

    /// Gives the change that created session `id` its number in the entry; the
    /// session is copied into the journal with the rest of its run by
    /// [`Engine::journal_runs`] once the import has written everything.
    fn journal_created(&mut self, id: SessionId) -> Result<()> {
        let entry = self.entry()?;
        let seq = self.changes;
        self.changes += 1;
        if self.writer.journals_created(entry, seq, id)? {
            // The writer's batch writes its journal row with the session.
            return Ok(());
        }
        let id = id.get();
        match self.created.last_mut() {
            Some(run)
                if run.0 + run.2 == seq && run.1 + i64::try_from(run.2).unwrap_or(0) == id =>
            {
                run.2 += 1;
            }
            _ => self.created.push((seq, id, 1)),
        }
        Ok(())
    }

    /// Copies the sessions this import created into its journal entry, a run of
    /// consecutive ids and change numbers per statement. They are as the import wrote
    /// them: it never changes a session it created.
    fn journal_runs(&mut self) -> Result<()> {
        let Some(entry) = self.entry else {
            return Ok(());
        };
        for &(seq, id, count) in &self.created {
            journal::add_created(self.db, entry, seq, id, count)?;
        }
        Ok(())
    }

    fn widen(&mut self, start: i64, end: i64) {
        let (from, to) = self.range.unwrap_or((start, end));
        self.range = Some((from.min(start), to.max(end)));
    }

    /// The stored session a record is, if any (see the module documentation).
    /// The identity is the uuid or the start (see [`identity`]), so the indexes of
    /// those find it: the start among sessions of this source (or a version-2 import's),
    /// then the uuid (the content key matches a session imported from elsewhere too).
    fn find(&self, checked: &Checked) -> Result<Option<Stored>> {
        if self.format().keyed_by_start()
            && checked.start < self.frontier
            && let Some(s) =
                self.writer
                    .by_start(self.format().source(), LEGACY_SOURCE, checked.start)?
        {
            return Ok(Some(s));
        }
        self.writer.by_uuid(&checked.key)
    }

    /// Whether otium may record this import's source on a stored session: one made by
    /// an import whose source is unknown (or this source), never one from another source.
    fn claimable(&self, s: &Stored) -> bool {
        s.source
            .as_deref()
            .is_none_or(|src| src == LEGACY_SOURCE || src == self.format().source())
    }

    /// Whether the source says nothing new about `s`: the same version, or (Watson) an
    /// `updated_at` no newer than the one imported last.
    fn unchanged_in_source(s: &Stored, version: &str, rec: &Record) -> bool {
        let Some(stored) = s.source_version.as_deref() else {
            return false;
        };
        if stored == version {
            return true;
        }
        match (rec.version.as_deref(), stored.parse::<i64>()) {
            (Some(v), Ok(old)) => v.parse::<i64>().is_ok_and(|new| new <= old),
            _ => false,
        }
    }

    fn same_fields(&self, s: &Stored, c: &Checked) -> Result<bool> {
        Ok(s.project == c.project
            && s.note == c.note
            && s.start == c.start
            && s.end == Some(c.end)
            && s.zone == c.zone.name()
            && self.writer.tags_of(s.id)? == c.tags)
    }

    fn conflict(&mut self, rec: &Record, c: &Checked, what: &str) {
        let text = format!(
            "{}:{}: {}, {}–{} {}, overlaps {what}",
            rec.file,
            rec.line,
            c.project,
            show(c.zone, c.start),
            time::hhmm_in(
                c.zone,
                DateTime::from_timestamp(c.end, 0).unwrap_or_default()
            ),
            c.zone.name()
        );
        if self.conflicts.len() < EXAMPLES {
            self.conflicts.push(text.clone());
        }
        self.skip("overlap", text);
    }

    /// Checks `c` against the stored sessions other than `except`; `true` when it is a
    /// conflict (already counted), `false` when it may be written.
    fn overlaps(&mut self, rec: &Record, c: &Checked, except: Option<SessionId>) -> Result<bool> {
        let Some((other, source)) = self.writer.overlapping(c.start, c.end, except)? else {
            return Ok(false);
        };
        if let Some(line) = self.touched.get(&other) {
            let what = format!("line {line} of this file");
            self.conflict(rec, c, &what);
            return Ok(true);
        }
        if source.as_deref() == Some(self.format().source()) {
            self.provisional += 1;
            return Ok(false);
        }
        let what = sessions::by_id(self.db, other)?
            .map_or_else(|| format!("session {other}"), |s| describe(&s));
        self.conflict(rec, c, &what);
        Ok(true)
    }

    /// A running record: the session it is stays (it is not gone from the source).
    fn keep_running(&mut self, rec: &Record) -> Result<()> {
        let found = if self.format().keyed_by_start() {
            self.writer
                .by_start(self.format().source(), self.format().source(), rec.start)?
        } else {
            match rec
                .id
                .as_deref()
                .and_then(|id| uuid::Uuid::parse_str(id.trim()).ok())
            {
                Some(u) => self.writer.by_uuid(&u.hyphenated().to_string())?,
                None => None,
            }
        };
        if let Some(s) = found {
            self.touched.entry(s.id).or_insert(rec.line);
        }
        Ok(())
    }

    fn take(&mut self, prepared: &Prepared) -> Result<()> {
        let Prepared {
            rec,
            verdict,
            key,
            version,
        } = prepared;
        self.summary.read += 1;
        if self.summary.read.is_multiple_of(1024) {
            (self.progress)(Progress {
                rows: self.summary.read,
                bytes: rec.bytes,
                total: self.total,
            });
        }
        for note in &rec.notes {
            self.summary.notes_total += 1;
            if self.summary.notes.len() < EXAMPLES {
                self.summary
                    .notes
                    .push(format!("{}:{}: {note}", rec.file, rec.line));
            }
        }
        let checked = match verdict {
            Verdict::Session(checked) => checked,
            Verdict::Skip { reason, example } => {
                if *reason == "running" {
                    self.keep_running(rec)?;
                }
                self.skip(reason, example.clone());
                return Ok(());
            }
        };
        self.widen(checked.start, checked.end);
        if rec.tag_project {
            *self
                .tag_projects
                .entry(checked.project.clone())
                .or_insert(0) += 1;
        }
        let source = self.format().source();
        let row = ImportRow {
            uuid: &checked.key,
            project: &checked.project,
            tags: &checked.tags,
            note: checked.note.as_deref(),
            start: checked.start,
            end: checked.end,
            zone: checked.zone.name(),
            source,
            source_key: key,
            source_version: version,
        };
        // Past the frontier nothing stored can overlap or share the start, so only the
        // uuid can find a stored session: the insert itself tries it.
        if checked.start >= self.frontier
            && let Some(id) = self.writer.insert_new(&row)?
        {
            return self.inserted(id, checked, rec.line);
        }
        let Some(found) = self.find(checked)? else {
            if checked.start < self.frontier && self.overlaps(rec, checked, None)? {
                return Ok(());
            }
            let id = self.writer.insert(&row)?;
            return self.inserted(id, checked, rec.line);
        };
        if let Some(line) = self.touched.get(&found.id).copied() {
            // The same identity twice in one file: a repeat, or two records in one place.
            if self.same_fields(&found, checked)? {
                self.summary.already_present += 1;
            } else {
                self.conflict(rec, checked, &format!("line {line} of this file"));
            }
            return Ok(());
        }
        let claim = self.claimable(&found);
        if Self::unchanged_in_source(&found, version, rec) || self.same_fields(&found, checked)? {
            if claim && found.source_version.as_deref() != Some(version.as_str()) {
                self.writer.claim(found.id, source, key, version)?;
            }
            self.touched.insert(found.id, rec.line);
            self.summary.already_present += 1;
            return Ok(());
        }
        if self.overlaps(rec, checked, Some(found.id))? {
            return Ok(());
        }
        let before = self.journaled_before(found.id)?;
        let row = if claim {
            row
        } else {
            // Found by uuid but recorded from another source: keep that source.
            ImportRow {
                source: found.source.as_deref().unwrap_or(source),
                ..row
            }
        };
        self.writer.update(found.id, &row)?;
        self.frontier = self.frontier.max(checked.end);
        self.journal(found.id, checked, before)?;
        self.touched.insert(found.id, rec.line);
        self.summary.updated += 1;
        Ok(())
    }

    /// Records that session `id` was inserted for `checked`, read at `line`.
    fn inserted(&mut self, id: SessionId, checked: &Checked, line: u64) -> Result<()> {
        self.frontier = self.frontier.max(checked.end);
        self.journal(id, checked, None)?;
        self.touched.insert(id, line);
        self.summary.imported += 1;
        self.summary.imported_seconds += checked.end - checked.start;
        Ok(())
    }

    /// Counts (and with `--sync-deletes` removes) the sessions of this source within
    /// the range read that no record reached.
    fn sweep(&mut self) -> Result<()> {
        let Some((from, to)) = self.range else {
            return Ok(());
        };
        if self.writer.wrote_every_session() {
            // Every stored session is one this import wrote, so each was reached.
            return Ok(());
        }
        let gone: Vec<SessionId> = self
            .writer
            .of_source_in(self.format().source(), from, to)?
            .into_iter()
            .filter(|id| !self.touched.contains_key(id))
            .collect();
        self.summary.not_in_source = gone.len() as u64;
        if self.opts.sync_deletes {
            for id in gone {
                let before = self.journaled_before(id)?;
                self.writer.delete(id)?;
                if let Some(before) = before {
                    self.add_journal_change(
                        &before.uuid,
                        Some(&journal::fields_json(&before)),
                        None,
                    )?;
                }
                self.summary.removed += 1;
            }
        }
        Ok(())
    }

    /// After provisional writes: refuses the import if any overlap is left.
    fn settle(&self, name: &str) -> Result<()> {
        if self.provisional == 0 {
            return Ok(());
        }
        let left = self.writer.overlaps(EXAMPLES as u32)?;
        if left.is_empty() {
            return Ok(());
        }
        let show = |id: SessionId| -> Result<String> {
            Ok(sessions::by_id(self.db, id)?
                .map_or_else(|| format!("session {id}"), |s| describe(&s)))
        };
        let mut pairs = Vec::new();
        for (a, b) in &left {
            pairs.push(format!("{} overlaps {}", show(*a)?, show(*b)?));
        }
        let advice = if self.opts.sync_deletes {
            "fix them in the source"
        } else {
            "pass --sync-deletes to remove the sessions the source no longer holds, or fix them there"
        };
        Err(Error::conflict(format!(
            "{name}: sessions from {} overlap after this import, nothing imported: {}; {advice}",
            self.format().source(),
            pairs.join("; ")
        )))
    }
}

impl Tracker {
    /// Imports `input` in one transaction: every session or none. `progress` is
    /// called every 1024 records.
    pub fn import(
        &mut self,
        input: &Input,
        opts: &Options,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportSummary> {
        let instant = self.now();
        let now = instant.timestamp();
        let total = input_size(input, opts.format);
        let summary = ImportSummary {
            format: opts.format,
            file: input.name(),
            zone: opts
                .format
                .uses_zone()
                .then(|| opts.zone.name().to_string()),
            dry_run: opts.dry_run,
            read: 0,
            imported: 0,
            imported_seconds: 0,
            updated: 0,
            already_present: 0,
            not_in_source: 0,
            removed: 0,
            tag_projects: Vec::new(),
            skipped: 0,
            skipped_reasons: Vec::new(),
            notes: Vec::new(),
            notes_total: 0,
        };
        ImportWriter::temp_in_memory(self.store.reader())?;
        // Into a database this open created, a real import writes through a rollback
        // journal (each page once instead of twice); a dry run writes nothing to keep.
        let run = |tx: Db<'_>| {
            let mut writer = ImportWriter::new(tx, now);
            writer.tune(total)?;
            if opts.dry_run {
                writer.begin_dry_run()?;
            }
            let frontier = writer.frontier()?;
            let mut engine = Engine {
                frontier,
                writer,
                db: tx,
                opts,
                summary,
                touched: foldhash::HashMap::default(),
                provisional: 0,
                range: None,
                tag_projects: HashMap::new(),
                conflicts: Vec::new(),
                progress,
                total,
                journaled: !opts.dry_run,
                entry: None,
                instant,
                changes: 0,
                created: Vec::new(),
            };
            feed::each_prepared(input, opts, now, &mut |prepared| engine.take(prepared))?;
            let overlaps = engine
                .summary
                .skipped_reasons
                .iter()
                .find(|s| s.reason == "overlap")
                .map_or(0, |s| s.count);
            if overlaps > 0 && !opts.skip_conflicts {
                let more = if overlaps > engine.conflicts.len() as u64 {
                    format!(" (first {} shown)", engine.conflicts.len())
                } else {
                    String::new()
                };
                return Err(Error::conflict(format!(
                    "{}: {overlaps} session(s) overlap others, nothing imported: {}{more}; \
                     fix them, or pass --skip-conflicts to import the rest",
                    input.name(),
                    engine.conflicts.join("; "),
                )));
            }
            engine.sweep()?;
            engine.settle(&input.name())?;
            let mut tag_projects: Vec<TagProject> = engine
                .tag_projects
                .drain()
                .map(|(tag, count)| TagProject { tag, count })
                .collect();
            tag_projects.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.tag.cmp(&b.tag)));
            engine.summary.tag_projects = tag_projects;
            engine.writer.finish()?;
            if opts.dry_run {
                engine.writer.rollback_dry_run()?;
            }
            engine.journal_runs()?;
            if let Some(entry) = engine.entry {
                let summary = format!(
                    "imported {} session(s) from {} ({}), updated {}, removed {}",
                    engine.summary.imported,
                    input.name(),
                    opts.format.name(),
                    engine.summary.updated,
                    engine.summary.removed
                );
                journal::set_summary(tx, entry, &summary)?;
                journal::clear_redo(tx)?;
            }
            Ok(engine.summary)
        };
        let result = if opts.dry_run {
            self.store.write(run)
        } else {
            self.store.write_bulk(run)
        };
        ImportWriter::untune(self.store.reader())?;
        result
    }
}

#[path = "import_feed.rs"]
mod feed;
use feed::Prepared;

#[cfg(test)]
#[path = "import_tests.rs"]
mod import_tests;

#[cfg(test)]
#[path = "import_journal_tests.rs"]
mod import_journal_tests;

#[cfg(test)]
#[path = "import_uuid_tests.rs"]
mod import_uuid_tests;

#[cfg(test)]
#[path = "import_batch_tests.rs"]
mod import_batch_tests;
