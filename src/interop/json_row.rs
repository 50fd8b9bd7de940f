//! One session of the batched JSON export as bytes: exactly what
//! [`super::json::to_writer`] makes of [`crate::model::SessionJson`] (the field
//! order, serde_json's compact form and otium's extra escapes), written straight from
//! a [`SessionRow`] without building the struct, its five `String`s and its tag list.

use std::io;

use chrono::{DateTime, Utc};

use super::csv_row::{push_integer, rfc3339};
use super::json;
use crate::model::SessionRow;

/// Appends `row` as one JSON object.
pub(super) fn push_session(
    buf: &mut Vec<u8>,
    now: DateTime<Utc>,
    row: &SessionRow<'_>,
) -> io::Result<()> {
    buf.extend_from_slice(b"{\"id\":");
    push_integer(buf, row.id.get());
    buf.extend_from_slice(b",\"uuid\":");
    push_string(buf, row.uuid)?;
    buf.extend_from_slice(b",\"project\":");
    push_string(buf, row.project)?;
    buf.extend_from_slice(b",\"tags\":[");
    for (i, tag) in row.tags().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        push_string(buf, tag)?;
    }
    buf.extend_from_slice(b"],\"note\":");
    match row.note {
        Some(note) => push_string(buf, note)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"start\":\"");
    rfc3339(buf, row.zone, row.start_time());
    buf.extend_from_slice(b"\",\"end\":");
    match row.end_time() {
        Some(end) => {
            buf.push(b'"');
            rfc3339(buf, row.zone, end);
            buf.push(b'"');
        }
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"duration_seconds\":");
    push_integer(buf, row.duration_seconds(now));
    buf.extend_from_slice(b",\"zone\":");
    push_string(buf, row.zone.name())?;
    buf.push(b'}');
    Ok(())
}

/// Appends `text` as a JSON string. Printable ASCII other than `"` and `\` is written
/// as it is, which is what the escaping writer does with it too; anything else goes
/// through that writer.
fn push_string(buf: &mut Vec<u8>, text: &str) -> io::Result<()> {
    if text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    {
        buf.push(b'"');
        buf.extend_from_slice(text.as_bytes());
        buf.push(b'"');
        return Ok(());
    }
    json::to_writer(&mut *buf, text).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Any text at all, ASCII or not, controls, quotes, bidi marks: the same
        /// bytes as the escaping writer gives for it.
        #[test]
        fn strings_are_what_the_escaping_writer_writes(text in any::<String>()) {
            let mut fast = Vec::new();
            push_string(&mut fast, &text).unwrap();
            prop_assert_eq!(fast, json::to_vec(&text).unwrap());
        }

        #[test]
        fn printable_ascii_is_what_the_escaping_writer_writes(text in "[ -~]{0,40}") {
            let mut fast = Vec::new();
            push_string(&mut fast, &text).unwrap();
            prop_assert_eq!(fast, json::to_vec(&text).unwrap());
        }
    }
}
