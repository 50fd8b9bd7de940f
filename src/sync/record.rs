//! One sync record: what one device changed in one session, as one JSON line
//! (`{"v":1,"device":…,"seq":…,"hlc":…,"entity":"session","uuid":…,"op":"put","fields":{…}}`).
//! `fields` holds only what the change set (a create sets all of them); instants are
//! UTC unix seconds, as in the database. Integer session ids are local and never here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::hlc::Hlc;

/// The record format this build writes and reads; a file with a larger `v` is from a
/// newer otium and is left alone.
pub const VERSION: u32 = 1;

/// A session field a record can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The project's name (a string).
    Project,
    /// The tags (a sorted list of strings).
    Tags,
    /// The note (a string or null).
    Note,
    /// The start (UTC unix seconds).
    Start,
    /// The end (UTC unix seconds, or null while running).
    End,
    /// The IANA zone the session was recorded in.
    Zone,
}

impl Field {
    /// Every field, in a fixed order.
    pub const ALL: [Field; 6] = [
        Field::Project,
        Field::Tags,
        Field::Note,
        Field::Start,
        Field::End,
        Field::Zone,
    ];

    /// The name records use.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Project => "project",
            Field::Tags => "tags",
            Field::Note => "note",
            Field::Start => "start",
            Field::End => "end",
            Field::Zone => "zone",
        }
    }

    /// The field named `name`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// What a record does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Sets the fields it carries (creates the session if it is new, revives it if it
    /// was deleted at a smaller stamp).
    Put,
    /// Deletes the session: a tombstone that wins over every field set at a smaller stamp.
    Delete,
}

/// What a record names (only sessions travel so far).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entity {
    /// A work session.
    Session,
}

/// Who wins a field: the larger clock stamp, ties broken by the larger device id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// The clock stamp.
    pub hlc: Hlc,
    /// The device that wrote it.
    pub device: String,
}

/// One change record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The format version ([`VERSION`]).
    pub v: u32,
    /// The device that wrote it (a UUID).
    pub device: String,
    /// Its number in that device's log: 1, 2, 3, … without gaps.
    pub seq: u64,
    /// When, by the hybrid logical clock.
    pub hlc: Hlc,
    /// What kind of thing it names.
    pub entity: Entity,
    /// The session's UUID.
    pub uuid: String,
    /// Put or delete.
    pub op: Op,
    /// The fields a put sets (empty for a delete).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<Field, Value>,
}

impl Record {
    /// Its stamp: who wins against another record of the same field.
    #[must_use]
    pub fn stamp(&self) -> Stamp {
        Stamp {
            hlc: self.hlc,
            device: self.device.clone(),
        }
    }

    /// One JSON line, without the newline.
    #[must_use]
    pub fn to_line(&self) -> String {
        // Strings, integers and JSON values always serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads one line; says what is wrong otherwise (a record of a newer format too).
    pub fn from_line(line: &str) -> Result<Record, String> {
        // The version first, so a newer format is named as such, not as garbage.
        #[derive(Deserialize)]
        struct Versioned {
            v: u32,
        }
        let versioned: Versioned =
            serde_json::from_str(line).map_err(|e| format!("not a record ({e})"))?;
        if versioned.v > VERSION {
            return Err(format!(
                "a record of format {} (this otium reads {VERSION}); update otium",
                versioned.v
            ));
        }
        let record: Record =
            serde_json::from_str(line).map_err(|e| format!("not a record ({e})"))?;
        if record.op == Op::Delete && !record.fields.is_empty() {
            return Err("a delete that sets fields".to_string());
        }
        Ok(record)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    #[test]
    fn a_record_is_the_documented_json_line() {
        let r = Record {
            v: 1,
            device: "d1".into(),
            seq: 251,
            hlc: "1767225600123-0003".parse().unwrap(),
            entity: Entity::Session,
            uuid: "u".into(),
            op: Op::Put,
            fields: [
                (Field::End, json!(1_767_225_600)),
                (Field::Note, json!("x")),
            ]
            .into(),
        };
        let line = r.to_line();
        assert_eq!(
            line,
            r#"{"v":1,"device":"d1","seq":251,"hlc":"1767225600123-0003","entity":"session","uuid":"u","op":"put","fields":{"note":"x","end":1767225600}}"#
        );
        assert_eq!(Record::from_line(&line).unwrap(), r);
        let del = r#"{"v":1,"device":"d1","seq":2,"hlc":"5-0000","entity":"session","uuid":"u","op":"delete"}"#;
        assert_eq!(Record::from_line(del).unwrap().op, Op::Delete);
    }

    #[test]
    fn garbage_newer_formats_and_unknown_fields_are_refused() {
        let cases = [
            ("", "not a record"),
            (r#"{"v":1,"device":"d"#, "not a record"),
            (r#"{"v":2,"anything":true}"#, "format 2"),
            (
                r#"{"v":1,"device":"d","seq":1,"hlc":"5-0","entity":"session","uuid":"u","op":"put","fields":{"colour":1}}"#,
                "not a record",
            ),
            (
                r#"{"v":1,"device":"d","seq":1,"hlc":"5-0","entity":"session","uuid":"u","op":"delete","fields":{"end":1}}"#,
                "a delete that sets fields",
            ),
        ];
        for (line, why) in cases {
            let err = Record::from_line(line).unwrap_err();
            assert!(err.contains(why), "{line}: {err}");
        }
    }

    #[test]
    fn stamps_order_by_clock_then_device() {
        let s = |ms, d: &str| Stamp {
            hlc: Hlc { ms, counter: 0 },
            device: d.into(),
        };
        assert!(s(2, "a") > s(1, "z"));
        assert!(s(1, "b") > s(1, "a"));
    }
}
