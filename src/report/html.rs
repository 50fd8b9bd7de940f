//! One self-contained HTML file: no scripts, fonts or links to anything outside it.
//! Inline SVG bar charts of hours per day and per project, then the report table.
//! Every user string is escaped; the page prints in black and white.

use std::io::{self, Write};

use super::apportion::{Shown, h_m, round_minutes, shown};
use super::{Group, Report, header};

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

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;color:#111}\
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.meta{color:#444}\
table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;border-bottom:1px solid #ccc;text-align:left}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:bold;border-top:2px solid #111}\
svg text{font-size:12px;fill:#111}svg rect{fill:#4a6fa5}\
@media print{svg rect{fill:#555}body{margin:0}}";

/// Writes the page; each `(title, report)` in `charts` becomes a bar chart of its groups.
pub fn render(
    report: &Report,
    charts: &[(&str, &Report)],
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    let title = escape(&header(report));
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<title>otium report</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(out, "<h1>Work report</h1>\n<p class=\"meta\">{title}</p>")?;
    for (title, chart_report) in charts {
        writeln!(out, "<h2>{}</h2>", escape(title))?;
        chart(&chart_report.groups, out)?;
    }
    writeln!(out, "<h2>Details</h2>\n<table>")?;
    let names: Vec<&str> = report.options.group_by.iter().map(|g| g.name()).collect();
    writeln!(
        out,
        "<tr><th>{}</th><th class=\"n\">hours</th></tr>",
        escape(&names.join(" / "))
    )?;
    let (total, rows) = shown(report);
    table_rows(&rows, 0, out)?;
    writeln!(
        out,
        "<tr class=\"total\"><td>Total</td><td class=\"n\">{}</td></tr>\n</table>",
        h_m(total)
    )?;
    if report.groups_overlap() {
        writeln!(
            out,
            "<p class=\"meta\">A session with several tags counts under each tag.</p>"
        )?;
    }
    writeln!(
        out,
        "<p class=\"meta\">Made with otium.</p>\n</body>\n</html>"
    )
}

fn table_rows(rows: &[Shown<'_>], depth: usize, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    for row in rows {
        let indent = f64::from(u32::try_from(depth).unwrap_or(0)) * 1.5;
        writeln!(
            out,
            "<tr><td style=\"padding-left:{indent}rem\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&row.group.key),
            h_m(row.minutes)
        )?;
        table_rows(&row.children, depth + 1, out)?;
    }
    Ok(())
}

/// A horizontal SVG bar chart, one bar per group.
fn chart(groups: &[Group], out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    const ROW: i64 = 22;
    const LABEL: i64 = 170;
    const BAR: i64 = 380;
    let height = ROW * i64::try_from(groups.len()).unwrap_or(0) + 4;
    let max = groups.iter().map(|g| g.seconds).max().unwrap_or(0).max(1);
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{height}\" role=\"img\" aria-label=\"hours\">"
    )?;
    for (i, g) in groups.iter().enumerate() {
        let y = ROW * i64::try_from(i).unwrap_or(0);
        let width = BAR * g.seconds / max;
        let label = escape(&g.key);
        writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{label}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"14\"><title>{label}</title></rect><text x=\"{}\" y=\"{}\">{}</text>",
            y + 15,
            y + 4,
            LABEL + width + 6,
            y + 15,
            h_m(round_minutes(g.seconds))
        )?;
    }
    writeln!(out, "</svg>")
}
