//! clap's usage errors as one line, built from the error's kind and context values
//! (not from its rendered text, whose layout clap may change), with its "did you
//! mean" suggestions kept.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, t};

/// The flags that take a time which may carry a date (`--from 2026-11-23 10:00`).
const TIME_FLAGS: [&str; 3] = ["--from", "--to", "--at"];

/// A time flag given a date and then, as the next word, a time of day: the shell
/// split `--from 2026-11-23 10:00` because the quotes were forgotten. Seen before
/// clap or the verb reads the stray word, which they would take for a tag or an
/// unknown argument and give advice about that instead.
#[must_use]
pub fn forgotten_quotes(args: &[std::ffi::OsString]) -> Option<crate::Error> {
    let words: Vec<&str> = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .map(|a| a.to_str().unwrap_or(""))
        .collect();
    (0..words.len()).find_map(|i| {
        // `--from DATE TIME` or `--from=DATE TIME`.
        let (flag, date, clock) = match words[i].split_once('=') {
            Some((flag, date)) => (flag, date, *words.get(i + 1)?),
            None => (words[i], *words.get(i + 1)?, *words.get(i + 2)?),
        };
        let fits = TIME_FLAGS.contains(&flag)
            && crate::time::parse::parse_date(date).is_some()
            && crate::time::parse::is_clock(clock);
        fits.then(|| {
            crate::Error::invalid(format!(
                "{flag} {date} {clock}: a date and time need quotes to stay one word; write {flag} \"{date} {clock}\""
            ))
        })
    })
}

/// The one-line message for a usage error, and the `--help` to point to:
/// `("unexpected argument '--bogus' found", "otium start --help")`.
#[must_use]
pub fn usage_message(e: &clap::Error) -> (String, String) {
    usage_message_in(Lang::En, e)
}

/// As [`usage_message`], said in `lang` (JSON keeps the English one).
#[must_use]
pub fn usage_message_in(lang: Lang, e: &clap::Error) -> (String, String) {
    let mut message = what(lang, e);
    let suggestions: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(|kind| strings(e.get(kind)))
    .map(|s| format!("'{s}'"))
    .collect();
    if !suggestions.is_empty() {
        let or = t(lang, "help-usage-or", &[]);
        let suggestions = suggestions.join(&or);
        message = t(
            lang,
            "help-usage-did-you-mean",
            &[("message", &message), ("suggestions", &suggestions)],
        );
    }
    (message, format!("{} --help", verb(e)))
}

/// What is wrong, in clap's own words (in English) or in `lang`'s.
fn what(lang: Lang, e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let number = |kind| match e.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let found = match e.kind() {
        ErrorKind::ArgumentConflict => conflict(lang, e),
        ErrorKind::NoEquals => arg.map(|a| t(lang, "help-usage-no-equals", &[("arg", &a)])),
        ErrorKind::InvalidValue => arg.zip(value).map(|(a, v)| {
            let head = if v.is_empty() {
                t(lang, "help-usage-value-required", &[("arg", &a)])
            } else {
                t(
                    lang,
                    "help-usage-invalid-value",
                    &[("arg", &a), ("value", &v)],
                )
            };
            head + &listed(lang, "help-usage-possible", e.get(ContextKind::ValidValue))
        }),
        ErrorKind::InvalidSubcommand => text(ContextKind::InvalidSubcommand)
            .map(|s| t(lang, "help-usage-unknown-subcommand", &[("name", &s)])),
        ErrorKind::MissingRequiredArgument => match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(args)) => {
                let args = args.join(", ");
                Some(t(lang, "help-usage-missing-args", &[("args", &args)]))
            }
            _ => None,
        },
        ErrorKind::MissingSubcommand => text(ContextKind::InvalidSubcommand).map(|s| {
            t(lang, "help-usage-missing-subcommand", &[("name", &s)])
                + &listed(
                    lang,
                    "help-usage-subcommands",
                    e.get(ContextKind::ValidSubcommand),
                )
        }),
        ErrorKind::TooManyValues => arg
            .zip(value)
            .map(|(a, v)| t(lang, "help-usage-too-many", &[("arg", &a), ("value", &v)])),
        // Rare (otium's flags take one value each): clap's words.
        ErrorKind::TooFewValues => arg
            .zip(number(ContextKind::ActualNumValues))
            .zip(number(ContextKind::MinValues))
            .map(|((a, n), min)| {
                // English says "was" or "were": one key each.
                let key = if n > 1 {
                    "help-usage-too-few-many"
                } else {
                    "help-usage-too-few-one"
                };
                t(lang, key, &[("min", &min), ("arg", &a), ("count", &n)])
            }),
        ErrorKind::ValueValidation => arg.zip(value).map(|(a, v)| {
            let cause = std::error::Error::source(e)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            t(
                lang,
                "help-usage-invalid-value",
                &[("arg", &a), ("value", &v)],
            ) + &cause
        }),
        ErrorKind::WrongNumberOfValues => arg
            .zip(number(ContextKind::ActualNumValues))
            .zip(number(ContextKind::ExpectedNumValues))
            .map(|((a, n), expected)| {
                let key = if n > 1 {
                    "help-usage-wrong-number-many"
                } else {
                    "help-usage-wrong-number-one"
                };
                t(
                    lang,
                    key,
                    &[("expected", &expected), ("arg", &a), ("count", &n)],
                )
            }),
        ErrorKind::UnknownArgument => {
            arg.map(|a| t(lang, "help-usage-unknown-argument", &[("arg", &a)]))
        }
        _ => None,
    };
    found
        .or_else(|| e.kind().as_str().map(str::to_string))
        .unwrap_or_else(|| "bad usage".to_string())
}

/// `the argument '--today' cannot be used with '--yesterday'`, or `… multiple times`.
fn conflict(lang: Lang, e: &clap::Error) -> Option<String> {
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(a)) => a,
        _ => return None,
    };
    let prior = e.get(ContextKind::PriorArg);
    if prior == Some(&ContextValue::String(arg.clone())) {
        return Some(t(lang, "help-usage-multiple", &[("arg", arg)]));
    }
    Some(match prior {
        Some(ContextValue::Strings(args)) => {
            let others = args.join(", ");
            t(
                lang,
                "help-usage-conflict-list",
                &[("arg", arg), ("others", &others)],
            )
        }
        Some(ContextValue::String(other)) => t(
            lang,
            "help-usage-conflict",
            &[("arg", arg), ("other", other)],
        ),
        _ => t(lang, "help-usage-conflict-any", &[("arg", arg)]),
    })
}

/// ` [possible values: a, b]` (the message `key`), or nothing when there is no list.
fn listed(lang: Lang, key: &str, values: Option<&ContextValue>) -> String {
    let values: Vec<String> = strings(values)
        .into_iter()
        .map(|v| {
            // As clap shows them: quoted when empty or containing a space.
            if v.is_empty() || v.contains(char::is_whitespace) {
                format!("{v:?}")
            } else {
                v
            }
        })
        .collect();
    if values.is_empty() {
        String::new()
    } else {
        let values = values.join(", ");
        format!(" {}", t(lang, key, &[("values", &values)]))
    }
}

fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// The command in use (`otium add`), from the usage clap attached; errors without
/// one (bad values) point to `otium` itself.
fn verb(e: &clap::Error) -> String {
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => usage.to_string(),
        _ => String::new(),
    };
    let words: Vec<&str> = usage
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage:"))
        .map(|l| {
            l.split_whitespace()
                .take_while(|w| !w.starts_with(['-', '[', '<']))
                .collect()
        })
        .unwrap_or_default();
    if words.is_empty() {
        "otium".to_string()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::usage_message;
    use crate::cli::Cli;

    fn message(args: &[&str]) -> (String, String) {
        match Cli::try_parse_from(std::iter::once("otium").chain(args.iter().copied())) {
            Ok(_) => panic!("{args:?} parsed"),
            Err(e) => usage_message(&e),
        }
    }

    #[test]
    fn messages_come_from_the_kind_and_context() {
        assert_eq!(
            message(&["log", "--today", "--yesterday"]),
            (
                "the argument '--today' cannot be used with '--yesterday'".to_string(),
                "otium log --help".to_string()
            )
        );
        assert_eq!(
            message(&["log", "--all", "--all"]).0,
            "the argument '--all' cannot be used multiple times"
        );
        assert_eq!(
            message(&["import"]),
            (
                "the following required arguments were not provided: <FORMAT>, <FILE>".to_string(),
                "otium import --help".to_string()
            )
        );
        assert_eq!(
            message(&["export", "--format"]),
            (
                "a value is required for '--format <FORMAT>' but none was supplied [possible values: csv, json, ics, timewarrior, toggl, timeclock]"
                    .to_string(),
                "otium --help".to_string()
            )
        );
        assert_eq!(
            message(&["rm", "one"]).0,
            "invalid value 'one' for '<ID>...': not a session id; give the number the session list shows, e.g. 12"
        );
    }

    #[test]
    fn suggestions_are_kept() {
        assert_eq!(
            message(&["strat"]),
            (
                "unrecognized subcommand 'strat' (did you mean 'status' or 'start'?)".to_string(),
                "otium --help".to_string()
            )
        );
        assert_eq!(
            message(&["report", "--lastweek"]),
            (
                "unexpected argument '--lastweek' found (did you mean '--last-week'?)".to_string(),
                "otium report --help".to_string()
            )
        );
    }
}
