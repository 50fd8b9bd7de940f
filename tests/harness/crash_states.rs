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

use crate::harness::Env;
pub use crate::strace_record::{Trace, record};

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
    pub names: BTreeMap<PathBuf, usize>,
    pub inodes: Vec<Vec<u8>>,
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
    pub fn apply(&mut self, op: &Op, torn: Option<(usize, usize)>) {
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
