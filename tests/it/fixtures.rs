//! Helpers shared by the integration tests: running the binary, demo files on disk, and small
//! exports written the way survey tools write them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the run was refused as bad input: exit code 2, every `needle` in the message, and
    /// no panic.
    pub fn assert_bad_input(&self, needles: &[&str]) {
        assert_eq!(self.code, 2, "expected exit 2: {}", self.stderr);
        for n in needles {
            assert!(self.stderr.contains(n), "missing {n:?} in: {}", self.stderr);
        }
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }
}

/// Runs the real `curva` binary in `dir` with no DATABASE_URL from the environment.
pub fn curva(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_curva"))
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run curva");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The SQLite database `name` in `dir`, which must exist.
pub fn open_db(dir: &Path, name: &str) -> curva::store::Db {
    let url = format!("sqlite://{}", dir.join(name).display());
    let url = curva::store::DbUrl::parse(&url).unwrap();
    curva::store::Db::open(&url, curva::store::OpenMode::MustExist)
        .unwrap()
        .0
}

/// A temporary folder holding the demo journey, survey and employee files.
pub struct DemoDir {
    pub dir: TempDir,
}

impl DemoDir {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo");
        for f in ["journey.toml", "survey.csv", "employee.csv"] {
            std::fs::copy(demo.join(f), dir.path().join(f)).unwrap();
        }
        DemoDir { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.file(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub fn analyze(&self, out: &str) -> Run {
        curva(
            self.path(),
            &[
                "analyze",
                "--journey",
                "journey.toml",
                "--survey",
                "survey.csv",
                "--employee",
                "employee.csv",
                "--out",
                out,
            ],
        )
    }

    pub fn import(&self, db: &str) -> Run {
        curva(
            self.path(),
            &[
                "import",
                "--db",
                db,
                "--journey",
                "journey.toml",
                "--survey",
                "survey.csv",
                "--employee",
                "employee.csv",
            ],
        )
    }

    pub fn json(&self, path: &str) -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(self.file(path)).unwrap()).unwrap()
    }
}

/// A small Spanish journey with two stages.
pub const SMALL_JOURNEY: &str = r#"
id = "tienda"
name = "Tienda"
[[stages]]
id = "compra"
name = "Compra"
  [[stages.touchpoints]]
  id = "web"
  channel = "web"
[[stages]]
id = "entrega"
name = "Entrega"
aliases = ["Envío"]
"#;
