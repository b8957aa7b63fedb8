//! What the user says about an export wins over detection: a mapping in the journey file, a
//! mapping file, `--column` flags, value maps for coded answers, the date order; and each import
//! keeps the original rows and the mapping it used.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::fixtures::{DemoDir, curva, open_db};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exports")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// The demo journey plus a `[mapping.survey]` for Qualtrics' numeric export, whose stage
/// question Q1 holds codes 1..5.
fn journey_with_qualtrics_mapping(d: &DemoDir) {
    let mut journey = std::fs::read_to_string(d.file("journey.toml")).unwrap();
    journey.push_str(
        r#"
[mapping.survey]
stage = "Q1"
ignore = ["Q2_NPS_GROUP"]

[mapping.survey.values.stage]
"1" = "Discovery"
"2" = "Consideration"
"3" = "Purchase"
"4" = "Delivery"
"5" = "Support"
"#,
    );
    d.write("mapped.toml", journey);
}

/// Stage codes of the real (non-preview) rows, counted straight from the file.
fn coded_stages_in_qualtrics_fixture() -> BTreeMap<String, u64> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(fixture("qualtrics_numeric.csv"))
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let (status, stage) = (col("Status"), col("Q1"));
    let names = [
        "",
        "discovery",
        "consideration",
        "purchase",
        "delivery",
        "support",
    ];
    let mut counts = BTreeMap::new();
    for r in &rows[3..] {
        if &r[status] == "0" {
            let code: usize = r[stage].parse().unwrap();
            *counts.entry(names[code].to_owned()).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn a_value_map_places_coded_qualtrics_stages() {
    let d = DemoDir::new();
    // Without a mapping the coded stage column cannot be placed: refused, nothing written.
    let refused = curva(
        d.path(),
        &[
            "analyze",
            "--survey",
            &fixture("qualtrics_numeric.csv"),
            "--journey",
            "journey.toml",
            "--out",
            "o",
        ],
    );
    refused.assert_bad_input(&["qualtrics_numeric.csv", "no stage column"]);

    journey_with_qualtrics_mapping(&d);
    let run = curva(
        d.path(),
        &[
            "analyze",
            "--survey",
            &fixture("qualtrics_numeric.csv"),
            "--journey",
            "mapped.toml",
            "--out",
            "o",
            "--min-n",
            "1",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(d.file("o/report.json")).unwrap()).unwrap();
    let placed: BTreeMap<String, u64> = report["stages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["responses"].as_u64().unwrap() > 0)
        .map(|s| {
            let id = s["id"].as_str().unwrap().to_owned();
            (id, s["responses"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(placed, coded_stages_in_qualtrics_fixture());
    assert_eq!(report["totals"]["unassigned"], 0);
}

#[test]
fn a_mapping_file_and_column_flags_win_over_detection() {
    let d = DemoDir::new();
    d.write(
        "qualtrics.toml",
        "stage = \"Q1\"\ntext = [\"Q7\"]\nratings = [{ column = \"Q3\", kind = \"ces\", scale = [1, 7] }]\n",
    );
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--json",
            "--mapping",
            "qualtrics.toml",
            "--column",
            "segment=UserLanguage",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(got["columns"]["stage"], "Q1");
    assert_eq!(
        got["columns"]["segment"], "UserLanguage",
        "the flag overrides detection"
    );
    assert_eq!(got["columns"]["text"], serde_json::json!(["Q7"]));
    // The listed ratings are the complete set: Q2 (NPS) and the Q6 grid are not taken.
    assert_eq!(
        got["columns"]["ratings"],
        serde_json::json!([{"column": "Q3", "kind": "ces", "scale": [1.0, 7.0]}])
    );
}

#[test]
fn a_mapping_that_names_a_missing_column_is_refused() {
    let d = DemoDir::new();
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--column",
            "stage=Q99",
        ],
    );
    run.assert_bad_input(&["qualtrics_numeric.csv", "\"Q99\"", "ResponseId"]);
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--column",
            "stag=Q1",
        ],
    );
    run.assert_bad_input(&["unknown role", "stag"]);
    d.write("bad.toml", "stage = \"Q1\"\nstages = \"Q2\"\n");
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--mapping",
            "bad.toml",
        ],
    );
    run.assert_bad_input(&["bad.toml", "line 2", "stages"]);
    // One column, two roles: refused, naming both.
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--column",
            "stage=Q1",
            "--column",
            "touchpoint=Q1",
        ],
    );
    run.assert_bad_input(&[
        "qualtrics_numeric.csv",
        "\"Q1\" two roles",
        "stage",
        "touchpoint",
    ]);
    // A key written below [values.stage] would silently become a code: refused with the fix.
    d.write(
        "trap.toml",
        "stage = \"Q1\"\n[values.stage]\n\"1\" = \"discovery\"\ndate_order = \"mdy\"\n",
    );
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--mapping",
            "trap.toml",
        ],
    );
    run.assert_bad_input(&["trap.toml", "date_order", "above the first [table]"]);
}

#[test]
fn an_import_keeps_original_rows_and_its_mapping() {
    let d = DemoDir::new();
    journey_with_qualtrics_mapping(&d);
    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://c.db",
            "--journey",
            "mapped.toml",
            "--survey",
            &fixture("qualtrics_numeric.csv"),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log = curva(d.path(), &["imports", "--db", "sqlite://c.db", "--json"]);
    let record: Value = serde_json::from_str(log.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(record["mapping"]["stage"], "Q1");
    assert_eq!(record["mapping"]["values"]["stage"]["4"], "Delivery");
    assert_eq!(record["columns"]["stage"], "Q1");
    let headers: Vec<String> = serde_json::from_value(record["headers"].clone()).unwrap();
    assert_eq!(headers[17], "Q1");

    let db = open_db(d.path(), "c.db");
    let mut conn = db.conn().unwrap();
    let rows = curva::store::responses::originals(&mut conn, "online-shop").unwrap();
    assert_eq!(rows.len() as u64, record["inserted"].as_u64().unwrap());
    let ip = headers.iter().position(|h| h == "IPAddress").unwrap();
    for (key, kept) in &rows {
        assert_eq!(kept.len(), 1, "{key}: one row per response");
        let row = &kept[0];
        assert_eq!(row.len(), headers.len(), "{key}: every column is kept");
        assert!(
            row[17].parse::<u8>().is_ok(),
            "{key}: the stage code as written"
        );
        assert!(
            row[ip].is_empty() || row[ip] == "[personal]",
            "{key}: IP withheld"
        );
        assert!(
            !row.iter().any(|v| v.contains("ana.demo@example.com")),
            "{key}"
        );
    }
}

#[test]
fn the_date_order_is_decided_per_column_or_by_the_setting() {
    let d = DemoDir::new();
    let inspect = |file: &str, extra: &[&str]| -> Value {
        let mut args = vec!["inspect", file, "--json"];
        args.extend_from_slice(extra);
        let run = curva(d.path(), &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let decided = inspect(&fixture("dates_dayfirst.csv"), &["--date-order", "mdy"]);
    assert_eq!(
        decided["dates"]["order"], "dmy",
        "a day above 12 beats the setting"
    );
    assert_eq!(decided["dates"]["decided_by"], "values");
    assert_eq!(decided["dates"]["evidence"], "25/04/2026");
    let ambiguous = inspect(&fixture("dates_ambiguous.csv"), &[]);
    assert_eq!(ambiguous["dates"]["decided_by"], "setting");
    assert_eq!(ambiguous["dates"]["order"], "dmy");
    let us = inspect(&fixture("dates_ambiguous.csv"), &["--date-order", "mdy"]);
    assert_eq!(us["dates"]["order"], "mdy");
    // analyze says so on the terminal.
    let run = curva(
        d.path(),
        &[
            "analyze",
            "--survey",
            &fixture("dates_ambiguous.csv"),
            "--journey",
            "journey.toml",
            "--out",
            "o",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("could be day/month or month/day"),
        "{}",
        run.stderr
    );

    // The stored value is ISO 8601 in the decided order.
    let read = |order| {
        let mapping = curva::ingest::Mapping {
            date_order: Some(order),
            ..Default::default()
        };
        let options = curva::ingest::ReadOptions {
            mapping: Some(&mapping),
            ..Default::default()
        };
        let file = curva::ingest::read_survey_file(
            Path::new(&fixture("dates_ambiguous.csv")),
            curva::domain::Source::Customer,
            options,
        )
        .unwrap();
        file.responses[0].recorded_at.clone()
    };
    use curva::ingest::dates::DateOrder;
    assert_eq!(read(DateOrder::Dmy).as_deref(), Some("2026-02-03"));
    assert_eq!(read(DateOrder::Mdy).as_deref(), Some("2026-03-02"));
}

/// Answered cells of the Qualtrics fixture's Q6 matrix, per sub-question, counted from the file.
fn answered_matrix_cells() -> BTreeMap<String, u64> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(fixture("qualtrics_numeric.csv"))
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let status = rows[0].iter().position(|h| h == "Status").unwrap();
    let mut counts = BTreeMap::new();
    for (i, header) in rows[0].iter().enumerate() {
        if header.starts_with("Q6_") {
            let n = rows[3..]
                .iter()
                .filter(|r| &r[status] == "0" && !r[i].is_empty())
                .count() as u64;
            counts.insert(header.to_owned(), n);
        }
    }
    counts
}

#[test]
fn a_matrix_question_gives_one_observation_per_touchpoint() {
    let d = DemoDir::new();
    journey_with_qualtrics_mapping(&d);
    let inspect = curva(
        d.path(),
        &[
            "inspect",
            &fixture("qualtrics_numeric.csv"),
            "--json",
            "--journey",
            "mapped.toml",
        ],
    );
    let got: Value = serde_json::from_str(&inspect.stdout).unwrap();
    let rates: Vec<(&str, &str)> = got["columns"]["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| Some((r["column"].as_str()?, r["rates"].as_str()?)))
        .collect();
    assert_eq!(
        rates,
        [
            ("Q6_1", "Website"),
            ("Q6_2", "App"),
            ("Q6_3", "Call centre"),
            ("Q6_4", "Store"),
            ("Q6_5", "Delivery")
        ]
    );

    let run = curva(
        d.path(),
        &[
            "analyze",
            "--survey",
            &fixture("qualtrics_numeric.csv"),
            "--journey",
            "mapped.toml",
            "--out",
            "o",
            "--min-n",
            "1",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(d.file("o/report.json")).unwrap()).unwrap();
    let touchpoint_n = |stage: &str, tp: &str| -> u64 {
        let s = report["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == stage)
            .unwrap();
        let t = s["touchpoints"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == tp)
            .unwrap();
        t["n"].as_u64().unwrap()
    };
    let cells = answered_matrix_cells();
    assert_eq!(touchpoint_n("consideration", "website"), cells["Q6_1"]);
    assert_eq!(touchpoint_n("purchase", "app"), cells["Q6_2"]);
    assert_eq!(touchpoint_n("purchase", "store"), cells["Q6_4"]);
    // "Delivery" names a stage: its ratings count for the stage, beside the responses placed there.
    let delivery = report["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "delivery")
        .unwrap();
    assert_eq!(
        delivery["n"].as_u64().unwrap(),
        delivery["responses"].as_u64().unwrap() + cells["Q6_5"]
    );
    // Respondents are counted once, however many touchpoints they rated.
    assert_eq!(
        report["totals"]["responses"].as_u64().unwrap(),
        coded_stages_in_qualtrics_fixture().values().sum::<u64>()
    );
    let csv = std::fs::read_to_string(d.file("o/responses.csv")).unwrap();
    assert!(csv.contains("#App,"), "each observation is listed");
}

#[test]
fn a_mapping_names_matrix_rows_that_carry_only_codes() {
    let d = DemoDir::new();
    d.write(
        "lime.toml",
        "[matrix]\n\"satisf[SQ001]\" = \"website\"\n\"satisf[SQ002]\" = \"delivery\"\n",
    );
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("limesurvey.csv"),
            "--json",
            "--journey",
            "journey.toml",
            "--mapping",
            "lime.toml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Value = serde_json::from_str(&run.stdout).unwrap();
    let rates: Vec<&Value> = got["columns"]["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["rates"])
        .collect();
    assert!(
        rates.contains(&&Value::from("website")) && rates.contains(&&Value::from("delivery")),
        "{rates:?}"
    );
    d.write("bad.toml", "[matrix]\n\"etapa\" = \"website\"\n");
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("limesurvey.csv"),
            "--journey",
            "journey.toml",
            "--mapping",
            "bad.toml",
        ],
    );
    run.assert_bad_input(&[
        "limesurvey.csv",
        "bad.toml",
        "\"etapa\"",
        "not read as a rating",
    ]);
    // A column the file does not have: the message says which mapping to fix.
    d.write("wrong.toml", "stage = \"Etapa del viaje\"\n");
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("limesurvey.csv"),
            "--mapping",
            "wrong.toml",
            "--column",
            "text=Comentarios",
        ],
    );
    run.assert_bad_input(&[
        "the mapping (in wrong.toml) names column \"Etapa del viaje\"",
        "its columns are",
    ]);
}

/// A long employee export (one row per answer) is grouped into one response per employee and
/// stage, so the anonymity threshold and the employee mean count people, not answers.
#[test]
fn a_long_export_is_grouped_per_respondent() {
    let d = DemoDir::new();
    let run = curva(
        d.path(),
        &[
            "inspect",
            &fixture("employee_long.csv"),
            "--json",
            "--journey",
            "journey.toml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(got["columns"]["respondent"], "employeeId");
    assert_eq!(got["columns"]["question"], "questionId");
    assert_eq!(got["data_rows"], 30);
    assert_eq!(got["respondents"], 10, "the manifest's 10 employees");

    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://c.db",
            "--journey",
            "journey.toml",
            "--survey",
            "survey.csv",
            "--employee",
            &fixture("employee_long.csv"),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("employee_long.csv: 30 rows read, 10 new responses"),
        "{}",
        run.stdout
    );
    let db = open_db(d.path(), "c.db");
    let mut conn = db.conn().unwrap();
    let stored = curva::store::responses::load(&mut conn, "online-shop").unwrap();
    let employees: Vec<_> = stored
        .iter()
        .filter(|r| r.source == curva::domain::Source::Employee)
        .collect();
    assert_eq!(employees.len(), 10);
    // 30 answers, one skipped as not applicable (no score): 29 ratings on 10 people.
    let ratings: usize = employees.iter().map(|r| r.ratings.len()).sum();
    assert_eq!(ratings, 29);
    let originals = curva::store::responses::originals(&mut conn, "online-shop").unwrap();
    let e17 = originals.iter().find(|(k, _)| k == "E0017").unwrap();
    assert_eq!(e17.1.len(), 3, "every answer row is kept");
    // Importing again adds nothing.
    let again = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://c.db",
            "--journey",
            "journey.toml",
            "--survey",
            "survey.csv",
            "--employee",
            &fixture("employee_long.csv"),
        ],
    );
    assert!(
        again
            .stdout
            .contains("employee_long.csv: 30 rows read, 0 new responses, 10 already stored"),
        "{}",
        again.stdout
    );
}

/// Words typed into a rating column ("Otra: escribidme a …") are redacted like any comment:
/// in the stored row, in the problem message and in the import log.
#[test]
fn personal_data_in_a_rating_cell_is_redacted_everywhere() {
    let d = DemoDir::new();
    d.write(
        "otra.csv",
        "ID,Etapa,Satisfacción (1-5),Comentario\n\
         R1,Compra,4,Todo bien\n\
         R2,Compra,\"Otra: depende, escribid a luis@correo.es o al 612 345 678\",Regular\n\
         R3,Entrega,2,Tarde\n",
    );
    let run = curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://c.db",
            "--journey",
            "journey.toml",
            "--survey",
            "otra.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log = curva(d.path(), &["imports", "--db", "sqlite://c.db", "--json"]);
    for out in [&run.stdout, &run.stderr, &log.stdout] {
        assert!(
            !out.contains("luis@correo.es") && !out.contains("612 345 678"),
            "{out}"
        );
    }
    assert!(log.stdout.contains("rating_not_understood") && log.stdout.contains("[email]"));
    let db = open_db(d.path(), "c.db");
    let mut conn = db.conn().unwrap();
    let rows = curva::store::responses::originals(&mut conn, "online-shop").unwrap();
    let r2 = &rows.iter().find(|(k, _)| k == "R2").unwrap().1[0];
    assert!(
        r2[2].contains("[email]") && r2[2].contains("[phone]"),
        "{r2:?}"
    );
}
