//! Exercise: a rejected body, answered in the API's words. `POST /users`
//! reads `Json<NewUser>`; when axum cannot build it, the client still gets
//! `{"error": "…"}` with the right status:
//! - not JSON at all: 400, "the body is not valid JSON";
//! - no `content-type: application/json`: 415, "send the body as JSON, with
//!   content-type: application/json";
//! - JSON of the wrong shape: 422, with axum's explanation, which names the
//!   field at fault;
//! - anything else (such as a body over the size limit): axum's status and
//!   explanation.

// ANCHOR: solution
use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Debug, Deserialize, Serialize)]
struct NewUser {
    name: String,
    email: String,
}

/// A refusal: its status, and the message the body carries.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let (status, message) = match &rejection {
            JsonRejection::JsonSyntaxError(_) => (
                StatusCode::BAD_REQUEST,
                "the body is not valid JSON".to_string(),
            ),
            JsonRejection::MissingJsonContentType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the body as JSON, with content-type: application/json".to_string(),
            ),
            JsonRejection::JsonDataError(error) => {
                (StatusCode::UNPROCESSABLE_ENTITY, error.body_text())
            }
            // JsonRejection is #[non_exhaustive]: axum may add variants, so
            // a match outside axum needs this arm anyway.
            _ => (rejection.status(), rejection.body_text()),
        };
        ApiError { status, message }
    }
}

async fn create(
    payload: Result<Json<NewUser>, JsonRejection>,
) -> Result<(StatusCode, Json<NewUser>), ApiError> {
    let Json(user) = payload?;
    Ok((StatusCode::CREATED, Json(user)))
}

fn app() -> Router {
    Router::new()
        .route("/users", post(create))
        // A small limit, so that a body over it is easy to send.
        .layer(DefaultBodyLimit::max(64))
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let bodies = [
        (
            "application/json",
            r#"{"name": "Ada", "email": "ada@example.com"}"#,
        ),
        ("application/json", r#"{"name": "Ada""#),
        (
            "text/plain",
            r#"{"name": "Ada", "email": "ada@example.com"}"#,
        ),
        (
            "application/json",
            r#"{"name": 5, "email": "ada@example.com"}"#,
        ),
    ];
    for (content_type, body) in bodies {
        let request = Request::post("/users")
            .header("content-type", content_type)
            .body(Body::from(body))
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let answer = response.into_body().collect().await.unwrap().to_bytes();
        println!(
            "{content_type} {body}\n  -> {status} {}",
            String::from_utf8_lossy(&answer)
        );
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
    use serde_json::Value;
    use tower::ServiceExt;

    /// POSTs `body` to /users; `content_type` None sends no such header.
    async fn post(content_type: Option<&str>, body: &str) -> (StatusCode, Value) {
        let mut request = Request::post("/users");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let request = request.body(Body::from(body.to_string())).unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes);
        let body = serde_json::from_str(&text)
            .unwrap_or_else(|_| panic!("{status}: the body is not JSON: {text}"));
        (status, body)
    }

    const JSON: Option<&str> = Some("application/json");

    #[tokio::test]
    async fn a_good_body_is_created() {
        let ada = json!({ "name": "Ada", "email": "ada@example.com" });
        assert_eq!(
            post(JSON, &ada.to_string()).await,
            (StatusCode::CREATED, ada)
        );
    }

    #[tokio::test]
    async fn broken_json_is_400_in_our_words() {
        let expected = json!({ "error": "the body is not valid JSON" });
        assert_eq!(
            post(JSON, r#"{"name": "Ada""#).await,
            (StatusCode::BAD_REQUEST, expected)
        );
    }

    #[tokio::test]
    async fn a_body_not_sent_as_json_is_415_in_our_words() {
        let expected =
            json!({ "error": "send the body as JSON, with content-type: application/json" });
        let body = r#"{"name": "Ada", "email": "ada@example.com"}"#;
        assert_eq!(
            post(None, body).await,
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, expected.clone())
        );
        assert_eq!(
            post(Some("text/plain"), body).await,
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, expected)
        );
    }

    #[tokio::test]
    async fn the_wrong_shape_is_422_naming_the_field() {
        let (status, body) = post(JSON, r#"{"name": 5, "email": "ada@example.com"}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(
            message.contains("name: invalid type: integer `5`, expected a string"),
            "axum's explanation names the field: {body}"
        );
        let (status, body) = post(JSON, r#"{"name": "Ada"}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.contains("missing field `email`"), "{body}");
    }

    #[tokio::test]
    async fn a_body_over_the_limit_keeps_axums_status_and_reason() {
        let long = json!({ "name": "A".repeat(100), "email": "ada@example.com" });
        let (status, body) = post(JSON, &long.to_string()).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.contains("length limit exceeded"), "{body}");
    }
}
// ANCHOR_END: tests
