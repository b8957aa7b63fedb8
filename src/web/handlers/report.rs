//! `GET /journeys/{id}` (the report page, curve inline) and `GET /api/journeys/{id}/report`
//! (report.json, the same document `curva report` writes).

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::render::{chart, html};
use crate::web::{AppState, WebError};

pub async fn page(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    match render_page(state, id).await {
        // A person in a browser gets a page, not the API's JSON error.
        Err(WebError::NotFound(message)) => Ok(super::not_found::page(&message)),
        other => other,
    }
}

async fn render_page(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let body = web::block(move || -> Result<String, WebError> {
        let report = state.report(&id)?;
        let svg = chart::svg(&report)?;
        html::page(&report, &svg, true)
            .render()
            .map_err(|e| WebError::Internal(Box::new(e)))
    })
    .await??;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .body(body))
}

pub async fn json(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let report = web::block(move || state.report(&id)).await??;
    Ok(HttpResponse::Ok().json(&*report))
}
