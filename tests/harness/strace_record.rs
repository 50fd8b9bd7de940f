//! Recording a command's file-system calls under `strace` (`-y -xx` with every buffer
//! in full) and turning the log into [`Op`]s on the files inside its folder, for
//! `crash_states.rs` to replay.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::crash_states::{Fs, Op};
use crate::harness::{Env, NOW};

/// The calls traced: every way these programs change a file or a name, and the ones
/// that say where (`openat`, `lseek`, `close`). A traced call the replay cannot model
/// on a file under test fails the test rather than being ignored.
const TRACED: &str = "trace=openat,?creat,?open,write,pwrite64,writev,pwritev,pwritev2,lseek,\
fsync,fdatasync,sync_file_range,ftruncate,truncate,fallocate,?rename,?renameat,renameat2,\
?link,linkat,?unlink,unlinkat,?mkdir,mkdirat,close";

/// A command's recorded calls and the files before it.
pub struct Trace {
    pub initial: Fs,
    pub ops: Vec<Op>,
    /// Lines of the strace log that were parsed into a call on a file under test.
    pub calls: usize,
}

/// Runs `otium ARGS…` in `env` under strace with every buffer in full, and returns its
/// output and the calls it made on files inside the environment's folder.
pub fn record(env: &Env, args: &[String]) -> (Output, Trace) {
    let root = env.dir.path().to_path_buf();
    let mut initial = Fs::default();
    snapshot_dir(&root, &root, &mut initial);
    let log_dir = tempfile::tempdir().unwrap();
    let log = log_dir.path().join("strace.log");
    let log_arg = log.to_string_lossy().into_owned();
    let prefix = [
        "strace", "-f", "-qq", "-y", "-xx", "-s", "16777216", "-o", &log_arg, "-e", TRACED,
    ];
    let out = env.command(&prefix, args, NOW).output().unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    let trace = parse(&text, &root, initial);
    assert!(
        trace.calls > 0,
        "strace recorded no call on the files under test"
    );
    (out, trace)
}

fn snapshot_dir(root: &Path, dir: &Path, fs: &mut Fs) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            snapshot_dir(root, &path, fs);
        } else {
            fs.inodes.push(std::fs::read(&path).unwrap());
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            fs.names.insert(rel, fs.inodes.len() - 1);
        }
    }
}

/// What an open descriptor refers to.
#[derive(Clone)]
enum Handle {
    File { ino: usize, pos: u64 },
    Dir(PathBuf),
}

/// Turns strace's log into calls on the files under `root`; calls on anything else
/// (libraries, the config read, stderr) are left out, except the first write to stdout.
fn parse(text: &str, root: &Path, initial: Fs) -> Trace {
    let mut live = initial.clone();
    let mut fds: HashMap<i64, Handle> = HashMap::new();
    let mut ops = Vec::new();
    let mut calls = 0;
    let mut acked = false;
    // strace shows descriptors by their real path, otium names files as it was told.
    let real = root.canonicalize().unwrap();
    let inside = |p: &Path| {
        p.strip_prefix(&real)
            .or_else(|_| p.strip_prefix(root))
            .ok()
            .map(Path::to_path_buf)
    };
    let mut emitted: Vec<Op> = Vec::new();
    for line in text.lines() {
        assert!(
            !line.contains("<unfinished") && !line.contains("resumed>"),
            "interleaved threads are not modelled: {line}"
        );
        // `PID name(args) = ret`; exits and signals have no `(`.
        let line = line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        let Some((name, rest)) = line.split_once('(') else {
            continue;
        };
        let Some((args, ret)) = rest.rsplit_once(") = ") else {
            continue;
        };
        if ret.starts_with('-') {
            continue; // a failed call changed nothing
        }
        let args = split_args(args);
        let ret_num: i64 = ret
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or("0")
            .parse()
            .unwrap_or(0);
        let fd_of = |arg: &str| -> i64 { arg.split('<').next().unwrap().parse().unwrap() };
        let mut emit = |op: Op, _: &mut Fs| emitted.push(op);
        match name {
            "openat" | "open" | "creat" => {
                let (path, flags) = if name == "openat" {
                    (decoded_path(&args[0], &args[1]), args[2].as_str())
                } else if name == "open" {
                    (decoded_path("", &args[0]), args[1].as_str())
                } else {
                    (decoded_path("", &args[0]), "O_CREAT|O_TRUNC")
                };
                let Some(rel) = inside(&path) else { continue };
                if path.is_dir() {
                    fds.insert(ret_num, Handle::Dir(rel));
                    continue;
                }
                let ino = if let Some(&ino) = live.names.get(&rel) {
                    if flags.contains("O_TRUNC") {
                        emit(Op::Truncate { ino, len: 0 }, &mut live);
                    }
                    ino
                } else {
                    assert!(flags.contains("O_CREAT"), "{line}");
                    live.inodes.push(Vec::new());
                    let ino = live.inodes.len() - 1;
                    emit(Op::Create { path: rel, ino }, &mut live);
                    ino
                };
                let pos = if flags.contains("O_APPEND") {
                    live.inodes[ino].len() as u64
                } else {
                    0
                };
                fds.insert(ret_num, Handle::File { ino, pos });
            }
            "close" => {
                fds.remove(&fd_of(&args[0]));
            }
            "write" | "pwrite64" => {
                let fd = fd_of(&args[0]);
                if fd == 1 && !acked {
                    acked = true;
                    ops.push(Op::Ack);
                    continue;
                }
                let Some(Handle::File { ino, pos }) = fds.get_mut(&fd) else {
                    continue;
                };
                let mut data = unescape(&args[1]);
                data.truncate(usize::try_from(ret_num).unwrap());
                let off = if name == "write" {
                    let off = *pos;
                    *pos += ret_num as u64;
                    off
                } else {
                    args[3].parse().unwrap()
                };
                let ino = *ino;
                emit(Op::Write { ino, off, data }, &mut live);
            }
            "lseek" => {
                if let Some(Handle::File { pos, .. }) = fds.get_mut(&fd_of(&args[0])) {
                    *pos = ret_num as u64;
                }
            }
            "fsync" | "fdatasync" => match fds.get(&fd_of(&args[0])) {
                Some(Handle::File { ino, .. }) => {
                    let ino = *ino;
                    emit(Op::Sync { ino }, &mut live);
                }
                Some(Handle::Dir(dir)) => {
                    let dir = dir.clone();
                    emit(Op::DirSync { dir }, &mut live);
                }
                None => {}
            },
            "ftruncate" => {
                if let Some(Handle::File { ino, .. }) = fds.get(&fd_of(&args[0])) {
                    let (ino, len) = (*ino, args[1].parse().unwrap());
                    emit(Op::Truncate { ino, len }, &mut live);
                }
            }
            "unlink" | "unlinkat" => {
                let path = if name == "unlink" {
                    decoded_path("", &args[0])
                } else {
                    assert!(!args[2].contains("AT_REMOVEDIR"), "{line}");
                    decoded_path(&args[0], &args[1])
                };
                if let Some(path) = inside(&path) {
                    emit(Op::Unlink { path }, &mut live);
                }
            }
            "rename" | "renameat" | "renameat2" | "link" | "linkat" => {
                let (from, to) = if name == "rename" || name == "link" {
                    (decoded_path("", &args[0]), decoded_path("", &args[1]))
                } else {
                    (
                        decoded_path(&args[0], &args[1]),
                        decoded_path(&args[2], &args[3]),
                    )
                };
                match (inside(&from), inside(&to)) {
                    (Some(from), Some(to)) if name.starts_with("link") => {
                        emit(Op::Link { from, to }, &mut live);
                    }
                    (Some(from), Some(to)) => emit(Op::Rename { from, to }, &mut live),
                    (None, None) => {}
                    _ => panic!("a name moved into or out of the folder under test: {line}"),
                }
            }
            "mkdir" | "mkdirat" | "truncate" | "fallocate" | "writev" | "pwritev" | "pwritev2"
            | "sync_file_range" => {
                assert!(
                    !line.contains(&hex(&real)) && !line.contains(&hex(root)),
                    "a call the replay does not model touched the folder under test: {line}"
                );
            }
            _ => {}
        }
        for op in emitted.drain(..) {
            live.apply(&op, None);
            ops.push(op);
            calls += 1;
        }
    }
    // Inodes created during the run start empty and unnamed in every replay.
    let mut initial = initial;
    initial.inodes.resize(live.inodes.len(), Vec::new());
    Trace {
        initial,
        ops,
        calls,
    }
}

/// Splits a call's arguments at top-level commas (strings are all `\xNN` under `-xx`,
/// so none holds a comma or a quote).
fn split_args(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut current) = (0i32, String::new());
    for c in args.chars() {
        match c {
            '[' | '{' | '<' => depth += 1,
            ']' | '}' | '>' => depth -= 1,
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_string());
    out
}

/// The bytes of a `"\x41\x42"` string (strace `-xx`) or of a `<\x2f…>` decoration.
fn unescape(arg: &str) -> Vec<u8> {
    assert!(
        !arg.ends_with("..."),
        "strace cut a buffer short; raise -s: {arg:.80}"
    );
    let body = arg.trim_matches(|c| c == '"' || c == '<' || c == '>');
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'x') {
            let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 4;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn hex(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(|b| format!("\\x{b:02x}"))
        .collect()
}

/// The path a `(dirfd, "name")` pair names: the name itself when absolute, else joined
/// to the folder strace shows for the descriptor (`AT_FDCWD</cwd>`).
fn decoded_path(dirfd: &str, name: &str) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    let name = PathBuf::from(std::ffi::OsString::from_vec(unescape(name)));
    if name.is_absolute() || dirfd.is_empty() {
        return name;
    }
    let dir = dirfd.split_once('<').map(|(_, d)| d).unwrap_or("");
    PathBuf::from(std::ffi::OsString::from_vec(unescape(dir))).join(name)
}
