//! The per-project totals (migration 008's triggers) stay exact through every write
//! path the tracker has: random sequences of start, stop, add, edit, rm, cancel,
//! undo, redo and import, then the stored totals are compared with a rebuild from
//! scratch and the full-history report with sums the test makes itself.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use crate::Tracker;
use crate::interop::export::{ExportFormat, Exporter};
use crate::interop::import::{Format, Input, Options};
use crate::model::{NewSession, SessionEdit, SessionId};
use crate::report::{Filter, GroupBy};
use crate::time::{Clock, range::Span};
use crate::tracker::{ReportRequest, StartRequest};

const PROJECTS: [&str; 3] = ["alpha", "beta", "gamma"];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap()
}

/// Slot `n` of 10 minutes, counted back from now: slot 300 is now.
fn slot(n: u16) -> DateTime<Utc> {
    now() - Duration::minutes(10 * (300 - i64::from(n)))
}

fn tracker() -> Tracker {
    Tracker::in_memory(Clock::Fixed(now()), chrono_tz::Europe::Berlin).unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    Add {
        project: usize,
        at: u16,
        len: u16,
    },
    Start {
        project: usize,
        at: u16,
    },
    Stop {
        len: u16,
    },
    Cancel,
    Edit {
        pick: usize,
        project: Option<usize>,
        start: Option<u16>,
        end: Option<u16>,
    },
    Remove {
        pick: usize,
    },
    Undo,
    Redo,
    Import {
        project: usize,
        at: u16,
        count: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..290u16, 1..6u16).prop_map(|(project, at, len)| Op::Add { project, at, len }),
        2 => (0..3usize, 250..300u16).prop_map(|(project, at)| Op::Start { project, at }),
        2 => (1..8u16).prop_map(|len| Op::Stop { len }),
        1 => Just(Op::Cancel),
        3 => (any::<usize>(), proptest::option::of(0..3usize), proptest::option::of(0..290u16), proptest::option::of(1..300u16))
            .prop_map(|(pick, project, start, end)| Op::Edit { pick, project, start, end }),
        2 => any::<usize>().prop_map(|pick| Op::Remove { pick }),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => (0..3usize, 0..280u16, 1..4u8).prop_map(|(project, at, count)| Op::Import { project, at, count }),
    ]
}

/// An otium CSV export of `count` sessions of `project`, one slot each, every other slot.
fn import_file(project: usize, at: u16, count: u8) -> Vec<u8> {
    let mut source = tracker();
    for i in 0..u16::from(count) {
        let start = slot(at + 2 * i);
        source
            .add(NewSession {
                project: PROJECTS[project].into(),
                tags: vec!["t".into()],
                note: None,
                start,
                end: Some(start + Duration::minutes(10)),
                zone: chrono_tz::Europe::Berlin,
            })
            .unwrap();
    }
    let mut out = Vec::new();
    let mut e = Exporter::begin(ExportFormat::Csv, &mut out, now(), false).unwrap();
    source
        .each_session(Span::ALL, |s| {
            e.session(s)
                .map_err(|err| crate::Error::invalid(err.to_string()))
        })
        .unwrap();
    e.finish().unwrap();
    out
}

fn import_options() -> Options {
    Options {
        skip_conflicts: true,
        ..Options::new(Format::Csv, chrono_tz::Europe::Berlin)
    }
}

/// Runs one operation; refusals (an overlap, nothing to undo, …) are part of the game.
fn apply(t: &mut Tracker, op: &Op) {
    let ids: Vec<SessionId> = t
        .sessions(Span::ALL)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let pick = |n: usize| ids.get(n % ids.len().max(1)).copied();
    let _ = match op {
        Op::Add { project, at, len } => t
            .add(NewSession {
                project: PROJECTS[*project].into(),
                tags: Vec::new(),
                note: None,
                start: slot(*at),
                end: Some(slot(at + len)),
                zone: chrono_tz::Europe::Berlin,
            })
            .map(drop),
        Op::Start { project, at } => {
            let mut request = StartRequest::new(PROJECTS[*project].into());
            request.at = Some(slot(*at));
            t.start(request).map(drop)
        }
        Op::Stop { len } => match t.running().unwrap() {
            Some(s) => t
                .stop(Some(
                    (s.start + Duration::minutes(10 * i64::from(*len))).min(now()),
                ))
                .map(drop),
            None => Ok(()),
        },
        Op::Cancel => t.cancel().map(drop),
        Op::Edit {
            pick: n,
            project,
            start,
            end,
        } => match pick(*n) {
            Some(id) => {
                let edit = SessionEdit {
                    project: project.map(|p| PROJECTS[p].into()),
                    start: start.map(slot),
                    end: end.map(slot),
                    ..SessionEdit::default()
                };
                t.edit(id, &edit).map(drop)
            }
            None => Ok(()),
        },
        Op::Remove { pick: n } => match pick(*n) {
            Some(id) => t.remove(id).map(drop),
            None => Ok(()),
        },
        Op::Undo => t.undo().map(drop),
        Op::Redo => t.redo().map(drop),
        Op::Import { project, at, count } => {
            let input = Input::Bytes {
                name: "import".into(),
                data: import_file(*project, *at, *count),
            };
            t.import(&input, &import_options(), &mut |_| {}).map(drop)
        }
    };
}

/// Per project: sessions and seconds up to now, summed here from every session.
fn counted(t: &Tracker) -> BTreeMap<String, (usize, i64)> {
    let mut out = BTreeMap::new();
    for s in t.sessions(Span::ALL).unwrap() {
        let end = s.end.unwrap_or(now());
        if end > s.start {
            let entry = out.entry(s.project.clone()).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += (end - s.start).num_seconds();
        }
    }
    out
}

fn whole_history(group_by: Vec<GroupBy>) -> ReportRequest {
    ReportRequest {
        span: Span::ALL,
        zone: chrono_tz::Europe::Berlin,
        group_by,
        filter: Filter::default(),
        rounding: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn stored_totals_equal_a_rebuild_after_any_writes(ops in proptest::collection::vec(op(), 1..40)) {
        let mut t = tracker();
        for op in &ops {
            apply(&mut t, op);
            let wrong = crate::store::totals::mismatches(t.reader().conn()).unwrap();
            prop_assert!(wrong.is_empty(), "after {:?}: {:?}", op, wrong);
        }
        let before = crate::store::totals::history(t.reader()).unwrap().closed;
        prop_assert_eq!(t.rebuild_totals().unwrap(), 0);
        prop_assert_eq!(crate::store::totals::history(t.reader()).unwrap().closed, before);

        // `projects` (stored totals plus the running session) equals the same figures
        // summed over every session, and the sums made here.
        let projects = t.projects().unwrap();
        prop_assert_eq!(&projects, &crate::store::sessions::project_summaries_by_sum(t.reader(), now()).unwrap());
        let all = t.sessions(Span::ALL).unwrap();
        for p in &projects {
            let mine: Vec<_> = all.iter().filter(|s| s.project == p.name).collect();
            prop_assert_eq!(p.sessions, i64::try_from(mine.len()).unwrap());
            prop_assert_eq!(p.total_seconds, mine.iter().map(|s| s.duration_seconds(now())).sum::<i64>());
        }

        let expected = counted(&t);
        let report = t.report(&whole_history(vec![GroupBy::Project])).unwrap();
        let got: BTreeMap<String, i64> = report.groups.iter().map(|g| (g.key.clone(), g.seconds)).collect();
        let want: BTreeMap<String, i64> = expected.iter().map(|(p, (_, s))| (p.clone(), *s)).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(report.sessions_count, expected.values().map(|(n, _)| n).sum::<usize>());
        prop_assert_eq!(report.total_seconds, expected.values().map(|(_, s)| s).sum::<i64>());
        let total = t.report(&whole_history(Vec::new())).unwrap();
        prop_assert_eq!(total.total_seconds, report.total_seconds);
        prop_assert!(total.groups.is_empty());
    }
}

/// A session changed behind the tracker's back with the triggers gone (a hand edit)
/// is found by the comparison, and a rebuild puts the totals right again.
#[test]
fn a_stale_total_is_found_and_rebuilt() {
    let mut t = tracker();
    t.add(NewSession {
        project: "alpha".into(),
        tags: Vec::new(),
        note: None,
        start: slot(10),
        end: Some(slot(16)),
        zone: chrono_tz::Europe::Berlin,
    })
    .unwrap();
    let conn = t.reader().conn();
    conn.execute_batch(
        "DROP TRIGGER project_totals_update; UPDATE sessions SET end_utc = end_utc + 60;",
    )
    .unwrap();
    let wrong = crate::store::totals::mismatches(conn).unwrap();
    assert_eq!(wrong.len(), 1);
    assert_eq!(wrong[0].stored, Some((1, 3600)));
    assert_eq!(wrong[0].expected, Some((1, 3660)));
    assert_eq!(t.rebuild_totals().unwrap(), 1);
    assert!(
        crate::store::totals::mismatches(t.reader().conn())
            .unwrap()
            .is_empty()
    );
    let report = t.report(&whole_history(vec![GroupBy::Project])).unwrap();
    assert_eq!(report.total_seconds, 3660);
}

/// The whole-history report by project of a running session counts it up to now, in
/// the project it runs in, beside the stored totals of the closed ones.
#[test]
fn the_running_session_counts_up_to_now() {
    let mut t = tracker();
    t.add(NewSession {
        project: "alpha".into(),
        tags: Vec::new(),
        note: None,
        start: slot(10),
        end: Some(slot(13)),
        zone: chrono_tz::Europe::Berlin,
    })
    .unwrap();
    let mut request = StartRequest::new("beta".into());
    request.at = Some(slot(294)); // an hour before now
    t.start(request).unwrap();
    let report = t.report(&whole_history(vec![GroupBy::Project])).unwrap();
    let rows: Vec<(&str, i64)> = report
        .groups
        .iter()
        .map(|g| (g.key.as_str(), g.seconds))
        .collect();
    // Longest first, as every report orders its rows.
    assert_eq!(rows, [("beta", 3600), ("alpha", 1800)]);
    assert_eq!(report.sessions_count, 2);
    let mut filtered = whole_history(vec![GroupBy::Project]);
    filtered.filter.projects = vec!["beta".into()];
    let report = t.report(&filtered).unwrap();
    assert_eq!(report.total_seconds, 3600);
    assert_eq!(report.sessions_count, 1);
}
