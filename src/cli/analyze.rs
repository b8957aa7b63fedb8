//! `curva analyze`: files in, report out, nothing stored.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::mapping::{MappingArgs, journey_and_mappings};
use super::{AnalysisArgs, summary};
use crate::analysis::{self, assign};
use crate::domain::Source;
use crate::ingest::{IngestError, ReadOptions, read_survey_file};
use crate::render;

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Journey file (TOML). Without it, stages are taken from the survey's stage column in the
    /// order they first appear.
    #[arg(long)]
    pub journey: Option<PathBuf>,
    /// Customer survey export (CSV, or an Excel .xlsx workbook).
    #[arg(long)]
    pub survey: PathBuf,
    /// Employee feedback export (CSV, or an Excel .xlsx workbook).
    #[arg(long)]
    pub employee: Option<PathBuf>,
    /// Folder for report.json, report.html, curve.svg, curve.png and responses.csv.
    #[arg(long)]
    pub out: PathBuf,
    /// Mapping file (TOML) for the employee export (docs/import.md).
    #[arg(long, value_name = "FILE")]
    pub employee_mapping: Option<PathBuf>,
    #[command(flatten)]
    pub mapping: MappingArgs,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<()> {
    let (journey, mappings) = journey_and_mappings(args.journey.as_deref())?;
    let survey_mapping = args.mapping.survey(mappings.survey.as_ref())?;
    let employee_mapping = args
        .mapping
        .employee(mappings.employee.as_ref(), args.employee_mapping.as_deref())?;
    let options = ReadOptions {
        keep_pii: false,
        journey: journey.as_ref(),
        mapping: Some(&survey_mapping),
        ..ReadOptions::default()
    };
    let survey = read_survey_file(&args.survey, Source::Customer, options)?;
    let options = ReadOptions {
        mapping: Some(&employee_mapping),
        ..options
    };
    summary::problems(&survey);
    let employee = args
        .employee
        .as_deref()
        .map(|p| read_survey_file(p, Source::Employee, options))
        .transpose()?;
    if let Some(e) = &employee {
        summary::problems(e);
    }
    for file in std::iter::once(&survey).chain(employee.as_ref()) {
        if file.columns.stage.is_none() {
            return Err(IngestError::no_stage_column(&file.path).into());
        }
    }
    let mut responses = survey.responses.clone();
    responses.extend(employee.iter().flat_map(|e| e.responses.iter().cloned()));
    let journey = match journey {
        Some(j) => j,
        None => {
            let id = args
                .survey
                .file_stem()
                .map_or_else(|| "journey".into(), |s| s.to_string_lossy().into_owned());
            eprintln!(
                "warning: no --journey given: stages inferred from the stage column in first-seen order; write a journey file to set the order, names and aliases"
            );
            assign::infer_journey(&id, &responses).map_err(|e| IngestError::NotASurvey {
                path: args.survey.clone(),
                message: format!("cannot infer a journey: {e}"),
            })?
        }
    };
    let analysis = analysis::analyze(&journey, &responses, &args.analysis.settings()?);
    let out = render::write_all(&args.out, &analysis)
        .with_context(|| format!("writing the report into {}", args.out.display()))?;
    summary::curve(&analysis.report);
    summary::outputs(&out);
    Ok(())
}
