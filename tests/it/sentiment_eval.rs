//! Guards the sentiment engine's measured quality on the project's labelled sets in data/eval/
//! against regressions. The floors sit just under the figures measured when they were set
//! (docs/BENCHMARKS.md); raise them as the engine improves, never lower them silently.

use std::path::Path;

use curva::analysis::evaluation::evaluate;

fn labelled(lang: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/eval/{lang}.csv"));
    let mut csv = csv::Reader::from_path(path).unwrap();
    csv.records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_owned(), r[2].to_owned())
        })
        .collect()
}

#[test]
fn spanish_binary_macro_f1_does_not_regress() {
    let e = evaluate(&labelled("es"));
    assert!(e.binary.n > 450, "{}", e.binary.n);
    assert!(
        e.binary.macro_f1 >= 0.72,
        "Spanish binary macro-F1 fell to {}",
        e.binary.macro_f1
    );
    assert!(
        e.all.macro_f1 >= 0.53,
        "Spanish 4-label macro-F1 fell to {}",
        e.all.macro_f1
    );
}

#[test]
fn english_binary_macro_f1_does_not_regress() {
    let e = evaluate(&labelled("en"));
    assert!(e.binary.n > 450, "{}", e.binary.n);
    assert!(
        e.binary.macro_f1 >= 0.66,
        "English binary macro-F1 fell to {}",
        e.binary.macro_f1
    );
    assert!(
        e.all.macro_f1 >= 0.48,
        "English 4-label macro-F1 fell to {}",
        e.all.macro_f1
    );
}
