//! Splits an interval at local-day boundaries in a zone. Each piece is exactly the
//! part of the interval that fell on that local day, so days of 23, 24 or 25 hours
//! come out right and the pieces always add up to the whole.
//!
//! [`split_by_day`] answers one interval; [`DayCursor`] answers a stream of them
//! (a whole history, oldest first) with the same pieces, asking the zone only when
//! an interval leaves the local day the previous one was on.

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{day_start, from_unix, local_date};

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

/// One local day and the unix seconds `[start, end)` it covers, as a [`DayCursor`]
/// keeps it.
#[derive(Debug, Clone, Copy)]
struct Day {
    date: NaiveDate,
    start: i64,
    end: i64,
}

/// Splits a stream of intervals into the pieces [`split_by_day`] gives each, without
/// a zone look-up per interval: it keeps the local day the last piece fell on with
/// that day's UTC bounds (`day_start` of it and of the next day, so a 23- or 25-hour
/// day and a midnight skipped by a jump are the zone's own answer), and asks the zone
/// again only for an instant outside them. Instants are unix seconds, the pieces go
/// to a callback: nothing is allocated per interval.
///
/// Within the kept bounds every instant has the kept date, which holds wherever a
/// zone's local dates only move forward; a day whose bounds do not say so (the zone
/// skipped the next date, as Samoa skipped 2011-12-30) is never kept, and its pieces
/// are cut one at a time exactly as [`split_by_day`] cuts them.
#[derive(Debug, Clone)]
pub struct DayCursor {
    zone: Tz,
    day: Option<Day>,
}

impl DayCursor {
    /// A cursor over local days in `zone`, holding no day yet.
    #[must_use]
    pub fn new(zone: Tz) -> Self {
        DayCursor { zone, day: None }
    }

    /// Calls `f(date, seconds)` for each local-day piece of `[start, end)` (unix
    /// seconds), oldest first: the pieces `split_by_day` gives for the same
    /// interval. An empty or inverted interval gives none.
    pub fn split(&mut self, start: i64, end: i64, mut f: impl FnMut(NaiveDate, i64)) {
        if start >= end {
            return;
        }
        // The common case, a session inside the day of the one before it.
        if let Some(day) = self.day
            && day.start <= start
            && end <= day.end
        {
            f(day.date, end - start);
            return;
        }
        self.split_slow(start, end, &mut f);
    }

    /// [`DayCursor::split`] for an interval that leaves the day kept: the shape of
    /// `split_by_day`, with the kept day standing in for the zone where it holds.
    fn split_slow(&mut self, start: i64, end: i64, f: &mut dyn FnMut(NaiveDate, i64)) {
        let (first, last) = (self.date_of(start), self.date_of(end - 1));
        if first == last {
            f(first, end - start);
            return;
        }
        let mut cursor = start;
        while cursor < end {
            let (date, next_day) = match self.day {
                Some(day) if day.start <= cursor && cursor < day.end => (day.date, day.end),
                _ => {
                    let date = local_date(self.zone, from_unix(cursor));
                    let next_day = date
                        .checked_add_days(Days::new(1))
                        .map_or(end, |d| day_start(self.zone, d).timestamp());
                    (date, next_day)
                }
            };
            // Always advance, as `split_by_day` does.
            let piece_end = next_day.max(cursor + 1).min(end);
            f(date, piece_end - cursor);
            cursor = piece_end;
        }
    }

    /// The local date of `instant` (unix seconds), keeping its day's bounds when they
    /// hold for every instant between them.
    fn date_of(&mut self, instant: i64) -> NaiveDate {
        if let Some(day) = self.day
            && day.start <= instant
            && instant < day.end
        {
            return day.date;
        }
        let date = local_date(self.zone, from_unix(instant));
        self.day = self
            .bounds(date)
            .filter(|d| d.start <= instant && instant < d.end);
        date
    }

    /// `date` with its UTC bounds, if the zone gives the same date at both ends (so,
    /// its local dates moving forward, at every instant between).
    fn bounds(&self, date: NaiveDate) -> Option<Day> {
        let next = date.checked_add_days(Days::new(1))?;
        let start = day_start(self.zone, date).timestamp();
        let end = day_start(self.zone, next).timestamp();
        let holds = start < end
            && local_date(self.zone, from_unix(start)) == date
            && local_date(self.zone, from_unix(end - 1)) == date;
        holds.then_some(Day { date, start, end })
    }
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

    /// Every piece a cursor gives for `intervals` (unix seconds), in order.
    fn cursor_pieces(tz: Tz, intervals: &[(i64, i64)]) -> Vec<Vec<DayPiece>> {
        let mut cursor = DayCursor::new(tz);
        intervals
            .iter()
            .map(|(a, b)| {
                let mut pieces = Vec::new();
                cursor.split(*a, *b, |date, seconds| {
                    pieces.push(DayPiece { date, seconds })
                });
                pieces
            })
            .collect()
    }

    fn unix(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        utc(y, mo, d, h, mi).timestamp()
    }

    fn piece(y: i32, m: u32, d: u32, seconds: i64) -> DayPiece {
        DayPiece {
            date: date(y, m, d),
            seconds,
        }
    }

    #[test]
    fn cursor_through_a_berlin_dst_week() {
        // Berlin, spring 2026: clocks go 02:00 -> 03:00 on Sun 03-29 (a 23-hour day,
        // 03-28 23:00Z to 03-29 22:00Z); autumn: 03:00 -> 02:00 on Sun 10-25 (a
        // 25-hour day, 10-24 22:00Z to 10-25 23:00Z).
        let berlin = chrono_tz::Europe::Berlin;
        let intervals = [
            // Sat 03-28 09:00-17:00 local (+01:00): 8 h on the Saturday.
            (unix(2026, 3, 28, 8, 0), unix(2026, 3, 28, 16, 0)),
            // Sat 22:00 local to Sun 04:00 CEST: 2 h on Saturday, then 00:00-04:00 on
            // the Sunday, which holds only 3 real hours.
            (unix(2026, 3, 28, 21, 0), unix(2026, 3, 29, 2, 0)),
            // The whole 23-hour Sunday.
            (unix(2026, 3, 28, 23, 0), unix(2026, 3, 29, 22, 0)),
            // Mon 03-30 00:30-01:30 CEST (+02:00): past midnight by the new offset.
            (unix(2026, 3, 29, 22, 30), unix(2026, 3, 29, 23, 30)),
            // The whole 25-hour Sunday 10-25.
            (unix(2026, 10, 24, 22, 0), unix(2026, 10, 25, 23, 0)),
            // Sun 10-25 23:30 CET to Mon 00:30: half an hour on each day.
            (unix(2026, 10, 25, 22, 30), unix(2026, 10, 25, 23, 30)),
        ];
        assert_eq!(
            cursor_pieces(berlin, &intervals),
            [
                vec![piece(2026, 3, 28, 8 * 3600)],
                vec![piece(2026, 3, 28, 2 * 3600), piece(2026, 3, 29, 3 * 3600)],
                vec![piece(2026, 3, 29, 23 * 3600)],
                vec![piece(2026, 3, 30, 3600)],
                vec![piece(2026, 10, 25, 25 * 3600)],
                vec![piece(2026, 10, 25, 1800), piece(2026, 10, 26, 1800)],
            ]
        );
    }

    #[test]
    fn cursor_across_midnight_and_back_in_time() {
        // Berlin winter (+01:00): 23:00 on 02-28 to 01:30 on 03-01, then a session
        // earlier than the day kept (the cursor takes any order), then one inside it.
        let berlin = chrono_tz::Europe::Berlin;
        let intervals = [
            (unix(2026, 2, 28, 22, 0), unix(2026, 3, 1, 0, 30)),
            (unix(2026, 2, 27, 8, 0), unix(2026, 2, 27, 9, 0)),
            (unix(2026, 3, 1, 9, 0), unix(2026, 3, 1, 9, 45)),
            (unix(2026, 3, 1, 9, 45), unix(2026, 3, 1, 9, 45)),
        ];
        assert_eq!(
            cursor_pieces(berlin, &intervals),
            [
                vec![piece(2026, 2, 28, 3600), piece(2026, 3, 1, 5400)],
                vec![piece(2026, 2, 27, 3600)],
                vec![piece(2026, 3, 1, 2700)],
                vec![],
            ]
        );
    }

    #[test]
    fn cursor_over_a_skipped_day_cuts_as_split_by_day() {
        // Samoa skipped 2011-12-30 (-10:00 -> +14:00 at the end of 12-29, 10:00Z);
        // `day_start` of the missing day lands at 12-31 00:15 local, so 12-29's
        // bounds would wrongly claim 10:00Z-10:15Z, which is 12-31 00:00-00:15.
        let apia = chrono_tz::Pacific::Apia;
        let intervals = [
            (unix(2011, 12, 29, 20, 0), unix(2011, 12, 29, 21, 0)),
            (unix(2011, 12, 30, 10, 5), unix(2011, 12, 30, 10, 10)),
            (unix(2011, 12, 29, 22, 0), unix(2011, 12, 30, 14, 0)),
            (unix(2011, 12, 30, 10, 5), unix(2011, 12, 30, 10, 10)),
        ];
        let expected: Vec<Vec<DayPiece>> = intervals
            .iter()
            .map(|(a, b)| split_by_day(apia, from_unix(*a), from_unix(*b)))
            .collect();
        assert_eq!(cursor_pieces(apia, &intervals), expected);
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

        // The cursor gives every interval exactly `split_by_day`'s pieces, in any
        // order, across DST changes, midnights a jump skips or repeats (Santiago,
        // Sao Paulo's midnight fall-backs of the 1990s, Havana), half-hour shifts
        // (Lord Howe) and a skipped day (Apia).
        #[test]
        fn cursor_gives_split_by_days_pieces(
            sessions in prop::collection::vec((0_i64..400_000, 1_i64..200_000), 1..60),
            origin in 600_000_000_i64..1_900_000_000,
            zone in prop::sample::select(vec![
                "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
                "America/Santiago", "America/Sao_Paulo", "America/Havana", "Pacific/Apia",
                "Asia/Tehran", "UTC",
            ]),
        ) {
            let tz: Tz = zone.parse().unwrap();
            // Each session starts `gap` after the last one's start: mostly in order and
            // overlapping nothing, sometimes back (gap wraps) to test any order.
            let mut at = origin;
            let intervals: Vec<(i64, i64)> = sessions
                .iter()
                .map(|(gap, length)| {
                    at = if gap % 17 == 0 { at - gap } else { at + gap };
                    (at, at + length)
                })
                .collect();
            let expected: Vec<Vec<DayPiece>> = intervals
                .iter()
                .map(|(a, b)| split_by_day(tz, from_unix(*a), from_unix(*b)))
                .collect();
            prop_assert_eq!(cursor_pieces(tz, &intervals), expected);
        }

        // Near the known transitions of the odd zones, where random instants rarely land.
        #[test]
        fn cursor_near_odd_transitions(
            offsets in prop::collection::vec((-200_000_i64..200_000, 1_i64..100_000), 1..30),
            which in 0_usize..4,
        ) {
            let (zone, around) = [
                ("Pacific/Apia", 1_325_239_200_i64),         // 2011-12-30 10:00Z, the skipped day
                ("America/Sao_Paulo", 855_460_800),          // 1997-02-16 03:00Z, midnight falls back
                ("America/Santiago", unix(2026, 9, 6, 4, 0)), // midnight skipped
                ("America/Havana", unix(2026, 3, 8, 5, 0)),   // midnight skipped
            ][which];
            let tz: Tz = zone.parse().unwrap();
            let intervals: Vec<(i64, i64)> =
                offsets.iter().map(|(o, l)| (around + o, around + o + l)).collect();
            let expected: Vec<Vec<DayPiece>> = intervals
                .iter()
                .map(|(a, b)| split_by_day(tz, from_unix(*a), from_unix(*b)))
                .collect();
            prop_assert_eq!(cursor_pieces(tz, &intervals), expected);
        }
    }
}
