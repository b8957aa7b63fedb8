//! Stored journeys: the TOML definition as the user wrote it, keyed by the journey id.

use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

use super::schema::{imports, journeys, responses};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = journeys)]
pub struct JourneyRow {
    pub id: String,
    pub name: String,
    pub definition: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A journey with the counts the journey list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneySummary {
    pub id: String,
    pub name: String,
    pub definition: String,
    pub customer: i64,
    pub employee: i64,
    pub last_import: Option<String>,
}

/// Inserts the journey, or replaces its name and definition when the id exists.
pub fn upsert(
    conn: &mut SqliteConnection,
    id: &str,
    name: &str,
    definition: &str,
    now: &str,
) -> QueryResult<()> {
    diesel::insert_into(journeys::table)
        .values((
            journeys::id.eq(id),
            journeys::name.eq(name),
            journeys::definition.eq(definition),
            journeys::created_at.eq(now),
            journeys::updated_at.eq(now),
        ))
        .on_conflict(journeys::id)
        .do_update()
        .set((
            journeys::name.eq(name),
            journeys::definition.eq(definition),
            journeys::updated_at.eq(now),
        ))
        .execute(conn)
        .map(drop)
}

pub fn find(conn: &mut SqliteConnection, id: &str) -> QueryResult<Option<JourneyRow>> {
    journeys::table
        .find(id)
        .select(JourneyRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut SqliteConnection) -> QueryResult<Vec<JourneySummary>> {
    let rows: Vec<JourneyRow> = journeys::table
        .order(journeys::name.asc())
        .select(JourneyRow::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|j| {
            let count = |source: &str, conn: &mut SqliteConnection| {
                responses::table
                    .filter(responses::journey_id.eq(&j.id))
                    .filter(responses::source.eq(source))
                    .count()
                    .get_result::<i64>(conn)
            };
            let customer = count("customer", conn)?;
            let employee = count("employee", conn)?;
            let last_import = imports::table
                .filter(imports::journey_id.eq(&j.id))
                .select(diesel::dsl::max(imports::imported_at))
                .first::<Option<String>>(conn)?;
            Ok(JourneySummary {
                id: j.id,
                name: j.name,
                definition: j.definition,
                customer,
                employee,
                last_import,
            })
        })
        .collect()
}
