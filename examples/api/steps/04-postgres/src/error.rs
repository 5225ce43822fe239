//! One shape for every refusal: a status code and `{"error": "…"}`, whether
//! a handler refused the request or an extractor could not be built.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

// ANCHOR: api_error
/// Why a request was refused, and with which status.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn not_found(id: i64) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            message: format!("no user with id {id}"),
        }
    }

    pub fn bad_request(message: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.to_string(),
        }
    }

    pub fn conflict(message: &str) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            message: message.to_string(),
        }
    }
}

/// The body of every error answer.
#[derive(Serialize)]
struct ErrorBody {
    error: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(ErrorBody {
                error: self.message,
            }),
        )
            .into_response()
    }
}
// ANCHOR_END: api_error

// ANCHOR: database
/// A query that failed for a reason no handler expects (the database is
/// down, a constraint no rule of ours checks first): a 500 that tells the
/// client nothing of the database, and the details on the server's stderr.
impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        eprintln!("database error: {error}");
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "the database failed".to_string(),
        }
    }
}
// ANCHOR_END: database

// ANCHOR: rejections
/// An extractor that cannot be built keeps axum's status and explanation,
/// in our shape: `?` on the extraction's `Result` converts with these.
impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        Self {
            status: rejection.status(),
            message: rejection.body_text(),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self {
            status: rejection.status(),
            message: rejection.body_text(),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        Self {
            status: rejection.status(),
            message: rejection.body_text(),
        }
    }
}
// ANCHOR_END: rejections
