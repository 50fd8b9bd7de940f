//! Fuzz target `import_toggl`: runs `otium::fuzzing::toggl` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_toggl/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::toggl(data));
