//! The query plans of the hot reads, checked on the real SQL with `EXPLAIN QUERY
//! PLAN`, not with timings, however long the history: every step that reads
//! `sessions` must be a `SEARCH` of the expected index; a `SCAN` (of the table, or of
//! a whole index, which `SCAN … USING INDEX` also is) fails.

use rusqlite::ToSql;

use crate::store::Store;

/// The plan's detail lines for `sql` with its parameters bound as the real call
/// binds them (prepared, not inlined, so the planner sees what it sees at run time).
fn plan(sql: &str, params: &[&dyn ToSql]) -> Vec<String> {
    let store = Store::open_in_memory().unwrap();
    let reader = store.reader();
    let mut stmt = reader
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let rows = stmt.query_map(params, |r| r.get::<_, String>(3)).unwrap();
    rows.map(Result::unwrap).collect()
}

/// The steps that read the sessions table, under its alias `s` or its own name.
fn session_steps(plan: &[String]) -> Vec<&str> {
    plan.iter()
        .map(String::as_str)
        .filter(|line| {
            let mut words = line.split_whitespace();
            matches!(words.next(), Some("SCAN" | "SEARCH"))
                && matches!(words.next(), Some("s" | "sessions"))
        })
        .collect()
}

/// What is wrong with `plan`: each read of `sessions` that is not an index SEARCH,
/// and each of `expected` (a step's text from the index name on) that no SEARCH ends with.
fn problems(plan: &[String], expected: &[&str]) -> Vec<String> {
    let steps = session_steps(plan);
    let scans = steps
        .iter()
        .filter(|s| !s.starts_with("SEARCH "))
        .map(|s| format!("scans: {s}"));
    let missing = expected
        .iter()
        .filter(|want| {
            !steps
                .iter()
                .any(|s| s.starts_with("SEARCH ") && s.ends_with(*want))
        })
        .map(|want| format!("no SEARCH … {want}"));
    scans.chain(missing).collect()
}

/// `tags` walks the tag index in tag order and groups as it goes: no temporary
/// b-tree of every tag link, and one rowid probe per link.
#[test]
fn tag_summaries_group_in_index_order() {
    let plan = plan(super::TAG_SUMMARIES, &[&100_i64]);
    assert!(
        plan.iter()
            .any(|l| l == "SCAN st USING COVERING INDEX session_tags_by_tag"),
        "{plan:#?}"
    );
    assert_eq!(
        session_steps(&plan),
        ["SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"],
        "{plan:#?}"
    );
    assert!(
        !plan.iter().any(|l| l.contains("FOR GROUP BY")),
        "{plan:#?}"
    );
}

/// `projects` (and the dividend) reads the stored totals, the running session once
/// from its partial index and one probe per project: never a project's sessions.
#[test]
fn project_summaries_read_no_sessions_row_by_row() {
    let plan = plan(super::PROJECT_SUMMARIES, &[&100_i64]);
    assert_eq!(
        session_steps(&plan),
        [
            "SCAN sessions USING INDEX sessions_one_running",
            "SEARCH s USING COVERING INDEX sessions_by_project (project_id=?)"
        ],
        "{plan:#?}"
    );
}

#[test]
fn running_session_uses_the_partial_index() {
    let plan = plan(&super::running_sql(), &[]);
    // SQLite walks the partial index rather than probing it (the query names
    // `end_utc IS NULL`, not the indexed expression's value), which is still one
    // row: the index is UNIQUE on a constant expression, so it holds at most one
    // entry. That walk is the only SCAN allowed, and only of this index.
    assert_eq!(
        session_steps(&plan),
        ["SCAN s USING INDEX sessions_one_running"],
        "{plan:#?}"
    );
}

#[test]
fn overlap_probe_searches_the_start_index() {
    for exclude in [None, Some(7_i64)] {
        let plan = plan(&super::overlap_sql(), &[&100_i64, &exclude]);
        let problems = problems(&plan, &["sessions_by_start (start_utc<?)"]);
        assert!(problems.is_empty(), "{problems:?} in {plan:#?}");
        assert_eq!(session_steps(&plan).len(), 1, "{plan:#?}");
    }
}

#[test]
fn both_halves_of_the_span_query_search_the_start_index() {
    for columns in [
        super::Columns::Full,
        super::Columns::Lean { tags: true },
        super::Columns::Lean { tags: false },
        super::Columns::Times,
    ] {
        // The one session starting before the span: the subquery's probe, then
        // its row by id.
        let before = plan(&super::before_span_sql(columns), &[&100_i64]);
        let problems_before = problems(
            &before,
            &[
                "sessions_by_start (start_utc<?)",
                "USING INTEGER PRIMARY KEY (rowid=?)",
            ],
        );
        assert!(
            problems_before.is_empty(),
            "{columns:?}: {problems_before:?} in {before:#?}"
        );
        assert_eq!(session_steps(&before).len(), 2, "{columns:?}: {before:#?}");
        // Every session starting inside the span, in the index's order: no sort.
        let inside = plan(&super::inside_span_sql(columns), &[&100_i64, &200_i64]);
        let problems_inside = problems(
            &inside,
            &["sessions_by_start (start_utc>? AND start_utc<?)"],
        );
        assert!(
            problems_inside.is_empty(),
            "{columns:?}: {problems_inside:?} in {inside:#?}"
        );
        assert_eq!(session_steps(&inside).len(), 1, "{columns:?}: {inside:#?}");
        assert!(
            !inside.iter().any(|step| step.contains("TEMP B-TREE")),
            "{columns:?} sorts: {inside:#?}"
        );
        // Without the project join, the lean and time reads never touch the table
        // for the rows inside the span: the index holds every column they read.
        if columns != super::Columns::Full {
            assert!(
                inside.iter().any(|step| step
                    .contains("COVERING INDEX sessions_by_start (start_utc>? AND start_utc<?)")),
                "{columns:?}: {inside:#?}"
            );
        }
        for plan in [&before, &inside] {
            assert!(
                !plan
                    .iter()
                    .any(|step| step.contains("projects") || step.contains(" p ")),
                "{columns:?} joins projects: {plan:#?}"
            );
        }
    }
}

/// The checker itself: a full index scan must not slip through as "uses an index".
#[test]
fn a_scan_of_the_start_index_is_rejected() {
    let plan = plan(
        "SELECT s.id FROM sessions s ORDER BY s.start_utc LIMIT ?1",
        &[&1_i64],
    );
    assert_eq!(
        session_steps(&plan),
        ["SCAN s USING COVERING INDEX sessions_by_start"],
        "{plan:#?}"
    );
    assert_eq!(
        problems(&plan, &["sessions_by_start"]),
        [
            "scans: SCAN s USING COVERING INDEX sessions_by_start",
            "no SEARCH … sessions_by_start"
        ]
    );
}
