//! Fuzz target `import_clockify`: runs `otium::fuzzing::clockify` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_clockify/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::clockify(data));
