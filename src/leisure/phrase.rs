//! A sentence of the model kept as data: a catalogue key with its arguments, said
//! in any language by [`Phrase::in_lang`]. The model's reasons, caveats and sources
//! are phrases so that `--json` carries them in English (machine formats never
//! change with the language) while each face shows the user's language.
//!
//! A phrase also holds its English rendering, so it reads as a `&str` (`Deref`),
//! prints as English (`Display`) and serialises as the same English string the
//! field held before it was a phrase.

use std::fmt;
use std::ops::Deref;

use serde::Serialize;

use crate::i18n::{self, Lang};

/// One argument of a phrase: plain text (a number already formatted, a code, a
/// year), a country whose name depends on the language, or another phrase.
#[derive(Debug, Clone)]
pub enum Arg {
    /// The same in every language.
    Text(String),
    /// A country by ISO code, with its PWT (English) name.
    Country {
        /// ISO alpha-3 code.
        code: String,
        /// The name in the data.
        name: String,
    },
    /// A phrase inside a phrase (a reason passed on).
    Phrase(Box<Phrase>),
}

/// Plain text for a phrase argument.
#[must_use]
pub fn text(value: impl fmt::Display) -> Arg {
    Arg::Text(value.to_string())
}

/// A country for a phrase argument (its name in the reader's language).
#[must_use]
pub fn country(code: &str, name: &str) -> Arg {
    Arg::Country {
        code: code.to_string(),
        name: name.to_string(),
    }
}

impl Arg {
    fn in_lang(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Country { code, name } => super::names::country_name(lang, code, name),
            Arg::Phrase(p) => p.in_lang(lang),
        }
    }
}

#[derive(Debug, Clone)]
enum Said {
    Keyed(&'static str, Vec<(&'static str, Arg)>),
    Plain(String),
    /// Several reasons in one line, each said in the language.
    Joined(Vec<Phrase>),
}

/// A sentence in any language; English when read as a string.
#[derive(Debug, Clone)]
pub struct Phrase {
    said: Said,
    en: String,
}

impl Phrase {
    /// The catalogue's `key` with `args`.
    #[must_use]
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        let said = Said::Keyed(key, args);
        let en = render(&said, Lang::En);
        Phrase { said, en }
    }

    /// Text that is the same in every language (a week label such as `2026-W10`).
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Phrase {
            en: text.clone(),
            said: Said::Plain(text),
        }
    }

    /// Several phrases in one line (`a; b` in English, `a；b` in Chinese).
    #[must_use]
    pub fn joined(parts: Vec<Phrase>) -> Self {
        let said = Said::Joined(parts);
        let en = render(&said, Lang::En);
        Phrase { said, en }
    }

    /// The phrase in `lang`.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en.clone(),
            _ => render(&self.said, lang),
        }
    }

    /// The English text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.en
    }
}

fn render(said: &Said, lang: Lang) -> String {
    match said {
        Said::Plain(t) => t.clone(),
        Said::Keyed(key, args) => {
            let values: Vec<(&str, String)> =
                args.iter().map(|(n, a)| (*n, a.in_lang(lang))).collect();
            let refs: Vec<(&str, &dyn fmt::Display)> = values
                .iter()
                .map(|(n, v)| (*n, v as &dyn fmt::Display))
                .collect();
            i18n::t(lang, key, &refs)
        }
        Said::Joined(parts) => {
            let sep = i18n::t(lang, "dividend-separator", &[]);
            let parts: Vec<String> = parts.iter().map(|p| p.in_lang(lang)).collect();
            parts.join(&sep)
        }
    }
}

/// Text already in its final form (the same in every language).
impl From<&str> for Phrase {
    fn from(text: &str) -> Self {
        Phrase::plain(text)
    }
}

/// Text already in its final form (the same in every language).
impl From<String> for Phrase {
    fn from(text: String) -> Self {
        Phrase::plain(text)
    }
}

impl Deref for Phrase {
    type Target = str;
    fn deref(&self) -> &str {
        &self.en
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Two phrases are equal when they say the same in English.
impl PartialEq for Phrase {
    fn eq(&self, other: &Self) -> bool {
        self.en == other.en
    }
}

impl PartialEq<&str> for Phrase {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

impl Serialize for Phrase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_english_as_a_string_and_chinese_when_asked() {
        let p = Phrase::new(
            "dividend-base-after-end",
            vec![("base", text(2019)), ("end", text(1970))],
        );
        assert_eq!(
            p.as_str(),
            "the base year 2019 must be before the end year 1970"
        );
        assert_eq!(p.in_lang(Lang::ZhCn), "基年 2019 年必须早于截止年 1970 年");
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            "\"the base year 2019 must be before the end year 1970\""
        );
        let both = Phrase::joined(vec![p.clone(), Phrase::plain("x")]);
        assert!(both.ends_with("1970; x"), "{both}");
        assert!(both.in_lang(Lang::ZhCn).ends_with("1970 年；x"));
    }

    #[test]
    fn a_country_argument_takes_the_readers_name() {
        let p = Phrase::new(
            "dividend-keynes-assumption",
            vec![("country", country("DEU", "Germany")), ("end", text(2019))],
        );
        assert!(p.contains("like the Germany average"), "{p}");
        assert!(
            p.in_lang(Lang::ZhCn).contains("德国"),
            "{}",
            p.in_lang(Lang::ZhCn)
        );
    }
}
