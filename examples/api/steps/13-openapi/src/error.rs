//! One error type for every handler, mapped to a status code and a JSON
//! body: `{"error": "...", "field": "..."}` (field only when one is at fault).
//! Database details are logged, never sent to the client.

use std::any::Any;

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

// ANCHOR: api_error
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A field of the request is missing or invalid: 422.
    #[error("{message}")]
    Validation {
        field: &'static str,
        message: String,
    },
    /// A PATCH that names no field it knows: 422, and no field to blame.
    #[error("nothing to update: send name, email or both")]
    EmptyUpdate,
    /// The request itself is malformed (bad JSON, bad query or path): 400,
    /// 413, 415; or JSON of the wrong shape: 422, in serde's words, no field.
    #[error("{message}")]
    BadRequest { status: StatusCode, message: String },
    #[error("no user with id {0}")]
    NotFound(i64),
    /// The request conflicts with existing data, such as a taken email: 409.
    #[error("{message}")]
    Conflict {
        field: &'static str,
        message: String,
    },
    /// Anything the database reports that the client cannot fix: 500.
    #[error("database error")]
    Database(#[from] sqlx::Error),
    /// Any other failure of ours, such as a hash that could not be
    /// computed: 500, with the details in the log only.
    #[error("{0}")]
    Internal(String),
    /// Too much work queued to take this request on now: 503. The client
    /// may try again shortly; nothing was done.
    #[error("the server is busy: try again shortly")]
    Busy,
    /// No valid credentials: no session, a token that names none, or a
    /// wrong email or password at sign-in. 401, with `challenge` as its
    /// `WWW-Authenticate`.
    #[error("{message}")]
    Unauthenticated {
        challenge: Challenge,
        message: &'static str,
    },
    /// Signed in, and not allowed: 403.
    #[error("{0}")]
    Forbidden(&'static str),
}
// ANCHOR_END: api_error

// ANCHOR: challenge
/// The `WWW-Authenticate` header of a 401. RFC 9110 (section 15.5.2)
/// requires one on every 401, naming a scheme that would work; RFC 6750
/// (section 3) says how a Bearer challenge tells why the request failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Challenge {
    /// `Bearer`: no token came (no header, another scheme, nothing after
    /// `Bearer`), so there is no error to name, only the scheme to use.
    Bearer,
    /// `Bearer error="invalid_token"`: a token came and names no live
    /// session (unknown, expired or ended); a new one is what would work.
    InvalidToken,
}

impl Challenge {
    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Challenge::Bearer => "Bearer",
            Challenge::InvalidToken => r#"Bearer error="invalid_token""#,
        })
    }
}
// ANCHOR_END: challenge

/// The body of every error answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody<'a> {
    /// What went wrong, for a person to read.
    error: &'a str,
    /// The request field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

// ANCHOR: into_response
impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, field) = match &self {
            ApiError::Validation { field, .. } => (StatusCode::UNPROCESSABLE_ENTITY, Some(*field)),
            ApiError::EmptyUpdate => (StatusCode::UNPROCESSABLE_ENTITY, None),
            ApiError::BadRequest { status, .. } => (*status, None),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, None),
            ApiError::Conflict { field, .. } => (StatusCode::CONFLICT, Some(*field)),
            ApiError::Database(error) => {
                // The details go to the log; the client learns only that it failed.
                tracing::error!(%error, "database error");
                (StatusCode::INTERNAL_SERVER_ERROR, None)
            }
            ApiError::Internal(detail) => {
                tracing::error!(detail, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, None)
            }
            ApiError::Busy => (StatusCode::SERVICE_UNAVAILABLE, None),
            ApiError::Unauthenticated { .. } => (StatusCode::UNAUTHORIZED, None),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, None),
        };
        let message = match &self {
            ApiError::Database(_) | ApiError::Internal(_) => "internal error".to_string(),
            other => other.to_string(),
        };
        let body = ErrorBody {
            error: &message,
            field,
        };
        let mut response = (status, Json(body)).into_response();
        // Only a 401 has a challenge, and every 401 is an `Unauthenticated`.
        if let ApiError::Unauthenticated { challenge, .. } = self {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, challenge.header());
        }
        response
    }
}
// ANCHOR_END: into_response

// ANCHOR: panic_response
/// What `CatchPanicLayer` answers when a handler panics: the panic's message
/// goes to the log, inside the request's span, and the client gets the same
/// body as for a database failure.
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "handler panicked");
    let body = ErrorBody {
        error: "internal error",
        field: None,
    };
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
}
// ANCHOR_END: panic_response

// ANCHOR: rejections
/// An extractor that cannot be built keeps axum's status and explanation,
/// in our shape: `?` on the extraction's `Result` converts with these.
impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadRequest {
            status: rejection.status(),
            message: rejection.body_text(),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadRequest {
            status: rejection.status(),
            message: rejection.body_text(),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::BadRequest {
            status: rejection.status(),
            message: rejection.body_text(),
        }
    }
}
// ANCHOR_END: rejections
