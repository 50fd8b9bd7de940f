//! Fuzz target `import_timeclock`: runs `otium::fuzzing::timeclock` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_timeclock/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::timeclock(data));
