//! A mistyped database path: verbs that only read refuse a missing database (naming
//! the path and how to create one) and create nothing; a verb that records creates
//! it and, outside the default location, says so once on stderr.

use std::path::Path;

use crate::env::{TestEnv, code};

/// Every verb that only reads, with arguments it would otherwise accept.
const READERS: &[&[&str]] = &[
    &["status"],
    &["status", "--format", "{project}"],
    &["log", "--all"],
    &["report", "--all"],
    &["export"],
    &["projects"],
    &["tags"],
    &["balance"],
    &["limits"],
    &["dividend", "--country", "USA"],
    &["project", "coding"],
    &["doctor"],
    &["backup"],
];

#[test]
fn read_verbs_refuse_a_missing_database_and_create_nothing() {
    let env = TestEnv::new();
    // A typo'd --db under a folder that does not exist either (a new top-level one).
    let typo = env.dir.path().join("Dokuments").join("otium.db");
    let t = typo.to_str().unwrap();
    for args in READERS {
        let mut all = vec!["--db", t];
        all.extend_from_slice(args);
        let err = env.fails(&all, code::DATABASE);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with(&format!(
                "error: no database at {t}: the file does not exist"
            )),
            "{args:?}: {err}"
        );
        assert!(err.contains("`otium start PROJECT`"), "{args:?}: {err}");
        assert!(!typo.parent().unwrap().exists(), "{args:?} made the folder");
    }
    // The same through OTIUM_DB, and with --json as the usual error object.
    let out = env.run(&["status", "--json"]);
    assert_eq!(out.status.code(), Some(code::DATABASE));
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["kind"], "database");
    assert!(!env.db().exists() && !env.db().parent().unwrap().exists());
    // Listing the built-in countries needs no database at all.
    assert!(env.ok(&["dividend", "--countries"]).contains("USA"));
    assert!(!env.db().exists());
}

#[test]
fn a_write_verb_creating_a_database_elsewhere_says_so_once() {
    let env = TestEnv::new();
    let elsewhere = env.dir.path().join("new-folder").join("work.db");
    let e = elsewhere.to_str().unwrap();
    let first = env.run(&["--db", e, "add", "coding", "--from", "9:00", "--for", "1h"]);
    assert!(first.status.success(), "{first:?}");
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "note: created a new database at {e} (not the default location); if that path was a typo, delete the file and pass the right --db\n"
        )
    );
    assert!(
        String::from_utf8(first.stdout)
            .unwrap()
            .starts_with("Added coding")
    );
    // Once: the next command finds it and says nothing.
    let second = env.run(&["--db", e, "start", "writing", "--at", "10:30"]);
    assert!(second.status.success());
    assert_eq!(String::from_utf8(second.stderr).unwrap(), "");
    // A refused write creates the file (as before) but claims nothing on stderr
    // besides its one error line.
    let other = env.dir.path().join("other.db");
    let err = env.fails(
        &["--db", other.to_str().unwrap(), "start", "bad\u{7}name"],
        code::INVALID,
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_default_location_is_created_without_a_note() {
    let env = TestEnv::new();
    let home = env.dir.path().join("home");
    let data = home.join("xdg-data");
    let run = |args: &[&str]| {
        env.cmd(args)
            .env_remove("OTIUM_DB")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", &data)
            .output()
            .unwrap()
    };
    let default_db = data.join("otium").join("otium.db");
    // Reading first: refused there too, naming the default path.
    let out = run(&["status"]);
    assert_eq!(out.status.code(), Some(code::DATABASE));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(default_db.to_str().unwrap()), "{err}");
    let out = run(&["start", "coding"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
    assert!(Path::new(&default_db).exists());
    assert!(
        String::from_utf8(run(&["status"]).stdout)
            .unwrap()
            .contains("coding")
    );
}
