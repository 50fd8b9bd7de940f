//! Fuzz target `import_toggl_api`: runs `otium::fuzzing::toggl_api` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_toggl_api/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::toggl_api(data));
