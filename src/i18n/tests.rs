//! The catalogue's own checks: both files parse, hold the same keys, use the same
//! arguments, and every key is named by some code in `src/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};

use clap::CommandFactory;

use super::{EN_FILES, Lang, ZH_CN_FILES, file_of, t};

/// The keys the help of `cmd` reads, with the derive text each stands for.
fn help_keys(cmd: &clap::Command) -> Vec<(String, Option<String>)> {
    crate::cli::help::keys(cmd)
}

/// What is wrong between the command tree `cmd` and the catalogue `keys` (English
/// text by key): a key the help needs that a language lacks, an English text that
/// differs from the derive doc comment (so `--help` would change), and a `help-any--`
/// or verb key that names no argument of the tree.
fn help_problems(
    cmd: &clap::Command,
    en: &BTreeMap<String, String>,
    zh: &BTreeSet<String>,
    literal: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    let needed = help_keys(cmd);
    for (key, text) in &needed {
        match en.get(key) {
            None => problems.push(format!("{key}: not in en/help.ftl")),
            Some(en_text) if text.as_ref().is_some_and(|t| t != en_text) => {
                problems.push(format!("{key}: English differs from the doc comment"));
            }
            Some(_) => {}
        }
        if !zh.contains(key) {
            problems.push(format!("{key}: not in zh-CN/help.ftl"));
        }
    }
    let needed: BTreeSet<&String> = needed.iter().map(|(k, _)| k).collect();
    for key in en.keys().filter(|k| k.starts_with("help-")) {
        if !needed.contains(key) && !literal.contains(&format!("\"{key}\"")) {
            problems.push(format!("{key}: names no command or argument"));
        }
    }
    problems
}

/// The English help texts of help.ftl by key.
fn help_texts(lang: Lang) -> BTreeMap<String, String> {
    let files = if lang == Lang::En {
        EN_FILES
    } else {
        ZH_CN_FILES
    };
    files
        .iter()
        .find(|(n, _)| *n == "help")
        .map(|(_, source)| {
            messages(source)
                .into_keys()
                .map(|k| {
                    let text = t(lang, &k, &[]);
                    (k, text)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn src_code() -> String {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    code
}

#[test]
fn help_keys_match_the_command_tree() {
    let cmd = crate::cli::Cli::command();
    let en = help_texts(Lang::En);
    let zh: BTreeSet<String> = help_texts(Lang::ZhCn).into_keys().collect();
    let code = src_code();
    assert!(help_keys(&cmd).len() > 150, "the walk reached every verb");
    assert_eq!(help_problems(&cmd, &en, &zh, &code), Vec::<String>::new());
}

#[test]
fn the_help_check_catches_a_missing_or_stray_key() {
    let en = help_texts(Lang::En);
    let zh: BTreeSet<String> = help_texts(Lang::ZhCn).into_keys().collect();
    let code = src_code();
    // A new flag nobody wrote a key for, and a changed doc comment.
    let cmd = crate::cli::Cli::command()
        .mut_subcommand("stop", |c| {
            c.arg(clap::Arg::new("gently").long("gently").help("Stop gently"))
        })
        .mut_subcommand("tags", |c| c.about("List the tags"));
    let problems = help_problems(&cmd, &en, &zh, &code);
    assert_eq!(
        problems,
        vec![
            "help-stop--gently: not in en/help.ftl".to_string(),
            "help-stop--gently: not in zh-CN/help.ftl".to_string(),
            "help-tags: English differs from the doc comment".to_string(),
        ]
    );
    // A key left behind by a removed flag.
    let mut en = en;
    en.insert("help-stop--loudly".into(), "Stop loudly".into());
    let cmd = crate::cli::Cli::command();
    assert_eq!(
        help_problems(&cmd, &en, &zh, &code),
        vec!["help-stop--loudly: names no command or argument".to_string()]
    );
}

/// Each message id of all of a language's files, with the variables its value uses;
/// an id in two files is a duplicate.
fn catalogue(files: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (name, source) in files {
        for (key, vars) in messages(source) {
            let fresh = all.insert(key.clone(), vars).is_none();
            assert!(fresh, "key {key} of {name}.ftl is also in another file");
        }
    }
    all
}

#[test]
fn both_languages_have_the_same_files() {
    let names = |files: &[(&'static str, &'static str)]| {
        files.iter().map(|(n, _)| *n).collect::<Vec<&str>>()
    };
    assert_eq!(names(EN_FILES), names(ZH_CN_FILES));
    // Each key sits in the same-named file in both languages, so a translator finds it.
    for ((name, en), (_, zh)) in EN_FILES.iter().zip(ZH_CN_FILES) {
        let (en, zh) = (messages(en), messages(zh));
        assert_eq!(
            en.keys().collect::<Vec<_>>(),
            zh.keys().collect::<Vec<_>>(),
            "{name}.ftl holds different keys in en and zh-CN"
        );
    }
}

/// Each message id with the names of the variables its value uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("catalogue does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            for element in m.value.iter().flat_map(|p| p.elements.iter()) {
                // A variable either placed as it is or chosen on (`{ $what -> … }`).
                let inline = match element {
                    PatternElement::Placeable {
                        expression: Expression::Inline(inline),
                    }
                    | PatternElement::Placeable {
                        expression:
                            Expression::Select {
                                selector: inline, ..
                            },
                    } => inline,
                    PatternElement::TextElement { .. } => continue,
                };
                if let InlineExpression::VariableReference { id } = inline {
                    vars.insert(id.name.to_string());
                }
            }
            let fresh = out.insert(m.id.name.to_string(), vars).is_none();
            assert!(fresh, "duplicate key {}", m.id.name);
        }
    }
    out
}

/// The keys in `a` that `b` lacks or whose arguments differ.
fn mismatches(
    a: &BTreeMap<String, BTreeSet<String>>,
    b: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    a.iter()
        .filter(|(k, vars)| b.get(*k) != Some(vars))
        .map(|(k, _)| k.clone())
        .collect()
}

#[test]
fn both_languages_have_the_same_keys_and_arguments() {
    let (en, zh) = (catalogue(EN_FILES), catalogue(ZH_CN_FILES));
    assert!(!en.is_empty());
    assert_eq!(
        mismatches(&en, &zh),
        Vec::<String>::new(),
        "missing or different in zh-CN"
    );
    assert_eq!(
        mismatches(&zh, &en),
        Vec::<String>::new(),
        "missing or different in en"
    );
}

#[test]
fn the_parity_check_catches_a_missing_key() {
    // The check above must be able to fail: a key only English has is reported.
    let en = messages("a = x\nb = y { $n }\n");
    let zh = messages("a = 甲\n");
    assert_eq!(mismatches(&en, &zh), vec!["b".to_string()]);
    let zh = messages("a = 甲\nb = 乙\n");
    assert_eq!(
        mismatches(&en, &zh),
        vec!["b".to_string()],
        "an argument dropped"
    );
}

fn sources(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

/// The keys no code names as a string literal.
fn unused(keys: impl Iterator<Item = String>, code: &str) -> Vec<String> {
    keys.filter(|k| !code.contains(&format!("\"{k}\"")))
        .collect()
}

#[test]
fn every_key_is_used_by_some_code() {
    let code = src_code();
    assert!(code.contains("fn t("), "the scan read src/");
    // The help's keys are made from the command path at run time: the walk of the
    // real command tree names them (checked in `help_keys_match_the_command_tree`).
    let walked: BTreeSet<String> = help_keys(&crate::cli::Cli::command())
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let keys = catalogue(EN_FILES)
        .into_keys()
        .filter(|k| !walked.contains(k));
    assert_eq!(
        unused(keys, &code),
        Vec::<String>::new(),
        "keys no code uses"
    );
    // And the scan can fail: a key nobody names is reported.
    assert_eq!(
        unused(
            ["status-idle".into(), "no-such-use".into()].into_iter(),
            &code
        ),
        vec!["no-such-use".to_string()]
    );
}

#[test]
fn messages_fill_in_their_arguments_without_isolation_marks() {
    let project = "写作";
    let line = t(
        Lang::ZhCn,
        "hint-cli-declare-unit",
        &[("project", &project)],
    );
    assert_eq!(line, "先用 `otium project 写作 --unit pages` 设定产出单位");
    let line = t(Lang::En, "hint-cli-declare-unit", &[("project", &"code")]);
    assert_eq!(line, "declare one with `otium project code --unit pages`");
    assert!(!line.contains('\u{2068}'));
    assert_eq!(t(Lang::En, "no-such-key", &[]), "no-such-key");
}

#[test]
fn help_keys_live_in_help_ftl_alone() {
    // `t` finds a `help-` key only in help.ftl's own bundle, which other commands
    // never parse: so every key there starts with `help-`, and none elsewhere does.
    for files in [EN_FILES, ZH_CN_FILES] {
        for (name, source) in files {
            for key in messages(source).into_keys() {
                assert_eq!(
                    key.starts_with("help-"),
                    *name == "help",
                    "{key} in {name}.ftl"
                );
            }
        }
    }
    assert_eq!(t(Lang::ZhCn, "help-heading-options", &[]), "选项");
    assert_eq!(t(Lang::ZhCn, "status-idle", &[]), "当前没有在计时。");
}

/// Every key sits in the file its area prefix names, in both languages: `t` parses
/// only that file's bundle, so a key anywhere else would not be found.
#[test]
fn every_key_is_in_the_file_its_prefix_names() {
    for files in [EN_FILES, ZH_CN_FILES] {
        for (place, (name, source)) in files.iter().enumerate() {
            for line in source.lines() {
                let Some((key, _)) = line.split_once('=') else {
                    continue;
                };
                let key = key.trim_end();
                if line.starts_with(|c: char| c.is_ascii_lowercase())
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    assert_eq!(file_of(key), place, "{key} is in {name}.ftl");
                }
            }
        }
    }
    // And the areas map as the files are named.
    assert_eq!(EN_FILES[file_of("limits-balance-worked")].0, "reports");
    assert_eq!(EN_FILES[file_of("error-line")].0, "otium");
    assert_eq!(EN_FILES[file_of("help-report--by")].0, "help");
}
