//! The two clocks the TUI's event loop reads: the wall clock (what the tracker
//! records) and the monotonic one (what the loop waits with). While the machine sleeps
//! the monotonic clock stands still and the wall clock does not, so comparing the two
//! finds a sleep without any OS API. A trait, so tests can make either jump.

use std::time::Instant;

use chrono::{DateTime, Utc};

use super::Clock;

/// Both clocks read at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The wall clock (UTC, whole seconds, as the tracker records it).
    pub wall: DateTime<Utc>,
    /// The monotonic clock.
    pub mono: Instant,
}

/// Where the event loop reads its [`Moment`]s.
pub trait Moments {
    /// Both clocks now.
    fn moment(&self) -> Moment;
}

impl Moments for Clock {
    fn moment(&self) -> Moment {
        Moment {
            wall: self.now(),
            mono: Instant::now(),
        }
    }
}
