//! The files themselves: their modes, which file system holds them (`statfs`), and
//! how much room is left on it.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::checks::{Check, Status, check, keyed};

/// The database, its `-wal`/`-shm` files, its folder and the config must not be
/// readable by group or others (they hold who worked when).
/// Temp files an interrupted backup or export left in the database's folder
/// (`.otium-backup-*.tmp`, `.otium-*.tmp`). One younger than ten minutes may belong to
/// a backup running now, so only older ones are reported.
pub(super) fn leftovers(db: &Path) -> Check {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stale = std::time::Duration::from_secs(600);
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.starts_with(".otium-") && name.ends_with(".tmp")
        })
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= stale)
        })
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    if found.is_empty() {
        return keyed("leftovers", Status::Ok, "admin-doctor-leftovers-ok", vec![]);
    }
    keyed(
        "leftovers",
        Status::Warn,
        "admin-doctor-leftovers-found",
        vec![
            ("count", found.len().to_string()),
            ("dir", dir.display().to_string()),
            ("files", found.join(", ")),
        ],
    )
}

pub(super) fn mode_checks(db: &Path) -> Vec<Check> {
    let mut files: Vec<(PathBuf, bool)> = vec![(db.to_path_buf(), true)];
    for suffix in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        files.push((PathBuf::from(p), false));
    }
    let mut shown = Vec::new();
    let mut open = Vec::new();
    for (file, required) in files {
        match std::fs::metadata(&file) {
            // Only regular files: a config of /dev/null has nothing to protect.
            Ok(meta) if meta.is_file() => {
                let mode = meta.permissions().mode() & 0o777;
                let entry = format!("{} {mode:04o}", file.display());
                if mode & 0o077 != 0 {
                    open.push((entry, file));
                } else {
                    shown.push(entry);
                }
            }
            Ok(_) => {}
            Err(e) if required => {
                return vec![keyed(
                    "file_modes",
                    Status::Fail,
                    "admin-doctor-modes-unreadable",
                    vec![
                        ("path", file.display().to_string()),
                        ("error", e.to_string()),
                    ],
                )];
            }
            Err(_) => {}
        }
    }
    if open.is_empty() {
        vec![check("file_modes", Status::Ok, shown.join(", "))]
    } else {
        let entries: Vec<&str> = open.iter().map(|(e, _)| e.as_str()).collect();
        let names: Vec<String> = open.iter().map(|(_, p)| p.display().to_string()).collect();
        vec![keyed(
            "file_modes",
            Status::Warn,
            "admin-doctor-modes-open",
            vec![("entries", entries.join(", ")), ("names", names.join(" "))],
        )]
    }
}

/// The config file: a symlink, a file others can write, or one others can read is
/// an advisory warning ([`Check::advisory`]), never a failed doctor. It holds no
/// secrets, so being readable is harmless; a symlink (a dotfile manager's) or a
/// file others can change is worth knowing about. otium reads it in every case.
/// `None` when there is no config file.
pub(super) fn config_check(config: Option<&Path>) -> Option<Check> {
    let path = config?;
    let link = std::fs::symlink_metadata(path).ok()?;
    let target = link.file_type().is_symlink().then(|| {
        std::fs::read_link(path).map_or_else(|_| "?".to_string(), |t| t.display().to_string())
    });
    // The file itself, through the link: only a regular file has a mode worth reading
    // (a config of /dev/null has nothing to protect).
    let meta = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file);
    let mode = meta.map(|m| m.permissions().mode() & 0o777);
    let open = match mode {
        Some(mode) if mode & 0o002 != 0 => Some("writable"),
        Some(mode) if mode & 0o044 != 0 => Some("readable"),
        _ => None,
    };
    let shown = match mode {
        Some(mode) => format!("{} {mode:04o}", path.display()),
        None => path.display().to_string(),
    };
    // One message per combination, so each language can say it as a whole.
    let key = match (target.is_some(), open) {
        (false, None) => return Some(check("config_file", Status::Ok, shown)),
        (true, None) => "admin-doctor-config-symlink",
        (false, Some("writable")) => "admin-doctor-config-writable",
        (false, Some(_)) => "admin-doctor-config-readable",
        (true, Some("writable")) => "admin-doctor-config-symlink-writable",
        (true, Some(_)) => "admin-doctor-config-symlink-readable",
    };
    Some(Check {
        advisory: true,
        ..keyed(
            "config_file",
            Status::Warn,
            key,
            vec![
                ("path", path.display().to_string()),
                ("target", target.unwrap_or_default()),
                ("mode", mode.map(|m| format!("{m:04o}")).unwrap_or_default()),
            ],
        )
    })
}

/// A file system as `statfs` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSystem {
    /// A local disk or memory file system.
    Local(String),
    /// NFS, SMB/CIFS, FUSE (sshfs, …), 9p, AFS, Ceph: SQLite's locks are not reliable there.
    Network(String),
    /// Not recognised (or not Linux).
    Unknown(String),
}

impl FileSystem {
    /// Its name, for the report.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            FileSystem::Local(n) | FileSystem::Network(n) | FileSystem::Unknown(n) => n,
        }
    }
}

/// Names a `statfs` magic number (`f_type`), from Linux's `magic.h`.
#[must_use]
pub fn classify_magic(magic: u64) -> FileSystem {
    let local = |n: &str| FileSystem::Local(n.to_string());
    let network = |n: &str| FileSystem::Network(n.to_string());
    match magic & 0xFFFF_FFFF {
        0xEF53 => local("ext2/ext3/ext4"),
        0x5846_5342 => local("xfs"),
        0x9123_683E => local("btrfs"),
        0x0102_1994 => local("tmpfs"),
        0x794C_7630 => local("overlayfs"),
        0x2FC1_2FC1 => local("zfs"),
        0xF2F5_2010 => local("f2fs"),
        0x4D44 => local("vfat"),
        0x2011_BAB0 => local("exfat"),
        0x5346_544E => local("ntfs"),
        0x3153_464A => local("jfs"),
        0x5265_4973 => local("reiserfs"),
        0x6969 => network("nfs"),
        0x517B => network("smb"),
        0xFF53_4D42 => network("cifs"),
        0xFE53_4D42 => network("smb2"),
        0x6573_5546 => network("fuse (e.g. sshfs)"),
        0x0102_1997 => network("9p"),
        0x5346_414F => network("afs"),
        0x00C3_6400 => network("ceph"),
        0x7375_7245 => network("coda"),
        other => FileSystem::Unknown(format!("unknown (statfs magic {other:#x})")),
    }
}

/// The file system holding `dir`.
#[must_use]
pub fn file_system(dir: &Path) -> FileSystem {
    #[cfg(target_os = "linux")]
    {
        match rustix::fs::statfs(dir) {
            #[allow(clippy::cast_sign_loss, clippy::unnecessary_cast)]
            Ok(st) => classify_magic(st.f_type as u64),
            Err(e) => FileSystem::Unknown(format!("unknown ({e})")),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = dir;
        FileSystem::Unknown("unknown (not checked on this system)".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_name_network_file_systems() {
        assert_eq!(classify_magic(0x6969), FileSystem::Network("nfs".into()));
        assert!(matches!(
            classify_magic(0xFF53_4D42),
            FileSystem::Network(_)
        ));
        assert!(matches!(
            classify_magic(0xFE53_4D42),
            FileSystem::Network(_)
        ));
        assert!(matches!(classify_magic(0x517B), FileSystem::Network(_)));
        assert!(
            matches!(classify_magic(0x6573_5546), FileSystem::Network(n) if n.contains("sshfs"))
        );
        assert_eq!(
            classify_magic(0xEF53),
            FileSystem::Local("ext2/ext3/ext4".into())
        );
        assert_eq!(
            classify_magic(0x0102_1994),
            FileSystem::Local("tmpfs".into())
        );
        // A sign-extended 32-bit magic (f_type is signed on some systems) still matches.
        assert!(matches!(
            classify_magic(0xFFFF_FFFF_FF53_4D42),
            FileSystem::Network(_)
        ));
        assert!(matches!(classify_magic(0x1234), FileSystem::Unknown(_)));
    }

    #[test]
    fn the_temp_folder_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let fs = file_system(dir.path());
        assert!(!matches!(fs, FileSystem::Network(_)), "{fs:?}");
    }
}
