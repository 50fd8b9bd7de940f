//! `-o FILE` on things that are not regular files: a device or FIFO is written in
//! place (never replaced by a regular file), a symlink is followed, a folder, a
//! dangling symlink or a socket is refused with the path left as it was.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use crate::env::{TestEnv, code};

/// One session, so an export has a known body.
fn env_with_a_session() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["add", "coding", "--from", "2026-03-02 09:00", "--for", "1h"]);
    env
}

fn is_symlink(p: &Path) -> bool {
    std::fs::symlink_metadata(p)
        .unwrap()
        .file_type()
        .is_symlink()
}

#[test]
fn a_symlink_to_dev_null_stays_a_symlink_to_the_device() {
    let env = env_with_a_session();
    let link = env.dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let l = link.to_str().unwrap();
    // With and without --force: nothing is replaced, so nothing needs forcing.
    for args in [
        &["export", "-o", l, "--force"][..],
        &["export", "-o", l][..],
        &["report", "--format", "md", "-o", l, "--force"][..],
    ] {
        let out = env.ok(args);
        assert_eq!(out, "", "{args:?}");
        assert!(is_symlink(&link), "{args:?}: the link was replaced");
        assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("/dev/null"));
        assert!(
            std::fs::metadata(&link)
                .unwrap()
                .file_type()
                .is_char_device(),
            "{args:?}"
        );
    }
}

#[test]
fn a_fifo_is_written_in_place_and_stays_a_fifo() {
    let env = env_with_a_session();
    let fifo = env.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // The reading end, opened without waiting for a writer, so otium's open does not
    // block and the test cannot hang if otium never opens the FIFO.
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(&fifo)
        .unwrap();
    let expected = env.ok(&["export"]);
    assert!(expected.contains("coding"), "{expected}");
    env.ok(&["export", "-o", fifo.to_str().unwrap(), "--force"]);
    let mut got = String::new();
    reader.read_to_string(&mut got).unwrap();
    assert_eq!(got, expected);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO was replaced by a file"
    );
}

#[test]
fn a_symlink_to_a_file_is_followed_and_kept() {
    let env = env_with_a_session();
    let real = env.dir.path().join("real.csv");
    let link = env.dir.path().join("link.csv");
    std::fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let l = link.to_str().unwrap();
    // Without --force the file behind the link counts as existing.
    let err = env.fails(&["export", "-o", l], code::INVALID);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "old\n");
    env.ok(&["export", "-o", l, "--force"]);
    assert!(is_symlink(&link), "the link was replaced by a file");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), env.ok(&["export"]));
}

#[test]
fn a_folder_a_dangling_symlink_and_a_socket_are_refused() {
    let env = env_with_a_session();
    let dir = env.dir.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    let err = env.fails(
        &["export", "-o", dir.to_str().unwrap(), "--force"],
        code::INVALID,
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is a folder, not a regular file"), "{err}");
    assert!(std::fs::metadata(&dir).unwrap().is_dir());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);

    let dangling = env.dir.path().join("dangling");
    std::os::unix::fs::symlink(env.dir.path().join("missing"), &dangling).unwrap();
    let err = env.fails(
        &["export", "-o", dangling.to_str().unwrap(), "--force"],
        code::INVALID,
    );
    assert!(
        err.contains("symlink to a file that does not exist"),
        "{err}"
    );
    assert!(is_symlink(&dangling));
    assert!(!env.dir.path().join("missing").exists());

    let socket = env.dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let err = env.fails(
        &["export", "-o", socket.to_str().unwrap(), "--force"],
        code::INVALID,
    );
    assert!(err.contains("is a socket"), "{err}");
    assert!(
        std::fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
    // No temp file was left behind in the folder.
    let stray: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".otium-"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}
