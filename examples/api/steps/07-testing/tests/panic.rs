//! A panic in a handler, through the service's real layer stack: the client
//! gets a JSON 500 carrying the request id, the log gets the panic's message
//! under that id, and the connection is answered instead of dropped. No
//! database: the route is the test's own.

mod common;

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use common::capture_log;

// ANCHOR: panic
#[tokio::test]
async fn a_panic_is_a_logged_json_500_with_the_request_id() {
    let (log, _guard) = capture_log();

    // A route of the test's own, in the service's real layer stack.
    async fn buggy() -> &'static str {
        panic!("a bug in a handler")
    }
    let router = Router::new().route("/boom", axum::routing::get(buggy));
    let app = users_api::layers(router, Duration::from_secs(5));
    let origin = users_api::ALLOWED_ORIGINS[0];
    let request = Request::get("/boom")
        .header(header::ORIGIN, origin)
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();

    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers().clone();
    assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], origin);
    // Readable by the page's script, which can show it to the user to report.
    assert_eq!(
        headers[header::ACCESS_CONTROL_EXPOSE_HEADERS],
        users_api::REQUEST_ID
    );
    let id = headers[users_api::REQUEST_ID].to_str().unwrap().to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap(),
        json!({ "error": "internal error" })
    );
    let log = log.text();
    let line = log
        .lines()
        .find(|line| line.contains("handler panicked"))
        .unwrap_or_else(|| panic!("no log line for the panic in:\n{log}"));
    assert!(line.contains("a bug in a handler"), "{line}");
    assert!(
        line.contains(&id),
        "the log line names the request id {id}: {line}"
    );
}
// ANCHOR_END: panic
