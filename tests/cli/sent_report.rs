//! The report people send (`report --format html|md`) and project rates.
//!
//! The week of Mon 2026-11-23 in Europe/Berlin (+01:00), now Friday 11-27 18:00:
//!   1 coding  Mon 09:00–16:30  7h 30m  note "API & <tests>"   85 EUR/h → 637.50 EUR
//!   2 writing Tue 09:00–10:00  1h 00m                          60 EUR/h ([rates]) →  60.00 EUR
//!   3 ops     Wed 09:00–10:30  1h 30m                         100 USD/h → 150.00 USD
//!   4 coding  Fri 11-20 09:00–10:00 (last week)
//! EUR total 637.50 + 60.00 = 697.50; USD total 150.00; hours 10h 00m.

use scraper::{Html, Selector};
use serde_json::json;

use crate::env::{TestEnv, code};

const CONFIG: &str = "[report]\nname = \"Ada Lovelace\"\nclient = \"Acme <GmbH>\"\n\
    [rates]\nwriting = \"60 EUR\"\n";

fn week(config: &str) -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2026-11-27T18:00:00+01:00");
    std::fs::write(env.dir.path().join("config.toml"), config).unwrap();
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-11-23 09:00",
        "--to",
        "16:30",
        "-n",
        "API & <tests>",
    ]);
    env.ok(&[
        "add",
        "writing",
        "--from",
        "2026-11-24 09:00",
        "--for",
        "1h",
    ]);
    env.ok(&["add", "ops", "--from", "2026-11-25 09:00", "--for", "1h30m"]);
    env.ok(&["add", "coding", "--from", "2026-11-20 09:00", "--for", "1h"]);
    env
}

fn rated(config: &str) -> TestEnv {
    let env = week(config);
    env.ok(&["project", "coding", "--rate", "85", "--currency", "eur"]);
    env.ok(&["project", "ops", "--rate", "100", "--currency", "USD"]);
    env
}

fn select(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&select(css))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn project_rate_is_stored_shown_and_cleared() {
    let env = week("");
    let out = env.ok(&["project", "coding", "--rate", "92.5", "--currency", "usd"]);
    assert!(
        out.contains("Project coding is billed at 92.50 USD/h."),
        "{out}"
    );
    let v = env.json(&["project", "coding"]);
    assert_eq!(v["rate"], "92.50");
    assert_eq!(v["currency"], "USD");
    env.ok(&["project", "coding", "--no-rate"]);
    let v = env.json(&["project", "coding"]);
    assert_eq!(v["rate"], json!(null));
    // A stored rate wins over [rates]; without one, [rates] applies.
    std::fs::write(
        env.dir.path().join("config.toml"),
        "[rates]\ncoding = \"50 EUR\"\n",
    )
    .unwrap();
    assert_eq!(env.json(&["project", "coding"])["rate"], "50.00");
    env.ok(&["project", "coding", "--rate", "85", "--currency", "EUR"]);
    assert_eq!(env.json(&["project", "coding"])["rate"], "85.00");
}

#[test]
fn bad_rates_are_refused_and_change_nothing() {
    let env = week("");
    let before = env.db_bytes();
    for (args, needle) in [
        (
            &["project", "coding", "--rate", "-5", "--currency", "EUR"][..],
            "hourly rate",
        ),
        (
            &["project", "coding", "--rate", "8,5", "--currency", "EUR"][..],
            "hourly rate",
        ),
        (
            &["project", "coding", "--rate", "1.234", "--currency", "EUR"][..],
            "two decimals",
        ),
        (
            &["project", "coding", "--rate", "85", "--currency", "EURO"][..],
            "currency",
        ),
        // The unit is not written either when the rate is bad: one transaction.
        (
            &[
                "project",
                "coding",
                "--unit",
                "tickets",
                "--rate",
                "x",
                "--currency",
                "EUR",
            ][..],
            "hourly rate",
        ),
    ] {
        let err = env.fails(args, code::INVALID);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    env.fails(&["project", "coding", "--rate", "85"], code::USAGE);
    assert_eq!(env.db_bytes(), before);
    let bad = "[rates]\ncoding = \"85\"\n";
    std::fs::write(env.dir.path().join("config.toml"), bad).unwrap();
    let err = env.fails(&["report", "--week"], code::CONFIG);
    assert!(err.contains("line 2") && err.contains("85 EUR"), "{err}");
}

#[test]
fn json_and_csv_carry_amounts_by_hand() {
    let env = rated(CONFIG);
    let v = env.json(&["report", "--week"]);
    let groups = v["groups"].as_array().unwrap();
    let by = |k: &str| groups.iter().find(|g| g["key"] == k).unwrap().clone();
    // 7h 30m × 85 = 637.50; 1h × 60 = 60.00; 1h 30m × 100 = 150.00.
    assert_eq!(by("coding")["amount"], json!(637.5));
    assert_eq!(by("coding")["currency"], "EUR");
    assert_eq!(by("writing")["amount"], json!(60.0));
    assert_eq!(by("ops")["currency"], "USD");
    assert_eq!(
        v["amounts"],
        json!([{"currency": "EUR", "amount": 697.5}, {"currency": "USD", "amount": 150.0}])
    );
    let csv = env.ok(&["report", "--week", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().ends_with("hours,amount,currency"),
        "{csv}"
    );
    assert!(
        csv.contains(",coding,27000,27000,7.5000,637.50,EUR"),
        "{csv}"
    );
    assert!(csv.contains(",ops,5400,5400,1.5000,150.00,USD"), "{csv}");
    // Per day, then project: Monday's coding row carries its amount.
    let v = env.json(&["report", "--week", "--by", "day,project"]);
    let monday = &v["groups"][0];
    assert_eq!(monday["key"], "2026-11-23");
    assert_eq!(monday["children"][0]["amount"], json!(637.5));
    assert!(monday.get("amount").is_none(), "a day has no single rate");
}

#[test]
fn amounts_follow_the_round_rules() {
    let env = TestEnv::at("Europe/Berlin", "2026-11-27T18:00:00+01:00");
    env.ok(&[
        "add",
        "coding",
        "--from",
        "2026-11-23 09:00",
        "--for",
        "7h22m",
    ]);
    env.ok(&["project", "coding", "--rate", "85", "--currency", "EUR"]);
    // 7h 22m up to 15 min: 7h 30m × 85 = 637.50; unrounded 7h 22m × 85 = 626.1666… → 626.17.
    let v = env.json(&["report", "--week", "--round", "15m"]);
    assert_eq!(v["amounts"], json!([{"currency": "EUR", "amount": 637.5}]));
    let v = env.json(&["report", "--week"]);
    assert_eq!(v["amounts"], json!([{"currency": "EUR", "amount": 626.17}]));
}

#[test]
fn no_rates_no_money_columns() {
    let env = week("");
    let v = env.json(&["report", "--week"]);
    assert!(v.get("amounts").is_none(), "{v}");
    assert!(v["groups"][0].get("amount").is_none());
    let csv = env.ok(&["report", "--week", "--format", "csv"]);
    assert!(!csv.contains("amount"), "{csv}");
    let md = env.ok(&["report", "--week", "--format", "md"]);
    assert!(!md.contains("amount") && !md.contains("Amount"), "{md}");
    let table = env.ok(&["report", "--week"]);
    assert!(!table.contains("EUR"), "{table}");
}

#[test]
fn html_report_has_its_structure() {
    // Top-level keys before the tables, as TOML reads them.
    let env = rated(&format!(
        "daily_target_hours = 8\nlimits = \"eu\"\n{CONFIG}"
    ));
    let path = env.dir.path().join("week.html");
    env.ok(&[
        "report",
        "--week",
        "--format",
        "html",
        "--sessions",
        "--title",
        "Week 48 <draft>",
        "-o",
        path.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&path).unwrap();
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "h1"), ["Week 48 <draft>"]);
    assert!(html.contains("Week 48 &lt;draft&gt;"));
    let who = texts(&doc, "dl.who dd");
    assert!(who.contains(&"Ada Lovelace".to_string()), "{who:?}");
    assert!(who.contains(&"Acme <GmbH>".to_string()), "{who:?}");
    assert!(
        who.contains(&"Mon 2026-11-23 – Sun 2026-11-29".to_string()),
        "{who:?}"
    );
    assert!(who.contains(&"Europe/Berlin".to_string()), "{who:?}");
    assert!(who.contains(&"697.50 EUR".to_string()) && who.contains(&"150.00 USD".to_string()));
    // Two charts: 7 days and 3 projects.
    assert_eq!(doc.select(&select("section.charts svg")).count(), 2);
    assert_eq!(doc.select(&select("section.charts svg rect")).count(), 10);
    let day_labels = texts(&doc, "section.charts svg:first-of-type > text");
    assert!(
        day_labels.contains(&"Mon 2026-11-23".to_string()),
        "{day_labels:?}"
    );
    // The table: no chart in it, amounts per project and one total line per currency.
    assert_eq!(doc.select(&select("section.details svg")).count(), 0);
    let head = texts(&doc, "section.details thead th");
    assert_eq!(head, ["project", "hours", "rate", "amount"]);
    let rows: Vec<String> = doc
        .select(&select("section.details tbody tr"))
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(
        rows,
        [
            "coding|7h 30m|85.00 EUR/h|637.50 EUR",
            "ops|1h 30m|100.00 USD/h|150.00 USD",
            "writing|1h 00m|60.00 EUR/h|60.00 EUR",
        ]
    );
    assert_eq!(texts(&doc, "tr.total td")[..2], ["Total", "10h 00m"]);
    let totals: Vec<String> = texts(&doc, "tr.amount-total td:last-child");
    assert_eq!(totals, ["697.50 EUR", "150.00 USD"]);
    // Sessions with notes, escaped.
    let sessions = texts(&doc, "section.sessions tbody td:last-child");
    assert_eq!(sessions, ["API & <tests>", "", ""]);
    assert!(!html.contains("<tests>"));
    // Targets: 5 weekdays × 8 h = 40 h against 10 h, but only days up to Friday
    // count: Mon–Fri = 40 h target, worked 10 h, −30 h.
    let targets = texts(&doc, "section.targets td");
    assert!(targets.contains(&"−30h 00m".to_string()), "{targets:?}");
    // Limits of the range: the EU set, with its rules and their sources.
    assert_eq!(
        texts(&doc, "section.limits h2"),
        ["Working-time limits (eu)"]
    );
    assert!(doc.select(&select("section.limits ul.rules li")).count() >= 3);
    assert!(html.contains("2003/88/EC"), "the rules name their source");
    // The dividend with its attribution.
    let dividend = texts(&doc, "section.dividend");
    assert!(dividend[0].contains("Penn World Table"), "{dividend:?}");
    assert!(dividend[0].contains("Keynes"), "{dividend:?}");
    // Print-ready and self-contained.
    assert!(html.contains("@page") && html.contains("@media print"));
    for outside in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "found {outside}");
    }
}

#[test]
fn no_dividend_and_no_sessions_leave_them_out() {
    let env = week("");
    let html = env.ok(&["report", "--week", "--format", "html", "--no-dividend"]);
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&select("section.dividend")).count(), 0);
    assert_eq!(doc.select(&select("section.sessions")).count(), 0);
    // Nothing configured: no targets, limits, name or client.
    assert_eq!(
        doc.select(&select("section.targets, section.limits"))
            .count(),
        0
    );
    assert_eq!(texts(&doc, "h1"), ["Work report"]);
    assert!(!texts(&doc, "dl.who dt").contains(&"Name".to_string()));
    let md = env.ok(&["report", "--week", "--format", "md"]);
    assert!(md.contains("## Leisure dividend"), "{md}");
    let md = env.ok(&["report", "--week", "--format", "md", "--no-dividend"]);
    assert!(!md.contains("Leisure dividend"), "{md}");
}

#[test]
fn markdown_report_has_the_heading_the_money_and_the_sessions() {
    let env = rated(CONFIG);
    let md = env.ok(&[
        "report",
        "--week",
        "--format",
        "md",
        "--sessions",
        "--no-dividend",
    ]);
    assert!(md.starts_with("# Work report\n\n**Name:** Ada Lovelace  \n**Client:** Acme \\<GmbH\\>  \n**Range:** Mon 2026-11-23 – Sun 2026-11-29  \n**Zone:** Europe/Berlin  \n**Amount:** 697.50 EUR  \n**Amount:** 150.00 USD\n"), "{md}");
    assert!(
        md.contains("| coding | 7:30 | 85.00 EUR/h | 637.50 EUR |"),
        "{md}"
    );
    assert!(
        md.contains("| **Total EUR** | | | **697.50 EUR** |"),
        "{md}"
    );
    assert!(
        md.contains("| Mon 2026-11-23 | 09:00–16:30 | 7h 30m | coding | API & \\<tests\\> |"),
        "{md}"
    );
}

#[test]
fn document_flags_need_a_document_format() {
    let env = week("");
    for args in [
        &["report", "--week", "--title", "x"][..],
        &["report", "--week", "--sessions", "--format", "csv"][..],
        &["report", "--week", "--no-dividend", "--json"][..],
    ] {
        let err = env.fails(args, code::INVALID);
        assert!(err.contains("--format html"), "{err}");
    }
    let err = env.fails(
        &["report", "--week", "--format", "md", "--title", " "],
        code::INVALID,
    );
    assert!(err.contains("--title"), "{err}");
}
