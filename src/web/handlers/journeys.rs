//! `GET /`: the journeys in the database with their response counts; `GET /api/journeys`: the
//! same as JSON.

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::store::journeys;
use crate::web::{AppState, WebError};

#[derive(serde::Serialize)]
pub struct JourneyItem {
    pub id: String,
    pub name: String,
    pub stages: usize,
    pub customer: i64,
    pub employee: i64,
    pub last_import: String,
}

#[derive(Template)]
#[template(path = "journeys.html")]
struct JourneysPage {
    journeys: Vec<JourneyItem>,
}

fn items(db: &crate::store::Db) -> Result<Vec<JourneyItem>, WebError> {
    let mut conn = db.conn()?;
    let rows = journeys::list(&mut conn).map_err(crate::store::StoreError::from)?;
    Ok(rows
        .into_iter()
        .map(|j| JourneyItem {
            stages: crate::ingest::journey_file::parse_journey(&j.definition)
                .map_or(0, |p| p.stages.len()),
            id: j.id,
            name: j.name,
            customer: j.customer,
            employee: j.employee,
            last_import: j.last_import.unwrap_or_default(),
        })
        .collect())
}

pub async fn list(state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let db = state.db.clone();
    let html = web::block(move || -> Result<String, WebError> {
        JourneysPage {
            journeys: items(&db)?,
        }
        .render()
        .map_err(|e| WebError::Internal(Box::new(e)))
    })
    .await??;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .body(html))
}

pub async fn list_json(state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let db = state.db.clone();
    let journeys = web::block(move || items(&db)).await??;
    Ok(HttpResponse::Ok().json(journeys))
}
