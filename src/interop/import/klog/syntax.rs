//! The pieces of klog's syntax (specification 1.4): dates, times with their shifts,
//! durations, `#tags`, and one entry line. Pure functions of the text; the record
//! structure and the placement rule are in `klog.rs`.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

/// What an entry line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// A range: start and end.
    Range(NaiveDateTime, NaiveDateTime),
    /// An open range: its start.
    Open(NaiveDateTime),
    /// Signed minutes.
    Duration(i64),
}

/// One character of a tag name or an unquoted tag value.
fn tag_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit() || c == '_' || c == '-'
}

/// The `#tags` of a summary text as `(name, value)`, names lower-cased.
pub(super) fn tags(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '#' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        while j < chars.len() && tag_char(chars[j]) {
            j += 1;
        }
        if j == start {
            i += 1;
            continue;
        }
        let name: String = chars[start..j].iter().collect::<String>().to_lowercase();
        let mut value = None;
        if j < chars.len() && chars[j] == '=' {
            let v = j + 1;
            if v < chars.len() && (chars[v] == '"' || chars[v] == '\'') {
                let quote = chars[v];
                if let Some(close) = chars[v + 1..].iter().position(|&c| c == quote) {
                    value = Some(chars[v + 1..v + 1 + close].iter().collect());
                    j = v + 2 + close;
                } else {
                    // No closing quote on the line: the value is absent.
                    j = v;
                }
            } else {
                let mut k = v;
                while k < chars.len() && tag_char(chars[k]) {
                    k += 1;
                }
                value = Some(chars[v..k].iter().collect());
                j = k;
            }
        }
        out.push((name, value.filter(|v: &String| !v.is_empty())));
        i = j;
    }
    out
}

pub(super) fn date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y/%m/%d"))
        .ok()
}

/// A duration like `1h30m`, `45m`, `-2h`, `+10h`: signed minutes and the length read.
pub(super) fn duration(text: &str) -> Option<(i64, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let sign = match bytes.first() {
        Some(b'-') => {
            i = 1;
            -1
        }
        Some(b'+') => {
            i = 1;
            1
        }
        _ => 1,
    };
    let number = |i: &mut usize| -> Option<i64> {
        let from = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == from || *i - from > 9 {
            return None;
        }
        text[from..*i].parse().ok()
    };
    let mut hours = None;
    let mut minutes = None;
    let save = i;
    if let Some(n) = number(&mut i) {
        match bytes.get(i) {
            Some(b'h') => {
                hours = Some(n);
                i += 1;
                let save_m = i;
                if let Some(m) = number(&mut i) {
                    if bytes.get(i) == Some(&b'm') {
                        minutes = Some(m);
                        i += 1;
                    } else {
                        i = save_m;
                    }
                }
            }
            Some(b'm') => {
                minutes = Some(n);
                i += 1;
            }
            _ => i = save,
        }
    }
    if hours.is_none() && minutes.is_none() {
        return None;
    }
    if hours.is_some() && minutes.is_some_and(|m| m > 59) {
        return None;
    }
    // The duration must end here (a summary follows after a space).
    if i < bytes.len() && !bytes[i].is_ascii_whitespace() {
        return None;
    }
    Some((sign * (hours.unwrap_or(0) * 60 + minutes.unwrap_or(0)), i))
}

/// A time like `9:00`, `09:00`, `8:30am`, `<23:00`, `1:30>` on `day`, and the length read.
pub(super) fn time(text: &str, day: NaiveDate) -> Option<(NaiveDateTime, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let before = bytes.first() == Some(&b'<');
    if before {
        i = 1;
    }
    let from = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let hour_len = i - from;
    if !(1..=2).contains(&hour_len) || bytes.get(i) != Some(&b':') {
        return None;
    }
    let hour: u32 = text[from..i].parse().ok()?;
    i += 1;
    let minute_text = text.get(i..i + 2)?;
    if !minute_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let minute: u32 = minute_text.parse().ok()?;
    i += 2;
    if minute > 59 {
        return None;
    }
    let suffix = text.get(i..i + 2).map(str::to_ascii_lowercase);
    let hour = match suffix.as_deref() {
        Some(s @ ("am" | "pm")) => {
            i += 2;
            if !(1..=12).contains(&hour) {
                return None;
            }
            (hour % 12) + if s == "pm" { 12 } else { 0 }
        }
        _ => hour,
    };
    let after = bytes.get(i) == Some(&b'>');
    if after {
        i += 1;
    }
    if before && after {
        return None;
    }
    // 24:00 is the midnight that ends the day; `<24:00` is this day's 0:00.
    let (hour, on) = if hour == 24 {
        if minute != 0 || after {
            return None;
        }
        (
            0,
            if before {
                Some(day)
            } else {
                day.checked_add_days(Days::new(1))
            },
        )
    } else if hour > 23 {
        return None;
    } else if before {
        (hour, day.checked_sub_days(Days::new(1)))
    } else if after {
        (hour, day.checked_add_days(Days::new(1)))
    } else {
        (hour, Some(day))
    };
    let on = on?;
    // Anything but a blank, `-` or the end after a time is not a time.
    if i < bytes.len() && !(bytes[i].is_ascii_whitespace() || bytes[i] == b'-') {
        return None;
    }
    Some((on.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?), i))
}

/// What is wrong with an entry: the catalogue's key and its arguments (the reader
/// adds the place, `$at`).
pub(super) type Problem = (&'static str, Vec<(&'static str, String)>);

/// [`entry_keyed`] with its problem said in English (as the reader says it, at `-`).
#[cfg(test)]
pub(super) fn entry(text: &str, day: NaiveDate) -> std::result::Result<(Kind, String), String> {
    entry_keyed(text, day).map_err(|(key, args)| {
        crate::interop::import::at_keyed("-", 1, 1, key, args)
            .message()
            .to_string()
    })
}

/// Reads one entry line (indentation removed): its kind and its summary, or what is wrong.
pub(super) fn entry_keyed(
    text: &str,
    day: NaiveDate,
) -> std::result::Result<(Kind, String), Problem> {
    let summary = |rest: &str| rest.trim_start().to_string();
    if let Some((start, n)) = time(text, day) {
        let rest = text[n..].trim_start();
        let Some(rest) = rest.strip_prefix('-') else {
            return Err((
                "admin-import-error-klog-not-range",
                vec![("text", format!("{:?}", text.trim()))],
            ));
        };
        let rest = rest.trim_start();
        if rest.starts_with('?') {
            let after = rest.trim_start_matches('?');
            if after.starts_with(|c: char| !c.is_whitespace()) {
                return Err(("admin-import-error-klog-open-end", vec![]));
            }
            return Ok((Kind::Open(start), summary(after)));
        }
        let Some((end, m)) = time(rest, day) else {
            return Err((
                "admin-import-error-klog-range-end",
                vec![(
                    "text",
                    format!("{:?}", rest.split_whitespace().next().unwrap_or("")),
                )],
            ));
        };
        if end < start {
            return Err((
                "admin-import-error-klog-range-order",
                vec![(
                    "end",
                    rest.split_whitespace().next().unwrap_or("").to_string(),
                )],
            ));
        }
        return Ok((Kind::Range(start, end), summary(&rest[m..])));
    }
    if let Some((minutes, n)) = duration(text) {
        return Ok((Kind::Duration(minutes), summary(&text[n..])));
    }
    Err((
        "admin-import-error-klog-entry",
        vec![(
            "text",
            format!("{:?}", text.split_whitespace().next().unwrap_or("")),
        )],
    ))
}
