//! Storage with diesel: SQLite embedded by default, so a researcher needs no server. The
//! database functions are synchronous, take a connection and return `QueryResult`; the web
//! layer calls them inside `web::block`. Migrations are embedded and run on open.

pub mod bulk;
pub mod imports;
pub mod journeys;
pub mod responses;
pub mod schema;
mod time;
mod url;

use std::path::PathBuf;
use std::time::Duration;

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub use time::now_utc;
pub use url::{DbUrl, OpenMode};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

pub type Conn = PooledConnection<ConnectionManager<SqliteConnection>>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    BadUrl(String),
    #[error(
        "no database at {path}; check --db (or DATABASE_URL), or create one with `curva import` or `curva migrate`"
    )]
    NoDatabase { path: PathBuf },
    #[error("cannot create the database {path}: the folder {dir} does not exist")]
    NoFolder { path: PathBuf, dir: PathBuf },
    #[error("{path} is not an SQLite database Curva can open: {reason}")]
    NotADatabase { path: PathBuf, reason: String },
    #[error(
        "{path} is busy: another program (an import, most likely) is writing to it; try again when it has finished"
    )]
    Busy { path: PathBuf },
    #[error("journey \"{id}\" is not in the database; {}", known_journeys(.known))]
    JourneyNotFound { id: String, known: Vec<String> },
    #[error("cannot open the database: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("cannot migrate the database: {0}")]
    Migration(String),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// True when the user can fix it (a path, a URL, an id), so the CLI exits with 2.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::BadUrl(_)
                | StoreError::NoDatabase { .. }
                | StoreError::NoFolder { .. }
                | StoreError::NotADatabase { .. }
                | StoreError::Busy { .. }
                | StoreError::JourneyNotFound { .. }
        )
    }
}

fn known_journeys(known: &[String]) -> String {
    if known.is_empty() {
        "it holds no journey yet: store one with `curva import`".to_owned()
    } else {
        format!("it holds: {}", known.join(", "))
    }
}

/// Pragmas every connection needs: WAL so the web server can read while an import writes,
/// a busy timeout instead of instant "database is locked", and enforced foreign keys.
/// The page size only takes effect in a database not yet written: 16 KiB pages make a
/// million-row import write a fifth fewer B-tree pages than SQLite's default 4 KiB.
#[derive(Debug)]
struct Pragmas;

impl CustomizeConnection<SqliteConnection, diesel::r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut SqliteConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute(
            "PRAGMA page_size = 16384; \
             PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; \
             PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
             PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
        )
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

#[derive(Clone)]
pub struct Db {
    pool: Pool<ConnectionManager<SqliteConnection>>,
    path: PathBuf,
}

impl Db {
    /// Opens (and, with `OpenMode::Create`, creates) the database and brings its schema up to
    /// date. Returns whether the file was created, so the CLI can say where.
    pub fn open(url: &DbUrl, mode: OpenMode) -> Result<(Db, bool), StoreError> {
        let path = url.path().to_owned();
        let existed = path.exists();
        // An empty file is an SQLite database with nothing in it; a command that expects one
        // must not quietly turn someone's empty file into a database.
        if mode == OpenMode::MustExist && std::fs::metadata(&path).is_ok_and(|m| m.len() == 0) {
            return Err(StoreError::NotADatabase {
                path,
                reason: "the file is empty".into(),
            });
        }
        if !existed {
            match mode {
                OpenMode::MustExist => return Err(StoreError::NoDatabase { path }),
                OpenMode::Create => {
                    let dir = path.parent().map(PathBuf::from).unwrap_or_default();
                    if !dir.as_os_str().is_empty() && !dir.is_dir() {
                        return Err(StoreError::NoFolder { path, dir });
                    }
                }
            }
        }
        // One direct connection first: a path that is a folder, a JSON file or /dev/null must be
        // refused at once by name, not after the pool's ten-second connection timeout.
        // It waits for an import that holds the database, as every pooled connection does.
        let probe = SqliteConnection::establish(&path.to_string_lossy())
            .map_err(|e| e.to_string())
            .and_then(|mut c| {
                c.batch_execute("PRAGMA busy_timeout = 5000; SELECT count(*) FROM sqlite_master;")
                    .map_err(|e| e.to_string())
            });
        if let Err(reason) = probe {
            if reason.contains("locked") || reason.contains("busy") {
                return Err(StoreError::Busy { path });
            }
            return Err(StoreError::NotADatabase { path, reason });
        }
        let manager = ConnectionManager::<SqliteConnection>::new(path.to_string_lossy());
        // Connections are opened when needed, not eight up front: a command-line import then
        // holds the only connection, which lets it write outside the WAL (see `bulk`).
        let pool = Pool::builder()
            .max_size(8)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(10))
            .connection_customizer(Box::new(Pragmas))
            .build(manager)?;
        let db = Db { pool, path };
        db.migrate()?;
        Ok((db, !existed))
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    pub fn conn(&self) -> Result<Conn, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Runs the pending embedded migrations; returns how many ran.
    pub fn migrate(&self) -> Result<usize, StoreError> {
        let mut conn = self.conn()?;
        conn.run_pending_migrations(MIGRATIONS)
            .map(|v| v.len())
            .map_err(|e| StoreError::Migration(e.to_string()))
    }
}
