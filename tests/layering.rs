//! The layering rules of the code, checked on the source text (README "Development"):
//! rusqlite only inside `src/store/`; `store` named only by `src/tracker/` and
//! `src/store/` (and its declaration in `src/lib.rs`); the two faces, `src/cli/` and
//! `src/tui/`, never name each other (and `src/main.rs`, like every face, names
//! neither the store nor rusqlite).
//!
//! A rule that matches nothing proves nothing, so each rule is also run against a
//! line that breaks it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its path relative to the crate root.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Code lines only: comments (`//`, `//!`, `///`) say what the code is about and may
/// name any layer.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
}

struct Rule {
    /// What the rule says, for the failure message.
    says: &'static str,
    /// Whether a file (path relative to the crate root, with `/`) is bound by it.
    applies: fn(&str) -> bool,
    /// Whether a code line breaks it.
    breaks: fn(&str) -> bool,
}

fn names_store(line: &str) -> bool {
    line.contains("store::") || line.contains("mod store") || line.contains("crate::store")
}

const RULES: &[Rule] = &[
    Rule {
        says: "rusqlite is named only inside src/store/",
        applies: |p| !p.starts_with("src/store/"),
        breaks: |l| l.contains("rusqlite"),
    },
    Rule {
        says: "store is named only by src/tracker/ and src/store/ (and declared in src/lib.rs)",
        applies: |p| !p.starts_with("src/store/") && !p.starts_with("src/tracker/"),
        breaks: |l| {
            names_store(l) && l.trim() != "pub mod store;" && l.trim() != "pub(crate) mod store;"
        },
    },
    Rule {
        says: "the CLI never names the TUI",
        applies: |p| p.starts_with("src/cli/"),
        breaks: |l| l.contains("crate::tui") || l.contains("tui::"),
    },
    Rule {
        says: "the TUI never names the CLI",
        applies: |p| p.starts_with("src/tui/"),
        breaks: |l| l.contains("crate::cli") || l.contains("cli::"),
    },
];

fn violations(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for path in rust_files(&root.join("src")) {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path).unwrap();
        for rule in RULES.iter().filter(|r| (r.applies)(&rel)) {
            for (n, line) in code_lines(&text) {
                if (rule.breaks)(line) {
                    found.push(format!("{rel}:{n}: {} — `{}`", rule.says, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_layers_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = violations(root);
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn each_rule_catches_a_line_that_breaks_it() {
    let cases = [
        ("src/cli/report.rs", "use rusqlite::Connection;"),
        ("src/tui/data.rs", "use crate::store::sessions;"),
        ("src/cli/mod.rs", "crate::tui::run(&mut tracker)?;"),
        ("src/tui/app.rs", "use crate::cli::Out;"),
    ];
    for (rule, (path, line)) in RULES.iter().zip(cases) {
        assert!((rule.applies)(path), "{} should bind {path}", rule.says);
        assert!((rule.breaks)(line), "{} should catch `{line}`", rule.says);
    }
    // Comments may name any layer, and the store and tracker may name the store.
    assert_eq!(code_lines("// see store::sessions").count(), 0);
    assert!(!(RULES[1].applies)("src/tracker/sessions.rs"));
    assert!(!(RULES[0].applies)("src/store/mod.rs"));
}
