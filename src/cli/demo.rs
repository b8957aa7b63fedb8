//! `curva demo`: the whole job on the bundled demo data, in one command: import into a fresh
//! SQLite file, then write the report from the database.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{shown, summary};
use crate::analysis::Settings;
use crate::app::{self, ImportSource};
use crate::demo;
use crate::domain::Source;
use crate::ingest::ReadOptions;
use crate::ingest::journey_file::parse_journey;
use crate::render;
use crate::store::{Db, DbUrl, OpenMode};

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Folder for the demo database (curva.db) and report (report/).
    #[arg(long, default_value = "curva-demo")]
    pub out: PathBuf,
}

pub fn run(args: DemoArgs) -> anyhow::Result<()> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let journey = parse_journey(demo::JOURNEY)
        .map_err(|e| anyhow::anyhow!("the bundled demo journey: {e}"))?;
    let embedded = |name: &str, source, text: &'static str| ImportSource {
        path: PathBuf::from(format!("data/demo/{name}")),
        source,
        bytes: Some(text.as_bytes()),
        mapping: None,
    };
    let files = [
        embedded("survey.csv", Source::Customer, demo::SURVEY),
        embedded("employee.csv", Source::Employee, demo::EMPLOYEE),
    ];
    let db_path = args.out.join("curva.db");
    let (db, _) = Db::open(&DbUrl::parse(&db_path.to_string_lossy())?, OpenMode::Create)?;
    let outcomes = app::import(
        &db,
        &journey,
        demo::JOURNEY,
        &files,
        ReadOptions::default(),
        &mut |_| {},
    )?;
    for o in &outcomes {
        println!(
            "Imported {}: {} rows read, {} new, {} already stored, {} not imported",
            o.file_name,
            o.info.rows_read,
            o.inserted,
            o.duplicates,
            o.info.skipped()
        );
    }
    let mut conn = db.conn()?;
    let analysis = app::analysis_from_db(&mut conn, &journey.id, &Settings::default())?;
    let out = render::write_all(&args.out.join("report"), &analysis)?;
    summary::curve(&analysis.report);
    summary::outputs(&out);
    println!("Database: {}", shown(db.path()).display());
    println!(
        "Browse it: curva serve --db sqlite://{}",
        shown(db.path()).display()
    );
    Ok(())
}
