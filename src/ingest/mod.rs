//! Reading what users bring: journey files (TOML) and survey exports (CSV). Everything is parsed
//! into domain types here, with every problem tied to the file and physical line it came from.

pub mod columns;
pub mod dates;
pub mod grouping;
pub mod header;
pub mod journey_file;
pub mod labels;
pub mod lines;
pub mod mapping;
pub mod redact;
pub mod sheet;
pub mod sniff;
pub mod survey;

use std::path::PathBuf;

pub use journey_file::load_journey;
pub use mapping::Mapping;
pub use survey::{
    FileInfo, Problem, ReadOptions, RepeatedIds, SurveyFile, read_survey, read_survey_file,
    read_survey_with, stream_survey,
};

/// Input a user must fix; the CLI maps every variant to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {path}")]
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

impl IngestError {
    /// Without a stage column no response can be placed on the journey: better a clear error
    /// than a map that is empty and looks like "nothing hurts".
    pub fn no_stage_column(path: &std::path::Path) -> IngestError {
        IngestError::NotASurvey {
            path: path.to_owned(),
            message: "no stage column found: no header names one (Stage, Etapa, Fase, Phase) and no column's values name the journey's stages. Name it with `--column stage=HEADER` (or `stage = \"HEADER\"` in a mapping file); if it holds codes such as 1..5, say what each means under [values.stage] (docs/import.md); or add its values as stage aliases in the journey file. `curva inspect FILE --journey J.toml` shows the columns".into(),
        }
    }
}
