//! `otium report`: ranges, grouping, rounding, filters, formats and errors.
//!
//! The week of Mon 2026-03-02 in Europe/Berlin, now Friday 03-06 18:00 (+01:00):
//!   1 writing +book +draft  Mon 09:00–11:20          2h 20m =  8 400 s  note "chapter 3"
//!   2 coding +review        Tue 22:00–Wed 01:30      3h 30m = 12 600 s  (2h Tue, 1h 30m Wed)
//!   3 写作                  Thu 10:00–10:45            45m =  2 700 s
//!   4 a<b>&"c               Thu 13:00–13:20            20m =  1 200 s  note "<script>…"
//!   5 coding                Fri 02-27 09:00–10:00   1h 00m =  3 600 s  (last week)
//! This week: 8 400 + 12 600 + 2 700 + 1 200 = 24 900 s = 6h 55m.

use serde_json::{Value, json};

use crate::env::{TestEnv, code};

pub fn week() -> TestEnv {
    let env = TestEnv::at("Europe/Berlin", "2026-03-06T18:00:00+01:00");
    env.ok(&[
        "add",
        "writing",
        "+draft",
        "+book",
        "--from",
        "2026-03-02 09:00",
        "--to",
        "11:20",
        "-n",
        "chapter 3",
    ]);
    env.ok(&[
        "add",
        "coding",
        "+review",
        "--from",
        "2026-03-03 22:00",
        "--to",
        "2026-03-04 01:30",
        "-n",
        "=HYPERLINK(\"x\")",
    ]);
    env.ok(&["add", "写作", "--from", "2026-03-05 10:00", "--for", "45m"]);
    env.ok(&[
        "add",
        "a<b>&\"c",
        "--from",
        "2026-03-05 13:00",
        "--for",
        "20m",
        "-n",
        "<script>alert(1)</script>",
    ]);
    env.ok(&["add", "coding", "--from", "2026-02-27 09:00", "--for", "1h"]);
    env
}

fn report(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    env.json(&all)
}

/// A report's top-level groups as (key, seconds) pairs.
pub fn groups(v: &Value) -> Vec<(String, i64)> {
    v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                g["seconds"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, i64)]) -> Vec<(String, i64)> {
    list.iter().map(|(k, s)| ((*k).to_string(), *s)).collect()
}

#[test]
fn default_is_this_week_by_project_as_a_table() {
    let env = week();
    let text = env.ok(&["report"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "2026-03-02 – 2026-03-08 · Europe/Berlin · by project · total 6h 55m in 4 sessions"
    );
    let rows: Vec<&str> = lines[2..]
        .iter()
        .map(|l| l.split("  ").next().unwrap().trim())
        .collect();
    assert_eq!(rows, ["coding", "writing", "写作", "a<b>&\"c", "Total"]);
    assert!(
        lines[2].contains("3h 30m") && lines[2].contains('█'),
        "{text}"
    );
    assert!(lines.last().unwrap().ends_with("6h 55m"), "{text}");
    // The hours column ends at the same terminal column on every row, CJK included.
    use unicode_width::UnicodeWidthStr;
    let ends: Vec<usize> = lines[2..]
        .iter()
        .map(|l| {
            let end = l.find('m').map(|i| i + 1).unwrap();
            let cut = l[..end].rfind('m').unwrap() + 1;
            l[..cut].width()
        })
        .collect();
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{text}");
}

#[test]
fn json_shape_and_totals() {
    let env = week();
    let v = report(&env, &[]);
    assert_eq!(v["from"], "2026-03-02T00:00:00+01:00");
    assert_eq!(v["to"], "2026-03-09T00:00:00+01:00");
    assert_eq!(v["zone"], "Europe/Berlin");
    assert_eq!(v["total_seconds"], 24_900);
    assert_eq!(v["raw_total_seconds"], 24_900);
    assert_eq!(v["sessions_count"], 4);
    assert_eq!(v["rounding"], Value::Null);
    assert_eq!(
        groups(&v),
        pairs(&[
            ("coding", 12_600),
            ("writing", 8400),
            ("写作", 2700),
            ("a<b>&\"c", 1200)
        ])
    );
    assert_eq!(v["groups"][0]["children"], json!([]));
}

#[test]
fn by_day_splits_the_midnight_session_and_lists_every_day() {
    let env = week();
    let v = report(&env, &["--by", "day"]);
    assert_eq!(
        groups(&v),
        pairs(&[
            ("2026-03-02", 8400),
            ("2026-03-03", 7200),
            ("2026-03-04", 5400),
            ("2026-03-05", 3900),
            ("2026-03-06", 0),
            ("2026-03-07", 0),
            ("2026-03-08", 0),
        ])
    );
    let text = env.ok(&["report", "--by", "day"]);
    assert!(text.contains("Tue 2026-03-03     2h 00m"), "{text}");
    assert!(text.contains("Sun 2026-03-08     0h 00m"), "{text}");
}

#[test]
fn every_range_flag() {
    let env = week();
    let total = |args: &[&str]| report(&env, args)["total_seconds"].as_i64().unwrap();
    assert_eq!(total(&["--last-week"]), 3600);
    assert_eq!(total(&["--week", "2026-W09"]), 3600);
    assert_eq!(total(&["--week", "2026-W10"]), 24_900);
    assert_eq!(total(&["--week", "2026-03-04"]), 24_900);
    assert_eq!(total(&["--month", "2026-03"]), 24_900);
    assert_eq!(total(&["--month", "2026-02"]), 3600);
    assert_eq!(total(&["--month"]), 24_900);
    assert_eq!(total(&["--today"]), 0);
    assert_eq!(total(&["--yesterday"]), 3900);
    assert_eq!(total(&["--all"]), 28_500);
    // --to is inclusive; the midnight session is clipped to Wednesday.
    assert_eq!(
        total(&["--from", "2026-03-03", "--to", "2026-03-04"]),
        12_600
    );
    assert_eq!(total(&["--from", "2026-03-04", "--to", "2026-03-04"]), 5400);
    // Times work too: from Tue 23:00 to Wed 01:00 is 2 h of session 2.
    assert_eq!(
        total(&["--from", "2026-03-03 23:00", "--to", "2026-03-04 01:00"]),
        7200
    );
    // --from alone runs to the end of today.
    assert_eq!(total(&["--from", "2026-03-05"]), 3900);
}

#[test]
fn tz_reads_days_in_another_zone() {
    let env = week();
    // Tokyo's 03-04 is 03-03 15:00Z to 03-04 15:00Z, which holds all of session 2.
    let v = report(
        &env,
        &[
            "--tz",
            "Asia/Tokyo",
            "--from",
            "2026-03-04",
            "--to",
            "2026-03-04",
        ],
    );
    assert_eq!(v["zone"], "Asia/Tokyo");
    assert_eq!(v["from"], "2026-03-04T00:00:00+09:00");
    assert_eq!(v["total_seconds"], 12_600);
}

#[test]
fn by_tag_and_nested_project_tag() {
    let env = week();
    let v = report(&env, &["--month", "2026-03", "--by", "tag"]);
    // A session with two tags counts under each: book and draft both 2h 20m.
    assert_eq!(
        groups(&v),
        pairs(&[
            ("review", 12_600),
            ("book", 8400),
            ("draft", 8400),
            ("(no tag)", 3900)
        ])
    );
    assert_eq!(v["total_seconds"], 24_900);
    let nested = report(&env, &["--week", "2026-W10", "--by", "project,tag"]);
    assert_eq!(nested["groups"][1]["key"], "writing");
    assert_eq!(nested["groups"][1]["seconds"], 8400);
    assert_eq!(
        nested["groups"][1]["children"],
        json!([
            {"key": "book", "seconds": 8400, "raw_seconds": 8400, "children": []},
            {"key": "draft", "seconds": 8400, "raw_seconds": 8400, "children": []},
        ])
    );
    let text = env.ok(&["report", "--by", "tag"]);
    assert!(text.contains("counts under each"), "{text}");
}

#[test]
fn by_week_and_month() {
    let env = week();
    let v = report(&env, &["--all", "--by", "week"]);
    assert_eq!(
        groups(&v),
        pairs(&[("2026-W09", 3600), ("2026-W10", 24_900)])
    );
    let v = report(&env, &["--all", "--by", "month"]);
    assert_eq!(groups(&v), pairs(&[("2026-02", 3600), ("2026-03", 24_900)]));
}

#[test]
fn rounding_per_session() {
    let env = week();
    // Up to 15 min: 140 -> 150, 210 -> 210, 45 -> 45, 20 -> 30 minutes = 435 min.
    let up = report(&env, &["--round", "15m"]);
    assert_eq!(up["total_seconds"], 435 * 60);
    assert_eq!(up["raw_total_seconds"], 24_900);
    assert_eq!(up["rounding"], json!({"step_seconds": 900, "mode": "up"}));
    // Down: 135 + 210 + 45 + 15 = 405 min; nearest happens to agree.
    assert_eq!(
        report(&env, &["--round", "15m", "--round-mode", "down"])["total_seconds"],
        405 * 60
    );
    assert_eq!(
        report(&env, &["--round", "15m", "--round-mode", "nearest"])["total_seconds"],
        405 * 60
    );
    let text = env.ok(&["report", "--round", "15m"]);
    assert!(
        text.lines().next().unwrap().ends_with(
            "total 7h 15m in 4 sessions · each session rounded up to 15m (unrounded 6h 55m)"
        ),
        "{text}"
    );
}

#[test]
fn filters() {
    let env = week();
    let total = |args: &[&str]| report(&env, args)["total_seconds"].as_i64().unwrap();
    assert_eq!(total(&["--project", "coding"]), 12_600);
    assert_eq!(
        total(&["--project", "writing", "--project", "写作"]),
        11_100
    );
    assert_eq!(total(&["--tag", "book"]), 8400);
    assert_eq!(total(&["--tag", "+review", "--project", "writing"]), 0);
}

#[test]
fn markdown_matches_the_golden_file() {
    let env = week();
    // Without the dividend, whose figures are the leisure data's, not the report's.
    let md = env.ok(&[
        "report",
        "--by",
        "project,tag",
        "--format",
        "md",
        "--no-dividend",
    ]);
    assert_eq!(md, include_str!("../golden/report-project-tag.md"));
}

#[test]
fn csv_matches_the_golden_file() {
    let env = week();
    let csv = env.ok(&["report", "--by", "day,project", "--format", "csv"]);
    assert_eq!(csv, include_str!("../golden/report-day-project.csv"));
}

#[test]
fn csv_raw_keeps_formula_like_keys() {
    let env = week();
    env.ok(&["add", "=cmd", "--from", "2026-03-06 09:00", "--for", "1h"]);
    let safe = env.ok(&["report", "--format", "csv", "--today"]);
    assert!(safe.contains(",'=cmd,"), "{safe}");
    let raw = env.ok(&["report", "--format", "csv", "--today", "--raw"]);
    assert!(raw.contains(",=cmd,"), "{raw}");
}

#[test]
fn html_is_self_contained_with_svg_and_escaped_strings() {
    let env = week();
    let path = env.dir.path().join("week.html");
    env.ok(&["report", "--format", "html", "-o", path.to_str().unwrap()]);
    let html = std::fs::read_to_string(&path).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(doc.select(&select("svg")).count(), 2);
    // Per day: 7 bars; per project: 4 bars.
    assert_eq!(doc.select(&select("svg rect")).count(), 11);
    let texts: Vec<String> = doc
        .select(&select("svg text"))
        .map(|t| t.text().collect())
        .collect();
    assert!(texts.iter().any(|t| t == "a<b>&\"c"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "写作"), "{texts:?}");
    // The raw markup never carries the user's characters unescaped.
    assert!(!html.contains("a<b>"), "unescaped project name");
    assert!(html.contains("a&lt;b&gt;&amp;&quot;c"));
    for outside in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "found {outside}");
    }
    let total: String = doc
        .select(&select("tr.total td"))
        .map(|t| t.text().collect::<String>())
        .collect();
    assert_eq!(total, "Total6h 55m");
}

#[test]
fn output_file_is_written_atomically_and_not_overwritten() {
    let env = week();
    let path = env.dir.path().join("r.json");
    let p = path.to_str().unwrap();
    env.ok(&["report", "--format", "json", "-o", p]);
    let first = std::fs::read(&path).unwrap();
    let v: Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(v["total_seconds"], 24_900);
    let err = env.fails(&["report", "--format", "md", "-o", p], code::INVALID);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), first);
    env.ok(&["report", "--format", "md", "-o", p, "--force"]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Work report\n")
    );
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with(".otium-")), "{names:?}");
}

#[test]
fn errors_are_clear_and_write_nothing() {
    let env = week();
    let out = env.dir.path().join("never.csv");
    let o = out.to_str().unwrap();
    let cases: [(&[&str], i32, &str); 9] = [
        (&["--week", "2026-W99"], code::INVALID, "YYYY-Www"),
        (&["--week", "next"], code::INVALID, "YYYY-Www"),
        (&["--month", "2026-13"], code::INVALID, "YYYY-MM"),
        (
            &["--from", "2026-03-05", "--to", "2026-03-04"],
            code::INVALID,
            "not after --from",
        ),
        (
            &["--tz", "Mars/Olympus"],
            code::INVALID,
            "unknown time zone",
        ),
        (&["--format", "pdf"], code::USAGE, "pdf"),
        (&["--by", "colour"], code::INVALID, "cannot group by"),
        (&["--round", "0m"], code::INVALID, "zero"),
        (&["--week", "--month"], code::USAGE, "cannot be used with"),
    ];
    for (args, expected, text) in cases {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend(["-o", o]);
        let err = env.fails(&all, expected);
        assert!(err.contains(text), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    // The database itself is never an output.
    let db = env.db();
    let err = env.fails(
        &["report", "-o", db.to_str().unwrap(), "--force"],
        code::INVALID,
    );
    assert!(err.contains("database"), "{err}");
    let wal = format!("{}-wal", db.display());
    env.fails(&["report", "-o", &wal, "--force"], code::INVALID);
}
