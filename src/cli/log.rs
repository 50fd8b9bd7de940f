//! `otium log`: sessions grouped by the local day they start on.

use chrono::{Days, NaiveDate};
use clap::Args;

use super::{Ctx, format};
use crate::error::{Error, Result};
use crate::model::SessionJson;
use crate::time::{self, parse::parse_date, range::Span};

/// Which sessions to list [default: this week].
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("range").multiple(false).args(["today", "yesterday", "week", "all", "from"]))]
pub struct LogArgs {
    /// Today.
    #[arg(long)]
    pub today: bool,
    /// Yesterday.
    #[arg(long)]
    pub yesterday: bool,
    /// This week (Monday to Sunday unless config `week_start` says otherwise).
    #[arg(long)]
    pub week: bool,
    /// Everything.
    #[arg(long)]
    pub all: bool,
    /// From this day (YYYY-MM-DD) or time.
    #[arg(long, allow_hyphen_values = true, value_name = "DATE")]
    pub from: Option<String>,
    /// To this day, inclusive (YYYY-MM-DD), or up to this time [default: today].
    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "DATE",
        requires = "from"
    )]
    pub to: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: &LogArgs) -> Result<()> {
    let span = span(ctx, args)?;
    let (now, zone) = (ctx.tracker.now(), ctx.tracker.zone());
    let sessions = ctx.tracker.sessions(span)?;
    let json: Vec<SessionJson> = sessions.iter().map(|s| s.to_json(now)).collect();
    ctx.out.value(&json);
    if sessions.is_empty() {
        ctx.out.line("No sessions in this range.");
    }
    let mut day: Option<NaiveDate> = None;
    for (i, s) in sessions.iter().enumerate() {
        let date = time::local_date(zone, s.start);
        if day != Some(date) {
            day = Some(date);
            let total: i64 = sessions[i..]
                .iter()
                .take_while(|o| time::local_date(zone, o.start) == date)
                .map(|o| o.duration_seconds(now))
                .sum();
            ctx.out.line(format!(
                "{}  {:>8}",
                date.format("%a %Y-%m-%d"),
                time::human_duration(total)
            ));
        }
        ctx.out.line(format::row(s, zone, now));
    }
    Ok(())
}

fn span(ctx: &mut Ctx, args: &LogArgs) -> Result<Span> {
    let zone = ctx.tracker.zone();
    let today = time::local_date(zone, ctx.tracker.now());
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    if args.all {
        return Ok(Span::ALL);
    }
    if args.today {
        return Ok(Span::days(zone, today, today));
    }
    if args.yesterday {
        return Ok(Span::days(zone, yesterday, yesterday));
    }
    if let Some(from) = &args.from {
        let start = match parse_date(from) {
            Some(date) => time::day_start(zone, date),
            None => ctx.instant(from, None)?,
        };
        let end = match args.to.as_deref().map(|t| (t, parse_date(t))) {
            None => Span::days(zone, today, today).to,
            Some((_, Some(date))) => Span::days(zone, date, date).to,
            Some((text, None)) => Some(ctx.instant(text, None)?),
        };
        if end.is_some_and(|end| end <= start) {
            return Err(Error::invalid("--to is before --from; give a later --to"));
        }
        return Ok(Span {
            from: Some(start),
            to: end,
        });
    }
    Ok(Span::week(zone, today, ctx.tracker.config().week_start.0))
}
