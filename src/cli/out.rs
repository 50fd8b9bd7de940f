//! `Out`: the one path a verb's answer takes. Human lines, JSON values and whole
//! documents (report, export) stream through one buffered writer to stdout, or to
//! the atomic temp file of `-o FILE`; notes go to stderr.
//!
//! A failed write is remembered, not returned from every call: later writes are
//! dropped, streaming verbs stop at [`Out::status`], and [`Out::finish`] decides once
//! what it means. A closed pipe (`otium log | head`) is success; anything else, such
//! as a full disk under `otium log > FILE`, is an error, or the answer would be cut
//! short without a word.

use std::fmt;
use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::interop::atomic::{AtomicFile, output_error};
use crate::paths;

/// Where the bytes go.
#[derive(Debug)]
enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File(AtomicFile),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w) => w.flush(),
        }
    }
}

/// The cause inside the `io::Error` handed back after the sink failed, so that
/// [`Out::finish`] can tell "the output broke" from a verb's own error however a
/// renderer (csv, serde) wrapped it on the way up.
#[derive(Debug)]
struct SinkFailed;

impl fmt::Display for SinkFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the output could not be written")
    }
}

impl std::error::Error for SinkFailed {}

/// A verb's answer, streamed.
#[derive(Debug)]
pub struct Out {
    /// Whether `--json` was given.
    pub json: bool,
    sink: Sink,
    /// The first write error; once set, nothing more is written.
    failed: Option<io::Error>,
    /// Notes not yet on stderr: they are written before the next line or value, so
    /// they come ahead of the answer they belong to, and a document (report, export)
    /// on stdout is followed by its notes, as when everything was written at the end.
    notes: Vec<String>,
    /// The language of the `note:` prefix.
    lang: crate::i18n::Lang,
}

impl Out {
    /// An answer in human or JSON mode, for stdout.
    #[must_use]
    pub fn stdout(json: bool) -> Self {
        Out {
            json,
            sink: Sink::Stdout(BufWriter::new(io::stdout())),
            failed: None,
            notes: Vec::new(),
            lang: crate::i18n::Lang::En,
        }
    }

    /// Says the `note:` prefix of later notes in `lang`.
    pub fn set_lang(&mut self, lang: crate::i18n::Lang) {
        self.lang = lang;
    }

    /// Sends everything from here on to `file` (`-o FILE`) instead of stdout; it
    /// appears at its path only if the verb succeeds (see [`Out::finish`]).
    pub fn redirect(&mut self, file: AtomicFile) {
        self.sink = Sink::File(file);
    }

    /// Appends a line of human text (ignored in JSON mode).
    pub fn line(&mut self, text: impl AsRef<str>) {
        if !self.json {
            self.write_notes();
            let _ = writeln!(self, "{}", text.as_ref());
        }
    }

    /// Writes the JSON answer that `build` makes; in human mode `build` is not called.
    pub fn value<T: Serialize>(&mut self, build: impl FnOnce() -> T) {
        if self.json {
            self.write_notes();
            // Our types serialise infallibly (no maps with non-string keys).
            let text = crate::interop::json::to_vec(&build()).unwrap_or_else(|_| b"null".to_vec());
            let _ = self.write_all(&text).and_then(|()| self.write_all(b"\n"));
        }
    }

    /// Starts a JSON array written one element at a time (for answers too long to hold).
    pub fn json_array(&mut self) -> JsonArray<'_> {
        self.write_notes();
        let _ = self.write_all(b"[");
        JsonArray {
            out: self,
            first: true,
        }
    }

    /// A side remark for stderr, e.g. which DST rule was applied.
    pub fn note(&mut self, text: &str) {
        self.notes
            .push(crate::i18n::t(self.lang, "note-line", &[("text", &text)]));
    }

    /// `Err` once a write has failed, so a streaming verb stops reading; the error
    /// itself is decided by [`Out::finish`].
    pub fn status(&self) -> Result<()> {
        match &self.failed {
            None => Ok(()),
            Some(e) => Err(output_error(stopped(e))),
        }
    }

    /// Ends the answer for a verb that returned `result`: flushes the output, writes
    /// any notes left, and for `-o FILE` puts the file in place if all went well.
    /// The verb's own error wins over a write error; a closed stdout pipe is success.
    pub fn finish(mut self, result: Result<()>) -> Result<()> {
        if self.failed.is_none() {
            let _ = self.flush();
        }
        self.write_notes();
        let failed = self.failed.take();
        let own_error = match result {
            Err(e) if !(failed.is_some() && from_sink(&e)) => Some(e),
            _ => None,
        };
        match (self.sink, own_error, failed) {
            // The temp file of `-o` is dropped with the sink, so nothing appears.
            (_, Some(e), _) => Err(e),
            (Sink::File(file), None, None) => file.commit(),
            (Sink::File(file), None, Some(e)) => Err(if paths::is_out_of_space(&e) {
                // A full disk says which device, as every other write does.
                paths::no_space(crate::ErrorKind::Io, file.path())
            } else {
                output_error(e)
            }),
            (Sink::Stdout(_), None, Some(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            (Sink::Stdout(_), None, Some(e)) => Err(output_error(e)),
            (Sink::Stdout(_), None, None) => Ok(()),
        }
    }

    fn write_notes(&mut self) {
        if !self.notes.is_empty() {
            let mut stderr = io::stderr().lock();
            for note in self.notes.drain(..) {
                let _ = writeln!(stderr, "{note}");
            }
        }
    }
}

/// Whether `e` is a verb passing on the sink's failure rather than an error of its own.
fn from_sink(e: &Error) -> bool {
    std::iter::successors(std::error::Error::source(e), |s| s.source())
        .filter_map(|s| s.downcast_ref::<io::Error>())
        .flat_map(paths::io_errors)
        .any(|io| io.get_ref().is_some_and(|inner| inner.is::<SinkFailed>()))
}

/// What a writer gets back after the sink failed: the same kind, marked as ours.
fn stopped(e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), SinkFailed)
}

/// Raw bytes for documents (report, export): the same sink as lines and values.
impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(e) = &self.failed {
            return Err(stopped(e));
        }
        self.sink.write(buf).map_err(|e| {
            let copy = stopped(&e);
            self.failed = Some(e);
            copy
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(e) = &self.failed {
            return Err(stopped(e));
        }
        self.sink.flush().map_err(|e| {
            let copy = stopped(&e);
            self.failed = Some(e);
            copy
        })
    }
}

/// A JSON array being streamed by [`Out::json_array`]; [`JsonArray::finish`] closes it.
pub struct JsonArray<'a> {
    out: &'a mut Out,
    first: bool,
}

impl JsonArray<'_> {
    /// Appends one element; `Err` once the output has failed (see [`Out::status`]).
    pub fn push(&mut self, item: &impl Serialize) -> Result<()> {
        let comma: &[u8] = if self.first { b"" } else { b"," };
        self.first = false;
        let text = crate::interop::json::to_vec(item).unwrap_or_else(|_| b"null".to_vec());
        let _ = self
            .out
            .write_all(comma)
            .and_then(|()| self.out.write_all(&text));
        self.out.status()
    }

    /// Writes the closing `]` and the newline every answer ends with.
    pub fn finish(self) {
        let _ = self.out.write_all(b"]\n");
    }
}
