//! Fuzz target `import_timewarrior`: runs `otium::fuzzing::timewarrior` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_timewarrior/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::timewarrior(data));
