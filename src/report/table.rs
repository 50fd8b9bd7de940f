//! The terminal table: a header line, one row per group with a bar, the total.
//! Widths are measured in terminal columns, so CJK names line up.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::apportion::{Shown, h_m, shown};
use super::{Report, display_key, header};

const BAR_WIDTH: usize = 24;

/// Writes the table.
pub fn render(report: &Report, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    writeln!(out, "{}", header(report))?;
    let (total, rows) = shown(report);
    if rows.is_empty() {
        writeln!(out, "No time tracked in this range.")?;
        return Ok(());
    }
    let mut flat = Vec::new();
    flatten(&rows, 0, &mut flat);
    let by = &report.options.group_by;
    let lines: Vec<(usize, String, &Shown<'_>)> = flat
        .into_iter()
        .map(|(depth, row)| {
            let key = display_key(&row.group.key, by.get(depth).copied());
            (depth, format!("{}{key}", "  ".repeat(depth)), row)
        })
        .collect();
    let key_width = lines
        .iter()
        .map(|(_, key, _)| key.width())
        .max()
        .unwrap_or(0);
    let key_width = key_width.max("Total".len());
    let max = rows
        .iter()
        .map(|r| r.group.seconds)
        .max()
        .unwrap_or(0)
        .max(1);
    writeln!(out)?;
    for (depth, key, row) in &lines {
        let pad = " ".repeat(key_width - key.width());
        let bar = if *depth == 0 {
            bar(row.group.seconds, max)
        } else {
            String::new()
        };
        let line = format!("{key}{pad}  {:>9}  {bar}", h_m(row.minutes));
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(
        out,
        "{}  {:>9}",
        format_args!("{:<key_width$}", "Total"),
        h_m(total)
    )?;
    if report.groups_overlap() {
        writeln!(
            out,
            "(a session with several tags counts under each, so rows can add up to more)"
        )?;
    }
    Ok(())
}

fn flatten<'a>(rows: &'a [Shown<'a>], depth: usize, lines: &mut Vec<(usize, &'a Shown<'a>)>) {
    for row in rows {
        lines.push((depth, row));
        flatten(&row.children, depth + 1, lines);
    }
}

/// A bar of up to `BAR_WIDTH` cells in eighths.
fn bar(value: i64, max: i64) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = i64::try_from(BAR_WIDTH * 8).unwrap_or(192) * value.max(0) / max;
    let full = usize::try_from(eighths / 8).unwrap_or(0);
    let part = usize::try_from(eighths % 8).unwrap_or(0);
    format!("{}{}", "█".repeat(full), PARTS[part])
}
