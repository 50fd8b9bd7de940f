//! `otium --demo`: a throw-away database with three weeks of realistic sessions and
//! output, so a newcomer sees a living screen at once. Written through `Tracker`.

use chrono::{Datelike, Days, Duration, NaiveTime, Weekday};

use crate::error::Result;
use crate::model::{NewSession, parse_tags};
use crate::time;
use crate::tracker::{StartRequest, Tracker};

/// One planned block of a demo day: start, length, project, tags, note, output.
type Block = (
    u32,
    u32,
    i64,
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
    f64,
);

const DAY: &[Block] = &[
    (
        9,
        0,
        150,
        "writing",
        &["draft"],
        Some("chapter drafts"),
        4.0,
    ),
    (11, 45, 45, "email", &[], None, 0.0),
    (
        13,
        30,
        140,
        "coding",
        &["review"],
        Some("pull requests"),
        3.0,
    ),
    (16, 0, 70, "research", &["reading"], None, 0.0),
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
        for (h, m, minutes, project, tags, note, output) in DAY {
            let Some(at) = NaiveTime::from_hms_opt(*h, *m, 0) else {
                continue;
            };
            let start = time::resolve_local(zone, date.and_time(at)).instant;
            // Recent weeks are a little shorter: some of the gain is taken as free time.
            let end = start + Duration::minutes(minutes - wiggle / 2 - (21 - back as i64));
            let tags = parse_tags(tags)?;
            let note = note.map(str::to_string);
            let new = NewSession {
                project: project.parse()?,
                tags,
                note,
                start,
                end: Some(end),
                zone,
            };
            tracker.add(new)?;
            if *output > 0.0 {
                tracker.record_output(project, (output * pace).round(), Some(end), None)?;
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
