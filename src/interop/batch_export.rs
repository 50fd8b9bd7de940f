//! The CSV and JSON exports on two threads: the caller's thread reads session
//! batches from the database and writes the finished bytes, while a second thread
//! formats each batch. A million-row export spends about half its time in SQLite and
//! half formatting, so the two halves overlap instead of adding up (issue 21).
//!
//! Memory stays flat: at most [`IN_FLIGHT`] batches and their bytes exist at once,
//! and their buffers are reused. The output is exactly what [`super::export::Exporter`]
//! writes for the same sessions, in the same order (one formatting thread, and
//! channels keep order).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use chrono::{DateTime, Utc};

use super::csv_row::{CsvRows, FLUSH_AT};
use super::export::{write_header, write_row_csv};
use super::json_row;
use crate::error::{Error, Result};
use crate::model::{SessionRow, SessionRows};

/// Batches handed to the formatting thread and not yet written, at most.
const IN_FLIGHT: usize = 3;

/// A batch's CSV bytes, the batch itself (to be refilled) and how many rows it wrote.
type Formatted = (Vec<u8>, SessionRows, usize);

/// The document a batched export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// CSV with its header row; `raw` leaves formula-looking cells as they are.
    Csv {
        /// `--raw`.
        raw: bool,
    },
    /// A JSON array, one session object a line.
    Json,
}

/// Writes the document's opening (the CSV header, or `[`), then every row `keep`
/// keeps of the batches `read` streams (see `Tracker::each_session_batch`), then its
/// end, to `out`; returns how many rows it wrote. The bytes are exactly
/// [`super::export::Exporter`]'s for the same sessions. A write error stops the read
/// and comes back through `io_error`; an error of `read` is returned as it is.
pub fn write_batched<W: Write>(
    out: &mut W,
    now: DateTime<Utc>,
    layout: Layout,
    keep: impl Fn(&SessionRow<'_>) -> bool + Send,
    read: impl FnOnce(&mut dyn FnMut(SessionRows) -> Result<SessionRows>) -> Result<()>,
    io_error: impl Fn(io::Error) -> Error,
) -> Result<usize> {
    match layout {
        Layout::Csv { .. } => {
            let mut header = CsvRows::in_memory();
            write_header(&mut header).map_err(&io_error)?;
            out.write_all(&header.take(Vec::new())).map_err(&io_error)?;
        }
        Layout::Json => out.write_all(b"[").map_err(&io_error)?,
    }
    let count = std::thread::scope(|scope| {
        let (to_format, formats) = sync_channel::<(SessionRows, Vec<u8>)>(IN_FLIGHT);
        let (to_write, written) = sync_channel::<Formatted>(IN_FLIGHT);
        let formatter =
            scope.spawn(move || format_batches(&formats, &to_write, now, layout, &keep));
        let mut writer = Writer {
            out,
            written,
            io_error: &io_error,
            spare_batches: Vec::new(),
            spare_bytes: Vec::new(),
            in_flight: 0,
            count: 0,
        };
        let read = read(&mut |batch| writer.hand_over(batch, &to_format));
        // The formatter ends once it has formatted what it was given.
        drop(to_format);
        let drained = read.and_then(|()| writer.drain());
        // Dropping the receiver lets a formatter still sending (after an error) end.
        let count = writer.count;
        drop(writer);
        // A formatter that stopped early says why itself (its own error, or its
        // panic), not the writer that found it gone.
        match formatter.join() {
            Ok(Ok(())) => drained.map(|()| count),
            Ok(Err(e)) => Err(io_error(e)),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })?;
    if layout == Layout::Json {
        out.write_all(if count == 0 { b"]\n" } else { b"\n]\n" })
            .and_then(|()| out.flush())
            .map_err(&io_error)?;
    }
    Ok(count)
}

/// The formatting thread: each batch in, its CSV bytes out, until the input ends or
/// the writer stops listening.
fn format_batches(
    formats: &Receiver<(SessionRows, Vec<u8>)>,
    to_write: &SyncSender<Formatted>,
    now: DateTime<Utc>,
    layout: Layout,
    keep: &(impl Fn(&SessionRow<'_>) -> bool + Send),
) -> io::Result<()> {
    let mut rows = CsvRows::in_memory();
    let mut total = 0usize;
    for (batch, mut spare) in formats {
        spare.clear();
        let mut count = 0;
        for row in batch.iter().filter(|r| keep(r)) {
            match layout {
                Layout::Csv { raw } => write_row_csv(&mut rows, raw, now, &row)?,
                Layout::Json => {
                    // Each object on a line of its own, the first after the `[`.
                    spare.extend_from_slice(if total + count == 0 { b"\n" } else { b",\n" });
                    json_row::push_session(&mut spare, now, &row)?;
                }
            }
            count += 1;
        }
        total += count;
        let bytes = match layout {
            Layout::Csv { .. } => rows.take(spare),
            Layout::Json => spare,
        };
        if to_write.send((bytes, batch, count)).is_err() {
            break;
        }
    }
    Ok(())
}

/// The formatter is gone: it stopped with an error or a panic, which `write_csv`
/// reports instead of this once it has joined it.
fn formatter_gone(io_error: &impl Fn(io::Error) -> Error) -> Error {
    io_error(io::Error::from(io::ErrorKind::BrokenPipe))
}

/// The caller's side: hands batches over and writes what comes back, in order.
struct Writer<'a, W: Write, E: Fn(io::Error) -> Error> {
    out: &'a mut W,
    written: Receiver<Formatted>,
    io_error: &'a E,
    spare_batches: Vec<SessionRows>,
    spare_bytes: Vec<Vec<u8>>,
    in_flight: usize,
    count: usize,
}

impl<W: Write, E: Fn(io::Error) -> Error> Writer<'_, W, E> {
    /// Hands a full batch to the formatter, writes whatever it has finished, and
    /// returns a batch to fill next (waiting for one when [`IN_FLIGHT`] are out).
    fn hand_over(
        &mut self,
        batch: SessionRows,
        to_format: &SyncSender<(SessionRows, Vec<u8>)>,
    ) -> Result<SessionRows> {
        let names = Arc::clone(batch.names());
        let spare = self.spare_bytes.pop().unwrap_or_default();
        if to_format.send((batch, spare)).is_err() {
            return Err(formatter_gone(self.io_error));
        }
        self.in_flight += 1;
        while let Ok(done) = self.written.try_recv() {
            self.write(done)?;
        }
        if self.in_flight >= IN_FLIGHT {
            self.wait()?;
        }
        Ok(self
            .spare_batches
            .pop()
            .unwrap_or_else(|| SessionRows::new(names)))
    }

    /// Waits for the next finished batch and writes it.
    fn wait(&mut self) -> Result<()> {
        match self.written.recv() {
            Ok(done) => self.write(done),
            Err(_) => Err(formatter_gone(self.io_error)),
        }
    }

    /// Writes every batch still out.
    fn drain(&mut self) -> Result<()> {
        while self.in_flight > 0 {
            self.wait()?;
        }
        self.out.flush().map_err(self.io_error)
    }

    fn write(&mut self, (bytes, mut batch, count): Formatted) -> Result<()> {
        self.in_flight -= 1;
        // In pieces the size of the output's own buffer, as the one-thread writer
        // hands them over: a long export keeps writing as it goes, and a disk that
        // fills up is reported at the write that met it.
        for piece in bytes.chunks(FLUSH_AT) {
            self.out.write_all(piece).map_err(self.io_error)?;
        }
        self.count += count;
        batch.clear();
        self.spare_batches.push(batch);
        self.spare_bytes.push(bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::error::ErrorKind;
    use crate::interop::export::{ExportFormat, Exporter};
    use crate::model::{RowNames, SessionId};

    /// Batches of sessions made by hand: formula-looking tags and notes, quotes, CJK,
    /// a running session, two zones.
    fn batches(count: usize, per_batch: usize) -> Vec<SessionRows> {
        let names = Arc::new(RowNames {
            projects: vec!["writing".into(), "=cmd".into(), "写作".into()],
            tags: vec!["+sum".into(), "a".into(), "初稿".into()],
        });
        let mut out = Vec::new();
        let mut batch = SessionRows::new(Arc::clone(&names));
        for i in 0..count {
            let tags: Vec<u32> = (0..3).filter(|k| (i >> k) & 1 == 1).collect();
            let note = match i % 4 {
                0 => None,
                1 => Some(format!("say \"hi\", {i}")),
                2 => Some(format!("@risk {i}")),
                _ => Some(format!("两行\n{i}")),
            };
            let start = 1_767_225_600 + 3600 * i64::try_from(i).unwrap();
            assert!(batch.push(
                SessionId::new(i64::try_from(i).unwrap() + 1),
                &format!("uuid-{i}"),
                u32::try_from(i % 3).unwrap(),
                note.as_deref(),
                start,
                (i + 1 != count).then_some(start + 1800),
                if i % 2 == 0 {
                    chrono_tz::Europe::Berlin
                } else {
                    chrono_tz::Asia::Shanghai
                },
                &tags,
            ));
            if batch.len() == per_batch {
                out.push(std::mem::replace(
                    &mut batch,
                    SessionRows::new(Arc::clone(&names)),
                ));
            }
        }
        if !batch.is_empty() {
            out.push(batch);
        }
        out
    }

    fn one_thread(
        batches: &[SessionRows],
        layout: Layout,
        keep: impl Fn(&SessionRow<'_>) -> bool,
    ) -> Vec<u8> {
        let now = crate::time::from_unix(1_767_225_600 + 3600 * 200);
        let mut out = Vec::new();
        let (format, raw) = match layout {
            Layout::Csv { raw } => (ExportFormat::Csv, raw),
            Layout::Json => (ExportFormat::Json, false),
        };
        let mut exporter = Exporter::begin(format, &mut out, now, raw).unwrap();
        for batch in batches {
            for row in batch.iter().filter(|r| keep(r)) {
                exporter.session(&row.to_session()).unwrap();
            }
        }
        exporter.finish().unwrap();
        out
    }

    fn two_threads(
        batches: Vec<SessionRows>,
        layout: Layout,
        keep: impl Fn(&SessionRow<'_>) -> bool + Send,
    ) -> (Vec<u8>, usize) {
        let now = crate::time::from_unix(1_767_225_600 + 3600 * 200);
        let mut out = Vec::new();
        let count = write_batched(
            &mut out,
            now,
            layout,
            keep,
            |read| {
                for batch in batches {
                    read(batch)?;
                }
                Ok(())
            },
            crate::interop::atomic::output_error,
        )
        .unwrap();
        (out, count)
    }

    /// Many batches, more than are ever in flight: the bytes equal the one-thread
    /// exporter's for the same rows, with and without `--raw` and with a filter.
    #[test]
    fn two_threads_write_what_one_writes() {
        let layouts = [
            Layout::Csv { raw: false },
            Layout::Csv { raw: true },
            Layout::Json,
        ];
        for per_batch in [1, 7, 64] {
            for layout in layouts {
                let (got, count) = two_threads(batches(150, per_batch), layout, |_| true);
                assert_eq!(count, 150);
                assert_eq!(got, one_thread(&batches(150, per_batch), layout, |_| true));
                let keep = |r: &SessionRow<'_>| r.project == "写作" || r.tags().any(|t| t == "a");
                let (got, count) = two_threads(batches(150, per_batch), layout, keep);
                // 写作 is every third (i % 3 == 2): 50; tag `a` has i % 4 in {2, 3}:
                // 37 × 2 = 74 (148 and 149 are 0 and 1); both, i % 12 in {2, 11}:
                // 12 × 2 + 1 (i = 146) = 25. 50 + 74 − 25 = 99.
                assert_eq!(count, 99);
                assert_eq!(got, one_thread(&batches(150, per_batch), layout, keep));
            }
        }
    }

    /// Nothing kept, and a filter that keeps only rows after the first batch: the JSON
    /// array's brackets and commas are where the one-thread exporter puts them.
    #[test]
    fn json_with_no_rows_or_a_late_first_row_is_what_one_writes() {
        let (got, count) = two_threads(batches(20, 7), Layout::Json, |_| false);
        assert_eq!((got.as_slice(), count), (b"[]\n".as_slice(), 0));
        let late = |r: &SessionRow<'_>| r.id.get() > 15;
        let (got, count) = two_threads(batches(20, 7), Layout::Json, late);
        assert_eq!(count, 5);
        assert_eq!(got, one_thread(&batches(20, 7), Layout::Json, late));
        let text = String::from_utf8(got).unwrap();
        assert!(text.starts_with("[\n{\"id\":16,"), "{text}");
        assert!(text.ends_with("}\n]\n"), "{text}");
    }

    /// An output that fails after some bytes: the error comes back, the read stops
    /// (no more batches are asked for than are in flight), nothing hangs.
    #[test]
    fn a_write_error_stops_the_read() {
        struct Full(usize);
        impl Write for Full {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0 < buf.len() {
                    return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
                }
                self.0 -= buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut read = 0;
        let result = write_batched(
            &mut Full(2000),
            crate::time::from_unix(0),
            Layout::Csv { raw: false },
            |_| true,
            |f| {
                for batch in batches(400, 4) {
                    read += 1;
                    f(batch)?;
                }
                Ok(())
            },
            crate::interop::atomic::output_error,
        );
        let err = result.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io, "{err}");
        assert!(
            read < 100,
            "read {read} of 100 batches after the output failed"
        );
    }

    /// An error of the read itself is returned as it is.
    #[test]
    fn a_read_error_is_returned_as_it_is() {
        let result = write_batched(
            &mut Vec::new(),
            crate::time::from_unix(0),
            Layout::Csv { raw: false },
            |_| true,
            |f| {
                let mut rest = batches(30, 10).into_iter();
                if let Some(batch) = rest.next() {
                    f(batch)?;
                }
                Err(Error::database("the disk went away".to_string()))
            },
            crate::interop::atomic::output_error,
        );
        let err = result.unwrap_err();
        assert!(err.to_string().contains("the disk went away"), "{err}");
    }
}
