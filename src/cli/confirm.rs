//! Asking before a change that touches several sessions (`rm 12-15`), as `rm -i`
//! users expect. Only a person at a terminal is asked: with stdin or stderr not a
//! terminal (a script, a pipe, cron) there is nobody to answer, so the change goes
//! ahead as asked; `otium undo` takes it back either way.

use std::io::{BufRead, IsTerminal, Write};

use crate::error::{Error, ErrorKind, Result};
use crate::i18n::Lang;

/// Whether a person can be asked: stdin and stderr are both terminals.
#[must_use]
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Writes `question` on stderr and reads one line from stdin: `y` or `yes` (any case)
/// is a yes, and in Chinese also `是`, `好` or `确定`; anything else, or end of
/// input, is a no.
pub fn ask(lang: Lang, question: &str) -> Result<bool> {
    let mut err = std::io::stderr().lock();
    err.write_all(question.as_bytes())
        .and_then(|()| err.flush())
        .map_err(|e| {
            Error::keyed(
                ErrorKind::Io,
                "capture-error-ask",
                vec![("error", e.to_string())],
            )
            .with_source(e)
        })?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| {
            Error::keyed(
                ErrorKind::Io,
                "capture-error-answer",
                vec![("error", e.to_string())],
            )
            .with_source(e)
        })?;
    let answer = answer.trim().to_ascii_lowercase();
    // A Chinese user may answer in Chinese (是, 好, 确定) as naturally as with y.
    Ok(matches!(answer.as_str(), "y" | "yes")
        || (lang.is_zh() && matches!(answer.as_str(), "是" | "好" | "确定" | "ｙ")))
}
