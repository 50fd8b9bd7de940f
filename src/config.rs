//! `config.toml`: optional settings with defaults, validated once with messages
//! that name the key and the line.

use std::path::Path;

use chrono::Weekday;
use serde::Deserialize;

use crate::error::{Error, Result};

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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            week_start: WeekStart(Weekday::Mon),
            country: "USA".to_string(),
            base_year: 1970,
            weekly_target_hours: None,
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
                return Err(Error::config(format!(
                    "cannot read config {}: {e}; fix the path given by --config or OTIUM_CONFIG",
                    path.display()
                )));
            }
        };
        Self::parse(&text).map_err(|msg| {
            Error::config(format!(
                "config {}: {msg}; fix or remove that line",
                path.display()
            ))
        })
    }

    /// Parses config text; the error is one line naming the line number.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            let message = e.message().replace('\n', " ");
            format!("line {line}: {message}")
        })?;
        if let Some(hours) = config.weekly_target_hours
            && !(hours > 0.0 && hours <= 168.0)
        {
            return Err(format!(
                "weekly_target_hours = {hours} must be between 0 and 168"
            ));
        }
        Ok(config)
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
        assert!(
            Config::parse("weekly_target_hours = -3")
                .unwrap_err()
                .contains("between")
        );
    }
}
