//! Fuzz target `time_duration`: runs `otium::fuzzing::duration` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/time_duration/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::duration(data));
