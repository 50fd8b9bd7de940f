//! Gathers what the leisure model needs from the store (weekly hours, output per
//! period) and runs the pure functions in `leisure`. ISO weeks in the user's zone.

use chrono::{Days, NaiveDate, Weekday};
use serde::Serialize;

use crate::error::{Error, ErrorKind, Hint, Result};
use crate::leisure::phrase::text;
use crate::leisure::{
    self, Accumulated, CompareRow, KeynesWeek, National, PeriodTotals, Personal, Phrase,
    WeekAlternative, data,
};
use crate::store::outputs;
use crate::time::{self, calendar, range::Span};
use crate::tracker::Tracker;

pub use crate::time::calendar::Weeks;

/// How many weeks the defaults look at (LEISURE-MODEL.md §2 and §3).
const WEEKS: usize = 4;

/// How many complete weeks the personal output trend (the sparkline) covers.
pub const TREND_WEEKS: usize = 12;

/// What to compute.
#[derive(Debug, Clone)]
pub struct DividendRequest {
    /// Country code for the national part and the Keynes week.
    pub country: String,
    /// Base year.
    pub base_year: i32,
    /// End year (default: the latest with data).
    pub end_year: Option<i32>,
    /// Projects for part 3 (empty: every project with a unit).
    pub projects: Vec<String>,
    /// Baseline weeks (default: each project's first 4 complete weeks with hours and output).
    pub baseline: Option<Weeks>,
    /// Current weeks (default: the last complete week).
    pub period: Option<Weeks>,
}

/// The national part: figures, or why there are none.
#[derive(Debug, Clone)]
pub enum NationalPart {
    /// Computed.
    Figures(Box<National>),
    /// Not computable, with the reason.
    Unavailable {
        /// Country code asked for.
        country: String,
        /// Base year asked for.
        base_year: i32,
        /// Why.
        reason: Phrase,
    },
}

/// Unavailable figures keep every key of [`National`], as `null`, beside the reason.
impl Serialize for NationalPart {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Self::Figures(national) => national.serialize(serializer),
            Self::Unavailable {
                country,
                base_year,
                reason,
            } => {
                const FIGURES: [&str; 20] = [
                    "country_name",
                    "end_year",
                    "output_per_hour_base",
                    "output_per_hour_end",
                    "productivity_multiple",
                    "hours_base",
                    "hours_end",
                    "hours_needed",
                    "potential_hours",
                    "realised_hours",
                    "captured_share",
                    "labour_share_base",
                    "labour_share_end",
                    "hours_per_head_base",
                    "hours_per_head_end",
                    "career_years",
                    "career_potential_hours",
                    "career_realised_hours",
                    "labour_share_base_run",
                    "labour_share_end_run",
                ];
                let mut map = serializer.serialize_map(Some(FIGURES.len() + 4))?;
                map.serialize_entry("country", country)?;
                map.serialize_entry("base_year", base_year)?;
                for key in FIGURES {
                    map.serialize_entry(key, &None::<f64>)?;
                }
                map.serialize_entry("reason", reason)?;
                map.serialize_entry("warnings", &[] as &[String])?;
                map.serialize_entry("caveats", &[] as &[String])?;
                map.end()
            }
        }
    }
}

/// The Keynes-week part with its inputs.
#[derive(Debug, Clone)]
pub struct KeynesPart {
    /// The weeks averaged, with their hours.
    pub weeks: Vec<WeekHours>,
    /// The figures, when defined.
    pub figures: Option<KeynesWeek>,
    /// Why figures are missing, if they are.
    pub reason: Option<Phrase>,
}

/// Every figure's key is always there: `null` with a `reason` when undefined, so a
/// script reads one shape.
impl Serialize for KeynesPart {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let f = self.figures.as_ref();
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("weeks", &self.weeks)?;
        map.serialize_entry("average_hours", &f.map(|f| f.average_hours))?;
        map.serialize_entry("weeks_averaged", &f.map(|f| f.weeks_averaged))?;
        map.serialize_entry("productivity_multiple", &f.map(|f| f.productivity_multiple))?;
        map.serialize_entry("keynes_hours", &f.map(|f| f.keynes_hours))?;
        map.serialize_entry("dividend_hours", &f.map(|f| f.dividend_hours))?;
        map.serialize_entry("reason", &self.reason)?;
        map.end()
    }
}

/// Hours tracked in one ISO week.
#[derive(Debug, Clone, Serialize)]
pub struct WeekHours {
    /// `2026-W47`.
    pub week: String,
    /// Hours.
    pub hours: f64,
}

/// One complete week of a project, for the output trend.
#[derive(Debug, Clone, Serialize)]
pub struct WeekOutput {
    /// `2026-W47`.
    pub week: String,
    /// Hours tracked on the project.
    pub hours: f64,
    /// Output recorded, in the project's unit.
    pub output: f64,
    /// Output per hour (`null` in a week without hours).
    pub per_hour: Option<f64>,
}

/// One project's personal-productivity part with its inputs.
#[derive(Debug, Clone, Serialize)]
pub struct PersonalPart {
    /// The project.
    pub project: String,
    /// Its unit.
    pub unit: String,
    /// Baseline weeks, e.g. `2026-W10..2026-W13` (or the list of weeks used, or
    /// "none yet" in words).
    pub baseline: Phrase,
    /// Current weeks.
    pub period: String,
    /// Baseline totals.
    pub baseline_totals: PeriodTotals,
    /// Current totals.
    pub period_totals: PeriodTotals,
    /// The figures.
    #[serde(flatten)]
    pub figures: Personal,
    /// The last complete weeks, oldest first: hours, output and output per hour (the
    /// TUI draws it as a sparkline beside the hours).
    pub weekly: Vec<WeekOutput>,
}

/// Everything `otium dividend` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Dividend {
    /// Part 1.
    pub national: NationalPart,
    /// Part 2.
    pub keynes_week: KeynesPart,
    /// Part 3, per project.
    pub personal: Vec<PersonalPart>,
    /// The hours-weighted geometric mean of the projects' multiples, if any.
    pub combined_multiple: Option<f64>,
    /// Since the first session: hours tracked and what they take at end-year
    /// productivity (`null` with `accumulated_reason` when not computable).
    pub accumulated: Option<Accumulated>,
    /// Why `accumulated` is `null`, if it is.
    pub accumulated_reason: Option<Phrase>,
    /// Your week against the alternatives (empty without national figures).
    pub week_comparison: Vec<WeekAlternative>,
    /// The data attribution (CC BY).
    pub attribution: &'static str,
}

/// `otium dividend --compare`: every country for one base year.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The base year.
    pub base_year: i32,
    /// Sorted by `captured_share`, high to low, undefined last.
    pub countries: Vec<CompareRow>,
    /// The data attribution (CC BY).
    pub attribution: &'static str,
}

/// Every country with data in `base_year`, side by side (no database needed).
#[must_use]
pub fn comparison(base_year: i32) -> Comparison {
    Comparison {
        base_year,
        countries: leisure::compare(base_year),
        attribution: data::ATTRIBUTION,
    }
}

impl Tracker {
    /// Computes all three parts. An unknown country code is an error; every other
    /// gap (years outside the data, too little history) is a reason in the answer.
    pub fn dividend(&self, request: &DividendRequest) -> Result<Dividend> {
        let country = data::country(&request.country).ok_or_else(|| {
            Error::keyed(
                ErrorKind::InvalidInput,
                "dividend-unknown-country",
                vec![("country", format!("{:?}", request.country))],
            )
            .with_hint(Hint::ListCountries)
        })?;
        let national = match leisure::national(country, request.base_year, request.end_year) {
            Ok(n) => NationalPart::Figures(Box::new(n)),
            Err(e) => NationalPart::Unavailable {
                country: country.code.clone(),
                base_year: request.base_year,
                reason: e.0,
            },
        };
        let r = match &national {
            NationalPart::Figures(n) => Ok(n.productivity_multiple),
            NationalPart::Unavailable { reason, .. } => Err(reason.clone()),
        };
        let keynes_week = self.keynes_part(r.clone())?;
        let mut personal = Vec::new();
        let projects = if request.projects.is_empty() {
            self.projects_with_units()?
        } else {
            request
                .projects
                .iter()
                .map(|p| Ok((p.clone(), self.dividend_unit(p)?)))
                .collect::<Result<_>>()?
        };
        for (project, unit) in projects {
            personal.push(self.personal_part(&project, &unit, request)?);
        }
        let pairs: Vec<(f64, f64)> = personal
            .iter()
            .filter_map(|p| {
                p.figures
                    .productivity_multiple
                    .map(|r| (r, p.period_totals.hours))
            })
            .collect();
        let combined_multiple = if pairs.len() > 1 {
            leisure::combined_multiple(&pairs)
        } else {
            None
        };
        let (accumulated, accumulated_reason) = match r {
            Ok(r) => {
                let tracked: i64 = self.projects()?.iter().map(|p| p.total_seconds).sum();
                match leisure::alternatives::accumulated(hours(tracked), r) {
                    Ok(a) => (Some(a), None),
                    Err(why) => (None, Some(why)),
                }
            }
            Err(why) => (None, Some(why)),
        };
        let week_comparison = match &national {
            NationalPart::Figures(n) => {
                let you = keynes_week.figures.as_ref().map_or_else(
                    || {
                        Err(keynes_week
                            .reason
                            .clone()
                            .unwrap_or_else(|| Phrase::new("dividend-no-week", vec![])))
                    },
                    |k| Ok((k.average_hours, k.weeks_averaged)),
                );
                leisure::alternatives::week_comparison(you, n)
            }
            NationalPart::Unavailable { .. } => Vec::new(),
        };
        Ok(Dividend {
            national,
            keynes_week,
            personal,
            combined_multiple,
            accumulated,
            accumulated_reason,
            week_comparison,
            attribution: data::ATTRIBUTION,
        })
    }

    fn this_monday(&self) -> NaiveDate {
        calendar::week_first(time::local_date(self.zone(), self.now()), Weekday::Mon)
    }

    fn weeks_span(&self, weeks: Weeks) -> Span {
        Span::days(self.zone(), weeks.first, weeks.last_day())
    }

    /// The project's unit for part 3: a project without one, or no such project, is
    /// said in the dividend's words with what to do next.
    fn dividend_unit(&self, project: &str) -> Result<String> {
        match outputs::unit(self.reader(), project)? {
            Some(Some(unit)) => Ok(unit),
            Some(None) => Err(Error::keyed(
                ErrorKind::InvalidInput,
                "dividend-no-unit",
                vec![("project", format!("{project:?}"))],
            )
            .with_hint(Hint::DeclareUnit {
                project: project.to_string(),
            })),
            None => Err(Error::keyed(
                ErrorKind::NotFound,
                "dividend-no-project",
                vec![("project", format!("{project:?}"))],
            )
            .with_hint(Hint::ListProjects)),
        }
    }

    fn keynes_part(&self, r: std::result::Result<f64, Phrase>) -> Result<KeynesPart> {
        let mut weeks = Vec::new();
        let earliest = self.first_start(None)?;
        let mut monday = self.this_monday();
        while weeks.len() < WEEKS {
            monday = monday
                .checked_sub_days(Days::new(7))
                .unwrap_or(NaiveDate::MIN);
            let span = self.weeks_span(Weeks::one(monday));
            if earliest.is_none_or(|e| span.to.is_some_and(|to| to <= e)) {
                break;
            }
            let seconds = self.tracked_seconds(span, None)?;
            if seconds > 0 {
                weeks.push(WeekHours {
                    week: Weeks::one(monday).label(),
                    hours: hours(seconds),
                });
            }
        }
        weeks.reverse();
        let result = r.and_then(|r| {
            let hours: Vec<f64> = weeks.iter().map(|w| w.hours).collect();
            leisure::keynes_week(&hours, r).map_err(|e| e.0)
        });
        let mut reason = result.as_ref().err().cloned();
        if result.is_ok() && weeks.len() < WEEKS {
            reason = Some(Phrase::new(
                if weeks.len() == 1 {
                    "dividend-few-weeks-one"
                } else {
                    "dividend-few-weeks"
                },
                vec![("count", text(weeks.len())), ("wanted", text(WEEKS))],
            ));
        }
        Ok(KeynesPart {
            weeks,
            figures: result.ok(),
            reason,
        })
    }

    fn totals(&self, project: &str, weeks: &[Weeks]) -> Result<PeriodTotals> {
        let mut totals = PeriodTotals {
            weeks: 0.0,
            hours: 0.0,
            output: 0.0,
        };
        for w in weeks {
            let span = self.weeks_span(*w);
            totals.weeks += w.count() as f64;
            totals.hours += hours(self.tracked_seconds(span, Some(project))?);
            totals.output += self.output_in(project, span)?;
        }
        Ok(totals)
    }

    fn personal_part(
        &self,
        project: &str,
        unit: &str,
        request: &DividendRequest,
    ) -> Result<PersonalPart> {
        let period = request.period.unwrap_or_else(|| {
            Weeks::one(
                self.this_monday()
                    .checked_sub_days(Days::new(7))
                    .unwrap_or(NaiveDate::MIN),
            )
        });
        let baseline: Vec<Weeks> = match request.baseline {
            Some(b) => vec![b],
            None => self.default_baseline(project, period.first)?,
        };
        let consecutive = baseline
            .windows(2)
            .all(|w| (w[1].first - w[0].last).num_days() == 7);
        let label = match baseline.as_slice() {
            [] => Phrase::new("dividend-baseline-none", vec![]),
            [first, .., last] if consecutive => Phrase::plain(
                Weeks {
                    first: first.first,
                    last: last.last,
                }
                .label(),
            ),
            weeks => Phrase::plain(
                weeks
                    .iter()
                    .map(Weeks::label)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        let baseline_totals = self.totals(project, &baseline)?;
        let period_totals = self.totals(project, &[period])?;
        let figures = if baseline.is_empty() {
            leisure::personal_unavailable(
                period_totals,
                Phrase::new(
                    "dividend-no-baseline",
                    vec![("period", text(period.label())), ("project", text(project))],
                ),
            )
        } else {
            leisure::personal(baseline_totals, period_totals)
        };
        Ok(PersonalPart {
            project: project.to_string(),
            unit: unit.to_string(),
            baseline: label,
            period: period.label(),
            baseline_totals,
            period_totals,
            figures,
            weekly: self.trend(project)?,
        })
    }

    /// The project's last [`TREND_WEEKS`] complete weeks, oldest first, from its first
    /// session on (weeks before it would only pad the line with zeros).
    fn trend(&self, project: &str) -> Result<Vec<WeekOutput>> {
        let Some(first) = self.first_start(Some(project))? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        let mut monday = self.this_monday();
        while out.len() < TREND_WEEKS {
            monday = monday
                .checked_sub_days(Days::new(7))
                .unwrap_or(NaiveDate::MIN);
            let week = Weeks::one(monday);
            let span = self.weeks_span(week);
            if span.to.is_some_and(|to| to <= first) {
                break;
            }
            let h = hours(self.tracked_seconds(span, Some(project))?);
            let output = self.output_in(project, span)?;
            out.push(WeekOutput {
                week: week.label(),
                hours: h,
                output,
                per_hour: (h > 0.0).then(|| output / h),
            });
        }
        out.reverse();
        Ok(out)
    }

    /// The project's first complete weeks (before `before`) with both hours and output.
    /// Walks the output rows (few, indexed) rather than every week of the history.
    fn default_baseline(&self, project: &str, before: NaiveDate) -> Result<Vec<Weeks>> {
        let zone = self.zone();
        let mut candidates: Vec<NaiveDate> = Vec::new();
        self.each_output_instant(project, |at| {
            let day = time::local_date(zone, at);
            let monday = calendar::week_first(day, Weekday::Mon);
            if monday >= before {
                return false;
            }
            if candidates.last() != Some(&monday) {
                candidates.push(monday);
            }
            // Enough candidates to find 4 with hours, without reading every output row.
            candidates.len() < 64
        })?;
        let mut found = Vec::new();
        for monday in candidates {
            let week = Weeks::one(monday);
            if self.tracked_seconds(self.weeks_span(week), Some(project))? > 0 {
                found.push(week);
                if found.len() == WEEKS {
                    break;
                }
            }
        }
        Ok(found)
    }
}

#[allow(clippy::cast_precision_loss)]
fn hours(seconds: i64) -> f64 {
    seconds as f64 / 3600.0
}
