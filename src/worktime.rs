//! The `Tracker` methods behind balances and working-time limits: the work of a range
//! of days as intervals, and when tracking began.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::error::Result;
use crate::limits::Interval;
use crate::store::sessions::Columns;
use crate::time::{self, range::Span};
use crate::tracker::Tracker;

impl Tracker {
    /// The work of the local days `from..=to` in `zone`, oldest first (a running
    /// session counted to now): what balances and working-time limits are computed on.
    pub fn work(&self, zone: Tz, from: NaiveDate, to: NaiveDate) -> Result<Vec<Interval>> {
        let now = self.now();
        let mut work = Vec::new();
        // The range query yields sessions in start order, which never overlap.
        self.each_session_with(
            Span::days(zone, from, to),
            Columns::Lean { tags: false },
            |s| {
                work.extend(Interval::of(s, now));
                Ok(())
            },
        )?;
        Ok(work)
    }

    /// The local day (in the user's zone) of the first session ever, if any: where
    /// averages over a reference period begin.
    pub fn tracked_since(&self) -> Result<Option<NaiveDate>> {
        Ok(self
            .first_start(None)?
            .map(|start| time::local_date(self.zone(), start)))
    }
}
