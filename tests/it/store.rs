//! `import` and `report` against a real SQLite file: re-imports add nothing, the report from the
//! database equals `analyze`, and a failed import stores nothing.

use crate::fixtures::{DemoDir, SMALL_JOURNEY, curva, open_db};

#[test]
fn importing_twice_adds_nothing() {
    let d = DemoDir::new();
    let first = d.import("sqlite://curva.db");
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("Created a new database at"),
        "{}",
        first.stdout
    );
    assert!(
        first.stdout.contains("2400 new responses"),
        "{}",
        first.stdout
    );
    let second = d.import("sqlite://curva.db");
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second
            .stdout
            .contains("survey.csv: 2400 rows read, 0 new responses, 2400 already stored"),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stdout
            .contains("employee.csv: 240 rows read, 0 new responses, 240 already stored"),
        "{}",
        second.stdout
    );

    let log = curva(
        d.path(),
        &["imports", "--db", "sqlite://curva.db", "--json"],
    );
    assert_eq!(log.code, 0, "{}", log.stderr);
    let lines: Vec<serde_json::Value> = log
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "two runs of two files");
    assert_eq!(lines[0]["inserted"], 2400);
    assert_eq!(lines[2]["inserted"], 0);
    assert_eq!(lines[2]["duplicates"], 2400);
    assert_eq!(lines[0]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn an_overlapping_export_adds_only_new_rows() {
    let d = DemoDir::new();
    let lines: Vec<&str> = curva::demo::SURVEY.lines().collect();
    d.write("survey.csv", format!("{}\n", lines[..1001].join("\n")));
    assert_eq!(d.import("sqlite://c.db").code, 0);
    // The next export repeats rows 501-1000 and adds 1001-1500.
    d.write(
        "survey.csv",
        format!("{}\n{}\n", lines[0], lines[501..1501].join("\n")),
    );
    let run = d.import("sqlite://c.db");
    assert!(
        run.stdout
            .contains("1000 rows read, 500 new responses, 500 already stored"),
        "{}",
        run.stdout
    );
}

#[test]
fn report_from_the_database_equals_analyze() {
    let d = DemoDir::new();
    assert_eq!(d.analyze("direct").code, 0);
    assert_eq!(d.import("sqlite://curva.db").code, 0);
    let run = curva(
        d.path(),
        &[
            "report",
            "--db",
            "sqlite://curva.db",
            "--journey",
            "online-shop",
            "--out",
            "stored",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for f in ["report.json", "responses.csv", "curve.svg", "report.html"] {
        let a = std::fs::read_to_string(d.file(&format!("direct/{f}"))).unwrap();
        let b = std::fs::read_to_string(d.file(&format!("stored/{f}"))).unwrap();
        assert!(a == b, "{f} differs between analyze and report");
    }
}

/// An import alone writes outside the WAL for speed; with a server holding the database it
/// must still commit, through the WAL, and a database must always be left in WAL mode.
#[test]
fn an_import_commits_whether_or_not_another_program_holds_the_database() {
    use diesel::RunQueryDsl;
    use diesel::connection::SimpleConnection;

    #[derive(diesel::QueryableByName)]
    struct Mode {
        #[diesel(sql_type = diesel::sql_types::Text)]
        journal_mode: String,
    }
    let d = DemoDir::new();
    let lines: Vec<&str> = curva::demo::SURVEY.lines().collect();
    d.write("survey.csv", format!("{}\n", lines[..1001].join("\n")));
    assert_eq!(d.import("sqlite://c.db").code, 0);

    let db = open_db(d.path(), "c.db");
    let mut held = db.conn().unwrap();
    held.batch_execute("SELECT count(*) FROM responses")
        .unwrap();
    d.write("survey.csv", format!("{}\n", lines.join("\n")));
    let run = d.import("sqlite://c.db");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1400 new responses"), "{}", run.stdout);
    let mode = diesel::sql_query("PRAGMA journal_mode")
        .get_result::<Mode>(&mut held)
        .unwrap();
    assert_eq!(mode.journal_mode, "wal");
    drop(held);
    drop(db);

    d.write("survey.csv", format!("{}\n", lines[..1001].join("\n")));
    let again = d.import("sqlite://c.db");
    assert!(
        again
            .stdout
            .contains("0 new responses, 1000 already stored"),
        "{}",
        again.stdout
    );
    let db = open_db(d.path(), "c.db");
    let mode = diesel::sql_query("PRAGMA journal_mode")
        .get_result::<Mode>(&mut db.conn().unwrap())
        .unwrap();
    assert_eq!(mode.journal_mode, "wal");
}

/// Ids a file repeats are found by the database's unique index while importing (no set of ids
/// grows in memory): within one statement, across statements and across batches, each repeat
/// reported by its line, exactly as `inspect` reports it.
#[test]
fn ids_repeated_within_a_file_are_reported_by_line_when_importing() {
    let d = DemoDir::new();
    let lines: Vec<&str> = curva::demo::SURVEY.lines().collect();
    let mut file: Vec<&str> = lines[..2301].to_vec(); // header + 2300 rows (two batches)
    file.push(lines[6]); // line 2302: repeats a row of the first statement
    file.push(lines[2300]); // line 2303: repeats the row just before it, in the same batch
    file.extend(&lines[2301..]); // 100 more new rows, lines 2304 to 2403
    file.push(lines[2350]); // a row repeated right after its first appearance
    d.write("survey.csv", format!("{}\n", file.join("\n")));

    let inspect = curva(d.path(), &["inspect", "survey.csv", "--json"]);
    let inspected: serde_json::Value = serde_json::from_str(&inspect.stdout).unwrap();
    let problem_lines = |problems: &serde_json::Value| -> Vec<u64> {
        problems
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] == "duplicate_id")
            .map(|p| p["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(problem_lines(&inspected["problems"]), [2302, 2303, 2404]);

    let run = d.import("sqlite://c.db");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "survey.csv: 2403 rows read, 2400 new responses, 0 already stored, 3 not imported"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("line 2302: response id"),
        "{}",
        run.stderr
    );
    let log = curva(d.path(), &["imports", "--db", "sqlite://c.db", "--json"]);
    let first: serde_json::Value =
        serde_json::from_str(log.stdout.lines().next().unwrap()).unwrap();
    let problems: serde_json::Value = match &first["problems"] {
        serde_json::Value::String(s) => serde_json::from_str(s).unwrap(),
        other => other.clone(),
    };
    assert_eq!(problem_lines(&problems), [2302, 2303, 2404]);
    assert_eq!(first["skipped"], 3);
}

/// A refused mapping leaves no new, empty database behind to be mistaken for an import.
#[test]
fn a_refused_import_leaves_no_new_database() {
    let d = DemoDir::new();
    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://new.db",
            "--journey",
            "journey.toml",
            "--survey",
            "survey.csv",
            "--column",
            "stage=Nope",
        ],
    );
    run.assert_bad_input(&["\"Nope\"", "nothing was stored"]);
    assert!(
        !run.stdout.contains("Created a new database"),
        "{}",
        run.stdout
    );
    assert!(!d.file("new.db").exists());
    assert!(!d.file("new.db-wal").exists());
}

#[test]
fn a_failed_import_stores_nothing() {
    let d = DemoDir::new();
    d.write("employee.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let run = d.import("sqlite://curva.db");
    run.assert_bad_input(&["employee.csv", "PNG"]);
    assert!(
        !d.file("curva.db").exists(),
        "the database must not even be created"
    );

    // With an existing database, the good survey must not be stored without the employee file.
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/employee.csv"),
        d.file("employee.csv"),
    )
    .unwrap();
    assert_eq!(
        curva(d.path(), &["migrate", "--db", "sqlite://curva.db"]).code,
        0
    );
    d.write("journey2.toml", SMALL_JOURNEY);
    d.write("bad.csv", "id,Etapa,Comentario\n1,Compra,\"sin cerrar\n");
    d.write("empty.csv", "");
    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://curva.db",
            "--journey",
            "journey2.toml",
            "--survey",
            "bad.csv",
            "--employee",
            "empty.csv",
        ],
    );
    assert_eq!(run.code, 2);
    let log = curva(
        d.path(),
        &["imports", "--db", "sqlite://curva.db", "--json"],
    );
    assert_eq!(log.stdout.trim(), "", "no import recorded");
}

#[test]
fn report_and_serve_refuse_a_database_that_does_not_exist() {
    let d = DemoDir::new();
    let run = curva(
        d.path(),
        &[
            "report",
            "--db",
            "sqlite://typo.db",
            "--journey",
            "online-shop",
            "--out",
            "o",
        ],
    );
    run.assert_bad_input(&["no database at", "typo.db"]);
    assert!(
        !d.file("typo.db").exists(),
        "a mistyped path must not create a database"
    );
    let run = curva(d.path(), &["serve", "--db", "sqlite://typo.db"]);
    assert_eq!(run.code, 2);
    assert!(!d.file("typo.db").exists());
}

#[test]
fn an_unknown_journey_id_is_a_clear_error() {
    let d = DemoDir::new();
    assert_eq!(d.import("sqlite://curva.db").code, 0);
    let run = curva(
        d.path(),
        &[
            "report",
            "--db",
            "sqlite://curva.db",
            "--journey",
            "online-shp",
            "--out",
            "o",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("journey \"online-shp\" is not in the database; it holds: online-shop"),
        "{}",
        run.stderr
    );
}

#[test]
fn database_url_comes_from_the_environment_too() {
    let d = DemoDir::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_curva"))
        .args(["migrate"])
        .current_dir(d.path())
        .env("DATABASE_URL", "sqlite://from-env.db")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(d.file("from-env.db").exists());
    assert!(String::from_utf8_lossy(&out.stdout).contains("from-env.db"));
}

/// A database another program is writing to is named as busy (after waiting), not as "not a
/// database"; an empty file is refused, not turned into a database by a read-only command.
#[test]
fn a_busy_database_and_an_empty_file_get_the_right_message() {
    use diesel::Connection;
    use diesel::connection::SimpleConnection;

    let d = DemoDir::new();
    d.write("empty.db", "");
    let run = curva(d.path(), &["imports", "--db", "sqlite://empty.db"]);
    run.assert_bad_input(&["empty.db", "the file is empty"]);
    assert_eq!(std::fs::metadata(d.file("empty.db")).unwrap().len(), 0);

    assert_eq!(d.import("sqlite://c.db").code, 0);
    // An import writing outside the WAL holds the database exclusively, as this does.
    let mut writer =
        diesel::SqliteConnection::establish(&d.file("c.db").to_string_lossy()).unwrap();
    writer
        .batch_execute("PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE;")
        .unwrap();
    let run = curva(d.path(), &["imports", "--db", "sqlite://c.db"]);
    run.assert_bad_input(&["c.db is busy", "try again"]);
    writer.batch_execute("ROLLBACK").unwrap();
}
