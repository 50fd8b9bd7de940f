//! The message catalogue: every text a person reads, in English and Simplified
//! Chinese, from Fluent files in `assets/locales/` embedded in the binary.
//!
//! Each language's file is parsed on first use and then kept for the process
//! ([`std::sync::LazyLock`]), so a command that prints no human text (`status
//! --json`, `status --format`) never pays for parsing. [`choose`] decides the
//! language from the flag, `OTIUM_LANG`, the config and the locale; [`zh`] holds
//! the Chinese forms of dates and durations, which are functions, not messages.

pub mod choose;
pub mod hints;
#[doc(hidden)]
pub mod scan;
pub mod zh;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt::Display;
use std::str::FromStr;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

use crate::error::{Error, Result};

/// A language otium speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English, the default.
    #[default]
    #[value(name = "en")]
    En,
    /// Simplified Chinese (mainland China).
    #[value(name = "zh-CN")]
    ZhCn,
}

/// The accepted spellings, for error messages.
pub const ACCEPTED: &str = "en, zh-CN";

impl Lang {
    /// The BCP 47 tag (`en`, `zh-CN`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Whether this is Chinese (for the few places that format numbers or dates).
    #[must_use]
    pub fn is_zh(self) -> bool {
        self == Lang::ZhCn
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// `en` or `zh-CN` (case-insensitive; `zh_CN` and `zh` too, as people type them).
    fn from_str(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" => Ok(Lang::En),
            "zh-cn" | "zh" | "zh-hans" => Ok(Lang::ZhCn),
            _ => Err(Error::config(format!(
                "unknown language {text:?}; use one of {ACCEPTED}"
            ))),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    /// The config's `language = "zh-CN"`; an unknown one names the accepted ones.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| {
            serde::de::Error::custom(format!("unknown language {text:?}; use one of {ACCEPTED}"))
        })
    }
}

/// The English messages, parsed on first use.
static EN: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(langid!("en"), EN_FILES, false));
/// The Chinese messages, parsed on first use.
static ZH_CN: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(langid!("zh-CN"), ZH_CN_FILES, false));
/// `--help`'s English (`help.ftl`), parsed only by a request for help: the largest
/// file, which no other command needs.
static EN_HELP: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(langid!("en"), EN_FILES, true));
/// `--help`'s Chinese, parsed only by a request for help.
static ZH_CN_HELP: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle(langid!("zh-CN"), ZH_CN_FILES, true));

/// The file of `--help`'s messages, whose keys all start with `help-`.
const HELP_FILE: &str = "help";

/// One language's catalogue: the same file names under each `assets/locales/<tag>/`,
/// one file per area of the program so that each reads as a whole.
macro_rules! catalogue {
    ($tag:literal: $($file:literal),+ $(,)?) => {
        &[$((
            $file,
            include_str!(concat!("../../assets/locales/", $tag, "/", $file, ".ftl")),
        )),+]
    };
}

/// The English catalogue's files (name, source).
pub(crate) const EN_FILES: &[(&str, &str)] = catalogue!("en":
    "otium", "capture", "reports", "dividend", "tui", "help", "admin", "sync");
/// The Chinese catalogue's files (name, source), the same names as English.
pub(crate) const ZH_CN_FILES: &[(&str, &str)] = catalogue!("zh-CN":
    "otium", "capture", "reports", "dividend", "tui", "help", "admin", "sync");

/// A bundle of `files`: only `help.ftl` with `help`, every other file without.
fn bundle(
    id: LanguageIdentifier,
    files: &[(&str, &'static str)],
    help: bool,
) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: terminals show them as junk, and
    // the messages put project names and commands only in left-to-right text.
    bundle.set_use_isolating(false);
    for (_, source) in files
        .iter()
        .filter(|(name, _)| (*name == HELP_FILE) == help)
    {
        // A syntax error still gives the messages that parsed; the catalogue tests
        // fail on any error, so a shipped binary has none.
        let resource =
            FluentResource::try_new((*source).to_string()).unwrap_or_else(|(res, _)| res);
        // Duplicate ids are caught by the tests as well.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `key` in `lang` with its arguments filled in. A key the catalogue
/// lacks comes back as the key itself (the tests make sure none is missing).
#[must_use]
pub fn t(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    let bundle: &FluentBundle<FluentResource> = match (lang, key.starts_with("help-")) {
        (Lang::En, false) => &EN,
        (Lang::ZhCn, false) => &ZH_CN,
        (Lang::En, true) => &EN_HELP,
        (Lang::ZhCn, true) => &ZH_CN_HELP,
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(value.to_string()));
    }
    let mut errors = Vec::new();
    let text: Cow<'_, str> = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    text.into_owned()
}

/// A length of time for people: `1h 05m` in English, `1小时05分` in Chinese.
#[must_use]
pub fn duration(lang: Lang, seconds: i64) -> String {
    match lang {
        Lang::En => crate::time::human_duration(seconds),
        Lang::ZhCn => zh::duration(seconds),
    }
}
