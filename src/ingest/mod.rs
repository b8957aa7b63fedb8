//! Reading what users bring: journey files (TOML) and survey exports (CSV). Everything is parsed
//! into domain types here, with every problem tied to the file and physical line it came from.

pub mod columns;
pub mod header;
pub mod journey_file;
pub mod labels;
pub mod lines;
pub mod redact;
pub mod sniff;
pub mod survey;

use std::path::PathBuf;

pub use journey_file::load_journey;
pub use survey::{
    FileInfo, Problem, ReadOptions, SurveyFile, read_survey, read_survey_file, read_survey_with,
    stream_survey,
};

/// Input a user must fix; the CLI maps every variant to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    NotASurvey { path: PathBuf, message: String },
    #[error("{path}: line {line}: {message}")]
    Malformed {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{path}: no responses (the file has a header but no data rows)")]
    NoResponses { path: PathBuf },
    #[error("{path}: {message}")]
    Journey { path: PathBuf, message: String },
}
