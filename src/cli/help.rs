//! `--help` in the user's language: the clap command built from derive is walked
//! and every about, argument help and possible value is filled from `help.ftl`,
//! under a key made of the command path (`help-report` for the verb, `help-report--by`
//! for its `--by`, `help-report--format--csv` for a value). A flag several verbs
//! share with the same meaning (`--today`) has one key, `help-any--today`, used
//! where a verb has none of its own.
//!
//! English text is the catalogue's too (a test keeps it equal to the derive doc
//! comments, so `--help` reads as before); only Chinese also replaces what clap
//! writes itself (`Usage:`, the headings, `[default: …]`, the list of values),
//! since clap has no catalogue of its own. Only a request for help builds this:
//! other commands never parse `help.ftl`.

use clap::{Arg, ArgAction, Command};

use crate::i18n::{self, Lang};

/// `cmd` (the derive definition) with its help in `lang`. For a language other than
/// English the command is built first, so that clap's own `--help`, `--version` and
/// `help` are there to be translated; English leaves them to clap (building expands
/// the `help` verb into a tree, which `otium help help` would show).
#[must_use]
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    if lang != Lang::En {
        cmd.build();
    }
    walk(cmd, &[], lang)
}

/// The catalogue key of the command at `path` (`[]` is otium itself).
#[must_use]
pub fn command_key(path: &[String]) -> String {
    if path.is_empty() {
        "help-otium".to_string()
    } else {
        format!("help-{}", path.join("-"))
    }
}

/// The key of argument `id` of the command at `path`.
#[must_use]
pub fn arg_key(path: &[String], id: &str) -> String {
    format!(
        "{}--{}",
        command_key(path),
        id.trim_end_matches('_').replace('_', "-")
    )
}

/// The key shared by every verb's argument `id` that has no key of its own.
#[must_use]
pub fn shared_key(id: &str) -> String {
    format!("help-any--{}", id.trim_end_matches('_').replace('_', "-"))
}

/// The catalogue's text for `key`, if it has one.
fn lookup(lang: Lang, key: &str) -> Option<String> {
    let text = i18n::t(lang, key, &[]);
    (text != key).then_some(text)
}

/// The key an argument's help is read from: its own, else the shared one (and its
/// own when neither exists, which is the one to write).
#[must_use]
pub fn key_for(lang: Lang, path: &[String], arg: &Arg) -> String {
    let path = if arg.is_global_set() { &[][..] } else { path };
    let own = arg_key(path, arg.get_id().as_str());
    let shared = shared_key(arg.get_id().as_str());
    if lookup(lang, &own).is_none() && lookup(lang, &shared).is_some() {
        shared
    } else {
        own
    }
}

fn walk(mut cmd: Command, path: &[String], lang: Lang) -> Command {
    let key = command_key(path);
    if cmd.get_about().is_some() {
        cmd = cmd.about(text(lang, &key));
    }
    if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(text(lang, &format!("{key}-long")));
    }
    cmd = layout(cmd, lang);
    cmd = cmd.mut_args(|arg| localize_arg(arg, path, lang));
    cmd.mut_subcommands(|sub| {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        if sub.get_name() == "help" && builtin(&sub) {
            help_command(sub, path, true, lang)
        } else {
            walk(sub, &sub_path, lang)
        }
    })
}

/// clap's layout in `lang`: its English `Usage: ` and `Commands` said by otium (the
/// usage heading carries its own colon and spacing: `用法：`). English keeps clap's.
fn layout(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        i18n::t(lang, "help-usage-heading", &[])
    );
    cmd.help_template(template)
        .subcommand_help_heading(i18n::t(lang, "help-heading-commands", &[]))
}

/// Whether `sub` is clap's own `help` (no verb of otium is called so).
fn builtin(sub: &Command) -> bool {
    sub.get_about().map(ToString::to_string).as_deref()
        == Some("Print this message or the help of the given subcommand(s)")
}

/// clap's `help` verb (`top`) and the copies under it of the verbs at `path`, whose
/// summaries `otium help <TAB>` shows.
fn help_command(mut cmd: Command, path: &[String], top: bool, lang: Lang) -> Command {
    cmd = if top || builtin(&cmd) {
        cmd.about(i18n::t(lang, "help-builtin-help-command", &[]))
    } else if cmd.get_about().is_some() {
        cmd.about(text(lang, &command_key(path)))
    } else {
        cmd
    };
    layout(cmd, lang).mut_subcommands(|sub| {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        help_command(sub, &sub_path, false, lang)
    })
}

/// The catalogue's text, or the key itself when it is missing (the tests make
/// sure none is).
fn text(lang: Lang, key: &str) -> String {
    i18n::t(lang, key, &[])
}

fn localize_arg(mut arg: Arg, path: &[String], lang: Lang) -> Arg {
    let builtin = match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => Some("help"),
        ArgAction::Version => Some("version"),
        _ => None,
    };
    let (help, long) = if let Some(which) = builtin {
        builtin_help(&arg, which, lang)
    } else {
        let key = key_for(lang, path, &arg);
        let help = arg.get_help().map(|_| text(lang, &key));
        let long = arg
            .get_long_help()
            .map(|_| text(lang, &format!("{key}-long")));
        (help, long)
    };
    if lang == Lang::En {
        // clap writes the defaults and values itself, as before.
        if let Some(help) = help {
            arg = arg.help(help);
        }
        if let Some(long) = long {
            arg = arg.long_help(long);
        }
        return arg;
    }
    if arg.get_help_heading().is_none() {
        let heading = if arg.is_positional() {
            // Under a named heading clap sorts by display order, not by position.
            if let Some(index) = arg.get_index() {
                arg = arg.display_order(index);
            }
            "help-heading-arguments"
        } else {
            "help-heading-options"
        };
        arg = arg.help_heading(i18n::t(lang, heading, &[]));
    } else if let Some(heading) = arg.get_help_heading().and_then(heading_key) {
        arg = arg.help_heading(i18n::t(lang, heading, &[]));
    }
    let specs = specs(&arg, path, lang);
    let help = help.unwrap_or_default();
    let long = long.or_else(|| (!specs.long.is_empty()).then(|| help.clone()));
    arg = arg.help(help + &specs.short);
    if let Some(long) = long {
        arg = arg.long_help(long + &specs.long);
    }
    arg.hide_default_value(true).hide_possible_values(true)
}

/// The keys of the headings otium names (`help_heading = GLOBAL`).
fn heading_key(heading: &str) -> Option<&'static str> {
    (heading == super::GLOBAL).then_some("help-heading-global")
}

/// clap's own `--help` and `--version`, said in `lang`.
fn builtin_help(arg: &Arg, which: &str, lang: Lang) -> (Option<String>, Option<String>) {
    let key = |k: &str| Some(i18n::t(lang, k, &[]));
    if which == "version" {
        return (key("help-builtin-version"), None);
    }
    // clap offers "see more" only where some help has a long form.
    if arg.get_long_help().is_some() {
        (
            key("help-builtin-help-more"),
            key("help-builtin-help-summary"),
        )
    } else {
        (key("help-builtin-help"), None)
    }
}

/// What clap appends to an argument's help (its default, its values), written by
/// otium in `lang` because clap would write it in English.
struct Specs {
    /// For `-h`: ` [可选值：a、b] [默认：a]`.
    short: String,
    /// For `--help`: the values one per line with their help, then the default.
    long: String,
}

fn specs(arg: &Arg, path: &[String], lang: Lang) -> Specs {
    let mut short = String::new();
    let mut long = String::new();
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let list = names.join(i18n::t(lang, "help-list-separator", &[]).as_str());
        short.push(' ');
        short.push_str(&i18n::t(lang, "help-possible-values", &[("values", &list)]));
        if values.iter().any(|v| v.get_help().is_some()) {
            let key = key_for(lang, path, arg);
            long.push_str("\n\n");
            long.push_str(&i18n::t(lang, "help-possible-values-heading", &[]));
            for value in &values {
                let help = value
                    .get_help()
                    .map(|_| text(lang, &format!("{key}--{}", value.get_name())));
                long.push_str("\n- ");
                long.push_str(value.get_name());
                if let Some(help) = help {
                    long.push_str(&i18n::t(lang, "help-value-help", &[("help", &help)]));
                }
            }
        }
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
        let joined = defaults.join(" ");
        let default = i18n::t(lang, "help-default", &[("value", &joined)]);
        short.push(' ');
        short.push_str(&default);
        long.push_str("\n\n");
        long.push_str(&default);
    }
    Specs { short, long }
}

/// Every key the help of `cmd` reads, with the English text it stands for in the
/// derive definition (`None` for clap's own texts), for the catalogue's tests.
#[must_use]
pub fn keys(cmd: &Command) -> Vec<(String, Option<String>)> {
    let mut cmd = cmd.clone();
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, &[], &mut out);
    out
}

fn collect(cmd: &Command, path: &[String], out: &mut Vec<(String, Option<String>)>) {
    let key = command_key(path);
    if let Some(about) = cmd.get_about() {
        out.push((key.clone(), Some(about.to_string())));
    }
    if let Some(long) = cmd.get_long_about() {
        out.push((format!("{key}-long"), Some(long.to_string())));
    }
    for arg in cmd.get_arguments() {
        if arg.is_global_set() && !path.is_empty() {
            continue;
        }
        if matches!(
            arg.get_action(),
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
        ) {
            continue;
        }
        let key = key_for(Lang::En, path, arg);
        if let Some(help) = arg.get_help() {
            out.push((key.clone(), Some(help.to_string())));
        }
        if let Some(long) = arg.get_long_help() {
            out.push((format!("{key}-long"), Some(long.to_string())));
        }
        for value in arg.get_possible_values() {
            if let Some(help) = value.get_help() {
                out.push((
                    format!("{key}--{}", value.get_name()),
                    Some(help.to_string()),
                ));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" && builtin(sub) {
            continue;
        }
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        collect(sub, &sub_path, out);
    }
}
