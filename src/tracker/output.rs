//! Recording output (what a session produced) and declaring project units:
//! the `Tracker` methods behind `otium project`, `otium output` and `stop --output`.

use chrono::{DateTime, Utc};

use crate::error::{Error, ErrorKind, Hint, Result};
use crate::model::{OutputEntry, Session, validate_project};
use crate::store::outputs::{self, NewOutput};
use crate::store::sessions;
use crate::time::range::Span;
use crate::tracker::Tracker;

/// The largest amount one record may carry. Far above any real day's output, and low
/// enough that sums over a lifetime of records stay finite in the model's arithmetic.
pub const MAX_AMOUNT: f64 = 1e9;

/// One output to record with [`Tracker::record_outputs`].
#[derive(Debug, Clone, Copy)]
pub struct OutputRecord<'a> {
    /// The project (it must declare a unit).
    pub project: &'a str,
    /// How much, in the project's unit.
    pub amount: f64,
    /// When.
    pub at: DateTime<Utc>,
    /// A note.
    pub note: Option<&'a str>,
}

fn check_amount(amount: f64) -> Result<()> {
    if !amount.is_finite() || !(0.0..=MAX_AMOUNT).contains(&amount) {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "capture-error-bad-amount",
            vec![("amount", amount.to_string())],
        ));
    }
    Ok(())
}

pub(crate) fn check_unit(unit: &str) -> Result<String> {
    let unit = unit.trim();
    if unit.is_empty() || unit.chars().any(char::is_control) {
        return Err(
            Error::keyed(ErrorKind::InvalidInput, "capture-error-unit-empty", vec![])
                .with_hint(Hint::NameUnit),
        );
    }
    Ok(unit.to_string())
}

impl Tracker {
    /// Declares (or with `None` clears) what `project` produces; creates the project.
    pub fn set_unit(&mut self, project: &str, unit: Option<&str>) -> Result<Option<String>> {
        let project = validate_project(project)?;
        let unit = unit.map(check_unit).transpose()?;
        let now = self.now();
        self.store
            .write(|tx| outputs::set_unit(tx, &project, unit.as_deref(), now))?;
        Ok(unit)
    }

    /// The unit a project declares: an error if the project is unknown or has none.
    pub fn unit(&self, project: &str) -> Result<String> {
        match outputs::unit(self.reader(), project)? {
            Some(Some(unit)) => Ok(unit),
            Some(None) => Err(Error::keyed(
                ErrorKind::InvalidInput,
                "capture-error-no-unit-declared",
                vec![("name", format!("{project:?}"))],
            )
            .with_hint(Hint::DeclareUnit {
                project: project.to_string(),
            })),
            None => Err(Error::keyed(
                ErrorKind::NotFound,
                "capture-error-unknown-project",
                vec![("name", format!("{project:?}"))],
            )
            .with_hint(Hint::ListProjects)),
        }
    }

    /// Records `amount` of output for `project` at `at` (default now), linked to the
    /// session of that project running or covering that instant, if any.
    pub fn record_output(
        &mut self,
        project: &str,
        amount: f64,
        at: Option<DateTime<Utc>>,
        note: Option<&str>,
    ) -> Result<OutputEntry> {
        let at = at.unwrap_or_else(|| self.now());
        let mut entries = self.record_outputs(&[OutputRecord {
            project,
            amount,
            at,
            note,
        }])?;
        entries
            .pop()
            .ok_or_else(|| Error::keyed(ErrorKind::Database, "capture-error-output-lost", vec![]))
    }

    /// Records many outputs in one transaction, each checked and linked as
    /// [`Tracker::record_output`] does: all of them or none.
    pub fn record_outputs(&mut self, records: &[OutputRecord<'_>]) -> Result<Vec<OutputEntry>> {
        let now = self.now();
        let mut checked = std::collections::BTreeSet::new();
        for r in records {
            check_amount(r.amount)?;
            if checked.insert(r.project) {
                self.unit(r.project)?;
            }
            crate::tracker::not_future(r.at, now, "output", self.zone())?;
        }
        let zone = self.zone();
        self.store.write(|tx| {
            records
                .iter()
                .map(|r| {
                    let covering = sessions::overlapping(
                        tx,
                        r.at,
                        Some(r.at + chrono::Duration::seconds(1)),
                        None,
                    )?
                    .filter(|s| s.project == r.project);
                    let new = NewOutput {
                        project: r.project,
                        amount: r.amount,
                        at: r.at,
                        zone: zone.name(),
                        session: covering.map(|s| s.id),
                        note: r.note,
                    };
                    outputs::insert(tx, &new)
                })
                .collect()
        })
    }

    /// Stops the running session and records `amount` of its project's output at the
    /// stop instant, in one transaction: both happen or neither.
    pub fn stop_with_output(
        &mut self,
        at: Option<DateTime<Utc>>,
        amount: f64,
    ) -> Result<(Session, OutputEntry)> {
        check_amount(amount)?;
        if let Some(running) = self.running()? {
            self.unit(&running.project)?;
        }
        let zone = self.zone();
        let stop_at = at;
        self.write_stop(stop_at, move |tx, session| {
            let new = NewOutput {
                project: &session.project,
                amount,
                at: session.end.unwrap_or(session.start),
                zone: zone.name(),
                session: Some(session.id),
                note: None,
            };
            outputs::insert(tx, &new)
        })
    }

    /// Seconds tracked inside `span` (of `project`, or of all), running sessions to now.
    pub fn tracked_seconds(&self, span: Span, project: Option<&str>) -> Result<i64> {
        let now = self.now();
        let mut total = 0;
        self.each_lean_session(span, false, |s| {
            if project.is_none_or(|p| p == s.project) {
                let start = span.from.map_or(s.start, |f| f.max(s.start));
                let end = s.end.unwrap_or(now);
                let end = span.to.map_or(end, |t| t.min(end));
                total += (end - start).num_seconds().max(0);
            }
            Ok(())
        })?;
        Ok(total)
    }

    /// Output of `project` recorded inside `span`.
    pub fn output_in(&self, project: &str, span: Span) -> Result<f64> {
        outputs::sum(self.reader(), project, span)
    }

    /// When the first session (of `project`, or of any) started.
    pub fn first_start(&self, project: Option<&str>) -> Result<Option<DateTime<Utc>>> {
        outputs::first_start(self.reader(), project)
    }

    /// Streams the instants of `project`'s output, oldest first, until `f` says stop.
    pub fn each_output_instant(
        &self,
        project: &str,
        mut f: impl FnMut(DateTime<Utc>) -> bool,
    ) -> Result<()> {
        outputs::each_instant(self.reader(), project, &mut f)
    }

    /// Projects that declare an output unit, with it.
    pub fn projects_with_units(&self) -> Result<Vec<(String, String)>> {
        outputs::projects_with_units(self.reader())
    }
}
