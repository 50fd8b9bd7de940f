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
    // LEISURE-MODEL.md §5 precision: R to 2 decimals, whole hours a year, 0.1 h a
    // week, shares in whole percent. 2.2128 → 2.21; 1893.4 → 1,893; 12.34% → 12%.
    assert!(text.contains("R = 2.21\n"), "{text}");
    assert!(
        text.contains("1,893 → 1,765 h/year (36.4 → 33.9 h/week, annual ÷ 52)"),
        "{text}"
    );
    assert!(
        text.contains("Share of the potential taken as shorter hours: 12%"),
        "{text}"
    );
    // 1970 labour share 0.6490 and 2019 0.5971 are both measured (not flagged).
    assert!(
        text.contains("Labour share of GDP  65% (1970) → 60% (2019)"),
        "{text}"
    );
    assert!(!text.contains("2.213") && !text.contains("12.3%"), "{text}");
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
    // 18.5 / 2.2128 = 8.36: named as what it is, with its assumption (§5).
    assert!(
        text.contains(
            "what your 18.5 h/week produced at 1970 productivity takes 8.4 h/week at 2019 productivity (R = 2.21, United States)"
        ),
        "{text}"
    );
    assert!(
        text.contains("Assuming your productivity grew like the United States average"),
        "{text}"
    );
    assert!(text.contains("the data end in 2019"), "{text}");
    assert!(!text.contains("output per worker (R"), "{text}");
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
        text.contains("where the gain went: 45% more output, 55% shorter hours"),
        "{text}"
    );
    // D_real / D_pot = 2 / 3.333 = 60%, under its one name; the old name is gone.
    assert!(
        text.contains("share of the potential taken as shorter hours: 60%"),
        "{text}"
    );
    assert!(!text.contains("free time:"), "{text}");
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
        text.contains("none taken: hours rose by 196 h/year (3.8 h/week)"),
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

#[test]
fn json_contract_caveats_hours_per_head_career() {
    let env = TestEnv::new();
    env.create_db();
    let kinds = |d: &Value| -> Vec<String> {
        d["national"]["caveats"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                assert!(c["message"].as_str().is_some_and(|m| !m.is_empty()), "{c}");
                c["kind"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let deu = env.json(&["dividend", "--country", "DEU", "--base", "1970"]);
    let k = kinds(&deu);
    assert!(
        k.contains(&"labour_share_repeated".into()) && k.contains(&"series_break".into()),
        "{k:?}"
    );
    // Germany's labour share 0.6681 is PWT's one value for 1950–1991.
    assert_eq!(
        deu["national"]["labour_share_base_run"],
        serde_json::json!({"first_year": 1950, "last_year": 1991})
    );
    let text = env.ok(&["dividend", "--country", "DEU", "--base", "1970"]);
    assert!(
        text.contains("67% (PWT's one value for 1950–1991, not a measurement of 1970)"),
        "{text}"
    );
    assert!(!text.contains("66.8% (1970)"), "{text}");
    let chn = env.json(&["dividend", "--country", "CHN", "--base", "1978"]);
    assert!(kinds(&chn).contains(&"release_sensitive".into()));
    assert!(kinds(&chn).contains(&"avh_repeated".into()));
    let text = env.ok(&["dividend", "--country", "CHN", "--base", "1978"]);
    assert!(text.contains("PWT 11.0"), "{text}");
    // USA 1970 → 2019 by hand from the CSV: avh × emp / pop.
    let usa = env.json(&["dividend"]);
    let n = &usa["national"];
    assert!(close(
        &n["hours_per_head_base"],
        1893.4 * 84.6969 / 209.5133
    ));
    assert!(close(
        &n["hours_per_head_end"],
        1765.3 * 158.2996 / 329.0649
    ));
    let r = 73.5850 / 33.2549;
    assert_eq!(n["career_years"], 45);
    assert!(close(
        &n["career_potential_hours"],
        45.0 * (1893.4 - 1893.4 / r)
    ));
    assert!(close(&n["career_realised_hours"], 45.0 * (1893.4 - 1765.3)));
    // The old keys are all still there.
    for key in ["warnings", "captured_share", "labour_share_end", "reason"] {
        assert!(n.as_object().unwrap().contains_key(key), "{key}");
    }
    // An unavailable national part has the new keys too, null.
    let old = env.json(&["dividend", "--base", "1900"]);
    for key in [
        "hours_per_head_base",
        "career_potential_hours",
        "career_years",
    ] {
        assert_eq!(old["national"][key], Value::Null, "{key}");
    }
    assert_eq!(old["national"]["caveats"], serde_json::json!([]));
}

#[test]
fn a_tiny_gain_and_risen_hours() {
    // JAM 1990: avh 1938.2, 10.7216 $/h; 2002: 1965.6, 10.7546 $/h. R = 1.0031,
    // D_pot = 1938.2 - 1938.2 / R = 5.95 h a year: too small to divide.
    let env = TestEnv::new();
    env.create_db();
    let d = env.json(&["dividend", "--country", "JAM", "--base", "1990"]);
    let r = 10.7546 / 10.7216;
    assert!(close(
        &d["national"]["potential_hours"],
        1938.2 - 1938.2 / r
    ));
    assert_eq!(d["national"]["captured_share"], Value::Null);
    let text = env.ok(&["dividend", "--country", "JAM", "--base", "1990"]);
    assert!(text.contains("too small to divide"), "{text}");
    assert!(!text.contains("460"), "{text}");
    // CHN 1978: hours rose 1972.7 → 2168.9; share (1972.7 - 2168.9) / (1972.7 - 1972.7 / R).
    let d = env.json(&["dividend", "--country", "CHN", "--base", "1978"]);
    let r = 11.8742 / 1.7798;
    let share = (1972.7 - 2168.9) / (1972.7 - 1972.7 / r);
    assert!(close(&d["national"]["captured_share"], share));
    let text = env.ok(&["dividend", "--country", "CHN", "--base", "1978"]);
    // -196.2 / 1676.9 = -11.7% → whole percent.
    assert!(
        text.contains("Share of the potential taken as shorter hours: -12%"),
        "{text}"
    );
}

#[test]
fn week_comparison_and_accumulated_from_the_history() {
    let env = history();
    let d = env.json(&["dividend"]);
    let bars = d["week_comparison"].as_array().unwrap();
    let kinds: Vec<&str> = bars.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "you",
            "996",
            "national_average",
            "statutory",
            "base_year_living",
            "keynes"
        ]
    );
    let r = 73.5850 / 33.2549;
    // you: (10 + 10 + 10 + 44) / 4 = 18.5; USA 2019: 1765.3 / 52; FLSA 40 h;
    // 1970 living: 1893.4 / R / 52; Keynes 15.
    let expected = [18.5, 72.0, 1765.3 / 52.0, 40.0, 1893.4 / r / 52.0, 15.0];
    for (bar, e) in bars.iter().zip(expected) {
        assert!(close(&bar["hours_per_week"], e), "{bar} vs {e}");
        assert!(bar["source"].as_str().is_some_and(|s| !s.is_empty()));
    }
    // Everything tracked: 4 × 10 h + 8 h + 36 h = 84 h.
    let a = &d["accumulated"];
    assert!(close(&a["tracked_hours"], 84.0));
    assert!(close(&a["hours_at_end_productivity"], 84.0 / r));
    assert!(close(&a["difference_hours"], 84.0 - 84.0 / r));
    assert!(close(&a["difference_weeks_40h"], (84.0 - 84.0 / r) / 40.0));
    assert_eq!(d["accumulated_reason"], Value::Null);
    let text = env.ok(&["dividend"]);
    // 84 / 2.2128 = 37.96; 84 - 37.96 = 46.04 h = 1.15 weeks of 40 h.
    assert!(
        text.contains("84.0 h tracked; at 2019 productivity what they produced at 1970 productivity takes 38.0 h; difference 46.0 h (1.2 weeks of 40 hours)"),
        "{text}"
    );
    assert!(
        text.contains("Your week against the alternatives"),
        "{text}"
    );
    // The personal trend: the last complete weeks of writing, oldest first; W14 is
    // 8 h and 24 pages, 3 pages an hour.
    let weekly = d["personal"][0]["weekly"].as_array().unwrap();
    let last = weekly.last().unwrap();
    assert_eq!(last["week"], "2026-W14");
    assert!(close(&last["per_hour"], 3.0));
    assert_eq!(weekly[0]["week"], "2026-W10");
    // No history: accumulated is null with a reason.
    let empty = TestEnv::new();
    empty.create_db();
    let empty = empty.json(&["dividend"]);
    assert_eq!(empty["accumulated"], Value::Null);
    assert!(empty["accumulated_reason"].as_str().is_some());
    assert_eq!(empty["week_comparison"][0]["hours_per_week"], Value::Null);
}

#[test]
fn compare_countries_side_by_side() {
    let env = TestEnv::new();
    env.create_db();
    let c = env.json(&["dividend", "--compare", "--base", "1970"]);
    assert_eq!(c["base_year"], 1970);
    let rows = c["countries"].as_array().unwrap();
    assert_eq!(rows.len(), 46);
    // ARG first: R = 29.3701 / 22.3981, share (2006.0 - 1609.1) / (2006.0 - 2006.0 / R).
    let r = 29.3701 / 22.3981;
    assert_eq!(rows[0]["country_code"], "ARG");
    assert_eq!(rows[0]["country"], "Argentina");
    assert_eq!(rows[0]["end_year"], 2019);
    assert!(close(&rows[0]["productivity_multiple"], r));
    assert!(close(&rows[0]["potential_hours"], 2006.0 - 2006.0 / r));
    assert!(close(&rows[0]["realised_hours"], 2006.0 - 1609.1));
    assert!(close(
        &rows[0]["captured_share"],
        (2006.0 - 1609.1) / (2006.0 - 2006.0 / r)
    ));
    for key in [
        "country_code",
        "country",
        "end_year",
        "productivity_multiple",
        "potential_hours",
        "realised_hours",
        "captured_share",
        "caveats",
    ] {
        assert!(rows[0].as_object().unwrap().contains_key(key), "{key}");
    }
    // Venezuela ends in 2006 and carries its series break.
    let ven = rows.iter().find(|r| r["country_code"] == "VEN").unwrap();
    assert_eq!(ven["end_year"], 2006);
    assert!(
        ven["caveats"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "series_break")
    );
    // Sorted high to low, nulls last.
    let shares: Vec<Option<f64>> = rows.iter().map(|r| r["captured_share"].as_f64()).collect();
    let nulls = shares
        .iter()
        .position(Option::is_none)
        .unwrap_or(shares.len());
    assert!(shares[nulls..].iter().all(Option::is_none));
    assert!(shares[..nulls].windows(2).all(|w| w[0] >= w[1]));
    let text = env.ok(&["dividend", "--compare", "--base", "1970"]);
    assert!(text.contains("ARG Argentina"), "{text}");
    assert!(text.contains("VEN Venezuela"), "{text}");
    assert!(text.contains("83%"), "{text}");
    assert!(text.contains("Penn World Table 10.01"), "{text}");
    // A base year without data anywhere: one line, exit 3, no output on stdout.
    let err = env.fails(&["dividend", "--compare", "--base", "1900"], code::INVALID);
    assert!(err.contains("1900") && err.contains("1950–2019"), "{err}");
    // --compare is for all countries: with --country it is a usage error.
    env.fails(&["dividend", "--compare", "--country", "USA"], code::USAGE);
}
