//! The import log: which file went in when, what was understood, what was added and what was
//! not, so a researcher can always answer "where did these numbers come from?".

use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

use super::schema::imports;

/// What an import found: pending (zeros) while the file streams in, then written by `finish`.
#[derive(Debug, Clone, PartialEq, Insertable, AsChangeset, Queryable, Selectable)]
#[diesel(table_name = imports)]
pub struct Counts {
    pub sha256: String,
    pub format: String,
    pub rows_read: i32,
    pub inserted: i32,
    pub duplicates: i32,
    pub skipped: i32,
    pub redactions: i32,
    /// The problems list as JSON.
    pub problems: String,
    /// The user's mapping as JSON (`{}` when everything was detected).
    pub mapping: String,
    /// The file's column names as a JSON array (the order of each response's original row).
    pub headers: String,
    /// The role each column was given, as JSON (the shape of `curva inspect --json`'s columns).
    pub roles: String,
}

impl Counts {
    fn pending() -> Self {
        Counts {
            sha256: String::new(),
            format: String::new(),
            rows_read: 0,
            inserted: 0,
            duplicates: 0,
            skipped: 0,
            redactions: 0,
            problems: "[]".into(),
            mapping: "{}".into(),
            headers: "[]".into(),
            roles: "{}".into(),
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = imports)]
struct NewImport<'a> {
    journey_id: &'a str,
    source: &'a str,
    file_name: &'a str,
    imported_at: &'a str,
    #[diesel(embed)]
    counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = imports)]
pub struct ImportRow {
    pub id: i32,
    pub journey_id: String,
    pub source: String,
    pub file_name: String,
    pub imported_at: String,
    #[diesel(embed)]
    pub counts: Counts,
}

/// Records the start of an import; its counts follow with `finish`. Returns the import id.
pub fn create(
    conn: &mut SqliteConnection,
    journey_id: &str,
    source: &str,
    file_name: &str,
    imported_at: &str,
) -> QueryResult<i32> {
    let new = NewImport {
        journey_id,
        source,
        file_name,
        imported_at,
        counts: Counts::pending(),
    };
    diesel::insert_into(imports::table)
        .values(&new)
        .returning(imports::id)
        .get_result(conn)
}

pub fn finish(conn: &mut SqliteConnection, id: i32, counts: &Counts) -> QueryResult<()> {
    diesel::update(imports::table.find(id))
        .set(counts)
        .execute(conn)
        .map(drop)
}

/// The id of a journey's latest import: it changes whenever the journey's responses do, so it
/// tells a cached report whether it is still current.
pub fn latest_for(conn: &mut SqliteConnection, journey_id: &str) -> QueryResult<Option<i32>> {
    imports::table
        .filter(imports::journey_id.eq(journey_id))
        .select(diesel::dsl::max(imports::id))
        .first(conn)
}

pub fn list(conn: &mut SqliteConnection) -> QueryResult<Vec<ImportRow>> {
    imports::table
        .order(imports::id.asc())
        .select(ImportRow::as_select())
        .load(conn)
}
