//! The CSV export's row writer: fields formatted straight into one reused byte
//! buffer, handed to the output in large chunks (issue 21: a million-row export spent
//! most of its time in per-field writer calls, `String`s for every time stamp and
//! `fmt` machinery).
//!
//! The bytes are exactly what the `csv` crate writes with its defaults and a CRLF
//! terminator (a field is quoted when it holds `,`, `"`, CR or LF, and its quotes
//! are doubled), and time stamps exactly what chrono's `to_rfc3339_opts(Secs, false)`
//! writes; the tests below compare both against those crates.

use std::io::{self, Write};

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// Bytes gathered before they go to the output: the size of the output's own buffer,
/// so a long export still writes to the file as it goes (a full disk is reported
/// mid-stream, as the disk-full test checks) instead of in a few large writes.
pub(super) const FLUSH_AT: usize = 8 * 1024;

/// One CSV document's rows, buffered.
pub(super) struct CsvRows<W: Write> {
    out: W,
    buf: Vec<u8>,
    /// Whether the field being written is the first of its row.
    first: bool,
    /// How many bytes gather before they go to `out`.
    flush_at: usize,
}

impl<W: Write> CsvRows<W> {
    /// A writer over `out`.
    pub(super) fn new(out: W) -> Self {
        CsvRows {
            out,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            first: true,
            flush_at: FLUSH_AT,
        }
    }

    fn separator(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
    }

    /// A text field, quoted when the `csv` crate would quote it.
    pub(super) fn text(&mut self, field: &str) {
        self.separator();
        let bytes = field.as_bytes();
        if needs_quotes(bytes) {
            self.buf.push(b'"');
            for &b in bytes {
                if b == b'"' {
                    self.buf.push(b'"');
                }
                self.buf.push(b);
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(bytes);
        }
    }

    /// Several text pieces joined by one space as one field (a tag list).
    pub(super) fn joined<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        self.separator();
        let start = self.buf.len();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.buf.extend_from_slice(part.as_bytes());
        }
        if needs_quotes(&self.buf[start..]) {
            let field = self.buf.split_off(start);
            self.buf.push(b'"');
            for b in field {
                if b == b'"' {
                    self.buf.push(b'"');
                }
                self.buf.push(b);
            }
            self.buf.push(b'"');
        }
    }

    /// An integer field.
    pub(super) fn number(&mut self, n: i64) {
        self.separator();
        push_integer(&mut self.buf, n);
    }

    /// An instant as RFC 3339 local time in `zone` with whole seconds and a numeric
    /// offset (`2026-12-01T09:00:00+01:00`), or an empty field for `None`.
    pub(super) fn instant(&mut self, zone: Tz, instant: Option<DateTime<Utc>>) {
        self.separator();
        if let Some(instant) = instant {
            rfc3339(&mut self.buf, zone, instant);
        }
    }

    /// Ends the row; the buffer goes out once it is large.
    pub(super) fn end_row(&mut self) -> io::Result<()> {
        self.buf.extend_from_slice(b"\r\n");
        self.first = true;
        if self.buf.len() >= self.flush_at {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Hands over the rows formatted so far, leaving `spare` (emptied) to gather the
    /// next ones.
    pub(super) fn take(&mut self, mut spare: Vec<u8>) -> Vec<u8> {
        spare.clear();
        std::mem::replace(&mut self.buf, spare)
    }

    /// Writes out what is buffered and flushes the output.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

impl CsvRows<io::Sink> {
    /// Rows gathered in memory only, for [`CsvRows::take`]: the formatting side of an
    /// export that writes on another thread.
    pub(super) fn in_memory() -> Self {
        CsvRows {
            out: io::sink(),
            buf: Vec::new(),
            first: true,
            flush_at: usize::MAX,
        }
    }
}

/// Whether a field holds `,`, `"`, CR or LF, so the `csv` crate would quote it.
fn needs_quotes(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// Appends `n` in decimal, as `i64`'s `Display` writes it.
pub(super) fn push_integer(buf: &mut Vec<u8>, n: i64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        // `rest % 10` is below 10: the cast keeps it whole.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        buf.push(b'-');
    }
    buf.extend_from_slice(&digits[at..]);
}

/// chrono's `to_rfc3339_opts(SecondsFormat::Secs, false)` of `instant` in `zone`,
/// without the `String` and the `fmt` calls. Years outside 0–9999 and offsets with
/// seconds (old local mean times) take chrono's own path, which writes them its way.
pub(super) fn rfc3339(buf: &mut Vec<u8>, zone: Tz, instant: DateTime<Utc>) {
    let seconds = zone
        .offset_from_utc_datetime(&instant.naive_utc())
        .fix()
        .local_minus_utc();
    let local = instant.timestamp() + i64::from(seconds);
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    if !(0..=9999).contains(&year) || seconds % 60 != 0 {
        buf.extend_from_slice(crate::time::rfc3339_in(zone, instant).as_bytes());
        return;
    }
    // The checks above bound every part: a year of 0–9999, a second of the day below
    // 86 400, an offset below a day.
    let of_day = local.rem_euclid(86_400) as u32;
    let year = year as u32;
    let minutes = seconds.unsigned_abs() / 60;
    let mut text = *b"0000-00-00T00:00:00+00:00";
    for (at, n) in [
        (0, year / 100),
        (2, year % 100),
        (5, month),
        (8, day),
        (11, of_day / 3600),
        (14, of_day / 60 % 60),
        (17, of_day % 60),
        (20, minutes / 60),
        (23, minutes % 60),
    ] {
        // Each part is below 100: both digits fit a byte.
        text[at] = b'0' + (n / 10 % 10) as u8;
        text[at + 1] = b'0' + (n % 10) as u8;
    }
    if seconds < 0 {
        text[19] = b'-';
    }
    buf.extend_from_slice(&text);
}

/// The proleptic Gregorian (year, month, day) of `days` since 1970-01-01: Howard
/// Hinnant's `civil_from_days` (chrono's calendar arithmetic costs several times as
/// much per call, and an export calls this twice a row). The tests compare it with
/// chrono over 30 000 years.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March first
    // Both are small and non-negative by the ranges above.
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_crate(fields: &[&str]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(fields).unwrap();
        w.into_inner().unwrap()
    }

    #[test]
    fn fields_are_quoted_as_the_csv_crate_quotes_them() {
        let fields = [
            "plain",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\r",
            "",
            "写作",
            " spaced ",
            "'=SUM(A1)",
        ];
        let mut rows = CsvRows::new(Vec::new());
        for f in fields {
            rows.text(f);
        }
        rows.joined(["x", "y,z"]);
        rows.joined(["p", "q"]);
        rows.joined([]);
        rows.number(0);
        rows.number(-3600);
        rows.number(i64::MIN);
        rows.end_row().unwrap();
        rows.flush().unwrap();
        let min = i64::MIN.to_string();
        let mut expected: Vec<&str> = fields.to_vec();
        expected.extend(["x y,z", "p q", "", "0", "-3600", &min]);
        assert_eq!(rows.out, csv_crate(&expected));
    }

    #[test]
    fn instants_match_chrono_in_every_kind_of_zone() {
        let zones: [Tz; 6] = [
            chrono_tz::UTC,
            chrono_tz::Europe::Berlin,
            chrono_tz::America::St_Johns,
            chrono_tz::Asia::Kolkata,
            chrono_tz::Pacific::Chatham,
            // Local mean time before 1893: an offset with seconds.
            chrono_tz::Europe::Amsterdam,
        ];
        let instants = [
            -2_500_000_000_i64, // 1890: local mean times
            -1,
            0,
            1_711_846_799, // the second before Berlin's 2024 spring change
            1_711_846_800,
            1_729_990_800, // Berlin's 2024 autumn change
            1_764_579_600,
            4_102_444_800,       // 2100
            253_402_300_799,     // 9999-12-31T23:59:59Z
            253_402_300_800 * 2, // past year 9999
            -62_167_219_200 - 86_400,
        ];
        for zone in zones {
            for secs in instants {
                let t = DateTime::from_timestamp(secs, 0).unwrap();
                let mut buf = Vec::new();
                rfc3339(&mut buf, zone, t);
                assert_eq!(
                    String::from_utf8(buf).unwrap(),
                    t.with_timezone(&zone)
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                    "{zone} {secs}"
                );
            }
        }
    }

    #[test]
    fn civil_dates_match_chrono_over_thirty_thousand_years() {
        use chrono::{Datelike, NaiveDate};
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let first = NaiveDate::from_ymd_opt(-10_000, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(20_000, 12, 31).unwrap();
        let mut date = first;
        let mut days = (first - epoch).num_days();
        while date <= last {
            assert_eq!(
                civil_from_days(days),
                (i64::from(date.year()), date.month(), date.day()),
                "{date}"
            );
            date = date.succ_opt().unwrap();
            days += 1;
        }
        assert_eq!(days - 1, (last - epoch).num_days());
    }

    #[test]
    fn rows_reach_the_output_whole_and_in_order() {
        let mut rows = CsvRows::new(Vec::new());
        for n in 0..20_000 {
            rows.number(n);
            rows.text("x");
            rows.end_row().unwrap();
        }
        rows.flush().unwrap();
        let text = String::from_utf8(rows.out).unwrap();
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 20_000);
        assert_eq!(lines[0], "0,x");
        assert_eq!(lines[19_999], "19999,x");
    }
}
