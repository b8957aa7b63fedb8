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
    last_seen_import: i32,
    /// The physical line the response starts on, to report a repeated id.
    #[diesel(skip_insertion)]
    line: u64,
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

/// A response (read from `line`) as a row of the `responses` table, ready to insert.
pub fn prepare(r: Response, line: u64, journey_id: &str, import_id: i32) -> NewResponse {
    NewResponse {
        line,
        journey_id: journey_id.to_owned(),
        source: r.source.as_str(),
        // Serialising plain numbers, enums and strings cannot fail.
        ratings: serde_json::to_string(&r.ratings).unwrap_or_else(|_| "[]".into()),
        original: r.original.into_json(),
        response_key: r.key,
        import_id,
        last_seen_import: import_id,
        stage: r.stage,
        touchpoint: r.touchpoint,
        segment: r.segment.map(|s| s.as_str().to_owned()),
        language: r.language,
        recorded_at: r.recorded_at,
        text: r.text,
    }
}

/// What storing one batch did.
#[derive(Debug, Default)]
pub struct Stored {
    pub inserted: usize,
    /// Rows whose response id came earlier in the same import: line and id of each.
    pub repeated: Vec<(u64, String)>,
}

/// Stores one import's rows, batch after batch. The unique (journey, source, response id)
/// index decides what is new, so re-importing an overlapping export adds only new responses.
/// It also finds the ids a file repeats, with `last_seen_import` marking the stored responses
/// this import has met, so no set of the ids seen grows in memory with the file.
pub struct Writer {
    import_id: i32,
    /// The id SQLite gives the next new row: the table has no AUTOINCREMENT, so a new row's id
    /// is one above the highest, and a statement that inserts n rows uses the next n ids.
    next_id: i64,
}

impl Writer {
    pub fn new(conn: &mut SqliteConnection, import_id: i32) -> QueryResult<Writer> {
        let highest: Option<i32> = responses::table
            .select(diesel::dsl::max(responses::id))
            .first(conn)?;
        Ok(Writer {
            import_id,
            next_id: i64::from(highest.unwrap_or(0)) + 1,
        })
    }

    /// Inserts the rows not stored yet; says how many were new and which repeat an id that
    /// came earlier in this import.
    pub fn insert(
        &mut self,
        conn: &mut SqliteConnection,
        rows: &[NewResponse],
    ) -> QueryResult<Stored> {
        let mut stored = Stored::default();
        let mut chunks = rows.chunks_exact(ROWS_PER_STATEMENT);
        for chunk in &mut chunks {
            if let Ok(full) = <&[NewResponse; ROWS_PER_STATEMENT]>::try_from(chunk) {
                let n = diesel::insert_or_ignore_into(responses::table)
                    .values(full)
                    .execute(conn)?;
                self.account(conn, chunk, n, &mut stored)?;
            }
        }
        for row in chunks.remainder() {
            let n = diesel::insert_or_ignore_into(responses::table)
                .values(row)
                .execute(conn)?;
            self.account(conn, std::slice::from_ref(row), n, &mut stored)?;
        }
        Ok(stored)
    }

    /// After one statement inserted `n` of `rows`: when some were ignored, looks each row up to
    /// tell a response stored by an earlier import (met now for the first time) from an id
    /// repeated within this one.
    fn account(
        &mut self,
        conn: &mut SqliteConnection,
        rows: &[NewResponse],
        n: usize,
        stored: &mut Stored,
    ) -> QueryResult<()> {
        let first_new = self.next_id;
        self.next_id += n as i64;
        stored.inserted += n;
        if n == rows.len() {
            return Ok(());
        }
        // Within one statement rows are inserted in order, so the first row holding a new id
        // is the one stored; later rows with that id, or rows whose id an earlier statement of
        // this import stored, repeat it.
        let mut claimed = Vec::new();
        for row in rows {
            let (id, last_seen): (i32, Option<i32>) = responses::table
                .filter(responses::journey_id.eq(&row.journey_id))
                .filter(responses::source.eq(row.source))
                .filter(responses::response_key.eq(&row.response_key))
                .select((responses::id, responses::last_seen_import))
                .first(conn)?;
            if last_seen != Some(self.import_id) {
                // Stored by an earlier import, met by this one for the first time.
                diesel::update(responses::table.find(id))
                    .set(responses::last_seen_import.eq(self.import_id))
                    .execute(conn)?;
            } else if i64::from(id) >= first_new && !claimed.contains(&id) {
                claimed.push(id);
            } else {
                stored.repeated.push((row.line, row.response_key.clone()));
            }
        }
        Ok(())
    }
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
