//! `otium limits [range]`: each breach of the configured working-time rules, with
//! dates and figures. It informs: the exit code is 0 whatever it finds.

use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::args::RangeArgs;
use crate::error::Result;
use crate::i18n::{Lang, t};
use crate::limits::rules::{Breach, LimitSet, Rule};
use crate::report::day_in;
use crate::time;

// `limits [range]`.
#[derive(Debug, Args)]
pub struct LimitsArgs {
    #[command(flatten)]
    pub range: RangeArgs,
}

#[derive(Serialize)]
struct RuleJson {
    name: &'static str,
    description: String,
    source: &'static str,
}

#[derive(Serialize)]
struct LimitsJson<'a> {
    set: &'static str,
    #[serde(serialize_with = "crate::limits::serialize_date")]
    from: NaiveDate,
    #[serde(serialize_with = "crate::limits::serialize_date")]
    to: NaiveDate,
    zone: &'a str,
    rules: Vec<RuleJson>,
    breaches: &'a [Breach],
}

/// The local days a range covers: `--all` runs from the first session to today.
pub(super) fn range_days(
    ctx: &mut Ctx,
    range: &RangeArgs,
    zone: Tz,
) -> Result<(NaiveDate, NaiveDate)> {
    let span = range.span(ctx, zone)?;
    span_days(ctx, span, zone)
}

/// The local days `span` covers in `zone` (an open start is the first session's day,
/// an open end today).
pub(super) fn span_days(
    ctx: &Ctx,
    span: crate::time::range::Span,
    zone: Tz,
) -> Result<(NaiveDate, NaiveDate)> {
    let today = time::local_date(zone, ctx.tracker.now());
    let first = match span.from {
        Some(from) => time::local_date(zone, from),
        None => ctx
            .tracker
            .first_start(None)?
            .map_or(today, |s| time::local_date(zone, s)),
    };
    let last = span.to.map_or(today, |to| {
        time::local_date(zone, to - chrono::Duration::seconds(1))
    });
    Ok((first, last.max(first)))
}

pub fn run(ctx: &mut Ctx, args: &LimitsArgs) -> Result<()> {
    let lang = ctx.lang;
    let zone = args.range.zone(ctx)?;
    let (first, last) = range_days(ctx, &args.range, zone)?;
    let Some(set) = LimitSet::from_config(&ctx.tracker.config().limits) else {
        ctx.out.value(|| LimitsJson {
            set: "none",
            from: first,
            to: last,
            zone: zone.name(),
            rules: Vec::new(),
            breaches: &[],
        });
        ctx.out.line(t(lang, "limits-none", &[]));
        return Ok(());
    };
    let breaches = ctx.tracker.breaches(zone, first, last)?;
    ctx.out.value(|| LimitsJson {
        set: set.name,
        from: first,
        to: last,
        zone: zone.name(),
        rules: set
            .rules
            .iter()
            .map(|r| RuleJson {
                name: r.name,
                description: r.describe(),
                source: r.source,
            })
            .collect(),
        breaches: &breaches,
    });
    if ctx.out.json {
        // The lines would be dropped unwritten (a whole history has thousands).
        return Ok(());
    }
    ctx.out.line(t(
        lang,
        "limits-header",
        &[
            ("set", &set.name),
            ("from", &day_in(lang, first)),
            ("to", &day_in(lang, last)),
            ("zone", &zone.name()),
        ],
    ));
    for r in &set.rules {
        ctx.out.line(t(
            lang,
            "limits-rule-line",
            &[
                ("rule", &r.describe_in(lang)),
                ("source", &r.source_in(lang)),
            ],
        ));
    }
    ctx.out.line("");
    if breaches.is_empty() {
        ctx.out.line(t(lang, "limits-no-breaches", &[]));
    } else {
        ctx.out
            .line(t(lang, "limits-breach-count", &[("n", &breaches.len())]));
        // A whole history has thousands of breaches of a handful of rules: each rule's
        // words are written once (breaches come rule by rule; in English the breach
        // carries them), and the line around them is the catalogue's, asked once.
        let mut words: Option<(Rule, String, String)> = None;
        let mut line = Template::new(lang, "limits-breach-line", ["rule", "message", "source"]);
        for b in &breaches {
            let (rule, source) = match &words {
                Some((named, rule, source)) if *named == b.named.rule => (rule, source),
                _ => {
                    let (rule, source) = match lang {
                        Lang::En => (b.description.clone(), b.source.to_string()),
                        Lang::ZhCn => (b.description_in(lang), b.source_in(lang)),
                    };
                    let (_, rule, source) = words.insert((b.named.rule, rule, source));
                    (&*rule, &*source)
                }
            };
            let message = b.message_in(lang);
            ctx.out.line(line.fill(&[rule, &message, source]));
        }
    }
    ctx.out.line(t(lang, "limits-disclaimer", &[]));
    Ok(())
}

/// A catalogue message with plain-text arguments, filled in many times: Fluent is
/// asked once, with stand-ins for the arguments, and each fill joins the message's
/// own text around the values. Exactly `t(lang, key, args)` when each stand-in comes
/// back once (arguments reach Fluent as strings, so a message without selectors
/// only places them); otherwise every fill asks Fluent.
struct Template<const N: usize> {
    lang: Lang,
    key: &'static str,
    names: [&'static str; N],
    /// The message's text before each argument (argument `i` of `names`), and the
    /// text after the last one.
    parts: Option<(Vec<(String, usize)>, String)>,
    /// The line being filled.
    buffer: String,
}

impl<const N: usize> Template<N> {
    fn new(lang: Lang, key: &'static str, names: [&'static str; N]) -> Self {
        // Private-use characters, which no message or value of otium contains.
        let marks: [String; N] = std::array::from_fn(|i| {
            char::from_u32(0xE000 + i as u32).map_or_else(String::new, String::from)
        });
        let args: Vec<(&str, &dyn std::fmt::Display)> = names
            .iter()
            .zip(&marks)
            .map(|(name, mark)| (*name, mark as &dyn std::fmt::Display))
            .collect();
        let text = t(lang, key, &args);
        let mut parts = Vec::new();
        let mut rest = text.as_str();
        let mut seen = [0_usize; N];
        while let Some((at, c)) = rest
            .char_indices()
            .find(|(_, c)| ('\u{E000}'..'\u{E100}').contains(c))
        {
            let i = (c as u32 - 0xE000) as usize;
            if i >= N {
                break;
            }
            seen[i] += 1;
            parts.push((rest[..at].to_string(), i));
            rest = &rest[at + c.len_utf8()..];
        }
        let exact =
            seen.iter().all(|n| *n == 1) && !marks.iter().any(|m| rest.contains(m.as_str()));
        Template {
            lang,
            key,
            names,
            parts: exact.then(|| (parts, rest.to_string())),
            buffer: String::new(),
        }
    }

    /// The message with `values` for the arguments, in the order of `names`.
    fn fill(&mut self, values: &[&str; N]) -> &str {
        match &self.parts {
            Some((parts, tail)) => {
                self.buffer.clear();
                for (text, i) in parts {
                    self.buffer.push_str(text);
                    self.buffer.push_str(values[*i]);
                }
                self.buffer.push_str(tail);
            }
            None => {
                let args: Vec<(&str, &dyn std::fmt::Display)> = self
                    .names
                    .iter()
                    .zip(values)
                    .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
                    .collect();
                self.buffer = t(self.lang, self.key, &args);
            }
        }
        &self.buffer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filled_template_is_the_catalogues_line() {
        let values = [
            "at most 8 h per day",
            "2026-03-02: 9h 10m worked, over 8 h",
            "EU Working Time Directive 2003/88/EC art. 6",
        ];
        for lang in [Lang::En, Lang::ZhCn] {
            let mut line = Template::new(lang, "limits-breach-line", ["rule", "message", "source"]);
            assert!(line.parts.is_some(), "the breach line is a plain pattern");
            let expected = t(
                lang,
                "limits-breach-line",
                &[
                    ("rule", &values[0]),
                    ("message", &values[1]),
                    ("source", &values[2]),
                ],
            );
            assert_eq!(line.fill(&values), expected);
            // Again with other values: the buffer is reused, not appended to.
            let other = ["a", "b", "c"];
            let expected = t(
                lang,
                "limits-breach-line",
                &[("rule", &"a"), ("message", &"b"), ("source", &"c")],
            );
            assert_eq!(line.fill(&other), expected);
        }
        // By hand, in English: two spaces, the rule, the message, the source.
        let mut line = Template::new(
            Lang::En,
            "limits-breach-line",
            ["rule", "message", "source"],
        );
        assert_eq!(line.fill(&["r", "m", "s"]), "  r: m (s)");
    }

    #[test]
    fn a_message_without_one_of_the_arguments_asks_fluent() {
        // `limits-breach-count` has one argument; a template asked for a name the
        // message lacks cannot find its stand-in, so it falls back to Fluent.
        let mut line = Template::new(Lang::En, "limits-breach-count", ["n", "missing"]);
        assert!(line.parts.is_none());
        assert_eq!(line.fill(&["3", "x"]), "3 breach(es):");
    }
}
