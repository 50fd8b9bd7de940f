//! Conventions people expect of a CLI: shell completions (static registration and the
//! dynamic answers, projects and tags from the database), manual pages, `otium paths`,
//! and the help's "Global options" heading with the paths this machine resolves.

use crate::env::TestEnv;

fn with_history() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "add", "writing", "+draft", "--from", "09:00", "--to", "10:00",
    ]);
    env.ok(&[
        "add", "coding", "+review", "+deep", "--from", "10:00", "--to", "11:00",
    ]);
    env
}

/// What the shell would offer at the end of `words` (fish's protocol: one
/// candidate a line, a tab before its help).
fn offered(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let mut args = vec!["--", "otium"];
    args.extend_from_slice(words);
    let out = env.cmd(&args).env("COMPLETE", "fish").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_shell_gets_a_registration_script() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains("otium"), "{shell}: {script}");
        assert!(
            script.contains("COMPLETE"),
            "{shell} must call back into otium: {script}"
        );
    }
    // Printing completions neither needs nor creates a database.
    assert!(!env.db().exists());
    let message = env.fails(&["completions", "tcsh"], 2);
    assert!(message.contains("tcsh"), "{message}");
}

#[test]
fn completion_offers_projects_tags_verbs_and_values() {
    let env = with_history();
    assert_eq!(offered(&env, &["start", ""])[..2], ["coding", "writing"]);
    assert_eq!(
        offered(&env, &["start", "writing", "+"]),
        ["+deep", "+draft", "+review"]
    );
    assert_eq!(offered(&env, &["report", "--project", "w"]), ["writing"]);
    assert_eq!(
        offered(&env, &["edit", "1", "--add-tag", "+d"]),
        ["+deep", "+draft"]
    );
    assert_eq!(
        offered(&env, &["report", "--by", ""]),
        ["project", "tag", "day", "week", "month"]
    );
    assert_eq!(
        offered(&env, &["report", "--format", ""]),
        ["table", "md", "csv", "json", "html"]
    );
    let verbs = offered(&env, &["st"]);
    assert!(verbs.contains(&"start".to_string()) && verbs.contains(&"status".to_string()));
}

#[test]
fn completion_without_a_database_offers_no_names_and_creates_nothing() {
    let env = TestEnv::new();
    let offered = offered(&env, &["start", ""]);
    assert!(offered.iter().all(|o| o.starts_with('-')), "{offered:?}");
    assert!(!env.db().exists(), "a Tab must not create the database");
}

#[test]
fn man_prints_roff_and_writes_a_page_per_verb() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]);
    assert!(
        page.contains(".TH otium 1"),
        "{}",
        &page[..page.len().min(300)]
    );
    assert!(page.contains("start"));
    let dir = env.dir.path().join("man").join("man1");
    let listed = env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    for verb in [
        "otium",
        "otium-start",
        "otium-report",
        "otium-man",
        "otium-completions",
    ] {
        let file = dir.join(format!("{verb}.1"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(".TH"), "{verb}: {text}");
        assert!(listed.contains(&file.display().to_string()), "{listed}");
    }
    let start = std::fs::read_to_string(dir.join("otium-start.1")).unwrap();
    assert!(start.contains("\\-\\-at"), "{start}");
    assert!(!env.db().exists());
    // A file where the folder should be is refused, and left as it was.
    let file = env.dir.path().join("not-a-dir");
    std::fs::write(&file, "mine").unwrap();
    env.fails(&["man", "--dir", file.to_str().unwrap()], 3);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn paths_says_where_the_files_are_and_creates_nothing() {
    let env = TestEnv::new();
    let json = env.json(&["paths"]);
    assert_eq!(json["database"], env.db().display().to_string());
    assert_eq!(json["database_exists"], false);
    assert_eq!(
        json["config"],
        env.dir.path().join("config.toml").display().to_string()
    );
    assert_eq!(json["config_exists"], true);
    let text = env.ok(&["paths"]);
    assert!(text.contains("(not created yet)"), "{text}");
    assert!(!env.db().exists());
}

#[test]
fn help_puts_global_options_apart_and_shows_the_paths_in_use() {
    let env = TestEnv::new();
    for args in [["--help"].as_slice(), ["report", "--help"].as_slice()] {
        // Long help wraps lines: compare with runs of whitespace made one space.
        let help = env
            .ok(args)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let global = help
            .split("Global options:")
            .nth(1)
            .unwrap_or_else(|| panic!("{help}"));
        assert!(global.contains("--db"), "{help}");
        assert!(global.contains("--json"), "{help}");
        assert!(
            global.contains(&format!("[now: {}]", env.db().display())),
            "{help}"
        );
    }
    // The range options stay in the verb's own list.
    let help = env.ok(&["report", "--help"]);
    let own = help.split("Global options:").next().unwrap();
    assert!(own.contains("--last-week"), "{help}");
    assert!(!own.contains("--db"), "{help}");
}
