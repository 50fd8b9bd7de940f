//! The input guard: byte-order marks, UTF-8, the 1 MiB cap and the position, the
//! same whatever the size of the reads.

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
    // A long file (48 KiB); an invalid byte
    // on line 3 at column 6 (after `"abcd`); a file cut inside a character. Reads of
    // every size pass on the same bytes before failing at the same place.
    let long = format!("[\"{}\",\n\"写\"]", "x".repeat(3 << 14));
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
