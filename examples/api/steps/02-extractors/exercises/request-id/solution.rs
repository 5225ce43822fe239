//! Exercise: an extractor of your own. `RequestId` takes the `x-request-id`
//! header a proxy or client sends, so a handler can put it in its logs and
//! answers. A request without it, or with one that is not 1 to 64 ASCII
//! letters, digits or `-`, is refused with 400 Bad Request and
//! `{"error": "…"}` before the handler runs.

// ANCHOR: solution
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
        let refuse = |why: &str| (StatusCode::BAD_REQUEST, Json(json!({ "error": why })));
        let value = parts
            .headers
            .get("x-request-id")
            .ok_or_else(|| refuse("missing x-request-id header"))?;
        // to_str fails on bytes that are not visible ASCII: those are refused too.
        let id = value.to_str().unwrap_or_default();
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-';
        if id.is_empty() || id.len() > 64 || !id.chars().all(allowed) {
            return Err(refuse("x-request-id must be 1 to 64 letters, digits or -"));
        }
        Ok(RequestId(id.to_string()))
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    async fn hello_with(id: Option<&str>) -> (StatusCode, String) {
        let mut request = Request::get("/hello");
        if let Some(id) = id {
            request = request.header("x-request-id", id);
        }
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    fn refused(why: &str) -> (StatusCode, String) {
        (StatusCode::BAD_REQUEST, json!({ "error": why }).to_string())
    }

    #[tokio::test]
    async fn the_handler_gets_the_id_the_header_carries() {
        let answer = hello_with(Some("abc-123")).await;
        assert_eq!(answer, (StatusCode::OK, "hello, request abc-123".into()));
    }

    #[tokio::test]
    async fn a_request_without_the_header_is_refused() {
        assert_eq!(
            hello_with(None).await,
            refused("missing x-request-id header")
        );
    }

    #[tokio::test]
    async fn an_id_of_64_characters_is_kept_and_one_of_65_refused() {
        let longest = "a".repeat(64);
        assert_eq!(hello_with(Some(&longest)).await.0, StatusCode::OK);
        let too_long = "a".repeat(65);
        let rule = refused("x-request-id must be 1 to 64 letters, digits or -");
        assert_eq!(hello_with(Some(&too_long)).await, rule);
    }

    #[tokio::test]
    async fn empty_ids_and_other_characters_are_refused() {
        let rule = refused("x-request-id must be 1 to 64 letters, digits or -");
        assert_eq!(hello_with(Some("")).await, rule);
        assert_eq!(hello_with(Some("no spaces")).await, rule);
        assert_eq!(hello_with(Some("id;drop")).await, rule);
    }
}
// ANCHOR_END: tests
