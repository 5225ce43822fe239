//! Exercise: one error type, one response each. Every handler returns
//! `Result<_, ApiError>`; `into_response` decides what the client reads:
//! a field error is 422 and a conflict 409, both naming the field; a missing
//! user is 404; a database failure is 500 with `{"error": "internal error"}`
//! and nothing else, its detail logged at ERROR level instead.

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

#[derive(Debug, thiserror::Error)]
enum ApiError {
    /// A value the client sent is wrong or missing.
    #[error("{message}")]
    Validation {
        field: &'static str,
        message: String,
    },
    #[error("no user with id {0}")]
    NotFound(i64),
    /// The request clashes with stored data, such as a taken email.
    #[error("{message}")]
    Conflict {
        field: &'static str,
        message: String,
    },
    /// What the database reported: for the operator, not the client.
    #[error("database error: {0}")]
    Database(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // For now every failure is a plain-text 500 that shows the client the
        // database's message. Give each variant the status and the JSON body
        // the tests expect, and send the database's message to the log
        // (tracing::error!) instead of the client.
        (StatusCode::INTERNAL_SERVER_ERROR, self.to_string()).into_response()
    }
}

/// Fails the way the path says, so each variant can be seen from outside.
async fn fail(Path(kind): Path<String>) -> Result<&'static str, ApiError> {
    Err(match kind.as_str() {
        "validation" => ApiError::Validation {
            field: "name",
            message: "name must be 1 to 100 characters".into(),
        },
        "conflict" => ApiError::Conflict {
            field: "email",
            message: "a user with this email already exists".into(),
        },
        "database" => ApiError::Database("connection refused (os error 111)".into()),
        _ => ApiError::NotFound(7),
    })
}

fn app() -> Router {
    Router::new().route("/fail/{kind}", get(fail))
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    tracing_subscriber::fmt().init();
    for kind in ["validation", "not-found", "conflict", "database"] {
        let request = Request::get(format!("/fail/{kind}"))
            .body(Body::empty())
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        println!("{kind} -> {status} {}", String::from_utf8_lossy(&body));
    }
}
