//! Guards the sentiment engine's measured quality on the project's labelled sets in data/eval/
//! against regressions. The floors sit just under the figures measured when they were set
//! (docs/BENCHMARKS.md); raise them as the engine improves, never lower them silently.
//!
//! The review sets' `test` half is never looked at while improving the engine (only `dev` is),
//! so its figure is the honest estimate for reviews the engine has not seen.

use std::path::Path;

use curva::analysis::evaluation::evaluate;

/// (text, label) of every row of `file`, or of its rows in `split` only.
fn labelled(file: &str, split: Option<&str>) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/eval")
        .join(file);
    let mut csv = csv::Reader::from_path(path).unwrap();
    let headers = csv.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (text, label) = (column("text"), column("label"));
    let split_column = split.map(|_| column("split"));
    csv.records()
        .map(|r| r.unwrap())
        .filter(|r| split_column.is_none_or(|c| Some(&r[c]) == split))
        .map(|r| (r[text].to_owned(), r[label].to_owned()))
        .collect()
}

#[test]
fn spanish_binary_macro_f1_does_not_regress() {
    let e = evaluate(&labelled("es.csv", None));
    assert!(e.binary.n > 450, "{}", e.binary.n);
    assert!(
        e.binary.macro_f1 >= 0.82,
        "Spanish binary macro-F1 fell to {}",
        e.binary.macro_f1
    );
    assert!(
        e.all.macro_f1 >= 0.60,
        "Spanish 4-label macro-F1 fell to {}",
        e.all.macro_f1
    );
}

#[test]
fn english_binary_macro_f1_does_not_regress() {
    let e = evaluate(&labelled("en.csv", None));
    assert!(e.binary.n > 450, "{}", e.binary.n);
    assert!(
        e.binary.macro_f1 >= 0.76,
        "English binary macro-F1 fell to {}",
        e.binary.macro_f1
    );
    assert!(
        e.all.macro_f1 >= 0.53,
        "English 4-label macro-F1 fell to {}",
        e.all.macro_f1
    );
}

#[test]
fn unseen_reviews_binary_macro_f1_does_not_regress() {
    for (file, floor) in [("reviews_es.csv", 0.80), ("reviews_en.csv", 0.79)] {
        let e = evaluate(&labelled(file, Some("test")));
        assert_eq!(e.binary.n, 300, "{file}");
        assert!(
            e.binary.macro_f1 >= floor,
            "{file} test half: binary macro-F1 fell to {}",
            e.binary.macro_f1
        );
    }
}
