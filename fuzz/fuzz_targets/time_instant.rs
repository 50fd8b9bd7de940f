//! Fuzz target `time_instant`: runs `otium::fuzzing::instant` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/time_instant/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::instant(data));
