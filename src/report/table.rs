//! The terminal table: a header line, one row per group with a bar, the total.
//! Widths are measured in terminal columns, so CJK names line up. With rates, an
//! amount column follows the hours, and the totals end with one line per currency.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::apportion::{Shown, h_m, shown};
use super::money::cents;
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
    flatten(&rows, &mut Vec::new(), &mut flat);
    let by = &report.options.group_by;
    let money = report.has_amounts();
    let lines: Vec<(usize, String, &Shown<'_>, String)> = flat
        .into_iter()
        .map(|(path, row)| {
            let depth = path.len() - 1;
            let key = display_key(&row.group.key, by.get(depth).copied());
            let amount = report
                .rate_for(&path)
                .map(|r| format!("{} {}", cents(r.amount(row.group.seconds)), r.currency))
                .unwrap_or_default();
            (depth, format!("{}{key}", "  ".repeat(depth)), row, amount)
        })
        .collect();
    let amounts = report.amounts();
    let amount_width = lines
        .iter()
        .map(|l| l.3.len())
        .chain(amounts.iter().map(|t| cents(t.cents).len() + 4))
        .max()
        .unwrap_or(0);
    let key_width = lines
        .iter()
        .map(|(_, key, _, _)| key.width())
        .max()
        .unwrap_or(0);
    let key_width = key_width.max(if amounts.len() > 1 {
        "Total EUR".len()
    } else {
        "Total".len()
    });
    let max = rows
        .iter()
        .map(|r| r.group.seconds)
        .max()
        .unwrap_or(0)
        .max(1);
    writeln!(out)?;
    for (depth, key, row, amount) in &lines {
        let pad = " ".repeat(key_width - key.width());
        let bar = if *depth == 0 {
            bar(row.group.seconds, max)
        } else {
            String::new()
        };
        let amount = if money {
            format!("  {amount:>amount_width$}")
        } else {
            String::new()
        };
        let line = format!("{key}{pad}  {:>9}{amount}  {bar}", h_m(row.minutes));
        writeln!(out, "{}", line.trim_end())?;
    }
    let total_amount = match amounts.as_slice() {
        [one] => format!(
            "  {:>amount_width$}",
            format!("{} {}", cents(one.cents), one.currency)
        ),
        _ => String::new(),
    };
    writeln!(
        out,
        "{}  {:>9}{total_amount}",
        format_args!("{:<key_width$}", "Total"),
        h_m(total)
    )?;
    if amounts.len() > 1 {
        // Currencies are never added together: one total line each.
        for t in &amounts {
            writeln!(
                out,
                "{}  {:>9}  {:>amount_width$}",
                format_args!("{:<key_width$}", format!("Total {}", t.currency)),
                "",
                format!("{} {}", cents(t.cents), t.currency)
            )?;
        }
    }
    if report.groups_overlap() {
        writeln!(
            out,
            "(a session with several tags counts under each, so rows can add up to more)"
        )?;
    }
    Ok(())
}

/// Every row with its key path (outermost first), in reading order.
fn flatten<'a>(
    rows: &'a [Shown<'a>],
    path: &mut Vec<&'a str>,
    lines: &mut Vec<(Vec<&'a str>, &'a Shown<'a>)>,
) {
    for row in rows {
        path.push(&row.group.key);
        lines.push((path.clone(), row));
        flatten(&row.children, path, lines);
        path.pop();
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
