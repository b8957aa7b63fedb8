//! Use cases that join the layers: storing an import, and computing a journey's analysis from
//! the database. The CLI and the web app both call these, so they cannot drift apart.

mod import;
mod report;

pub use import::{ImportError, ImportOutcome, ImportSource, Progress, import, precheck};
pub use report::analysis_from_db;
