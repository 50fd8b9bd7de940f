//! The elements of a top-level JSON array, each cut out of the input and parsed on its
//! own from memory (issue 21). serde_json reads an [`std::io::Read`] one byte at a
//! time through its own line counter, and that was most of the reading thread's time
//! in a JSON import (a million sessions: 226 MB, 3.6 s). Here the input is read in
//! large pieces; [`Elements`] follows the array's top level itself, finds where each
//! element ends (strings, escapes and nesting; nothing else) and hands its bytes to
//! `serde_json::from_slice`, which parses a slice several times faster.
//!
//! Everything a user can see stays as the byte-by-byte parse made it: the same
//! records, the same position for each, and for bad input the same first finding,
//! at the same line and column, in the same words. An element is parsed as the one
//! element of an array (`[` before it, `]` after when it ended), so serde nests it as
//! deep as in the file; when that parse fails it is parsed again, the byte-by-byte
//! way, for serde's exact finding and place, which is moved to the element's place in
//! the file. The top level's own findings (a missing comma, a trailing one, the end
//! of the file inside the array, anything after it) are worded as serde words them,
//! which `a_file_read_by_elements_reads_as_the_stream_does` checks against serde's
//! own stream. An input whose top level is not an array goes to serde as a whole.

use std::cell::Cell;
use std::io::{self, Read};

use serde::de::{DeserializeOwned, SeqAccess, Visitor};

use super::input::Pos;

/// The longest element accepted: far above any time-tracking record (one string is
/// capped at 1 MiB already), low enough that memory stays flat.
pub(crate) const MAX_ELEMENT: usize = 16 << 20;

/// How much one read takes from the input.
const CHUNK: usize = 1 << 16;

/// How an array could not be read to its end.
pub(crate) enum Failure {
    /// The input is not an array at its top: what was read of it from its first byte
    /// that is not whitespace (none: it has none), to be read again, in front of the
    /// rest, by serde, whose finding is then at `line`, `col` plus its own place.
    NotAnArray { rest: Vec<u8>, line: u64, col: u64 },
    /// A read failed: a finding of the input guard, or the system's.
    Read(io::Error),
    /// serde's finding (`what`, without serde's own place) at a place in the file, as
    /// serde counts it: the line, and the bytes of that line read so far.
    Json { what: String, line: u64, col: u64 },
    /// The element starting at this line and column (in characters) is longer than
    /// [`MAX_ELEMENT`].
    TooLong { line: u64, col: u64 },
    /// What the caller's function returned.
    Caller(crate::error::Error),
}

/// serde's words for the top level's findings (`serde_json::error::ErrorCode`).
const EOF_IN_LIST: &str = "EOF while parsing a list";
const EOF_IN_VALUE: &str = "EOF while parsing a value";
const COMMA_OR_END: &str = "expected `,` or `]`";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";

/// A place in the input, counted both ways: as serde counts (`line`, and `col` the
/// bytes of the line before it) and as the guard does ([`Pos`], for records).
#[derive(Clone, Copy)]
struct Place {
    line: u64,
    col: u64,
    pos: Pos,
}

impl Place {
    /// The place after `bytes`, read from here.
    fn after(mut self, bytes: &[u8]) -> Place {
        let chars = |b: &[u8]| b.iter().filter(|&&c| c & 0xC0 != 0x80).count() as u64;
        match bytes.iter().rposition(|&c| c == b'\n') {
            Some(last) => {
                let lines = bytes.iter().filter(|&&c| c == b'\n').count() as u64;
                let tail = &bytes[last + 1..];
                self.line += lines;
                self.col = tail.len() as u64;
                self.pos.line += lines;
                self.pos.col = 1 + chars(tail);
            }
            None => {
                self.col += bytes.len() as u64;
                self.pos.col += chars(bytes);
            }
        }
        self.pos.bytes += bytes.len() as u64;
        self
    }
}

/// What an element is, from its first byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An object or an array: it ends where its nesting does.
    Nested,
    /// A string: it ends at its closing quote.
    Text,
    /// Anything else (a number, `true`, or a mistake): it ends before the next byte
    /// that cannot be part of it, which serde then reads too.
    Bare,
}

/// The top-level array of an input, read element by element. `shared` is the place
/// the guard keeps (and records take theirs from): while an element is handed on it
/// says where that element ended, as it did when serde read byte by byte.
pub(crate) struct Elements<'a, R> {
    reader: R,
    shared: &'a Cell<Pos>,
    /// The guard's own place after its last read, put back before the next.
    guard: Pos,
    /// Read and not yet taken: `buf[at..]`, whose first byte is at `here`.
    buf: Vec<u8>,
    at: usize,
    here: Place,
    /// Whether the input has ended.
    ended: bool,
    /// Whether the input was read yet.
    begun: bool,
    /// The element being cut out, after a `[`.
    element: Vec<u8>,
}

impl<'a, R: Read> Elements<'a, R> {
    pub(crate) fn new(reader: R, shared: &'a Cell<Pos>) -> Self {
        let guard = shared.get();
        Elements {
            reader,
            shared,
            guard,
            buf: Vec::new(),
            at: 0,
            here: Place {
                line: 1,
                col: 0,
                pos: guard,
            },
            ended: false,
            begun: false,
            element: Vec::new(),
        }
    }

    /// Reads more of the input into `buf`; `false` at its end.
    fn fill(&mut self) -> Result<bool, Failure> {
        if self.ended {
            return Ok(false);
        }
        if self.at == self.buf.len() {
            self.buf.clear();
            self.at = 0;
        }
        let from = self.buf.len();
        self.buf.resize(from + CHUNK, 0);
        self.shared.set(self.guard);
        let read = loop {
            match self.reader.read(&mut self.buf[from..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => break other,
            }
        };
        let n = read.map_err(|e| {
            self.buf.truncate(from);
            Failure::Read(e)
        })?;
        self.buf.truncate(from + n);
        self.guard = self.shared.get();
        if !self.begun {
            // What the guard counted beyond the bytes of its first read is the
            // byte-order mark it skipped.
            self.begun = true;
            self.here.pos.bytes = self.guard.bytes - n as u64;
        }
        self.ended = n == 0;
        Ok(n > 0)
    }

    /// The next byte that is not whitespace (as serde skips it), not taken.
    fn peek(&mut self) -> Result<Option<u8>, Failure> {
        loop {
            let rest = &self.buf[self.at..];
            let blank = rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
                .unwrap_or(rest.len());
            self.here = self.here.after(&rest[..blank]);
            self.at += blank;
            if let Some(&b) = self.buf.get(self.at) {
                return Ok(Some(b));
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Takes the byte [`Elements::peek`] saw.
    fn take(&mut self) {
        self.here = self.here.after(&self.buf[self.at..=self.at]);
        self.at += 1;
    }

    /// serde's finding `what` at the byte just peeked (`peeked`), or at the end.
    fn finding(&self, what: &str, peeked: bool) -> Failure {
        Failure::Json {
            what: what.to_string(),
            line: self.here.line,
            col: self.here.col + u64::from(peeked),
        }
    }

    /// Reads the array, calling `f` with each element and its 1-based index.
    pub(crate) fn each<T: DeserializeOwned>(
        mut self,
        f: &mut dyn FnMut(T, u64) -> crate::error::Result<()>,
    ) -> Result<(), Failure> {
        if self.peek()? != Some(b'[') {
            self.shared.set(self.guard);
            return Err(Failure::NotAnArray {
                rest: self.buf.split_off(self.at),
                line: self.here.line,
                col: self.here.col,
            });
        }
        self.take();
        let mut index = 0;
        loop {
            match self.peek()? {
                Some(b']') => {
                    self.take();
                    break;
                }
                Some(b',') if index > 0 => {
                    self.take();
                    match self.peek()? {
                        Some(b']') => return Err(self.finding(TRAILING_COMMA, true)),
                        Some(_) => {}
                        None => return Err(self.finding(EOF_IN_VALUE, false)),
                    }
                }
                Some(_) if index == 0 => {}
                Some(_) => return Err(self.finding(COMMA_OR_END, true)),
                None => return Err(self.finding(EOF_IN_LIST, false)),
            }
            let value = self.element::<T>()?;
            index += 1;
            f(value, index).map_err(Failure::Caller)?;
            self.shared.set(self.guard);
        }
        match self.peek()? {
            None => Ok(()),
            Some(_) => Err(self.finding(TRAILING, true)),
        }
    }

    /// Cuts out the element starting at the next byte and parses it.
    fn element<T: DeserializeOwned>(&mut self) -> Result<T, Failure> {
        let start = self.here;
        let kind = match self.buf[self.at] {
            b'{' | b'[' => Kind::Nested,
            b'"' => Kind::Text,
            _ => Kind::Bare,
        };
        self.element.clear();
        self.element.push(b'[');
        let mut scan = Scan {
            kind,
            depth: 0,
            quoted: false,
            escaped: false,
            first: true,
        };
        let complete = loop {
            let rest = &self.buf[self.at..];
            let end = scan.end_in(rest);
            let taken = end.unwrap_or(rest.len());
            self.element.extend_from_slice(&rest[..taken]);
            self.here = self.here.after(&rest[..taken]);
            self.at += taken;
            if self.element.len() > MAX_ELEMENT + 1 {
                return Err(Failure::TooLong {
                    line: start.pos.line,
                    col: start.pos.col,
                });
            }
            if end.is_some() {
                break true;
            }
            match self.fill() {
                Ok(true) => {}
                Ok(false) => break false,
                // A read that fails inside an element: serde, reading byte by byte,
                // would have stopped at a finding of its own in the bytes before.
                Err(read) => {
                    return Err(match parse_exact::<T>(&self.element) {
                        Err(e) if !e.is_eof() => placed(&e, start),
                        _ => read,
                    });
                }
            }
        };
        // serde reads one byte past a bare value before it decides: that byte too.
        let mut after = self.here;
        if complete {
            if kind == Kind::Bare {
                let next = self.buf[self.at];
                self.element.push(next);
                after = after.after(&[next]);
            } else {
                self.element.push(b']');
            }
        }
        let value = parse_exact::<T>(&self.element).map_err(|e| placed(&e, start))?;
        self.shared.set(after.pos);
        Ok(value)
    }
}

/// How far an element has been scanned, kept from one read to the next.
struct Scan {
    kind: Kind,
    /// Brackets open, outside strings.
    depth: usize,
    quoted: bool,
    /// After a backslash in a string.
    escaped: bool,
    /// Before the element's first byte (which is part of it, whatever it is).
    first: bool,
}

impl Scan {
    /// Where in `rest`, the element's next bytes, it ends: the index after its last
    /// byte (for a bare one, of the byte after it that serde reads too), if it does.
    /// Inside strings only a quote or a backslash matters: `memchr2` finds them.
    fn end_in(&mut self, rest: &[u8]) -> Option<usize> {
        let mut i = 0;
        if self.kind == Kind::Bare {
            if self.first && !rest.is_empty() {
                self.first = false;
                i = 1;
            }
            return rest[i..].iter().position(|&b| ends_bare(b)).map(|k| i + k);
        }
        while i < rest.len() {
            if self.escaped {
                self.escaped = false;
                i += 1;
            } else if self.quoted {
                let k = memchr::memchr2(b'"', b'\\', &rest[i..])?;
                i += k + 1;
                if rest[i - 1] == b'\\' {
                    self.escaped = true;
                } else {
                    self.quoted = false;
                    if self.kind == Kind::Text {
                        return Some(i);
                    }
                }
            } else {
                match rest[i] {
                    b'"' => self.quoted = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' => {
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        None
    }
}

/// Whether `b` cannot continue a bare value (a number or a word).
fn ends_bare(b: u8) -> bool {
    matches!(
        b,
        b',' | b']' | b'}' | b'[' | b'{' | b'"' | b':' | b' ' | b'\n' | b'\t' | b'\r'
    )
}

/// Parses `element` (`[` and one element) as the one element of an array; on a
/// finding, serde's finding when it reads the same bytes one at a time, as it read
/// the file: `from_slice` counts some places one byte earlier.
fn parse_exact<T: DeserializeOwned>(element: &[u8]) -> serde_json::Result<T> {
    let mut slot = None;
    // What follows the value (the byte after a bare one) is the top level's concern.
    // The guard let only UTF-8 through: checked once here, not string by string.
    if let Ok(text) = std::str::from_utf8(element) {
        let mut fast = serde_json::Deserializer::from_str(text);
        let _ = serde::Deserializer::deserialize_seq(&mut fast, One(&mut slot));
    }
    if let Some(value) = slot {
        return Ok(value);
    }
    let mut slow = serde_json::Deserializer::from_reader(element);
    let found = serde::Deserializer::deserialize_seq(&mut slow, One(&mut slot));
    match (slot, found) {
        (Some(value), _) => Ok(value),
        (None, Err(e)) => Err(e),
        // `element` holds at least the first byte of one.
        (None, Ok(())) => Err(serde_json::Error::io(io::Error::other("an empty element"))),
    }
}

/// serde's finding `e` in an element, at its place in the file: the element starts at
/// `start`, and the `[` in front of it is a byte of its first line the file lacks.
fn placed(e: &serde_json::Error, start: Place) -> Failure {
    let (what, line, col) = found_from(e, start.line, start.col, 1);
    Failure::Json { what, line, col }
}

/// serde's words for `e` without its place, and its place in the file, for bytes
/// serde read from `line`, `col` of the file on, the first `lead` of which are not
/// the file's (they stand on the first line).
pub(crate) fn found_from(
    e: &serde_json::Error,
    line: u64,
    col: u64,
    lead: u64,
) -> (String, u64, u64) {
    let text = e.to_string();
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    let (l, c) = (e.line() as u64, e.column() as u64);
    let place = if l <= 1 {
        (line, col + c.saturating_sub(lead))
    } else {
        (line + l - 1, c)
    };
    (what.to_string(), place.0, place.1)
}

/// Takes the first element of an array into its slot and leaves the rest.
struct One<'s, T>(&'s mut Option<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for One<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        *self.0 = seq.next_element::<T>()?;
        Ok(())
    }
}
