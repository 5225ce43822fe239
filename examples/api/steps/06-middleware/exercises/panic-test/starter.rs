//! Exercise: write the test. The service turns a panic in a handler into a
//! JSON 500 that still carries the request's id, so the user can quote it
//! and the log line can be found. Whether it does depends on the order of
//! its layers. `assert_panic_is_a_json_500_with_the_id` gets a router whose
//! GET /boom panics, and must panic, as a failing test does, unless the
//! answer to a request sent with `x-request-id: req-42` is a 500 with
//! `content-type: application/json`, the body `{"error":"internal error"}`
//! and `x-request-id: req-42`.

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
    // Send GET /boom with the header `x-request-id: req-42` through `app`
    // with `oneshot`, then assert on the status, the id, the content type
    // and the body parsed as JSON.
    todo!("check {app:?}")
}

#[tokio::main]
async fn main() {
    assert_panic_is_a_json_500_with_the_id(layers(routes())).await;
    println!("the check passed on the service's layers");
}
