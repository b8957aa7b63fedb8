//! The HTML "not found" page, for unknown paths and unknown journeys in the browser.

use actix_web::HttpResponse;
use actix_web::http::header::ContentType;
use askama::Template;

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage<'a> {
    message: &'a str,
}

pub fn page(message: &str) -> HttpResponse {
    let body = NotFoundPage { message }
        .render()
        .unwrap_or_else(|_| "Not found".to_owned());
    HttpResponse::NotFound()
        .content_type(ContentType::html())
        .body(body)
}

/// Scripts calling the API get JSON, as every other API answer; browsers get the page.
pub async fn any(req: actix_web::HttpRequest) -> HttpResponse {
    if req.path().starts_with("/api/") {
        return HttpResponse::NotFound()
            .json(serde_json::json!({ "error": "no such API endpoint" }));
    }
    page("There is no page at this address.")
}
