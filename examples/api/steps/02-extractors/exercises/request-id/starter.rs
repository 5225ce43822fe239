//! Exercise: an extractor of your own. `RequestId` takes the `x-request-id`
//! header a proxy or client sends, so a handler can put it in its logs and
//! answers. A request without it, or with one that is not 1 to 64 ASCII
//! letters, digits or `-`, is refused with 400 Bad Request and
//! `{"error": "…"}` before the handler runs.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

/// The request's id, as the `x-request-id` header carried it.
#[derive(Debug)]
struct RequestId(String);

/// Any state will do: the extractor reads only the request's headers.
impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = (StatusCode, Json<Value>);

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // Read the header from `parts.headers`; refuse a missing one, and
        // one that is not 1 to 64 ASCII letters, digits or `-`, with the
        // messages the tests expect.
        todo!("read x-request-id from {:?}", parts.headers)
    }
}

async fn hello(RequestId(id): RequestId) -> String {
    format!("hello, request {id}")
}

fn app() -> Router {
    Router::new().route("/hello", get(hello))
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    for id in [Some("abc-123"), None, Some("no spaces")] {
        let mut request = Request::get("/hello");
        if let Some(id) = id {
            request = request.header("x-request-id", id);
        }
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        println!("x-request-id {id:?} -> {}", response.status());
    }
}
