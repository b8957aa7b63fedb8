//! `curva serve`: the web app on a local address.

use std::net::SocketAddr;

use clap::Args;

use super::{AnalysisArgs, DbArgs, shown};
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
    println!(
        "Serving {} on http://{}",
        shown(db.path()).display(),
        args.bind
    );
    web::serve(db, args.bind, args.analysis.settings())?;
    Ok(())
}
