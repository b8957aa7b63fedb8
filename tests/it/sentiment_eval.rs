//! Guards the sentiment engine's measured quality on the project's labelled sets in data/eval/
//! against regressions. The floors sit just under the figures measured when they were set
//! (docs/BENCHMARKS.md); raise them as the engine improves, never lower them silently.
//!
//! The learned model (data/models/prior.tsv) is trained on es.csv, en.csv, the invented reviews
//! of data/training/ and the `dev` half of the review sets and of uci_en.csv, so on es.csv and
//! en.csv the lexicon and rules are measured
//! alone; the `test` halves are never trained on nor read while improving the engine, so the
//! whole engine is measured there: the honest estimate for reviews it has not seen.

use std::path::Path;

use curva::analysis::evaluation::{evaluate, evaluate_with};
use curva::analysis::sentiment::Scorer;

/// The lexicon and rules alone, for the sets the learned model was trained on.
fn lexicon_alone(items: &[(String, String)]) -> curva::analysis::evaluation::Evaluation {
    let scorer = Scorer::bundled();
    evaluate_with(items, |t| scorer.score_lexicon(t))
}

/// The `columns` of every row of `file`, in that order.
fn rows(file: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/eval")
        .join(file);
    let mut csv = csv::Reader::from_path(path).unwrap();
    let headers = csv.headers().unwrap().clone();
    let at: Vec<usize> = columns
        .iter()
        .map(|name| headers.iter().position(|h| h == *name).unwrap())
        .collect();
    csv.records()
        .map(|r| r.unwrap())
        .map(|r| at.iter().map(|&c| r[c].to_owned()).collect())
        .collect()
}

/// (text, label) of every row of `file`, or of its rows in `split` only.
fn labelled(file: &str, split: Option<&str>) -> Vec<(String, String)> {
    match split {
        Some(split) => labelled_where(file, &[("split", split)]),
        None => labelled_where(file, &[]),
    }
}

/// (text, label) of the rows of `file` whose columns hold the values of `filters`.
fn labelled_where(file: &str, filters: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut columns = vec!["text", "label"];
    columns.extend(filters.iter().map(|(column, _)| *column));
    rows(file, &columns)
        .into_iter()
        .filter(|r| {
            filters
                .iter()
                .zip(&r[2..])
                .all(|((_, value), v)| v == value)
        })
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

#[test]
fn spanish_binary_macro_f1_does_not_regress() {
    let e = lexicon_alone(&labelled("es.csv", None));
    assert!(e.binary.n > 450, "{}", e.binary.n);
    assert!(
        e.binary.macro_f1 >= 0.84,
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
    let e = lexicon_alone(&labelled("en.csv", None));
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

/// The whole engine's binary macro-F1 on `items` (there must be `n`) is at least `floor`.
fn binary_at_least(items: &[(String, String)], n: usize, floor: f64, what: &str) {
    let e = evaluate(items);
    assert_eq!(e.binary.n, n, "{what}");
    assert!(
        e.binary.macro_f1 >= floor,
        "{what}: binary macro-F1 fell to {:.3}",
        e.binary.macro_f1
    );
}

#[test]
fn unseen_reviews_binary_macro_f1_does_not_regress() {
    for (file, floor) in [("reviews_es.csv", 0.89), ("reviews_en.csv", 0.85)] {
        binary_at_least(&labelled(file, Some("test")), 300, floor, file);
    }
}

#[test]
fn real_english_review_sentences_binary_macro_f1_does_not_regress() {
    // Real sentences by other people (CC BY 4.0, see data/eval/README.md); the learned model
    // is trained on the `dev` half, so the whole engine is measured on the `test` half.
    let items = labelled("uci_en.csv", Some("test"));
    binary_at_least(&items, 1502, 0.86, "uci_en.csv test half");
}

#[test]
fn survey_answers_written_blind_do_not_regress() {
    // A second author's survey answers (data/eval/README.md): blind when first measured (0.883
    // es, 0.832 en), read for faults since, never trained on. Floors just under the figures.
    for (lang, floor) in [("es", 0.94), ("en", 0.88)] {
        let items = labelled_where("survey_blind.csv", &[("lang", lang)]);
        binary_at_least(&items, 200, floor, &format!("survey_blind.csv, {lang}"));
    }
}

#[test]
fn survey_answers_of_a_third_author_do_not_regress() {
    // The `test` half of survey_blind2.csv (data/eval/README.md): blind when first measured
    // (0.857 es, 0.858 en) and never read for faults since, but for three rows.
    for lang in ["es", "en"] {
        let items = labelled_where("survey_blind2.csv", &[("lang", lang), ("split", "test")]);
        binary_at_least(
            &items,
            100,
            0.85,
            &format!("survey_blind2.csv test half, {lang}"),
        );
    }
}

#[test]
fn survey_answers_of_a_fourth_author_do_not_regress() {
    // The `test` half of survey_blind3.csv (data/eval/README.md): blind when first measured
    // (0.896 es, 0.855 en on that half) and never read for faults since.
    for (lang, n, floor) in [("es", 77, 0.87), ("en", 79, 0.84)] {
        let items = labelled_where("survey_blind3.csv", &[("lang", lang), ("split", "test")]);
        binary_at_least(
            &items,
            n,
            floor,
            &format!("survey_blind3.csv test half, {lang}"),
        );
    }
}

#[test]
fn rule_traps_do_not_regress() {
    // Sincere comments written to trip the denial and failure rules, and complaints they must
    // catch (data/eval/rule_traps.csv). Every complaint reads negative; of the 193 sincere ones,
    // 92 still did when this was set, 96 once the learned model also trained on the invented
    // reviews of data/training/ (it learned that "no <verb>" mostly complains, which lifted every
    // real English set), 73 after nuisances kept out, bills not charged, advice, things not yet
    // tried and idioms such as "nothing beats" (some of them written after reading this set's
    // misreadings), 74 when a retrained model moved one comment from +0.003 to -0.003, 72 in the
    // fourth session (the retrained model moved two comments just under 0 and one off it, the
    // no-comment phrases mended one): lower the ceiling as the rules improve.
    let items = labelled("rule_traps.csv", None);
    let scorer = Scorer::bundled();
    let (mut sincere, mut misread, mut missed) = (0, 0, Vec::new());
    for (text, label) in &items {
        let valence = scorer.score(text).valence;
        if label == "neg" {
            if valence >= 0.0 {
                missed.push(text.as_str());
            }
        } else {
            sincere += 1;
            misread += usize::from(valence < 0.0);
        }
    }
    assert_eq!((items.len(), sincere), (276, 193));
    assert!(missed.is_empty(), "complaints read as praise: {missed:?}");
    assert!(
        misread <= 72,
        "{misread} of {sincere} sincere comments read negative"
    );
}

/// The model shipped in data/models/prior.tsv is the one the code makes from the shipped
/// labelled sets: no unexplained weights, and a lexicon change without retraining is caught.
#[test]
fn the_shipped_model_is_reproducible_from_the_shipped_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (model, examples) = curva::analysis::sentiment::prior::train(&root.join("data")).unwrap();
    let shipped = std::fs::read_to_string(root.join("data/models/prior.tsv")).unwrap();
    assert!(
        shipped == curva::analysis::sentiment::prior::file_text(&model, examples),
        "data/models/prior.tsv is stale: run `cargo run --release --example train_prior`"
    );
}

/// The invented training reviews never repeat a comment the `test` halves measure with, so
/// training on them cannot inflate those figures.
#[test]
fn no_training_comment_is_a_test_comment() {
    let norm = |t: &str| curva::domain::text::fold(t.trim());
    let mut tested = std::collections::HashSet::new();
    for file in ["reviews_es.csv", "reviews_en.csv", "uci_en.csv"] {
        tested.extend(labelled(file, Some("test")).iter().map(|(t, _)| norm(t)));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/training");
    let mut trained = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let mut csv = csv::Reader::from_path(&path).unwrap();
            let column = csv.headers().unwrap().iter().position(|h| h == "text");
            let column = column.unwrap_or_else(|| panic!("{}: no text column", path.display()));
            for record in csv.records() {
                let text = norm(&record.unwrap()[column]);
                assert!(!tested.contains(&text), "{}: {text}", path.display());
                trained += 1;
            }
        }
    }
    assert_eq!(trained, 2800);
}
