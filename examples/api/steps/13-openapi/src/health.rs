//! GET /health: up only when the database answers, so a load balancer stops
//! sending traffic to an instance that cannot serve it.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ErrorBody;

// ANCHOR: wait
/// The longest the check waits for the database: a hung database must not
/// hang the check.
pub const MAX_WAIT: Duration = Duration::from_secs(2);

/// How long the check waits for the database when a request may take
/// `request_timeout`: half of that, at most `MAX_WAIT`. Always shorter than
/// the request's timeout, so a slow database gets the check's JSON 503,
/// never the timeout layer's empty one.
pub fn wait_within(request_timeout: Duration) -> Duration {
    (request_timeout / 2).min(MAX_WAIT)
}
// ANCHOR_END: wait

// ANCHOR: health
#[utoipa::path(
    get,
    path = "/health",
    operation_id = "health",
    tag = "health",
    responses(
        (status = 200, description = "The service and its database answer", body = Value, example = json!({ "status": "ok" })),
        (status = 503, description = "The database does not answer", body = ErrorBody),
    )
)]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let ping = sqlx::query_scalar!("SELECT 1 AS \"one!\"").fetch_one(&state.db);
    match tokio::time::timeout(state.health_wait, ping).await {
        Ok(Ok(_)) => (StatusCode::OK, Json(json!({ "status": "ok" }))),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: database unavailable");
            unavailable()
        }
        Err(_) => {
            let wait = state.health_wait;
            tracing::warn!(?wait, "health check: database did not answer in time");
            unavailable()
        }
    }
}

fn unavailable() -> (StatusCode, Json<Value>) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "error": "database unavailable" })),
    )
}
// ANCHOR_END: health
