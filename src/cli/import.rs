//! `curva import`: store a survey (and employee feedback) for a journey, atomically.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::mapping::MappingArgs;
use super::{DbArgs, shown, summary};
use crate::app::{self, ImportSource};
use crate::domain::Source;
use crate::ingest::journey_file::parse_journey_with_mappings;
use crate::ingest::{IngestError, ReadOptions};
use crate::store::{Db, OpenMode};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Journey file (TOML); stored with the responses and updated when it changes.
    #[arg(long)]
    pub journey: PathBuf,
    /// Customer survey export (CSV, or an Excel .xlsx workbook).
    #[arg(long)]
    pub survey: PathBuf,
    /// Employee feedback export (CSV, or an Excel .xlsx workbook).
    #[arg(long)]
    pub employee: Option<PathBuf>,
    /// Store comments as written, without redacting e-mails, phone numbers, IDs, IBANs and
    /// card numbers. Only for data that has been anonymised already.
    #[arg(long)]
    pub keep_pii: bool,
    /// Mapping file (TOML) for the employee export (docs/import.md).
    #[arg(long, value_name = "FILE")]
    pub employee_mapping: Option<PathBuf>,
    #[command(flatten)]
    pub mapping: MappingArgs,
}

pub fn run(args: ImportArgs) -> anyhow::Result<()> {
    let definition = std::fs::read_to_string(&args.journey).map_err(|source| IngestError::Io {
        path: args.journey.clone(),
        source,
    })?;
    let (journey, mappings) =
        parse_journey_with_mappings(&definition).map_err(|message| IngestError::Journey {
            path: args.journey.clone(),
            message,
        })?;
    let mut files = vec![ImportSource::file(args.survey.clone(), Source::Customer)];
    files.extend(
        args.employee
            .clone()
            .map(|p| ImportSource::file(p, Source::Employee)),
    );
    // A file that is not an export at all is refused before the database is touched.
    app::precheck(&files)?;
    let survey_mapping = args.mapping.survey(mappings.survey.as_ref())?;
    let employee_mapping = args
        .mapping
        .employee(mappings.employee.as_ref(), args.employee_mapping.as_deref())?;
    let url = args.db.parse()?;
    let (db, created) = Db::open(&url, OpenMode::Create)?;
    let options = ReadOptions {
        keep_pii: args.keep_pii,
        journey: Some(&journey),
        mapping: None,
        ..ReadOptions::default()
    };
    for file in &mut files {
        file.mapping = Some(match file.source {
            Source::Customer => survey_mapping.clone(),
            Source::Employee => employee_mapping.clone(),
        });
    }
    let outcome = app::import(
        &db,
        &journey,
        &definition,
        &files,
        options,
        &mut summary::progress(),
    );
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
    let outcomes = match outcome {
        Ok(outcomes) => outcomes,
        Err(e) => {
            // A database this run created holds nothing: it is removed rather than left
            // behind to be mistaken for an import.
            if created {
                let path = db.path().to_owned();
                drop(db);
                remove_database(&path);
            }
            return Err(e).context("nothing was stored");
        }
    };
    if created {
        println!("Created a new database at {}", shown(db.path()).display());
    }
    for o in &outcomes {
        summary::problems(&o.info);
        println!(
            "{}: {} rows read, {} new responses, {} already stored, {} not imported, {} personal data items redacted",
            o.file_name,
            o.info.rows_read,
            o.inserted,
            o.duplicates,
            o.info.skipped(),
            o.info.redactions
        );
    }
    println!(
        "Journey \"{}\" stored in {}",
        journey.id,
        shown(db.path()).display()
    );
    Ok(())
}

/// Removes an SQLite database file and the journal files beside it.
fn remove_database(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let _ = std::fs::remove_file(file);
    }
}
