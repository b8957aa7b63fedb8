//! The web app (actix-web): the journey list, a report page per journey with the curve drawn
//! inline, the report as JSON, and a health check. Handlers do no blocking work on the async
//! workers: database reads, analysis and chart drawing run inside `web::block`.

mod error;
mod handlers;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use actix_web::http::header;
use actix_web::{App, HttpServer, middleware, web as aw};

use crate::analysis::{Report, Settings};
use crate::store::Db;

pub use error::WebError;

/// What every handler can reach.
pub struct AppState {
    pub db: Db,
    pub settings: Settings,
    /// Each journey's report as of its latest import: a report of 300,000 responses takes
    /// seconds to compute, and the data only changes with an import.
    reports: Mutex<HashMap<String, KeptReport>>,
}

/// A report and the latest import it reflects.
type KeptReport = (Option<i32>, Arc<Report>);

impl AppState {
    pub fn new(db: Db, settings: Settings) -> Self {
        AppState {
            db,
            settings,
            reports: Mutex::new(HashMap::new()),
        }
    }

    /// The journey's report, computed again only when an import has changed its data.
    pub fn report(&self, journey_id: &str) -> Result<Arc<Report>, WebError> {
        let mut conn = self.db.conn()?;
        let stamp = crate::store::imports::latest_for(&mut conn, journey_id)
            .map_err(crate::store::StoreError::from)?;
        let cached = self
            .reports
            .lock()
            .ok()
            .and_then(|c| c.get(journey_id).cloned());
        if let Some((at, report)) = cached
            && at == stamp
        {
            return Ok(report);
        }
        let analysis = crate::app::analysis_from_db(&mut conn, journey_id, &self.settings)?;
        let report = Arc::new(analysis.report);
        if let Ok(mut cache) = self.reports.lock() {
            cache.insert(journey_id.to_owned(), (stamp, Arc::clone(&report)));
        }
        Ok(report)
    }
}

/// The routes, shared by `serve` and the tests.
pub fn routes(cfg: &mut aw::ServiceConfig) {
    cfg.route("/", aw::get().to(handlers::journeys::list))
        .route("/healthz", aw::get().to(handlers::health::check))
        .route("/journeys/{id}", aw::get().to(handlers::report::page))
        .route("/api/journeys", aw::get().to(handlers::journeys::list_json))
        .route(
            "/api/journeys/{id}/report",
            aw::get().to(handlers::report::json),
        )
        .default_service(aw::to(handlers::not_found::any));
}

/// Headers that keep a report page from being framed, sniffed or made to load anything from
/// elsewhere (the page needs nothing but its own inline styles).
pub fn security_headers() -> middleware::DefaultHeaders {
    middleware::DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
}

/// Listens on `bind` and serves until stopped; `on_ready` runs once the address is bound, so a
/// "listening" message is never printed for an address that is taken.
pub fn serve(
    db: Db,
    bind: SocketAddr,
    settings: Settings,
    on_ready: impl FnOnce(),
) -> std::io::Result<()> {
    let state = aw::Data::new(AppState::new(db, settings));
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .wrap(security_headers())
                .wrap(middleware::Compress::default())
                .configure(routes)
        })
        .bind(bind)
        .inspect(|_| on_ready())?
        .run()
        .await
    })
}
