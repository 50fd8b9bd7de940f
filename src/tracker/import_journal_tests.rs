//! An import's journal entry (issue 21): the sessions it creates are copied as rows of
//! `journal_created` in runs, the ones it updates keep their JSON before-images in
//! `journal_changes`, and [`journal::changes`] reads both as one list in the order the
//! import made them, so undo and redo put back exactly the states before and after it.
//! The per-project totals the import adds at its end match a count from scratch, and an
//! entry an older import wrote as JSON rows still undoes and redoes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeZone, Utc};

use crate::Tracker;
use crate::interop::import::{Format, Input, Options};
use crate::model::{NewSession, Session};
use crate::store::{journal, totals};
use crate::time::{Clock, range::Span};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 18, 0, 0).unwrap()
}

fn tracker() -> Tracker {
    Tracker::in_memory(Clock::Fixed(now()), chrono_tz::UTC).unwrap()
}

fn options() -> Options {
    Options::new(Format::Bartib, chrono_tz::UTC)
}

fn bartib(lines: &[&str]) -> Input {
    Input::Bytes {
        name: "activities.bartib".into(),
        data: lines.join("\n").into_bytes(),
    }
}

fn import(t: &mut Tracker, lines: &[&str]) {
    t.import(&bartib(lines), &options(), &mut |_| {}).unwrap();
}

fn all(t: &Tracker) -> Vec<Session> {
    t.sessions(Span::ALL).unwrap()
}

/// `(kind, project, note)` of each change of the newest entry, in order: `+` created,
/// `~` updated.
fn changes_of_last(t: &Tracker) -> Vec<(char, String, Option<String>)> {
    let db = t.store.reader();
    let entry = journal::last_done(db).unwrap().unwrap();
    journal::changes(db, entry.id)
        .unwrap()
        .into_iter()
        .map(|c| {
            let after = c.after.unwrap();
            let kind = if c.before.is_some() { '~' } else { '+' };
            (kind, after.project, after.note)
        })
        .collect()
}

fn rows(t: &Tracker, table: &str) -> i64 {
    t.store
        .reader()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn created_and_updated_sessions_come_back_in_order_and_undo_redo_round_trip() {
    let mut t = tracker();
    t.add(NewSession {
        project: "stored".into(),
        tags: vec!["x".into()],
        note: None,
        start: Utc.with_ymd_and_hms(2026, 3, 2, 7, 0, 0).unwrap(),
        end: Some(Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()),
        zone: chrono_tz::UTC,
    })
    .unwrap();
    import(
        &mut t,
        &[
            "2026-03-02 09:00 - 2026-03-02 10:00 | a | one",
            "2026-03-02 11:00 - 2026-03-02 12:00 | b | two",
        ],
    );
    // Created sessions are rows of journal_created, not JSON.
    assert_eq!(changes_of_last(&t).len(), 2);
    assert_eq!(rows(&t, "journal_created"), 2);
    let before = all(&t);
    // Then: one record before the stored history (created), the second one changed
    // (updated in place), one after (created): two runs of created sessions around
    // an update.
    import(
        &mut t,
        &[
            "2026-03-02 06:00 - 2026-03-02 06:30 | early | zero",
            "2026-03-02 09:00 - 2026-03-02 10:00 | a | one",
            "2026-03-02 11:00 - 2026-03-02 12:00 | b | two, changed",
            "2026-03-02 13:00 - 2026-03-02 14:00 | c | three",
        ],
    );
    assert_eq!(
        changes_of_last(&t),
        [
            ('+', "early".to_string(), Some("zero".to_string())),
            ('~', "b".to_string(), Some("two, changed".to_string())),
            ('+', "c".to_string(), Some("three".to_string())),
        ]
    );
    let entry = journal::last_done(t.store.reader()).unwrap().unwrap();
    assert_eq!(entry.sessions, 3);
    let after = all(&t);
    assert_eq!(after.len(), 5);

    let undone = t.undo().unwrap();
    assert_eq!(undone.entry.id, entry.id);
    assert_eq!(all(&t), before);
    t.redo().unwrap();
    assert_eq!(all(&t), after);
    // And back through the first import too: only the stored session is left.
    t.undo().unwrap();
    t.undo().unwrap();
    assert_eq!(all(&t).len(), 1);
    t.redo().unwrap();
    assert_eq!(all(&t), before);
    assert!(
        totals::mismatches(t.store.reader().conn())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_undo_still_refuses_a_created_session_changed_behind_the_journal() {
    let mut t = tracker();
    import(
        &mut t,
        &[
            "2026-03-02 09:00 - 2026-03-02 10:00 | a | one",
            "2026-03-02 11:00 - 2026-03-02 12:00 | b | two",
        ],
    );
    // As a sync from another device would: the session changes, no entry is made.
    t.store
        .reader()
        .conn()
        .execute(
            "UPDATE sessions SET note = 'elsewhere' WHERE note = 'two'",
            [],
        )
        .unwrap();
    let kept = all(&t);
    let err = t.undo().unwrap_err();
    assert_eq!(err.kind(), crate::error::ErrorKind::Conflict);
    assert_eq!(all(&t), kept);
}

#[test]
fn totals_added_at_the_end_match_a_count_from_scratch_and_the_trigger_is_back() {
    let mut t = tracker();
    import(
        &mut t,
        &[
            "2026-03-02 09:00 - 2026-03-02 10:00 | a | one",
            "2026-03-02 10:00 - 2026-03-02 10:45 | a | two",
            "2026-03-02 11:00 - 2026-03-02 12:30 | b | three",
        ],
    );
    let conn = t.store.reader().conn();
    assert!(totals::mismatches(conn).unwrap().is_empty());
    let stored: Vec<(String, i64, i64)> = conn
        .prepare(
            "SELECT p.name, t.sessions, t.seconds FROM project_totals t
             JOIN projects p ON p.id = t.project_id ORDER BY 1",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // a: 60 + 45 minutes; b: 90 minutes.
    assert_eq!(
        stored,
        [("a".to_string(), 2, 6300), ("b".to_string(), 1, 5400)]
    );
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'project_totals_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 3);
    // A later add is counted by the trigger again.
    t.add(NewSession {
        project: "b".into(),
        tags: Vec::new(),
        note: None,
        start: Utc.with_ymd_and_hms(2026, 3, 2, 13, 0, 0).unwrap(),
        end: Some(Utc.with_ymd_and_hms(2026, 3, 2, 13, 10, 0).unwrap()),
        zone: chrono_tz::UTC,
    })
    .unwrap();
    assert!(
        totals::mismatches(t.store.reader().conn())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_entry_of_an_older_import_with_json_rows_still_undoes_and_redoes() {
    let mut t = tracker();
    import(
        &mut t,
        &[
            "2026-03-02 09:00 - 2026-03-02 10:00 | a | one",
            "2026-03-02 11:00 - 2026-03-02 12:00 | b | two",
        ],
    );
    let after = all(&t);
    // Rewrite the entry as schema 8's import wrote it: one JSON row per created session.
    {
        let db = t.store.reader();
        let entry = journal::last_done(db).unwrap().unwrap().id;
        db.conn()
            .execute("DELETE FROM journal_created", [])
            .unwrap();
        for (seq, s) in after.iter().enumerate() {
            journal::add_change(
                db,
                entry,
                seq,
                &s.uuid,
                None,
                Some(&journal::fields_json(s)),
            )
            .unwrap();
        }
    }
    assert_eq!(changes_of_last(&t).len(), 2);
    t.undo().unwrap();
    assert!(all(&t).is_empty());
    t.redo().unwrap();
    assert_eq!(all(&t), after);
}
