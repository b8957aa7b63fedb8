//! Storing one import run (a journey file and one or more exports) atomically: either every
//! file's new responses and its import record are stored, or nothing is.

use diesel::Connection;

use crate::domain::Journey;
use crate::ingest::survey::{Severity, SurveyFile};
use crate::store::{Db, StoreError, imports, journeys, now_utc, responses};

/// What one file added.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub import_id: i32,
    pub file_name: String,
    pub rows_read: u64,
    pub inserted: usize,
    /// Responses already stored by an earlier import.
    pub duplicates: usize,
    /// Rows that were not imported (reported in the problems list).
    pub skipped: usize,
    pub redactions: usize,
}

fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

pub fn import(
    db: &Db,
    journey: &Journey,
    definition: &str,
    files: &[&SurveyFile],
) -> Result<Vec<ImportOutcome>, StoreError> {
    let mut conn = db.conn()?;
    let now = now_utc();
    conn.transaction::<_, StoreError, _>(|conn| {
        journeys::upsert(conn, &journey.id, &journey.name, definition, &now)?;
        let mut outcomes = Vec::with_capacity(files.len());
        for file in files {
            let skipped = file
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Skipped)
                .count();
            let problems = serde_json::to_string(&file.problems)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let file_name = file.path.file_name().map_or_else(
                || file.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let import_id = imports::create(
                conn,
                &imports::NewImport {
                    journey_id: journey.id.clone(),
                    source: file.source().as_str().to_owned(),
                    file_name: file_name.clone(),
                    sha256: file.sha256.clone(),
                    format: file.format_name(),
                    rows_read: i32::try_from(file.rows_read).unwrap_or(i32::MAX),
                    inserted: 0,
                    duplicates: 0,
                    skipped: to_i32(skipped),
                    redactions: to_i32(file.redactions),
                    problems,
                    imported_at: now.clone(),
                },
            )?;
            let inserted = responses::insert_new(conn, &journey.id, import_id, &file.responses)?;
            let duplicates = file.responses.len() - inserted;
            imports::set_counts(conn, import_id, to_i32(inserted), to_i32(duplicates))?;
            outcomes.push(ImportOutcome {
                import_id,
                file_name,
                rows_read: file.rows_read,
                inserted,
                duplicates,
                skipped,
                redactions: file.redactions,
            });
        }
        Ok(outcomes)
    })
}
