//! Reading one import file: [`Source`] pairs a guarded reader ([`Guard`]) with
//! [`Here`], which knows the file's name and how far the guard has read, so every
//! record and every error carries `file:line:col`. Lines, JSON arrays (streamed one
//! element at a time) and CSV are the three shapes the format modules ask for.
//! Nothing here knows a format or touches the database.

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use serde::de::{DeserializeOwned, Error as _, SeqAccess, Visitor};

use super::input::{Guard, Mode, Pos, guard_error};
use super::json_array::{Elements, Failure, MAX_ELEMENT, found_from};
use super::{Input, Record};
use crate::error::{Error, ErrorKind, Result};

/// An invalid-input error at `file:line:col`.
pub(crate) fn at(file: &str, line: u64, col: u64, message: &str) -> Error {
    Error::invalid(format!("{file}:{line}:{col}: {message}"))
}

/// An invalid-input error at `file:line:col` whose message is the catalogue's `key`
/// (its `$at` is the place), so the CLI says it in the user's language.
pub(crate) fn at_keyed(
    file: &str,
    line: u64,
    col: u64,
    key: &'static str,
    mut args: Vec<(&'static str, String)>,
) -> Error {
    args.insert(0, ("at", format!("{file}:{line}:{col}")));
    Error::keyed(ErrorKind::InvalidInput, key, args)
}

/// A file that cannot be read (`error` is the system's words); `check` is what to
/// look at: `file` or `path`.
fn unreadable(kind: ErrorKind, name: &str, error: &dyn std::fmt::Display, path: bool) -> Error {
    let key = if path {
        "admin-import-error-unreadable-path"
    } else {
        "admin-import-error-unreadable"
    };
    Error::keyed(
        kind,
        key,
        vec![("file", name.to_string()), ("error", error.to_string())],
    )
}

/// Where a file is being read: its name and the guard's position.
pub(crate) struct Here {
    pub name: Arc<str>,
    pub pos: Rc<Cell<Pos>>,
    /// Bytes of earlier files (Timewarrior folders), for progress.
    pub base: u64,
}

/// A guarded reader on one file, and where it has got to.
pub(crate) struct Source {
    pub here: Here,
    pub reader: Guard<Box<dyn BufRead>>,
}

/// The CSV reader of a [`Source`].
pub(crate) type CsvReader = csv::Reader<Lf<Guard<Box<dyn BufRead>>>>;

/// UTF-8's byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Opens `input` once, buffered, with the name messages use.
pub(crate) fn open_reader(input: &Input) -> Result<(String, Box<dyn BufRead>)> {
    Ok(match input {
        Input::Path(path) => (
            path.display().to_string(),
            Box::new(BufReader::with_capacity(1 << 16, open_file(path)?)),
        ),
        Input::Stdin => (
            input.name(),
            Box::new(BufReader::with_capacity(1 << 16, io::stdin().lock())),
        ),
        Input::Bytes { name, data } => (name.clone(), Box::new(io::Cursor::new(data.clone()))),
    })
}

/// The first byte that is not a byte-order mark or whitespace (`None`: there is none),
/// and a reader that still yields every byte: what was looked at is put back in front,
/// so a pipe that cannot be reopened loses nothing. Reads at most 64 KiB ahead.
pub(crate) fn peek_first(
    name: &str,
    mut inner: Box<dyn BufRead>,
) -> Result<(Option<u8>, Box<dyn BufRead>)> {
    let mut head = Vec::new();
    let first = loop {
        let chunk = match inner.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(unreadable(ErrorKind::Io, name, &e, false));
            }
        };
        if chunk.is_empty() {
            break None;
        }
        let n = chunk.len();
        head.extend_from_slice(chunk);
        inner.consume(n);
        // A byte-order mark may arrive split across reads from a pipe: wait for all of it.
        if head.len() < 3 && BOM.starts_with(&head) {
            continue;
        }
        let body = head.strip_prefix(BOM).unwrap_or(&head);
        if let Some(b) = body.iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(*b);
        }
        // 64 KiB of blanks decide nothing; the format reads them as what they are.
        if head.len() >= 1 << 16 {
            break None;
        }
    };
    Ok((first, Box::new(io::Cursor::new(head).chain(inner))))
}

impl Source {
    pub(crate) fn open(input: &Input, mode: Mode) -> Result<Self> {
        let (name, inner) = open_reader(input)?;
        Ok(Self::new(name, inner, mode, 0))
    }

    pub(crate) fn new(name: String, inner: Box<dyn BufRead>, mode: Mode, base: u64) -> Self {
        let pos = Rc::new(Cell::new(Pos::default()));
        Source {
            reader: Guard::new(inner, mode, Rc::clone(&pos)),
            here: Here {
                name: name.into(),
                pos,
                base,
            },
        }
    }

    /// Calls `f` with each line (without its `\n` or `\r\n`) and its 1-based number.
    pub fn each_line(self, f: &mut dyn FnMut(&Here, &str, u64) -> Result<()>) -> Result<()> {
        let Source { here, reader } = self;
        let mut lines = BufReader::with_capacity(1 << 16, reader);
        let mut buf = Vec::new();
        let mut number = 0;
        loop {
            buf.clear();
            let n = lines
                .read_until(b'\n', &mut buf)
                .map_err(|e| here.io_error(&e))?;
            if n == 0 {
                return Ok(());
            }
            number += 1;
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            let line = std::str::from_utf8(&buf).map_err(|_| {
                at(
                    &here.name,
                    number,
                    1,
                    "invalid UTF-8; save the file as UTF-8",
                )
            })?;
            f(&here, line, number)?;
        }
    }

    /// Streams the elements of a top-level JSON array into `f` (with their 1-based
    /// index), each cut out and parsed on its own (see `json_array.rs`); `expecting`
    /// names what the array should hold, for messages.
    pub fn each_json<T: DeserializeOwned>(
        self,
        expecting: &'static str,
        f: &mut dyn FnMut(&Here, T, u64) -> Result<()>,
    ) -> Result<()> {
        let Source { here, mut reader } = self;
        let read =
            Elements::new(&mut reader, &here.pos).each(&mut |value, index| f(&here, value, index));
        let Err(failure) = read else {
            return Ok(());
        };
        Err(match failure {
            Failure::NotAnArray { rest, line, col } => {
                let rest = io::Cursor::new(rest).chain(&mut reader);
                return stream_json(&here, rest, expecting, f).map_err(|e| match e {
                    Streamed::Json(e) => {
                        let (what, line, col) = found_from(&e, line, col, 0);
                        here.json_error_at(&what, line, col)
                    }
                    Streamed::Other(e) => e,
                });
            }
            Failure::Read(e) => here.io_error(&e),
            Failure::Json { what, line, col } => here.json_error_at(&what, line, col),
            Failure::TooLong { line, col } => here.error_keyed(
                line,
                col,
                "admin-import-error-json-element",
                vec![("max", format!("{} MiB", MAX_ELEMENT >> 20))],
            ),
            Failure::Caller(e) => e,
        })
    }

    /// A CSV reader over this source (headers on, strict field counts). CRLF line ends
    /// reach it as LF ([`Lf`]): the `csv` crate counts a record after `\r\n` from the
    /// line before, so every message would name the line above the real one.
    pub fn csv(self) -> (Here, CsvReader) {
        let reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(Lf::new(self.reader));
        (self.here, reader)
    }
}

/// A reader that turns each `\r\n` that ends a CSV record into `\n`. Inside a quoted
/// field (`"` toggles; `""` toggles twice) every byte passes as it is, so a note holding
/// `\r\n` keeps it; so does a lone `\r`.
pub(crate) struct Lf<R> {
    inner: BufReader<R>,
    quoted: bool,
}

impl<R: Read> Lf<R> {
    fn new(inner: R) -> Self {
        Lf {
            inner: BufReader::with_capacity(1 << 16, inner),
            quoted: false,
        }
    }
}

impl<R: Read> Read for Lf<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let data = self.inner.fill_buf()?;
        let (mut r, mut w) = (0, 0);
        while r < data.len() && w < buf.len() {
            let b = data[r];
            if b == b'"' {
                self.quoted = !self.quoted;
            } else if b == b'\r' && !self.quoted {
                match data.get(r + 1) {
                    Some(b'\n') => {
                        r += 1;
                        continue;
                    }
                    Some(_) => {}
                    // The buffer ends in `\r`: what follows decides. Stop before it
                    // unless it is the first byte, then look past it.
                    None if w > 0 => break,
                    None => {
                        self.inner.consume(1);
                        let next = self.inner.fill_buf()?.first().copied();
                        if next == Some(b'\n') {
                            self.inner.consume(1);
                            buf[0] = b'\n';
                        } else {
                            buf[0] = b'\r';
                        }
                        return Ok(1);
                    }
                }
            }
            buf[w] = b;
            w += 1;
            r += 1;
        }
        self.inner.consume(r);
        Ok(w)
    }
}

impl Here {
    /// A record located at the current position.
    pub fn record(&self) -> Record {
        let p = self.pos.get();
        self.record_at(p.line, p.col)
    }

    /// A record located at `line:col`.
    pub fn record_at(&self, line: u64, col: u64) -> Record {
        Record {
            file: Arc::clone(&self.name),
            line,
            col,
            bytes: self.base + self.pos.get().bytes,
            ..Record::default()
        }
    }

    /// An invalid-input error at `line:col` of this file whose message is the
    /// catalogue's `key` (see [`at_keyed`]).
    pub fn error_keyed(
        &self,
        line: u64,
        col: u64,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) -> Error {
        at_keyed(&self.name, line, col, key, args)
    }

    /// Maps a read error (a guard's finding, or I/O).
    pub fn io_error(&self, e: &io::Error) -> Error {
        match guard_error(e) {
            Some(g) => at_keyed(&self.name, g.line, g.col, g.key, g.args.clone()),
            None => unreadable(ErrorKind::Io, &self.name, e, false),
        }
    }

    /// serde's finding `what` at `line`, `col` of this file.
    fn json_error_at(&self, what: &str, line: u64, col: u64) -> Error {
        let what = if what.contains("recursion limit") {
            "nested more than 128 levels deep"
        } else {
            what
        };
        // serde's finding itself stays as serde says it.
        at_keyed(
            &self.name,
            line,
            col,
            "admin-import-error-json",
            vec![("what", what.to_string())],
        )
    }

    /// Maps a CSV reader error.
    pub fn csv_error(&self, e: csv::Error) -> Error {
        let line = e.position().map_or(0, csv::Position::line);
        match e.into_kind() {
            csv::ErrorKind::Io(io) => self.io_error(&io),
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => at_keyed(
                &self.name,
                pos.map_or(line, |p| p.line()),
                1,
                "admin-import-error-csv-fields",
                vec![
                    ("len", len.to_string()),
                    ("expected", expected_len.to_string()),
                ],
            ),
            other => at(&self.name, line, 1, &format!("malformed CSV: {other:?}")),
        }
    }
}

fn open_file(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| {
        let kind = if e.kind() == io::ErrorKind::NotFound {
            ErrorKind::InvalidInput
        } else {
            ErrorKind::Io
        };
        unreadable(kind, &path.display().to_string(), &e, true)
    })
}

/// How reading a whole input with serde failed.
enum Streamed {
    /// serde's finding (its place counted from the start of what it read).
    Json(serde_json::Error),
    /// A read that failed, or the caller's error.
    Other(Error),
}

/// Reads `reader` with serde byte by byte as a top-level array of `T`, for inputs
/// whose top level is not an array (and to check [`Elements`] against).
fn stream_json<T: DeserializeOwned>(
    here: &Here,
    reader: impl Read,
    expecting: &'static str,
    f: &mut dyn FnMut(&Here, T, u64) -> Result<()>,
) -> std::result::Result<(), Streamed> {
    let mut stash = None;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let result = serde::Deserializer::deserialize_seq(
        &mut de,
        Each {
            here,
            f,
            stash: &mut stash,
            expecting,
            index: 0,
            _t: std::marker::PhantomData,
        },
    )
    .and_then(|()| de.end());
    if let Some(e) = stash {
        return Err(Streamed::Other(e));
    }
    result.map_err(|e| {
        if e.is_io() {
            Streamed::Other(here.io_error(&io::Error::from(e)))
        } else {
            Streamed::Json(e)
        }
    })
}

struct Each<'a, 's, T> {
    here: &'s Here,
    f: &'a mut dyn FnMut(&Here, T, u64) -> Result<()>,
    stash: &'a mut Option<Error>,
    expecting: &'static str,
    index: u64,
    _t: std::marker::PhantomData<T>,
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Each<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            self.index += 1;
            if let Err(e) = (self.f)(self.here, item, self.index) {
                *self.stash = Some(e);
                return Err(A::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads through [`Lf`] `step` bytes at a time.
    fn through(bytes: &[u8], step: usize) -> Vec<u8> {
        let mut lf = Lf::new(bytes);
        let mut out = Vec::new();
        let mut buf = vec![0; step];
        loop {
            let n = lf.read(&mut buf).unwrap();
            if n == 0 {
                return out;
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    #[test]
    fn crlf_becomes_lf_whatever_the_read_size() {
        // Record ends lose their \r; a quoted \r\n (after an escaped "") keeps it.
        let text = b"a,b\r\n\"x\r\ny\",\"\"\"\r\n\"\r\nlone\rcr\r";
        for step in 1..=text.len() + 1 {
            assert_eq!(
                through(text, step),
                b"a,b\n\"x\r\ny\",\"\"\"\r\n\"\nlone\rcr\r",
                "step {step}"
            );
        }
    }
}

#[cfg(test)]
#[path = "json_array_tests.rs"]
mod json_array_tests;
