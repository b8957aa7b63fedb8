//! The one error type of the web layer and its mapping to HTTP statuses. Internal causes are
//! logged to stderr and never shown to the client.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::render::RenderError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    NotFound(String),
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::JourneyNotFound { id, .. } => {
                WebError::NotFound(format!("journey \"{id}\" not found"))
            }
            other => WebError::Internal(Box::new(other)),
        }
    }
}

impl From<RenderError> for WebError {
    fn from(e: RenderError) -> Self {
        WebError::Internal(Box::new(e))
    }
}

impl From<actix_web::error::BlockingError> for WebError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        WebError::Internal(Box::new(e))
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let WebError::Internal(cause) = self {
            eprintln!("curva serve: internal error: {cause}");
        }
        HttpResponse::build(self.status_code())
            .json(serde_json::json!({ "error": self.to_string() }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_errors_to_statuses() {
        let not_found: WebError = StoreError::JourneyNotFound {
            id: "x".into(),
            known: vec!["y".into()],
        }
        .into();
        assert_eq!(not_found.status_code(), StatusCode::NOT_FOUND);
        let internal: WebError = StoreError::Corrupt("bad".into()).into();
        assert_eq!(internal.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(internal.to_string(), "internal error");
    }
}
