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
            let (line, _) = usage_error(&e.to_string());
            print_json_error("usage", &line);
            return ExitCode::from(2);
        }
        Err(e) if e.use_stderr() => {
            // One line, as for every other error: what is wrong and where to look.
            let (line, help) = usage_error(&e.to_string());
            let _ = writeln!(std::io::stderr().lock(), "error: {line}; see `{help}`");
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
    // A closed pipe (`otium log | head`) is not a failure; a full disk under
    // `otium log > FILE` is, or the file would be cut short without a word.
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(out.stdout().as_bytes())
        .and_then(|()| stdout.flush());
    let result = match (result, written) {
        (Ok(()), Err(e)) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(otium::interop::atomic::output_error(e))
        }
        (result, _) => result,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if json {
                print_json_error(err.kind().as_str(), &cli::hint::error_line(&err));
            } else {
                let _ = writeln!(stderr, "error: {}", cli::hint::error_line(&err));
            }
            ExitCode::from(err.kind().exit_code())
        }
    }
}

/// Folds clap's several-line message into one line: the `error:` line with the items
/// listed under it (e.g. the missing arguments), and the `--help` of the verb in use.
fn usage_error(detail: &str) -> (String, String) {
    let mut lines = detail.lines().skip_while(|l| !l.starts_with("error:"));
    let mut message = lines
        .next()
        .unwrap_or("error: bad usage")
        .trim_start_matches("error:")
        .trim()
        .to_string();
    let items: Vec<&str> = lines
        .by_ref()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    if !items.is_empty() {
        message = format!("{message} {}", items.join(", "));
    }
    let verb = detail
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .map(|usage| {
            usage
                .split_whitespace()
                .take_while(|w| !w.starts_with(['-', '[', '<']))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "otium".to_string());
    (message, format!("{verb} --help"))
}

fn print_json_error(kind: &str, message: &str) {
    let value = serde_json::json!({ "error": { "kind": kind, "message": message } });
    let _ = writeln!(std::io::stderr().lock(), "{value}");
}
