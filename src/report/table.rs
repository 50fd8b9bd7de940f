//! The terminal table: a header line, one row per group with a bar, the total.
//! Widths are measured in terminal columns, so CJK names line up. With rates, an
//! amount column follows the hours, and the totals end with one line per currency.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::apportion::{Shown, h_m_in, shown};
use super::money::cents;
use super::{Report, display_key_in, header_in};
use crate::i18n::{Lang, t, zh};

const BAR_WIDTH: usize = 24;

/// Writes the table in `lang`.
pub fn render(report: &Report, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    writeln!(out, "{}", header_in(report, lang))?;
    let (total, rows) = shown(report);
    if rows.is_empty() {
        writeln!(out, "{}", t(lang, "report-empty", &[]))?;
        return Ok(());
    }
    // Hours are right-aligned in terminal columns: `123h 05m` fits 9, `123小时05分` 11.
    let hours_width = if lang.is_zh() { 11 } else { 9 };
    let total_label = t(lang, "report-total", &[]);
    let mut flat = Vec::new();
    flatten(&rows, &mut Vec::new(), &mut flat);
    let by = &report.options.group_by;
    let money = report.has_amounts();
    let lines: Vec<(usize, String, &Shown<'_>, String)> = flat
        .into_iter()
        .map(|(path, row)| {
            let depth = path.len() - 1;
            let key = display_key_in(&row.group.key, by.get(depth).copied(), lang);
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
        t(lang, "report-total-currency", &[("currency", &"EUR")]).width()
    } else {
        total_label.width()
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
        let hours = zh::pad_start(&h_m_in(lang, row.minutes), hours_width);
        let line = format!("{key}{pad}  {hours}{amount}  {bar}");
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
        "{}  {}{total_amount}",
        zh::pad_end(&total_label, key_width),
        zh::pad_start(&h_m_in(lang, total), hours_width)
    )?;
    if amounts.len() > 1 {
        // Currencies are never added together: one total line each.
        for c in &amounts {
            let label = t(lang, "report-total-currency", &[("currency", &c.currency)]);
            writeln!(
                out,
                "{}  {}  {:>amount_width$}",
                zh::pad_end(&label, key_width),
                " ".repeat(hours_width),
                format!("{} {}", cents(c.cents), c.currency)
            )?;
        }
    }
    if report.groups_overlap() {
        writeln!(out, "{}", t(lang, "report-overlap-rows", &[]))?;
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
