//! `curva migrate`: create the database or bring its schema up to date.

use clap::Args;

use super::{DbArgs, shown};
use crate::store::{Db, OpenMode};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: MigrateArgs) -> anyhow::Result<()> {
    // Opening runs the pending migrations; a second run finds nothing left to do.
    let (db, created) = Db::open(&args.db.parse()?, OpenMode::Create)?;
    let verb = if created { "Created" } else { "Checked" };
    println!("{verb} {}: schema up to date", shown(db.path()).display());
    Ok(())
}
