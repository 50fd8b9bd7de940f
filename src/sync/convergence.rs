//! The convergence property: three simulated devices make random changes offline,
//! hand each other their segment files in random order, late, twice, and truncated
//! (as a sync tool may), and after every device has seen every whole file all of
//! them show identical sessions and have applied every record ever written.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::needless_range_loop)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use proptest::prelude::*;
use serde_json::{Value, json};

use super::folder::{self, DeviceInfo};
use super::hlc::HlcClock;
use super::merge::{Doc, SyncedSession, conflicts, sessions};
use super::record::{Entity, Field, Op, Record, VERSION};

const DEVICES: [&str; 3] = ["dev-a", "dev-b", "dev-c"];

#[derive(Debug, Clone)]
enum Action {
    Start(i64),
    Stop(i64),
    Add(i64, i64),
    Edit(usize, u8, i64),
    Rm(usize),
    Cancel,
    Continue(i64),
    Import(i64, u8),
    /// Device `to` receives segment `pick` of device `from`, whole or truncated.
    Deliver {
        from: usize,
        pick: usize,
        truncated: bool,
    },
    /// Device writes its pending records as a segment.
    Flush,
}

fn action() -> impl Strategy<Value = (usize, Action)> {
    let a = prop_oneof![
        1 => (0..5000i64).prop_map(Action::Start),
        1 => (0..5000i64).prop_map(Action::Stop),
        1 => (0..5000i64, 1..300i64).prop_map(|(s, l)| Action::Add(s, l)),
        1 => (0..20usize, 0..4u8, 0..5000i64).prop_map(|(i, f, t)| Action::Edit(i, f, t)),
        1 => (0..20usize).prop_map(Action::Rm),
        1 => Just(Action::Cancel),
        1 => (0..5000i64).prop_map(Action::Continue),
        1 => (0..5000i64, 1..4u8).prop_map(|(s, n)| Action::Import(s, n)),
        3 => (0..3usize, 0..8usize, any::<bool>())
            .prop_map(|(from, pick, truncated)| Action::Deliver { from, pick, truncated }),
        2 => Just(Action::Flush),
    ];
    (0..3usize, a)
}

struct Device {
    id: &'static str,
    clock: HlcClock,
    seq: u64,
    skew: u64,
    docs: BTreeMap<String, Doc>,
    applied: BTreeSet<(String, u64)>,
    pending: Vec<Record>,
    /// This device's copy of the folder (what its sync tool delivered).
    dir: tempfile::TempDir,
    fresh: u32,
    /// The whole segments already applied (a sync reads only new files).
    read: BTreeSet<(String, String)>,
}

impl Device {
    fn view(&self) -> Vec<SyncedSession> {
        sessions(&self.docs)
    }

    fn apply(&mut self, r: &Record) {
        self.clock.observe(r.hlc);
        self.applied.insert((r.device.clone(), r.seq));
        self.docs.entry(r.uuid.clone()).or_default().apply(r);
    }

    fn emit(&mut self, wall: u64, uuid: &str, op: Op, fields: Vec<(Field, Value)>) {
        self.seq += 1;
        let r = Record {
            v: VERSION,
            device: self.id.to_string(),
            seq: self.seq,
            hlc: self.clock.tick(wall + self.skew),
            entity: Entity::Session,
            uuid: uuid.to_string(),
            op,
            fields: fields.into_iter().collect(),
        };
        self.apply(&r);
        self.pending.push(r);
    }

    fn create(&mut self, wall: u64, start: i64, end: Option<i64>, project: &str) {
        self.fresh += 1;
        let uuid = format!("{}-{}", self.id, self.fresh);
        let fields = vec![
            (Field::Project, json!(project)),
            (Field::Tags, json!([])),
            (Field::Note, Value::Null),
            (Field::Start, json!(start)),
            (Field::End, json!(end)),
            (Field::Zone, json!("UTC")),
        ];
        self.emit(wall, &uuid, Op::Put, fields);
    }

    fn running(&self) -> Option<SyncedSession> {
        self.view().into_iter().find(|s| s.end.is_none())
    }

    fn stop_running_at(&mut self, wall: u64, at: i64) {
        if let Some(r) = self.running() {
            let end = at.max(r.start + 1);
            self.emit(wall, &r.uuid, Op::Put, vec![(Field::End, json!(end))]);
        }
    }

    fn act(&mut self, wall: u64, a: &Action) {
        let view = self.view();
        let nth = |i: usize| (!view.is_empty()).then(|| view[i % view.len()].clone());
        match *a {
            Action::Start(t) | Action::Continue(t) => {
                self.stop_running_at(wall, t);
                let project = match a {
                    Action::Continue(_) => view.last().map_or("p", |s| s.project.as_str()),
                    _ => "p",
                }
                .to_string();
                self.create(wall, t, None, &project);
            }
            Action::Stop(t) => self.stop_running_at(wall, t),
            Action::Add(s, l) => self.create(wall, s, Some(s + l), "q"),
            Action::Import(s, n) => {
                for k in 0..i64::from(n) {
                    self.create(wall, s + 100 * k, Some(s + 100 * k + 50), "imported");
                }
            }
            Action::Edit(i, f, t) => {
                if let Some(s) = nth(i) {
                    let fields = match f {
                        0 => vec![(Field::Note, json!(format!("{}@{wall}", self.id)))],
                        1 => vec![(Field::Project, json!(format!("p{t}")))],
                        2 => vec![(Field::End, json!(s.start + 1 + t % 500))],
                        _ => vec![
                            (Field::Start, json!(t)),
                            (Field::End, json!(t + 60)),
                            (Field::Tags, json!(["x", self.id])),
                        ],
                    };
                    self.emit(wall, &s.uuid, Op::Put, fields);
                }
            }
            Action::Rm(i) => {
                if let Some(s) = nth(i) {
                    self.emit(wall, &s.uuid, Op::Delete, vec![]);
                }
            }
            Action::Cancel => {
                if let Some(r) = self.running() {
                    self.emit(wall, &r.uuid, Op::Delete, vec![]);
                }
            }
            Action::Deliver { .. } | Action::Flush => {}
        }
    }

    /// Reads the whole segments of the others not read before, newest name first
    /// (the opposite of the order they were written, to shake out order dependence).
    fn sync(&mut self) {
        let (segments, _) = folder::list(self.dir.path()).unwrap();
        for s in segments.into_iter().rev() {
            let key = (s.device.clone(), s.name.clone());
            if s.device == self.id || self.read.contains(&key) {
                continue;
            }
            if let Ok(records) = folder::read_segment(&s.device, &s.name, &s.path) {
                self.read.insert(key);
                for r in &records {
                    self.apply(r);
                }
            }
        }
    }
}

/// Copies segment `(name, bytes)` of `from` into `to`'s folder, whole or cut short.
fn deliver(to: &Path, from: &str, name: &str, bytes: &[u8], truncated: bool) {
    let own = folder::devices_dir(to).join(from);
    fs::create_dir_all(&own).unwrap();
    let cut = if truncated {
        bytes.len() * 2 / 3
    } else {
        bytes.len()
    };
    fs::write(own.join(name), &bytes[..cut]).unwrap();
}

fn run(actions: &[(usize, Action)]) -> Vec<SyncedSession> {
    let info = DeviceInfo {
        name: "sim".into(),
        created: "2026-01-01T00:00:00Z".into(),
        otium: "test".into(),
    };
    let mut devices: Vec<Device> = DEVICES
        .iter()
        .zip([0u64, 40, 3])
        .map(|(id, skew)| Device {
            id,
            clock: HlcClock::default(),
            seq: 0,
            skew,
            docs: BTreeMap::new(),
            applied: BTreeSet::new(),
            pending: Vec::new(),
            dir: tempfile::tempdir().unwrap(),
            fresh: 0,
            read: BTreeSet::new(),
        })
        .collect();
    for d in &devices {
        folder::create_device(d.dir.path(), d.id, &info).unwrap();
    }
    // Every segment each device has written: (name, bytes), the "origin" copies.
    let mut written: Vec<Vec<(String, Vec<u8>)>> = vec![Vec::new(); 3];
    let flush = |d: &mut Device, written: &mut Vec<(String, Vec<u8>)>| {
        if d.pending.is_empty() {
            return;
        }
        let own = folder::create_device(d.dir.path(), d.id, &info).unwrap();
        let path = folder::write_segment(&own, &d.pending).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        written.push((name, fs::read(&path).unwrap()));
        d.pending.clear();
    };
    for (wall, (who, a)) in actions.iter().enumerate() {
        let wall = 1_000 * (wall as u64 + 1);
        match a {
            Action::Flush => flush(&mut devices[*who], &mut written[*who]),
            Action::Deliver {
                from,
                pick,
                truncated,
            } => {
                if *from == *who || written[*from].is_empty() {
                    continue;
                }
                let (name, bytes) = &written[*from][pick % written[*from].len()];
                deliver(
                    devices[*who].dir.path(),
                    DEVICES[*from],
                    name,
                    bytes,
                    *truncated,
                );
                devices[*who].sync();
            }
            a => devices[*who].act(wall, a),
        }
    }
    // Everyone flushes, then every whole file reaches everyone (a truncated copy is
    // replaced by the whole file, as the sync tool finishes the transfer).
    for (d, w) in devices.iter_mut().zip(written.iter_mut()) {
        flush(d, w);
    }
    for to in 0..3 {
        for step in 0..3 {
            let from = (to + step) % 3;
            if from == to {
                continue;
            }
            for (name, bytes) in &written[from] {
                deliver(devices[to].dir.path(), DEVICES[from], name, bytes, false);
            }
            // Some devices read one sender's files before the other's arrive.
            if to == 1 {
                devices[to].sync();
            }
        }
        devices[to].sync();
    }
    let all: BTreeSet<(String, u64)> = devices
        .iter()
        .flat_map(|d| (1..=d.seq).map(move |s| (d.id.to_string(), s)))
        .collect();
    let first = devices[0].view();
    for d in &devices {
        assert_eq!(d.applied, all, "{} lost a record", d.id);
        assert_eq!(d.view(), first, "{} differs from {}", d.id, devices[0].id);
        assert_eq!(conflicts(&d.view()), conflicts(&first));
        assert!(d.view().iter().filter(|s| s.end.is_none()).count() <= 1);
    }
    first
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn three_devices_converge_whatever_the_delivery(actions in prop::collection::vec(action(), 1..60)) {
        run(&actions);
    }
}

#[test]
fn offline_overlapping_adds_are_both_kept_and_two_running_resolve_as_start_would() {
    let all = run(&[
        (0, Action::Add(100, 200)),
        (1, Action::Add(150, 200)),
        (0, Action::Start(1000)),
        (1, Action::Start(2000)),
    ]);
    let got: Vec<_> = all
        .iter()
        .map(|s| (s.uuid.as_str(), s.start, s.end))
        .collect();
    assert_eq!(
        got,
        [
            ("dev-a-1", 100, Some(300)),
            ("dev-b-1", 150, Some(350)),
            ("dev-a-2", 1000, Some(2000)),
            ("dev-b-2", 2000, None),
        ]
    );
    let pairs: Vec<_> = conflicts(&all)
        .into_iter()
        .map(|c| (c.first, c.second))
        .collect();
    assert_eq!(pairs, [("dev-a-1".to_string(), "dev-b-1".to_string())]);
}
