//! Flags shared by `log`, `report` and `export`: which range of local days, in which zone.

use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::Args;

use super::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::time::calendar::{month_first, parse_iso_week, parse_month, sub_days};
use crate::time::parse::parse_date;
use crate::time::range::{Span, month_span};
use crate::time::{self, Resolved};

// A range of local days [default: this week].
#[derive(Debug, Args, Default)]
#[command(group = clap::ArgGroup::new("range").multiple(false)
    .args(["today", "yesterday", "week", "last_week", "month", "all", "from"]))]
pub struct RangeArgs {
    /// Today.
    #[arg(long)]
    pub today: bool,
    /// Yesterday.
    #[arg(long)]
    pub yesterday: bool,
    /// This week, or the week of YYYY-Www (ISO) or of a DATE.
    #[arg(long, value_name = "WEEK", num_args = 0..=1, default_missing_value = "")]
    pub week: Option<String>,
    /// The week before this one.
    #[arg(long)]
    pub last_week: bool,
    /// This month, or YYYY-MM.
    #[arg(long, value_name = "MONTH", num_args = 0..=1, default_missing_value = "")]
    pub month: Option<String>,
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
    /// Read days in this IANA zone instead of yours.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
}

impl RangeArgs {
    /// Whether no range flag was given.
    #[must_use]
    pub fn is_unset(&self) -> bool {
        !(self.today
            || self.yesterday
            || self.week.is_some()
            || self.last_week
            || self.month.is_some()
            || self.all
            || self.from.is_some())
    }

    /// The zone days are read in: `--tz`, else the user's.
    pub fn zone(&self, ctx: &Ctx) -> Result<Tz> {
        self.tz
            .as_deref()
            .map_or(Ok(ctx.tracker.zone()), time::parse_zone)
    }

    /// The half-open span of instants the flags name, with days read in `zone`.
    pub fn span(&self, ctx: &mut Ctx, zone: Tz) -> Result<Span> {
        let now = ctx.tracker.now();
        let today = time::local_date(zone, now);
        let week_start = ctx.tracker.config().week_start.0;
        if self.all {
            return Ok(Span::ALL);
        }
        if self.today {
            return Ok(Span::days(zone, today, today));
        }
        if self.yesterday {
            let yesterday = sub_days(today, 1);
            return Ok(Span::days(zone, yesterday, yesterday));
        }
        if self.last_week {
            let this = Span::week(zone, today, week_start);
            let in_last = this
                .from
                .map_or(today, |f| sub_days(time::local_date(zone, f), 1));
            return Ok(Span::week(zone, in_last, week_start));
        }
        if let Some(month) = &self.month {
            let first = if month.is_empty() {
                month_first(today)
            } else {
                parse_month(month).ok_or_else(|| {
                    Error::keyed(
                        ErrorKind::InvalidInput,
                        "report-error-month",
                        vec![("month", format!("{month:?}"))],
                    )
                })?
            };
            return Ok(month_span(zone, first));
        }
        if let Some(from) = &self.from {
            return self.bounded(ctx, zone, from, today);
        }
        let day = match self.week.as_deref() {
            None | Some("") => today,
            Some(text) => parse_iso_week(text)
                .or_else(|| parse_date(text))
                .ok_or_else(|| {
                    Error::keyed(
                        ErrorKind::InvalidInput,
                        "report-error-week",
                        vec![("week", format!("{text:?}"))],
                    )
                })?,
        };
        Ok(Span::week(zone, day, week_start))
    }

    fn bounded(&self, ctx: &mut Ctx, zone: Tz, from: &str, today: NaiveDate) -> Result<Span> {
        let mut instant = |text: &str| -> Result<_> {
            let now = ctx.tracker.now();
            let Resolved { instant, note } = time::parse_instant(text, now, zone, today)?;
            if let Some(note) = note {
                ctx.out.note(&note);
            }
            Ok(instant)
        };
        let start = match parse_date(from) {
            Some(date) => time::day_start(zone, date),
            None => instant(from)?,
        };
        let end = match self.to.as_deref() {
            None => Span::days(zone, today, today).to,
            Some(text) => match parse_date(text) {
                Some(date) => Span::days(zone, date, date).to,
                None => Some(instant(text)?),
            },
        };
        if end.is_some_and(|end| end <= start) {
            return Err(match self.to.as_deref() {
                Some(to) => Error::keyed(
                    ErrorKind::InvalidInput,
                    "report-error-to-before-from",
                    vec![("to", to.to_string()), ("from", from.to_string())],
                ),
                None => Error::keyed(
                    ErrorKind::InvalidInput,
                    "report-error-today-before-from",
                    vec![("from", from.to_string())],
                ),
            });
        }
        Ok(Span {
            from: Some(start),
            to: end,
        })
    }
}

// Filters shared by `report` and `export`.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only this project (repeatable: any of them).
    #[arg(long = "project", value_name = "PROJECT", add = clap_complete::ArgValueCandidates::new(super::shell::projects))]
    pub projects: Vec<String>,
    /// Only sessions with this tag (repeatable: any of them).
    #[arg(long = "tag", value_name = "TAG", add = clap_complete::ArgValueCandidates::new(super::shell::tags))]
    pub tags: Vec<String>,
}

impl FilterArgs {
    /// The library's filter (tags without their `+`).
    #[must_use]
    pub fn to_filter(&self) -> crate::report::Filter {
        crate::report::Filter {
            projects: self.projects.clone(),
            tags: self
                .tags
                .iter()
                .map(|t| t.trim_start_matches('+').to_string())
                .collect(),
        }
    }
}

// Where a verb's document goes.
#[derive(Debug, Args, Default)]
pub struct OutputArgs {
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// CSV: keep cells starting with = + - @ as they are (unsafe to open in spreadsheets).
    #[arg(long)]
    pub raw: bool,
    /// CSV: begin with a UTF-8 byte-order mark, for spreadsheet programs that need one
    /// to read UTF-8.
    #[arg(long)]
    pub bom: bool,
}

impl OutputArgs {
    /// The byte-order mark to write first: `--bom` with CSV. `--bom` with another
    /// format is refused (it would make JSON or iCalendar invalid).
    pub fn bom(&self, csv: bool) -> Result<&'static [u8]> {
        match (self.bom, csv) {
            (false, _) => Ok(b""),
            (true, true) => Ok(b"\xEF\xBB\xBF"),
            (true, false) => Err(Error::invalid(
                "--bom is for CSV output; pass --format csv or drop --bom",
            )),
        }
    }
}

impl OutputArgs {
    /// With `-o FILE`, sends the verb's answer to FILE (written atomically, never over
    /// the database) instead of stdout.
    pub fn open(&self, ctx: &mut Ctx) -> Result<()> {
        use crate::interop::atomic;
        if let Some(path) = &self.output {
            atomic::check_not_database(path, ctx.tracker.db_path())?;
            ctx.out
                .redirect(atomic::AtomicFile::create(path, self.force)?);
        }
        Ok(())
    }
}
