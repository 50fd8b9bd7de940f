//! Each message parsed alone from its entry is the message the whole file gives.

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::{EN_FILES, Lang, ZH_CN_FILES, entries, t};

/// The messages of a parsed Fluent text by id, each as its syntax tree.
fn messages(source: &str) -> Vec<(String, String)> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let mut found: Vec<(String, String)> = resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some((m.id.name.to_string(), format!("{m:?}"))),
            _ => None,
        })
        .collect();
    found.sort();
    found
}

#[test]
fn each_entry_parses_to_the_message_of_the_whole_file() {
    for files in [EN_FILES, ZH_CN_FILES] {
        for (name, source) in files {
            let whole = messages(source);
            let mut alone: Vec<(String, String)> = entries(source)
                .iter()
                .flat_map(|(key, text)| {
                    let parsed = messages(text);
                    assert_eq!(parsed.len(), 1, "{name}.ftl: {key} is one message");
                    assert_eq!(parsed[0].0, *key, "{name}.ftl");
                    parsed
                })
                .collect();
            alone.sort();
            assert_eq!(whole, alone, "{name}.ftl");
        }
    }
}

#[test]
fn entries_end_before_comments_and_the_next_message() {
    let source = "# a comment\n\n## A heading\n\none = One\n    and more\n\n    after a blank\ntwo =\n    Two\n# two's end\nthree = Three";
    let found = entries(source);
    assert_eq!(
        found,
        vec![
            ("one", "one = One\n    and more\n\n    after a blank\n"),
            ("two", "two =\n    Two\n"),
            ("three", "three = Three"),
        ]
    );
}

#[test]
fn messages_parsed_one_by_one_format_as_before() {
    // Expected texts written by hand from the catalogue files.
    assert_eq!(
        t(Lang::En, "error-line", &[("line", &"no such session")]),
        "error: no such session"
    );
    assert_eq!(t(Lang::ZhCn, "error-line", &[("line", &"x")]), "错误：x");
    // A selector over several lines, its variants indented under the key.
    let args: [(&str, &dyn std::fmt::Display); 3] =
        [("at", &"line 3"), ("field", &"start"), ("text", &"\"9am\"")];
    assert_eq!(
        t(Lang::En, "admin-import-error-otium-time", &args),
        "line 3: start \"9am\" is not an RFC 3339 time like 2026-03-02T09:00:00+01:00"
    );
    assert_eq!(
        t(Lang::En, "no-such-key-anywhere", &[]),
        "no-such-key-anywhere"
    );
}
