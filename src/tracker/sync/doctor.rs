//! What `doctor` checks in the sync folder: that it is there, files that are not
//! otium's, gaps in a device's sequence, records of one device in another's folder,
//! truncated or damaged segments, and a device whose clock runs more than a day
//! ahead of this machine's. Only reads; nothing here writes the folder.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::super::Tracker;
use super::status::gaps;
use crate::store::sync as rows;
use crate::sync::folder;
use crate::tracker::{Check, CheckStatus};

/// A device's clock this far ahead of ours (milliseconds) wins ties it should not.
const AHEAD_MS: u64 = 24 * 60 * 60 * 1000;

/// A warning here is advisory: a file still on its way is the normal state of a
/// synced folder, and `doctor` must stay usable as a health check; records of one
/// device in another's folder, or no folder at all, fail.
fn check(name: &'static str, status: CheckStatus, detail: String) -> Check {
    Check {
        name,
        status,
        detail,
        advisory: status == CheckStatus::Warn,
    }
}

/// Up to three names and how many more.
fn some(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(3)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > 3 {
        text.push_str(&format!(" and {} more", names.len() - 3));
    }
    text
}

impl Tracker {
    /// The sync folder's checks; none when this database does not sync.
    #[must_use]
    pub fn sync_checks(&self) -> Vec<Check> {
        let db = self.reader();
        let dev = match rows::device(db) {
            Ok(Some(dev)) => dev,
            Ok(None) => return Vec::new(),
            Err(e) => {
                return vec![check(
                    "sync folder",
                    CheckStatus::Fail,
                    format!("cannot read the sync settings: {e}"),
                )];
            }
        };
        let dir = PathBuf::from(&dev.dir);
        let (segments, other) = match folder::list(&dir) {
            Ok(found) => found,
            Err(e) => {
                return vec![check(
                    "sync folder",
                    CheckStatus::Fail,
                    format!(
                        "{e}; mount or restore the folder, or join another with `otium sync init DIR` on a new database"
                    ),
                )];
            }
        };
        let mut out = vec![check(
            "sync folder",
            CheckStatus::Ok,
            format!("{} (this device: {})", dir.display(), dev.name),
        )];
        // Files that are neither segments nor otium's temp files (a temp file is a
        // write in progress, or one a crash left: harmless, the next sync rewrites).
        let unknown: Vec<String> = other
            .iter()
            .filter(|s| !s.why.starts_with("being written"))
            .map(|s| s.file.clone())
            .collect();
        out.push(if unknown.is_empty() {
            check("sync files", CheckStatus::Ok, "only otium's files".into())
        } else {
            check(
                "sync files",
                CheckStatus::Warn,
                format!(
                    "{} file(s) otium did not write: {}; a sync tool's conflicted copy or a stray file — otium ignores them, remove them from {}",
                    unknown.len(),
                    some(&unknown),
                    folder::devices_dir(&dir).display()
                ),
            )
        });
        // Every segment read once: who wrote it and whether it is whole.
        let mut foreign = Vec::new();
        let mut damaged = Vec::new();
        let mut ranges: BTreeMap<String, Vec<(u64, u64)>> = BTreeMap::new();
        for s in &segments {
            let file = format!("{}/{}", s.device, s.name);
            match folder::read_segment(&s.device, &s.name, &s.path) {
                Ok(_) => {
                    if let Some(r) = folder::parse_segment_name(&s.name) {
                        ranges.entry(s.device.clone()).or_default().push(r);
                    }
                }
                Err(why) if why.contains("in the folder of") => {
                    foreign.push(format!("{file} ({why})"))
                }
                Err(why) => damaged.push(format!("{file} ({why})")),
            }
        }
        out.push(if foreign.is_empty() {
            check(
                "sync devices",
                CheckStatus::Ok,
                "each device writes only its own folder".into(),
            )
        } else {
            check(
                "sync devices",
                CheckStatus::Fail,
                format!(
                    "{} segment(s) hold another device's records: {}; two databases share one device id (a copied database?) — give one of them a new device with `otium sync init DIR` on a fresh database",
                    foreign.len(),
                    some(&foreign)
                ),
            )
        });
        out.push(if damaged.is_empty() {
            check("sync tails", CheckStatus::Ok, "every segment is whole".into())
        } else {
            check(
                "sync tails",
                CheckStatus::Warn,
                format!(
                    "{} segment(s) truncated or damaged, not applied: {}; a sync tool still delivering them, or a broken copy — wait for the sync tool, then run `otium sync`",
                    damaged.len(),
                    some(&damaged)
                ),
            )
        });
        let mut holes = Vec::new();
        for (device, r) in ranges {
            let name = folder::device_name(&dir, &device).unwrap_or_else(|| device.clone());
            for (a, b) in gaps(r).1 {
                holes.push(format!("{name}: records {a} to {b}"));
            }
        }
        out.push(if holes.is_empty() {
            check(
                "sync sequence",
                CheckStatus::Ok,
                "no device's records are missing".into(),
            )
        } else {
            check(
                "sync sequence",
                CheckStatus::Warn,
                format!(
                    "missing {}; still on the way, or deleted from the folder — let the sync tool finish; records after a gap are applied anyway",
                    some(&holes)
                ),
            )
        });
        let now_ms = u64::try_from(self.now().timestamp_millis()).unwrap_or(0);
        let ahead: Vec<String> = rows::peers(db)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.last_hlc.ms > now_ms.saturating_add(AHEAD_MS))
            .map(|p| folder::device_name(&dir, &p.device).unwrap_or(p.device))
            .collect();
        out.push(if ahead.is_empty() {
            check(
                "sync clock",
                CheckStatus::Ok,
                "no device's clock runs ahead".into(),
            )
        } else {
            check(
                "sync clock",
                CheckStatus::Warn,
                format!(
                    "the clock of {} ran more than a day ahead of this machine's: its changes win over later ones made elsewhere; set its clock right",
                    some(&ahead)
                ),
            )
        });
        out
    }
}
