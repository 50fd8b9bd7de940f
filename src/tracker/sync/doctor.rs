//! What `doctor` checks in the sync folder: that it is there, files that are not
//! otium's, gaps in a device's sequence, records of one device in another's folder,
//! truncated or damaged segments, and a device whose clock runs more than a day
//! ahead of this machine's. Only reads; nothing here writes the folder.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::super::Tracker;
use super::status::gaps;
use crate::i18n::Lang;
use crate::store::sync as rows;
use crate::sync::folder::{self, Why};
use crate::tracker::{Check, CheckStatus};

/// A device's clock this far ahead of ours (milliseconds) wins ties it should not.
const AHEAD_MS: u64 = 24 * 60 * 60 * 1000;

/// A warning here is advisory: a file still on its way is the normal state of a
/// synced folder, and `doctor` must stay usable as a health check; records of one
/// device in another's folder, or no folder at all, fail.
/// The finding is the catalogue's `key` (English in `detail`, for JSON; any language
/// through `keyed`, for the face).
fn check(
    name: &'static str,
    status: CheckStatus,
    key: &'static str,
    args: Vec<(&'static str, String)>,
) -> Check {
    let shown: Vec<(&str, &dyn std::fmt::Display)> = args
        .iter()
        .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
        .collect();
    Check {
        name,
        status,
        detail: crate::i18n::t(crate::i18n::Lang::En, key, &shown),
        advisory: status == CheckStatus::Warn,
        keyed: Some((key, args)),
        args_zh: None,
    }
}

/// `check` with the files' reasons (`files`: name and why) said in each language.
fn check_files(
    name: &'static str,
    status: CheckStatus,
    key: &'static str,
    files: &[(String, Why)],
) -> Check {
    let listed = |lang: Lang| -> Vec<(&'static str, String)> {
        let names: Vec<String> = files
            .iter()
            .map(|(file, why)| {
                crate::i18n::t(
                    lang,
                    "sync-doctor-file-why",
                    &[("file", file), ("why", &why.text_in(lang))],
                )
            })
            .collect();
        with_some(vec![("count", files.len().to_string())], &names)
    };
    Check {
        args_zh: Some(listed(Lang::ZhCn)),
        ..check(name, status, key, listed(Lang::En))
    }
}

/// Up to three names (`list`) and how many more (`more`), as arguments
/// of a finding that says them.
fn some(names: &[String]) -> [(&'static str, String); 2] {
    let list = names
        .iter()
        .take(3)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    [
        ("list", list),
        // `none` (a selector the catalogue matches; arguments reach it as text).
        (
            "more",
            match names.len().saturating_sub(3) {
                0 => "none".to_string(),
                n => n.to_string(),
            },
        ),
    ]
}

/// `args` with the `some` of `names` added.
fn with_some(
    mut args: Vec<(&'static str, String)>,
    names: &[String],
) -> Vec<(&'static str, String)> {
    args.extend(some(names));
    args
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
                    "sync-doctor-settings-unreadable",
                    vec![("error", e.to_string())],
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
                    "sync-doctor-folder-missing",
                    vec![("error", e.message_in(crate::i18n::Lang::En))],
                )];
            }
        };
        let mut out = vec![check(
            "sync folder",
            CheckStatus::Ok,
            "sync-doctor-folder-ok",
            vec![
                ("dir", dir.display().to_string()),
                ("device", dev.name.clone()),
            ],
        )];
        // Files that are neither segments nor otium's temp files (a temp file is a
        // write in progress, or one a crash left: harmless, the next sync rewrites).
        let unknown: Vec<String> = other
            .iter()
            .filter(|s| !s.reason.is_temp())
            .map(|s| s.file.clone())
            .collect();
        out.push(if unknown.is_empty() {
            check(
                "sync files",
                CheckStatus::Ok,
                "sync-doctor-files-ok",
                vec![],
            )
        } else {
            check(
                "sync files",
                CheckStatus::Warn,
                "sync-doctor-files-unknown",
                with_some(
                    vec![
                        ("count", unknown.len().to_string()),
                        ("dir", folder::devices_dir(&dir).display().to_string()),
                    ],
                    &unknown,
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
                Err(why) if why.is_foreign() => foreign.push((file, why)),
                Err(why) => damaged.push((file, why)),
            }
        }
        out.push(if foreign.is_empty() {
            check(
                "sync devices",
                CheckStatus::Ok,
                "sync-doctor-devices-ok",
                vec![],
            )
        } else {
            check_files(
                "sync devices",
                CheckStatus::Fail,
                "sync-doctor-devices-foreign",
                &foreign,
            )
        });
        out.push(if damaged.is_empty() {
            check(
                "sync tails",
                CheckStatus::Ok,
                "sync-doctor-tails-ok",
                vec![],
            )
        } else {
            check_files(
                "sync tails",
                CheckStatus::Warn,
                "sync-doctor-tails-damaged",
                &damaged,
            )
        });
        let mut holes = Vec::new();
        for (device, r) in ranges {
            let name = folder::device_name(&dir, &device).unwrap_or_else(|| device.clone());
            for (a, b) in gaps(r).1 {
                holes.push(format!("{name}: {a}–{b}"));
            }
        }
        out.push(if holes.is_empty() {
            check(
                "sync sequence",
                CheckStatus::Ok,
                "sync-doctor-sequence-ok",
                vec![],
            )
        } else {
            check(
                "sync sequence",
                CheckStatus::Warn,
                "sync-doctor-sequence-gaps",
                with_some(Vec::new(), &holes),
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
                "sync-doctor-clock-ok",
                vec![],
            )
        } else {
            check(
                "sync clock",
                CheckStatus::Warn,
                "sync-doctor-clock-ahead",
                with_some(Vec::new(), &ahead),
            )
        });
        out
    }
}
