//! `otium project`, `output`, `stop --output` and `dividend`.
//!
//! History (Berlin, now Wed 2026-04-08 12:00 +02:00; weeks are ISO weeks):
//!   W10..W13: writing 10 h each Monday (09:00–19:00) and 20 pages each
//!   W14:      writing 8 h (Mon 03-30) with 24 pages, coding 36 h (Tue 09:00 – Wed 21:00)
//! Last complete week: W14. Keynes weeks: W11, W12, W13 (10 h) and W14 (44 h).

use serde_json::Value;

use crate::env::{TestEnv, code};

fn history() -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2026-04-08T12:00:00+02:00");
    env.ok(&["project", "writing", "--unit", "pages"]);
    for day in ["02", "09", "16", "23"] {
        env.ok(&[
            "add",
            "writing",
            "--from",
            &format!("2026-03-{day} 09:00"),
            "--for",
            "10h",
        ]);
        env.ok(&[
            "output",
            "20",
            "--project",
            "writing",
            "--at",
            &format!("2026-03-{day} 19:00"),
        ]);
    }
    env.ok(&[
        "add",
        "writing",
        "--from",
        "2026-03-30 09:00",
        "--for",
        "8h",
    ]);
    env.ok(&[
        "output",
        "24",
        "--project",
        "writing",
        "--at",
        "2026-03-30 18:00",
    ]);
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-03-31 09:00",
        "--for",
        "36h",
    ]);
    env
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64()
        .is_some_and(|x| (x - expected).abs() < 1e-9 * expected.abs().max(1.0))
}

#[test]
fn national_part_from_the_csv_rows() {
    let env = history();
    let d = env.json(&["dividend"]);
    let n = &d["national"];
    // CSV USA 1970: avh 1893.4, 33.2549 $/h, labsh 0.6490; 2019: 1765.3, 73.5850, 0.5971.
    let r = 73.5850 / 33.2549;
    assert_eq!(
        (
            n["country"].as_str(),
            n["base_year"].as_i64(),
            n["end_year"].as_i64()
        ),
        (Some("USA"), Some(1970), Some(2019))
    );
    assert!(close(&n["productivity_multiple"], r));
    assert!(close(&n["hours_needed"], 1893.4 / r));
    assert!(close(&n["potential_hours"], 1893.4 - 1893.4 / r));
    assert!(close(&n["realised_hours"], 1893.4 - 1765.3));
    assert!(close(
        &n["captured_share"],
        (1893.4 - 1765.3) / (1893.4 - 1893.4 / r)
    ));
    assert!(close(&n["labour_share_base"], 0.6490));
    assert!(
        d["attribution"]
            .as_str()
            .unwrap()
            .contains("Penn World Table 10.01")
    );
    let text = env.ok(&["dividend"]);
    assert!(text.contains("productivity multiple R = 2.213"), "{text}");
    assert!(text.contains("(36.4 → 33.9 h/week, annual ÷ 52)"), "{text}");
    assert!(
        text.contains("Share of the potential taken as leisure: 12.3%"),
        "{text}"
    );
    assert!(text.contains("Data: Penn World Table 10.01"), "{text}");
}

#[test]
fn keynes_week_from_the_last_four_weeks_with_time() {
    let env = history();
    let k = env.json(&["dividend"])["keynes_week"].clone();
    let weeks: Vec<&str> = k["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["week"].as_str().unwrap())
        .collect();
    assert_eq!(weeks, ["2026-W11", "2026-W12", "2026-W13", "2026-W14"]);
    // (10 + 10 + 10 + 44) / 4 = 18.5 h; / R.
    let r = 73.5850 / 33.2549;
    assert!(close(&k["average_hours"], 18.5));
    assert!(close(&k["keynes_hours"], 18.5 / r));
    assert!(close(&k["dividend_hours"], 18.5 - 18.5 / r));
    assert_eq!(k["reason"], Value::Null);
    let text = env.ok(&["dividend"]);
    assert!(
        text.contains("your 18.5 h week would be 8.4 h at 1970 United States output per worker"),
        "{text}"
    );
}

#[test]
fn personal_productivity_by_hand() {
    let env = history();
    let d = env.json(&["dividend"]);
    let p = &d["personal"][0];
    assert_eq!(p["project"], "writing");
    assert_eq!(p["baseline"], "2026-W10..2026-W13");
    assert_eq!(p["period"], "2026-W14");
    // Baseline 40 h / 4 weeks = 10 h/week, 80 pages / 4 = 20/week: 2 pages/h.
    // Now 8 h, 24 pages: 3 pages/h. R = 1.5; h_need = 10/1.5; D_pot = 10 - 10/1.5; D_real = 2.
    assert!(close(&p["per_hour_baseline"], 2.0));
    assert!(close(&p["per_hour_current"], 3.0));
    assert!(close(&p["productivity_multiple"], 1.5));
    assert!(close(&p["potential_hours"], 10.0 - 10.0 / 1.5));
    assert!(close(&p["captured_share"], 2.0 / (10.0 - 10.0 / 1.5)));
    assert!(close(
        &p["share_output"],
        (24.0_f64 / 20.0).ln() / 1.5_f64.ln()
    ));
    assert!(close(
        &p["share_leisure"],
        (10.0_f64 / 8.0).ln() / 1.5_f64.ln()
    ));
    // Explicit baseline and period give the same here.
    let same = env.json(&[
        "dividend",
        "--project",
        "writing",
        "--baseline",
        "2026-W10..2026-W13",
        "--period",
        "2026-W14",
    ]);
    assert!(close(&same["personal"][0]["productivity_multiple"], 1.5));
    let text = env.ok(&["dividend"]);
    assert!(
        text.contains("where the gain went: 45% into more output, 55% into free time"),
        "{text}"
    );
}

#[test]
fn several_projects_combine_by_hours_weighted_geometric_mean() {
    let env = history();
    env.ok(&["project", "coding", "--unit", "tickets"]);
    // coding: baseline week W13 (Thu 03-26) 10 h, 10 tickets; W14 36 h, 72 tickets: R = 2.
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-03-26 08:00",
        "--for",
        "10h",
    ]);
    env.ok(&[
        "output",
        "10",
        "--project",
        "coding",
        "--at",
        "2026-03-26 18:00",
    ]);
    env.ok(&[
        "output",
        "72",
        "--project",
        "coding",
        "--at",
        "2026-04-01 21:00",
    ]);
    let d = env.json(&["dividend"]);
    // Weights are this period's hours: writing 8, coding 36. exp((8 ln 1.5 + 36 ln 2) / 44).
    let expected = ((8.0 * 1.5_f64.ln() + 36.0 * 2.0_f64.ln()) / 44.0).exp();
    assert!(
        close(&d["combined_multiple"], expected),
        "{}",
        d["combined_multiple"]
    );
}

#[test]
fn output_is_recorded_and_linked() {
    let env = TestEnv::new();
    env.fails(&["output", "3", "--project", "nope"], code::NOT_FOUND);
    env.ok(&["start", "writing", "--at", "9:00"]);
    let err = env.fails(&["output", "3"], code::INVALID);
    assert!(
        err.contains("no output unit") && err.contains("--unit"),
        "{err}"
    );
    assert_eq!(
        env.json(&["project", "writing", "--unit", "pages"])["output_unit"],
        "pages"
    );
    let entry = env.json(&["output", "3", "-n", "draft"]);
    assert_eq!(entry["project"], "writing");
    assert_eq!(entry["unit"], "pages");
    assert_eq!(entry["amount"], 3.0);
    assert_eq!(entry["session"], 1);
    env.fails(&["output", "-2", "--project", "writing"], code::USAGE);
    env.fails(&["output", "NaN", "--project", "writing"], code::INVALID);
    // Amounts big enough to overflow the model's sums (1.7e308 twice is inf) are refused.
    for huge in ["1.7e308", "inf", "1000000001"] {
        let err = env.fails(&["output", huge, "--project", "writing"], code::INVALID);
        assert!(err.contains("from 0 to 1000000000"), "{err}");
    }
    env.ok(&["output", "1000000000", "--project", "writing"]);
    assert_eq!(
        env.json(&["project", "writing", "--no-unit"])["output_unit"],
        Value::Null
    );
}

#[test]
fn stop_with_output_is_all_or_nothing() {
    let env = TestEnv::new();
    env.ok(&["start", "coding", "--at", "9:00"]);
    let before = env.db_bytes();
    let err = env.fails(&["stop", "--output", "4"], code::INVALID);
    assert!(err.contains("no output unit"), "{err}");
    assert_eq!(env.db_bytes(), before);
    assert_eq!(env.json(&["status"])["running"], true);
    env.ok(&["project", "coding", "--unit", "tickets"]);
    let text = env.ok(&["stop", "--output", "4"]);
    assert!(text.contains("Recorded 4 tickets for coding."), "{text}");
    assert_eq!(env.json(&["status"])["running"], false);
}

#[test]
fn undefined_cases_say_why() {
    let env = TestEnv::new();
    env.create_db();
    // No history at all.
    let d = env.json(&["dividend"]);
    assert!(
        d["keynes_week"]["reason"]
            .as_str()
            .unwrap()
            .contains("no complete week")
    );
    assert_eq!(d["keynes_week"]["keynes_hours"], Value::Null);
    // The keys are there, null, beside the reason: one shape for scripts.
    for key in [
        "average_hours",
        "weeks_averaged",
        "productivity_multiple",
        "keynes_hours",
        "dividend_hours",
    ] {
        assert!(
            d["keynes_week"].as_object().unwrap().contains_key(key),
            "{key}: {d}"
        );
    }
    assert_eq!(d["personal"], serde_json::json!([]));
    // A base year outside the data.
    let old = env.json(&["dividend", "--base", "1900"]);
    assert!(
        old["national"]["reason"]
            .as_str()
            .unwrap()
            .contains("1950–2019")
    );
    assert_eq!(old["national"]["base_year"], 1900);
    for key in [
        "end_year",
        "productivity_multiple",
        "hours_needed",
        "captured_share",
    ] {
        let national = old["national"].as_object().unwrap();
        assert_eq!(national.get(key), Some(&Value::Null), "{key}: {old}");
    }
    let text = env.ok(&["dividend", "--country", "CHN", "--base", "1960"]);
    assert!(
        text.contains("not available") && text.contains("1970–2019"),
        "{text}"
    );
    // A project with a unit but no output.
    env.ok(&["project", "writing", "--unit", "pages"]);
    env.ok(&[
        "add",
        "writing",
        "--from",
        "2026-02-23 09:00",
        "--for",
        "2h",
    ]);
    let p = env.json(&["dividend"])["personal"][0].clone();
    assert_eq!(p["productivity_multiple"], Value::Null);
    assert!(
        p["reason"]
            .as_str()
            .unwrap()
            .contains("both hours and output"),
        "{p}"
    );
    // Hard errors: unknown country, bad weeks, a baseline without a project.
    assert!(
        env.fails(&["dividend", "--country", "XYZ"], code::INVALID)
            .contains("--countries")
    );
    // Nigeria is in PWT but without hours worked: the message says it is hours data that is missing.
    let nga = env.fails(&["dividend", "--country", "NGA"], code::INVALID);
    assert!(
        nga.contains("no hours data") && nga.contains("NGA"),
        "{nga}"
    );
    env.fails(
        &[
            "dividend",
            "--project",
            "writing",
            "--baseline",
            "2026-W13..2026-W10",
        ],
        code::INVALID,
    );
    env.fails(&["dividend", "--period", "soon"], code::INVALID);
    env.fails(&["dividend", "--baseline", "2026-W10"], code::INVALID);
}

#[test]
fn countries_list() {
    let env = TestEnv::new();
    let list = env.json(&["dividend", "--countries"]);
    assert_eq!(list.as_array().unwrap().len(), 69);
    let usa = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "USA")
        .unwrap();
    assert_eq!(
        (usa["first_year"].as_i64(), usa["last_year"].as_i64()),
        (Some(1950), Some(2019))
    );
    let text = env.ok(&["dividend", "--countries"]);
    assert!(
        text.contains("CHN  1970–2019  China") && text.contains("CC BY 4.0"),
        "{text}"
    );
}

#[test]
fn when_hours_rose_the_text_says_so_instead_of_a_negative_dividend() {
    // China 1978 -> 2019: hours per worker 1972.7 -> 2168.9 (PWT avh), up 196.2 h/year,
    // 196.2 / 52 = 3.77 h/week.
    let env = TestEnv::new();
    env.create_db();
    let text = env.ok(&["dividend", "--country", "CHN", "--base", "1978"]);
    assert!(
        text.contains("none taken: hours rose by 196.2 h/year (3.8 h/week)"),
        "{text}"
    );
    assert!(!text.contains("taken as shorter hours -"), "{text}");
}

#[test]
fn weeks_that_have_not_begun_are_refused() {
    let env = TestEnv::new();
    env.ok(&["project", "writing", "--unit", "pages"]);
    for args in [
        &[
            "dividend",
            "--project",
            "writing",
            "--baseline",
            "2027-W01..2027-W04",
        ][..],
        &["dividend", "--project", "writing", "--period", "2027-W10"][..],
    ] {
        let err = env.fails(args, code::INVALID);
        assert!(err.contains("has not begun"), "{args:?}: {err}");
    }
}

#[test]
fn a_config_country_without_data_is_a_config_error() {
    let env = TestEnv::new();
    env.create_db();
    std::fs::write(env.dir.path().join("config.toml"), "country = \"XXX\"\n").unwrap();
    let err = env.fails(&["dividend"], code::CONFIG);
    assert!(err.contains("config country = \"XXX\""), "{err}");
    // A flag overrides the config and works.
    env.ok(&["dividend", "--country", "USA"]);
}
