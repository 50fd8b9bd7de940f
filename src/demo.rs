//! `otium --demo`: a throw-away database with three weeks of realistic sessions and
//! output, so a newcomer sees a living screen at once. Written through `Tracker`.

use chrono::{Datelike, Days, Duration, NaiveTime, Weekday};

use crate::error::Result;
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
    let (now, zone) = (tracker.now(), tracker.zone());
    tracker.set_unit("writing", Some("pages"))?;
    tracker.set_unit("coding", Some("tickets"))?;
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
        for block in DAY {
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
        tracker.start(StartRequest {
            project: "writing".parse()?,
            tags: parse_tags(&["draft"])?,
            note: Some("chapter 4".into()),
            at: Some(started),
        })?;
    }
    Ok(())
}
