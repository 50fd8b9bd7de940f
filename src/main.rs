//! The `otium` binary: parse, run, print, map errors to exit codes. Nothing else.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use otium::cli::{self, Cli, Out};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let json = cli::wants_json(&args);
    let parsed = match Cli::try_parse_from(&args) {
        Ok(parsed) => parsed,
        Err(e) if json && e.use_stderr() => {
            let message = e.kind().to_string();
            let detail = e.to_string();
            let line = detail
                .lines()
                .find(|l| l.starts_with("error:"))
                .unwrap_or(&message);
            print_json_error("usage", line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
        Err(e) if e.use_stderr() => {
            // One line, as for every other error: what is wrong and where to look.
            let detail = e.to_string();
            let line = detail
                .lines()
                .find(|l| l.starts_with("error:"))
                .unwrap_or("error: bad usage");
            let _ = writeln!(std::io::stderr().lock(), "{line}; see `otium --help`");
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    let mut out = Out::new(parsed.json);
    let result = cli::run(parsed, &mut out);
    let mut stderr = std::io::stderr().lock();
    for note in out.notes() {
        let _ = writeln!(stderr, "{note}");
    }
    // A closed pipe (`otium log | head`) is not a failure.
    let _ = std::io::stdout().lock().write_all(out.stdout().as_bytes());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if json {
                print_json_error(err.kind().as_str(), err.message());
            } else {
                let _ = writeln!(stderr, "error: {err}");
            }
            ExitCode::from(err.kind().exit_code())
        }
    }
}

fn print_json_error(kind: &str, message: &str) {
    let value = serde_json::json!({ "error": { "kind": kind, "message": message } });
    let _ = writeln!(std::io::stderr().lock(), "{value}");
}
