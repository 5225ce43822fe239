//! One error type for both protocols. What went wrong is decided once, in
//! the store and the validation; each protocol only says it in its own
//! words: a gRPC status code here, an HTTP status code in the REST routes.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tonic::{Code, Status};

// ANCHOR: user_error
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("no user with id {0}")]
    NotFound(i64),
    #[error("a user with this email already exists")]
    EmailTaken,
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The caller's deadline passed before the answer was ready.
    #[error("the deadline passed before the answer was ready")]
    DeadlineExceeded,
    /// Anything the database reports that the client cannot fix; the
    /// details go to the server's log, never to the client.
    #[error("database error")]
    Database(#[from] sqlx::Error),
}
// ANCHOR_END: user_error

// ANCHOR: to_status
/// The gRPC side: a code from the fixed list of 17, and a message.
impl From<UserError> for Status {
    fn from(error: UserError) -> Status {
        let code = match &error {
            UserError::NotFound(_) => Code::NotFound,
            UserError::EmailTaken => Code::AlreadyExists,
            UserError::Invalid { .. } => Code::InvalidArgument,
            UserError::DeadlineExceeded => Code::DeadlineExceeded,
            UserError::Database(detail) => {
                eprintln!("database error: {detail}");
                Code::Internal
            }
        };
        Status::new(code, error.to_string())
    }
}
// ANCHOR_END: to_status

// ANCHOR: to_http
/// The REST side of the same errors, as the users API answers them.
impl IntoResponse for UserError {
    fn into_response(self) -> Response {
        let status = match &self {
            UserError::NotFound(_) => StatusCode::NOT_FOUND,
            UserError::EmailTaken => StatusCode::CONFLICT,
            UserError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            UserError::DeadlineExceeded => StatusCode::SERVICE_UNAVAILABLE,
            UserError::Database(detail) => {
                eprintln!("database error: {detail}");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        (
            status,
            Json(serde_json::json!({ "error": self.to_string() })),
        )
            .into_response()
    }
}
// ANCHOR_END: to_http
