//! Fuzz target `time_range`: runs `otium::fuzzing::range` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/time_range/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::range(data));
