//! The `curva` command line. Each subcommand lives in its own module; this one parses the
//! arguments, runs the command and turns its outcome into an exit code: 0 ok, 2 bad input (the
//! message names the file and line), 1 internal error. A panic is caught and reported as an
//! internal error, never shown as a backtrace.

mod analyze;
mod demo;
mod eval;
mod import;
mod imports;
mod inspect;
mod mapping;
mod migrate;
mod report;
mod score;
mod serve;
mod summary;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::analysis::{Settings, Weights};
use crate::app::ImportError;
use crate::ingest::IngestError;
use crate::render::RenderError;
use crate::store::{DbUrl, StoreError};

/// Customer-journey emotion maps from real survey responses and employee feedback.
#[derive(Debug, Parser)]
#[command(name = "curva", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse survey files in memory and write the report (no database).
    Analyze(analyze::AnalyzeArgs),
    /// Show what Curva understands of an export, without storing anything.
    Inspect(inspect::InspectArgs),
    /// Store survey responses in the database; re-importing adds only new responses.
    Import(import::ImportArgs),
    /// Write a journey's report from the responses stored in the database.
    Report(report::ReportArgs),
    /// Serve the journey list, report pages and the JSON API.
    Serve(serve::ServeArgs),
    /// Create the database or bring its schema up to date.
    Migrate(migrate::MigrateArgs),
    /// List the imports stored in the database.
    Imports(imports::ImportsArgs),
    /// Score every comment of a file: valence, label, language, emotions, explanation.
    Score(score::ScoreArgs),
    /// Measure the sentiment engine on labelled comments: accuracy, macro-F1, confusion matrix.
    Eval(eval::EvalArgs),
    /// Run the whole job on the bundled demo data: import into SQLite, then write the report.
    Demo(demo::DemoArgs),
}

/// The database option shared by the commands that use one.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Database URL (sqlite://FILE).
    #[arg(long = "db", env = "DATABASE_URL", default_value = "sqlite://curva.db")]
    pub url: String,
}

impl DbArgs {
    pub fn parse(&self) -> Result<DbUrl, StoreError> {
        DbUrl::parse(&self.url)
    }
}

/// Analysis options shared by `analyze`, `report` and `serve`.
#[derive(Debug, Args)]
pub struct AnalysisArgs {
    /// Fewest responses for a stage, touchpoint or segment to get a valence.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_n: u32,
    #[command(flatten)]
    pub weights: WeightArgs,
}

impl AnalysisArgs {
    pub fn settings(&self) -> Result<Settings, UsageError> {
        Ok(Settings {
            min_n: self.min_n as usize,
            weights: self.weights.weights()?,
            ..Settings::default()
        })
    }
}

/// How a response that has both a comment and a rating weighs them into its valence.
#[derive(Debug, Args)]
pub struct WeightArgs {
    /// Weight of the comment's valence where a response also has a rating.
    #[arg(long, default_value_t = 0.5, value_parser = parse_weight)]
    pub text_weight: f64,
    /// Weight of the rating's valence where a response also has a comment.
    #[arg(long, default_value_t = 0.5, value_parser = parse_weight)]
    pub rating_weight: f64,
}

impl WeightArgs {
    pub fn weights(&self) -> Result<Weights, UsageError> {
        if self.text_weight + self.rating_weight <= 0.0 {
            return Err(UsageError(
                "--text-weight and --rating-weight cannot both be 0".into(),
            ));
        }
        Ok(Weights {
            text: self.text_weight,
            rating: self.rating_weight,
        })
    }
}

fn parse_weight(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|w| w.is_finite() && *w >= 0.0)
        .ok_or_else(|| format!("\"{s}\" is not a weight: write a number, 0 or more (e.g. 0.7)"))
}

/// A mistake in what the user asked for, as opposed to a fault of Curva's.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Keep panics (which would be bugs) out of the user's terminal as backtraces.
    std::panic::set_hook(Box::new(|info| {
        // `curva ... | head` closes our stdout early; that is the reader's choice, not a bug.
        let message = info.to_string();
        if message.contains("failed printing to stdout") {
            if message.contains("Broken pipe") {
                std::process::exit(0);
            }
            eprintln!("curva: cannot write to standard output (is the disk full?)");
            std::process::exit(1);
        }
        eprintln!("curva: internal error: {info}");
    }));
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        // The reader of our output went away (`curva score … | head`): their choice, not an error.
        Ok(Err(err)) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            eprintln!("curva: {err:#}");
            ExitCode::from(exit_code(&err))
        }
        Err(_) => ExitCode::from(1),
    }
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Import(args) => import::run(args),
        Command::Report(args) => report::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Migrate(args) => migrate::run(args),
        Command::Imports(args) => imports::run(args),
        Command::Score(args) => score::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Demo(args) => demo::run(args),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(|e| {
                matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
            })
    })
}

/// 2 when anything in the error chain is the user's to fix, else 1.
fn exit_code(err: &anyhow::Error) -> u8 {
    let user = err.chain().any(|cause| {
        cause.is::<IngestError>()
            || cause.is::<UsageError>()
            || cause
                .downcast_ref::<StoreError>()
                .is_some_and(StoreError::is_user_error)
            || cause
                .downcast_ref::<ImportError>()
                .is_some_and(ImportError::is_user_error)
            || cause
                .downcast_ref::<RenderError>()
                .is_some_and(RenderError::is_user_error)
    });
    if user { 2 } else { 1 }
}

/// A path for messages: absolute when it can be, so "where did it go?" has one answer.
pub fn shown(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
