//! The CSV export on two threads: the caller's thread reads session batches from
//! the database and writes the finished bytes, while a second thread formats each
//! batch into CSV. A million-row export spends about half its time in SQLite and
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
use crate::error::{Error, Result};
use crate::model::{SessionRow, SessionRows};

/// Batches handed to the formatting thread and not yet written, at most.
const IN_FLIGHT: usize = 3;

/// A batch's CSV bytes, the batch itself (to be refilled) and how many rows it wrote.
type Formatted = (Vec<u8>, SessionRows, usize);

/// Writes the CSV header, then every row `keep` keeps of the batches `read` streams
/// (see `Tracker::each_session_batch`), to `out`; returns how many rows it wrote.
/// A write error stops the read and comes back through `io_error`; an error of
/// `read` is returned as it is.
pub fn write_csv<W: Write>(
    out: &mut W,
    now: DateTime<Utc>,
    raw: bool,
    keep: impl Fn(&SessionRow<'_>) -> bool + Send,
    read: impl FnOnce(&mut dyn FnMut(SessionRows) -> Result<SessionRows>) -> Result<()>,
    io_error: impl Fn(io::Error) -> Error,
) -> Result<usize> {
    let mut header = CsvRows::in_memory();
    write_header(&mut header).map_err(&io_error)?;
    out.write_all(&header.take(Vec::new())).map_err(&io_error)?;
    std::thread::scope(|scope| {
        let (to_format, formats) = sync_channel::<(SessionRows, Vec<u8>)>(IN_FLIGHT);
        let (to_write, written) = sync_channel::<Formatted>(IN_FLIGHT);
        let formatter = scope.spawn(move || format_batches(&formats, &to_write, now, raw, &keep));
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
        match formatter.join() {
            Ok(Ok(())) => drained.map(|()| count),
            Ok(Err(e)) => drained.and(Err(io_error(e))),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The formatting thread: each batch in, its CSV bytes out, until the input ends or
/// the writer stops listening.
fn format_batches(
    formats: &Receiver<(SessionRows, Vec<u8>)>,
    to_write: &SyncSender<Formatted>,
    now: DateTime<Utc>,
    raw: bool,
    keep: &(impl Fn(&SessionRow<'_>) -> bool + Send),
) -> io::Result<()> {
    let mut rows = CsvRows::in_memory();
    for (batch, spare) in formats {
        let mut count = 0;
        for row in batch.iter().filter(|r| keep(r)) {
            write_row_csv(&mut rows, raw, now, &row)?;
            count += 1;
        }
        if to_write.send((rows.take(spare), batch, count)).is_err() {
            break;
        }
    }
    Ok(())
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
            // The formatter stopped early: its error comes back when it is joined.
            return Err(Error::new(
                crate::error::ErrorKind::Io,
                "the CSV export stopped formatting",
            ));
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
            Err(_) => Err(Error::new(
                crate::error::ErrorKind::Io,
                "the CSV export stopped formatting",
            )),
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
