//! Reading the command line with as little of the command tree as it needs (issue 21).
//!
//! clap builds every verb it knows before it reads a word: for `otium status` that
//! was 28 verbs, each given its own copy of the four global options, and then all of
//! it freed again, two thirds of the work `main` did before the verb ran. Here the
//! tree holds `otium`'s own options and only the verb that was typed. That smaller
//! tree is the full one with verbs left out, and on it clap reads a word as a verb
//! only when it names one: so whatever it accepts, the full tree reads the same way.
//! Anything it refuses (a mistyped verb, a bad flag) is parsed again with the full
//! tree, so every error and suggestion is the one the full tree gives; `--help`
//! always uses the full, localized tree.
//!
//! The command tree and the matches are leaked once read, as the process ends soon
//! after: freeing their few hundred allocations one by one would take as long as
//! building them.

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use super::{Cli, Command, Options};

// `otium` with its own options and no verbs: the root `Cli` builds, with the same
// name, version, about and options (a test keeps them equal).
/// otium: track work time from the terminal, and see the leisure your productivity could buy.
#[derive(Debug, Parser)]
#[command(name = "otium", version, about, max_term_width = 100)]
struct Root {
    #[command(flatten)]
    options: Options,
}

/// Parses `args` (the program name first) into a [`Cli`]. A request for help builds
/// the whole tree, in the language of [`super::help_lang`] and with this machine's
/// paths; other commands build only the verb given, unless clap refuses them.
pub fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let wants_help = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--help" || a == "-h" || a == "help");
    if wants_help {
        let mut cmd = super::command_with_paths(super::help_lang(args));
        return matches(&mut cmd, args);
    }
    if let Some(parsed) = parse_with_verb_only(args) {
        return parsed;
    }
    matches(&mut Cli::command(), args)
}

/// The answer of the tree with only the typed verb: `None` when that tree cannot
/// give the full tree's answer (an error, a word it cannot place).
fn parse_with_verb_only(args: &[OsString]) -> Option<Result<Cli, clap::Error>> {
    let mut cmd = Root::command();
    if let Some(verb) = typed_verb(args)? {
        // Each verb is a name, an about and a deferred definition until chosen: the
        // one typed is taken out of the whole list whole, with its aliases.
        let mut verbs = Command::augment_subcommands(clap::Command::new("otium"));
        let chosen = std::mem::take(verbs.find_subcommand_mut(verb)?);
        std::mem::forget(verbs);
        cmd = cmd.subcommand(chosen);
    }
    match matches(&mut cmd, args) {
        Ok(cli) => Some(Ok(cli)),
        // Printed from the root's name and version, the same in both trees.
        Err(e) if e.kind() == ErrorKind::DisplayVersion => Some(Err(e)),
        Err(_) => None,
    }
}

/// Parses `args` with `cmd`, which is then leaked (see the module's note).
fn matches(cmd: &mut clap::Command, args: &[OsString]) -> Result<Cli, clap::Error> {
    // `from_arg_matches_mut` takes the values out; `from_arg_matches` would copy the
    // matches first. What is left of them is leaked with the tree.
    let parsed = cmd.try_get_matches_from_mut(args).map(|mut m| {
        let cli = Cli::from_arg_matches_mut(&mut m);
        std::mem::forget(m);
        cli
    });
    std::mem::forget(std::mem::take(cmd));
    parsed.and_then(|cli| cli)
}

/// The verb of `args` as clap would find it: `Some(None)` when there is none,
/// `None` when a word before it is not one of `otium`'s own options (clap then
/// decides with the whole tree). A wrong guess costs only time: the tree without
/// the verb clap finds refuses the line, which is then parsed again in full.
fn typed_verb(args: &[OsString]) -> Option<Option<&str>> {
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let word = word.to_str()?;
        match word {
            "--db" | "--config" | "--lang" => {
                words.next()?;
            }
            "--json" | "--demo" | "--version" | "-V" => {}
            _ if ["--db=", "--config=", "--lang="]
                .iter()
                .any(|flag| word.starts_with(flag)) => {}
            _ if word.starts_with('-') => return None,
            verb => return Some(Some(verb)),
        }
    }
    Some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn the_root_without_verbs_is_the_full_root() {
        let root = Root::command();
        let full = Cli::command();
        assert_eq!(root.get_name(), full.get_name());
        assert_eq!(root.get_version(), full.get_version());
        assert_eq!(
            root.get_about().map(ToString::to_string),
            full.get_about().map(ToString::to_string)
        );
        assert_eq!(
            root.get_long_about().map(ToString::to_string),
            full.get_long_about().map(ToString::to_string)
        );
        let args = |c: &clap::Command| format!("{:?}", c.get_arguments().collect::<Vec<_>>());
        assert_eq!(args(&root), args(&full));
        assert!(!root.has_subcommands());
    }

    #[test]
    fn the_verb_is_the_first_word_that_is_no_option_of_otium() {
        let verb = |line: &str| typed_verb(&words(line)).map(|v| v.map(str::to_string));
        assert_eq!(verb("otium"), Some(None));
        assert_eq!(verb("otium --json --demo"), Some(None));
        assert_eq!(verb("otium status"), Some(Some("status".into())));
        assert_eq!(
            verb("otium --db status report --week"),
            Some(Some("report".into()))
        );
        assert_eq!(verb("otium --lang=zh-CN log"), Some(Some("log".into())));
        assert_eq!(verb("otium --db"), None);
        assert_eq!(verb("otium --bogus status"), None);
        assert_eq!(verb("otium -- status"), None);
    }

    /// Every line gives what the full tree gives: the same verb and options, or
    /// the same error, word for word.
    #[test]
    fn the_small_tree_answers_as_the_full_one() {
        let lines = [
            "otium",
            "otium status",
            "otium --db x.db --json status",
            "otium status --db x.db --lang zh-CN",
            "otium --db=x.db report --week --by project",
            "otium report --week 2026-W48 --json",
            "otium start writing +draft --note hi",
            "otium start",
            "otium stauts",
            "otium status --bogus",
            "otium --db",
            "otium --lang xx status",
            "otium --db status report",
            "otium --demo",
            "otium rm 12-15",
            "otium rm one",
            "otium sync init dir",
            "otium import",
            "otium log --today --yesterday",
            "otium -- status",
        ];
        for line in lines {
            let args = words(line);
            let full = Cli::try_parse_from(&args);
            let fast = parse(&args);
            match (full, fast) {
                (Ok(full), Ok(fast)) => {
                    assert_eq!(format!("{full:?}"), format!("{fast:?}"), "{line}");
                }
                (Err(full), Err(fast)) => {
                    assert_eq!(full.kind(), fast.kind(), "{line}");
                    assert_eq!(full.to_string(), fast.to_string(), "{line}");
                }
                (full, fast) => panic!("{line}: full {full:?}, fast {fast:?}"),
            }
        }
    }

    #[test]
    fn version_is_the_full_trees() {
        let args = words("otium --version");
        let full = Cli::try_parse_from(&args).err().map(|e| e.to_string());
        let fast = parse(&args).err().map(|e| e.to_string());
        assert_eq!(full, fast);
        assert_eq!(
            fast.as_deref(),
            Some(concat!("otium ", env!("CARGO_PKG_VERSION"), "\n"))
        );
    }
}
