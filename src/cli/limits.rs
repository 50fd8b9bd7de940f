//! `otium limits [range]`: each breach of the configured working-time rules, with
//! dates and figures. It informs: the exit code is 0 whatever it finds.

use std::borrow::Cow;

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

/// `limits [range]`.
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
        // words are written once (breaches come rule by rule), and in English the
        // breach already carries its line and its rule's words.
        let mut words: Option<(Rule, String, String)> = None;
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
            let message = match lang {
                Lang::En => Cow::Borrowed(b.message.as_str()),
                Lang::ZhCn => Cow::Owned(b.message_in(lang)),
            };
            ctx.out.line(t(
                lang,
                "limits-breach-line",
                &[("rule", rule), ("message", &message), ("source", source)],
            ));
        }
    }
    ctx.out.line(t(lang, "limits-disclaimer", &[]));
    Ok(())
}
