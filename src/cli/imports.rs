//! `curva imports`: the import log, newest last.

use clap::Args;

use super::DbArgs;
use crate::store::{Db, OpenMode, imports};

#[derive(Debug, Args)]
pub struct ImportsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Print the log as JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ImportsArgs) -> anyhow::Result<()> {
    let (db, _) = Db::open(&args.db.parse()?, OpenMode::MustExist)?;
    let mut conn = db.conn()?;
    let rows = imports::list(&mut conn)?;
    if args.json {
        for r in &rows {
            let json =
                |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap_or_default();
            let problems = json(&r.counts.problems);
            let line = serde_json::json!({
                "id": r.id, "journey": r.journey_id, "source": r.source, "file": r.file_name,
                "sha256": r.counts.sha256, "format": r.counts.format, "rows_read": r.counts.rows_read,
                "inserted": r.counts.inserted, "duplicates": r.counts.duplicates, "skipped": r.counts.skipped,
                "redactions": r.counts.redactions, "problems": problems, "imported_at": r.imported_at,
                "mapping": json(&r.counts.mapping), "headers": json(&r.counts.headers),
                "columns": json(&r.counts.roles),
            });
            println!("{line}");
        }
        return Ok(());
    }
    if rows.is_empty() {
        println!("No imports yet.");
        return Ok(());
    }
    println!(
        "{:>4}  {:<20}  {:<16}  {:<9}  {:<28}  {:>6}  {:>6}  {:>6}  {:>7}",
        "id", "when", "journey", "source", "file", "rows", "new", "stored", "skipped"
    );
    for r in rows {
        println!(
            "{:>4}  {:<20}  {:<16}  {:<9}  {:<28}  {:>6}  {:>6}  {:>6}  {:>7}",
            r.id,
            r.imported_at,
            r.journey_id,
            r.source,
            r.file_name,
            r.counts.rows_read,
            r.counts.inserted,
            r.counts.duplicates,
            r.counts.skipped
        );
    }
    Ok(())
}
