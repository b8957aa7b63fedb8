//! The web app on a real, freshly imported database: pages, JSON API, errors and escaping.

use actix_web::{App, test, web};
use curva::analysis::Settings;
use curva::store::{Db, DbUrl, OpenMode};
use curva::web::{AppState, routes, security_headers};

use crate::fixtures::{DemoDir, curva as run_curva};

/// A demo directory whose database holds the demo journey.
fn imported() -> (DemoDir, Db) {
    let d = DemoDir::new();
    assert_eq!(d.import("sqlite://curva.db").code, 0);
    let url = DbUrl::parse(&d.file("curva.db").to_string_lossy()).unwrap();
    let (db, _) = Db::open(&url, OpenMode::MustExist).unwrap();
    (d, db)
}

macro_rules! app {
    ($db:expr) => {
        test::init_service(
            App::new()
                .app_data(web::Data::new(AppState::new($db, Settings::default())))
                .wrap(security_headers())
                .configure(routes),
        )
        .await
    };
}

#[actix_web::test]
async fn health_list_page_and_api() {
    let (d, db) = imported();
    let app = app!(db);

    let resp =
        test::call_service(&app, test::TestRequest::get().uri("/healthz").to_request()).await;
    assert!(resp.status().is_success());

    let resp = test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await;
    assert!(resp.status().is_success());
    assert!(resp.headers().contains_key("content-security-policy"));
    let body = String::from_utf8(test::read_body(resp).await.to_vec()).unwrap();
    assert!(
        body.contains("Online shop")
            && body.contains("/journeys/online-shop")
            && body.contains("2400"),
        "{body}"
    );

    let resp = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/journeys/online-shop")
            .to_request(),
    )
    .await;
    assert!(resp.status().is_success());
    let body = String::from_utf8(test::read_body(resp).await.to_vec()).unwrap();
    assert!(body.contains("<svg") && body.contains("Where it hurts") && body.contains("Courier"));

    let api: serde_json::Value = test::call_and_read_body_json(
        &app,
        test::TestRequest::get()
            .uri("/api/journeys/online-shop/report")
            .to_request(),
    )
    .await;
    let run = run_curva(
        d.path(),
        &[
            "report",
            "--db",
            "sqlite://curva.db",
            "--journey",
            "online-shop",
            "--out",
            "o",
        ],
    );
    assert_eq!(run.code, 0);
    assert_eq!(api, d.json("o/report.json"), "the API serves report.json");
}

#[actix_web::test]
async fn unknown_journeys_are_404_in_json() {
    let (_d, db) = imported();
    let app = app!(db);
    for uri in ["/api/journeys/nope/report"] {
        let resp = test::call_service(&app, test::TestRequest::get().uri(uri).to_request()).await;
        assert_eq!(resp.status(), 404, "{uri}");
        let body: serde_json::Value = test::read_body_json(resp).await;
        assert_eq!(body["error"], "journey \"nope\" not found");
    }
    let resp = test::call_service(
        &app,
        test::TestRequest::get().uri("/api/nothing").to_request(),
    )
    .await;
    assert_eq!(resp.status(), 404);
    let body: serde_json::Value = test::read_body_json(resp).await;
    assert_eq!(body["error"], "no such API endpoint");

    let list: serde_json::Value = test::call_and_read_body_json(
        &app,
        test::TestRequest::get().uri("/api/journeys").to_request(),
    )
    .await;
    assert_eq!(list[0]["id"], "online-shop");
    assert_eq!(list[0]["customer"], 2400);
    assert_eq!(list[0]["employee"], 240);
}

#[actix_web::test]
async fn names_and_comments_are_escaped() {
    let d = DemoDir::new();
    d.write(
        "evil.toml",
        "id = \"evil\"\nname = \"<script>alert(1)</script>\"\n[[stages]]\nid = \"s\"\nname = \"<img src=x onerror=alert(2)>\"\n",
    );
    let rows: String = (0..30)
        .map(|i| format!("{i},s,\"<script>alert({i})</script> fatal\"\n"))
        .collect();
    d.write("evil.csv", format!("id,Etapa,Comentario\n{rows}"));
    let run = run_curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://e.db",
            "--journey",
            "evil.toml",
            "--survey",
            "evil.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let url = DbUrl::parse(&d.file("e.db").to_string_lossy()).unwrap();
    let (db, _) = Db::open(&url, OpenMode::MustExist).unwrap();
    let app = app!(db);
    for uri in ["/", "/journeys/evil"] {
        let resp = test::call_service(&app, test::TestRequest::get().uri(uri).to_request()).await;
        let body = String::from_utf8(test::read_body(resp).await.to_vec()).unwrap();
        assert!(
            !body.contains("<script>alert") && !body.contains("<img src=x"),
            "{uri}: unescaped input"
        );
        assert!(
            body.contains("&lt;script&gt;") || body.contains("&#60;script&#62;"),
            "{uri}: the name is shown, escaped"
        );
    }
}

#[actix_web::test]
async fn browsers_get_an_html_not_found_page() {
    let (_d, db) = imported();
    let app = app!(db);
    for uri in ["/journeys/nope", "/no/such/page"] {
        let resp = test::call_service(&app, test::TestRequest::get().uri(uri).to_request()).await;
        assert_eq!(resp.status(), 404, "{uri}");
        let body = String::from_utf8(test::read_body(resp).await.to_vec()).unwrap();
        assert!(body.contains("<h1>Not found</h1>"), "{uri}: {body}");
    }
}

/// The report is kept between requests, and an import that adds responses is seen at once.
#[actix_web::test]
async fn a_kept_report_follows_new_imports() {
    let (d, db) = imported();
    let app = app!(db);
    let report = |uri: &'static str| test::TestRequest::get().uri(uri).to_request();
    let first: serde_json::Value =
        test::call_and_read_body_json(&app, report("/api/journeys/online-shop/report")).await;
    let again: serde_json::Value =
        test::call_and_read_body_json(&app, report("/api/journeys/online-shop/report")).await;
    assert_eq!(first, again);
    assert_eq!(first["totals"]["responses"], 2400);

    d.write(
        "more.csv",
        "ID,Etapa,Comentario\nN1,Entrega,Llegó tarde y roto\nN2,Entrega,Perfecto todo\n",
    );
    let run = run_curva(
        d.path(),
        &[
            "import",
            "--db",
            "sqlite://curva.db",
            "--journey",
            "journey.toml",
            "--survey",
            "more.csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after: serde_json::Value =
        test::call_and_read_body_json(&app, report("/api/journeys/online-shop/report")).await;
    assert_eq!(after["totals"]["responses"], 2402);
}
