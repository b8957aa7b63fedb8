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
    let mut filters: Vec<(String, usize, &str)> = Vec::new();
    for f in &args.filter {
        let (column, value) = f.split_once('=').ok_or_else(|| {
            UsageError(format!(
                "--where \"{f}\": write COLUMN=VALUE, e.g. split=test"
            ))
        })?;
        let (column, value) = (column.trim(), value.trim());
        filters.push((format!("{column}={value}"), find(column)?, value));
    }
    let mut items = Vec::new();
    // How many rows meet each filter on its own, to tell a typo from a combination no row has.
    let mut meeting = vec![0usize; filters.len()];
    for (i, record) in records.iter().enumerate() {
        let mut kept = true;
        for ((_, column, value), meeting) in filters.iter().zip(&mut meeting) {
            let meets = record.get(*column).unwrap_or_default().trim() == *value;
            *meeting += usize::from(meets);
            kept &= meets;
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
        let file = args.file.display();
        // A filter no row meets: name the values its column holds.
        if let Some(((asked, column, _), _)) = filters.iter().zip(&meeting).find(|(_, n)| **n == 0)
        {
            let mut values: Vec<&str> = Vec::new();
            for record in &records {
                let here = record.get(*column).unwrap_or_default().trim();
                if !values.contains(&here) {
                    values.push(here);
                }
            }
            let shown: Vec<&str> = values
                .iter()
                .take(20)
                .map(|v| if v.is_empty() { "(empty)" } else { v })
                .collect();
            let more = if values.len() > 20 { ", …" } else { "" };
            return Err(UsageError(format!(
                "{file}: no row has {asked}; that column holds: {}{more}",
                shown.join(", ")
            ))
            .into());
        }
        let each: Vec<String> = filters
            .iter()
            .zip(&meeting)
            .map(|((asked, ..), n)| format!("{asked}: {n}"))
            .collect();
        return Err(UsageError(format!(
            "{file}: no row meets all of {} together (rows meeting each: {})",
            filters
                .iter()
                .map(|(asked, ..)| asked.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            each.join(", ")
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
