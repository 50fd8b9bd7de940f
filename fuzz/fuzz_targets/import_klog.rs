//! Fuzz target `import_klog`: runs `otium::fuzzing::klog` (its doc comment lists the
//! properties checked). Corpus: `fuzz/corpus/import_klog/`, replayed on stable by
//! `tests/fuzz_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| otium::fuzzing::klog(data));
