//! The stat-only check of automatic sync: has the folder changed since the last look?
//! A new segment of another device is a new file in its folder, which changes that
//! folder's modification time; a new device changes the devices folder's. So the
//! "stamp" of the folder is those modification times (this device's own folder left
//! out: only this device writes there), plus the size and time of each file that was
//! not applied yet (a sync tool may complete one in place). Comparing two stamps is a
//! directory listing and a few stats, whatever the size of the history.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::folder;

/// How recent a modification time must not be to be trusted: a file system stamps
/// times in coarse ticks (2 s on FAT, a few ms elsewhere), so a file arriving in the
/// same tick as the look would leave the time unchanged. A folder changed this
/// recently is looked at again next time.
const SETTLE: Duration = Duration::from_secs(2);

/// A folder's stamp, and whether every time in it is old enough to trust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// One line per folder (`dir <name> <mtime ns>`) and not-yet-applied file
    /// (`file <device>/<name> <size> <mtime ns>`).
    pub text: String,
    /// No time in it is within [`SETTLE`] of `now`.
    pub settled: bool,
}

fn nanos(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// The stamp of the sync folder `dir` as seen by `device`, with `files` (paths under
/// the devices folder, `<device>/<name>`) stat'ed too; `now` is
/// [`crate::time::file_clock`]. An error when the folder cannot be read (unmounted).
pub fn stamp(
    dir: &Path,
    device: &str,
    files: &[String],
    now: SystemTime,
) -> std::io::Result<Stamp> {
    let root = folder::devices_dir(dir);
    let mut times = Vec::new();
    let mut text = String::new();
    let top = fs::metadata(&root)?.modified()?;
    times.push(top);
    let _ = writeln!(text, "dir . {}", nanos(top));
    let mut dirs: Vec<(String, SystemTime)> = Vec::new();
    for entry in fs::read_dir(&root)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == device {
            continue;
        }
        // A folder's own time (its entries changed), not the entry's cached type.
        if let Ok(meta) = fs::metadata(entry.path())
            && let Ok(m) = meta.modified()
        {
            dirs.push((name, m));
        }
    }
    dirs.sort();
    for (name, m) in dirs {
        times.push(m);
        let _ = writeln!(text, "dir {name} {}", nanos(m));
    }
    for f in files {
        if f.split('/').next() == Some(device) {
            continue;
        }
        let (size, m) = fs::metadata(root.join(f))
            .map(|meta| (meta.len(), meta.modified().unwrap_or(UNIX_EPOCH)))
            .unwrap_or((0, UNIX_EPOCH));
        times.push(m);
        let _ = writeln!(text, "file {f} {size} {}", nanos(m));
    }
    let settled = times
        .iter()
        .all(|t| now.duration_since(*t).is_ok_and(|age| age >= SETTLE));
    Ok(Stamp { text, settled })
}

/// The files a stored stamp names (so the next look stats them again).
#[must_use]
pub fn files_in(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("file "))
        .filter_map(|rest| rest.split(' ').next())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_new_file_in_another_device_folder_changes_the_stamp_and_ones_own_does_not() {
        let tmp = tempfile::tempdir().unwrap();
        let root = folder::devices_dir(tmp.path());
        fs::create_dir_all(root.join("me")).unwrap();
        fs::create_dir_all(root.join("other")).unwrap();
        let later = SystemTime::now() + Duration::from_secs(60);
        let before = stamp(tmp.path(), "me", &[], later).unwrap();
        assert!(before.settled);
        assert_eq!(before.text.lines().count(), 2, "{}", before.text);
        // Folder times tick coarsely: wait past one tick before each change.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("me").join("000000001-000000001.jsonl"), "x\n").unwrap();
        assert_eq!(stamp(tmp.path(), "me", &[], later).unwrap(), before);
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("other").join("000000001-000000001.jsonl"), "x\n").unwrap();
        let after = stamp(tmp.path(), "me", &[], later).unwrap();
        assert_ne!(after, before);
        // Just now is not settled: the same tick could still hide another file.
        assert!(
            !stamp(tmp.path(), "me", &[], SystemTime::now())
                .unwrap()
                .settled
        );
        // A file not applied yet is watched by size too (completed in place).
        let file = "other/000000001-000000001.jsonl".to_string();
        let one = stamp(tmp.path(), "me", std::slice::from_ref(&file), later).unwrap();
        assert_eq!(files_in(&one.text), vec![file.clone()]);
        fs::write(root.join(&file), "xy\n").unwrap();
        assert_ne!(stamp(tmp.path(), "me", &[file], later).unwrap(), one);
        // An unmounted folder is an error, not "unchanged".
        assert!(stamp(&tmp.path().join("gone"), "me", &[], later).is_err());
    }
}
