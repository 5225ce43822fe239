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

// ANCHOR: solution
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
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    // A copy: `into_body` consumes the response, headers and all.
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    if bytes.is_empty() {
        return (status, Value::Null);
    }
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        content_type
            .as_ref()
            .is_some_and(|t| t == "application/json"),
        "{status}: a body sent as {content_type:?}, not application/json: {text}"
    );
    let body: Value =
        serde_json::from_slice(&bytes).unwrap_or_else(|_| panic!("{status}, not JSON: {text}"));
    if status.is_client_error() || status.is_server_error() {
        assert!(
            body["error"].is_string(),
            "{status}: an error body without a string `error`: {text}"
        );
    }
    (status, body)
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, uri: &str) -> Request<Body> {
        let request = Request::builder().method(method).uri(uri);
        request.body(Body::empty()).unwrap()
    }

    /// The message `send` panicked with, or None if it returned.
    async fn panic_of(request: Request<Body>) -> Option<String> {
        let app = app();
        let sent = tokio::spawn(async move { send(&app, request).await }).await;
        let payload = sent.err()?.into_panic();
        let message = payload.downcast_ref::<String>().cloned();
        let text = payload.downcast_ref::<&str>().map(|s| s.to_string());
        Some(message.or(text).unwrap_or_default())
    }

    #[tokio::test]
    async fn a_json_answer_is_its_status_and_body() {
        let app = app();
        assert_eq!(
            send(&app, request("GET", "/users/1")).await,
            (StatusCode::OK, json!({ "id": 1, "name": "Ada" }))
        );
    }

    #[tokio::test]
    async fn an_error_in_the_apis_shape_is_returned_not_a_panic() {
        let app = app();
        assert_eq!(
            send(&app, request("GET", "/users/x")).await,
            (
                StatusCode::BAD_REQUEST,
                json!({ "error": "id must be a number" })
            )
        );
    }

    #[tokio::test]
    async fn an_empty_body_is_null_whatever_the_status() {
        let app = app();
        assert_eq!(
            send(&app, request("DELETE", "/users/1")).await,
            (StatusCode::NO_CONTENT, Value::Null)
        );
        // The router's own 404 for a path it does not know has no body.
        assert_eq!(
            send(&app, request("GET", "/nowhere")).await,
            (StatusCode::NOT_FOUND, Value::Null)
        );
    }

    #[tokio::test]
    async fn the_router_serves_several_requests() {
        let app = app();
        for _ in 0..3 {
            assert_eq!(
                send(&app, request("GET", "/users/1")).await.0,
                StatusCode::OK
            );
        }
    }

    #[tokio::test]
    async fn a_body_not_sent_as_json_panics_naming_its_type() {
        let message = panic_of(request("GET", "/health")).await;
        let message = message.expect("text/plain is not JSON: send should panic");
        assert!(message.contains("text/plain"), "the panic: {message}");
    }

    #[tokio::test]
    async fn a_body_that_is_not_json_panics_showing_it() {
        let message = panic_of(request("GET", "/proxy")).await;
        let message = message.expect("HTML is not JSON: send should panic");
        assert!(
            message.contains("<h1>502 Bad Gateway</h1>"),
            "the panic: {message}"
        );
    }

    #[tokio::test]
    async fn an_error_body_without_error_panics_showing_it() {
        let message = panic_of(request("GET", "/legacy")).await;
        let message = message.expect("a 404 without `error`: send should panic");
        assert!(
            message.contains(r#""message":"gone""#),
            "the panic: {message}"
        );
    }
}
// ANCHOR_END: tests
