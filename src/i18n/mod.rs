//! The message catalogue: every text a person reads, in English and Simplified
//! Chinese, from Fluent files in `assets/locales/` embedded in the binary.
//!
//! Each message is parsed the first time it is asked for and then kept for the
//! process, so a command that prints no human text (`status --json`, `status
//! --format`) never pays for parsing, and one that does parses only its messages. [`choose`] decides the
//! language from the flag, `OTIUM_LANG`, the config and the locale; [`zh`] holds
//! the Chinese forms of dates and durations, which are functions, not messages.

pub mod choose;
pub mod hints;
#[doc(hidden)]
pub mod scan;
pub mod zh;

#[cfg(test)]
mod entry_tests;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt::Display;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::langid;

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

/// Each language's messages as they were first asked for: a message is parsed the
/// first time it is used, from the entry [`entry`] finds in its file, and then kept
/// for the process. `otium status` parses the few messages it prints, not the file
/// they are in (parsing whole files made most of the work and the heap of a short
/// command; issue 21). The catalogue has no terms or message references, so each
/// message parses alone exactly as it does within its file.
static EN: Mutex<Option<FluentBundle<FluentResource>>> = Mutex::new(None);
/// The Chinese messages, as [`EN`].
static ZH_CN: Mutex<Option<FluentBundle<FluentResource>>> = Mutex::new(None);

/// Each English file's entries by key (see [`entries`]), found on first use.
static EN_ENTRIES: [OnceLock<Entries>; FILES] = [const { OnceLock::new() }; FILES];
/// The Chinese files' entries, as [`EN_ENTRIES`].
static ZH_CN_ENTRIES: [OnceLock<Entries>; FILES] = [const { OnceLock::new() }; FILES];

/// A catalogue file's messages: each key with the text of its entry, in file order.
type Entries = Vec<(&'static str, &'static str)>;

/// How many files a catalogue has.
const FILES: usize = 8;
const _: () = assert!(EN_FILES.len() == FILES && ZH_CN_FILES.len() == FILES);

/// The catalogue file (its place in [`EN_FILES`]) that holds `key`: each area's keys
/// start with its name (`capture-…` in `capture.ftl`; `report-…` and `limits-…` in
/// `reports.ftl`), and the rest (`error-`, `note-`, `hint-`, `status-`, `duration-`…)
/// are in `otium.ftl`. The catalogue tests check that every key is in its area's file.
fn file_of(key: &str) -> usize {
    let area = match key.split_once('-').map_or(key, |(area, _)| area) {
        "report" | "limits" => "reports",
        area => area,
    };
    EN_FILES
        .iter()
        .position(|(name, _)| *name == area)
        .unwrap_or(0)
}

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

/// The entries of a Fluent file, in one pass over its lines: a message starts on a
/// line that starts with a letter (its key, up to ` =`) and goes on over the indented
/// and blank lines after it; a comment or the next message ends it. A tenth of the
/// work of parsing the file.
fn entries(source: &'static str) -> Entries {
    let mut entries = Vec::new();
    let mut open: Option<(usize, &'static str)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let first = line.bytes().next().unwrap_or(b'\n');
        if !matches!(first, b' ' | b'\n' | b'\r') {
            if let Some((start, key)) = open.take() {
                entries.push((key, &source[start..offset]));
            }
            if first.is_ascii_alphabetic() {
                let key = line
                    .split(|c: char| c == '=' || c.is_whitespace())
                    .next()
                    .unwrap_or_default();
                open = Some((offset, key));
            }
        }
        offset += line.len();
    }
    if let Some((start, key)) = open {
        entries.push((key, &source[start..]));
    }
    entries
}

/// The text of `key`'s entry in `lang`'s catalogue, if it has one.
fn entry(lang: Lang, key: &str) -> Option<&'static str> {
    let file = file_of(key);
    let (all, files) = match lang {
        Lang::En => (&EN_ENTRIES, EN_FILES),
        Lang::ZhCn => (&ZH_CN_ENTRIES, ZH_CN_FILES),
    };
    let entries = all[file].get_or_init(|| entries(files[file].1));
    // A linear search: a file has a few hundred keys, and sorting them would cost
    // more than the few lookups a command makes.
    entries
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

/// A bundle with no messages yet.
fn empty_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::En => langid!("en"),
        Lang::ZhCn => langid!("zh-CN"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: terminals show them as junk, and
    // the messages put project names and commands only in left-to-right text.
    bundle.set_use_isolating(false);
    bundle
}

/// The message `key` in `lang` with its arguments filled in. A key the catalogue
/// lacks comes back as the key itself (the tests make sure none is missing).
#[must_use]
pub fn t(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    let bundles = match lang {
        Lang::En => &EN,
        Lang::ZhCn => &ZH_CN,
    };
    // A panic elsewhere while the lock was held leaves the messages as they were.
    let mut guard = bundles.lock().unwrap_or_else(PoisonError::into_inner);
    let bundle = guard.get_or_insert_with(|| empty_bundle(lang));
    if !bundle.has_message(key) {
        let Some(text) = entry(lang, key) else {
            return key.to_string();
        };
        // A syntax error still gives what parsed; the catalogue tests fail on any
        // error, so a shipped binary has none.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
        // Each key is added once: it was not in the bundle.
        let _ = bundle.add_resource(resource);
    }
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
    let mut text = String::new();
    push_duration(&mut text, lang, seconds);
    text
}

/// [`duration`] appended to `into`, without a `String` of its own: what a table of
/// many rows (`balance --all`) writes its figures with.
pub fn push_duration(into: &mut String, lang: Lang, seconds: i64) {
    match lang {
        Lang::En => crate::time::push_human_duration(into, seconds),
        Lang::ZhCn => zh::push_duration(into, seconds),
    }
}
