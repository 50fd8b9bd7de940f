//! The `otium` binary: parse, choose the face (a verb runs the CLI, none opens the
//! TUI), map errors to exit codes. Nothing else.

use std::io::Write;
use std::process::ExitCode;

use otium::cli::{self, Cli, Options};
use otium::setup::Setup;
use otium::tui;

fn main() -> ExitCode {
    // A shell asking for completions gets them and nothing else.
    cli::shell::answer_if_asked();
    let args: Vec<_> = std::env::args_os().collect();
    let json = cli::wants_json(&args);
    if let Some(err) = cli::forgotten_quotes(&args) {
        return fail(&err, json, otium::i18n::choose::early(None));
    }
    let parsed = match cli::parse::parse(&args) {
        Ok(parsed) => parsed,
        Err(e) if e.use_stderr() => {
            if json {
                // JSON is for scripts: its message stays English in every language.
                print_json_error("usage", &cli::usage_message(&e).0);
            } else {
                // One line, as for every other error: what is wrong and where to look.
                let lang = cli::help_lang(&args);
                let (message, help) = cli::usage_message_in(lang, &e);
                let line = otium::i18n::t(
                    lang,
                    "help-usage-see",
                    &[("message", &message), ("help", &help)],
                );
                let text = otium::i18n::t(lang, "error-line", &[("line", &line)]);
                let _ = writeln!(std::io::stderr(), "{text}");
            }
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    // Errors follow `--json` anywhere on the line (`json`), even where clap read it as
    // a value; the answer follows the flag as parsed.
    let Cli {
        options:
            Options {
                db,
                config,
                json: answer_json,
                lang,
                demo,
            },
        command,
    } = parsed;
    // `--demo` opens a throw-away database, so a named config that is missing is no
    // reason to refuse it (`Setup::load_demo`).
    let setup = if demo && command.is_none() {
        Setup::load_demo(config, lang)
    } else {
        Setup::load(db, config, lang)
    };
    if let Ok(note) = setup.as_ref().map(Setup::zone_note)
        && let Some(note) = note
    {
        let lang = setup.as_ref().map_or(otium::i18n::Lang::En, Setup::lang);
        let text = otium::i18n::t(lang, "note-line", &[("text", &note)]);
        let _ = writeln!(std::io::stderr(), "{text}");
    }
    // The language errors are said in: the one chosen, or, when choosing failed (a
    // broken config, an unknown OTIUM_LANG), the flag's or the locale's.
    let lang = setup
        .as_ref()
        .map_or_else(|_| otium::i18n::choose::early(lang), Setup::lang);
    let result = setup.and_then(|setup| match command {
        Some(command) => cli::run(command, setup, answer_json),
        None => open_tui(setup, demo),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err, json, lang),
    }
}

/// Reports `err` on stderr (as JSON with `json`) and returns its exit code.
fn fail(err: &otium::Error, json: bool, lang: otium::i18n::Lang) -> ExitCode {
    if json {
        // JSON is for scripts: its message stays English in every language.
        print_json_error(err.kind().as_str(), &cli::hint::error_line(err));
    } else {
        let line = cli::hint::error_line_in(lang, err);
        let text = otium::i18n::t(lang, "error-line", &[("line", &line)]);
        let _ = writeln!(std::io::stderr(), "{text}");
    }
    ExitCode::from(err.kind().exit_code())
}

/// The TUI on the user's database, or with `demo` on a seeded throw-away one. It
/// refuses before anything is opened when there is no terminal.
fn open_tui(setup: Setup, demo: bool) -> otium::Result<()> {
    tui::require_terminal()?;
    let lang = setup.lang();
    if demo {
        return tui::run(&mut setup.open_demo()?.tracker, lang);
    }
    let db = setup.database_path()?;
    tui::run(&mut setup.open(&db)?, lang)
}

fn print_json_error(kind: &str, message: &str) {
    let value = serde_json::json!({ "error": { "kind": kind, "message": message } });
    // The same escapes as every JSON answer (C1 controls, bidi): a message quotes input.
    let text = otium::interop::json::to_vec(&value).unwrap_or_else(|_| b"null".to_vec());
    let mut stderr = std::io::stderr();
    let _ = stderr
        .write_all(&text)
        .and_then(|()| stderr.write_all(b"\n"));
}
