//! `curva eval`: how well the sentiment engine agrees with labelled comments.

use std::path::PathBuf;

use clap::Args;

use super::UsageError;
use super::table::{Table, column, line_of};
use crate::analysis::evaluation::{Scores, evaluate};
use crate::ingest::IngestError;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// CSV file (or a workbook's first sheet) with a header row, one labelled comment per row.
    pub file: PathBuf,
    /// The column holding the comment.
    #[arg(long)]
    pub text_column: String,
    /// The column holding the gold label: neg, neu, pos or mixed.
    #[arg(long)]
    pub label_column: String,
    /// Only the rows whose COLUMN holds VALUE, e.g. `--where split=test` or
    /// `--where domain=hotel`; given more than once, only the rows that meet every one.
    #[arg(long = "where", value_name = "COLUMN=VALUE")]
    pub filter: Vec<String>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: EvalArgs) -> anyhow::Result<()> {
    let items = read_labelled(&args)?;
    let result = evaluate(&items);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(());
    }
    println!("{}: {} labelled comments", args.file.display(), items.len());
    print_scores("All labels", &result.all);
    print_scores(
        "Binary (pos vs neg; neu and mixed left out)",
        &result.binary,
    );
    Ok(())
}

fn read_labelled(args: &EvalArgs) -> anyhow::Result<Vec<(String, String)>> {
    let Table { headers, records } = Table::read(&args.file)?;
    let find = |name: &str| column(&headers, name, &args.file);
    let (text, label) = (find(&args.text_column)?, find(&args.label_column)?);
    let mut filters = Vec::new();
    for f in &args.filter {
        let (column, value) = f.split_once('=').ok_or_else(|| {
            UsageError(format!(
                "--where \"{f}\": write COLUMN=VALUE, e.g. split=test"
            ))
        })?;
        filters.push((column.trim(), find(column.trim())?, value.trim()));
    }
    let mut items = Vec::new();
    // The values each filter column holds, to name them when no row matches (a typo).
    let mut seen_values: Vec<Vec<&str>> = vec![Vec::new(); filters.len()];
    for (i, record) in records.iter().enumerate() {
        let mut kept = true;
        for ((_, column, value), seen) in filters.iter().zip(&mut seen_values) {
            let here = record.get(*column).unwrap_or_default().trim();
            if seen.len() < 20 && !seen.contains(&here) {
                seen.push(here);
            }
            kept &= here == *value;
        }
        if !kept {
            continue;
        }
        let gold = record.get(label).unwrap_or_default().trim().to_lowercase();
        if !["neg", "neu", "pos", "mixed"].contains(&gold.as_str()) {
            return Err(IngestError::Malformed {
                path: args.file.clone(),
                line: line_of(record, i),
                message: format!("label \"{gold}\" is not one of neg, neu, pos, mixed"),
            }
            .into());
        }
        items.push((record.get(text).unwrap_or_default().to_owned(), gold));
    }
    if items.is_empty() && !filters.is_empty() {
        let holds: Vec<String> = filters
            .iter()
            .zip(&seen_values)
            .map(|((name, ..), seen)| format!("{name} holds: {}", seen.join(", ")))
            .collect();
        return Err(UsageError(format!(
            "{}: no row has {}; {}",
            args.file.display(),
            args.filter.join(" and "),
            holds.join("; ")
        ))
        .into());
    }
    Ok(items)
}

fn print_scores(title: &str, s: &Scores) {
    println!(
        "\n{title}: n={}, accuracy {:.3}, macro-F1 {:.3}",
        s.n, s.accuracy, s.macro_f1
    );
    print!("  {:>12}", "gold \\ pred");
    for l in &s.labels {
        print!(" {l:>6}");
    }
    println!("   F1");
    for (i, gold) in s.labels.iter().enumerate() {
        print!("  {gold:>12}");
        for count in &s.confusion[i] {
            print!(" {count:>6}");
        }
        println!("   {:.3}", s.f1.get(gold).copied().unwrap_or(0.0));
    }
}
