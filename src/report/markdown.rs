//! The report people send, as Markdown to paste into a wiki, a ticket or a mail:
//! a heading with who, for whom, the range with its weekdays and the zone; the
//! table (amounts when rates exist); then the sessions, targets, limits and the
//! leisure dividend when the document has them. Charts are the HTML page's.

use std::io::{self, Write};

use super::apportion::{Shown, hh_mm, shown};
use super::document::Document;
use super::html_sections::{dividend_words, session_times, signed_in};
use super::money::cents;
use super::{GroupBy, Report, display_key_in, header_in, weekday_day_in};
use crate::i18n::{self, Lang, t};

/// Writes the Markdown report in `lang`.
pub fn render(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let report = &doc.report;
    writeln!(out, "# {}\n", escape(&doc.title_in(lang)))?;
    // One field a line: a Markdown hard break (two spaces) between them.
    let field = |key: &str, value: &str| {
        let term = t(lang, key, &[]);
        format!(
            "**{}** {value}",
            t(lang, "report-field", &[("term", &term)])
        )
    };
    let mut fields = Vec::new();
    if let Some(name) = &doc.name {
        fields.push(field("report-field-name", &escape(name)));
    }
    if let Some(client) = &doc.client {
        fields.push(field("report-field-client", &escape(client)));
    }
    fields.push(field("report-field-range", &doc.range_label_in(lang)));
    fields.push(field("report-field-zone", report.options.zone.name()));
    for c in report.amounts() {
        let amount = format!("{} {}", cents(c.cents), c.currency);
        fields.push(field("report-field-amount", &amount));
    }
    writeln!(out, "{}", fields.join("  \n"))?;
    writeln!(out)?;
    writeln!(out, "**{}**", escape(&header_in(report, lang)))?;
    writeln!(out)?;
    table(report, lang, out)?;
    sessions(doc, lang, out)?;
    if let Some(b) = &doc.balance {
        writeln!(out, "\n## {}\n", t(lang, "report-targets-heading", &[]))?;
        let line = t(
            lang,
            "report-targets-line",
            &[
                ("worked", &i18n::duration(lang, b.worked_seconds)),
                ("target", &i18n::duration(lang, b.target_seconds)),
                ("difference", &signed_in(lang, b.difference_seconds)),
            ],
        );
        writeln!(out, "{line}")?;
        if let Some(balance) = b.balance_seconds {
            let line = t(
                lang,
                "report-balance-line",
                &[
                    ("since", &weekday_day_in(lang, b.since)),
                    ("balance", &signed_in(lang, balance)),
                ],
            );
            writeln!(out, "{line}")?;
        }
    }
    if let Some(l) = &doc.limits {
        let heading = t(lang, "report-limits-heading", &[("set", &l.set)]);
        writeln!(out, "\n## {heading}\n")?;
        if l.breaches.is_empty() {
            writeln!(out, "{}", t(lang, "report-no-breaches", &[]))?;
        }
        for b in &l.breaches {
            let item = t(
                lang,
                "report-breach-item",
                &[
                    ("rule", &escape(&b.description_in(lang))),
                    ("message", &escape(&b.message_in(lang))),
                    ("source", &escape(&b.source_in(lang))),
                ],
            );
            writeln!(out, "- {item}")?;
        }
        writeln!(out, "\n{}\n", t(lang, "report-rules-checked", &[]))?;
        for rule in &l.rules {
            let item = t(
                lang,
                "report-rule-item",
                &[
                    ("rule", &escape(&rule.describe_in(lang))),
                    ("source", &escape(&rule.source_in(lang))),
                ],
            );
            writeln!(out, "- {item}")?;
        }
        writeln!(out, "\n{}", t(lang, "limits-disclaimer", &[]))?;
    }
    if let Some(d) = &doc.dividend {
        let words = dividend_words(d, lang);
        writeln!(out, "\n## {}\n", words.heading)?;
        if words.rows.is_empty() {
            writeln!(out, "{}", t(lang, "report-dividend-none", &[]))?;
        } else {
            let [week, hours, source] = &words.columns;
            writeln!(out, "| {week} | {hours} | {source} |\n|---|---:|---|")?;
            for [name, hours, source] in &words.rows {
                writeln!(out, "| {name} | {hours} | {} |", escape(source))?;
            }
        }
        writeln!(
            out,
            "\n{}",
            escape(&crate::leisure::data::attribution(lang))
        )?;
    }
    Ok(())
}

/// The report table with its total line, and money columns when rates exist.
fn table(report: &Report, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let (total, rows) = shown(report);
    let money = report.has_amounts();
    let what = super::labels::group_heading(report, lang);
    let hours = t(lang, "report-col-hours", &[]);
    if money {
        let (rate, amount) = (
            t(lang, "report-col-rate", &[]),
            t(lang, "report-col-amount", &[]),
        );
        writeln!(out, "| {what} | {hours} | {rate} | {amount} |")?;
        writeln!(out, "|---|---:|---:|---:|")?;
    } else {
        writeln!(out, "| {what} | {hours} |")?;
        writeln!(out, "|---|---:|")?;
    }
    write_rows(report, lang, &rows, &mut Vec::new(), "", out)?;
    let amounts = report.amounts();
    let label = t(lang, "report-total", &[]);
    match amounts.as_slice() {
        [one] if money => writeln!(
            out,
            "| **{label}** | **{}** | | **{} {}** |",
            hh_mm(total),
            cents(one.cents),
            one.currency
        )?,
        _ if money => {
            writeln!(out, "| **{label}** | **{}** | | |", hh_mm(total))?;
            // Currencies are never added together: one total line each.
            for c in &amounts {
                let label = t(lang, "report-total-currency", &[("currency", &c.currency)]);
                writeln!(
                    out,
                    "| **{label}** | | | **{} {}** |",
                    cents(c.cents),
                    c.currency
                )?;
            }
        }
        _ => writeln!(out, "| **{label}** | **{}** |", hh_mm(total))?,
    }
    if report.groups_overlap() {
        writeln!(out, "\n{}", t(lang, "report-overlap-tags", &[]))?;
    }
    Ok(())
}

fn write_rows<'a>(
    report: &'a Report,
    lang: Lang,
    rows: &'a [Shown<'a>],
    path: &mut Vec<&'a str>,
    prefix: &str,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    let by: &[GroupBy] = &report.options.group_by;
    for row in rows {
        let shown = display_key_in(&row.group.key, by.get(path.len()).copied(), lang);
        path.push(&row.group.key);
        let key = format!("{prefix}{}", escape(&shown));
        let money = if report.has_amounts() {
            match report.rate_for(path) {
                Some(rate) => format!(
                    " {} | {} {} |",
                    rate,
                    cents(rate.amount(row.group.seconds)),
                    rate.currency
                ),
                None => " | |".to_string(),
            }
        } else {
            String::new()
        };
        writeln!(out, "| {key} | {} |{money}", hh_mm(row.minutes))?;
        write_rows(report, lang, &row.children, path, &format!("{key} › "), out)?;
        path.pop();
    }
    Ok(())
}

/// The sessions with their notes (`--sessions`).
fn sessions(doc: &Document, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(list) = &doc.sessions else {
        return Ok(());
    };
    let zone = doc.report.options.zone;
    writeln!(out, "\n## {}\n", t(lang, "report-sessions-heading", &[]))?;
    let cols: Vec<String> = [
        "report-col-day",
        "report-col-time",
        "report-col-hours",
        "report-col-project",
        "report-col-note",
    ]
    .iter()
    .map(|k| t(lang, k, &[]))
    .collect();
    writeln!(out, "| {} |\n|---|---|---:|---|---|", cols.join(" | "))?;
    for s in list {
        let times = session_times(lang, s, zone, doc.report.options.now);
        let tags: String = s.tags.iter().map(|t| format!(" +{t}")).collect();
        writeln!(
            out,
            "| {} | {}–{} | {} | {} | {} |",
            times.day,
            times.from,
            times.until,
            times.length,
            escape(&format!("{}{tags}", s.project)),
            escape(s.note.as_deref().unwrap_or(""))
        )?;
    }
    Ok(())
}

/// Escapes characters that would break a Markdown table cell or add formatting.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
