//! The stable JSON report: `{"from","to","zone","group_by","rounding","total_seconds",
//! "raw_total_seconds","sessions_count","groups":[{"key","seconds","raw_seconds","children"}]}`.
//! With rates, a group whose project has one also has `"amount"` (a number with at most
//! two decimals) and `"currency"`, and the report has `"amounts":[{"currency","amount"}]`.

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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    amounts: Vec<AmountJson>,
}

#[derive(Serialize)]
struct AmountJson {
    currency: String,
    amount: f64,
}

/// Hundredths as a JSON number: `63750` is `637.5`. Exact for any amount below 2^53
/// hundredths, since the shortest decimal that reads back as the same float is printed.
#[allow(clippy::cast_precision_loss)]
fn amount_number(cents: i64) -> f64 {
    cents as f64 / 100.0
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
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
    children: Vec<GroupJson<'a>>,
}

fn group<'a>(report: &'a Report, path: &mut Vec<&'a str>, g: &'a Group) -> GroupJson<'a> {
    path.push(&g.key);
    let rate = report.rate_for(path);
    let children = g.children.iter().map(|c| group(report, path, c)).collect();
    path.pop();
    GroupJson {
        key: &g.key,
        seconds: g.seconds,
        raw_seconds: g.raw_seconds,
        amount: rate.map(|r| amount_number(r.amount(g.seconds))),
        currency: rate.map(|r| r.currency.as_str()),
        children,
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
        groups: report
            .groups
            .iter()
            .map(|g| group(report, &mut Vec::new(), g))
            .collect(),
        amounts: report
            .amounts()
            .into_iter()
            .map(|t| AmountJson {
                amount: amount_number(t.cents),
                currency: t.currency,
            })
            .collect(),
    };
    crate::interop::json::to_writer(&mut *out, &value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
