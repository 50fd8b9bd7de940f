//! The reading half of an import. The format's parser and the pure checks run on a
//! second thread and hand their records over in batches, while the engine writes
//! the ones before them: reading, validating and hashing a big file (about a quarter
//! of a million-session CSV import) then overlaps SQLite's work instead of adding to
//! it. Records still reach the engine one at a time and in the file's order, and an
//! error of the reader reaches it after every record before it, so the engine sees
//! exactly what it saw when both ran on one thread. The engine only borrows them and
//! hands each batch back, so their strings are freed (and the batch's buffer reused)
//! on the reading thread, where they were allocated.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::error::{Error, ErrorKind, Result};
use crate::interop::import::check::{Verdict, check};
use crate::interop::import::{Input, Options, Record, digest, identity, parse};

/// Records per hand-over: large enough that the channel costs nothing per record,
/// small enough that the writer starts at once.
const BATCH: usize = 512;

/// Batches in flight: the reader runs at most this far ahead, so memory stays flat.
const AHEAD: usize = 4;

/// A record with what the pure checks made of it.
pub(super) struct Prepared {
    /// The record as the format read it.
    pub rec: Record,
    /// What [`check`] said of it.
    pub verdict: Verdict,
    /// Its identity in its source ([`identity`]; empty for a skip).
    pub key: String,
    /// What the source says this time: its own version, else the [`digest`] (empty
    /// for a skip).
    pub version: String,
}

/// Checks `rec` as the engine would before writing it.
fn prepare(rec: Record, opts: &Options, now: i64) -> Result<Prepared> {
    let verdict = check(&rec, opts, now)?;
    let (key, version) = match &verdict {
        Verdict::Session(checked) => (
            identity(opts.format, checked),
            rec.version.clone().unwrap_or_else(|| digest(checked)),
        ),
        Verdict::Skip { .. } => (String::new(), String::new()),
    };
    Ok(Prepared {
        rec,
        verdict,
        key,
        version,
    })
}

/// Parses `input` on a second thread and gives each checked record to `take`, in
/// order. Stops at the first error of either side and returns it.
pub(super) fn each_prepared(
    input: &Input,
    opts: &Options,
    now: i64,
    take: &mut dyn FnMut(&Prepared) -> Result<()>,
) -> Result<()> {
    std::thread::scope(|scope| {
        let (sender, batches) = sync_channel(AHEAD);
        let (give_back, given_back) = sync_channel(AHEAD);
        let reader = scope.spawn(move || read(input, opts, now, &sender, &given_back));
        let mut taken = Ok(());
        'batches: for batch in &batches {
            match batch {
                Ok(records) => {
                    for prepared in &records {
                        if let Err(e) = take(prepared) {
                            taken = Err(e);
                            break 'batches;
                        }
                    }
                    // A full return channel (or a reader already done) frees it here.
                    let _ = give_back.try_send(records);
                }
                Err(e) => {
                    taken = Err(e);
                    break;
                }
            }
        }
        // A reader still sending finds no one listening and stops.
        drop(batches);
        if let Err(panic) = reader.join() {
            std::panic::resume_unwind(panic);
        }
        taken
    })
}

/// The reading thread: sends batches of prepared records, then the error that ended
/// the parse, if any. Returns quietly when the writer has stopped listening.
fn read(
    input: &Input,
    opts: &Options,
    now: i64,
    sender: &SyncSender<Result<Vec<Prepared>>>,
    given_back: &Receiver<Vec<Prepared>>,
) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut listening = true;
    let parsed = parse(input, opts, &mut |rec| {
        batch.push(prepare(rec, opts, now)?);
        if batch.len() == BATCH {
            let next = match given_back.try_recv() {
                Ok(mut used) => {
                    used.clear();
                    used
                }
                Err(_) => Vec::with_capacity(BATCH),
            };
            let full = std::mem::replace(&mut batch, next);
            if sender.send(Ok(full)).is_err() {
                listening = false;
                // Only ends the parse: nobody reads this error.
                return Err(Error::new(ErrorKind::Io, "the import stopped writing"));
            }
        }
        Ok(())
    });
    if !listening {
        return;
    }
    if !batch.is_empty() && sender.send(Ok(batch)).is_err() {
        return;
    }
    if let Err(e) = parsed {
        // Nobody listening means the writer failed first, and says so itself.
        let _ = sender.send(Err(e));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::interop::import::Format;

    /// 2030-01-01 00:00 UTC: after every frame but the refused one.
    const NOW: i64 = 1_893_456_000;

    fn opts() -> Options {
        Options::new(Format::Watson, chrono_tz::Europe::Berlin)
    }

    /// A Watson frames file of `n` ten-minute frames an hour apart from 2024-01-08
    /// 09:00 UTC, the one at `bad` (if any) dated in the year 2200, which the checks refuse.
    fn frames(n: i64, bad: Option<i64>) -> Input {
        let mut body = String::from("[");
        for i in 0..n {
            let start = if Some(i) == bad {
                7_258_118_400
            } else {
                1_704_704_400 + i * 3600
            };
            if i > 0 {
                body.push(',');
            }
            body.push_str(&format!("[{start},{},\"p\",\"k{i}\",[],0]", start + 600));
        }
        body.push(']');
        Input::Bytes {
            name: "frames.json".into(),
            data: body.into_bytes(),
        }
    }

    #[test]
    fn records_arrive_in_order_and_an_error_after_the_records_before_it() {
        // 1,500 records span three batches; the refused one is the 1,301st.
        let mut seen = Vec::new();
        let result = each_prepared(&frames(1500, Some(1300)), &opts(), NOW, &mut |p| {
            seen.push(p.rec.start);
            Ok(())
        });
        let error = result.expect_err("the year 2200 is refused");
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        assert!(
            error.message().contains("2200-01-01"),
            "{}",
            error.message()
        );
        assert_eq!(seen.len(), 1300);
        assert!(
            seen.iter()
                .enumerate()
                .all(|(i, s)| *s == 1_704_704_400 + i as i64 * 3600)
        );
    }

    #[test]
    fn a_writer_that_stops_stops_the_reader() {
        // Far more records than the reader may keep ahead (AHEAD batches of BATCH): a
        // reader left blocked on a full channel would hang this test.
        let n = (BATCH * (AHEAD + 4)) as i64;
        let mut taken = 0;
        let result = each_prepared(&frames(n, None), &opts(), NOW, &mut |_| {
            taken += 1;
            if taken == 10 {
                return Err(Error::new(ErrorKind::Conflict, "stop here"));
            }
            Ok(())
        });
        assert_eq!(
            result.expect_err("the writer's error").to_string(),
            "stop here"
        );
        assert_eq!(taken, 10);
    }

    #[test]
    fn keys_and_versions_are_what_the_engine_computed_itself() {
        let mut all = Vec::new();
        each_prepared(&frames(3, None), &opts(), NOW, &mut |p| {
            all.push((p.rec.clone(), p.key.clone(), p.version.clone()));
            Ok(())
        })
        .unwrap();
        assert_eq!(all.len(), 3);
        for (rec, key, version) in &all {
            let Verdict::Session(checked) = check(rec, &opts(), NOW).unwrap() else {
                panic!("a closed frame is a session");
            };
            assert_eq!(*key, identity(Format::Watson, &checked));
            // Watson frames carry their updated_at (0 here) as the version.
            assert_eq!(version, "0");
        }
    }
}
