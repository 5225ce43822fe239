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
        // Match on the rejection's variants (JsonSyntaxError,
        // MissingJsonContentType, JsonDataError, and the rest) to choose the
        // status and the message the tests expect.
        todo!("turn {rejection:?} into an ApiError")
    }
}

/// Taken as `Json<NewUser>`, a body axum cannot read never reaches this
/// handler: axum answers by itself, in plain text. Take
/// `Result<Json<NewUser>, JsonRejection>` instead, and let `?` convert.
async fn create(Json(user): Json<NewUser>) -> Result<(StatusCode, Json<NewUser>), ApiError> {
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
