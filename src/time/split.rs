//! Splits an interval at local-day boundaries in a zone. Each piece is exactly the
//! part of the interval that fell on that local day, so days of 23, 24 or 25 hours
//! come out right and the pieces always add up to the whole.

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{day_start, local_date};

/// The part of an interval that fell on one local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayPiece {
    /// The local calendar date.
    pub date: NaiveDate,
    /// Seconds of the interval on that date.
    pub seconds: i64,
}

/// Splits `[start, end)` into per-local-day pieces in `tz`, oldest first.
/// An empty or inverted interval gives no pieces.
#[must_use]
pub fn split_by_day(tz: Tz, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<DayPiece> {
    if start >= end {
        return Vec::new();
    }
    let first = local_date(tz, start);
    if first == local_date(tz, end - chrono::Duration::seconds(1)) {
        // Most sessions sit inside one local day: no day boundary to compute.
        return vec![DayPiece {
            date: first,
            seconds: (end - start).num_seconds(),
        }];
    }
    let mut pieces = Vec::new();
    let mut cursor = start;
    while cursor < end {
        let date = local_date(tz, cursor);
        let next_day = date
            .checked_add_days(Days::new(1))
            .map_or(end, |d| day_start(tz, d));
        // Always advance, even if a zone's data ever yielded a non-increasing day start.
        let piece_end = next_day.max(cursor + chrono::Duration::seconds(1)).min(end);
        pieces.push(DayPiece {
            date,
            seconds: (piece_end - cursor).num_seconds(),
        });
        cursor = piece_end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn across_midnight() {
        // Berlin winter (+01:00): 23:00 on 02-28 to 01:30 on 03-01 local = 22:00Z to 00:30Z.
        let pieces = split_by_day(
            chrono_tz::Europe::Berlin,
            utc(2026, 2, 28, 22, 0),
            utc(2026, 3, 1, 0, 30),
        );
        assert_eq!(
            pieces,
            [
                DayPiece {
                    date: date(2026, 2, 28),
                    seconds: 3600
                },
                DayPiece {
                    date: date(2026, 3, 1),
                    seconds: 5400
                },
            ]
        );
    }

    #[test]
    fn new_york_fall_back_night() {
        // 2026-10-31 22:00 EDT (02:00Z) to 2026-11-01 03:00 EST (08:00Z): 2 h then 4 h
        // (midnight to 03:00 on the 25-hour day holds 4 real hours).
        let pieces = split_by_day(
            chrono_tz::America::New_York,
            utc(2026, 11, 1, 2, 0),
            utc(2026, 11, 1, 8, 0),
        );
        assert_eq!(
            pieces[0],
            DayPiece {
                date: date(2026, 10, 31),
                seconds: 7200
            }
        );
        assert_eq!(
            pieces[1],
            DayPiece {
                date: date(2026, 11, 1),
                seconds: 14_400
            }
        );
    }

    #[test]
    fn whole_dst_days() {
        let tz = chrono_tz::Australia::Lord_Howe;
        // Lord Howe 2026-10-04 is 23.5 h long (+10:30 -> +11:00 at 02:00).
        let start = day_start(tz, date(2026, 10, 4));
        let end = day_start(tz, date(2026, 10, 5));
        let pieces = split_by_day(tz, start, end);
        assert_eq!(
            pieces,
            [DayPiece {
                date: date(2026, 10, 4),
                seconds: 84_600
            }]
        );
    }

    proptest! {
        #[test]
        fn pieces_add_up_with_no_gaps(
            start in 1_600_000_000_i64..1_900_000_000,
            length in 1_i64..2_000_000,
            zone in prop::sample::select(vec!["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "UTC"]),
        ) {
            let tz: Tz = zone.parse().unwrap();
            let (a, b) = (DateTime::from_timestamp(start, 0).unwrap(), DateTime::from_timestamp(start + length, 0).unwrap());
            let pieces = split_by_day(tz, a, b);
            prop_assert_eq!(pieces.iter().map(|p| p.seconds).sum::<i64>(), length);
            for pair in pieces.windows(2) {
                prop_assert_eq!(pair[0].date.succ_opt().unwrap(), pair[1].date);
            }
            for piece in &pieces {
                prop_assert!(piece.seconds > 0 && piece.seconds <= 25 * 3600);
            }
        }
    }
}
