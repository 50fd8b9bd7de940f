//! Fuzz target `import_otium_json`: runs `otium::fuzzing::otium_json` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_otium_json/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::otium_json(data));
