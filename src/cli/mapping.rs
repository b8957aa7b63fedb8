//! The mapping options shared by `import`, `analyze` and `inspect`: a mapping file, quick
//! `--column ROLE=HEADER` overrides and the date order. The journey file's `[mapping.survey]`
//! comes first, then the mapping file, then the flags: the last word is the user's latest.

use std::path::PathBuf;

use clap::Args;

use super::UsageError;
use crate::domain::Journey;
use crate::ingest::dates::DateOrder;
use crate::ingest::journey_file::load_journey_with_mappings;
use crate::ingest::mapping::JourneyMappings;
use crate::ingest::{IngestError, Mapping};

#[derive(Debug, Args, Default)]
pub struct MappingArgs {
    /// Mapping file (TOML) for the survey export: which column plays which role, what coded
    /// answers mean, how to read dates (docs/import.md). Wins over detection and over the
    /// journey file's [mapping.survey].
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Quick override for one column of the survey export, e.g. `--column stage=Q2`,
    /// `--column text=Q5`, `--column rating=Q4:csat:1-5`, `--column ignore=Q9`. Repeatable.
    #[arg(long = "column", value_name = "ROLE=HEADER")]
    pub columns: Vec<String>,
    /// How to read dates such as 05/03/2025 when a column's own values do not decide it:
    /// dmy (day first, the default) or mdy (month first, US exports).
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrder>,
}

/// The journey file, if one was given, and the mappings it declares.
pub fn journey_and_mappings(
    path: Option<&std::path::Path>,
) -> Result<(Option<Journey>, JourneyMappings), IngestError> {
    match path {
        Some(path) => {
            let (journey, mappings) = load_journey_with_mappings(path)?;
            Ok((Some(journey), mappings))
        }
        None => Ok((None, JourneyMappings::default())),
    }
}

impl MappingArgs {
    /// The survey export's mapping: the journey file's, then the mapping file, then the flags.
    pub fn survey(&self, from_journey: Option<&Mapping>) -> anyhow::Result<Mapping> {
        let mut mapping = from_journey.cloned().unwrap_or_default();
        if let Some(path) = &self.mapping {
            mapping = mapping.overridden_by(&Mapping::load(path)?);
        }
        let mut flags = Mapping::default();
        for flag in &self.columns {
            flags.add_flag(flag).map_err(UsageError)?;
        }
        flags.date_order = self.date_order;
        Ok(mapping.overridden_by(&flags))
    }

    /// The employee export's mapping: the journey file's `[mapping.employee]`, then `file`; the
    /// date order flag applies to both exports.
    pub fn employee(
        &self,
        from_journey: Option<&Mapping>,
        file: Option<&std::path::Path>,
    ) -> anyhow::Result<Mapping> {
        let mut mapping = from_journey.cloned().unwrap_or_default();
        if let Some(path) = file {
            mapping = mapping.overridden_by(&Mapping::load(path)?);
        }
        if self.date_order.is_some() {
            mapping.date_order = self.date_order;
        }
        Ok(mapping)
    }
}
