//! `otium balance [range]`: worked, target and difference per day and per week, and
//! the running overtime balance since `balance_since`.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::args::RangeArgs;
use super::limits::range_days;
use crate::error::{Error, Result};
use crate::limits::targets::{Balance, Targets};
use crate::time;

/// `balance [range]` [default: this week].
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

/// `+1h 05m`, `-30m`, `0m`.
fn signed(seconds: i64) -> String {
    let sign = match seconds {
        s if s > 0 => "+",
        s if s < 0 => "-",
        _ => "",
    };
    let text = if seconds == 0 {
        "0m".to_string()
    } else {
        time::human_duration(seconds.abs())
    };
    format!("{sign}{text}")
}

fn hm(seconds: i64) -> String {
    if seconds == 0 {
        "0m".to_string()
    } else {
        time::human_duration(seconds)
    }
}

pub fn run(ctx: &mut Ctx, args: &BalanceArgs) -> Result<()> {
    let config = ctx.tracker.config().clone();
    let targets = Targets::from_config(&config).ok_or_else(|| {
        Error::invalid(
            "no target is set; add daily_target_hours, weekly_target_hours or a [targets] table to config.toml",
        )
    })?;
    let zone = args.range.zone(ctx)?;
    let (first, last) = range_days(ctx, &args.range, zone)?;
    let today = time::local_date(zone, ctx.tracker.now());
    if first > today {
        return Err(Error::invalid(format!(
            "the range {first} – {last} has not begun (today is {today}); a balance covers days up to today"
        )));
    }
    let b = ctx.tracker.balance(&targets, zone, first, last)?;
    ctx.out.value(|| BalanceJson {
        zone: zone.name(),
        balance: &b,
    });
    ctx.out.line(format!(
        "Balance {first} – {} · {} · running balance since {}",
        last.min(today),
        zone.name(),
        b.since
    ));
    ctx.out.line("");
    let row = |label: String, w: i64, t: i64, d: i64, bal: Option<i64>| {
        format!(
            "{label:<16} {:>9} {:>9} {:>9} {:>9}",
            hm(w),
            hm(t),
            signed(d),
            bal.map_or_else(|| "–".to_string(), signed)
        )
    };
    ctx.out.line(format!(
        "{:<16} {:>9} {:>9} {:>9} {:>9}",
        "", "worked", "target", "diff", "balance"
    ));
    // Weeks and days are both in date order and the weeks cover the days without
    // gaps, so one walk through the days serves every week: linear in the range.
    let mut days = b.days.iter().peekable();
    for week in &b.weeks {
        while let Some(d) = days.next_if(|d| d.date <= week.to) {
            if d.date < week.from {
                continue;
            }
            ctx.out.line(row(
                d.date.format("%a %Y-%m-%d").to_string(),
                d.worked_seconds,
                d.target_seconds,
                d.difference_seconds,
                d.balance_seconds,
            ));
        }
        ctx.out.line(row(
            week.week.clone(),
            week.worked_seconds,
            week.target_seconds,
            week.difference_seconds,
            week.balance_seconds,
        ));
        ctx.out.line("");
    }
    ctx.out.line(row(
        "Total".to_string(),
        b.worked_seconds,
        b.target_seconds,
        b.difference_seconds,
        b.balance_seconds,
    ));
    Ok(())
}
