//! How the TUI writes durations and cuts text: one style for every total on screen
//! (`0h 00m` for an empty day, as `otium report` writes it), and text that does not
//! fit its column ends in `…` instead of being cut mid-word without a sign. In
//! Chinese the same totals read `0小时00分`, and days `周三 25日`.

use chrono::{Datelike, NaiveDate};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::{Lang, zh};

/// A total in hours and minutes, rounded to the nearest minute: `0h 00m`, `0h 47m`,
/// `26h 05m`. Every total the TUI shows (today, the week, a day, a filter's sum, the
/// target and the balance) uses it, so an empty day reads the same everywhere.
#[must_use]
pub fn total(seconds: i64) -> String {
    let minutes = (seconds.max(0) + 30) / 60;
    format!("{}h {:02}m", minutes / 60, minutes % 60)
}

/// A signed total: `+3h 00m`, `-0h 45m`.
#[must_use]
pub fn signed(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "+" };
    format!("{sign}{}", total(seconds.abs()))
}

/// [`total`] in `lang`: `1h 05m`, or `1小时05分` in Chinese (the same rounding).
#[must_use]
pub fn total_in(lang: Lang, seconds: i64) -> String {
    match lang {
        Lang::En => total(seconds),
        Lang::ZhCn => zh::minutes((seconds.max(0) + 30) / 60),
    }
}

/// [`total_in`] in at most `width` cells: in Chinese, when `10小时15分` is too wide
/// (a calendar column at 80 columns), decimal hours `10.3小时`; English as it is,
/// which its column always holds.
#[must_use]
pub fn total_within(lang: Lang, seconds: i64, width: usize) -> String {
    let full = total_in(lang, seconds);
    if lang == Lang::En || full.width() <= width {
        return full;
    }
    // Tenths of an hour, halves up (10h 15m is 10.3), in whole numbers so no float
    // rounding decides it.
    let tenths = (seconds.max(0) * 10 + 1800) / 3600;
    format!("{}.{}小时", tenths / 10, tenths % 10)
}

/// The widest [`total_in`] of a day's hours (`24h 00m`, `24小时00分`), in cells.
#[must_use]
pub fn total_width(lang: Lang) -> usize {
    total_in(lang, 26 * 3600).width()
}

/// A weekday and day of the month: `Wed 25`, or `周三 25日`.
#[must_use]
pub fn weekday_day(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%a %d").to_string(),
        Lang::ZhCn => format!("{} {}日", zh::weekday(date.weekday()), date.day()),
    }
}

/// The short weekday: `Wed`, or `周三`.
#[must_use]
pub fn weekday(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%a").to_string(),
        Lang::ZhCn => zh::weekday(date.weekday()).to_string(),
    }
}

/// A full date: `2026-03-25`, or `2026年3月25日`.
#[must_use]
pub fn date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%Y-%m-%d").to_string(),
        Lang::ZhCn => zh::day_long(date),
    }
}

/// `text` padded on the right to `width` cells (CJK counts two).
#[must_use]
pub fn pad_end(text: &str, width: usize) -> String {
    zh::pad_end(text, width)
}

/// `text` padded on the left to `width` cells (CJK counts two).
#[must_use]
pub fn pad_start(text: &str, width: usize) -> String {
    zh::pad_start(text, width)
}

/// Characters a Chinese line does not start with (they close what came before).
const NO_LINE_START: &str = "，。、；：？！）》」』”’%…";
/// Characters a Chinese line does not end with (they open what follows).
const NO_LINE_END: &str = "（《「『“‘";

/// `text` broken into lines of at most `width` cells for Chinese: a line may break
/// between any two CJK characters (which have no spaces between them) or at a
/// space, never inside a Latin word or number unless it is wider than a line, and
/// never before a closing or after an opening punctuation mark. Spaces at a break
/// are dropped; the first line keeps its indentation.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    // Units that stay whole: a run of narrow characters, one wide character, or a
    // space (None).
    let mut units: Vec<Option<String>> = Vec::new();
    for c in text.chars() {
        let wide = c.width().unwrap_or(0) >= 2;
        match units.last_mut() {
            _ if c == ' ' => units.push(None),
            Some(Some(word)) if !wide && !word.chars().any(|w| w.width().unwrap_or(0) >= 2) => {
                word.push(c);
            }
            _ => units.push(Some(c.to_string())),
        }
    }
    let mut lines: Vec<Vec<Option<String>>> = vec![Vec::new()];
    for unit in units {
        let line = lines.last_mut().map_or(0, |l| shown(l));
        let Some(word) = unit else {
            // Spaces at the start of a continuation line are dropped; the first
            // line's are its indentation.
            let first = lines.len() == 1;
            if let Some(l) = lines.last_mut().filter(|l| first || !l.is_empty()) {
                l.push(None);
            }
            continue;
        };
        let w = word.width();
        if line + w <= width {
            if let Some(l) = lines.last_mut() {
                l.push(Some(word));
            }
            continue;
        }
        // A new line; a closing mark takes the unit before it along, and an opening
        // mark at the end of the line moves down too.
        let mut carried = Vec::new();
        if let Some(last) = lines.last_mut() {
            while last.last().is_some_and(Option::is_none) {
                last.pop();
            }
            let closing = word
                .chars()
                .next()
                .is_some_and(|c| NO_LINE_START.contains(c));
            let opening = |u: &Option<String>| {
                u.as_deref()
                    .is_some_and(|t| t.chars().all(|c| NO_LINE_END.contains(c)))
            };
            if (closing || last.last().is_some_and(opening)) && last.len() > 1 {
                carried.extend(last.pop());
            }
        }
        carried.push(Some(word));
        if lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(Vec::new());
        }
        // A word wider than a line is cut into pieces that fit.
        for piece in carried {
            let Some(piece) = piece else { continue };
            let mut current = lines.last().map_or(0, |l| shown(l));
            let mut part = String::new();
            for c in piece.chars() {
                let cw = c.width().unwrap_or(0);
                if current + part.width() + cw > width && !part.is_empty() {
                    if let Some(l) = lines.last_mut() {
                        l.push(Some(std::mem::take(&mut part)));
                    }
                    lines.push(Vec::new());
                    current = 0;
                }
                part.push(c);
            }
            if let Some(l) = lines.last_mut() {
                l.push(Some(part));
            }
        }
    }
    lines
        .into_iter()
        .map(|l| {
            let text: String = l.iter().map(|u| u.as_deref().unwrap_or(" ")).collect();
            text.trim_end().to_string()
        })
        .collect()
}

/// The cells a line of units takes.
fn shown(line: &[Option<String>]) -> usize {
    line.iter()
        .map(|u| u.as_deref().map_or(1, UnicodeWidthStr::width))
        .sum()
}

/// `text` in at most `width` terminal cells: as is when it fits, else cut and ended
/// with `…` (wide characters count two cells and are never split).
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_share_one_style() {
        assert_eq!(total(0), "0h 00m");
        assert_eq!(total(29), "0h 00m");
        assert_eq!(total(30), "0h 01m");
        assert_eq!(total(47 * 60), "0h 47m");
        assert_eq!(total(26 * 3600 + 5 * 60), "26h 05m");
        assert_eq!(signed(-45 * 60), "-0h 45m");
        assert_eq!(signed(3 * 3600), "+3h 00m");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_in_cells() {
        assert_eq!(fit("+draft", 6), "+draft");
        assert_eq!(fit("+draft +review", 8), "+draft …");
        assert_eq!(fit("写作写作", 5), "写作…");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn chinese_text_wraps_between_characters_and_keeps_words_whole() {
        // 10 cells: five characters a line; the full stop stays with its character.
        assert_eq!(
            wrap("工时按就业人员计算。数据截至2019年", 10),
            ["工时按就业", "人员计算。", "数据截至", "2019年"]
        );
        // A closing mark never starts a line: the character before it comes along.
        assert_eq!(wrap("一二三四五，六", 10), ["一二三四", "五，六"]);
        // Latin words stay whole and a break drops the space; indentation stays.
        assert_eq!(
            wrap("  看不懂 Penn World Table", 12),
            ["  看不懂", "Penn World", "Table"]
        );
        // A word wider than a line is cut to fit.
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        for line in wrap(
            "你离开了 09:50–10:25（0小时35分）。这段时间是保留、从记录中剔除？",
            20,
        ) {
            assert!(line.width() <= 20, "{line}");
        }
    }

    #[test]
    fn chinese_totals_and_days_read_as_a_timesheet_does() {
        assert_eq!(total_in(Lang::ZhCn, 0), "0小时00分");
        assert_eq!(total_in(Lang::ZhCn, 26 * 3600 + 5 * 60 + 29), "26小时05分");
        assert_eq!(total_in(Lang::En, 47 * 60), "0h 47m");
        assert_eq!(total_width(Lang::En), 7);
        assert_eq!(total_width(Lang::ZhCn), 10);
        // 2026-03-25 is a Wednesday (the TUI tests' pinned day).
        let d = NaiveDate::from_ymd_opt(2026, 3, 25).unwrap();
        assert_eq!(weekday_day(Lang::ZhCn, d), "周三 25日");
        assert_eq!(weekday_day(Lang::En, d), "Wed 25");
        assert_eq!(date(Lang::ZhCn, d), "2026年3月25日");
        assert_eq!(pad_start("1小时05分", 10), " 1小时05分");
        // 10h 15m in 9 cells: 10.25 hours, one decimal.
        assert_eq!(total_within(Lang::ZhCn, 10 * 3600 + 15 * 60, 9), "10.3小时");
        assert_eq!(total_within(Lang::ZhCn, 7 * 3600 + 15 * 60, 9), "7小时15分");
        assert_eq!(total_within(Lang::En, 10 * 3600 + 15 * 60, 5), "10h 15m");
    }
}
