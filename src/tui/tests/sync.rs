//! Sync in the TUI: records another device wrote to the folder are noticed on the
//! tick (the stat-only look) and applied, the screen reloads without a key; open
//! conflicts show as a notice with both sides, in English and Chinese, that `z` hides.

use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};

use super::{draw, run, text};
use crate::config::Config;
use crate::i18n::Lang;
use crate::i18n::scan::untranslated;
use crate::model::{NewSession, SessionEdit, SessionId};
use crate::time::Clock;
use crate::tracker::Tracker;
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::theme::Theme;

const BERLIN: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn at(hhmm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-03-25T{hhmm}:00+01:00"))
        .unwrap()
        .to_utc()
}

fn device(dir: &Path, db: &str, name: &str, folder: &Path) -> Tracker {
    let mut t = Tracker::open(
        &dir.join(db),
        Config::default(),
        Clock::Fixed(at("12:00")),
        BERLIN,
    )
    .unwrap();
    t.sync_init(folder, Some(name)).unwrap();
    t
}

fn add(t: &mut Tracker, project: &str, from: &str, to: &str) {
    t.add(NewSession {
        project: project.into(),
        tags: vec![],
        note: None,
        start: at(from),
        end: Some(at(to)),
        zone: BERLIN,
    })
    .unwrap();
}

/// Sets every folder's time an hour back, as if the last change were long past (a
/// look right after a change does not trust the folder's time, by design).
fn settle(folder: &Path) {
    let old = SystemTime::now() - Duration::from_secs(3600);
    for entry in walk(folder) {
        std::fs::File::open(&entry)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = vec![dir.to_path_buf()];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_type().unwrap().is_dir() {
            all.extend(walk(&e.path()));
        }
    }
    all
}

fn screen(app: &App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_record_another_device_writes_is_applied_on_the_tick_and_the_screen_reloads() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    let mut laptop = device(tmp.path(), "a.db", "laptop", &folder);
    let mut desk = device(tmp.path(), "b.db", "desk", &folder);
    let mut app = App::load(&desk, Theme::new(true)).unwrap();
    app.view = View::Sessions;
    settle(&folder);
    // The first look keeps the folder's stamp; with nothing new the next costs no sync.
    run(&mut app, &mut desk, [Action::Tick]);
    assert!(desk.sync_if_changed(true).unwrap().is_none());
    assert!(!screen(&app, 80, 24).contains("alpha"));
    add(&mut laptop, "alpha", "08:00", "09:30");
    laptop.sync().unwrap();
    run(&mut app, &mut desk, [Action::Tick]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("alpha"), "{shown}");
    assert!(
        shown.contains("Synced: 1 session(s) changed by other devices."),
        "{shown}"
    );
    assert_eq!(app.snapshot.sessions.len(), 1);
    // An edit there arrives the same way.
    laptop
        .edit(
            SessionId::new(1),
            &SessionEdit {
                project: Some("beta".parse().unwrap()),
                ..Default::default()
            },
        )
        .unwrap();
    laptop.sync().unwrap();
    run(&mut app, &mut desk, [Action::Tick]);
    assert!(screen(&app, 80, 24).contains("beta"));
}

/// Two devices that recorded overlapping sessions while apart, both synced; the TUI
/// of the desk in `lang`.
fn conflicted(tmp: &Path, lang: Lang) -> (Tracker, App) {
    let folder = tmp.join("shared");
    let mut laptop = device(tmp, "a.db", "laptop", &folder);
    let mut desk = device(tmp, "b.db", "desk", &folder);
    add(&mut laptop, "coding", "09:00", "10:30");
    add(&mut desk, "meetings", "10:00", "11:00");
    laptop.sync().unwrap();
    desk.sync().unwrap();
    let app = App::load_in(&desk, Theme::new(true), lang).unwrap();
    (desk, app)
}

#[test]
fn open_conflicts_show_both_sides_and_z_hides_them_until_they_change() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut desk, mut app) = conflicted(tmp.path(), Lang::En);
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!("sync_conflict_80x24", shown);
    // The laptop's session came first (09:00), local id 2 here; the desk's own is 1.
    assert!(
        shown.contains(" ⚠ 1 sync conflict(s): both sessions kept; edit or delete one · z hides\n")
    );
    assert!(shown.contains(
        " 03-25: session 2 coding 09:00–10:30 overlaps session 1 meetings 10:00–11:00\n"
    ));
    run(&mut app, &mut desk, [Action::HideConflicts]);
    assert!(!screen(&app, 80, 24).contains("conflict"));
    // Resolved by an edit: the notice has nothing to show, even unhidden.
    desk.edit(
        SessionId::new(1),
        &SessionEdit {
            start: Some(at("10:30")),
            ..Default::default()
        },
    )
    .unwrap();
    run(&mut app, &mut desk, [Action::Reload]);
    assert!(app.sync.conflicts.is_empty());
}

#[test]
fn the_conflict_notice_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let (_desk, app) = conflicted(tmp.path(), Lang::ZhCn);
    let shown = super::zh_checks::screen(&app, 80, 24);
    insta::assert_snapshot!("sync_conflict_zh_80x24", shown);
    assert!(
        shown.contains(" ⚠ 1 个同步冲突：两条记录均已保留，请编辑或删除其中一条 · 按 z 隐藏\n"),
        "{shown}"
    );
    assert!(
        shown.contains(
            " 3月25日：记录 2 coding 09:00–10:30 与 记录 1 meetings 10:00–11:00 时间重叠\n"
        ),
        "{shown}"
    );
    let mut allowed = super::zh_checks::allowed();
    allowed.extend(["coding", "meetings"]);
    let left = untranslated(&shown, &allowed);
    assert!(left.is_empty(), "{left:?}");
    super::zh_checks::assert_whole_cells(&app, 80, 24, "sync conflict");
}
