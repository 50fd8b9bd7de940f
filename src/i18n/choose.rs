//! Which language to speak: `--lang`, then `OTIUM_LANG`, then the config key
//! `language`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders
//! them). The only place that reads those variables.

use super::Lang;
use crate::error::Result;

/// The language from the flag, `OTIUM_LANG`, the config and the locale, in that
/// order. An unknown `OTIUM_LANG` is an error (exit 7); a locale otium has no
/// catalogue for (`fr_FR.UTF-8`, `C`) means English, since it is the system's
/// setting and not a request to otium.
pub fn resolve(flag: Option<Lang>, config: Option<Lang>) -> Result<Lang> {
    if let Some(lang) = flag {
        return Ok(lang);
    }
    if let Some(value) = var("OTIUM_LANG") {
        return value.parse();
    }
    if let Some(lang) = config {
        return Ok(lang);
    }
    Ok(from_locale(locale().as_deref()))
}

/// As [`resolve`] without the config, for an error met before the config was read;
/// any problem gives English, since the error being reported comes first.
#[must_use]
pub fn early(flag: Option<Lang>) -> Lang {
    resolve(flag, None).unwrap_or_default()
}

/// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty: POSIX
/// lets the first one set decide, even when it names a language otium lacks.
fn locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var)
}

/// The language of a POSIX locale name: `zh_CN.UTF-8` and every other Chinese
/// locale (`zh_TW`, `zh_HK`, `zh_SG` until a Traditional catalogue exists) give
/// Chinese; anything else, or none, English.
#[must_use]
pub fn from_locale(locale: Option<&str>) -> Lang {
    let Some(locale) = locale else {
        return Lang::En;
    };
    let language = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default();
    if language.eq_ignore_ascii_case("zh") {
        Lang::ZhCn
    } else {
        Lang::En
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_a_catalogue() {
        let cases = [
            (Some("zh_CN.UTF-8"), Lang::ZhCn),
            (Some("zh_CN"), Lang::ZhCn),
            (Some("zh_TW.UTF-8"), Lang::ZhCn),
            (Some("zh_HK.Big5"), Lang::ZhCn),
            (Some("en_US.UTF-8"), Lang::En),
            (Some("de_DE@euro"), Lang::En),
            (Some("C"), Lang::En),
            (Some("POSIX"), Lang::En),
            (None, Lang::En),
        ];
        for (locale, want) in cases {
            assert_eq!(from_locale(locale), want, "{locale:?}");
        }
    }

    #[test]
    fn language_names_parse_or_name_the_accepted_ones() {
        assert_eq!("zh-CN".parse::<Lang>().unwrap(), Lang::ZhCn);
        assert_eq!("zh_cn".parse::<Lang>().unwrap(), Lang::ZhCn);
        assert_eq!("EN".parse::<Lang>().unwrap(), Lang::En);
        let err = "fr".parse::<Lang>().unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
        assert!(err.message().contains("en, zh-CN"), "{}", err.message());
    }
}
