//! `otium --demo`: a throw-away database with three weeks of realistic sessions and
//! output, so a newcomer sees a living screen at once. Written through `Tracker`.
//!
//! The working life is told in the user's language: in Chinese the projects are
//! 写作, 会议, 编程 and 调研, with Chinese tags, notes and units, on the same
//! schedule as the English one, so both demos hold the same hours and output.

use chrono::{Datelike, Days, Duration, NaiveTime, Weekday};

use crate::error::Result;
use crate::i18n::Lang;
use crate::model::{NewSession, parse_tags};
use crate::time;
use crate::tracker::{StartRequest, Tracker};

/// One planned block of a demo day.
struct Block {
    /// Local start time: hour and minute.
    hour: u32,
    minute: u32,
    /// Length before the per-day adjustments.
    minutes: i64,
    project: &'static str,
    tags: &'static [&'static str],
    note: Option<&'static str>,
    /// Output recorded when the block ends (scaled by the day's pace); 0 for none.
    output: f64,
}

/// A demo's working life: the day's blocks, the units its projects declare, and
/// the session left running (project, tags, note).
struct Life {
    day: &'static [Block],
    units: &'static [(&'static str, &'static str)],
    running: (&'static str, &'static [&'static str], &'static str),
}

const ENGLISH: Life = Life {
    day: DAY,
    units: &[("writing", "pages"), ("coding", "tickets")],
    running: ("writing", &["draft"], "chapter 4"),
};

/// The Chinese life: the English one's schedule, as a Chinese office spends it (the
/// late-morning block is the weekly meeting rather than email).
const CHINESE: Life = Life {
    day: DAY_ZH,
    units: &[("写作", "页"), ("编程", "工单")],
    running: ("写作", &["初稿"], "第四章"),
};

const DAY_ZH: &[Block] = &[
    Block {
        hour: 9,
        minute: 0,
        minutes: 150,
        project: "写作",
        tags: &["初稿"],
        note: Some("书稿各章初稿"),
        output: 4.0,
    },
    Block {
        hour: 11,
        minute: 45,
        minutes: 45,
        project: "会议",
        tags: &[],
        note: Some("部门例会"),
        output: 0.0,
    },
    Block {
        hour: 13,
        minute: 30,
        minutes: 140,
        project: "编程",
        tags: &["代码审阅"],
        note: Some("合并请求"),
        output: 3.0,
    },
    Block {
        hour: 16,
        minute: 0,
        minutes: 70,
        project: "调研",
        tags: &["阅读"],
        note: None,
        output: 0.0,
    },
];

const DAY: &[Block] = &[
    Block {
        hour: 9,
        minute: 0,
        minutes: 150,
        project: "writing",
        tags: &["draft"],
        note: Some("chapter drafts"),
        output: 4.0,
    },
    Block {
        hour: 11,
        minute: 45,
        minutes: 45,
        project: "email",
        tags: &[],
        note: None,
        output: 0.0,
    },
    Block {
        hour: 13,
        minute: 30,
        minutes: 140,
        project: "coding",
        tags: &["review"],
        note: Some("pull requests"),
        output: 3.0,
    },
    Block {
        hour: 16,
        minute: 0,
        minutes: 70,
        project: "research",
        tags: &["reading"],
        note: None,
        output: 0.0,
    },
];

/// Fills `tracker` with the last 21 days of weekday work and a running session.
pub fn seed(tracker: &mut Tracker) -> Result<()> {
    seed_in(tracker, Lang::En)
}

/// As [`seed`], with the projects, tags, notes and units in `lang`.
pub fn seed_in(tracker: &mut Tracker, lang: Lang) -> Result<()> {
    let life = match lang {
        Lang::En => &ENGLISH,
        Lang::ZhCn => &CHINESE,
    };
    let (now, zone) = (tracker.now(), tracker.zone());
    for (project, unit) in life.units {
        tracker.set_unit(project, Some(unit))?;
    }
    let today = time::local_date(zone, now);
    for back in (1..=21_u64).rev() {
        let Some(date) = today.checked_sub_days(Days::new(back)) else {
            continue;
        };
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        // Later weeks get a little more done per hour: the personal dividend has something to show.
        let pace = 1.0 + (21.0 - back as f64) / 40.0;
        let wiggle = i64::from(date.day() % 4) * 10;
        for block in life.day {
            let Some(at) = NaiveTime::from_hms_opt(block.hour, block.minute, 0) else {
                continue;
            };
            let start = time::resolve_local(zone, date.and_time(at)).instant;
            // Recent weeks are a little shorter: some of the gain is taken as free time.
            let end = start + Duration::minutes(block.minutes - wiggle / 2 - (21 - back as i64));
            let new = NewSession {
                project: block.project.parse()?,
                tags: parse_tags(block.tags)?,
                note: block.note.map(str::to_string),
                start,
                end: Some(end),
                zone,
            };
            tracker.add(new)?;
            if block.output > 0.0 {
                let amount = (block.output * pace).round();
                tracker.record_output(block.project, amount, Some(end), None)?;
            }
        }
    }
    let started = now - Duration::minutes(47);
    if time::local_date(zone, started) == today {
        let (project, tags, note) = life.running;
        tracker.start(StartRequest {
            project: project.parse()?,
            tags: parse_tags(tags)?,
            note: Some(note.into()),
            at: Some(started),
        })?;
    }
    Ok(())
}
