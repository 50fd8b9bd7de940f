//! The named rule sets, each rule with its legal source, and the user's own values
//! from a `[limits]` table.

use super::{HOUR, NamedRule, Rule};
use crate::config::LimitsConfig;
use crate::limits::hours_to_seconds;

/// A named set of rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitSet {
    /// `eu`, `cn` or `custom`.
    pub name: &'static str,
    /// The rules checked.
    pub rules: Vec<NamedRule>,
}

impl LimitSet {
    /// EU Working Time Directive 2003/88/EC.
    #[must_use]
    pub fn eu() -> LimitSet {
        LimitSet {
            name: "eu",
            rules: vec![
                NamedRule {
                    rule: Rule::MaxWeeklyAverage {
                        limit: 48 * HOUR,
                        weeks: 17,
                    },
                    name: "max_weekly_hours",
                    source: "Directive 2003/88/EC art. 6(b); 17-week reference period art. 16(b)",
                    source_key: "limits-source-eu-6",
                },
                NamedRule {
                    rule: Rule::MinDailyRest { rest: 11 * HOUR },
                    name: "min_daily_rest",
                    source: "Directive 2003/88/EC art. 3",
                    source_key: "limits-source-eu-3",
                },
                NamedRule {
                    rule: Rule::MinWeeklyRest {
                        rest: (24 + 11) * HOUR,
                    },
                    name: "min_weekly_rest",
                    source: "Directive 2003/88/EC art. 5 (24 h plus the 11 h of art. 3)",
                    source_key: "limits-source-eu-5",
                },
            ],
        }
    }

    /// PRC Labour Law (1994) arts. 36, 38 and 41.
    #[must_use]
    pub fn cn() -> LimitSet {
        LimitSet {
            name: "cn",
            rules: vec![
                NamedRule {
                    rule: Rule::MaxDaily { limit: 8 * HOUR },
                    name: "max_daily_hours",
                    source: "PRC Labour Law art. 36",
                    source_key: "limits-source-cn-36",
                },
                NamedRule {
                    rule: Rule::MaxWeeklyAverage {
                        limit: 44 * HOUR,
                        weeks: 1,
                    },
                    name: "max_weekly_hours",
                    source: "PRC Labour Law art. 36",
                    source_key: "limits-source-cn-36",
                },
                NamedRule {
                    rule: Rule::MinRestDays { days: 1 },
                    name: "min_rest_days",
                    source: "PRC Labour Law art. 38",
                    source_key: "limits-source-cn-38",
                },
                NamedRule {
                    rule: Rule::MaxMonthlyOvertime {
                        limit: 36 * HOUR,
                        after_daily: 8 * HOUR,
                    },
                    name: "max_monthly_overtime",
                    source: "PRC Labour Law art. 41",
                    source_key: "limits-source-cn-41",
                },
            ],
        }
    }

    /// The set the config asks for, or `None` for `limits = "none"`.
    #[must_use]
    pub fn from_config(config: &LimitsConfig) -> Option<LimitSet> {
        match config {
            LimitsConfig::None => None,
            LimitsConfig::Eu => Some(LimitSet::eu()),
            LimitsConfig::Cn => Some(LimitSet::cn()),
            LimitsConfig::Explicit(l) => {
                const SOURCE: &str = "your config ([limits])";
                let mut rules = Vec::new();
                let mut push = |rule, name| {
                    rules.push(NamedRule {
                        rule,
                        name,
                        source: SOURCE,
                        source_key: "limits-source-custom",
                    });
                };
                if let Some(h) = l.max_daily_hours {
                    push(
                        Rule::MaxDaily {
                            limit: hours_to_seconds(h),
                        },
                        "max_daily_hours",
                    );
                }
                if let Some(h) = l.max_weekly_hours {
                    push(
                        Rule::MaxWeeklyAverage {
                            limit: hours_to_seconds(h),
                            weeks: l.average_weeks.unwrap_or(1).max(1),
                        },
                        "max_weekly_hours",
                    );
                }
                if let Some(h) = l.min_daily_rest_hours {
                    push(
                        Rule::MinDailyRest {
                            rest: hours_to_seconds(h),
                        },
                        "min_daily_rest",
                    );
                }
                if let Some(h) = l.min_weekly_rest_hours {
                    push(
                        Rule::MinWeeklyRest {
                            rest: hours_to_seconds(h),
                        },
                        "min_weekly_rest",
                    );
                }
                if let Some(days) = l.min_rest_days_per_week {
                    push(Rule::MinRestDays { days }, "min_rest_days");
                }
                if let Some(h) = l.max_monthly_overtime_hours {
                    push(
                        Rule::MaxMonthlyOvertime {
                            limit: hours_to_seconds(h),
                            after_daily: hours_to_seconds(
                                l.overtime_after_daily_hours.unwrap_or(8.0),
                            ),
                        },
                        "max_monthly_overtime",
                    );
                }
                Some(LimitSet {
                    name: "custom",
                    rules,
                })
            }
        }
    }

    /// How many days before a range the work must be loaded for the checks.
    #[must_use]
    pub fn lookback_days(&self) -> u64 {
        self.rules
            .iter()
            .map(|r| match r.rule {
                Rule::MaxWeeklyAverage { weeks, .. } => u64::from(weeks) * 7 + 7,
                Rule::MaxMonthlyOvertime { .. } => 31,
                Rule::MinWeeklyRest { .. } | Rule::MinRestDays { .. } => 14,
                Rule::MaxDaily { .. } | Rule::MinDailyRest { .. } => 2,
            })
            .max()
            .unwrap_or(0)
    }
}
