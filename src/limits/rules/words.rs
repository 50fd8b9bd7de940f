//! The rules and their breaches in words, in either language: each rule's
//! description and legal source, and each breach's one line, from the figures the
//! checks found ([`Finding`]). The English lines are also kept on the [`Breach`]
//! itself (its JSON fields, which never change with the language).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{Breach, NamedRule, Rule};
use crate::i18n::{self, Lang, t, zh};
use crate::limits::hours_text_in;
use crate::time;

/// What a check found, as figures, so the breach can be said in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A day over the daily limit.
    Day {
        /// The day.
        date: NaiveDate,
        /// Seconds worked.
        worked: i64,
        /// The limit in seconds.
        limit: i64,
    },
    /// A week (or a reference period of weeks) over the weekly limit.
    Weeks {
        /// First day of the period.
        from: NaiveDate,
        /// Last day of the period.
        to: NaiveDate,
        /// Weeks counted (1 = the week alone).
        weeks: i64,
        /// Whether the period was cut short because tracking began within it.
        since_tracking: bool,
        /// Seconds worked in the period.
        worked: i64,
        /// The weekly average in seconds.
        average: i64,
        /// The weekly limit in seconds.
        limit: i64,
    },
    /// A week with too few days without work.
    RestDays {
        /// The week's first day.
        from: NaiveDate,
        /// Its last day.
        to: NaiveDate,
        /// Days without work.
        rest: i64,
        /// Days required.
        days: i64,
    },
    /// A month over the overtime limit.
    Overtime {
        /// The month's first day.
        month: NaiveDate,
        /// Seconds of overtime.
        overtime: i64,
        /// Seconds a day after which work is overtime.
        after_daily: i64,
        /// The monthly limit in seconds.
        limit: i64,
    },
    /// A stretch of work without the minimum rest.
    Rest {
        /// The zone the times are read in.
        zone: Tz,
        /// When the stretch began.
        start: DateTime<Utc>,
        /// When it ended.
        end: DateTime<Utc>,
        /// Seconds worked within it.
        worked: i64,
        /// The rest required, in seconds.
        rest: i64,
        /// Whether the rule is the weekly rest (else the daily).
        weekly: bool,
        /// The longest rest within the stretch, if it had any.
        longest: Option<(DateTime<Utc>, DateTime<Utc>)>,
    },
}

/// A date as the line says it: `2026-03-02`, or `2026年3月2日`.
fn date(lang: Lang, d: NaiveDate) -> String {
    if lang.is_zh() {
        zh::day_long(d)
    } else {
        d.to_string()
    }
}

/// A local date and time: `2026-03-02 09:00`, or `2026年3月2日 09:00`.
fn moment(lang: Lang, zone: Tz, at: DateTime<Utc>) -> String {
    if lang.is_zh() {
        format!(
            "{} {}",
            zh::day_long(time::local_date(zone, at)),
            time::hhmm_in(zone, at)
        )
    } else {
        time::date_hhmm_in(zone, at)
    }
}

/// The stretch's end: in English `11-27 14:30` in the start's year, the full date
/// otherwise; in Chinese the time alone on the start's day, else the date and time.
fn short_end(lang: Lang, zone: Tz, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (a, b) = (time::local_date(zone, start), time::local_date(zone, end));
    if lang.is_zh() {
        return if a == b {
            time::hhmm_in(zone, end)
        } else {
            moment(lang, zone, end)
        };
    }
    let full = time::date_hhmm_in(zone, end);
    if chrono::Datelike::year(&a) == chrono::Datelike::year(&b) {
        full.get(5..)
            .map_or_else(|| full.clone(), ToString::to_string)
    } else {
        full
    }
}

/// `an` before a figure read with a vowel sound (`an 11 h`, `an 8 h`), else `a`.
fn vowel(figure: &str) -> bool {
    let digits: String = figure.chars().take_while(char::is_ascii_digit).collect();
    digits.starts_with('8')
        || ((digits.starts_with("11") || digits.starts_with("18")) && digits.len() % 3 == 2)
}

impl Finding {
    /// The breach's one line in `lang`.
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        let h = |s: i64| hours_text_in(lang, s);
        match *self {
            Finding::Day {
                date: d,
                worked,
                limit,
            } => t(
                lang,
                "limits-breach-day",
                &[
                    ("date", &date(lang, d)),
                    ("worked", &h(worked)),
                    ("limit", &h(limit)),
                ],
            ),
            Finding::Weeks {
                from,
                to,
                weeks,
                since_tracking,
                worked,
                average,
                limit,
            } => {
                let key = match (weeks, since_tracking) {
                    (1, _) => "limits-breach-week",
                    (_, false) => "limits-breach-weeks",
                    (_, true) => "limits-breach-weeks-since",
                };
                t(
                    lang,
                    key,
                    &[
                        ("weeks", &weeks),
                        ("from", &date(lang, from)),
                        ("to", &date(lang, to)),
                        ("worked", &h(worked)),
                        ("average", &h(average)),
                        ("limit", &h(limit)),
                    ],
                )
            }
            Finding::RestDays {
                from,
                to,
                rest,
                days,
            } => t(
                lang,
                "limits-breach-rest-days",
                &[
                    ("from", &date(lang, from)),
                    ("to", &date(lang, to)),
                    ("rest", &rest),
                    ("days", &days),
                ],
            ),
            Finding::Overtime {
                month,
                overtime,
                after_daily,
                limit,
            } => {
                let month = if lang.is_zh() {
                    zh::month(month)
                } else {
                    month.format("%Y-%m").to_string()
                };
                t(
                    lang,
                    "limits-breach-overtime",
                    &[
                        ("month", &month),
                        ("overtime", &h(overtime)),
                        ("after", &h(after_daily)),
                        ("limit", &h(limit)),
                    ],
                )
            }
            Finding::Rest {
                zone,
                start,
                end,
                worked,
                rest,
                weekly,
                longest,
            } => {
                let best = match longest {
                    Some((a, b)) => t(
                        lang,
                        "limits-rest-longest",
                        &[
                            ("length", &i18n::duration(lang, (b - a).num_seconds())),
                            ("from", &moment(lang, zone, a)),
                            ("to", &moment(lang, zone, b)),
                        ],
                    ),
                    None => t(lang, "limits-rest-none", &[]),
                };
                let period = if weekly {
                    t(lang, "limits-period-week", &[])
                } else {
                    t(lang, "limits-period-day", &[])
                };
                let rest_text = h(rest);
                let key = if vowel(&rest_text) {
                    "limits-breach-rest-an"
                } else {
                    "limits-breach-rest-a"
                };
                t(
                    lang,
                    key,
                    &[
                        ("from", &moment(lang, zone, start)),
                        ("to", &short_end(lang, zone, start, end)),
                        ("span", &i18n::duration(lang, (end - start).num_seconds())),
                        ("worked", &i18n::duration(lang, worked)),
                        ("rest", &rest_text),
                        ("period", &period),
                        ("best", &best),
                    ],
                )
            }
        }
    }
}

impl NamedRule {
    /// The rule in words in `lang`: `at most 8 h per day`, `每日工时不超过8小时`.
    #[must_use]
    pub fn describe_in(&self, lang: Lang) -> String {
        let h = |s: i64| hours_text_in(lang, s);
        match self.rule {
            Rule::MaxDaily { limit } => t(lang, "limits-rule-max-daily", &[("limit", &h(limit))]),
            Rule::MaxWeeklyAverage { limit, weeks: 1 } => {
                t(lang, "limits-rule-max-weekly", &[("limit", &h(limit))])
            }
            Rule::MaxWeeklyAverage { limit, weeks } => t(
                lang,
                "limits-rule-max-weekly-average",
                &[("limit", &h(limit)), ("weeks", &weeks)],
            ),
            Rule::MinDailyRest { rest } => {
                t(lang, "limits-rule-min-daily-rest", &[("rest", &h(rest))])
            }
            Rule::MinWeeklyRest { rest } => {
                t(lang, "limits-rule-min-weekly-rest", &[("rest", &h(rest))])
            }
            Rule::MinRestDays { days } => t(lang, "limits-rule-min-rest-days", &[("days", &days)]),
            Rule::MaxMonthlyOvertime { limit, after_daily } => t(
                lang,
                "limits-rule-max-monthly-overtime",
                &[("limit", &h(limit)), ("after", &h(after_daily))],
            ),
        }
    }

    /// Where the rule comes from, in `lang`: the article of the law or directive.
    #[must_use]
    pub fn source_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.source.to_string();
        }
        t(lang, self.source_key, &[])
    }
}

impl Breach {
    /// The rule broken, in words, in `lang`.
    #[must_use]
    pub fn description_in(&self, lang: Lang) -> String {
        self.named.describe_in(lang)
    }

    /// The rule's legal source in `lang`.
    #[must_use]
    pub fn source_in(&self, lang: Lang) -> String {
        self.named.source_in(lang)
    }

    /// What happened, one line in `lang`.
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        self.finding.message_in(lang)
    }
}
