//! Trains the model the sentiment scorer blends with its lexicon and writes it to
//! data/models/prior.tsv (see `curva::analysis::sentiment::prior`):
//!
//! `cargo run --release --example train_prior`
//!
//! Run it after changing a lexicon or the labelled sets; a test fails until the shipped model
//! matches. Deterministic: the same data gives the same file.

use std::path::Path;

use curva::analysis::sentiment::prior;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (model, examples) = prior::train(&root.join("data"))?;
    let out = root.join("data/models/prior.tsv");
    std::fs::write(&out, prior::file_text(&model, examples))?;
    println!("{examples} examples; wrote {}", out.display());
    Ok(())
}
