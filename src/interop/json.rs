//! JSON as otium writes it: serde_json's compact form, plus `\u` escapes for the
//! characters serde_json passes through raw but a terminal or an editor acts on: C1
//! controls (U+0080–U+009F; U+009B is an 8-bit CSI that some terminals obey, as they
//! obey ESC), DEL, and the invisible format characters of [`crate::model::is_invisible`]
//! (bidi overrides that reorder what a reader sees). The escapes are lossless: any
//! JSON parser reads back exactly the stored text.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

use crate::model::is_invisible;

/// serde_json's compact formatter (the trait's defaults) with the extra escapes.
struct Escaping;

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            // Every escaped character is in the Basic Multilingual Plane except the
            // tag characters (U+E0000…), which JSON spells as a surrogate pair.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || is_invisible(c)
}

/// Writes `value` as compact JSON with the extra escapes.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut ser = Serializer::with_formatter(writer, Escaping);
    value.serialize(&mut ser)
}

/// `value` as compact JSON bytes with the extra escapes.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    to_writer(&mut out, value)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn c1_del_and_bidi_are_escaped_and_read_back_exactly() {
        let text =
            "a\u{9b}2J b\u{85} c\u{7f} \u{202e}drow\u{202c} z\u{200b}w 写作 🖋 \u{e0041} \u{1b}";
        let json = String::from_utf8(to_vec(&text).unwrap()).unwrap();
        assert_eq!(
            json,
            "\"a\\u009b2J b\\u0085 c\\u007f \\u202edrow\\u202c z\\u200bw 写作 🖋 \\udb40\\udc41 \\u001b\""
        );
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        // Everything else is byte-for-byte serde_json's compact output.
        let plain = serde_json::json!({"k": ["x\"y\n", 1, null]});
        assert_eq!(to_vec(&plain).unwrap(), serde_json::to_vec(&plain).unwrap());
    }
}
