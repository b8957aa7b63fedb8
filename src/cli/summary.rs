//! What the terminal shows after a run: problems found in the input, the curve at a glance and
//! where the files went.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use crate::analysis::Report;
use crate::app::Progress;
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

/// A progress bar on stderr while an import streams, only when stderr is a terminal (never in
/// logs or pipes), redrawn at most ten times a second.
pub fn progress() -> impl FnMut(&Progress) {
    let tty = std::io::stderr().is_terminal();
    let mut file = String::new();
    let mut started = Instant::now();
    let mut drawn: Option<Instant> = None;
    move |p| {
        if !tty {
            return;
        }
        if p.file != file {
            if !file.is_empty() {
                eprintln!();
            }
            file = p.file.to_owned();
            started = Instant::now();
            drawn = None;
        }
        let now = Instant::now();
        let done = p.bytes_total.is_some_and(|t| p.bytes_read >= t);
        if drawn.is_some_and(|t| now - t < Duration::from_millis(100)) && !done {
            return;
        }
        drawn = Some(now);
        eprint!("\r{}", progress_line(p, now - started));
    }
}

/// `  survey.csv  [██████░░░░░░░░░░░░░░]  31%  310,000 rows read  295,000 rows/s`; without a known
/// size, the bar and the percentage are left out.
fn progress_line(p: &Progress, elapsed: Duration) -> String {
    const WIDTH: usize = 24;
    // A rate from the first batch alone (2,000 rows in a millisecond) would be nonsense.
    let rows = if elapsed >= Duration::from_millis(500) {
        let rate = p.rows as f64 / elapsed.as_secs_f64();
        format!(
            "{} rows read  {} rows/s",
            thousands(p.rows),
            thousands(rate.round() as u64)
        )
    } else {
        format!("{} rows read", thousands(p.rows))
    };
    match p.bytes_total.filter(|&t| t > 0) {
        Some(total) => {
            let share = (p.bytes_read as f64 / total as f64).clamp(0.0, 1.0);
            let filled = (share * WIDTH as f64).round() as usize;
            format!(
                "  {}  [{}{}] {:>3.0}%  {rows}   ",
                p.file,
                "█".repeat(filled),
                "░".repeat(WIDTH - filled),
                share * 100.0
            )
        }
        None => format!("  {}  {rows}   ", p.file),
    }
}

/// 1234567 as "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_shows_the_share_of_the_file_rows_and_speed() {
        let p = Progress {
            file: "survey.csv",
            rows: 310_000,
            bytes_read: 31,
            bytes_total: Some(100),
        };
        let line = progress_line(&p, Duration::from_secs(2));
        assert!(
            line.contains("survey.csv  [███████░░░░░░░░░░░░░░░░░]  31%"),
            "{line}"
        );
        assert!(line.contains("310,000 rows read  155,000 rows/s"), "{line}");
        let early = progress_line(&p, Duration::from_millis(2));
        assert!(!early.contains("rows/s"), "{early}");
        let unknown = progress_line(
            &Progress {
                bytes_total: None,
                ..p
            },
            Duration::from_secs(1),
        );
        assert!(!unknown.contains('%'), "{unknown}");
        assert!(
            unknown.contains("310,000 rows read  310,000 rows/s"),
            "{unknown}"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(12_345_678), "12,345,678");
    }
}
