//! The report people send, as Markdown to paste into a wiki, a ticket or a mail:
//! a heading with who, for whom, the range with its weekdays and the zone; the
//! table (amounts when rates exist); then the sessions, targets, limits and the
//! leisure dividend when the document has them. Charts are the HTML page's.

use std::io::{self, Write};

use super::apportion::{Shown, hh_mm, shown};
use super::document::Document;
use super::html_sections::signed;
use super::money::cents;
use super::{GroupBy, Report, display_key, header};
use crate::time;

/// Writes the Markdown report.
pub fn render(doc: &Document, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let report = &doc.report;
    writeln!(out, "# {}\n", escape(&doc.title))?;
    // One field a line: a Markdown hard break (two spaces) between them.
    let mut fields = Vec::new();
    if let Some(name) = &doc.name {
        fields.push(format!("**Name:** {}", escape(name)));
    }
    if let Some(client) = &doc.client {
        fields.push(format!("**Client:** {}", escape(client)));
    }
    fields.push(format!("**Range:** {}", doc.range_label()));
    fields.push(format!("**Zone:** {}", report.options.zone.name()));
    for t in report.amounts() {
        fields.push(format!("**Amount:** {} {}", cents(t.cents), t.currency));
    }
    writeln!(out, "{}", fields.join("  \n"))?;
    writeln!(out)?;
    writeln!(out, "**{}**", escape(&header(report)))?;
    writeln!(out)?;
    table(report, out)?;
    sessions(doc, out)?;
    if let Some(b) = &doc.balance {
        writeln!(out, "\n## Targets\n")?;
        writeln!(
            out,
            "Worked {}, target {}, difference {}.",
            time::human_duration(b.worked_seconds),
            time::human_duration(b.target_seconds),
            signed(b.difference_seconds)
        )?;
        if let Some(balance) = b.balance_seconds {
            writeln!(
                out,
                "Overtime balance since {}: {}.",
                b.since.format("%a %Y-%m-%d"),
                signed(balance)
            )?;
        }
    }
    if let Some(l) = &doc.limits {
        writeln!(out, "\n## Working-time limits ({})\n", l.set)?;
        if l.breaches.is_empty() {
            writeln!(out, "No breaches in this range.")?;
        }
        for b in &l.breaches {
            writeln!(
                out,
                "- {}: {} ({})",
                escape(&b.description),
                escape(&b.message),
                escape(b.source)
            )?;
        }
        writeln!(out, "\nRules checked:\n")?;
        for (rule, source) in &l.rules {
            writeln!(out, "- {} ({})", escape(rule), escape(source))?;
        }
        writeln!(out, "\nThese checks inform; they are not legal advice.")?;
    }
    if let Some(d) = &doc.dividend {
        writeln!(
            out,
            "\n## Leisure dividend: your week against the alternatives ({})\n",
            d.country
        )?;
        if d.alternatives.is_empty() {
            writeln!(out, "No national figures for this country and year.")?;
        } else {
            writeln!(out, "| week | hours per week | source |\n|---|---:|---|")?;
            for a in &d.alternatives {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    a.kind.label(),
                    a.hours_per_week
                        .map_or_else(|| "–".to_string(), |h| format!("{h:.1} h")),
                    escape(&a.source)
                )?;
            }
        }
        writeln!(out, "\n{}", escape(d.attribution))?;
    }
    Ok(())
}

/// The report table with its total line, and money columns when rates exist.
fn table(report: &Report, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let (total, rows) = shown(report);
    let money = report.has_amounts();
    let names: Vec<&str> = report.options.group_by.iter().map(|g| g.name()).collect();
    let what = if names.is_empty() {
        "range".to_string()
    } else {
        names.join(" / ")
    };
    if money {
        writeln!(out, "| {what} | hours | rate | amount |")?;
        writeln!(out, "|---|---:|---:|---:|")?;
    } else {
        writeln!(out, "| {what} | hours |")?;
        writeln!(out, "|---|---:|")?;
    }
    write_rows(report, &rows, &mut Vec::new(), "", out)?;
    let amounts = report.amounts();
    match amounts.as_slice() {
        [one] if money => writeln!(
            out,
            "| **Total** | **{}** | | **{} {}** |",
            hh_mm(total),
            cents(one.cents),
            one.currency
        )?,
        _ if money => {
            writeln!(out, "| **Total** | **{}** | | |", hh_mm(total))?;
            // Currencies are never added together: one total line each.
            for t in &amounts {
                writeln!(
                    out,
                    "| **Total {}** | | | **{} {}** |",
                    t.currency,
                    cents(t.cents),
                    t.currency
                )?;
            }
        }
        _ => writeln!(out, "| **Total** | **{}** |", hh_mm(total))?,
    }
    if report.groups_overlap() {
        writeln!(out, "\nA session with several tags counts under each tag.")?;
    }
    Ok(())
}

fn write_rows<'a>(
    report: &'a Report,
    rows: &'a [Shown<'a>],
    path: &mut Vec<&'a str>,
    prefix: &str,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    let by: &[GroupBy] = &report.options.group_by;
    for row in rows {
        let shown = display_key(&row.group.key, by.get(path.len()).copied());
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
        write_rows(report, &row.children, path, &format!("{key} › "), out)?;
        path.pop();
    }
    Ok(())
}

/// The sessions with their notes (`--sessions`).
fn sessions(doc: &Document, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(list) = &doc.sessions else {
        return Ok(());
    };
    let zone = doc.report.options.zone;
    writeln!(out, "\n## Sessions\n")?;
    writeln!(
        out,
        "| day | time | hours | project | note |\n|---|---|---:|---|---|"
    )?;
    for s in list {
        let start = s.start.with_timezone(&zone);
        let until = match s.end.map(|e| e.with_timezone(&zone)) {
            Some(e) if e.date_naive() == start.date_naive() => e.format("%H:%M").to_string(),
            Some(e) => e.format("%a %Y-%m-%d %H:%M").to_string(),
            None => "running".to_string(),
        };
        let seconds = (s.end.unwrap_or(doc.report.options.now) - s.start).num_seconds();
        let tags: String = s.tags.iter().map(|t| format!(" +{t}")).collect();
        writeln!(
            out,
            "| {} | {}–{} | {} | {} | {} |",
            start.format("%a %Y-%m-%d"),
            start.format("%H:%M"),
            until,
            time::human_duration(seconds),
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
