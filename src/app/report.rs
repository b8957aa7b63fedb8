//! A journey's analysis from what the database holds: the stored journey definition and every
//! stored response, analysed exactly as `curva analyze` analyses the files.

use crate::analysis::{self, Analysis, Settings};
use crate::ingest::journey_file::parse_journey;
use crate::store::{Conn, StoreError, journeys, responses};

pub fn analysis_from_db(
    conn: &mut Conn,
    journey_id: &str,
    settings: &Settings,
) -> Result<Analysis, StoreError> {
    let Some(row) = journeys::find(conn, journey_id)? else {
        let known = journeys::list(conn)?.into_iter().map(|j| j.id).collect();
        return Err(StoreError::JourneyNotFound {
            id: journey_id.to_owned(),
            known,
        });
    };
    let journey = parse_journey(&row.definition).map_err(|e| {
        StoreError::Corrupt(format!(
            "the stored definition of journey \"{journey_id}\": {e}"
        ))
    })?;
    let stored = responses::load(conn, journey_id)?;
    Ok(analysis::analyze(&journey, &stored, settings))
}
