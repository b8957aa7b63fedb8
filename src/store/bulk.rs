//! Writing a large import quickly. In WAL mode every page of a transaction is written twice:
//! into the write-ahead log, then copied into the database at the checkpoint. A million-row
//! import writes about 350 MB of pages, so when no other connection has the database open
//! (a command-line import, the usual case) the import switches to SQLite's rollback journal,
//! where the new pages of a growing database are written once and need no journal at all.
//! When a server or another command holds the database, SQLite refuses the switch at once and
//! the import stays in WAL mode, so readers keep reading while it runs. Both modes commit or
//! roll back the whole import atomically.

use diesel::connection::SimpleConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{QueryableByName, RunQueryDsl, sql_query, sql_types::Text};

#[derive(QueryableByName)]
struct JournalMode {
    #[diesel(sql_type = Text)]
    journal_mode: String,
}

fn set_journal_mode(conn: &mut SqliteConnection, mode: &str) -> Option<String> {
    sql_query(format!("PRAGMA journal_mode = {mode}"))
        .get_result::<JournalMode>(conn)
        .ok()
        .map(|m| m.journal_mode.to_ascii_lowercase())
}

/// How the import writes: straight into the database file, or through the WAL because
/// another connection has the database open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    Direct,
    Wal,
}

/// Leaves WAL mode if this is the only connection; returns the mode the import will use.
/// Call `end` afterwards (also after a failed import) to go back to WAL.
pub fn begin(conn: &mut SqliteConnection) -> WriteMode {
    match set_journal_mode(conn, "DELETE").as_deref() {
        Some("delete") => WriteMode::Direct,
        _ => WriteMode::Wal,
    }
}

/// Puts the database back in WAL mode, which every other connection expects.
pub fn end(conn: &mut SqliteConnection, mode: WriteMode) -> diesel::QueryResult<()> {
    if mode == WriteMode::Direct {
        conn.batch_execute("PRAGMA journal_mode = WAL")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use diesel::Connection;

    use super::*;

    fn journal_mode(conn: &mut SqliteConnection) -> String {
        sql_query("PRAGMA journal_mode")
            .get_result::<JournalMode>(conn)
            .map(|m| m.journal_mode)
            .unwrap_or_default()
    }

    fn open(path: &std::path::Path) -> SqliteConnection {
        let mut conn =
            SqliteConnection::establish(&path.to_string_lossy()).unwrap_or_else(|e| panic!("{e}"));
        conn.batch_execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;")
            .unwrap_or_else(|e| panic!("{e}"));
        conn
    }

    #[test]
    fn writes_directly_only_when_alone_and_always_returns_to_wal() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("t.db");
        let mut importer = open(&path);
        importer
            .batch_execute("CREATE TABLE t (x INTEGER)")
            .unwrap_or_else(|e| panic!("{e}"));

        // A reader (a running server) holds the database: the import must stay in WAL mode.
        let mut reader = open(&path);
        reader
            .batch_execute("SELECT count(*) FROM t")
            .unwrap_or_else(|e| panic!("{e}"));
        let mode = begin(&mut importer);
        assert_eq!(mode, WriteMode::Wal);
        assert_eq!(journal_mode(&mut importer), "wal");
        end(&mut importer, mode).unwrap_or_else(|e| panic!("{e}"));
        drop(reader);

        let mode = begin(&mut importer);
        assert_eq!(mode, WriteMode::Direct);
        assert_eq!(journal_mode(&mut importer), "delete");
        end(&mut importer, mode).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(journal_mode(&mut importer), "wal");
    }
}
