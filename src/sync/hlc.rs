//! The hybrid logical clock that stamps sync records: a wall-clock millisecond plus a
//! counter, never going backwards and always past every stamp this device has seen, so
//! "later" means the same on every device even when their clocks are a little off.
//! The wall time is passed in (only `time/` reads the clock).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One stamp: `ms` (unix milliseconds) and a counter that orders stamps of one
/// millisecond. Ordered by `ms`, then `counter`; written `1767225600123-0003`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    /// Unix milliseconds (wall time, or the largest seen).
    pub ms: u64,
    /// Orders stamps made within one millisecond.
    pub counter: u32,
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:013}-{:04}", self.ms, self.counter)
    }
}

impl FromStr for Hlc {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?} is not a clock stamp (want MILLISECONDS-COUNTER)");
        let (ms, counter) = s.split_once('-').ok_or_else(bad)?;
        if ms.is_empty() || counter.is_empty() {
            return Err(bad());
        }
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if !digits(ms) || !digits(counter) {
            return Err(bad());
        }
        Ok(Hlc {
            ms: ms.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
        })
    }
}

impl Serialize for Hlc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hlc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A device's clock: remembers the largest stamp made or seen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HlcClock {
    last: Hlc,
}

impl HlcClock {
    /// A clock that has made or seen `last` (stored between runs).
    #[must_use]
    pub fn new(last: Hlc) -> Self {
        HlcClock { last }
    }

    /// The largest stamp made or seen.
    #[must_use]
    pub fn last(&self) -> Hlc {
        self.last
    }

    /// A new stamp at wall time `wall_ms`: larger than every stamp made or seen.
    pub fn tick(&mut self, wall_ms: u64) -> Hlc {
        self.last = if wall_ms > self.last.ms {
            Hlc {
                ms: wall_ms,
                counter: 0,
            }
        } else if let Some(counter) = self.last.counter.checked_add(1) {
            Hlc {
                ms: self.last.ms,
                counter,
            }
        } else {
            // Four billion stamps in one millisecond: borrow the next millisecond.
            Hlc {
                ms: self.last.ms.saturating_add(1),
                counter: 0,
            }
        };
        self.last
    }

    /// Notes a stamp read from another device: later stamps made here exceed it.
    pub fn observe(&mut self, seen: Hlc) {
        self.last = self.last.max(seen);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn stamps_round_trip_and_order_by_ms_then_counter() {
        let h: Hlc = "1767225600123-0003".parse().unwrap();
        assert_eq!(
            h,
            Hlc {
                ms: 1_767_225_600_123,
                counter: 3
            }
        );
        assert_eq!(h.to_string(), "1767225600123-0003");
        assert!(h < "1767225600123-0004".parse().unwrap());
        assert!(h > "1767225600122-9999".parse().unwrap());
        for bad in ["", "-", "12", "12-", "-3", "1a-2", "1-+2", "1-2-3"] {
            assert!(bad.parse::<Hlc>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_clock_never_goes_back_and_passes_what_it_saw() {
        let mut c = HlcClock::default();
        let a = c.tick(1000);
        assert_eq!(
            a,
            Hlc {
                ms: 1000,
                counter: 0
            }
        );
        // The wall clock stepped back: the counter moves on instead.
        let b = c.tick(900);
        assert_eq!(
            b,
            Hlc {
                ms: 1000,
                counter: 1
            }
        );
        // Another device's clock runs ahead: ours follows it.
        c.observe(Hlc {
            ms: 5000,
            counter: 7,
        });
        assert_eq!(
            c.tick(1001),
            Hlc {
                ms: 5000,
                counter: 8
            }
        );
        assert_eq!(
            c.tick(6000),
            Hlc {
                ms: 6000,
                counter: 0
            }
        );
        let mut full = HlcClock::new(Hlc {
            ms: 1,
            counter: u32::MAX,
        });
        assert_eq!(full.tick(0), Hlc { ms: 2, counter: 0 });
    }
}
