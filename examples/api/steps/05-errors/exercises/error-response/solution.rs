//! Exercise: one error type, one response each. Every handler returns
//! `Result<_, ApiError>`; `into_response` decides what the client reads:
//! a field error is 422 and a conflict 409, both naming the field; a missing
//! user is 404; a database failure is 500 with `{"error": "internal error"}`
//! and nothing else, its detail logged at ERROR level instead.

// ANCHOR: solution
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

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

/// The body of every error answer; `field` is left out when it is `None`.
#[derive(Serialize)]
struct ErrorBody {
    error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'static str>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, field) = match &self {
            ApiError::Validation { field, .. } => (StatusCode::UNPROCESSABLE_ENTITY, Some(*field)),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, None),
            ApiError::Conflict { field, .. } => (StatusCode::CONFLICT, Some(*field)),
            ApiError::Database(_) => {
                // The whole message, `Display` included, stays in the log.
                tracing::error!(error = %self, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, None)
            }
        };
        let error = match self {
            ApiError::Database(_) => "internal error".to_string(),
            other => other.to_string(),
        };
        (status, Json(ErrorBody { error, field })).into_response()
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use serde_json::{Value, json};
    use std::sync::{Arc, Mutex};
    use tower::ServiceExt;

    /// The status, the content type and the body of GET /fail/{kind}.
    async fn fail_with(kind: &str) -> (StatusCode, String, String) {
        // The request runs under a subscriber that discards what it gets. On
        // a thread with none, reaching an `error!` line first while the log
        // test's subscriber is the only one alive would make tracing decide,
        // for the whole process, that nobody wants that line, and the log
        // test would then read nothing.
        let quiet = tracing_subscriber::fmt().with_writer(std::io::sink);
        let _quiet = tracing::subscriber::set_default(quiet.finish());
        let request = Request::get(format!("/fail/{kind}"))
            .body(Body::empty())
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let content_type = response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_string();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            content_type,
            String::from_utf8(bytes.to_vec()).unwrap(),
        )
    }

    async fn answer(kind: &str) -> (StatusCode, Value) {
        let (status, content_type, body) = fail_with(kind).await;
        assert_eq!(content_type, "application/json", "{kind}: {body}");
        let body = serde_json::from_str(&body)
            .unwrap_or_else(|_| panic!("{kind}: the body is not JSON: {body}"));
        (status, body)
    }

    /// What `f` logs, as a subscriber that writes to a buffer records it.
    fn logged(f: impl FnOnce()) -> String {
        #[derive(Clone, Default)]
        struct Buffer(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buffer {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, f);
        let bytes = buffer.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[tokio::test]
    async fn a_field_error_is_422_naming_the_field() {
        let expected = json!({ "error": "name must be 1 to 100 characters", "field": "name" });
        assert_eq!(
            answer("validation").await,
            (StatusCode::UNPROCESSABLE_ENTITY, expected)
        );
    }

    #[tokio::test]
    async fn a_missing_user_is_404_with_no_field_key() {
        let expected = json!({ "error": "no user with id 7" });
        assert_eq!(answer("not-found").await, (StatusCode::NOT_FOUND, expected));
    }

    #[tokio::test]
    async fn a_conflict_is_409_naming_the_field() {
        let expected =
            json!({ "error": "a user with this email already exists", "field": "email" });
        assert_eq!(answer("conflict").await, (StatusCode::CONFLICT, expected));
    }

    #[tokio::test]
    async fn a_database_error_is_500_and_leaks_nothing() {
        let (status, _, body) = fail_with("database").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            serde_json::from_str::<Value>(&body).ok(),
            Some(json!({ "error": "internal error" })),
            "the body must be exactly this JSON, not {body}"
        );
    }

    #[test]
    fn the_database_detail_goes_to_the_log_at_error_level() {
        let log = logged(|| {
            let _ = ApiError::Database("connection refused (os error 111)".into()).into_response();
        });
        assert!(log.contains("ERROR"), "nothing at ERROR level: {log:?}");
        assert!(
            log.contains("connection refused (os error 111)"),
            "the log lacks the database's message: {log:?}"
        );
    }

    #[test]
    fn a_client_error_is_not_logged_as_an_error() {
        let client_errors = [
            ApiError::Validation {
                field: "name",
                message: "name must be 1 to 100 characters".into(),
            },
            ApiError::NotFound(7),
            ApiError::Conflict {
                field: "email",
                message: "a user with this email already exists".into(),
            },
        ];
        for error in client_errors {
            let shown = format!("{error:?}");
            let log = logged(|| {
                let _ = error.into_response();
            });
            assert!(
                !log.contains("ERROR"),
                "{shown} is the client's mistake, not a failure to page someone about: {log:?}"
            );
        }
    }
}
// ANCHOR_END: tests
