//! `curva inspect`: what Curva understood of an export, without storing anything: the tool
//! that made it, encoding, delimiter, header rows, which column plays which role, how many rows
//! would be imported, and every row that would not (or only with a warning).

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::mapping::{MappingArgs, journey_and_mappings};
use crate::domain::{Response, Source};
use crate::ingest::columns::NamedColumns;
use crate::ingest::dates::DecidedBy;
use crate::ingest::survey::{StreamError, stream_survey};
use crate::ingest::{FileInfo, IngestError, ReadOptions};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The export to look at.
    pub file: PathBuf,
    /// Print the JSON document (for scripts) instead of the readable preview.
    #[arg(long)]
    pub json: bool,
    /// The journey the file is for: its stage and touchpoint names help find those columns.
    #[arg(long)]
    pub journey: Option<PathBuf>,
    #[command(flatten)]
    pub mapping: MappingArgs,
}

const PREVIEW_ROWS: usize = 5;

/// The `--json` contract (docs/import.md).
#[derive(Debug, Serialize)]
pub struct Inspection {
    pub format: &'static str,
    pub encoding: &'static str,
    pub bom: bool,
    /// The field delimiter of a text export; null for an Excel workbook.
    pub delimiter: Option<String>,
    /// The worksheet read, for an Excel workbook (absent for text exports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub header_rows: usize,
    pub data_rows: u64,
    /// A long export (one row per answer): the respondents those rows are grouped into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondents: Option<u64>,
    pub columns: NamedColumns,
    /// How the date column's day/month order was decided; null for ISO dates or no dates.
    pub dates: Option<DatesOut>,
    pub problems: Vec<ProblemOut>,
}

#[derive(Debug, Serialize)]
pub struct DatesOut {
    pub column: String,
    pub order: &'static str,
    pub decided_by: DecidedBy,
    pub evidence: String,
}

#[derive(Debug, Serialize)]
pub struct ProblemOut {
    pub line: u64,
    pub kind: &'static str,
    pub severity: &'static str,
    pub message: String,
}

pub fn inspection(info: &FileInfo) -> Inspection {
    Inspection {
        format: info.format.name(),
        encoding: info.encoding.name(),
        bom: matches!(
            info.encoding,
            crate::ingest::sniff::Encoding::Utf8 { bom: true }
        ) || matches!(
            info.encoding,
            crate::ingest::sniff::Encoding::Utf16Le | crate::ingest::sniff::Encoding::Utf16Be
        ),
        delimiter: info
            .sheet
            .is_none()
            .then(|| (info.delimiter as char).to_string()),
        sheet: info.sheet.clone(),
        header_rows: info.header_rows,
        data_rows: info.responses,
        respondents: info.respondents,
        columns: info.columns.named(&info.headers),
        dates: info.dates.as_ref().map(|d| DatesOut {
            column: info
                .columns
                .date
                .map_or_else(String::new, |i| info.headers[i].clone()),
            order: d.order.as_str(),
            decided_by: d.decided_by,
            evidence: d.evidence.clone(),
        }),
        problems: info
            .problems
            .iter()
            .map(|p| ProblemOut {
                line: p.line,
                kind: p.kind,
                severity: match p.severity {
                    crate::ingest::survey::Severity::Skipped => "skipped",
                    crate::ingest::survey::Severity::Warning => "warning",
                },
                message: p.message.clone(),
            })
            .collect(),
    }
}

pub fn run(args: InspectArgs) -> anyhow::Result<()> {
    let file = std::fs::File::open(&args.file).map_err(|source| IngestError::Io {
        path: args.file.clone(),
        source,
    })?;
    let mut preview: Vec<Response> = Vec::new();
    let (journey, mappings) = journey_and_mappings(args.journey.as_deref())?;
    let mapping = args.mapping.survey(mappings.survey.as_ref())?;
    let options = ReadOptions {
        keep_pii: false,
        journey: journey.as_ref(),
        mapping: Some(&mapping),
        ..ReadOptions::default()
    };
    let info = stream_survey(file, &args.file, Source::Customer, options, |r, _| {
        if preview.len() < PREVIEW_ROWS {
            preview.push(r);
        }
        Ok::<(), std::convert::Infallible>(())
    })
    .map_err(|e| match e {
        StreamError::Ingest(e) => e,
        StreamError::Sink(never) => match never {},
    })?;
    let doc = inspection(&info);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    // Question texts that differ from the column name (Qualtrics' second header row).
    let labels = info
        .headers
        .iter()
        .zip(&info.labels)
        .filter(|(h, l)| h != l)
        .map(|(h, l)| (h.as_str(), l.as_str()))
        .collect();
    print_human(&args.file, &doc, &labels, &preview);
    Ok(())
}

fn print_human(
    path: &std::path::Path,
    doc: &Inspection,
    labels: &std::collections::HashMap<&str, &str>,
    preview: &[Response],
) {
    println!("{}", path.display());
    let container = match (&doc.sheet, doc.delimiter.as_deref()) {
        (Some(sheet), _) => format!("Excel workbook, sheet \"{sheet}\""),
        (None, delimiter) => format!(
            "{}{}, delimiter \"{}\"",
            doc.encoding,
            if doc.bom { " with BOM" } else { "" },
            match delimiter {
                Some("\t") => "tab",
                d => d.unwrap_or_default(),
            }
        ),
    };
    println!(
        "  {} export, {container}, {} header row(s)",
        doc.format, doc.header_rows
    );
    let skipped = doc
        .problems
        .iter()
        .filter(|p| p.severity == "skipped")
        .count();
    match doc.respondents {
        Some(people) => println!(
            "  {} answer rows would be imported, grouped into {people} respondents' responses; {skipped} rows would not",
            doc.data_rows
        ),
        None => println!(
            "  {} responses would be imported, {skipped} rows would not",
            doc.data_rows
        ),
    }
    println!("\nColumns:");
    let c = &doc.columns;
    for (role, col) in [
        ("response id", &c.id),
        ("date", &c.date),
        ("stage", &c.stage),
        ("touchpoint", &c.touchpoint),
        ("segment", &c.segment),
        ("language", &c.language),
    ] {
        let shown = col
            .as_deref()
            .map_or_else(|| "— (not found)".to_owned(), |h| format!("\"{h}\""));
        println!("  {role:<12} {shown}");
    }
    for (role, col) in [("respondent", &c.respondent), ("question", &c.question)] {
        if let Some(h) = col {
            println!("  {role:<12} \"{h}\" (one row per answer: grouped per respondent)");
        }
    }
    for t in &c.text {
        println!(
            "  {:<12} \"{t}\"{}",
            "text",
            labels
                .get(t.as_str())
                .map_or(String::new(), |l| format!(" ({l})"))
        );
    }
    for r in &c.ratings {
        let label = labels
            .get(r.column.as_str())
            .map_or(String::new(), |l| format!(" ({l})"));
        let rates = r.rates.as_deref().map_or(String::new(), |p| {
            format!(" → one observation at \"{p}\" (matrix row)")
        });
        println!(
            "  {:<12} \"{}\"{label}: {:?}, {}–{}{rates}",
            "rating", r.column, r.kind, r.scale[0], r.scale[1]
        );
    }
    if let (Some(d), Some(column)) = (&doc.dates, c.date.as_deref()) {
        let how = match d.decided_by {
            DecidedBy::Values => format!("decided by values such as \"{}\"", d.evidence),
            DecidedBy::Setting => format!(
                "AMBIGUOUS: values such as \"{}\" read either way; the setting decided (--date-order)",
                d.evidence
            ),
        };
        let order = if d.order == "mdy" {
            "month/day/year"
        } else {
            "day/month/year"
        };
        println!("  {:<12} \"{column}\" read as {order}, {how}", "date order");
    }
    if !preview.is_empty() {
        println!("\nFirst responses:");
        println!(
            "  {:<14} {:<16} {:<18} {:<14} {:<12} text",
            "id", "stage", "touchpoint", "segment", "ratings"
        );
        for r in preview {
            let ratings: Vec<String> = r.ratings.iter().map(|x| x.value.to_string()).collect();
            let text: String = r
                .text
                .as_deref()
                .unwrap_or("")
                .chars()
                .take(50)
                .collect::<String>()
                .replace('\n', " ");
            println!(
                "  {:<14} {:<16} {:<18} {:<14} {:<12} {text}",
                clip(&r.key, 14),
                clip(r.stage.as_deref().unwrap_or("—"), 16),
                clip(r.touchpoint.as_deref().unwrap_or("—"), 18),
                clip(r.segment.as_ref().map_or("—", |s| s.as_str()), 14),
                clip(&ratings.join(" "), 12),
            );
        }
    }
    if !doc.problems.is_empty() {
        println!("\nProblems ({}):", doc.problems.len());
        for p in doc.problems.iter().take(20) {
            println!(
                "  line {}: {} [{}, {}]",
                p.line, p.message, p.kind, p.severity
            );
        }
        if doc.problems.len() > 20 {
            println!(
                "  ... and {} more (use --json for all)",
                doc.problems.len() - 20
            );
        }
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}
