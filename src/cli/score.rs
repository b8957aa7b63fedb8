//! `curva score`: every comment of a file scored, one output row per input row, in input order:
//! valence, the text's own valence, label, language, emotions and the words and rules behind
//! the score. With a rating column, the valence fuses text and rating as a report does, while
//! `text_valence` stays the text's alone.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::table::{Table, column};
use crate::analysis::learn::learn;
use crate::analysis::scoring::fuse;
use crate::analysis::sentiment::{self, Label, emotions::emotions};
use crate::domain::{Rating, RatingKind, Scale};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// CSV file (or a workbook's first sheet) with a header row.
    pub file: PathBuf,
    /// The column holding the comment.
    #[arg(long)]
    pub text_column: String,
    /// A rating column to fuse with the text (e.g. NPS or CSAT).
    #[arg(long, requires = "rating_scale")]
    pub rating_column: Option<String>,
    /// The rating's scale, worst first: 0-10, 1-5, 1-7.
    #[arg(long, value_parser = parse_scale)]
    pub rating_scale: Option<Scale>,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    #[command(flatten)]
    pub weights: super::WeightArgs,
}

fn parse_scale(s: &str) -> Result<Scale, String> {
    let (lo, hi) = s
        .split_once('-')
        .ok_or("write the scale as LO-HI, e.g. 0-10")?;
    let lo: f64 = lo
        .trim()
        .parse()
        .map_err(|_| format!("\"{lo}\" is not a number"))?;
    let hi: f64 = hi
        .trim()
        .parse()
        .map_err(|_| format!("\"{hi}\" is not a number"))?;
    Scale::new(lo, hi).map_err(|e| e.to_string())
}

pub fn run(args: ScoreArgs) -> anyhow::Result<()> {
    let Table { headers, records } = Table::read(&args.file)?;
    let find = |name: &str| column(&headers, name, &args.file);
    let text_col = find(&args.text_column)?;
    let rating_col = args.rating_column.as_deref().map(find).transpose()?;
    let weights = args.weights.weights()?;
    // One of the two writers is used, by the format asked for; csv::Writer buffers on its own.
    let mut csv_out = matches!(args.format, Format::Csv)
        .then(|| csv::Writer::from_writer(std::io::stdout().lock()));
    let mut jsonl_out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Some(w) = csv_out.as_mut() {
        w.write_record([
            "row",
            "valence",
            "text_valence",
            "rating_valence",
            "label",
            "language",
            "emotions",
            "explanation",
            "intensity",
        ])?;
    }
    // Read every row first: learning from the ratings needs them all before any is written.
    let mut comments: Vec<String> = Vec::new();
    let mut ratings: Vec<Option<f64>> = Vec::new();
    // A rating that is not a number on the scale is left out, and said so, by line.
    let mut unreadable: Vec<String> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        comments.push(record.get(text_col).unwrap_or_default().to_owned());
        ratings.push(match (rating_col, args.rating_scale) {
            (Some(c), Some(scale)) => {
                let raw = record.get(c).unwrap_or_default().trim();
                let rating = raw
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .and_then(|v| Rating::new(RatingKind::Rating, v, scale).ok());
                if rating.is_none() && !raw.is_empty() {
                    let line = record.position().map_or(i as u64 + 2, |p| p.line());
                    unreadable.push(format!(
                        "line {line}: \"{raw}\" is not a rating on {}-{}",
                        scale.lo, scale.hi
                    ));
                }
                rating.map(|r| r.valence().get())
            }
            _ => None,
        });
    }
    if !unreadable.is_empty() {
        eprintln!(
            "warning: {}: {} ratings left out (the text is still scored):",
            args.file.display(),
            unreadable.len()
        );
        for u in unreadable.iter().take(10) {
            eprintln!("  {u}");
        }
        if unreadable.len() > 10 {
            eprintln!("  ... and {} more", unreadable.len() - 10);
        }
    }
    let scores: Vec<_> = comments.iter().map(|c| sentiment::score(c)).collect();
    let learned = if rating_col.is_some() {
        let texts: Vec<Option<&str>> = comments
            .iter()
            .map(|c| Some(c.as_str()).filter(|c| !c.trim().is_empty()))
            .collect();
        let lexicon: Vec<f64> = scores.iter().map(|s| s.valence).collect();
        match learn(&texts, &ratings, &lexicon) {
            Some((valences, report)) => {
                eprintln!(
                    "learned from {} clearly rated comments: cross-validated macro-F1 {:.3} (model) vs {:.3} (lexicon), right where the other was wrong on {} vs {} (sign test p = {:.3}); {}",
                    report.labelled,
                    report.model_macro_f1,
                    report.lexicon_macro_f1,
                    report.model_only_right,
                    report.lexicon_only_right,
                    report.sign_test_p,
                    if report.used {
                        "the model scores the text".to_owned()
                    } else {
                        format!(
                            "the model does not beat the lexicon (it must lead in macro-F1, here {:+.4}, and read more comments right), so the lexicon scores the text",
                            report.model_macro_f1 - report.lexicon_macro_f1
                        )
                    }
                );
                valences
            }
            None => {
                eprintln!(
                    "too few clearly rated comments to learn from (50 needed, both kinds); the lexicon scores the text"
                );
                vec![None; comments.len()]
            }
        }
    } else {
        vec![None; comments.len()]
    };
    for (i, (comment, s)) in comments.iter().zip(&scores).enumerate() {
        let row = i + 1;
        let text_valence = learned[i].unwrap_or(s.valence);
        let informative = learned[i].is_some() || s.hits > 0;
        let rating = ratings[i];
        let valence =
            fuse(Some(text_valence), informative, rating, &weights).unwrap_or(text_valence);
        let label = if s.label == Label::Mixed && learned[i].is_none() {
            Label::Mixed
        } else {
            Label::of(valence)
        };
        let emotions = emotions(comment);
        let mut explanation = s.explanation.clone();
        if learned[i].is_some() {
            explanation.push(format!(
                "learned from this file's ratings: {text_valence:+.2}"
            ));
        }
        match csv_out.as_mut() {
            Some(w) => {
                let emo: Vec<String> = emotions.iter().map(|(e, v)| format!("{e}:{v}")).collect();
                w.write_record([
                    row.to_string(),
                    valence.to_string(),
                    text_valence.to_string(),
                    rating.map(|r| r.to_string()).unwrap_or_default(),
                    label.as_str().to_owned(),
                    s.language.as_str().to_owned(),
                    emo.join(";"),
                    explanation.join("; "),
                    s.intensity.to_string(),
                ])?;
            }
            None => {
                let line = serde_json::json!({
                    "row": row, "valence": valence, "text_valence": text_valence, "rating_valence": rating,
                    "label": label, "language": s.language, "emotions": emotions, "explanation": explanation,
                    "intensity": s.intensity,
                });
                writeln!(jsonl_out, "{line}")?;
            }
        }
    }
    if let Some(w) = csv_out.as_mut() {
        w.flush()?;
    }
    jsonl_out.flush()?;
    Ok(())
}
