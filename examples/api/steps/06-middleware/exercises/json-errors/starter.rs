//! Exercise: a middleware of your own. Some error answers are made where no
//! handler of ours runs: the router's 404 for a path it does not know, its
//! 405 for a method a route does not serve, the timeout's 503. They come
//! with an empty body. `json_errors` gives each such answer the API's shape,
//! `{"error": "…"}`, and leaves every other response alone.

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
    // For now every response passes through unchanged.
    next.run(request).await
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
        .layer(middleware::from_fn(json_errors))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_millis(50),
        ))
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
