//! GET /health: up only when the database answers, so a load balancer stops
//! sending traffic to an instance that cannot serve it.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ErrorBody;

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
// ANCHOR: health
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let ping = sqlx::query_scalar!("SELECT 1 AS \"one!\"").fetch_one(&state.db);
    match tokio::time::timeout(Duration::from_secs(2), ping).await {
        Ok(Ok(_)) => (StatusCode::OK, Json(json!({ "status": "ok" }))),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: database unavailable");
            unavailable()
        }
        Err(_) => {
            tracing::warn!("health check: database did not answer within 2 s");
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
