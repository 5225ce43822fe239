//! Exercise: write the test. The service turns a panic in a handler into a
//! JSON 500 that still carries the request's id, so the user can quote it
//! and the log line can be found. Whether it does depends on the order of
//! its layers. `assert_panic_is_a_json_500_with_the_id` gets a router whose
//! GET /boom panics, and must panic, as a failing test does, unless the
//! answer to a request sent with `x-request-id: req-42` is a 500 with
//! `content-type: application/json`, the body `{"error":"internal error"}`
//! and `x-request-id: req-42`.

// ANCHOR: solution
use std::any::Any;

use axum::body::Body;
use axum::http::{HeaderName, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The service's answer to a panic: the body a database failure gets.
fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    let body = Json(json!({ "error": "internal error" }));
    (StatusCode::INTERNAL_SERVER_ERROR, body).into_response()
}

/// A route with a bug in it.
fn routes() -> Router {
    async fn boom() -> &'static str {
        panic!("a bug in a handler")
    }
    Router::new().route("/boom", get(boom))
}

/// The service's layers, in the order that works.
fn layers(router: Router) -> Router {
    router
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// Panics unless a panic at GET /boom comes back as a JSON 500 with the id.
async fn assert_panic_is_a_json_500_with_the_id(app: Router) {
    let request = Request::get("/boom")
        .header("x-request-id", "req-42")
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = response.headers().get("x-request-id");
    assert_eq!(id.expect("the 500 should carry the request id"), "req-42");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).expect("the body should be JSON");
    assert_eq!(body, json!({ "error": "internal error" }));
}

#[tokio::main]
async fn main() {
    assert_panic_is_a_json_500_with_the_id(layers(routes())).await;
    println!("the check passed on the service's layers");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the learner's check fails (panics) on `app`.
    async fn check_fails_on(app: Router) -> bool {
        let check = tokio::spawn(assert_panic_is_a_json_500_with_the_id(app));
        check.await.is_err_and(|error| error.is_panic())
    }

    #[tokio::test]
    async fn passes_on_the_services_layers() {
        assert!(
            !check_fails_on(layers(routes())).await,
            "the check should pass on the service's layers"
        );
    }

    #[tokio::test]
    async fn fails_when_the_catch_is_outside_the_request_id_layers() {
        let outside = routes()
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(CatchPanicLayer::custom(panic_response));
        assert!(
            check_fails_on(outside).await,
            "this 500 never passes the layer that copies the id: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_when_the_id_is_not_copied_onto_the_response() {
        let no_copy = routes()
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid));
        assert!(
            check_fails_on(no_copy).await,
            "no response carries the id here: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_with_the_layers_plain_text_default() {
        let plain = routes()
            .layer(CatchPanicLayer::new())
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid));
        assert!(
            check_fails_on(plain).await,
            "this 500 says `Service panicked` in plain text: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_when_the_panic_is_answered_with_another_status() {
        let unavailable = |_: Box<dyn Any + Send + 'static>| {
            let body = Json(json!({ "error": "internal error" }));
            (StatusCode::SERVICE_UNAVAILABLE, body).into_response()
        };
        let wrong_status = routes()
            .layer(CatchPanicLayer::custom(unavailable))
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid));
        assert!(
            check_fails_on(wrong_status).await,
            "a panic is a 500, not a 503: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_when_nothing_catches_the_panic() {
        let uncaught = routes()
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid));
        assert!(
            check_fails_on(uncaught).await,
            "the panic escapes the router here: the check should fail"
        );
    }
}
// ANCHOR_END: tests
