//! Asking before a change that touches several sessions (`rm 12-15`), as `rm -i`
//! users expect. Only a person at a terminal is asked: with stdin or stderr not a
//! terminal (a script, a pipe, cron) there is nobody to answer, so the change goes
//! ahead as asked; `otium undo` takes it back either way.

use std::io::{BufRead, IsTerminal, Write};

use crate::error::{Error, Result};

/// Whether a person can be asked: stdin and stderr are both terminals.
#[must_use]
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Writes `question` on stderr and reads one line from stdin: `y` or `yes` (any case)
/// is a yes; anything else, or end of input, is a no.
pub fn ask(question: &str) -> Result<bool> {
    let mut err = std::io::stderr().lock();
    err.write_all(question.as_bytes())
        .and_then(|()| err.flush())
        .map_err(|e| {
            Error::new(
                crate::error::ErrorKind::Io,
                format!("could not ask for confirmation on stderr: {e}"),
            )
            .with_source(e)
        })?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| {
            Error::new(
                crate::error::ErrorKind::Io,
                format!("could not read the answer from stdin: {e}"),
            )
            .with_source(e)
        })?;
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}
