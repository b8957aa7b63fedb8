//! The import log: which file went in when, what was understood, what was added and what was
//! not, so a researcher can always answer "where did these numbers come from?".

use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;

use super::schema::imports;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = imports)]
pub struct NewImport {
    pub journey_id: String,
    pub source: String,
    pub file_name: String,
    pub sha256: String,
    pub format: String,
    pub rows_read: i32,
    pub inserted: i32,
    pub duplicates: i32,
    pub skipped: i32,
    pub redactions: i32,
    /// The problems list as JSON.
    pub problems: String,
    pub imported_at: String,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = imports)]
pub struct ImportRow {
    pub id: i32,
    pub journey_id: String,
    pub source: String,
    pub file_name: String,
    pub sha256: String,
    pub format: String,
    pub rows_read: i32,
    pub inserted: i32,
    pub duplicates: i32,
    pub skipped: i32,
    pub redactions: i32,
    pub problems: String,
    pub imported_at: String,
}

pub fn create(conn: &mut SqliteConnection, new: &NewImport) -> QueryResult<i32> {
    diesel::insert_into(imports::table)
        .values(new)
        .returning(imports::id)
        .get_result(conn)
}

/// What an import found, written once the file has been read to the end.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = imports)]
pub struct Counts {
    pub sha256: String,
    pub format: String,
    pub rows_read: i32,
    pub inserted: i32,
    pub duplicates: i32,
    pub skipped: i32,
    pub redactions: i32,
    pub problems: String,
}

pub fn finish(conn: &mut SqliteConnection, id: i32, counts: &Counts) -> QueryResult<()> {
    diesel::update(imports::table.find(id))
        .set(counts)
        .execute(conn)
        .map(drop)
}

pub fn list(conn: &mut SqliteConnection) -> QueryResult<Vec<ImportRow>> {
    imports::table
        .order(imports::id.asc())
        .select(ImportRow::as_select())
        .load(conn)
}
