//! The import engine: takes each [`Record`] a format module of `interop::import`
//! reads, runs the pure [`check`], and writes it through [`ImportWriter`] inside one
//! `BEGIN IMMEDIATE` transaction, counting what it skips. The only part of import
//! that touches the database; `interop/` stays pure formats.

use chrono::DateTime;

use crate::error::{Error, Result};
use crate::interop::import::check::{Checked, Verdict, check, show};
use crate::interop::import::{
    ImportSummary, Input, Options, Progress, Record, Skipped, input_size, parse,
};
use crate::model::SessionId;
use crate::store::import::{ImportRow, ImportWriter};
use crate::store::{Db, sessions};
use crate::time;
use crate::tracker::{Tracker, describe};

/// How many examples a summary or an error lists.
const EXAMPLES: usize = 3;

struct Engine<'c, 'p> {
    writer: ImportWriter<'c>,
    db: Db<'c>,
    opts: &'p Options,
    now: i64,
    summary: ImportSummary,
    /// Ids written by this import with their source lines (ids only grow).
    written: Vec<(SessionId, u64)>,
    conflicts: Vec<String>,
    progress: &'p mut dyn FnMut(Progress),
    total: u64,
}

impl Engine<'_, '_> {
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

    fn take(&mut self, rec: Record) -> Result<()> {
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
        let Checked {
            key,
            project,
            tags,
            note,
            start,
            end,
            zone,
        } = match check(&rec, self.opts, self.now)? {
            Verdict::Session(checked) => checked,
            Verdict::Skip { reason, example } => {
                self.skip(reason, example);
                return Ok(());
            }
        };
        if self.writer.by_uuid(&key)?.is_some() {
            self.summary.already_present += 1;
            return Ok(());
        }
        if let Some(other) = self.writer.overlapping(start, end)? {
            let what = match self.written.binary_search_by_key(&other, |(id, _)| *id) {
                Ok(i) => format!("line {} of this file", self.written[i].1),
                Err(_) => sessions::by_id(self.db, other)?
                    .map_or_else(|| format!("session {other}"), |s| describe(&s)),
            };
            let text = format!(
                "{}:{}: {}, {}–{} {}, overlaps {what}",
                rec.file,
                rec.line,
                project,
                show(zone, start),
                time::hhmm_in(zone, DateTime::from_timestamp(end, 0).unwrap_or_default()),
                zone.name()
            );
            if self.conflicts.len() < EXAMPLES {
                self.conflicts.push(text.clone());
            }
            self.skip("overlap", text);
            return Ok(());
        }
        let id = self.writer.insert(&ImportRow {
            uuid: &key,
            project: &project,
            tags: &tags,
            note: note.as_deref(),
            start,
            end,
            zone: zone.name(),
        })?;
        self.written.push((id, rec.line));
        self.summary.imported += 1;
        self.summary.imported_seconds += end - start;
        Ok(())
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
        let now = self.now().timestamp();
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
            already_present: 0,
            skipped: 0,
            skipped_reasons: Vec::new(),
            notes: Vec::new(),
            notes_total: 0,
        };
        let result = self.store.write(|tx| {
            let writer = ImportWriter::new(tx, now);
            writer.tune(total)?;
            if opts.dry_run {
                writer.begin_dry_run()?;
            }
            let mut engine = Engine {
                writer,
                db: tx,
                opts,
                now,
                summary,
                written: Vec::new(),
                conflicts: Vec::new(),
                progress,
                total,
            };
            parse(input, opts, &mut |rec| engine.take(rec))?;
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
            if opts.dry_run {
                engine.writer.rollback_dry_run()?;
            }
            Ok(engine.summary)
        });
        ImportWriter::untune(self.store.reader())?;
        result
    }
}
