//! Files in and out: the atomic file writer, the raw session exports and the JSON
//! writer every JSON answer goes through.

pub mod atomic;
pub mod export;
pub mod import;
pub mod json;
