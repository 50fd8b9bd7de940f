//! The TUI in Chinese (issue 15): every view, overlay, prompt and empty state drawn
//! at 80×24 and 120×40 with `Lang::ZhCn`, on a Chinese working week (写作, 编程, 会议)
//! in Shanghai, clock pinned and colours off. Each screen is an insta snapshot (read
//! by eye: alignment, no character cut in half) and is scanned for English left in
//! it, the texts the library gives (the report header, limit alerts, country names,
//! the dividend's reasons, undo's effects) included: `zh_checks::library_english`
//! names none.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;

use super::zh_checks::{allowed, assert_whole_cells, library_english, screen, without_library};
use super::{run, typed};
use crate::config::Config;
use crate::i18n::Lang;
use crate::i18n::scan::untranslated;
use crate::model::NewSession;
use crate::time::Clock;
use crate::tracker::{StartRequest, Tracker};
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Mode};
use crate::tui::data::DividendPage;
use crate::tui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Wednesday 2026-03-25 10:30 in Shanghai (+08:00).
fn now() -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(2026, 3, 25, 10, 30, 0)
        .unwrap()
        .to_utc()
}

fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    Shanghai
        .from_local_datetime(&date.and_hms_opt(h, m, 0).unwrap())
        .unwrap()
        .to_utc()
}

/// A tracker on a temp database with a weekly target, the PRC limits and China as
/// the dividend's country; `seeded` adds three weeks of Chinese work.
fn tracker(dir: &tempfile::TempDir, seeded: bool) -> Tracker {
    let config = Config::parse(
        "weekly_target_hours = 40\nlimits = \"cn\"\ncountry = \"CHN\"\nbase_year = 1978\n",
    )
    .unwrap();
    let mut t = Tracker::open(
        &dir.path().join("zh.db"),
        config,
        Clock::Fixed(now()),
        Shanghai,
    )
    .unwrap();
    if seeded {
        seed(&mut t);
    }
    t
}

fn add(
    t: &mut Tracker,
    project: &str,
    tags: &[&str],
    note: Option<&str>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) {
    t.add(NewSession {
        project: project.parse().unwrap(),
        tags: crate::model::parse_tags(tags).unwrap(),
        note: note.map(str::to_string),
        start: from,
        end: Some(to),
        zone: Shanghai,
    })
    .unwrap();
}

/// Weekdays from Monday 2026-03-09 to yesterday: 写作 09:00–11:30, 会议 11:45–12:30,
/// 编程 13:30–17:30 (Tuesdays until 20:30, past the day's eight hours); pages
/// written after each 写作 block; 写作 running since 09:43 today.
fn seed(t: &mut Tracker) {
    t.set_unit("写作", Some("页")).unwrap();
    let first = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    for back in 0..16 {
        let date = first + Duration::days(back);
        if chrono::Datelike::weekday(&date).num_days_from_monday() >= 5 {
            continue;
        }
        let end = at(date, 11, 30);
        add(
            t,
            "写作",
            &["初稿"],
            Some("第四章初稿"),
            at(date, 9, 0),
            end,
        );
        t.record_output("写作", 3.0 + (back % 3) as f64, Some(end), None)
            .unwrap();
        add(t, "会议", &[], None, at(date, 11, 45), at(date, 12, 30));
        let late = if chrono::Datelike::weekday(&date).num_days_from_monday() == 1 {
            20
        } else {
            17
        };
        add(
            t,
            "编程",
            &["评审"],
            Some("代码评审"),
            at(date, 13, 30),
            at(date, late, 30),
        );
    }
    t.start(StartRequest {
        project: "写作".parse().unwrap(),
        tags: crate::model::parse_tags(&["初稿"]).unwrap(),
        note: Some("第五章".into()),
        at: Some(at(NaiveDate::from_ymd_opt(2026, 3, 25).unwrap(), 9, 43)),
    })
    .unwrap();
}

/// Snapshots and scans `name` at both sizes; `set` arranges the app.
fn check(name: &str, seeded: bool, set: impl Fn(&mut App, &mut Tracker)) {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tracker(&dir, seeded);
    let mut app = App::load_in(&t, Theme::new(true), Lang::ZhCn).unwrap();
    set(&mut app, &mut t);
    let library = library_english(&app);
    for (w, h) in SIZES {
        let shown = screen(&app, w, h);
        insta::assert_snapshot!(format!("zh_{name}_{w}x{h}"), shown);
        let left = untranslated(&without_library(&shown, &library), &allowed());
        assert_eq!(left, Vec::<String>::new(), "{name} {w}x{h}:\n{shown}");
        assert_whole_cells(&app, w, h, name);
    }
}

#[test]
fn zh_every_view_seeded() {
    for view in [
        View::Dashboard,
        View::Sessions,
        View::Reports,
        View::Calendar,
    ] {
        let name = format!("{view:?}").to_lowercase();
        check(&name, true, |app, _| app.view = view);
    }
}

#[test]
fn zh_every_view_empty() {
    for view in View::ALL {
        let name = format!("{view:?}_empty").to_lowercase();
        check(&name, false, |app, _| app.view = view);
    }
}

#[test]
fn zh_every_dividend_page() {
    for (page, name) in [
        (DividendPage::Figures, "dividend_figures"),
        (DividendPage::Week, "dividend_week"),
        (DividendPage::Countries, "dividend_countries"),
        (DividendPage::Source, "dividend_source"),
    ] {
        check(name, true, |app, _| {
            app.view = View::Dividend;
            app.choices.page = page;
        });
    }
}

#[test]
fn zh_help_forms_and_confirmations() {
    check("help", true, |app, _| app.mode = Mode::Help);
    check("help_calendar", true, |app, _| {
        app.view = View::Calendar;
        app.mode = Mode::Help;
    });
    // An empty start form saved: the project field says what is missing.
    check("form_start_refused", true, |app, t| {
        run(app, t, [Action::OpenStart, Action::Confirm]);
    });
    // An add form whose start cannot be read.
    check("form_add_refused", true, |app, t| {
        run(app, t, [Action::OpenAdd]);
        run(app, t, typed("会议"));
        for _ in 0..3 {
            run(app, t, [Action::NextField]);
        }
        run(app, t, std::iter::repeat_n(Action::Backspace, 3));
        run(app, t, typed("25:99"));
        run(app, t, [Action::Confirm]);
    });
    check("form_edit", true, |app, t| {
        run(
            app,
            t,
            [Action::Show(View::Sessions), Action::Down, Action::OpenEdit],
        );
    });
    check("confirm_delete", true, |app, t| {
        run(
            app,
            t,
            [
                Action::Show(View::Sessions),
                Action::Down,
                Action::AskDelete,
            ],
        );
    });
    check("filter", true, |app, t| {
        run(app, t, [Action::Show(View::Sessions), Action::OpenFilter]);
        run(app, t, typed("会议"));
    });
    check("country_prompt", true, |app, t| {
        run(app, t, [Action::Show(View::Dividend), Action::OpenCountry]);
        run(app, t, typed("jp"));
    });
    check("away", true, |app, _| {
        let today = NaiveDate::from_ymd_opt(2026, 3, 25).unwrap();
        app.away = Some(crate::tracker::away::Gap {
            id: 1,
            from: at(today, 9, 50),
            to: at(today, 10, 25),
        });
    });
}

#[test]
fn zh_status_line_messages() {
    // A message after a change, one after a refusal (the library's error in Chinese
    // with its hint as a key) and a calendar move with nothing to jump to.
    check("status_deleted", true, |app, t| {
        run(
            app,
            t,
            [
                Action::Show(View::Sessions),
                Action::Down,
                Action::AskDelete,
                Action::Confirm,
            ],
        );
    });
    check("status_undone", true, |app, t| {
        run(
            app,
            t,
            [
                Action::Show(View::Sessions),
                Action::Down,
                Action::AskDelete,
                Action::Confirm,
                Action::Undo,
            ],
        );
    });
    check("status_refused", false, |app, t| {
        run(app, t, [Action::StopTimer]);
    });
    check("status_targets", true, |app, t| {
        run(app, t, [Action::Show(View::Reports), Action::ToggleTargets]);
    });
}

/// Hand-written expectations for the texts a Chinese user reads first: the tabs,
/// the idle timer, a total, a weekday row, the status line and the start form.
#[test]
fn zh_texts_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tracker(&dir, false);
    let mut app = App::load_in(&t, Theme::new(true), Lang::ZhCn).unwrap();
    let shown = screen(&app, 80, 24);
    assert!(
        shown.starts_with(" otium  1 总览  2 记录  3 报表  4 闲暇红利  5 日历"),
        "{shown}"
    );
    assert!(
        shown.contains("没有正在计时的项目。按 s 开始计时。"),
        "{shown}"
    );
    assert!(shown.contains("今天：0小时00分"), "{shown}");
    // Monday 2026-03-23 opens the week, with its day of the month.
    // The day padded to 9 cells, the total right-aligned in 10 (`0小时00分` is 9).
    assert!(shown.contains("│ 周一 23日  0小时00分"), "{shown}");
    assert!(shown.contains("│›周三 25日  0小时00分"), "{shown}");
    // Three working days of 8 hours behind the weekly target.
    assert!(
        shown.contains("目标工时 40小时00分 · 已工作 0小时00分 · 工时结余：欠 24小时00分"),
        "{shown}"
    );
    assert!(
        shown.contains("工时上限（cn）：本周没有超出上限"),
        "{shown}"
    );
    assert!(
        shown.contains("本周：0小时00分 / 目标 40小时00分"),
        "{shown}"
    );
    assert!(
        shown.contains("s 开始计时 · x 停止计时 · a 补记 · Tab 切换视图 · ? 帮助 · q 退出"),
        "{shown}"
    );
    run(&mut app, &mut t, [Action::OpenStart]);
    let form = screen(&app, 80, 24);
    assert!(form.contains("开始计时"), "{form}");
    assert!(form.contains("    项目：▏"), "{form}");
    assert!(
        form.contains("Tab 下一项 · Enter 保存 · Esc 取消"),
        "{form}"
    );
    // Saving a session through the form says so in Chinese.
    run(&mut app, &mut t, typed("写作"));
    run(&mut app, &mut t, [Action::Confirm]);
    assert_eq!(app.status.as_ref().unwrap().text, "开始计时：写作。");
    let running = screen(&app, 80, 24);
    assert!(running.contains("▶ 写作"), "{running}");
    assert!(running.contains("0:00:00  自 10:30 起"), "{running}");
}

/// The scan really reads the screens: English the TUI left would be found, and the
/// library's texts are only taken out where they stand.
#[test]
fn the_scan_finds_english_left_on_a_screen() {
    let dir = tempfile::tempdir().unwrap();
    let t = tracker(&dir, false);
    let app = App::load(&t, Theme::new(true)).unwrap();
    let english = screen(&app, 80, 24);
    let library = library_english(&app);
    assert!(!untranslated(&without_library(&english, &library), &allowed()).is_empty());
    let cut = without_library(
        "│一周 2026-03-23 – 2026-03-29 · Asia/Sha│ by the",
        &["2026-03-23 – 2026-03-29 · Asia/Shanghai · by project".to_string()],
    );
    assert_eq!(cut, "│一周  │ by the");
}

/// The English catalogue's attribution is the data module's, word for word: the
/// licence requires the wording, so the two may not drift apart.
#[test]
fn the_english_attribution_is_the_data_modules() {
    use crate::leisure::data;
    assert_eq!(
        crate::i18n::t(Lang::En, "tui-div-attribution-short", &[]),
        data::ATTRIBUTION_SHORT
    );
    assert_eq!(
        crate::i18n::t(Lang::En, "tui-div-source-citation", &[]),
        data::ATTRIBUTION
    );
}

/// A terminal too small says so in Chinese, wrapped between characters.
#[test]
fn zh_too_small_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let t = tracker(&dir, false);
    let app = App::load_in(&t, Theme::new(true), Lang::ZhCn).unwrap();
    let shown = screen(&app, 40, 10);
    insta::assert_snapshot!("zh_too_small_40x10", shown);
    assert_eq!(
        untranslated(&shown, &allowed()),
        Vec::<String>::new(),
        "{shown}"
    );
    assert!(
        shown.starts_with("终端太小（40×10），otium 至少需要"),
        "{shown}"
    );
    assert_whole_cells(&app, 40, 10, "too small");
}
