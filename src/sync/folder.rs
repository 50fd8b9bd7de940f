//! The sync folder on disk: `DIR/otium-sync/v1/<device-uuid>/` belongs to one device,
//! which alone writes there: a `device.json` naming it and immutable segment files
//! `000000001-000000250.jsonl` (first and last sequence number, one record a line).
//! A segment is written under a temp name in the same folder, fsynced and renamed, so
//! it is never seen half-written by this machine; a sync tool may still deliver one
//! truncated, late or twice, so a reader takes a segment only when its name parses,
//! every line parses and the sequence numbers inside are exactly its range, and
//! reports every other file instead of applying it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::record::Record;
use crate::error::{Error, Result};

/// The folder inside `DIR` that otium writes: nothing outside it is ever touched.
pub const ROOT: &str = "otium-sync";
/// The layout version under [`ROOT`].
pub const LAYOUT: &str = "v1";

/// Where the device folders are: `DIR/otium-sync/v1`.
#[must_use]
pub fn devices_dir(dir: &Path) -> PathBuf {
    dir.join(ROOT).join(LAYOUT)
}

/// What `device.json` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceInfo {
    /// The name the user gave (`--name`) or the host's.
    pub name: String,
    /// When it joined, RFC 3339 UTC.
    pub created: String,
    /// The otium version that created it.
    pub otium: String,
}

/// A segment's file name.
#[must_use]
pub fn segment_name(first: u64, last: u64) -> String {
    format!("{first:09}-{last:09}.jsonl")
}

/// The range a segment file name stands for.
#[must_use]
pub fn parse_segment_name(name: &str) -> Option<(u64, u64)> {
    let stem = name.strip_suffix(".jsonl")?;
    let (a, b) = stem.split_once('-')?;
    let num = |t: &str| {
        (t.len() >= 9 && t.bytes().all(|c| c.is_ascii_digit()))
            .then(|| t.parse::<u64>().ok())
            .flatten()
    };
    let (first, last) = (num(a)?, num(b)?);
    (first >= 1 && first <= last).then_some((first, last))
}

/// A file-system failure on the sync folder, in the user's language: `what` is
/// `create`, `read`, `write` or `write in`; the OS's own words are quoted.
pub(crate) fn io(what: &str, path: &Path, e: &std::io::Error) -> Error {
    Error::keyed(
        crate::error::ErrorKind::Io,
        "sync-error-io",
        vec![
            ("what", what.replace(' ', "-")),
            ("path", path.display().to_string()),
            ("error", e.to_string()),
        ],
    )
}

/// Creates this device's folder with its `device.json` (kept if already there).
pub fn create_device(dir: &Path, device: &str, info: &DeviceInfo) -> Result<PathBuf> {
    let own = devices_dir(dir).join(device);
    fs::create_dir_all(&own).map_err(|e| io("create", &own, &e))?;
    let path = own.join("device.json");
    if !path.exists() {
        let json = serde_json::to_string_pretty(info).unwrap_or_default();
        write_atomically(&own, &path, format!("{json}\n").as_bytes())?;
    }
    Ok(own)
}

/// Writes `bytes` to `path` through a temp file in `folder`, fsynced, then renamed.
fn write_atomically(folder: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".otium-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| io("write in", folder, &e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| io("write", path, &e))?;
    tmp.persist(path).map_err(|e| io("write", path, &e.error))?;
    // The rename is durable once the folder is synced; where that cannot be done
    // (some network file systems) the file is still whole, only perhaps not yet there.
    if let Ok(f) = fs::File::open(folder) {
        let _ = f.sync_all();
    }
    Ok(())
}

/// Writes `records` (consecutive sequence numbers of this device) as one segment.
pub fn write_segment(own: &Path, records: &[Record]) -> Result<PathBuf> {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return Err(Error::invalid("an empty segment"));
    };
    let lines: Vec<String> = records.iter().map(Record::to_line).collect();
    write_lines(own, first.seq, last.seq, &lines)
}

/// Writes the record lines numbered `first` to `last` as one segment.
pub fn write_lines<S: AsRef<str>>(
    own: &Path,
    first: u64,
    last: u64,
    lines: &[S],
) -> Result<PathBuf> {
    let path = own.join(segment_name(first, last));
    let mut text = String::new();
    for l in lines {
        text.push_str(l.as_ref());
        text.push('\n');
    }
    write_atomically(own, &path, text.as_bytes())?;
    Ok(path)
}

/// A file a reader did not apply, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its path relative to the device folders (`<device>/<file>`).
    pub file: String,
    /// Why, in English words (for `--json`).
    pub why: String,
    /// Why, in any language.
    pub reason: Why,
}

impl Skipped {
    /// A skipped `file` for `reason`.
    #[must_use]
    pub fn new(file: String, reason: Why) -> Self {
        Skipped {
            file,
            why: reason.to_string(),
            reason,
        }
    }
}

/// Why a file is not applied, as a catalogue message: English in JSON and the
/// library's strings, the user's language on a face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Why {
    fn new(key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Why { key, args }
    }

    /// A reason in the catalogue's words, for the other readers of the folder.
    #[must_use]
    pub fn keyed(key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Why::new(key, args)
    }

    /// The reason in `lang`.
    #[must_use]
    pub fn text_in(&self, lang: crate::i18n::Lang) -> String {
        let args: Vec<(&str, &dyn std::fmt::Display)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
            .collect();
        crate::i18n::t(lang, self.key, &args)
    }

    /// Whether the segment holds another device's records.
    #[must_use]
    pub fn is_foreign(&self) -> bool {
        self.key == "sync-why-foreign"
    }

    /// Whether the file is one of otium's temp files (a write in progress).
    #[must_use]
    pub fn is_temp(&self) -> bool {
        self.key == "sync-why-temp"
    }
}

/// English, as JSON and the library's messages say it.
impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::Lang::En))
    }
}

/// Reads the segment `name` of `device` at `path`: its records if it is whole.
pub fn read_segment(
    device: &str,
    name: &str,
    path: &Path,
) -> std::result::Result<Vec<Record>, Why> {
    let (first, last) =
        parse_segment_name(name).ok_or_else(|| Why::new("sync-why-not-segment-name", vec![]))?;
    let text = fs::read_to_string(path)
        .map_err(|e| Why::new("sync-why-unreadable", vec![("error", e.to_string())]))?;
    if !text.ends_with('\n') {
        return Err(Why::new("sync-why-no-newline", vec![]));
    }
    let mut records = Vec::new();
    let mut expected = first;
    for (i, line) in text.lines().enumerate() {
        let at = (i + 1).to_string();
        // The record's own finding (a JSON error, a format number) stays as serde says it.
        let r = Record::from_line(line).map_err(|why| {
            Why::new(
                "sync-why-bad-line",
                vec![("line", at.clone()), ("why", why)],
            )
        })?;
        if r.device != device {
            return Err(Why::new(
                "sync-why-foreign",
                vec![
                    ("line", at),
                    ("other", r.device),
                    ("device", device.to_string()),
                ],
            ));
        }
        if r.seq != expected || r.seq > last {
            return Err(Why::new(
                "sync-why-sequence",
                vec![
                    ("line", at),
                    ("seq", r.seq.to_string()),
                    ("expected", expected.to_string()),
                ],
            ));
        }
        expected += 1;
        records.push(r);
    }
    if expected != last + 1 {
        return Err(Why::new(
            "sync-why-incomplete",
            vec![
                ("first", first.to_string()),
                ("got", (expected - 1).to_string()),
                ("last", last.to_string()),
            ],
        ));
    }
    Ok(records)
}

/// One file in a device folder, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The device folder's name.
    pub device: String,
    /// The file name.
    pub name: String,
    /// Its full path.
    pub path: PathBuf,
    /// Its size and modification time, so a file delivered again (completed) is read
    /// again.
    pub size: u64,
}

/// Lists every device folder's files (a directory listing and a stat each: what a
/// sync with nothing new costs). Returns the segment files and the files that are not
/// segments (temp files, foreign files).
pub fn list(dir: &Path) -> Result<(Vec<Listed>, Vec<Skipped>)> {
    let root = devices_dir(dir);
    let mut segments = Vec::new();
    let mut other = Vec::new();
    let entries = fs::read_dir(&root).map_err(|e| io("read", &root, &e))?;
    for entry in entries.flatten() {
        let device = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            other.push(Skipped::new(
                device,
                Why::new("sync-why-not-device", vec![]),
            ));
            continue;
        }
        let Ok(files) = fs::read_dir(entry.path()) else {
            other.push(Skipped::new(
                device,
                Why::new("sync-why-unreadable-folder", vec![]),
            ));
            continue;
        };
        for f in files.flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if name == "device.json" {
                continue;
            }
            let file = format!("{device}/{name}");
            if parse_segment_name(&name).is_none() {
                let key = if name.starts_with('.') {
                    "sync-why-temp"
                } else {
                    "sync-why-not-segment"
                };
                other.push(Skipped::new(file, Why::new(key, vec![])));
                continue;
            }
            let size = f.metadata().map(|m| m.len()).unwrap_or(0);
            segments.push(Listed {
                device: device.clone(),
                name,
                path: f.path(),
                size,
            });
        }
    }
    segments.sort_by(|a, b| (&a.device, &a.name).cmp(&(&b.device, &b.name)));
    other.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((segments, other))
}

/// The name in a device's `device.json`, if readable.
#[must_use]
pub fn device_name(dir: &Path, device: &str) -> Option<String> {
    let text = fs::read_to_string(devices_dir(dir).join(device).join("device.json")).ok()?;
    serde_json::from_str::<DeviceInfo>(&text)
        .ok()
        .map(|i| i.name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::sync::hlc::Hlc;
    use crate::sync::record::{Entity, Op, VERSION};

    fn rec(device: &str, seq: u64) -> Record {
        Record {
            v: VERSION,
            device: device.into(),
            seq,
            hlc: Hlc {
                ms: seq,
                counter: 0,
            },
            entity: Entity::Session,
            uuid: format!("u{seq}"),
            op: Op::Delete,
            fields: Default::default(),
        }
    }

    #[test]
    fn segment_names_round_trip_and_odd_names_are_not_segments() {
        assert_eq!(segment_name(1, 250), "000000001-000000250.jsonl");
        assert_eq!(
            parse_segment_name("000000001-000000250.jsonl"),
            Some((1, 250))
        );
        for bad in [
            "000000002-000000001.jsonl",
            "000000000-000000001.jsonl",
            "1-2.jsonl",
            "000000001-000000002.json",
            "000000001-000000002 (conflicted copy).jsonl",
        ] {
            assert_eq!(parse_segment_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_whole_segment_reads_back_and_a_damaged_one_is_refused_with_the_reason() {
        let tmp = tempfile::tempdir().unwrap();
        let info = DeviceInfo {
            name: "laptop".into(),
            created: "2026-01-01T00:00:00Z".into(),
            otium: "0.1.0".into(),
        };
        let own = create_device(tmp.path(), "d1", &info).unwrap();
        assert_eq!(device_name(tmp.path(), "d1").as_deref(), Some("laptop"));
        let records: Vec<_> = (1..=3).map(|s| rec("d1", s)).collect();
        let path = write_segment(&own, &records).unwrap();
        let name = "000000001-000000003.jsonl";
        assert_eq!(read_segment("d1", name, &path).unwrap(), records);
        let text = fs::read_to_string(&path).unwrap();
        let refuse = |content: &str, why: &str| {
            fs::write(&path, content).unwrap();
            let err = read_segment("d1", name, &path).unwrap_err();
            assert!(err.to_string().contains(why), "{err}");
        };
        // Cut mid-line, cut at a line end, a garbled line, another device's record.
        refuse(&text[..text.len() - 10], "incomplete");
        let two_lines: String = text.lines().take(2).map(|l| format!("{l}\n")).collect();
        refuse(&two_lines, "incomplete: records 1 to 2 of 1 to 3");
        refuse(
            &text.replacen("\"seq\":2", "\"seq\":7", 1),
            "sequence number 7",
        );
        refuse(
            &text.replacen("{\"v\":1", "{\"v\":1x", 1),
            "line 1: not a record",
        );
        refuse(&text.replace("\"d1\"", "\"d2\""), "a record of device d2");
        let (segments, other) = list(tmp.path()).unwrap();
        assert_eq!(segments.len(), 1);
        assert!(other.is_empty(), "{other:?}");
        fs::write(own.join("notes.txt"), "x").unwrap();
        let (_, other) = list(tmp.path()).unwrap();
        assert_eq!(other[0].file, "d1/notes.txt");
    }
}
