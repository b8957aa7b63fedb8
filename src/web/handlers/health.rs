//! `GET /healthz`: 200 when the database answers, for load balancers and uptime checks.

use actix_web::{HttpResponse, web};
use diesel::RunQueryDsl;

use crate::web::{AppState, WebError};

pub async fn check(state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let db = state.db.clone();
    web::block(move || -> Result<(), WebError> {
        let mut conn = db.conn()?;
        diesel::sql_query("SELECT 1")
            .execute(&mut conn)
            .map_err(|e| WebError::Internal(Box::new(e)))?;
        Ok(())
    })
    .await??;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ok", "version": crate::VERSION })))
}
