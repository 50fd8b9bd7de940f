//! The stable JSON report: `{"from","to","zone","group_by","rounding","total_seconds",
//! "raw_total_seconds","sessions_count","groups":[{"key","seconds","raw_seconds","children"}]}`.

use std::io::{self, Write};

use serde::Serialize;

use super::{Group, Report, RoundMode};
use crate::time;

#[derive(Serialize)]
struct ReportJson<'a> {
    from: Option<String>,
    to: Option<String>,
    zone: &'a str,
    group_by: Vec<&'static str>,
    rounding: Option<RoundingJson>,
    total_seconds: i64,
    raw_total_seconds: i64,
    sessions_count: usize,
    groups: Vec<GroupJson<'a>>,
}

#[derive(Serialize)]
struct RoundingJson {
    step_seconds: i64,
    mode: &'static str,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    key: &'a str,
    seconds: i64,
    raw_seconds: i64,
    children: Vec<GroupJson<'a>>,
}

fn group(g: &Group) -> GroupJson<'_> {
    GroupJson {
        key: &g.key,
        seconds: g.seconds,
        raw_seconds: g.raw_seconds,
        children: g.children.iter().map(group).collect(),
    }
}

/// The name of a rounding mode in flags and JSON.
#[must_use]
pub fn mode_name(mode: RoundMode) -> &'static str {
    match mode {
        RoundMode::Up => "up",
        RoundMode::Nearest => "nearest",
        RoundMode::Down => "down",
    }
}

/// Writes the report as one JSON document and a newline.
pub fn render(report: &Report, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let o = &report.options;
    let value = ReportJson {
        from: o.span.from.map(|t| time::rfc3339_in(o.zone, t)),
        to: o.span.to.map(|t| time::rfc3339_in(o.zone, t)),
        zone: o.zone.name(),
        group_by: o.group_by.iter().map(|g| g.name()).collect(),
        rounding: o.rounding.map(|r| RoundingJson {
            step_seconds: r.step,
            mode: mode_name(r.mode),
        }),
        total_seconds: report.total_seconds,
        raw_total_seconds: report.raw_total_seconds,
        sessions_count: report.sessions_count,
        groups: report.groups.iter().map(group).collect(),
    };
    crate::interop::json::to_writer(&mut *out, &value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
