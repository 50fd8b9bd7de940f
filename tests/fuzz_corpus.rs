//! Replays the committed fuzz corpus on stable: every file in `fuzz/corpus/<target>/`
//! goes through the same check as the `cargo fuzz` target of that name
//! (`otium::fuzzing::TARGETS`), so a crash once found and added to the corpus stays
//! fixed. Running the fuzzers themselves needs nightly; see the README.

#![allow(clippy::expect_used)]

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use otium::fuzzing::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `dir`, sorted; panics if the folder is missing or empty, so a lost
/// corpus fails the test instead of passing with nothing checked.
fn seeds(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus {} is empty", dir.display());
    files
}

#[test]
fn every_corpus_file_passes_its_check() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (target, check) in TARGETS {
        for file in seeds(&fuzz_dir().join("corpus").join(target)) {
            let data = fs::read(&file).expect("a readable corpus file");
            count += 1;
            if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
                failures.push(format!("{target}: {}", file.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} corpus files fail (the panic messages are above):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn targets_corpus_folders_and_fuzz_target_files_match() {
    let names = |dir: &str, strip: &str| -> Vec<String> {
        let mut out: Vec<String> = fs::read_dir(fuzz_dir().join(dir))
            .expect("the fuzz folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter_map(|n| n.strip_suffix(strip).map(str::to_string))
            .collect();
        out.sort();
        out
    };
    let mut expected: Vec<String> = TARGETS.iter().map(|(n, _)| (*n).to_string()).collect();
    expected.sort();
    assert_eq!(names("fuzz_targets", ".rs"), expected);
    assert_eq!(names("corpus", ""), expected);
    let manifest = fs::read_to_string(fuzz_dir().join("Cargo.toml")).expect("fuzz/Cargo.toml");
    for name in &expected {
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "fuzz/Cargo.toml has no [[bin]] {name}"
        );
    }
}
