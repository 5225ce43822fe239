//! Exercise: a middleware of your own. Some error answers are made where no
//! handler of ours runs: the router's 404 for a path it does not know, its
//! 405 for a method a route does not serve, the timeout's 503. They come
//! with an empty body. `json_errors` gives each such answer the API's shape,
//! `{"error": "…"}`, and leaves every other response alone.

// ANCHOR: solution
use std::time::Duration;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use tower_http::timeout::TimeoutLayer;

/// An error answer without a body of its own gets `{"error": "<reason>"}`.
async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_error = status.is_client_error() || status.is_server_error();
    // A body a client can read says what it is: our handlers' errors do.
    if !is_error || response.headers().contains_key(header::CONTENT_TYPE) {
        return response;
    }
    let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
    // The parts keep the status and every header set inside this layer.
    let (parts, _empty) = response.into_parts();
    (parts, Json(json!({ "error": reason }))).into_response()
}

/// Stands for any layer inside `json_errors` that sets a header: no API
/// answer may be cached, an error's included.
async fn no_store(mut response: Response) -> Response {
    let value = HeaderValue::from_static("no-store");
    response.headers_mut().insert(header::CACHE_CONTROL, value);
    response
}

async fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

/// A handler's own error: it has the API's shape already.
async fn get_user() -> Response {
    let body = Json(json!({ "error": "no user with id 7" }));
    (StatusCode::NOT_FOUND, body).into_response()
}

async fn delete_user() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// Far slower than the timeout allows.
async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(10)).await;
    "too late"
}

fn app() -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/users/{id}", get(get_user).delete(delete_user))
        .route("/slow", get(slow))
        // The first layer, so the innermost: every answer of the router's
        // gets the header, its 404 and 405 included.
        .layer(middleware::map_response(no_store))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_millis(50),
        ))
        // After the timeout, so outside it: its 503 passes through here too.
        .layer(middleware::from_fn(json_errors))
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    for (method, uri) in [("GET", "/nowhere"), ("POST", "/health"), ("GET", "/slow")] {
        let request = Request::builder().method(method).uri(uri);
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        println!(
            "{method} {uri} -> {status} {}",
            String::from_utf8_lossy(&body)
        );
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{HeaderMap, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    /// Sends one request; the status, the headers and the body as text.
    async fn send(method: &str, uri: &str) -> (StatusCode, HeaderMap, String) {
        let request = Request::builder().method(method).uri(uri);
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        (parts.status, parts.headers, text)
    }

    fn json_error(reason: &str) -> String {
        json!({ "error": reason }).to_string()
    }

    /// Fails unless `no_store`'s header, set by a layer inside `json_errors`,
    /// is still on the answer: one built afresh would have lost it.
    fn assert_inner_header_kept(headers: &HeaderMap) {
        assert_eq!(
            headers.get(header::CACHE_CONTROL),
            Some(&HeaderValue::from_static("no-store")),
            "the status and headers must be kept: {headers:?}"
        );
    }

    #[tokio::test]
    async fn an_unknown_path_is_a_json_404_with_its_headers() {
        let (status, headers, body) = send("GET", "/nowhere").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(headers[header::CONTENT_TYPE], "application/json");
        assert_eq!(body, json_error("not found"));
        assert_inner_header_kept(&headers);
    }

    #[tokio::test]
    async fn a_method_the_route_does_not_serve_is_a_json_405_with_its_headers() {
        let (status, headers, body) = send("POST", "/health").await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(body, json_error("method not allowed"));
        assert_inner_header_kept(&headers);
        // axum adds `allow` itself, outside every layer, so it is there
        // whatever the middleware did.
        assert_eq!(headers[header::ALLOW], "GET,HEAD");
    }

    #[tokio::test]
    async fn the_timeouts_503_is_json_too() {
        let (status, headers, body) = send("GET", "/slow").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(headers[header::CONTENT_TYPE], "application/json");
        assert_eq!(body, json_error("service unavailable"));
    }

    #[tokio::test]
    async fn a_handlers_own_error_passes_unchanged() {
        let (status, _, body) = send("GET", "/users/7").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body, json_error("no user with id 7"));
    }

    #[tokio::test]
    async fn successes_pass_unchanged_even_without_a_body() {
        let (status, _, body) = send("GET", "/health").await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::OK, r#"{"status":"ok"}"#)
        );
        let (status, headers, body) = send("DELETE", "/users/7").await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        assert!(!headers.contains_key(header::CONTENT_TYPE), "{headers:?}");
        assert_eq!(body, "");
    }
}
// ANCHOR_END: tests
