//! How the TUI writes durations and cuts text: one style for every total on screen
//! (`0h 00m` for an empty day, as `otium report` writes it), and text that does not
//! fit its column ends in `…` instead of being cut mid-word without a sign.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
}
