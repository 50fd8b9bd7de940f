//! Reading import files safely: [`Guard`] wraps a reader, skips a UTF-8 byte-order
//! mark, rejects invalid UTF-8, caps the length of one string, record or line (so a
//! hostile file cannot make otium hold 100 MB in memory), and tracks the line and
//! column it has read up to, for messages and progress.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

/// The longest JSON string, CSV record or text line accepted (1 MiB).
pub const MAX_FIELD: usize = 1 << 20;

/// What the guard knows about the bytes it has passed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line of the next byte.
    pub line: u64,
    /// 1-based column (in characters) of the next byte.
    pub col: u64,
    /// Bytes passed on so far (the BOM included).
    pub bytes: u64,
}

/// How the guard measures "one field".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A JSON string (between unescaped quotes).
    Json,
    /// A CSV record (up to a line end outside quotes).
    Csv,
    /// A line.
    Lines,
}

/// A problem the guard found, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardError {
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub col: u64,
    /// What is wrong, in English (without the place): the catalogue's `key` with `args`.
    pub message: String,
    /// The catalogue's message for it, whose `$at` is the place.
    pub key: &'static str,
    /// Its arguments but `at`.
    pub args: Vec<(&'static str, String)>,
}

impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for GuardError {}

/// The reader wrapper. See the module documentation.
pub struct Guard<R> {
    inner: R,
    mode: Mode,
    pos: Rc<Cell<Pos>>,
    started: bool,
    /// Bytes still expected in the current UTF-8 sequence, and the sequence so far.
    utf8: [u8; 4],
    have: usize,
    need: usize,
    /// Where the current UTF-8 sequence started.
    lead: Pos,
    in_text: bool,
    escape: bool,
    field: usize,
    /// What the guard found, once it found something: every later read fails with it.
    failed: Option<GuardError>,
}

impl<R: BufRead> Guard<R> {
    /// Wraps `inner`; `pos` is updated as bytes pass.
    pub fn new(inner: R, mode: Mode, pos: Rc<Cell<Pos>>) -> Self {
        pos.set(Pos {
            line: 1,
            col: 1,
            bytes: 0,
        });
        Guard {
            inner,
            mode,
            pos,
            started: false,
            utf8: [0; 4],
            have: 0,
            need: 0,
            lead: Pos::default(),
            in_text: false,
            escape: false,
            field: 0,
            failed: None,
        }
    }

    /// The finding `key` (a catalogue message, with `args`) at `pos`.
    fn fail(&self, pos: Pos, key: &'static str, args: Vec<(&'static str, String)>) -> io::Error {
        let mut english = args.clone();
        english.insert(0, ("at", String::new()));
        let message = crate::error::render(crate::i18n::Lang::En, key, &english);
        io::Error::new(
            io::ErrorKind::InvalidData,
            GuardError {
                line: pos.line,
                col: pos.col,
                // The catalogue's text after its `{ $at }: `.
                message: message.trim_start_matches(": ").to_string(),
                key,
                args,
            },
        )
    }

    /// Checks `bytes` and returns how many of them may be passed on: all, or those
    /// before the first that is wrong. That finding is kept, and the read that reaches
    /// it (this one when it is the first byte) fails with it, as every later one does:
    /// a reader sees every good byte before the bad one, whatever the size of its reads.
    fn check(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut pos = self.pos.get();
        let from = pos.bytes;
        let result = match self.mode {
            Mode::Csv | Mode::Lines => self.check_runs(bytes, &mut pos),
            Mode::Json => self.check_json_runs(bytes, &mut pos),
        };
        self.pos.set(pos);
        match result {
            Ok(()) => Ok(bytes.len()),
            Err(e) => {
                self.failed = guard_error(&e).cloned();
                // `step` counts a byte once it has passed it.
                match usize::try_from(pos.bytes - from) {
                    Ok(good) if good > 0 => Ok(good),
                    _ => Err(e),
                }
            }
        }
    }

    /// The finding every read after it fails with.
    fn failure(&self) -> Option<io::Error> {
        self.failed
            .clone()
            .map(|g| io::Error::new(io::ErrorKind::InvalidData, g))
    }

    /// [`Guard::step`] for CSV and lines, with each run of plain ASCII bytes (not a
    /// quote or a line end) taken in one go: such a byte only lengthens the field and
    /// moves the column, so the run is counted at once. That reads a large file about
    /// five times faster than byte by byte; the result, errors included, is the same.
    fn check_runs(&mut self, bytes: &[u8], pos: &mut Pos) -> io::Result<()> {
        let special = |b: u8| b == b'"' || b == b'\n' || !b.is_ascii();
        let mut rest = bytes;
        while let Some((&first, tail)) = rest.split_first() {
            if self.need > 0 || special(first) {
                self.step(first, pos)?;
                rest = tail;
                continue;
            }
            let run = rest.iter().position(|&b| special(b)).unwrap_or(rest.len());
            rest = self.pass_run(rest, run, pos)?;
        }
        Ok(())
    }

    /// Passes the first `run` bytes of `rest`, plain ones that only lengthen the field
    /// and move the column, and returns the bytes after them. When the field passes
    /// 1 MiB inside the run, `step` takes every byte left instead, to find that one.
    fn pass_run<'b>(&mut self, rest: &'b [u8], run: usize, pos: &mut Pos) -> io::Result<&'b [u8]> {
        if self.field + run > MAX_FIELD {
            rest.iter().try_for_each(|&b| self.step(b, pos))?;
            return Ok(&[]);
        }
        self.field += run;
        let run64 = run as u64;
        pos.bytes += run64;
        pos.col += run64;
        Ok(&rest[run..])
    }

    /// [`Guard::step`] for JSON, with each run of plain ASCII bytes inside a string
    /// (not a quote, a backslash or a line end) taken in one go, as
    /// [`Guard::check_runs`] does for CSV: such a byte only lengthens the string and
    /// moves the column. The structure between strings is stepped byte by byte.
    fn check_json_runs(&mut self, bytes: &[u8], pos: &mut Pos) -> io::Result<()> {
        let mut rest = bytes;
        while let Some((&first, tail)) = rest.split_first() {
            let plain = |b: u8| b != b'"' && b != b'\\' && b != b'\n' && b.is_ascii();
            if !self.in_text || self.escape || self.need > 0 || !plain(first) {
                self.step(first, pos)?;
                rest = tail;
                continue;
            }
            let stop = memchr::memchr3(b'"', b'\\', b'\n', rest).unwrap_or(rest.len());
            let run = if rest[..stop].is_ascii() {
                stop
            } else {
                rest[..stop]
                    .iter()
                    .position(|b| !b.is_ascii())
                    .unwrap_or(stop)
            };
            rest = self.pass_run(rest, run, pos)?;
        }
        Ok(())
    }

    /// Checks one byte: its place in a UTF-8 sequence, the length of the field it is
    /// in, and where the next byte is (`pos`).
    fn step(&mut self, b: u8, pos: &mut Pos) -> io::Result<()> {
        {
            // UTF-8: a lead byte opens a sequence, continuation bytes complete it.
            if self.need == 0 {
                let len = match b {
                    0x00..=0x7F => 1,
                    0xC2..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    _ => 0,
                };
                if len == 0 {
                    return Err(self.fail(*pos, UTF8, invalid_utf8(b)));
                }
                if len > 1 {
                    self.utf8[0] = b;
                    self.have = 1;
                    self.need = len - 1;
                    self.lead = *pos;
                }
            } else if b & 0xC0 == 0x80 {
                self.utf8[self.have] = b;
                self.have += 1;
                self.need -= 1;
                if self.need == 0 && std::str::from_utf8(&self.utf8[..self.have]).is_err() {
                    return Err(self.fail(self.lead, UTF8, invalid_utf8(self.utf8[0])));
                }
            } else {
                return Err(self.fail(self.lead, UTF8, invalid_utf8(self.utf8[0])));
            }
            // One field's length.
            let counted = match self.mode {
                Mode::Json => {
                    if self.in_text {
                        if self.escape {
                            self.escape = false;
                        } else if b == b'\\' {
                            self.escape = true;
                        } else if b == b'"' {
                            self.in_text = false;
                        }
                        true
                    } else if b == b'"' {
                        self.in_text = true;
                        self.field = 0;
                        false
                    } else if b",[]{}: \t\r\n".contains(&b) {
                        self.field = 0;
                        false
                    } else {
                        // A number or literal: serde_json may buffer its digits.
                        true
                    }
                }
                Mode::Csv => {
                    if b == b'"' {
                        self.in_text = !self.in_text;
                    }
                    if b == b'\n' && !self.in_text {
                        self.field = 0;
                        false
                    } else {
                        true
                    }
                }
                Mode::Lines => {
                    if b == b'\n' {
                        self.field = 0;
                        false
                    } else {
                        true
                    }
                }
            };
            if counted {
                self.field += 1;
                if self.field > MAX_FIELD {
                    let key = match self.mode {
                        Mode::Json => "admin-import-error-long-json",
                        Mode::Csv => "admin-import-error-long-csv",
                        Mode::Lines => "admin-import-error-long-line",
                    };
                    return Err(self.fail(*pos, key, Vec::new()));
                }
            }
            pos.bytes += 1;
            if b == b'\n' {
                pos.line += 1;
                pos.col = 1;
            } else if b & 0xC0 != 0x80 {
                pos.col += 1;
            }
        }
        Ok(())
    }
}

/// The finding for an invalid UTF-8 byte.
const UTF8: &str = "admin-import-error-utf8";

/// The arguments of [`UTF8`] for byte `b`.
fn invalid_utf8(b: u8) -> Vec<(&'static str, String)> {
    vec![("byte", format!("{b:02X}"))]
}

impl<R: BufRead> Guard<R> {
    /// Skips a byte-order mark, once, before the first byte is passed on.
    fn start(&mut self) -> io::Result<()> {
        self.started = true;
        let head = self.inner.fill_buf()?;
        if head.starts_with(b"\xEF\xBB\xBF") {
            self.inner.consume(3);
            let mut pos = self.pos.get();
            pos.bytes += 3;
            self.pos.set(pos);
        }
        Ok(())
    }

    /// A read that found no more input.
    fn ended(&self, buf: &[u8]) -> io::Result<usize> {
        if !buf.is_empty() && self.need > 0 {
            return Err(self.fail(self.pos.get(), "admin-import-error-utf8-cut", Vec::new()));
        }
        Ok(0)
    }
}

impl<R: BufRead> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.failure() {
            return Err(e);
        }
        if !self.started {
            self.start()?;
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            return self.ended(buf);
        }
        self.check(&buf[..n])
    }
}

/// The [`GuardError`] inside an I/O error, if that is what it is.
#[must_use]
pub fn guard_error(e: &io::Error) -> Option<&GuardError> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<GuardError>())
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
