//! `curva import`: store a survey (and employee feedback) for a journey, atomically.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{DbArgs, shown, summary};
use crate::app;
use crate::domain::Source;
use crate::ingest::journey_file::parse_journey;
use crate::ingest::{IngestError, SurveyFile, read_survey_file};
use crate::store::{Db, OpenMode};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Journey file (TOML); stored with the responses and updated when it changes.
    #[arg(long)]
    pub journey: PathBuf,
    /// Customer survey export (CSV).
    #[arg(long)]
    pub survey: PathBuf,
    /// Employee feedback export (CSV).
    #[arg(long)]
    pub employee: Option<PathBuf>,
}

pub fn run(args: ImportArgs) -> anyhow::Result<()> {
    let definition = std::fs::read_to_string(&args.journey).map_err(|source| IngestError::Io {
        path: args.journey.clone(),
        source,
    })?;
    let journey = parse_journey(&definition).map_err(|message| IngestError::Journey {
        path: args.journey.clone(),
        message,
    })?;
    // Read and check every file before touching the database: a bad employee file must not
    // leave the survey half-imported.
    let survey = read_survey_file(&args.survey, Source::Customer)?;
    let employee = args
        .employee
        .as_deref()
        .map(|p| read_survey_file(p, Source::Employee))
        .transpose()?;
    let files: Vec<&SurveyFile> = std::iter::once(&survey).chain(employee.as_ref()).collect();
    for f in &files {
        summary::problems(f);
    }
    let url = args.db.parse()?;
    let (db, created) = Db::open(&url, OpenMode::Create)?;
    if created {
        println!("Created a new database at {}", shown(db.path()).display());
    }
    let outcomes = app::import(&db, &journey, &definition, &files).context("storing the import")?;
    for o in &outcomes {
        println!(
            "{}: {} rows read, {} new responses, {} already stored, {} not imported, {} personal data items redacted",
            o.file_name, o.rows_read, o.inserted, o.duplicates, o.skipped, o.redactions
        );
    }
    println!(
        "Journey \"{}\" stored in {}",
        journey.id,
        shown(db.path()).display()
    );
    Ok(())
}
