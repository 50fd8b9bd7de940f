//! Finds English left in a text that should be Chinese: the check the zh-CN tests
//! of every face run over whole screens and outputs (issue 15).
//!
//! Code is not prose: text in backticks, flags (`--at`), config keys
//! (`max_session_hours`), paths, numbers and the names in [`ALWAYS_ALLOWED`]
//! (products, formats, units, keys) are skipped. What is left is flagged when it is
//! a run of two or more English words, a capitalised word (a heading such as
//! `Total`), or a function word (`the`, `of`, `to`), which a translation never
//! keeps. A lone lowercase word passes: it is a command verb (`otium stop`) or a
//! name the user typed (a unit such as `pages`).

/// Names that stay as they are in Chinese text.
pub const ALWAYS_ALLOWED: &[&str] = &[
    "otium",
    "Timewarrior",
    "timew",
    "Watson",
    "bartib",
    "klog",
    "Toggl",
    "Kimai",
    "Clockify",
    "hledger",
    "timeclock",
    "Syncthing",
    "Nextcloud",
    "Dropbox",
    "iCloud",
    "Drive",
    "git",
    "SQLite",
    "WAL",
    "JSON",
    "CSV",
    "ICS",
    "HTML",
    "Markdown",
    "SVG",
    "PDF",
    "TOML",
    "UTF",
    "Penn",
    "World",
    "Table",
    "PWT",
    "OECD",
    "ILO",
    "GDP",
    "PPP",
    "EU",
    "PRC",
    "UTC",
    "ISO",
    "RFC",
    "TUI",
    "CLI",
    "ID",
    "UUID",
    "HLC",
    "DST",
    "CN",
    "zh",
    "en",
    "Esc",
    "Enter",
    "Tab",
    "Space",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Shift",
    "Ctrl",
    "Alt",
    "Backspace",
    "Del",
    "Up",
    "Down",
    "Left",
    "Right",
    "F1",
    "h",
    "m",
    "s",
    "min",
    "km",
    "KiB",
    "MiB",
    "GiB",
    "USD",
];

/// Words a translation would never leave in English.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "from", "with", "is",
    "are", "was", "be", "has", "have", "not", "no", "this", "that", "your", "you", "it", "by",
    "as", "so", "if", "but", "than",
];

/// The English fragments of `text` that are prose, one per finding, each with its
/// line; `allowed` adds names the caller's text may keep (a project called `Acme`).
#[must_use]
pub fn untranslated(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut run: Vec<String> = Vec::new();
        let mut flush = |run: &mut Vec<String>| {
            let flagged = run.len() >= 2
                || run.iter().any(|w| {
                    w.starts_with(|c: char| c.is_ascii_uppercase())
                        || FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str())
                });
            if flagged && !run.is_empty() {
                found.push(format!("{:?} in {line:?}", run.join(" ")));
            }
            run.clear();
        };
        let prose = without_code(line);
        for token in tokens(&prose) {
            match token {
                Token::Word(w) if !ALWAYS_ALLOWED.contains(&w) && !allowed.contains(&w) => {
                    run.push(w.to_string());
                }
                // An allowed name or code sits between words without joining them.
                Token::Word(_) | Token::Code => {}
                Token::Break => flush(&mut run),
            }
        }
        flush(&mut run);
    }
    found
}

/// The line with backtick spans blanked (they show commands to type).
fn without_code(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

enum Token<'a> {
    /// A word of ASCII letters (an apostrophe allowed: `don't`).
    Word(&'a str),
    /// A flag, key, path, number or other code-like token.
    Code,
    /// Anything that ends a phrase: CJK text, sentence punctuation, box drawing.
    Break,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for raw in line.split(|c: char| c.is_whitespace() || !c.is_ascii()) {
        if raw.is_empty() {
            continue;
        }
        let word = raw.trim_matches(|c: char| ",;:.!?()[]\"'|<>*".contains(c));
        let ends_phrase = raw.ends_with(['.', ':', ';', '!', '?', '|', '(', ')']);
        if word.is_empty() {
        } else if word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
            out.push(Token::Word(word));
        } else {
            out.push(Token::Code);
        }
        if ends_phrase {
            out.push(Token::Break);
        }
    }
    // Non-ASCII text between words (Chinese, box drawing) breaks a phrase too; the
    // split above already dropped it, so mark the places where it was.
    let mut marked = Vec::with_capacity(out.len());
    let mut rest = line;
    for token in out {
        if let Token::Word(w) = token
            && let Some(at) = rest.find(w)
        {
            if !rest[..at].is_ascii() {
                marked.push(Token::Break);
            }
            rest = &rest[at + w.len()..];
        }
        marked.push(token);
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::untranslated;

    #[test]
    fn chinese_with_commands_units_and_names_passes() {
        let ok = [
            "正在计时：写作",
            "用 `otium start 项目` 开始计时",
            "otium stop --at 时间（例如 \"17:30\" 或 \"2小时前\"）",
            "超过了 max_session_hours = 2",
            "本周 12.5 h，产出 3 pages",
            "按 Esc 取消，Enter 保存",
            "数据来自 Penn World Table 10.01（PWT）",
            "│ 项目 │ 工时 │",
        ];
        for line in ok {
            assert_eq!(untranslated(line, &[]), Vec::<String>::new(), "{line}");
        }
        assert_eq!(untranslated("客户：Acme", &["Acme"]), Vec::<String>::new());
    }

    #[test]
    fn english_prose_headings_and_function_words_are_found() {
        let bad = [
            ("Running: 写作", "Running"),
            ("nothing is running", "nothing is running"),
            ("项目 Total", "Total"),
            ("写作 of 编程", "of"),
            ("已计 2小时 so far", "so far"),
        ];
        for (line, words) in bad {
            let found = untranslated(line, &[]);
            assert_eq!(found.len(), 1, "{line}: {found:?}");
            assert!(found[0].starts_with(&format!("{words:?}")), "{found:?}");
        }
    }
}
