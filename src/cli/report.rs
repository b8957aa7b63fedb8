//! `curva report`: the report of a stored journey, identical to what `analyze` gives for the
//! same responses.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{AnalysisArgs, DbArgs, summary};
use crate::app;
use crate::render;
use crate::store::{Db, OpenMode};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Journey id (the `id` in its journey file).
    #[arg(long)]
    pub journey: String,
    /// Folder for report.json, report.html, curve.svg, curve.png and responses.csv.
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

pub fn run(args: ReportArgs) -> anyhow::Result<()> {
    let (db, _) = Db::open(&args.db.parse()?, OpenMode::MustExist)?;
    let mut conn = db.conn()?;
    let analysis = app::analysis_from_db(&mut conn, &args.journey, &args.analysis.settings()?)?;
    let out = render::write_all(&args.out, &analysis)
        .with_context(|| format!("writing the report into {}", args.out.display()))?;
    summary::curve(&analysis.report);
    summary::outputs(&out);
    Ok(())
}
