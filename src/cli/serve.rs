//! `curva serve`: the web app on a local address.

use std::net::SocketAddr;

use clap::Args;

use super::{AnalysisArgs, DbArgs, UsageError, shown};
use crate::store::{Db, OpenMode};
use crate::web;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on. Keep the default loopback address unless the machine is
    /// protected: this first version has no login.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
}

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let (db, _) = Db::open(&args.db.parse()?, OpenMode::MustExist)?;
    let shown_db = shown(db.path()).display().to_string();
    let bind = args.bind;
    web::serve(db, bind, args.analysis.settings()?, || {
        println!("Serving {shown_db} on http://{bind}");
    })
    .map_err(|e| UsageError(format!("cannot serve on {bind}: {e}")))?;
    Ok(())
}
