//! Fuzz target `import_watson`: runs `otium::fuzzing::watson` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_watson/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::watson(data));
