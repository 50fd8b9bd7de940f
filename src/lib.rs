//! otium: a terminal work-time tracker with a leisure-dividend model.
//!
//! Module map: `tracker` is the API both faces (CLI, TUI) call; `store` is the
//! only place SQL lives; `time` owns clocks, zones and parsing; `model` holds the
//! plain domain types; `setup` turns paths, clock and zone into a `Tracker`;
//! `cli` is the command-line face and `tui` the terminal UI (`main` picks one).
pub mod cli;
pub mod config;
pub mod demo;
pub mod error;
// Only for the fuzz targets and their corpus replay (`tests/fuzz_corpus.rs`, which
// gets the feature through the package's dev-dependency on itself).
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod i18n;
pub mod interop;
pub mod leisure;
pub mod limits;
pub mod model;
pub mod notify;
pub mod paths;
pub mod report;
pub mod setup;
pub(crate) mod store;
pub mod sync;
pub mod time;
pub mod tracker;
pub mod tui;

pub use error::{Error, ErrorKind, Result};
pub use tracker::SCHEMA_VERSION;
pub use tracker::Tracker;
