//! Power-loss crash states, in the style of ALICE and CrashMonkey: a command's
//! file-system calls are recorded with their data under `strace`, then replayed onto a
//! copy of the files as they were before it, keeping only what a power cut may leave.
//!
//! The persistence model is the pessimistic one POSIX allows:
//! - a write or truncate of a file is certain only once an `fsync`/`fdatasync` of that
//!   file has returned; until then it may be lost, independently of every other
//!   unsynced call, and the one in flight may be torn (only part of its bytes written,
//!   never bytes outside it: SQLite's "powersafe overwrite");
//! - a name (a file created, unlinked, renamed or linked) is certain only once its
//!   folder has been fsynced: fsyncing the file itself does not make its name durable;
//! - the `-shm` file is memory-mapped and never synced: it is dropped from every state,
//!   and SQLite's first connection rebuilds it from the `-wal` (recovery).
//!
//! A crash point `k` means the first `k` recorded calls were issued. The states built
//! are, for every `k`, all of them applied (the page cache reached the disk) and the
//! same with the last write torn; and at every sync barrier and at the end, the
//! durable calls alone plus seeded random subsets of the unsynced ones (some with a
//! torn write). Identical states are checked once.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::harness::{Env, NOW};

/// The calls traced: every way these programs change a file or a name, and the ones
/// that say where (`openat`, `lseek`, `close`). A traced call the replay cannot model
/// on a file under test fails the test rather than being ignored.
const TRACED: &str = "trace=openat,creat,open,write,pwrite64,writev,pwritev,pwritev2,lseek,\
fsync,fdatasync,sync_file_range,ftruncate,truncate,fallocate,rename,renameat,renameat2,\
link,linkat,unlink,unlinkat,mkdir,mkdirat,close";

/// One recorded call, resolved to inodes of the replayed file system.
#[derive(Clone, Debug)]
pub enum Op {
    /// A new, empty file at `path` (its name needs a folder sync).
    Create {
        path: PathBuf,
        ino: usize,
    },
    /// `data` written at `off`.
    Write {
        ino: usize,
        off: u64,
        data: Vec<u8>,
    },
    /// The file cut (or zero-extended) to `len`.
    Truncate {
        ino: usize,
        len: u64,
    },
    Unlink {
        path: PathBuf,
    },
    Rename {
        from: PathBuf,
        to: PathBuf,
    },
    Link {
        from: PathBuf,
        to: PathBuf,
    },
    /// `fsync`/`fdatasync` of a file: its writes so far are on disk.
    Sync {
        ino: usize,
    },
    /// `fsync` of a folder: its names so far are on disk.
    DirSync {
        dir: PathBuf,
    },
    /// The command's first write to stdout: it has told the user it is done.
    Ack,
}

impl Op {
    fn dirs(&self) -> Vec<PathBuf> {
        let parent = |p: &Path| p.parent().unwrap().to_path_buf();
        match self {
            Op::Create { path, .. } | Op::Unlink { path } => vec![parent(path)],
            Op::Rename { from, to } | Op::Link { from, to } => vec![parent(from), parent(to)],
            _ => Vec::new(),
        }
    }

    pub fn is_barrier(&self) -> bool {
        matches!(self, Op::Sync { .. } | Op::DirSync { .. })
    }
}

/// Files by path (relative to the environment's folder) and their contents by inode.
#[derive(Clone, Debug, Default)]
pub struct Fs {
    names: BTreeMap<PathBuf, usize>,
    inodes: Vec<Vec<u8>>,
}

impl Fs {
    /// A file system holding `files` (by relative path), for a hand-made trace.
    pub fn from_files(files: &[(&str, &[u8])]) -> Self {
        let mut fs = Fs::default();
        for (path, bytes) in files {
            fs.inodes.push(bytes.to_vec());
            fs.names.insert(PathBuf::from(path), fs.inodes.len() - 1);
        }
        fs
    }

    /// Room for `n` more inodes, created by the trace's `Create` calls.
    pub fn with_new_inodes(mut self, n: usize) -> Self {
        self.inodes.resize(self.inodes.len() + n, Vec::new());
        self
    }

    /// `op` applied; a torn write keeps only `data[range]`.
    fn apply(&mut self, op: &Op, torn: Option<(usize, usize)>) {
        match op {
            Op::Create { path, ino } => {
                self.names.insert(path.clone(), *ino);
            }
            Op::Write { ino, off, data } => {
                let (from, to) = torn.unwrap_or((0, data.len()));
                let file = &mut self.inodes[*ino];
                let start = usize::try_from(*off).unwrap() + from;
                if file.len() < start + (to - from) {
                    file.resize(start + (to - from), 0);
                }
                file[start..start + (to - from)].copy_from_slice(&data[from..to]);
            }
            Op::Truncate { ino, len } => {
                self.inodes[*ino].resize(usize::try_from(*len).unwrap(), 0)
            }
            Op::Unlink { path } => {
                self.names.remove(path);
            }
            // A rename or link whose source name was lost finds nothing to move.
            Op::Rename { from, to } => {
                if let Some(ino) = self.names.remove(from) {
                    self.names.insert(to.clone(), ino);
                }
            }
            Op::Link { from, to } => {
                if let Some(&ino) = self.names.get(from) {
                    self.names.entry(to.clone()).or_insert(ino);
                }
            }
            Op::Sync { .. } | Op::DirSync { .. } | Op::Ack => {}
        }
    }

    /// Every file by its path relative to the environment's folder, without `-shm`.
    pub fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        self.names
            .iter()
            .filter(|(p, _)| !p.to_string_lossy().ends_with("-shm"))
            .map(|(p, &ino)| (p.clone(), self.inodes[ino].clone()))
            .collect()
    }
}

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

/// A small deterministic generator (xorshift64*), so the sampled states repeat.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

/// One state a power cut could leave.
pub struct CrashState {
    /// How it was built, for a failure message.
    pub label: String,
    /// The files, by path relative to the environment's folder.
    pub files: BTreeMap<PathBuf, Vec<u8>>,
    /// Whether the command had already told the user it succeeded.
    pub acknowledged: bool,
}

impl CrashState {
    /// A fresh environment holding exactly this state's files.
    pub fn materialize(&self) -> Env {
        let env = Env::new();
        for (rel, bytes) in &self.files {
            let path = env.dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        env
    }
}

/// How many states of each kind were built (before duplicates were dropped).
#[derive(Default, Debug)]
pub struct Built {
    pub prefixes: usize,
    pub torn: usize,
    pub subsets: usize,
}

/// The crash states of `trace`, without duplicates; `subsets` random subsets of the
/// unsynced calls at each barrier (all of them when there are few enough).
pub fn crash_states(trace: &Trace, seed: u64, subsets: usize) -> (Vec<CrashState>, Built) {
    let ops = &trace.ops;
    let n = ops.len();
    // The first barrier after each call that makes it durable (n + 1: none).
    let durable_at: Vec<usize> = (0..n).map(|i| first_sync_after(ops, i)).collect();
    let ack = ops.iter().position(|op| matches!(op, Op::Ack));
    let mut rng = Rng(seed);
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let mut states = Vec::new();
    let mut built = Built::default();
    let mut keep = |label: String, k: usize, fs: Fs, states: &mut Vec<CrashState>| {
        let files = fs.files();
        let mut h = DefaultHasher::new();
        files.hash(&mut h);
        let acknowledged = ack.is_some_and(|a| a < k);
        match seen.entry(h.finish()) {
            // The same files after the answer must hold the change too.
            Entry::Occupied(e) => {
                let state: &mut CrashState = &mut states[*e.get()];
                if acknowledged && !state.acknowledged {
                    state.acknowledged = true;
                    state.label = label;
                }
            }
            Entry::Vacant(e) => {
                e.insert(states.len());
                states.push(CrashState {
                    label,
                    files,
                    acknowledged,
                });
            }
        }
    };
    let build =
        |k: usize, keep_op: &dyn Fn(usize) -> bool, torn: Option<(usize, (usize, usize))>| {
            let mut fs = trace.initial.clone();
            for (i, op) in ops.iter().enumerate().take(k) {
                if durable_at[i] < k || keep_op(i) {
                    fs.apply(op, torn.filter(|t| t.0 == i).map(|t| t.1));
                }
            }
            fs
        };
    for k in 0..=n {
        // Everything issued reached the disk (what a kill leaves).
        keep(
            format!("prefix {k}/{n}"),
            k,
            build(k, &|_| true, None),
            &mut states,
        );
        built.prefixes += 1;
        if k > 0
            && let Op::Write { data, .. } = &ops[k - 1]
            && data.len() > 1
        {
            let cut = tear(&mut rng, data.len());
            keep(
                format!("prefix {k}/{n}, the last write torn {cut:?}"),
                k,
                build(k, &|_| true, Some((k - 1, cut))),
                &mut states,
            );
            built.torn += 1;
        }
        let at_barrier = k == n || ops[k].is_barrier();
        if !at_barrier {
            continue;
        }
        let pending: Vec<usize> = (0..k).filter(|&i| durable_at[i] >= k).collect();
        let all = pending.len() <= 6 && (1usize << pending.len()) <= subsets;
        let count = if all {
            1usize << pending.len()
        } else {
            subsets
        };
        for s in 0..count {
            let chosen: HashSet<usize> = if all {
                (0..pending.len())
                    .filter(|b| s & (1 << b) != 0)
                    .map(|b| pending[b])
                    .collect()
            } else if s == 0 {
                HashSet::new() // the durable calls alone
            } else {
                pending
                    .iter()
                    .copied()
                    .filter(|_| rng.next() & 1 == 1)
                    .collect()
            };
            // Half the random subsets also tear one of their writes.
            let writes: Vec<usize> = chosen
                .iter()
                .copied()
                .filter(|&i| matches!(&ops[i], Op::Write { data, .. } if data.len() > 1))
                .collect();
            let torn = if !all && s % 2 == 1 && !writes.is_empty() {
                let mut sorted = writes;
                sorted.sort_unstable();
                let i = sorted[rng.below(sorted.len())];
                let Op::Write { data, .. } = &ops[i] else {
                    unreachable!()
                };
                Some((i, tear(&mut rng, data.len())))
            } else {
                None
            };
            let mut ids: Vec<_> = chosen.iter().copied().collect();
            ids.sort_unstable();
            keep(
                format!(
                    "barrier {k}/{n}: durable calls plus unsynced {ids:?} of {pending:?}, torn {torn:?}"
                ),
                k,
                build(k, &|i| chosen.contains(&i), torn),
                &mut states,
            );
            built.subsets += 1;
        }
    }
    (states, built)
}

/// The index of the first barrier after call `i` that makes it durable, or `n + 1`.
fn first_sync_after(ops: &[Op], i: usize) -> usize {
    let never = ops.len() + 1;
    let synced_by = |want: &dyn Fn(&Op) -> bool| {
        ops.iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, op)| want(op))
            .map_or(never, |(j, _)| j)
    };
    match &ops[i] {
        Op::Write { ino, .. } | Op::Truncate { ino, .. } => {
            synced_by(&|op| matches!(op, Op::Sync { ino: s } if s == ino))
        }
        op @ (Op::Create { .. } | Op::Unlink { .. } | Op::Rename { .. } | Op::Link { .. }) => op
            .dirs()
            .iter()
            .map(|d| synced_by(&|op| matches!(op, Op::DirSync { dir } if dir == d)))
            .max()
            .unwrap_or(never),
        Op::Sync { .. } | Op::DirSync { .. } | Op::Ack => 0,
    }
}

/// A torn write: a prefix or a suffix of the bytes, cut at a random byte (not on a
/// sector boundary, the worst case), as `(from, to)` of the data kept.
fn tear(rng: &mut Rng, len: usize) -> (usize, usize) {
    let cut = 1 + rng.below(len - 1);
    if rng.next() & 1 == 0 {
        (0, cut)
    } else {
        (cut, len)
    }
}
