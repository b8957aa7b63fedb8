//! Stored responses. A response is keyed by (journey, source, response id), so importing the
//! same or an overlapping export again adds only the responses not yet stored.

use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

use super::schema::responses;
use crate::domain::response::OriginalRow;
use crate::domain::{Rating, Response, Segment, Source};

#[derive(Debug, Insertable)]
#[diesel(table_name = responses)]
// NULL for a missing value (not SQL DEFAULT), which is also what lets SQLite take a batch.
#[diesel(treat_none_as_default_value = false)]
// Owned values: a statement of owned rows has a type diesel can key its statement cache on.
// Built by `prepare` on the reading thread, so the database thread only binds and steps.
pub struct NewResponse {
    journey_id: String,
    source: &'static str,
    response_key: String,
    import_id: i32,
    stage: Option<String>,
    touchpoint: Option<String>,
    segment: Option<String>,
    language: Option<String>,
    recorded_at: Option<String>,
    text: Option<String>,
    ratings: String,
    original: Option<String>,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = responses)]
struct ResponseRow {
    source: String,
    response_key: String,
    stage: Option<String>,
    touchpoint: Option<String>,
    segment: Option<String>,
    language: Option<String>,
    recorded_at: Option<String>,
    text: Option<String>,
    ratings: String,
}

/// Rows per statement. A fixed size lets diesel prepare the statement once and reuse it
/// (SQLite re-parsing a statement per batch, or stepping one statement per row, costs more
/// than the insert itself); 12 parameters a row stays far under SQLite's limit.
const ROWS_PER_STATEMENT: usize = 50;

/// A response as a row of the `responses` table, ready to insert.
pub fn prepare(r: Response, journey_id: &str, import_id: i32) -> NewResponse {
    NewResponse {
        journey_id: journey_id.to_owned(),
        source: r.source.as_str(),
        // Serialising plain numbers, enums and strings cannot fail.
        ratings: serde_json::to_string(&r.ratings).unwrap_or_else(|_| "[]".into()),
        original: r.original.json().map(str::to_owned),
        response_key: r.key,
        import_id,
        stage: r.stage,
        touchpoint: r.touchpoint,
        segment: r.segment.map(|s| s.as_str().to_owned()),
        language: r.language,
        recorded_at: r.recorded_at,
        text: r.text,
    }
}

/// Inserts the rows not stored yet (by journey, source and response id); returns how many
/// were new.
pub fn insert_new(conn: &mut SqliteConnection, rows: &[NewResponse]) -> QueryResult<usize> {
    let mut inserted = 0;
    let mut chunks = rows.chunks_exact(ROWS_PER_STATEMENT);
    for chunk in &mut chunks {
        if let Ok(full) = <&[NewResponse; ROWS_PER_STATEMENT]>::try_from(chunk) {
            inserted += diesel::insert_or_ignore_into(responses::table)
                .values(full)
                .execute(conn)?;
        }
    }
    for row in chunks.remainder() {
        inserted += diesel::insert_or_ignore_into(responses::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(inserted)
}

/// Each stored response's original row (by response id), aligned with its import's `headers`;
/// responses stored before rows were kept have none.
pub fn originals(
    conn: &mut SqliteConnection,
    journey_id: &str,
) -> QueryResult<Vec<(String, Vec<Vec<String>>)>> {
    let rows: Vec<(String, Option<String>)> = responses::table
        .filter(responses::journey_id.eq(journey_id))
        .order(responses::id.asc())
        .select((responses::response_key, responses::original))
        .load(conn)?;
    rows.into_iter()
        .map(|(key, original)| {
            let rows = OriginalRow::from_json(original.unwrap_or_default())
                .rows()
                .map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)))?;
            Ok((key, rows))
        })
        .collect()
}

/// Every response of a journey, in the order it was imported (the order `analyze` sees a file
/// in), so a report from the database equals one from the files.
pub fn load(conn: &mut SqliteConnection, journey_id: &str) -> QueryResult<Vec<Response>> {
    let rows: Vec<ResponseRow> = responses::table
        .filter(responses::journey_id.eq(journey_id))
        .order(responses::id.asc())
        .select(ResponseRow::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            let corrupt = |what: String| diesel::result::Error::DeserializationError(what.into());
            let source = Source::parse(&r.source)
                .ok_or_else(|| corrupt(format!("unknown source \"{}\"", r.source)))?;
            let ratings: Vec<Rating> = serde_json::from_str(&r.ratings)
                .map_err(|e| corrupt(format!("ratings of {}: {e}", r.response_key)))?;
            Ok(Response {
                key: r.response_key,
                source,
                stage: r.stage,
                touchpoint: r.touchpoint,
                segment: r.segment.as_deref().map(Segment::new),
                language: r.language,
                recorded_at: r.recorded_at,
                text: r.text,
                ratings,
                original: Default::default(),
            })
        })
        .collect()
}
