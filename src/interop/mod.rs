//! Files in and out: the atomic file writer and the raw session exports.

pub mod atomic;
pub mod export;
pub mod import;
