//! `otium balance [range]`: worked, target and difference per day and per week, and
//! the running overtime balance since `balance_since`.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::args::RangeArgs;
use super::limits::range_days;
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::{self, Lang, t, zh};
use crate::limits::targets::{Balance, Targets};
use crate::report::{self, GroupBy};
use crate::time;

// `balance [range]` [default: this week].
#[derive(Debug, Args)]
pub struct BalanceArgs {
    #[command(flatten)]
    pub range: RangeArgs,
}

#[derive(Serialize)]
struct BalanceJson<'a> {
    zone: &'a str,
    #[serde(flatten)]
    balance: &'a Balance,
}

/// `+1h 05m`, `-30m`, `0m`; `+1小时05分`, `-30分`… in Chinese.
fn signed(lang: Lang, seconds: i64) -> String {
    let sign = match seconds {
        s if s > 0 => "+",
        s if s < 0 => "-",
        _ => "",
    };
    format!("{sign}{}", hm(lang, seconds.abs()))
}

/// A duration in the table: `0m` for nothing, else `1h 05m` (`1小时05分`).
fn hm(lang: Lang, seconds: i64) -> String {
    if seconds == 0 {
        t(lang, "report-zero-duration", &[])
    } else {
        i18n::duration(lang, seconds)
    }
}

pub fn run(ctx: &mut Ctx, args: &BalanceArgs) -> Result<()> {
    let lang = ctx.lang;
    let config = ctx.tracker.config().clone();
    let targets = Targets::from_config(&config).ok_or_else(|| {
        Error::keyed(
            ErrorKind::InvalidInput,
            "limits-error-no-target",
            Vec::new(),
        )
    })?;
    let zone = args.range.zone(ctx)?;
    let (first, last) = range_days(ctx, &args.range, zone)?;
    let today = time::local_date(zone, ctx.tracker.now());
    if first > today {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "limits-error-not-begun",
            vec![
                ("from", first.to_string()),
                ("to", last.to_string()),
                ("today", today.to_string()),
            ],
        ));
    }
    let b = ctx.tracker.balance(&targets, zone, first, last)?;
    ctx.out.value(|| BalanceJson {
        zone: zone.name(),
        balance: &b,
    });
    let day = |d| report::day_in(lang, d);
    ctx.out.line(t(
        lang,
        "limits-balance-header",
        &[
            ("from", &day(first)),
            ("to", &day(last.min(today))),
            ("zone", &zone.name()),
            ("since", &day(b.since)),
        ],
    ));
    ctx.out.line("");
    // Columns in terminal columns, so Chinese labels and durations line up: a label
    // of 16 (`Mon 2026-03-02`, `2026年第10周`), figures of 9 (`+12h 05m`) or, in
    // Chinese, 12 (`+12小时05分`).
    let width = if lang.is_zh() { 12 } else { 9 };
    let row = |label: &str, cells: [String; 4]| {
        let cells: Vec<String> = cells.iter().map(|c| zh::pad_start(c, width)).collect();
        format!("{} {}", zh::pad_end(label, 16), cells.join(" "))
    };
    let figures = |w: i64, target: i64, d: i64, bal: Option<i64>| {
        [
            hm(lang, w),
            hm(lang, target),
            signed(lang, d),
            bal.map_or_else(|| "–".to_string(), |b| signed(lang, b)),
        ]
    };
    let heads = [
        "limits-balance-worked",
        "limits-balance-target",
        "limits-balance-diff",
        "limits-balance-balance",
    ]
    .map(|k| t(lang, k, &[]));
    ctx.out.line(row("", heads));
    // Weeks and days are both in date order and the weeks cover the days without
    // gaps, so one walk through the days serves every week: linear in the range.
    let mut days = b.days.iter().peekable();
    for week in &b.weeks {
        while let Some(d) = days.next_if(|d| d.date <= week.to) {
            if d.date < week.from {
                continue;
            }
            let label = if lang.is_zh() {
                zh::day_short(d.date)
            } else {
                d.date.format("%a %Y-%m-%d").to_string()
            };
            ctx.out.line(row(
                &label,
                figures(
                    d.worked_seconds,
                    d.target_seconds,
                    d.difference_seconds,
                    d.balance_seconds,
                ),
            ));
        }
        ctx.out.line(row(
            &report::display_key_in(&week.week, Some(GroupBy::Week), lang),
            figures(
                week.worked_seconds,
                week.target_seconds,
                week.difference_seconds,
                week.balance_seconds,
            ),
        ));
        ctx.out.line("");
    }
    ctx.out.line(row(
        &t(lang, "report-total", &[]),
        figures(
            b.worked_seconds,
            b.target_seconds,
            b.difference_seconds,
            b.balance_seconds,
        ),
    ));
    Ok(())
}
