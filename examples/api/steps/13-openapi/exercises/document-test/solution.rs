//! Exercise: a test that holds a router to its OpenAPI document. axum cannot
//! list a router's routes, so the check asks the router instead: every
//! operation the document describes must reach a handler (no 405, no empty
//! 404 from the router's fallback), and every other method on a documented
//! path must be 405. The tests run your check on a router that matches its
//! document and on three that do not.

// ANCHOR: solution
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// The status and the body's length of one request with no body.
async fn answer(app: &Router, method: Method, uri: &str) -> (StatusCode, usize) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, body.len())
}

/// Panics, naming the method and path, where `app` and `doc` disagree.
async fn assert_matches_document(app: Router, doc: Value) {
    let methods = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
    ];
    for (path, item) in doc["paths"].as_object().expect("the document has paths") {
        let uri = path.replace("{id}", "1");
        for method in methods.clone() {
            let documented = item.get(method.as_str().to_lowercase()).is_some();
            let (status, length) = answer(&app, method.clone(), &uri).await;
            if documented {
                assert_ne!(
                    status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path} is not routed"
                );
                assert!(
                    !(status == StatusCode::NOT_FOUND && length == 0),
                    "{method} {path} is not routed: the router's empty 404"
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path} is answered but not documented"
                );
            }
        }
    }
}

fn main() {
    println!("run the tests: the check is only useful inside them");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::Json;
    use axum::routing::get;
    use serde_json::json;

    async fn user() -> Json<Value> {
        Json(json!({ "id": 1, "name": "Ada" }))
    }

    async fn gone() -> StatusCode {
        StatusCode::NO_CONTENT
    }

    fn document() -> Value {
        json!({ "openapi": "3.1.0", "paths": {
            "/health": { "get": { "responses": { "200": {} } } },
            "/users/{id}": {
                "get": { "responses": { "200": {} } },
                "delete": { "responses": { "204": {} } }
            }
        } })
    }

    fn health() -> Router {
        Router::new().route("/health", get(|| async { Json(json!({ "status": "ok" })) }))
    }

    /// Whether the check panicked: run on its own task, whose panic
    /// `JoinHandle` reports instead of ending the test.
    async fn fails(app: Router, doc: Value) -> bool {
        tokio::spawn(assert_matches_document(app, doc))
            .await
            .is_err()
    }

    #[tokio::test]
    async fn passes_a_router_that_matches_its_document() {
        let app = health().route("/users/{id}", get(user).delete(gone));
        assert!(
            !fails(app, document()).await,
            "a matching router failed the check"
        );
    }

    #[tokio::test]
    async fn fails_a_documented_method_the_router_lacks() {
        let app = health().route("/users/{id}", get(user));
        assert!(
            fails(app, document()).await,
            "DELETE /users/{{id}} is documented, not routed"
        );
    }

    #[tokio::test]
    async fn fails_a_method_the_document_leaves_out() {
        let app = health().route("/users/{id}", get(user).delete(gone).put(user));
        assert!(
            fails(app, document()).await,
            "PUT /users/{{id}} is routed, not documented"
        );
    }

    #[tokio::test]
    async fn fails_a_documented_path_the_router_lacks() {
        let app = Router::new().route("/users/{id}", get(user).delete(gone));
        assert!(
            fails(app, document()).await,
            "/health is documented, not routed"
        );
    }
}
// ANCHOR_END: tests
