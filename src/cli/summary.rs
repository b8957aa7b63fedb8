//! What the terminal shows after a run: problems found in the input, the curve at a glance and
//! where the files went.

use std::io::IsTerminal;

use crate::analysis::Report;
use crate::ingest::FileInfo;
use crate::ingest::dates::DecidedBy;
use crate::ingest::survey::Severity;
use crate::render::Outputs;

/// How many problem lines to print before summarising the rest.
const SHOWN_PROBLEMS: usize = 10;

pub fn problems(file: &FileInfo) {
    if let Some(d) = file
        .dates
        .as_ref()
        .filter(|d| d.decided_by == DecidedBy::Setting)
    {
        let column = file.columns.date.map_or("", |i| file.headers[i].as_str());
        eprintln!("note: {}: {}", file.path.display(), d.describe(column));
    }
    if file.problems.is_empty() {
        return;
    }
    let skipped = file
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Skipped)
        .count();
    eprintln!(
        "warning: {}: {} rows not imported, {} imported with warnings:",
        file.path.display(),
        skipped,
        file.problems.len() - skipped
    );
    for p in file.problems.iter().take(SHOWN_PROBLEMS) {
        eprintln!(
            "  {}: line {}: {} ({})",
            file.path.display(),
            p.line,
            p.message,
            p.kind
        );
    }
    if file.problems.len() > SHOWN_PROBLEMS {
        eprintln!("  ... and {} more", file.problems.len() - SHOWN_PROBLEMS);
    }
}

/// A progress line on stderr while an import streams, only when stderr is a terminal (never in
/// logs or pipes).
pub fn progress() -> impl FnMut(u64) {
    let tty = std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    move |rows| {
        if tty {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            eprint!("\r  {rows} rows read ({:.0} rows/s)   ", rows as f64 / secs);
        }
    }
}

pub fn curve(report: &Report) {
    println!(
        "{} — {} customer responses, {} employee remarks, {} unassigned",
        report.journey.name,
        report.totals.responses,
        report.totals.employee_feedback,
        report.totals.unassigned
    );
    for s in &report.stages {
        let value = s
            .valence
            .map_or_else(|| "   —  ".to_owned(), |v| format!("{:+.2}", v.mean));
        let ci = s.valence.map_or_else(
            || "too few responses".to_owned(),
            |v| format!("[{:+.2}, {:+.2}]", v.ci95[0], v.ci95[1]),
        );
        let employee = match &s.employee {
            Some(e) => match (e.valence, e.gap) {
                (Some(v), Some(gap)) => format!(
                    "  employees {:+.2} (gap {gap:+.2}{})",
                    v.mean,
                    if e.significant { ", significant" } else { "" }
                ),
                _ => format!("  employees: n={} hidden", e.n),
            },
            None => String::new(),
        };
        println!("  {:<24} {value}  {ci:<18} n={:<5}{employee}", s.name, s.n);
    }
    for p in report.pain_points.iter().take(5) {
        println!("  ! {}: {}", p.kind, p.detail);
    }
}

pub fn outputs(out: &Outputs) {
    println!("Report written:");
    for path in [&out.html, &out.json, &out.svg, &out.png, &out.csv] {
        println!("  {}", super::shown(path).display());
    }
}
