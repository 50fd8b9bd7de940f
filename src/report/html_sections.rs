//! The HTML report's sections after the table: sessions, targets and balance,
//! working-time limits, and the leisure dividend. Each writes nothing when the
//! document has nothing for it (not asked, or not configured).

use std::io::{self, Write};

use super::document::Document;
use super::html::escape;
use crate::time;

/// `+1h 05m`, `−2h 00m`, `0m`.
#[must_use]
pub fn signed(seconds: i64) -> String {
    let text = if seconds == 0 {
        "0m".to_string()
    } else {
        time::human_duration(seconds.abs())
    };
    match seconds {
        s if s > 0 => format!("+{text}"),
        s if s < 0 => format!("−{text}"),
        _ => text,
    }
}

/// The sessions with their notes (`--sessions`).
pub fn sessions(doc: &Document, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(list) = &doc.sessions else {
        return Ok(());
    };
    let zone = doc.report.options.zone;
    let now = doc.report.options.now;
    writeln!(
        out,
        "<section class=\"sessions\">\n<h2>Sessions</h2>\n<table>\n<thead><tr><th>day</th><th>time</th><th class=\"n\">hours</th><th>project</th><th>note</th></tr></thead>\n<tbody>"
    )?;
    for s in list {
        let start = s.start.with_timezone(&zone);
        let end = s.end.map(|e| e.with_timezone(&zone));
        let until = match end {
            Some(e) if e.date_naive() == start.date_naive() => e.format("%H:%M").to_string(),
            Some(e) => e.format("%a %Y-%m-%d %H:%M").to_string(),
            None => "running".to_string(),
        };
        let seconds = (s.end.unwrap_or(now) - s.start).num_seconds();
        let tags: String = s.tags.iter().map(|t| format!(" +{t}")).collect();
        writeln!(
            out,
            "<tr><td>{}</td><td>{}–{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            start.format("%a %Y-%m-%d"),
            start.format("%H:%M"),
            escape(&until),
            time::human_duration(seconds),
            escape(&format!("{}{tags}", s.project)),
            escape(s.note.as_deref().unwrap_or(""))
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// Worked against target over the range, and the running overtime balance.
pub fn targets(doc: &Document, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(b) = &doc.balance else {
        return Ok(());
    };
    writeln!(
        out,
        "<section class=\"targets\">\n<h2>Targets</h2>\n<table>\n<tbody>\n<tr><td>Worked</td><td class=\"n\">{}</td></tr>\n<tr><td>Target</td><td class=\"n\">{}</td></tr>\n<tr><td>Difference</td><td class=\"n\">{}</td></tr>",
        time::human_duration(b.worked_seconds),
        time::human_duration(b.target_seconds),
        signed(b.difference_seconds)
    )?;
    if let Some(balance) = b.balance_seconds {
        writeln!(
            out,
            "<tr><td>Overtime balance since {}</td><td class=\"n\">{}</td></tr>",
            b.since.format("%a %Y-%m-%d"),
            signed(balance)
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// The limit set's rules with their sources, and what the range broke.
pub fn limits(doc: &Document, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(l) = &doc.limits else {
        return Ok(());
    };
    writeln!(
        out,
        "<section class=\"limits\">\n<h2>Working-time limits ({})</h2>",
        escape(l.set)
    )?;
    if l.breaches.is_empty() {
        writeln!(out, "<p>No breaches in this range.</p>")?;
    } else {
        writeln!(out, "<ul class=\"breaches\">")?;
        for b in &l.breaches {
            writeln!(
                out,
                "<li class=\"breach\">{}: {} <small>({})</small></li>",
                escape(&b.description),
                escape(&b.message),
                escape(b.source)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "<p>Rules checked:</p>\n<ul class=\"rules\">")?;
    for (rule, source) in &l.rules {
        writeln!(
            out,
            "<li>{} <small>({})</small></li>",
            escape(rule),
            escape(source)
        )?;
    }
    writeln!(
        out,
        "</ul>\n<p class=\"meta\">These checks inform; they are not legal advice.</p>\n</section>"
    )
}

/// Your week against the alternatives, with the data attribution.
pub fn dividend(doc: &Document, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let Some(d) = &doc.dividend else {
        return Ok(());
    };
    writeln!(
        out,
        "<section class=\"dividend\">\n<h2>Leisure dividend: your week against the alternatives ({})</h2>",
        escape(&d.country)
    )?;
    if d.alternatives.is_empty() {
        writeln!(out, "<p>No national figures for this country and year.</p>")?;
    } else {
        writeln!(
            out,
            "<table>\n<thead><tr><th>week</th><th class=\"n\">hours per week</th><th>source</th></tr></thead>\n<tbody>"
        )?;
        for a in &d.alternatives {
            writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                escape(a.kind.label()),
                a.hours_per_week
                    .map_or_else(|| "–".to_string(), |h| format!("{h:.1} h")),
                escape(&a.source)
            )?;
        }
        writeln!(out, "</tbody>\n</table>")?;
    }
    writeln!(
        out,
        "<p><small>{}</small></p>\n</section>",
        escape(d.attribution)
    )
}
