//! The articles' hello-world server, written for current axum.
//!
//! The router lives in the library so the tests can drive it without a
//! socket; `main.rs` only binds a port and serves it.

// ANCHOR: app
use axum::{Router, routing::get};

/// Answers `GET /` with a fixed greeting.
async fn hello() -> &'static str {
    "Hello from Backend Rust!\n"
}

/// Every route of the service, ready to be served or tested.
pub fn app() -> Router {
    Router::new().route("/", get(hello))
}
// ANCHOR_END: app

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    #[tokio::test]
    async fn root_answers_with_the_greeting() {
        let response = app()
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..], b"Hello from Backend Rust!\n");
    }

    #[tokio::test]
    async fn unknown_path_is_not_found() {
        let response = app()
            .oneshot(Request::get("/nope").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
}
// ANCHOR_END: tests
