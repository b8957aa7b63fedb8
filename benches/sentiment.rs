//! Sentiment scoring speed on one core: the labelled comments of data/eval/ (Spanish and
//! English, short to long) scored again and again for about two seconds.
//!
//! Run: `cargo bench --bench sentiment`. Record the figure and the machine in docs/BENCHMARKS.md.

use std::time::Instant;

// The allocator the `curva` binary uses (src/main.rs), so the figure is what `curva score` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut texts = Vec::new();
    for lang in ["es", "en"] {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/eval/{lang}.csv"));
        let mut csv = csv::Reader::from_path(path)?;
        for r in csv.records() {
            texts.push(r?[1].to_owned());
        }
    }
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    // Warm up (lexicons load on first use).
    let mut sink = 0.0;
    for t in &texts {
        sink += curva::analysis::sentiment::score(t).valence;
    }
    let started = Instant::now();
    let mut scored = 0usize;
    while started.elapsed().as_secs_f64() < 2.0 {
        for t in &texts {
            sink += curva::analysis::sentiment::score(t).valence;
        }
        scored += texts.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "sentiment: {scored} comments (mean {:.0} chars) in {secs:.2} s = {:.0} comments/s on one core (checksum {sink:.1})",
        chars as f64 / texts.len() as f64,
        scored as f64 / secs
    );
    Ok(())
}
