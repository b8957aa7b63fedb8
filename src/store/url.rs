//! Database URLs: `sqlite://curva.db`, `sqlite:///abs/path.db`, `sqlite:file.db` or a plain path.
//! The path is made absolute at once, so every message can say exactly which file is meant.

use std::path::{Path, PathBuf};

use super::StoreError;

/// Whether opening may create a new database file. Reading commands (`report`, `serve`) must
/// not: a mistyped path would otherwise show an empty database instead of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    Create,
    MustExist,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbUrl {
    path: PathBuf,
}

impl DbUrl {
    pub fn parse(raw: &str) -> Result<DbUrl, StoreError> {
        let raw = raw.trim();
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Err(StoreError::BadUrl(
                "PostgreSQL is not supported yet; use an SQLite URL such as sqlite://curva.db"
                    .into(),
            ));
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
            .unwrap_or(raw);
        if path.is_empty() || path == ":memory:" {
            return Err(StoreError::BadUrl(format!(
                "\"{raw}\" names no database file; use e.g. sqlite://curva.db"
            )));
        }
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(StoreError::BadUrl(format!(
                "unsupported database URL scheme \"{scheme}\"; use sqlite://FILE"
            )));
        }
        let path = Path::new(path);
        let absolute = if path.is_absolute() {
            path.to_owned()
        } else {
            std::env::current_dir()
                .map(|d| d.join(path))
                .unwrap_or_else(|_| path.to_owned())
        };
        Ok(DbUrl { path: absolute })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_sqlite_spellings() {
        let p = |s| DbUrl::parse(s).map(|u| u.path().to_owned()).ok();
        assert_eq!(p("sqlite:///tmp/a.db"), Some(PathBuf::from("/tmp/a.db")));
        assert_eq!(p("/tmp/b.db"), Some(PathBuf::from("/tmp/b.db")));
        assert!(p("sqlite://rel.db").is_some_and(|p| p.is_absolute() && p.ends_with("rel.db")));
    }

    #[test]
    fn refuses_what_it_cannot_open() {
        assert!(DbUrl::parse("postgres://h/db").is_err());
        assert!(DbUrl::parse("sqlite://").is_err());
        assert!(DbUrl::parse("mysql://h/db").is_err());
    }
}
