//! `config.toml`: optional settings with defaults, validated once with messages
//! that name the key and the line.

use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};

/// The user's settings. Every key is optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// First day of the week for `--week` ranges ("monday" = ISO, the default).
    pub week_start: WeekStart,
    /// Country (ISO 3166 alpha-3) for the national leisure model.
    pub country: String,
    /// Base year for the leisure model.
    pub base_year: i32,
    /// A weekly target in hours, if the user has one.
    pub weekly_target_hours: Option<f64>,
    /// A daily target in hours for Monday to Friday, if the user has one.
    pub daily_target_hours: Option<f64>,
    /// Per-weekday targets in hours (`[targets] mon = 8 … sun = 0`); they win over the others.
    pub targets: WeekdayTargets,
    /// Which working-time limits to check: `"eu"`, `"cn"`, `"none"` or a table of values.
    pub limits: LimitsConfig,
    /// The first day the overtime balance counts from.
    pub balance_since: Option<DateKey>,
    /// A running session longer than this many hours is probably a forgotten timer.
    pub max_session_hours: f64,
    /// The usual end of the working day (`"18:00"`); a running session past it is flagged.
    pub usual_end: Option<ClockTime>,
    /// Break, day-limit and nothing-running reminders (`[reminders]`).
    pub reminders: Reminders,
    /// Minutes without a key (or asleep) while a session runs after which the TUI asks
    /// about the away time; 0 turns it off.
    pub away_after_minutes: u32,
    /// The language of human text (`"en"` or `"zh-CN"`); `--lang` and `OTIUM_LANG` win.
    pub language: Option<crate::i18n::Lang>,
    /// Hourly rates by project (`[rates] coding = "85 EUR"`), for projects without a
    /// rate set by `otium project NAME --rate`.
    pub rates: std::collections::BTreeMap<String, crate::report::money::ConfigRate>,
    /// What the report you send says about you (`[report] name`, `client`).
    pub report: ReportConfig,
    /// `[sync]`: whether every command syncs on its own (`auto = true`).
    pub sync: SyncConfig,
}

/// `[sync]`: how this machine syncs through the folder `otium sync init` joined.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyncConfig {
    /// Every write command writes its record to the folder at once, and every command
    /// first applies the other devices' new records when the folder changed.
    pub auto: bool,
}

/// `[report]`: the person's name and an optional client, shown on HTML and Markdown reports.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportConfig {
    /// Who did the work.
    pub name: Option<String>,
    /// Who it was done for.
    pub client: Option<String>,
}

/// `[reminders]`: when to say that a break is due, that the day's limit is reached,
/// or that nothing is being tracked. Every key is optional; none are on by default.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reminders {
    /// Continuous work (no gap of at least `break_min`) after which a break is due, e.g. `"1h30m"`.
    pub break_after: Option<Span>,
    /// The shortest gap that counts as a break (default 10m; 15m under the EU preset).
    pub break_min: Option<Span>,
    /// Hours of work in one local day after which the day's limit is reached.
    pub day_limit_hours: Option<f64>,
    /// A local time (`"09:30"`) from which a workday with nothing running is noted.
    pub nothing_running: Option<ReminderTime>,
    /// `otium notify` also sends each reminder as a desktop notification.
    pub notify: bool,
}

/// A length of time written like `"1h30m"`, `"90m"` or `"10m"`, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(pub i64);

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match crate::time::parse::parse_duration(&text) {
            Ok(seconds) if seconds > 0 => Ok(Span(seconds)),
            _ => Err(serde::de::Error::custom(format!(
                "{text:?} is not a length of time; write e.g. \"1h30m\" or \"10m\""
            ))),
        }
    }
}

/// A local time of day for `nothing_running` (`"HH:MM"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderTime(pub NaiveTime);

impl<'de> Deserialize<'de> for ReminderTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map(ReminderTime)
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "{text:?} is not a time of day; use \"HH:MM\", e.g. \"09:30\""
                ))
            })
    }
}

/// Per-weekday targets in hours; a missing day falls back to the daily or weekly target.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WeekdayTargets {
    /// Monday.
    pub mon: Option<f64>,
    /// Tuesday.
    pub tue: Option<f64>,
    /// Wednesday.
    pub wed: Option<f64>,
    /// Thursday.
    pub thu: Option<f64>,
    /// Friday.
    pub fri: Option<f64>,
    /// Saturday.
    pub sat: Option<f64>,
    /// Sunday.
    pub sun: Option<f64>,
}

impl WeekdayTargets {
    /// The target set for `day`, if any.
    #[must_use]
    pub fn get(&self, day: Weekday) -> Option<f64> {
        match day {
            Weekday::Mon => self.mon,
            Weekday::Tue => self.tue,
            Weekday::Wed => self.wed,
            Weekday::Thu => self.thu,
            Weekday::Fri => self.fri,
            Weekday::Sat => self.sat,
            Weekday::Sun => self.sun,
        }
    }
}

/// The `limits` key: a named rule set or explicit values.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum LimitsConfig {
    /// No checks (the default).
    #[default]
    None,
    /// EU Working Time Directive 2003/88/EC.
    Eu,
    /// PRC Labour Law arts. 36, 38, 41.
    Cn,
    /// The user's own values.
    Explicit(ExplicitLimits),
}

/// `[limits]` as a table: every value optional; only the ones given are checked.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExplicitLimits {
    /// Most hours on one local day.
    pub max_daily_hours: Option<f64>,
    /// Most hours per week, averaged over `average_weeks`.
    pub max_weekly_hours: Option<f64>,
    /// Weeks the weekly maximum is averaged over (default 1).
    pub average_weeks: Option<u32>,
    /// Least consecutive rest in every 24 hours.
    pub min_daily_rest_hours: Option<f64>,
    /// Least consecutive rest in every 7 days.
    pub min_weekly_rest_hours: Option<f64>,
    /// Least days without work per week.
    pub min_rest_days_per_week: Option<u32>,
    /// Most overtime per calendar month (hours beyond `overtime_after_daily_hours` a day).
    pub max_monthly_overtime_hours: Option<f64>,
    /// Hours a day after which time counts as overtime (default 8).
    pub overtime_after_daily_hours: Option<f64>,
}

impl<'de> Deserialize<'de> for LimitsConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        match toml::Value::deserialize(d)? {
            toml::Value::String(name) => match name.as_str() {
                "eu" => Ok(LimitsConfig::Eu),
                "cn" => Ok(LimitsConfig::Cn),
                "none" => Ok(LimitsConfig::None),
                other => Err(D::Error::custom(format!(
                    "limits = {other:?} is not a limit set; use \"eu\", \"cn\", \"none\" or a [limits] table"
                ))),
            },
            table @ toml::Value::Table(_) => table
                .try_into::<ExplicitLimits>()
                .map(LimitsConfig::Explicit)
                .map_err(|e| D::Error::custom(format!("limits: {}", e.message()))),
            other => Err(D::Error::custom(format!(
                "limits = {other} is not a limit set; use \"eu\", \"cn\", \"none\" or a [limits] table"
            ))),
        }
    }
}

/// A calendar date written as a TOML date (`2026-01-01`) or a string (`"2026-01-01"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateKey(pub NaiveDate);

impl<'de> Deserialize<'de> for DateKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            toml::Value::Datetime(dt) => dt.to_string(),
            other => other.to_string(),
        };
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(DateKey)
            .map_err(|_| {
                D::Error::custom(format!(
                    "balance_since = {text} is not a date; use YYYY-MM-DD, e.g. 2026-01-01"
                ))
            })
    }
}

/// A local wall-clock time written as `"HH:MM"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime(pub NaiveTime);

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::Error as _;
        let text = match toml::Value::deserialize(d)? {
            toml::Value::String(s) => s,
            other => other.to_string(),
        };
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map(ClockTime)
            .map_err(|_| {
                D::Error::custom(format!(
                    "usual_end = {text:?} is not a time of day; use \"HH:MM\", e.g. \"18:00\""
                ))
            })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            week_start: WeekStart(Weekday::Mon),
            country: "USA".to_string(),
            base_year: 1970,
            weekly_target_hours: None,
            daily_target_hours: None,
            targets: WeekdayTargets::default(),
            limits: LimitsConfig::None,
            balance_since: None,
            max_session_hours: 10.0,
            usual_end: None,
            reminders: Reminders::default(),
            away_after_minutes: 15,
            language: None,
            rates: std::collections::BTreeMap::new(),
            report: ReportConfig::default(),
            sync: SyncConfig::default(),
        }
    }
}

/// A weekday name as written in the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekStart(pub Weekday);

impl<'de> Deserialize<'de> for WeekStart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse::<Weekday>().map(WeekStart).map_err(|_| {
            serde::de::Error::custom(format!("{text:?} is not a weekday; use e.g. \"monday\""))
        })
    }
}

/// What is wrong with a config text: the English line [`Config::parse`] gives, and
/// for an unknown key the key and the accepted ones, which the catalogue words.
struct Found {
    line: usize,
    message: String,
    /// The table's prefix (`limits: ` or nothing), the key, the accepted keys.
    unknown: Option<(String, String, String)>,
    /// A value out of range: its catalogue key and arguments (see [`Config::validate`]).
    range: Option<Box<Range>>,
}

/// A range check that failed: the catalogue key and its arguments, without the path.
type Range = (&'static str, Vec<(&'static str, String)>);

/// The finding of `range` alone, in English, for [`Config::parse`]: the catalogue's
/// message has the file's path around it, which `parse` has not.
fn range_message((key, args): &Range) -> String {
    let arg = |name: &str| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let value = arg("value");
    match *key {
        "admin-config-range-hours" => format!(
            "{} = {value} must be between {} and {} hours",
            arg("key"),
            arg("min"),
            arg("max")
        ),
        "admin-config-range-session" => {
            format!("max_session_hours = {value} must be more than 0 and at most 168 hours")
        }
        "admin-config-range-away" => format!(
            "away_after_minutes = {value} must be at most 1440 (a day); 0 turns away time off"
        ),
        "admin-config-range-weeks" => {
            format!("limits.average_weeks = {value} must be between 1 and 52")
        }
        _ => format!("limits.min_rest_days_per_week = {value} must be between 0 and 7"),
    }
}

impl Config {
    /// Reads the config at `path`. A missing file gives the defaults unless it was
    /// named explicitly (`--config`, `OTIUM_CONFIG`), where it is an error.
    pub fn load(path: Option<(&Path, bool)>) -> Result<Self> {
        let Some((path, explicit)) = path else {
            return Ok(Config::default());
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
                return Ok(Config::default());
            }
            Err(e) => {
                return Err(Error::keyed(
                    ErrorKind::Config,
                    "admin-config-unreadable",
                    vec![
                        ("path", path.display().to_string()),
                        ("error", e.to_string()),
                    ],
                ));
            }
        };
        // The finding itself is TOML's or serde's English (an unknown key excepted,
        // which is the common slip); the frame around it is said in the user's language.
        Self::parse_found(&text).map_err(|found| {
            let path = path.display().to_string();
            if let Some(range) = found.range {
                let (key, mut args) = *range;
                args.insert(0, ("path", path));
                return Error::keyed(ErrorKind::Config, key, args);
            }
            match found.unknown {
                Some((table, key, expected)) => Error::keyed(
                    ErrorKind::Config,
                    "admin-config-unknown-key",
                    vec![
                        ("path", path),
                        ("line", found.line.to_string()),
                        // The table by name, so each language says it its own way.
                        ("table", table.trim_end_matches(": ").to_string()),
                        ("key", key),
                        ("expected", expected),
                    ],
                ),
                None => Error::keyed(
                    ErrorKind::Config,
                    "admin-config-bad-line",
                    vec![("path", path), ("message", found.message)],
                ),
            }
        })
    }

    /// Parses config text; the error is one line naming the line number.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        Self::parse_found(text).map_err(|found| found.message)
    }

    fn parse_found(text: &str) -> std::result::Result<Self, Found> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let mut line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            let message = e.message().replace('\n', " ");
            // `unknown field `x`, expected one of …`, perhaps after the table's name.
            let unknown = message
                .split_once("unknown field `")
                .and_then(|(table, rest)| {
                    let (field, rest) = rest.split_once('`')?;
                    let expected = rest
                        .split_once("expected one of ")
                        .map_or("", |(_, list)| list);
                    Some((table.to_string(), field.to_string(), expected.to_string()))
                });
            // Inside a table that is checked as a whole (`[limits]`) the span is the
            // table's header: point at the unknown key's own line instead.
            if let Some((_, field, _)) = &unknown
                && let Some(own) = text.lines().enumerate().skip(line - 1).find_map(|(i, l)| {
                    let key = l.split_once('=')?.0.trim();
                    (key == field).then_some(i + 1)
                })
            {
                line = own;
            }
            // Name the key as well as the line: type errors from serde do not.
            let key = text
                .lines()
                .nth(line - 1)
                .and_then(|l| l.split_once('='))
                .map(|(k, _)| k.trim())
                .filter(|k| !k.is_empty() && !message.contains(*k));
            let message = match key {
                Some(key) => format!("line {line}, {key}: {message}"),
                None => format!("line {line}: {message}"),
            };
            Found {
                line,
                message,
                unknown,
                range: None,
            }
        })?;
        config.validate().map_err(|range| Found {
            line: 0,
            message: range_message(&range),
            unknown: None,
            range: Some(Box::new(range)),
        })?;
        Ok(config)
    }

    /// Range checks for the target, limit and timer keys; the message names the key.
    fn validate(&self) -> std::result::Result<(), Range> {
        let hours = |key: &str, value: Option<f64>, min: f64, max: f64| match value {
            Some(h) if !(h.is_finite() && h >= min && h <= max) => Err((
                "admin-config-range-hours",
                vec![
                    ("key", key.to_string()),
                    ("value", h.to_string()),
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                ],
            )),
            _ => Ok(()),
        };
        hours("weekly_target_hours", self.weekly_target_hours, 0.0, 168.0)?;
        hours("daily_target_hours", self.daily_target_hours, 0.0, 24.0)?;
        let t = &self.targets;
        for (day, value) in [
            ("mon", t.mon),
            ("tue", t.tue),
            ("wed", t.wed),
            ("thu", t.thu),
            ("fri", t.fri),
            ("sat", t.sat),
            ("sun", t.sun),
        ] {
            hours(&format!("targets.{day}"), value, 0.0, 24.0)?;
        }
        if !(self.max_session_hours.is_finite()
            && self.max_session_hours > 0.0
            && self.max_session_hours <= 168.0)
        {
            return Err((
                "admin-config-range-session",
                vec![("value", self.max_session_hours.to_string())],
            ));
        }
        if self.away_after_minutes > 24 * 60 {
            return Err((
                "admin-config-range-away",
                vec![("value", self.away_after_minutes.to_string())],
            ));
        }
        if let LimitsConfig::Explicit(l) = &self.limits {
            hours("limits.max_daily_hours", l.max_daily_hours, 0.0, 24.0)?;
            hours("limits.max_weekly_hours", l.max_weekly_hours, 0.0, 168.0)?;
            hours(
                "limits.min_daily_rest_hours",
                l.min_daily_rest_hours,
                0.0,
                24.0,
            )?;
            hours(
                "limits.min_weekly_rest_hours",
                l.min_weekly_rest_hours,
                0.0,
                168.0,
            )?;
            hours(
                "limits.max_monthly_overtime_hours",
                l.max_monthly_overtime_hours,
                0.0,
                744.0,
            )?;
            hours(
                "limits.overtime_after_daily_hours",
                l.overtime_after_daily_hours,
                0.0,
                24.0,
            )?;
            if let Some(w) = l.average_weeks
                && !(1..=52).contains(&w)
            {
                return Err(("admin-config-range-weeks", vec![("value", w.to_string())]));
            }
            if let Some(d) = l.min_rest_days_per_week
                && d > 7
            {
                return Err((
                    "admin-config-range-rest-days",
                    vec![("value", d.to_string())],
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_keys() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
        let c = Config::parse("week_start = \"sunday\"\nweekly_target_hours = 32.5\n").unwrap();
        assert_eq!(c.week_start, WeekStart(Weekday::Sun));
        assert_eq!(c.weekly_target_hours, Some(32.5));
    }

    #[test]
    fn errors_name_the_line() {
        let err = Config::parse("country = \"USA\"\nweek_sart = \"monday\"\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(err.contains("week_sart"), "{err}");
        // An unknown key inside [limits] is reported on its own line, not the header's.
        let err = Config::parse("# mine\n\n[limits]\nmax_daily_hours = 10\nfoo = 1\n").unwrap_err();
        assert!(err.starts_with("line 5:"), "{err}");
        assert!(err.contains("unknown field `foo`"), "{err}");
        assert!(
            Config::parse("weekly_target_hours = -3")
                .unwrap_err()
                .contains("between")
        );
    }

    #[test]
    fn target_and_limit_keys() {
        let c = Config::parse(
            "daily_target_hours = 8\nlimits = \"eu\"\nbalance_since = 2026-01-05\n\
             max_session_hours = 9.5\nusual_end = \"18:00\"\n[targets]\nfri = 6\nsat = 0\n",
        )
        .unwrap();
        assert_eq!(c.daily_target_hours, Some(8.0));
        assert_eq!(c.limits, LimitsConfig::Eu);
        assert_eq!(
            c.balance_since,
            Some(DateKey(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()))
        );
        assert_eq!(c.max_session_hours, 9.5);
        assert_eq!(
            c.usual_end.unwrap().0,
            NaiveTime::from_hms_opt(18, 0, 0).unwrap()
        );
        assert_eq!(c.targets.get(Weekday::Fri), Some(6.0));
        assert_eq!(c.targets.get(Weekday::Mon), None);
        assert_eq!(
            Config::parse("balance_since = \"2026-02-01\"")
                .unwrap()
                .balance_since,
            Some(DateKey(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()))
        );
        let explicit =
            Config::parse("[limits]\nmax_daily_hours = 10\naverage_weeks = 4\n").unwrap();
        let LimitsConfig::Explicit(l) = explicit.limits else {
            panic!("not explicit")
        };
        assert_eq!((l.max_daily_hours, l.average_weeks), (Some(10.0), Some(4)));
        assert_eq!(Config::default().max_session_hours, 10.0);
        assert_eq!(Config::default().away_after_minutes, 15);
        assert_eq!(
            Config::parse("away_after_minutes = 0")
                .unwrap()
                .away_after_minutes,
            0
        );
        assert_eq!(Config::default().limits, LimitsConfig::None);
        assert!(!Config::default().sync.auto);
        assert!(Config::parse("[sync]\nauto = true\n").unwrap().sync.auto);
        assert!(
            Config::parse("[sync]\nautomatic = true\n")
                .unwrap_err()
                .contains("automatic")
        );
    }

    #[test]
    fn bad_target_and_limit_values_name_the_key() {
        for (text, key) in [
            ("daily_target_hours = -1", "daily_target_hours"),
            ("weekly_target_hours = -40", "weekly_target_hours"),
            ("[targets]\nfri = -0.5", "targets.fri"),
            ("limits = \"EU\"", "limits"),
            ("limits = \"\"", "limits"),
            ("[targets]\nmon = -2", "targets.mon"),
            ("[targets]\nsun = 25", "targets.sun"),
            ("[targets]\nmonday = 8", "monday"),
            ("limits = \"us\"", "limits"),
            ("limits = 3", "limits"),
            ("[limits]\nmax_dayly_hours = 8", "max_dayly_hours"),
            (
                "[limits]\nmax_weekly_hours = -48",
                "limits.max_weekly_hours",
            ),
            ("[limits]\naverage_weeks = 0", "limits.average_weeks"),
            ("max_session_hours = 0", "max_session_hours"),
            ("usual_end = \"6pm\"", "usual_end"),
            ("balance_since = \"last year\"", "balance_since"),
            ("away_after_minutes = 1441", "away_after_minutes"),
            ("away_after_minutes = -1", "away_after_minutes"),
        ] {
            let err = Config::parse(text).unwrap_err();
            assert!(err.contains(key), "{text}: {err}");
        }
        // The whole message, as the README quotes it.
        assert_eq!(
            Config::parse("[targets]\nmon = -2").unwrap_err(),
            "targets.mon = -2 must be between 0 and 24 hours"
        );
        assert!(Config::parse("limits = \"us\"").unwrap_err().contains(
            "limits = \"us\" is not a limit set; use \"eu\", \"cn\", \"none\" or a [limits] table"
        ));
    }
}
