//! Training the model the scorer blends with its lexicon (`learn::Prior`), from labelled
//! comments: every pos/neg row of data/eval/es.csv and en.csv and of the invented reviews in
//! data/training/ (all the project's own), and the `dev` half of the review sets in data/eval/
//! (the project's own, and uci_en.csv's real English sentences, CC BY 4.0). The `test` halves
//! are never used, so `curva eval …
//! --where split=test` stays an honest measure. `cargo run --release --example train_prior`
//! writes the result to data/models/prior.tsv; a test checks the shipped file is what this
//! code makes from the shipped data.

use std::path::Path;

use super::Scorer;
use crate::analysis::learn::Prior;

/// The files trained on, under data/, and whether only their `dev` rows are.
pub const TRAINING_FILES: &[(&str, bool)] = &[
    ("eval/es.csv", false),
    ("eval/en.csv", false),
    ("eval/reviews_es.csv", true),
    ("eval/reviews_en.csv", true),
    ("eval/uci_en.csv", true),
    ("training/es_products.csv", false),
    ("training/es_restaurants.csv", false),
    ("training/es_travel.csv", false),
    ("training/es_services.csv", false),
    ("training/en_products.csv", false),
    ("training/en_services.csv", false),
    ("training/es_hotel_sentences.csv", false),
];

/// (comment, positive?) of one labelled file's pos/neg rows.
fn labelled(path: &Path, dev_only: bool) -> Result<Vec<(String, bool)>, String> {
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let mut csv = csv::Reader::from_path(path).map_err(|e| fail(&e))?;
    let headers = csv.headers().map_err(|e| fail(&e))?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let text = column("text").ok_or_else(|| fail(&"no text column"))?;
    let label = column("label").ok_or_else(|| fail(&"no label column"))?;
    let split = column("split");
    let mut out = Vec::new();
    for record in csv.records() {
        let record = record.map_err(|e| fail(&e))?;
        if dev_only && split.map(|s| &record[s]) != Some("dev") {
            continue;
        }
        match &record[label] {
            "pos" => out.push((record[text].to_owned(), true)),
            "neg" => out.push((record[text].to_owned(), false)),
            _ => {}
        }
    }
    Ok(out)
}

/// The model trained on the labelled sets under `data_dir` (the repository's data/), and how
/// many comments it saw.
pub fn train(data_dir: &Path) -> Result<(Prior, usize), String> {
    let scorer = Scorer::bundled();
    let mut examples = Vec::new();
    for (file, dev_only) in TRAINING_FILES {
        for (text, positive) in labelled(&data_dir.join(file), *dev_only)? {
            // The lexicon alone, as the scorer hands it to the model at run time.
            let lexicon = scorer.score_lexicon(&text).valence;
            examples.push((scorer.prior_features(&text), lexicon, positive));
        }
    }
    Ok((Prior::train(&examples), examples.len()))
}

/// The file data/models/prior.tsv holds: a header saying what it is, then the model.
pub fn file_text(prior: &Prior, examples: usize) -> String {
    format!(
        "# Curva's learned sentiment prior: a logistic regression on hashed words, bigrams and word\n\
         # beginnings plus the lexicon valence, trained by `cargo run --release --example train_prior` on {examples}\n\
         # labelled comments (data/eval/: es.csv, en.csv, and the dev halves of reviews_es.csv,\n\
         # reviews_en.csv and uci_en.csv; data/training/: invented reviews). Licence: MIT OR\n\
         # Apache-2.0; derived in part from\n\
         # Sentiment Labelled Sentences (Kotzias 2015, https://doi.org/10.24432/C57604, CC BY 4.0).\n{}",
        prior.to_tsv()
    )
}
