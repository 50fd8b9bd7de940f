//! Fuzz target `import_kimai`: runs `otium::fuzzing::kimai` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_kimai/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::kimai(data));
