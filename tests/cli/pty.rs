//! The TUI end to end: the real binary (no verb) in a pseudo-terminal, its output
//! parsed by a terminal emulator, keys typed into it, and other `otium` processes
//! writing to the same database while it runs.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::env::TestEnv;

/// A generous bound for anything to show up: a failure report, not a speed test.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

/// `otium` running in a PTY of `cols`×`rows`, its screen kept up to date by a
/// reader thread.
struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Set by the reader thread when the PTY has no more output.
    closed: Arc<AtomicBool>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    // Kept open for as long as the child runs; dropping it hangs the terminal up.
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// Starts the TUI on `env`'s database, clock and zone.
    fn spawn(env: &TestEnv, cols: u16, rows: u16) -> Self {
        Self::spawn_with(env, cols, rows, &[], &[])
    }

    /// As `spawn`, with arguments and environment variables added (a later variable
    /// wins over the same one set by `spawn`).
    fn spawn_with(
        env: &TestEnv,
        cols: u16,
        rows: u16,
        args: &[&str],
        vars: &[(&str, &std::path::Path)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin!("otium"));
        cmd.env_clear();
        cmd.env("OTIUM_DB", env.db());
        cmd.env("OTIUM_CONFIG", env.dir.path().join("config.toml"));
        cmd.env("OTIUM_NOW", &env.now);
        cmd.env("OTIUM_TZ", &env.tz);
        cmd.env("TERM", "xterm-256color");
        for (name, value) in vars {
            cmd.env(name, value);
        }
        cmd.args(args);
        cmd.cwd(env.dir.path());
        let child = pair.slave.spawn_command(cmd).unwrap();
        // Only the child holds the terminal's slave side, so the reader sees the end
        // of output when the child exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let closed = Arc::new(AtomicBool::new(false));
        let mut output = pair.master.try_clone_reader().unwrap();
        let reader = {
            let (parser, closed) = (Arc::clone(&parser), Arc::clone(&closed));
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // EOF or EIO once the child has exited and closed the terminal.
                while let Ok(n @ 1..) = output.read(&mut buf) {
                    parser.lock().unwrap().process(&buf[..n]);
                }
                closed.store(true, Ordering::SeqCst);
            })
        };
        let writer = pair.master.take_writer().unwrap();
        Tui {
            parser,
            closed,
            writer,
            child,
            reader: Some(reader),
            _master: pair.master,
        }
    }

    /// The screen's text, row by row.
    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Polls the screen until it shows `text`; the error carries the screen.
    fn wait_for(&self, text: &str, timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "{text:?} did not appear within {timeout:?}; the screen:\n{screen}"
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// `wait_for` with the generous bound, failing the test.
    fn expect(&self, text: &str) {
        if let Err(e) = self.wait_for(text, TIMEOUT) {
            panic!("{e}");
        }
    }

    /// Types keys (raw bytes: `\r` is Enter).
    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the child to exit and for its last output to be parsed; returns
    /// the exit code.
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "otium did not exit within {TIMEOUT:?}; the screen:\n{}",
                self.screen()
            );
            thread::sleep(POLL);
        };
        while !self.closed.load(Ordering::SeqCst) {
            assert!(
                Instant::now() < deadline,
                "the terminal was not closed within {TIMEOUT:?} of the exit"
            );
            thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        status.exit_code()
    }

    /// Sends `signal` (a name for `kill`, such as `HUP`) to the TUI, as closing its
    /// terminal window does.
    fn signal(&self, signal: &str) {
        let pid = self.child.process_id().unwrap();
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{signal} {pid}");
    }

    fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }
}

impl Drop for Tui {
    /// A failed test must not leave the TUI running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[test]
fn tui_starts_a_session_sees_other_processes_and_restores_the_terminal_on_quit() {
    let env = TestEnv::new();
    let mut tui = Tui::spawn(&env, 100, 30);
    tui.expect("1 Dashboard");
    assert!(
        tui.alternate_screen(),
        "the TUI draws on the alternate screen"
    );

    // Start a session from the form.
    tui.keys("s");
    tui.expect("Start a session");
    tui.keys("ptyproj\r");
    tui.expect("▶ ptyproj");
    let status = env.json(&["status"]);
    assert_eq!(status["running"], true, "{status}");
    assert_eq!(status["session"]["project"], "ptyproj", "{status}");

    // Another process starts a session; the TUI picks it up on its next tick.
    // (The clock is pinned, so `ptyproj` started at the same second and is dropped.)
    env.ok(&["start", "other"]);
    tui.expect("▶ other");

    // The help stays open while the clock ticks (it used to close within a second).
    tui.keys("?");
    tui.expect("show or hide this help");
    thread::sleep(Duration::from_secs(2));
    assert!(
        tui.screen().contains("show or hide this help"),
        "the help closed by itself; the screen:\n{}",
        tui.screen()
    );
    tui.keys("\x1b");
    tui.expect("? help · q quit");

    // "Sessions" alone is always in the tab bar; the view's title is not.
    tui.keys("2");
    tui.expect("Sessions, last");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0, "the screen:\n{}", tui.screen());
    assert!(
        !tui.alternate_screen(),
        "the terminal is back on the main screen"
    );
}

#[test]
fn tui_in_a_tiny_terminal_says_so_and_still_quits() {
    let env = TestEnv::new();
    let mut tui = Tui::spawn(&env, 30, 8);
    tui.expect("Terminal too small");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0, "the screen:\n{}", tui.screen());
    assert!(!tui.alternate_screen());
}

#[test]
fn pty_harness_reports_text_that_never_appears() {
    let env = TestEnv::new();
    let mut tui = Tui::spawn(&env, 100, 30);
    tui.expect("1 Dashboard");
    let started = Instant::now();
    let err = tui
        .wait_for("this text is never on screen", Duration::from_secs(1))
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3), "{err}");
    assert!(
        err.contains("1 Dashboard"),
        "the error shows the screen: {err}"
    );
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// The entries of `dir` (the demo's temp folder lives there while it runs).
fn entries(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// `otium --demo` with `OTIUM_CONFIG` naming a file that does not exist, and its
/// temp folder in `TMPDIR`.
fn demo(env: &TestEnv, tmp: &std::path::Path) -> Tui {
    let missing = env.dir.path().join("no-such-config.toml");
    let tui = Tui::spawn_with(
        env,
        100,
        30,
        &["--demo"],
        &[("OTIUM_CONFIG", missing.as_path()), ("TMPDIR", tmp)],
    );
    tui.expect("1 Dashboard");
    tui.expect("▶ writing");
    assert_eq!(entries(tmp).len(), 1, "the demo database's folder");
    tui
}

#[test]
fn demo_starts_without_its_config_and_removes_its_database_on_quit() {
    let env = TestEnv::new();
    let tmp = tempfile::tempdir().unwrap();
    let mut tui = demo(&env, tmp.path());
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0, "the screen:\n{}", tui.screen());
    assert_eq!(entries(tmp.path()), Vec::<String>::new());
}

#[test]
fn demo_removes_its_database_when_the_terminal_hangs_up_or_is_terminated() {
    for signal in ["HUP", "TERM"] {
        let env = TestEnv::new();
        let tmp = tempfile::tempdir().unwrap();
        let mut tui = demo(&env, tmp.path());
        tui.signal(signal);
        assert_eq!(
            tui.wait_exit(),
            0,
            "SIG{signal}; the screen:\n{}",
            tui.screen()
        );
        assert_eq!(
            entries(tmp.path()),
            Vec::<String>::new(),
            "after SIG{signal}"
        );
    }
}

/// `rm` of more than one session asks on a terminal: `n` (or Enter) keeps them,
/// `y` deletes them; `--yes` skips the question.
#[test]
fn rm_of_several_asks_on_a_terminal() {
    let env = TestEnv::new();
    for (from, to) in [("8:00", "9:00"), ("9:00", "10:00"), ("10:00", "11:00")] {
        env.ok(&["add", "coding", "--from", from, "--to", to]);
    }
    let ids = |env: &TestEnv| env.json(&["log", "--all"]).as_array().unwrap().len();
    let mut no = Tui::spawn_with(&env, 100, 20, &["rm", "1-2"], &[]);
    no.expect("Delete 2? [y/N]");
    no.keys("n\r");
    assert_eq!(no.wait_exit(), 3);
    assert_eq!(ids(&env), 3, "nothing removed");
    let mut yes = Tui::spawn_with(&env, 100, 20, &["rm", "1-2"], &[]);
    yes.expect("Delete 2? [y/N]");
    yes.keys("y\r");
    assert_eq!(yes.wait_exit(), 0);
    assert_eq!(ids(&env), 1);
    // One session, or --yes: no question.
    let mut one = Tui::spawn_with(&env, 100, 20, &["rm", "3", "--yes"], &[]);
    assert_eq!(one.wait_exit(), 0);
    assert_eq!(ids(&env), 0);
}

/// The same question in Chinese (issue 15): it lists the sessions in Chinese, `n`
/// keeps them with a Chinese refusal, and `是` answers yes as `y` does.
#[test]
fn rm_of_several_asks_in_chinese() {
    let env = TestEnv::new();
    for (from, to) in [("8:00", "9:00"), ("9:00", "10:00")] {
        env.ok(&["add", "编程", "--from", from, "--to", to]);
    }
    let ids = |env: &TestEnv| env.json(&["log", "--all"]).as_array().unwrap().len();
    let args = ["rm", "1-2", "--lang", "zh-CN"];
    let mut no = Tui::spawn_with(&env, 100, 20, &args, &[]);
    no.expect("要删除下面这 2 条记录吗？");
    no.expect("记录 1：编程，3月2日 周一 08:00，1小时00分");
    no.expect("确认删除这 2 条？[y/N]");
    no.keys("n\r");
    assert_eq!(no.wait_exit(), 3);
    no.expect("错误：没有删除（未确认）；加上 --yes 可以跳过确认");
    assert_eq!(ids(&env), 2, "nothing removed");
    let mut yes = Tui::spawn_with(&env, 100, 20, &args, &[]);
    yes.expect("确认删除这 2 条？[y/N]");
    yes.keys("是\r");
    assert_eq!(yes.wait_exit(), 0);
    assert_eq!(ids(&env), 0);
}

/// The TUI in Chinese (issue 15), chosen with `--lang zh-CN`: the tabs, the idle
/// timer, the start form, the status line after a start and the help all read in
/// Chinese; the session it starts is the same one `status --json` reports.
#[test]
fn tui_speaks_chinese_with_the_lang_flag() {
    let env = TestEnv::new();
    let mut tui = Tui::spawn_with(&env, 100, 30, &["--lang", "zh-CN"], &[]);
    tui.expect("1 总览");
    tui.expect("没有正在计时的项目。按 s 开始计时。");
    tui.keys("s");
    tui.expect("开始计时");
    tui.expect("项目：");
    tui.keys("写作\r");
    tui.expect("▶ 写作");
    tui.expect("开始计时：写作。");
    let status = env.json(&["status"]);
    assert_eq!(status["session"]["project"], "写作", "{status}");
    tui.keys("?");
    tui.expect("显示或关闭本帮助");
    tui.keys("\x1b");
    tui.expect("? 帮助 · q 退出");
    let screen = tui.screen();
    assert!(!screen.contains("Dashboard"), "English left:\n{screen}");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0, "the screen:\n{}", tui.screen());
}

/// `LANG=zh_CN.UTF-8` alone is enough, as on a Chinese desktop.
#[test]
fn tui_speaks_chinese_under_a_chinese_locale() {
    let env = TestEnv::new();
    let lang = std::path::Path::new("zh_CN.UTF-8");
    let mut tui = Tui::spawn_with(&env, 100, 30, &[], &[("LANG", lang)]);
    tui.expect("1 总览");
    tui.keys("2");
    tui.expect("还没有记录。按 s 开始计时，或按 a 补记一条。");
    tui.keys("q");
    assert_eq!(tui.wait_exit(), 0, "the screen:\n{}", tui.screen());
}
