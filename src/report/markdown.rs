//! A Markdown table to paste into a wiki or chat, with the header and total lines.

use std::io::{self, Write};

use super::apportion::{Shown, hh_mm, shown};
use super::{GroupBy, Report, display_key, header};

/// Writes the Markdown report.
pub fn render(report: &Report, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    writeln!(out, "**{}**", escape(&header(report)))?;
    writeln!(out)?;
    let (total, rows) = shown(report);
    let names: Vec<&str> = report.options.group_by.iter().map(|g| g.name()).collect();
    let what = if names.is_empty() {
        "range".to_string()
    } else {
        names.join(" / ")
    };
    writeln!(out, "| {what} | hours |")?;
    writeln!(out, "|---|---:|")?;
    write_rows(&rows, &report.options.group_by, "", out)?;
    writeln!(out, "| **Total** | **{}** |", hh_mm(total))?;
    if report.groups_overlap() {
        writeln!(out, "\nA session with several tags counts under each tag.")?;
    }
    Ok(())
}

fn write_rows(
    rows: &[Shown<'_>],
    by: &[GroupBy],
    prefix: &str,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    for row in rows {
        let shown = display_key(&row.group.key, by.first().copied());
        let key = format!("{prefix}{}", escape(&shown));
        writeln!(out, "| {key} | {} |", hh_mm(row.minutes))?;
        write_rows(
            &row.children,
            by.get(1..).unwrap_or(&[]),
            &format!("{key} › "),
            out,
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
