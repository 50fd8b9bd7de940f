//! Fuzz target `import_otium_csv`: runs `otium::fuzzing::otium_csv` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_otium_csv/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::otium_csv(data));
