//! `analyze` and `demo` on the bundled demo data: valid report.json, the planted curve found,
//! every output written and readable, and nothing personal left in them.

use std::path::Path;

use crate::fixtures::{DemoDir, curva};

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn committed_demo_data_is_what_the_seeded_generator_makes() {
    let files = curva::demo::generate::generate(curva::demo::generate::SEED);
    assert_eq!(
        files.survey,
        curva::demo::SURVEY,
        "run `cargo run --example gen_demo`"
    );
    assert_eq!(
        files.employee,
        curva::demo::EMPLOYEE,
        "run `cargo run --example gen_demo`"
    );
    assert!(files.survey.lines().count() > 2_000);
}

#[test]
fn analyze_finds_the_planted_curve() {
    let d = DemoDir::new();
    let run = d.analyze("out");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = d.json("out/report.json");
    let errors: Vec<String> = schema_validator()
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "report.json breaks its schema: {errors:#?}"
    );

    let stages = report["stages"].as_array().unwrap();
    let ids: Vec<&str> = stages.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "discovery",
            "consideration",
            "purchase",
            "delivery",
            "support",
            "advocacy"
        ]
    );
    let mean = |id: &str| {
        stages.iter().find(|s| s["id"] == id).unwrap()["valence"]["mean"]
            .as_f64()
            .unwrap()
    };
    // The planted shape: purchase high, delivery the lowest and below zero.
    let lowest = ids
        .iter()
        .copied()
        .min_by(|a, b| mean(a).total_cmp(&mean(b)))
        .unwrap();
    assert_eq!(lowest, "delivery");
    assert!(
        mean("delivery") < -0.15 && mean("purchase") > 0.3,
        "{} {}",
        mean("delivery"),
        mean("purchase")
    );

    let pains = report["pain_points"].as_array().unwrap();
    let has = |kind: &str, stage: &str, tp: Option<&str>| {
        pains
            .iter()
            .any(|p| p["kind"] == kind && p["stage"] == stage && p["touchpoint"].as_str() == tp)
    };
    assert!(has("low_point", "delivery", None), "{pains:#?}");
    let drop = pains.iter().find(|p| p["kind"] == "drop").expect("a drop");
    assert_eq!(
        drop["stage"], "delivery",
        "the largest drop is listed first"
    );
    assert!(drop["delta"].as_f64().unwrap() < -0.5);
    assert!(has("low_touchpoint", "delivery", Some("courier")));
    assert!(
        has("perception_gap", "delivery", None),
        "employees see delivery rosier"
    );
    assert!(
        pains
            .iter()
            .all(|p| p["kind"] != "low_point" || !p["quotes"].as_array().unwrap().is_empty())
    );

    let delivery = stages.iter().find(|s| s["id"] == "delivery").unwrap();
    assert_eq!(delivery["employee"]["significant"], true);
    assert!(delivery["employee"]["gap"].as_f64().unwrap() > 0.4);
    assert!(
        !delivery["clusters"].as_array().unwrap().is_empty(),
        "themes at delivery"
    );
    // The demo's CSAT ratings are learned from, and the model scores the text only if it beat
    // the engine's macro-F1 on held-back ratings and read more of them right. (The demo's few templates are read right by
    // the engine itself, so the two tie near the ratings' noise ceiling; the lift on real
    // reviews is in docs/BENCHMARKS.md.)
    let learning = &report["learning"];
    assert!(learning["labelled"].as_u64().unwrap() > 1000, "{learning}");
    let model = learning["model_macro_f1"].as_f64().unwrap();
    let lexicon = learning["lexicon_macro_f1"].as_f64().unwrap();
    assert!(lexicon > 0.85, "{learning}");
    let wins = learning["model_only_right"].as_u64().unwrap();
    let losses = learning["lexicon_only_right"].as_u64().unwrap();
    let p = learning["sign_test_p"].as_f64().unwrap();
    assert!(
        (p <= 0.5) == (wins > losses) && (0.0..=1.0).contains(&p),
        "{learning}"
    );
    assert_eq!(
        learning["used"],
        model > lexicon && wins > losses,
        "{learning}"
    );
    let support = stages.iter().find(|s| s["id"] == "support").unwrap();
    assert_eq!(
        support["employee"]["significant"], false,
        "employees agree about support"
    );
}

#[test]
fn analyze_counts_every_response_and_lists_unassigned_values() {
    let d = DemoDir::new();
    assert_eq!(d.analyze("out").code, 0);
    let report = d.json("out/report.json");
    let survey_rows = curva::demo::SURVEY.lines().count() - 1;
    assert_eq!(
        report["totals"]["responses"].as_u64().unwrap() as usize,
        survey_rows
    );
    assert_eq!(report["totals"]["employee_feedback"], 240);
    let unassigned = report["unassigned"].as_array().unwrap();
    let stage_unassigned: u64 = unassigned
        .iter()
        .filter(|u| u["column"] == "stage")
        .map(|u| u["n"].as_u64().unwrap())
        .sum();
    assert_eq!(
        report["totals"]["unassigned"].as_u64().unwrap(),
        stage_unassigned
    );
    assert!(unassigned.iter().any(|u| u["value"] == "Otro"));
    assert!(unassigned.iter().any(
        |u| u["column"] == "touchpoint" && u["value"].as_str().unwrap().ends_with("Otro canal")
    ));

    // responses.csv: one row per response, the documented columns, stage ids filled in.
    let mut csv = csv::Reader::from_path(d.file("out/responses.csv")).unwrap();
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, curva::render::csv_out::HEADER);
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let customers: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[1] == "customer").collect();
    assert_eq!(customers.len(), survey_rows);
    let assigned = customers.iter().filter(|r| !r[2].is_empty()).count();
    let unassigned_customers = customers.len() - assigned;
    assert!(unassigned_customers > 0 && unassigned_customers < 100);
    // Employee remarks: no id, no department, and only at stages whose group is shown.
    let employees: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[1] == "employee").collect();
    assert!(!employees.is_empty() && employees.len() <= 240);
    assert!(
        employees
            .iter()
            .all(|r| r[0].is_empty() && r[4].is_empty() && !r[2].is_empty())
    );
    for r in &employees {
        let stage = report["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == r[2])
            .unwrap();
        assert!(
            !stage["employee"]["valence"].is_null(),
            "a hidden group's remark is listed"
        );
    }
    assert!(
        rows.iter()
            .all(|r| r[6].is_empty() || r[6].parse::<f64>().unwrap().abs() <= 1.0)
    );
}

#[test]
fn outputs_are_real_files_without_personal_data() {
    let d = DemoDir::new();
    assert_eq!(d.analyze("out").code, 0);
    let png = std::fs::read(d.file("out/curve.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(
        png.len() > 20_000,
        "a chart, not a blank image: {} bytes",
        png.len()
    );
    let svg = std::fs::read_to_string(d.file("out/curve.svg")).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("Delivery")
            && svg.contains("n=")
            && svg.contains("<polygon")
    );
    let html = std::fs::read_to_string(d.file("out/report.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("Online shop") && html.contains("low point"));
    // The reader is told how the comments were read and how well, from report.json's figures.
    let learning = &d.json("out/report.json")["learning"];
    // Two decimals, or four where two would show the model and the built-in reading equal.
    let model = learning["model_macro_f1"].as_f64().unwrap();
    let lexicon = learning["lexicon_macro_f1"].as_f64().unwrap();
    let figures = if format!("{model:.2}") == format!("{lexicon:.2}") {
        format!("{model:.4} against {lexicon:.4}")
    } else {
        format!("{model:.2} against {lexicon:.2}")
    };
    assert!(
        html.contains("weighs the comment 50% and the rating 50%")
            && html.contains(&format!("{} clearly rated comments", learning["labelled"]))
            && html.contains(&figures),
        "{learning}"
    );
    // A higher figure that did not win says why it did not.
    if learning["used"] == false && model > lexicon {
        assert!(html.contains("but it read no more of those comments right"));
    }
    // The headline says where the curve bottoms out, with its sample, for the one-minute reader.
    assert!(
        html.contains("Lowest point: Delivery at -0.")
            && html.contains("Sharpest fall: into Delivery")
    );
    // Every quote in the drill-down says why it scored as it did, in the customer's words.
    let report = d.json("out/report.json");
    let evidence = &report["pain_points"][0]["evidence"][0];
    let why = evidence["explanation"][0].as_str().unwrap();
    assert!(evidence["valence"].as_f64().unwrap() < 0.0, "{evidence}");
    assert!(
        html.contains("class=\"why\">scored"),
        "the HTML shows the explanation"
    );
    let first_word = why.split(' ').next().unwrap().replace('"', "&#34;");
    assert!(html.contains(&first_word), "{why}");
    let csv = std::fs::read_to_string(d.file("out/responses.csv")).unwrap();
    for text in [&html, &csv, &svg] {
        for pii in ["612 345 678", "example.com", "12345678Z", "699 123 456"] {
            assert!(!text.contains(pii), "{pii} leaked");
        }
    }
    assert!(
        csv.contains("[phone]") || csv.contains("[email]"),
        "the demo plants personal data to redact"
    );
}

#[test]
fn without_a_journey_stages_come_from_the_data_with_a_warning() {
    let d = DemoDir::new();
    let run = curva(
        d.path(),
        &["analyze", "--survey", "survey.csv", "--out", "out"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("inferred"), "{}", run.stderr);
    let report = d.json("out/report.json");
    let first = report["stages"][0]["id"].as_str().unwrap();
    let first_value = curva::demo::SURVEY
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(2)
        .unwrap();
    assert_eq!(first, curva::domain::text::slug(first_value));
    assert_eq!(
        report["totals"]["unassigned"], 0,
        "every value becomes a stage"
    );
}

#[test]
fn demo_command_runs_the_whole_job() {
    let dir = tempfile::tempdir().unwrap();
    let run = curva(dir.path(), &["demo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("report.html"), "{}", run.stdout);
    for f in [
        "curva.db",
        "report/report.json",
        "report/report.html",
        "report/curve.png",
        "report/curve.svg",
        "report/responses.csv",
    ] {
        assert!(
            dir.path().join("curva-demo").join(f).is_file(),
            "{f} missing"
        );
    }
    // Running it again is harmless: nothing new is stored.
    let again = curva(dir.path(), &["demo"]);
    assert_eq!(again.code, 0);
    assert!(
        again
            .stdout
            .contains("2400 rows read, 0 new, 2400 already stored"),
        "{}",
        again.stdout
    );
}
