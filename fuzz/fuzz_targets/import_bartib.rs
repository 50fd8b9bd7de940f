//! Fuzz target `import_bartib`: runs `otium::fuzzing::bartib` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_bartib/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::bartib(data));
