//! [`Elements`] against serde's own stream: on valid files and on thousands of
//! broken ones, both give the same records at the same places, and the same first
//! finding at the same place in the same words.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Debug;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::*;

/// An element as the otium and Timewarrior exports have them.
#[derive(Deserialize, Debug, PartialEq)]
struct Entry {
    start: i64,
    #[serde(default)]
    tags: Vec<String>,
    note: Option<String>,
}

/// An element as Watson's frames have them.
type Frame = (i64, i64, String, Vec<String>);

/// What reading `bytes` gave: each element with its index and the place records
/// take, then the error's every detail (none: the file was read to its end).
type Outcome<T> = (Vec<(T, u64, Pos)>, Option<String>);

fn source(bytes: &[u8]) -> Source {
    Source::new(
        "t.json".into(),
        Box::new(io::Cursor::new(bytes.to_vec())),
        Mode::Json,
        0,
    )
}

fn by_elements<T: DeserializeOwned>(bytes: &[u8]) -> Outcome<T> {
    let mut seen = Vec::new();
    let read = source(bytes).each_json::<T>("an array", &mut |here, value, index| {
        seen.push((value, index, here.pos.get()));
        Ok(())
    });
    (seen, read.err().map(|e| format!("{e:?}")))
}

fn by_stream<T: DeserializeOwned>(bytes: &[u8]) -> Outcome<T> {
    let Source { here, reader } = source(bytes);
    let mut seen = Vec::new();
    let read = stream_json::<T>(&here, reader, "an array", &mut |here, value, index| {
        seen.push((value, index, here.pos.get()));
        Ok(())
    });
    let error = read.err().map(|e| match e {
        Streamed::Json(e) => {
            let (what, line, col) = found_from(&e, 1, 0, 0);
            here.json_error_at(&what, line, col)
        }
        Streamed::Other(e) => e,
    });
    (seen, error.map(|e| format!("{e:?}")))
}

fn same<T: DeserializeOwned + Debug + PartialEq>(bytes: &[u8]) {
    let elements = by_elements::<T>(bytes);
    let stream = by_stream::<T>(bytes);
    assert_eq!(
        elements,
        stream,
        "{:?}",
        String::from_utf8_lossy(&bytes[..bytes.len().min(400)])
    );
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Bytes a broken file is likely to hold where it breaks.
const EDITS: &[u8] = b"\"\\,[]{}: \n\t\r1-.ex0tnul\xFF\xE5\xA0";

fn broken(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        let edit = EDITS[rng.below(EDITS.len())];
        match rng.below(4) {
            0 if at < bytes.len() => {
                bytes.remove(at);
            }
            1 if at < bytes.len() => bytes[at] = edit,
            2 => bytes.truncate(at),
            _ => bytes.insert(at, edit),
        }
    }
    bytes
}

const ENTRIES: &str = "\u{feff} [\n  {\"start\": 1, \"tags\": [\"a\", \"写作\"], \"note\": \"x\\\"y\"},\n  {\"start\": -2, \"note\": null, \"extra\": {\"deep\": [1, [2, {\"k\": \"]\"}]]}}\n,{\"start\":3}]\n";
const FRAMES: &str = "[[1,2,\"p\",[\"t\"]],\n [3, 4, \"q\\u00e9\", []] ,[5,6,\"r\",[\"u\",\"v\"]]]";

#[test]
fn a_file_read_by_elements_reads_as_the_stream_does() {
    // Valid files, and files that are not arrays at their top.
    for text in [
        ENTRIES,
        FRAMES,
        "[]",
        " [ ] ",
        "",
        "  \n ",
        "{}",
        "\"x\"",
        "12",
        "null",
        "x",
        "[1]",
        "[,]",
        "[1,]",
        "[{\"start\":1}] x",
        "[{\"start\":1}]]",
        "\n\n  {\"start\": 1}",
    ] {
        same::<Entry>(text.as_bytes());
        same::<Frame>(text.as_bytes());
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        same::<Entry>(&broken(ENTRIES.as_bytes(), &mut rng));
        same::<Frame>(&broken(FRAMES.as_bytes(), &mut rng));
    }
}

/// Elements that cross the reads of 64 KiB, with breaks anywhere in them.
#[test]
fn elements_across_reads_read_as_the_stream_does() {
    let mut text = String::from("[");
    for i in 0..3000 {
        let comma = if i > 0 { ",\n" } else { "" };
        text.push_str(&format!(
            "{comma}{{\"start\": {i}, \"tags\": [\"t{i}\", \"写\"], \"note\": \"{}\"}}",
            "n".repeat(i % 40)
        ));
    }
    text.push(']');
    assert!(text.len() > 3 * (1 << 16));
    same::<Entry>(text.as_bytes());
    let mut rng = Rng(7);
    for _ in 0..60 {
        same::<Entry>(&broken(text.as_bytes(), &mut rng));
    }
}

#[test]
fn an_element_longer_than_the_cap_is_refused_where_it_starts() {
    let text = format!(
        "[{{\"start\": 1}},\n {{\"start\": 2, \"tags\": [{}\"a\"]}}]",
        "\"a\",".repeat(MAX_ELEMENT / 4 + 1)
    );
    let (seen, error) = by_elements::<Entry>(text.as_bytes());
    assert_eq!(seen.len(), 1);
    let error = error.unwrap();
    assert!(error.contains("admin-import-error-json-element"), "{error}");
    assert!(error.contains("t.json:2:2"), "{error}");
}

/// The guard's findings are catalogue messages: the same English as before, and
/// Chinese when asked for.
#[test]
fn a_guard_finding_reads_in_both_languages() {
    let read = source(b"[\"\xFF\"]").each_json::<Entry>("an array", &mut |_, _, _| Ok(()));
    let error = read.unwrap_err();
    assert_eq!(
        error.message(),
        "t.json:1:3: invalid UTF-8 (byte 0xFF); save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
    );
    assert_eq!(
        error.message_in(crate::i18n::Lang::ZhCn),
        "t.json:1:3：不是有效的 UTF-8（字节 0xFF）；请把文件另存为 UTF-8 编码（例如 `iconv -f latin1 -t utf-8`）"
    );
}
