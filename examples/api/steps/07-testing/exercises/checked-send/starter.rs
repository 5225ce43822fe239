//! Exercise: a `send` that checks every answer. Like the step's helper, it
//! hands one request to the router (no server) and returns the status with
//! the body as JSON, `Value::Null` when the body is empty. It also holds
//! every answer to two rules of the API, so that each test checks them
//! without a line of its own, and panics, saying why, on an answer that
//! breaks one:
//! - a body that is not empty is JSON and says so: its `content-type` is
//!   `application/json` (the panic names the type it got), and it parses
//!   (the panic shows the body);
//! - a body sent with an error status (4xx or 5xx) is an object with a
//!   string `error` (the panic shows the body).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// Sends one request; returns the status and the body as JSON (Null when
/// empty), and panics on an answer that breaks the API's rules.
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    // Send a clone of `app` the request with `oneshot`; keep the status and
    // the content type before `into_body` consumes the response; collect the
    // body; then check it against the two rules above.
    let _ = (app, request);
    todo!("send the request, then check the answer")
}

/// A small app that gives every kind of answer.
fn app() -> Router {
    Router::new()
        .route(
            "/users/1",
            get(|| async { Json(json!({ "id": 1, "name": "Ada" })) })
                .delete(|| async { StatusCode::NO_CONTENT }),
        )
        .route(
            "/users/x",
            get(|| async {
                let body = json!({ "error": "id must be a number" });
                (StatusCode::BAD_REQUEST, Json(body))
            }),
        )
        // Plain text, as a handler returning &str answers.
        .route("/health", get(|| async { "ok" }))
        // Says JSON, sends HTML: what a proxy's error page can look like.
        .route(
            "/proxy",
            get(|| async {
                let says_json = [(header::CONTENT_TYPE, "application/json")];
                (
                    StatusCode::BAD_GATEWAY,
                    says_json,
                    "<h1>502 Bad Gateway</h1>",
                )
            }),
        )
        // JSON, but not in the API's error shape.
        .route(
            "/legacy",
            get(|| async { (StatusCode::NOT_FOUND, Json(json!({ "message": "gone" }))) }),
        )
}

#[tokio::main]
async fn main() {
    let app = app();
    for uri in ["/users/1", "/users/x", "/nowhere"] {
        let (status, body) = send(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        println!("GET {uri}: {status} {body}");
    }
}
