//! `otium balance [range]`: worked, target and difference per day and per week, and
//! the running overtime balance since `balance_since`.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, Weekday};
use clap::Args;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::Ctx;
use super::args::RangeArgs;
use super::limits::range_days;
use crate::error::{Error, ErrorKind, Result};
use crate::i18n::{Lang, t, zh};
use crate::limits::targets::{Balance, Targets};
use crate::report::{self, GroupBy};
use crate::time;

// `balance [range]` [default: this week].
#[derive(Debug, Args)]
pub struct BalanceArgs {
    #[command(flatten)]
    pub range: RangeArgs,
}

#[derive(Serialize)]
struct BalanceJson<'a> {
    zone: &'a str,
    #[serde(flatten)]
    balance: &'a Balance,
}

/// The balance table's lines, written into one reused buffer: a whole history is
/// some 25,000 lines, so each cell is written digit by digit instead of through a
/// `String` per figure and a Fluent look-up per zero. The words (headings, `0m`,
/// `Total`, week labels) still come from the catalogue, looked up once each.
struct Table {
    lang: Lang,
    /// Terminal columns of a figure: `+12h 05m` (9) or, in Chinese, `+12小时05分` (12).
    width: usize,
    /// The catalogue's zero duration (`0m`, `0分`).
    zero: String,
    /// The line being written.
    line: String,
    /// The figure being written, before it is padded into `line`.
    cell: String,
}

/// A label's width in terminal columns (`Mon 2026-03-02`, `2026年第10周`).
const LABEL_WIDTH: usize = 16;

impl Table {
    fn new(lang: Lang) -> Self {
        Table {
            lang,
            width: if lang.is_zh() { 12 } else { 9 },
            zero: t(lang, "report-zero-duration", &[]),
            line: String::with_capacity(96),
            cell: String::with_capacity(32),
        }
    }

    /// A row: the label padded to 16 columns, then each figure right-aligned in
    /// `width` columns, one space apart (terminal columns, so CJK lines up).
    fn row(&mut self, label: &str, figures: [Figure; 4]) -> &str {
        self.line.clear();
        self.line.push_str(label);
        pad(&mut self.line, LABEL_WIDTH.saturating_sub(label.width()));
        for figure in figures {
            self.cell.clear();
            match figure {
                Figure::Duration(seconds) => self.push_hm(seconds),
                Figure::Signed(seconds) => {
                    self.cell.push_str(match seconds {
                        s if s > 0 => "+",
                        s if s < 0 => "-",
                        _ => "",
                    });
                    self.push_hm(seconds.abs());
                }
                Figure::None => self.cell.push('–'),
            }
            self.line.push(' ');
            pad(&mut self.line, self.width.saturating_sub(self.cell.width()));
            self.line.push_str(&self.cell);
        }
        &self.line
    }

    /// A row of text cells (the headings).
    fn text_row(&mut self, label: &str, cells: &[String; 4]) -> &str {
        self.line.clear();
        self.line.push_str(label);
        pad(&mut self.line, LABEL_WIDTH.saturating_sub(label.width()));
        for cell in cells {
            self.line.push(' ');
            pad(&mut self.line, self.width.saturating_sub(cell.width()));
            self.line.push_str(cell);
        }
        &self.line
    }

    /// A duration in the table: the catalogue's zero for nothing, else what
    /// [`crate::i18n::duration`] writes (`1h 05m`, `45s`; `1小时05分`, `45秒`).
    fn push_hm(&mut self, seconds: i64) {
        if seconds == 0 {
            self.cell.push_str(&self.zero);
        } else {
            crate::i18n::push_duration(&mut self.cell, self.lang, seconds);
        }
    }

    /// A day's label: `Mon 2026-03-02`, or `3月2日 周一` in Chinese.
    fn day_label(&self, date: NaiveDate, into: &mut String) {
        into.clear();
        if self.lang.is_zh() {
            push_int(into, i64::from(date.month()));
            into.push('月');
            push_int(into, i64::from(date.day()));
            into.push_str("日 ");
            into.push_str(zh::weekday(date.weekday()));
        } else if (0..=9999).contains(&date.year()) {
            into.push_str(weekday_abbr(date.weekday()));
            into.push(' ');
            push_padded(into, i64::from(date.year()), 4);
            into.push('-');
            push_padded(into, i64::from(date.month()), 2);
            into.push('-');
            push_padded(into, i64::from(date.day()), 2);
        } else {
            // chrono's own form for years it writes with a sign.
            let _ = write!(into, "{}", date.format("%a %Y-%m-%d"));
        }
    }
}

/// One figure of a row.
#[derive(Clone, Copy)]
enum Figure {
    /// A duration (`8h 00m`).
    Duration(i64),
    /// A signed duration (`+1h 05m`, `-30m`, `0m`).
    Signed(i64),
    /// No figure (`–`: the running balance before `balance_since`).
    None,
}

/// The four figures of a day, a week or the total.
fn figures(worked: i64, target: i64, difference: i64, balance: Option<i64>) -> [Figure; 4] {
    [
        Figure::Duration(worked),
        Figure::Duration(target),
        Figure::Signed(difference),
        balance.map_or(Figure::None, Figure::Signed),
    ]
}

/// `n` spaces.
fn pad(into: &mut String, n: usize) {
    into.extend(std::iter::repeat_n(' ', n));
}

/// A non-negative integer in decimal.
fn push_int(into: &mut String, n: i64) {
    push_padded(into, n, 1);
}

/// A non-negative integer in decimal, zero-padded to `digits` (a negative one, which
/// no caller passes, through `fmt`).
fn push_padded(into: &mut String, n: i64, digits: usize) {
    if n < 0 {
        let _ = write!(into, "{n:0digits$}");
        return;
    }
    let mut buf = [b'0'; 20];
    let mut at = buf.len();
    let mut rest = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let at = at.min(buf.len().saturating_sub(digits));
    // Digits only: always UTF-8.
    into.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

/// `Mon` … `Sun`, as chrono's `%a` writes them.
fn weekday_abbr(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

pub fn run(ctx: &mut Ctx, args: &BalanceArgs) -> Result<()> {
    let lang = ctx.lang;
    let config = ctx.tracker.config().clone();
    let targets = Targets::from_config(&config).ok_or_else(|| {
        Error::keyed(
            ErrorKind::InvalidInput,
            "limits-error-no-target",
            Vec::new(),
        )
    })?;
    let zone = args.range.zone(ctx)?;
    let (first, last) = range_days(ctx, &args.range, zone)?;
    let today = time::local_date(zone, ctx.tracker.now());
    if first > today {
        return Err(Error::keyed(
            ErrorKind::InvalidInput,
            "limits-error-not-begun",
            vec![
                ("from", first.to_string()),
                ("to", last.to_string()),
                ("today", today.to_string()),
            ],
        ));
    }
    let b = ctx.tracker.balance(&targets, zone, first, last)?;
    ctx.out.value(|| BalanceJson {
        zone: zone.name(),
        balance: &b,
    });
    if ctx.out.json {
        // The table's lines would be dropped unwritten: not worth 25,000 of them.
        return Ok(());
    }
    let day = |d| report::day_in(lang, d);
    ctx.out.line(t(
        lang,
        "limits-balance-header",
        &[
            ("from", &day(first)),
            ("to", &day(last.min(today))),
            ("zone", &zone.name()),
            ("since", &day(b.since)),
        ],
    ));
    ctx.out.line("");
    let mut table = Table::new(lang);
    let heads = [
        "limits-balance-worked",
        "limits-balance-target",
        "limits-balance-diff",
        "limits-balance-balance",
    ]
    .map(|k| t(lang, k, &[]));
    ctx.out.line(table.text_row("", &heads));
    // Weeks and days are both in date order and the weeks cover the days without
    // gaps, so one walk through the days serves every week: linear in the range.
    let mut label = String::with_capacity(32);
    let mut days = b.days.iter().peekable();
    for week in &b.weeks {
        while let Some(d) = days.next_if(|d| d.date <= week.to) {
            if d.date < week.from {
                continue;
            }
            table.day_label(d.date, &mut label);
            ctx.out.line(table.row(
                &label,
                figures(
                    d.worked_seconds,
                    d.target_seconds,
                    d.difference_seconds,
                    d.balance_seconds,
                ),
            ));
        }
        let week_label = match lang {
            Lang::En => Cow::Borrowed(week.week.as_str()),
            Lang::ZhCn => Cow::Owned(report::display_key_in(
                &week.week,
                Some(GroupBy::Week),
                lang,
            )),
        };
        ctx.out.line(table.row(
            &week_label,
            figures(
                week.worked_seconds,
                week.target_seconds,
                week.difference_seconds,
                week.balance_seconds,
            ),
        ));
        ctx.out.line("");
    }
    ctx.out.line(table.row(
        &t(lang, "report-total", &[]),
        figures(
            b.worked_seconds,
            b.target_seconds,
            b.difference_seconds,
            b.balance_seconds,
        ),
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duration(lang: Lang, seconds: i64) -> String {
        let mut text = String::new();
        crate::i18n::push_duration(&mut text, lang, seconds);
        text
    }

    #[test]
    fn durations_by_hand() {
        assert_eq!(duration(Lang::En, 45), "45s");
        assert_eq!(duration(Lang::En, 749), "12m");
        assert_eq!(duration(Lang::En, 750), "13m");
        assert_eq!(duration(Lang::En, 3580), "1h 00m");
        assert_eq!(duration(Lang::En, 3900), "1h 05m");
        assert_eq!(duration(Lang::En, 12 * 3600 + 5 * 60), "12h 05m");
        assert_eq!(duration(Lang::En, 1234 * 3600), "1234h 00m");
        assert_eq!(duration(Lang::En, -5), "0s");
        assert_eq!(duration(Lang::ZhCn, 45), "45秒");
        assert_eq!(duration(Lang::ZhCn, 749), "0小时12分");
        assert_eq!(duration(Lang::ZhCn, 3900), "1小时05分");
        assert_eq!(duration(Lang::ZhCn, 26 * 3600), "26小时00分");
    }

    #[test]
    fn durations_as_the_catalogue_writes_them() {
        // Every second up to 3 h, then coarser steps up to 2,000 h, in both languages.
        let seconds = (-3..3 * 3600).chain((3 * 3600..7_200_000).step_by(997));
        for s in seconds {
            for lang in [Lang::En, Lang::ZhCn] {
                assert_eq!(duration(lang, s), crate::i18n::duration(lang, s), "{s} s");
            }
        }
    }

    #[test]
    fn rows_line_up_as_before() {
        let mut table = Table::new(Lang::En);
        let row = table
            .row(
                "Sun 2026-03-29",
                figures(8 * 3600 + 120, 0, 8 * 3600 + 120, None),
            )
            .to_string();
        // 16 columns of label, then four figures right-aligned in 9 each, one space
        // apart (so 2 + 1 + 3 spaces before `8h 02m`).
        assert_eq!(
            row,
            "Sun 2026-03-29      8h 02m        0m   +8h 02m         –"
        );
        let row = table
            .row("2026-W13", figures(0, 40 * 3600, -40 * 3600, Some(-30)))
            .to_string();
        assert_eq!(
            row,
            "2026-W13                0m   40h 00m  -40h 00m      -30s"
        );
        let mut table = Table::new(Lang::ZhCn);
        let row = table
            .row(
                "3月29日 周日",
                figures(3900, 8 * 3600, -(8 * 3600 - 3900), Some(0)),
            )
            .to_string();
        // The label is 12 columns (3, 月, 29, 日, space, 周日: 1+2+2+2+1+4), padded
        // to 16; each figure right-aligned in 12 columns (1小时05分 is 9 wide).
        assert_eq!(
            row,
            "3月29日 周日        1小时05分    8小时00分   -6小时55分          0分"
        );
    }

    #[test]
    fn day_labels() {
        let table = Table::new(Lang::En);
        let mut label = String::new();
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        table.day_label(date(2026, 3, 2), &mut label);
        assert_eq!(label, "Mon 2026-03-02");
        table.day_label(date(987, 12, 31), &mut label);
        assert_eq!(label, "Mon 0987-12-31");
        table.day_label(date(12_345, 1, 1), &mut label);
        assert_eq!(label, date(12_345, 1, 1).format("%a %Y-%m-%d").to_string());
        let table = Table::new(Lang::ZhCn);
        table.day_label(date(2026, 12, 1), &mut label);
        assert_eq!(label, "12月1日 周二");
    }
}
