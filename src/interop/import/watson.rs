//! Watson's `frames` file (`~/.config/watson/frames`): a JSON array of frames, each
//! `[start, stop, project, id, [tags], updated_at]` with UTC unix seconds and a
//! 32-hex-digit id (a UUID without dashes), which becomes the session's UUID.
//! Watson keeps no zone: sessions are recorded in `--tz` (default: the user's zone).
//! `updated_at` (unix seconds; Watson sets it on every edit) is the frame's version: a
//! re-import updates a session only when the frame's `updated_at` is newer than the one
//! imported last.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

use super::{Options, Sink, Source};
use crate::error::Result;

/// Unix seconds written as an integer or a float.
struct Secs(i64);

impl<'de> Deserialize<'de> for Secs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Secs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("unix seconds")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Secs, E> {
                Ok(Secs(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Secs, E> {
                i64::try_from(v)
                    .map(Secs)
                    .map_err(|_| E::custom("a timestamp far past 2100"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Secs, E> {
                if v.is_finite() && v.abs() < 1e15 {
                    // Whole seconds, as otium stores them.
                    #[allow(clippy::cast_possible_truncation)]
                    Ok(Secs(v.floor() as i64))
                } else {
                    Err(E::custom("a timestamp far past 2100"))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// One frame.
pub struct Frame {
    start: i64,
    stop: i64,
    project: String,
    id: String,
    tags: Vec<String>,
    updated_at: Option<i64>,
}

const EXPECTING: &str = "a Watson frame [start, stop, project, id, [tags], updated_at]";

impl<'de> Deserialize<'de> for Frame {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Frame;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTING)
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Frame, A::Error> {
                let missing = |i| de::Error::invalid_length(i, &EXPECTING);
                let start: Secs = seq.next_element()?.ok_or_else(|| missing(0))?;
                let stop: Secs = seq.next_element()?.ok_or_else(|| missing(1))?;
                let project: String = seq.next_element()?.ok_or_else(|| missing(2))?;
                let id: String = seq.next_element()?.ok_or_else(|| missing(3))?;
                let tags: Option<Vec<String>> = seq.next_element()?;
                let updated_at: Option<Option<Secs>> = seq.next_element()?;
                // Anything a later Watson adds is not needed.
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Frame {
                    start: start.0,
                    stop: stop.0,
                    project,
                    id,
                    tags: tags.unwrap_or_default(),
                    updated_at: updated_at.flatten().map(|s| s.0),
                })
            }
        }
        d.deserialize_seq(V)
    }
}

/// Reads a frames file.
pub(crate) fn read(src: Source, opts: &Options, sink: Sink<'_>) -> Result<()> {
    src.each_json::<Frame>(
        "a JSON array of Watson frames",
        &mut |here, frame, _index| {
            let mut rec = here.record();
            rec.id = Some(frame.id);
            rec.project = Some(frame.project);
            rec.tags = frame.tags;
            rec.start = frame.start;
            rec.end = Some(frame.stop);
            rec.zone = Some(opts.zone);
            rec.version = frame.updated_at.map(|t| t.to_string());
            sink(rec)
        },
    )
}
