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
    /// What is wrong.
    pub message: String,
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
    /// Bytes taken from `inner` for reads of one byte, not yet passed on: `window[at..end]`.
    window: Box<[u8]>,
    at: usize,
    end: usize,
    /// What the guard found, once it found something: every later read fails with it.
    failed: Option<GuardError>,
}

/// How much [`Guard::refill`] takes from the inner reader at a time.
const WINDOW: usize = 1 << 14;

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
            window: Box::default(),
            at: 0,
            end: 0,
            failed: None,
        }
    }

    fn fail(&self, pos: Pos, message: String) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            GuardError {
                line: pos.line,
                col: pos.col,
                message,
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
                // The window's bytes from the bad one on are never passed on.
                self.end = self.at;
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
                    return Err(self.fail(*pos, invalid_utf8(b)));
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
                    return Err(self.fail(self.lead, invalid_utf8(self.utf8[0])));
                }
            } else {
                return Err(self.fail(self.lead, invalid_utf8(self.utf8[0])));
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
                    let what = match self.mode {
                        Mode::Json => "a JSON string or number",
                        Mode::Csv => "a CSV record",
                        Mode::Lines => "a line",
                    };
                    return Err(self.fail(
                        *pos,
                        format!(
                            "{what} is longer than 1 MiB; this is not a time-tracking export (check the file)"
                        ),
                    ));
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

fn invalid_utf8(b: u8) -> String {
    format!(
        "invalid UTF-8 (byte 0x{b:02X}); save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
    )
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

    /// Takes the next bytes of `inner` into the window (which is empty); `false` at
    /// the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        if self.window.is_empty() {
            self.window = vec![0; WINDOW].into_boxed_slice();
        }
        let data = loop {
            match self.inner.fill_buf() {
                Ok(data) => break data,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        let n = data.len().min(WINDOW);
        self.window[..n].copy_from_slice(&data[..n]);
        self.inner.consume(n);
        (self.at, self.end) = (0, n);
        Ok(n > 0)
    }

    /// Every read but the one-byte reads the window serves (see [`Read::read`]).
    fn read_more(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.failure() {
            return Err(e);
        }
        if !self.started {
            self.start()?;
        }
        let n = if self.at < self.end {
            // What a one-byte read left in the window goes first.
            let n = buf.len().min(self.end - self.at);
            buf[..n].copy_from_slice(&self.window[self.at..self.at + n]);
            self.at += n;
            n
        } else if buf.len() == 1 {
            if !self.refill()? {
                return self.ended(buf);
            }
            return self.read(buf);
        } else {
            self.inner.read(buf)?
        };
        if n == 0 {
            return self.ended(buf);
        }
        self.check(&buf[..n])
    }

    /// A read that found no more input.
    fn ended(&self, buf: &[u8]) -> io::Result<usize> {
        if !buf.is_empty() && self.need > 0 {
            return Err(self.fail(
                self.pos.get(),
                "the file ends inside a UTF-8 character (truncated file?)".to_string(),
            ));
        }
        Ok(0)
    }
}

impl<R: BufRead> Read for Guard<R> {
    /// serde_json reads its input one byte at a time: those reads are served from a
    /// window of the input taken in large pieces, each byte checked as it is passed on
    /// (so the position stays that of the byte serde has just read). Through the inner
    /// reader they were two thirds of the reading thread's time in a JSON import.
    #[inline]
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let [one] = buf
            && self.at < self.end
        {
            let b = self.window[self.at];
            let mut pos = self.pos.get();
            let stepped = self.step(b, &mut pos);
            self.pos.set(pos);
            if let Err(e) = stepped {
                self.failed = guard_error(&e).cloned();
                self.end = self.at;
                return Err(e);
            }
            self.at += 1;
            *one = b;
            return Ok(1);
        }
        self.read_more(buf)
    }
}

/// The [`GuardError`] inside an I/O error, if that is what it is.
#[must_use]
pub fn guard_error(e: &io::Error) -> Option<&GuardError> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<GuardError>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8], mode: Mode) -> Result<String, GuardError> {
        let pos = Rc::new(Cell::new(Pos::default()));
        let mut g = Guard::new(bytes, mode, pos);
        let mut out = String::new();
        match g.read_to_string(&mut out) {
            Ok(_) => Ok(out),
            Err(e) => Err(guard_error(&e).cloned().unwrap()),
        }
    }

    #[test]
    fn strips_a_bom_and_passes_text() {
        assert_eq!(run(b"\xEF\xBB\xBFab\r\nc", Mode::Lines).unwrap(), "ab\r\nc");
    }

    #[test]
    fn rejects_invalid_utf8_with_its_place() {
        let e = run(b"ok\nab\xFFc", Mode::Lines).unwrap_err();
        assert_eq!((e.line, e.col), (2, 3));
        assert!(e.message.contains("0xFF"));
        // An overlong encoding of '/' and a lone surrogate are invalid too.
        assert!(run(b"\xC0\xAF", Mode::Lines).is_err());
        assert!(run(b"\xED\xA0\x80", Mode::Lines).is_err());
        assert!(run(b"ab\xE2\x82", Mode::Lines).is_err());
        assert_eq!(run("写作".as_bytes(), Mode::Lines).unwrap(), "写作");
    }

    /// The guard's position after `bytes` read in reads of `chunk` bytes.
    fn end(bytes: &[u8], mode: Mode, chunk: usize) -> Result<Pos, GuardError> {
        let pos = Rc::new(Cell::new(Pos::default()));
        let mut g = Guard::new(bytes, mode, Rc::clone(&pos));
        let mut buf = vec![0; chunk];
        loop {
            match g.read(&mut buf) {
                Ok(0) => return Ok(pos.get()),
                Ok(_) => {}
                Err(e) => return Err(guard_error(&e).cloned().unwrap()),
            }
        }
    }

    #[test]
    fn runs_of_ascii_count_as_byte_by_byte_in_csv_and_lines() {
        // Counted by hand: 6 + 5 + 5 bytes; line 3 is `d写e` (3 characters): column 4.
        let text = "ab,\"c\nq\",x\nd写e".as_bytes();
        for mode in [Mode::Csv, Mode::Lines] {
            for chunk in [1, 2, 3, 7, 64] {
                let p = end(text, mode, chunk).unwrap();
                assert_eq!((p.line, p.col, p.bytes), (3, 4, 16), "{mode:?} in {chunk}s");
            }
        }
        // An invalid byte right after a run of ASCII is found at its own column.
        let e = end(b"ok,1\nabcdef\xFFc", Mode::Csv, 4096).unwrap_err();
        assert_eq!((e.line, e.col), (2, 7));
        // A record that passes 1 MiB inside a run fails at the byte that passes it.
        let long = format!("a\n{}\n", "b".repeat(MAX_FIELD + 5));
        for chunk in [8192, 100_000] {
            let e = end(long.as_bytes(), Mode::Csv, chunk).unwrap_err();
            assert_eq!((e.line, e.col), (2, MAX_FIELD as u64 + 1));
        }
        // Exactly 1 MiB is accepted.
        let full = format!("a\n{}\n", "b".repeat(MAX_FIELD));
        assert!(end(full.as_bytes(), Mode::Lines, 8192).is_ok());
    }

    /// Reads all of `bytes` in reads whose sizes take turns through `sizes`: what was
    /// passed on, and the position at the end or the error.
    fn read_in(bytes: &[u8], mode: Mode, sizes: &[usize]) -> (Vec<u8>, Result<Pos, GuardError>) {
        let pos = Rc::new(Cell::new(Pos::default()));
        let mut g = Guard::new(bytes, mode, Rc::clone(&pos));
        let mut out = Vec::new();
        for size in sizes.iter().cycle() {
            let mut buf = vec![0; *size];
            match g.read(&mut buf) {
                Ok(0) => return (out, Ok(pos.get())),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => return (out, Err(guard_error(&e).cloned().unwrap())),
            }
        }
        unreachable!()
    }

    #[test]
    fn one_byte_reads_pass_the_same_bytes_and_find_the_same_places_as_large_ones() {
        // Counted by hand: the BOM is 3 bytes, `["a写",` 8 bytes (写 is 3) and the line
        // end 1; `"b"]` is 4 more and leaves column 5 of line 2: 16 bytes in all.
        let text = "\u{feff}[\"a写\",\n\"b\"]".as_bytes();
        let (out, end) = read_in(text, Mode::Json, &[1]);
        assert_eq!(out, &text[3..]);
        let end = end.unwrap();
        assert_eq!((end.line, end.col, end.bytes), (2, 5, 16));
        // Longer than the window, so one-byte reads cross its refills; an invalid byte
        // on line 3 at column 6 (after `"abcd`); a file cut inside a character. Reads of
        // every size pass on the same bytes before failing at the same place.
        let long = format!("[\"{}\",\n\"写\"]", "x".repeat(3 * WINDOW));
        let bad = b"[\"a\",\n\"b\",\n\"abcd\xFF\"]".to_vec();
        let cut = "[\"写".as_bytes()[..4].to_vec();
        // A JSON string that counts exactly 1 MiB (an escaped quote, the rest, and
        // its closing quote), and one a byte longer.
        let full = format!("[\"\\\"{}\"]", "y".repeat(MAX_FIELD - 3));
        let over = format!("[\"\\\"{}\"]", "y".repeat(MAX_FIELD - 2));
        let cases = [
            ("long", long.into_bytes()),
            ("bad", bad),
            ("cut", cut),
            ("full", full.into_bytes()),
            ("over", over.into_bytes()),
        ];
        for (what, bytes) in cases.clone() {
            for mode in [Mode::Json, Mode::Csv, Mode::Lines] {
                let large = read_in(&bytes, mode, &[1 << 16]);
                for sizes in [&[1][..], &[1, 5], &[3, 1, 1, 4096]] {
                    assert_eq!(
                        read_in(&bytes, mode, sizes),
                        large,
                        "{what} {mode:?} {sizes:?}"
                    );
                }
            }
        }
        let (before, bad) = read_in(b"[\"a\",\n\"b\",\n\"abcd\xFF\"]", Mode::Json, &[1 << 16]);
        assert_eq!(before, b"[\"a\",\n\"b\",\n\"abcd");
        let bad = bad.unwrap_err();
        assert_eq!((bad.line, bad.col), (3, 6));
        let (_, over) = read_in(&cases[4].1, Mode::Json, &[1 << 16]);
        assert!(over.unwrap_err().message.contains("longer than 1 MiB"));
        assert!(read_in(&cases[3].1, Mode::Json, &[1 << 16]).1.is_ok());
        let (_, cut) = read_in(&"[\"写".as_bytes()[..4], Mode::Json, &[1]);
        assert!(
            cut.unwrap_err()
                .message
                .contains("ends inside a UTF-8 character")
        );
    }

    #[test]
    fn caps_one_field() {
        let long = format!("[\"{}\"]", "a".repeat(MAX_FIELD + 1));
        let e = run(long.as_bytes(), Mode::Json).unwrap_err();
        assert!(
            e.message
                .contains("JSON string or number is longer than 1 MiB")
        );
        // Many short strings are fine.
        let many = format!("[{}\"a\"]", "\"a\",".repeat(MAX_FIELD));
        assert!(run(many.as_bytes(), Mode::Json).is_ok());
        // A quoted CSV field may hold a newline; the record still counts as one.
        let csv = format!("a,\"x\n{}\"\n", "b".repeat(MAX_FIELD));
        assert!(run(csv.as_bytes(), Mode::Csv).is_err());
        assert!(run(b"a,\"x\ny\"\nb\n", Mode::Csv).is_ok());
    }
}
