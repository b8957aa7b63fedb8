//! Every fixture in tests/fixtures/exports/ (made by `cargo run --example gen_fixtures`, with
//! the expected findings in MANIFEST.json written by the generator itself) read through the
//! real `curva inspect --json`: encoding, BOM, delimiter, header rows, responses imported and
//! the physical line of every row refused, and a clear exit-2 message for files that are not
//! exports.

use std::path::Path;

use serde_json::Value;

use crate::fixtures::curva;

fn manifest() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports");
    let text = std::fs::read_to_string(dir.join("MANIFEST.json")).unwrap();
    let m: Value = serde_json::from_str(&text).unwrap();
    m["files"].as_array().unwrap().clone()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exports")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Lines that are truly blank start no record (as in every CSV reader); the manifest lists them
/// as empty rows, Curva does not count them as rows at all.
fn is_blank_line(file: &str, line: u64) -> bool {
    let bytes = std::fs::read(fixture(file)).unwrap();
    let text = String::from_utf8_lossy(&bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    text.split('\n')
        .nth(line as usize - 1)
        .is_some_and(|l| l.trim().is_empty())
}

#[test]
fn every_fixture_is_read_as_its_manifest_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for f in manifest() {
        let name = f["file"].as_str().unwrap();
        let run = curva(dir.path(), &["inspect", &fixture(name), "--json"]);
        if let Some(expected) = f["expect_error"].as_str() {
            if run.code != 2
                || !run.stderr.to_lowercase().contains(&expected.to_lowercase())
                || !run.stderr.contains(name)
            {
                failures.push(format!(
                    "{name}: expected exit 2 mentioning {expected:?}, got {} {}",
                    run.code, run.stderr
                ));
            }
            continue;
        }
        if run.code != 0 {
            failures.push(format!("{name}: exit {} {}", run.code, run.stderr));
            continue;
        }
        let got: Value = serde_json::from_str(&run.stdout).unwrap();
        for key in ["encoding", "bom", "delimiter", "header_rows", "data_rows"] {
            if f[key] != got[key] {
                failures.push(format!(
                    "{name}: {key}: manifest {} vs curva {}",
                    f[key], got[key]
                ));
            }
        }
        // Day/month order, decided per column (iso: nothing to decide).
        let want_dates = match f["details"]["date_order"].as_str() {
            Some("day_first") => Some(("dmy", "values")),
            Some("month_first") => Some(("mdy", "values")),
            Some("ambiguous") => Some(("dmy", "setting")),
            _ => None,
        };
        let have_dates = got["dates"]["order"]
            .as_str()
            .zip(got["dates"]["decided_by"].as_str());
        if want_dates != have_dates {
            failures.push(format!(
                "{name}: dates {have_dates:?}, manifest says {want_dates:?}"
            ));
        }
        let mut want: Vec<u64> = f["problem_lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["imported"] == false)
            .map(|p| p["line"].as_u64().unwrap())
            .filter(|&l| !is_blank_line(name, l))
            .collect();
        let mut have: Vec<u64> = got["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["severity"] == "skipped")
            .map(|p| p["line"].as_u64().unwrap())
            .collect();
        want.sort();
        have.sort();
        if want != have {
            failures.push(format!(
                "{name}: rows refused at lines {have:?}, manifest says {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Column roles found from header names. Files whose roles hide in question text or values
/// (Qualtrics `Q1`, Google Forms questions, employee item wording) are not listed yet: that
/// detection is still to come.
#[test]
fn column_roles_match_the_manifest_where_headers_name_them() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        "excel_es_cp1252.csv",
        "excel_utf8_bom.csv",
        "excel_unicode_text.txt",
        "excel_mac_cr.csv",
        "duplicate_ids.csv",
        "long_comment.csv",
    ];
    for f in manifest()
        .iter()
        .filter(|f| files.contains(&f["file"].as_str().unwrap()))
    {
        let name = f["file"].as_str().unwrap();
        let run = curva(dir.path(), &["inspect", &fixture(name), "--json"]);
        let got: Value = serde_json::from_str(&run.stdout).unwrap();
        for role in ["id", "date", "stage", "touchpoint", "segment", "text"] {
            assert_eq!(f["columns"][role], got["columns"][role], "{name}: {role}");
        }
        let want: Vec<&Value> = f["columns"]["ratings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["header"])
            .collect();
        let have: Vec<&Value> = got["columns"]["ratings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["column"])
            .collect();
        assert_eq!(want, have, "{name}: ratings");
    }
}

#[test]
fn planted_personal_data_never_survives_an_import() {
    let d = crate::fixtures::DemoDir::new();
    let mut checked = 0;
    for f in manifest()
        .iter()
        .filter(|f| f["expect_error"].is_null() && f["pii"].as_u64().unwrap_or(0) > 0)
    {
        let name = f["file"].as_str().unwrap();
        let run = curva(
            d.path(),
            &[
                "analyze",
                "--survey",
                &fixture(name),
                "--journey",
                "journey.toml",
                "--out",
                "o",
            ],
        );
        if run.code == 2 && run.stderr.contains("no stage column found") {
            // Coded stages (Qualtrics `1..5`) need a value map, still to come; nothing is written.
            continue;
        }
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        checked += 1;
        let csv = std::fs::read_to_string(d.file("o/responses.csv")).unwrap();
        for item in f["pii_items"].as_array().unwrap() {
            let value = item["value"].as_str().unwrap();
            assert!(
                !csv.contains(value),
                "{name}: {value} leaked into responses.csv"
            );
        }
    }
    assert!(
        checked >= 8,
        "only {checked} files with planted data were analysed"
    )
}

/// Where headers are whole questions ("¿En qué etapa de tu compra estás pensando?"), the stage
/// column is found by its values, given the journey.
#[test]
fn the_journey_finds_the_stage_column_by_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let journey = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo/journey.toml");
    let files = [
        "google_forms.csv",
        "surveymonkey.csv",
        "typeform.csv",
        "microsoft_forms.csv",
        "limesurvey.csv",
        "employee_wide.csv",
    ];
    for f in manifest()
        .iter()
        .filter(|f| files.contains(&f["file"].as_str().unwrap()))
    {
        let name = f["file"].as_str().unwrap();
        let run = curva(
            dir.path(),
            &[
                "inspect",
                &fixture(name),
                "--json",
                "--journey",
                &journey.to_string_lossy(),
            ],
        );
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let got: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(got["columns"]["stage"], f["columns"]["stage"], "{name}");
    }
}

/// Microsoft Forms' native workbook reads as its CSV save does: same columns, same responses,
/// same dates (Excel serial dates become ISO), and it imports like any export.
#[test]
fn the_native_microsoft_forms_workbook_reads_like_its_csv() {
    let d = crate::fixtures::DemoDir::new();
    let inspect = |file: &str| -> Value {
        let run = curva(
            d.path(),
            &[
                "inspect",
                &fixture(file),
                "--json",
                "--journey",
                "journey.toml",
            ],
        );
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let (book, csv) = (
        inspect("microsoft_forms.xlsx"),
        inspect("microsoft_forms.csv"),
    );
    for key in ["format", "header_rows", "data_rows", "columns", "problems"] {
        assert_eq!(book[key], csv[key], "{key}");
    }
    assert_eq!(book["sheet"], "Sheet1");
    assert!(book["delimiter"].is_null());

    let read = |file: &str| {
        curva::ingest::read_survey_file(
            Path::new(&fixture(file)),
            curva::domain::Source::Customer,
            curva::ingest::ReadOptions::default(),
        )
        .unwrap()
        .responses
    };
    let (from_book, from_csv) = (read("microsoft_forms.xlsx"), read("microsoft_forms.csv"));
    assert_eq!(from_book.len(), 18);
    for (b, c) in from_book.iter().zip(&from_csv) {
        assert_eq!((&b.key, &b.text, &b.ratings), (&c.key, &c.text, &c.ratings));
        assert_eq!(b.recorded_at, c.recorded_at, "{}", b.key);
    }

    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://c.db",
            "--journey",
            "journey.toml",
            "--survey",
            &fixture("microsoft_forms.xlsx"),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("18 new responses"), "{}", run.stdout);
    let log = curva(d.path(), &["imports", "--db", "sqlite://c.db", "--json"]);
    assert!(log.stdout.contains("xlsx workbook"), "{}", log.stdout);
}
