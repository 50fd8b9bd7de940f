//! The report people send, as one self-contained HTML file: no scripts, fonts or
//! links to anything outside it. A heading with who, for whom, the range with its
//! weekdays and the zone; inline SVG charts of hours per day and per project; the
//! table (amounts when rates exist); then, when there is something to say, the
//! sessions, targets, limits and the leisure dividend. Every user string is escaped;
//! the print style lays it out on A4 or Letter in black and white.

use std::io::{self, Write};

use super::apportion::{Shown, h_m_in, shown};
use super::document::Document;
use super::money::cents;
use super::{GroupBy, Report, display_key_in, header_in};
use crate::i18n::{Lang, t};

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// Print: the browser's paper size (A4 or Letter) with margins that fit both; the
// content is never wider than A4's 180 mm, sections and rows are not split across
// pages where avoidable, and table heads repeat on every page.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.4}\
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.1rem;margin-top:2rem}.meta{color:#444}\
dl.who{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:.5rem 0}dl.who dt{color:#444}dl.who dd{margin:0}\
table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;border-bottom:1px solid #ccc;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.total td{font-weight:bold;border-top:2px solid #111}\
svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#111}svg rect{fill:#4a6fa5}\
.breach{color:#8a1c1c}small{color:#444}\
@page{margin:16mm 15mm}\
@media print{body{max-width:180mm;margin:0 auto;padding:0;font-size:10.5pt}svg rect{fill:#555}\
section{break-inside:avoid-page}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}.breach{color:#111}}";

/// Writes the page in `lang` (its `lang` attribute too, for fonts and screen readers).
pub fn render(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let report = &doc.report;
    let title = escape(&doc.title_in(lang));
    let range = doc.range_label_in(lang);
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        lang.tag()
    )?;
    writeln!(
        out,
        "<title>{title} · {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        escape(&range)
    )?;
    writeln!(out, "<header>\n<h1>{title}</h1>\n<dl class=\"who\">")?;
    let mut item = |key: &str, value: &str| {
        writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            t(lang, key, &[]),
            escape(value)
        )
    };
    if let Some(name) = &doc.name {
        item("report-field-name", name)?;
    }
    if let Some(client) = &doc.client {
        item("report-field-client", client)?;
    }
    item("report-field-range", &range)?;
    item("report-field-zone", report.options.zone.name())?;
    let (total, rows) = shown(report);
    let key = if report.sessions_count == 1 {
        "report-total-sessions-one"
    } else {
        "report-total-sessions"
    };
    item(
        "report-total",
        &t(
            lang,
            key,
            &[
                ("total", &h_m_in(lang, total)),
                ("n", &report.sessions_count),
            ],
        ),
    )?;
    for c in report.amounts() {
        item(
            "report-field-amount",
            &format!("{} {}", cents(c.cents), c.currency),
        )?;
    }
    writeln!(
        out,
        "</dl>\n<p class=\"meta\">{}</p>\n</header>",
        escape(&header_in(report, lang))
    )?;

    let per_time = if doc.over_time_monthly {
        (t(lang, "report-chart-per-month", &[]), GroupBy::Month)
    } else {
        (t(lang, "report-chart-per-day", &[]), GroupBy::Day)
    };
    writeln!(out, "<section class=\"charts\">\n<h2>{}</h2>", per_time.0)?;
    super::svg::bars(&per_time.0, &doc.over_time.groups, per_time.1, lang, out)?;
    let per_project = t(lang, "report-chart-per-project", &[]);
    writeln!(out, "<h2>{per_project}</h2>")?;
    super::svg::bars(
        &per_project,
        &doc.per_project.groups,
        GroupBy::Project,
        lang,
        out,
    )?;
    writeln!(out, "</section>")?;

    details(report, lang, total, &rows, out)?;
    super::html_sections::sessions(doc, lang, out)?;
    super::html_sections::targets(doc, lang, out)?;
    super::html_sections::limits(doc, lang, out)?;
    super::html_sections::dividend(doc, lang, out)?;
    writeln!(
        out,
        "<footer><p class=\"meta\">{}</p></footer>\n</main>\n</body>\n</html>",
        t(lang, "report-made-with", &[])
    )
}

/// The report's table: one row per group, indented by level; rate and amount
/// columns only when a counted project has a rate.
fn details(
    report: &Report,
    lang: Lang,
    total: i64,
    rows: &[Shown<'_>],
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    let money = report.has_amounts();
    let what = super::labels::group_heading(report, lang);
    let money_heads = if money {
        format!(
            "<th class=\"n\">{}</th><th class=\"n\">{}</th>",
            t(lang, "report-col-rate", &[]),
            t(lang, "report-col-amount", &[])
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "<section class=\"details\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th class=\"n\">{}</th>{money_heads}</tr></thead>\n<tbody>",
        t(lang, "report-details", &[]),
        escape(&what),
        t(lang, "report-col-hours", &[]),
    )?;
    table_rows(report, lang, rows, &mut Vec::new(), out)?;
    writeln!(out, "</tbody>\n<tfoot>")?;
    let amounts = report.amounts();
    let total_amount = match amounts.as_slice() {
        [one] if money => format!(
            "<td></td><td class=\"n\">{} {}</td>",
            cents(one.cents),
            one.currency
        ),
        _ if money => "<td></td><td></td>".to_string(),
        _ => String::new(),
    };
    writeln!(
        out,
        "<tr class=\"total\"><td>{}</td><td class=\"n\">{}</td>{total_amount}</tr>",
        t(lang, "report-total", &[]),
        h_m_in(lang, total)
    )?;
    if amounts.len() > 1 {
        // Currencies are never added together: one total line each.
        for c in &amounts {
            let currency = escape(&c.currency);
            writeln!(
                out,
                "<tr class=\"amount-total\"><td>{}</td><td></td><td></td><td class=\"n\">{} {currency}</td></tr>",
                t(lang, "report-total-currency", &[("currency", &currency)]),
                cents(c.cents),
            )?;
        }
    }
    writeln!(out, "</tfoot>\n</table>")?;
    if report.groups_overlap() {
        writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            t(lang, "report-overlap-tags", &[])
        )?;
    }
    writeln!(out, "</section>")
}

fn table_rows<'a>(
    report: &'a Report,
    lang: Lang,
    rows: &'a [Shown<'a>],
    path: &mut Vec<&'a str>,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    for row in rows {
        let depth = path.len();
        path.push(&row.group.key);
        let indent = f64::from(u32::try_from(depth).unwrap_or(0)) * 1.5;
        let key = display_key_in(
            &row.group.key,
            report.options.group_by.get(depth).copied(),
            lang,
        );
        let money = if report.has_amounts() {
            match report.rate_for(path) {
                Some(rate) => format!(
                    "<td class=\"n\">{}</td><td class=\"n\">{} {}</td>",
                    escape(&rate.to_string()),
                    cents(rate.amount(row.group.seconds)),
                    escape(&rate.currency)
                ),
                None => "<td></td><td></td>".to_string(),
            }
        } else {
            String::new()
        };
        writeln!(
            out,
            "<tr><td style=\"padding-left:{indent}rem\">{}</td><td class=\"n\">{}</td>{money}</tr>",
            escape(&key),
            h_m_in(lang, row.minutes)
        )?;
        table_rows(report, lang, &row.children, path, out)?;
        path.pop();
    }
    Ok(())
}
