//! Files in and out: the atomic file writer, the raw session exports, the exports
//! back out to Timewarrior, Toggl and timeclock, and the JSON writer every JSON
//! answer goes through.

pub mod atomic;
pub mod batch_export;
mod csv_row;
pub mod export;
pub mod import;
pub mod json;
mod json_row;
pub mod peers;
