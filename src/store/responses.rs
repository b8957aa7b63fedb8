//! Stored responses. A response is keyed by (journey, source, response id), so importing the
//! same or an overlapping export again adds only the responses not yet stored.

use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

use super::schema::responses;
use crate::domain::{Rating, Response, Segment, Source};

#[derive(Debug, Insertable)]
#[diesel(table_name = responses)]
// NULL for a missing value (not SQL DEFAULT), which is also what lets SQLite take a batch.
#[diesel(treat_none_as_default_value = false)]
struct NewResponse<'a> {
    journey_id: &'a str,
    source: &'a str,
    response_key: &'a str,
    import_id: i32,
    stage: Option<&'a str>,
    touchpoint: Option<&'a str>,
    segment: Option<&'a str>,
    language: Option<&'a str>,
    recorded_at: Option<&'a str>,
    text: Option<&'a str>,
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

/// SQLite allows 32766 bound parameters per statement; 12 per row leaves room for 2000 rows.
const CHUNK: usize = 2_000;

/// Inserts the responses not stored yet; returns how many were new.
pub fn insert_new(
    conn: &mut SqliteConnection,
    journey_id: &str,
    import_id: i32,
    batch: &[Response],
) -> QueryResult<usize> {
    let mut inserted = 0;
    for chunk in batch.chunks(CHUNK) {
        let rows: Vec<NewResponse> = chunk
            .iter()
            .map(|r| NewResponse {
                journey_id,
                source: r.source.as_str(),
                response_key: &r.key,
                import_id,
                stage: r.stage.as_deref(),
                touchpoint: r.touchpoint.as_deref(),
                segment: r.segment.as_ref().map(Segment::as_str),
                language: r.language.as_deref(),
                recorded_at: r.recorded_at.as_deref(),
                text: r.text.as_deref(),
                // Serialising plain numbers and enums cannot fail.
                ratings: serde_json::to_string(&r.ratings).unwrap_or_else(|_| "[]".into()),
                original: (!r.original.is_empty())
                    .then(|| serde_json::to_string(&r.original).unwrap_or_default()),
            })
            .collect();
        inserted += diesel::insert_into(responses::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .execute(conn)?;
    }
    Ok(inserted)
}

/// Each stored response's original row (by response id), aligned with its import's `headers`;
/// responses stored before rows were kept have none.
pub fn originals(
    conn: &mut SqliteConnection,
    journey_id: &str,
) -> QueryResult<Vec<(String, Option<Vec<String>>)>> {
    let rows: Vec<(String, Option<String>)> = responses::table
        .filter(responses::journey_id.eq(journey_id))
        .order(responses::id.asc())
        .select((responses::response_key, responses::original))
        .load(conn)?;
    rows.into_iter()
        .map(|(key, original)| {
            let row = original
                .map(|o| serde_json::from_str(&o))
                .transpose()
                .map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)))?;
            Ok((key, row))
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
                original: Vec::new(),
            })
        })
        .collect()
}
