//! Two probes, two questions. Liveness: is the process able to answer at
//! all? If not, restart it. Readiness: should it get traffic now? If not,
//! leave it running but send requests elsewhere.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Json;
use axum::routing::get;
use serde_json::{Value, json};
use sqlx::PgPool;

// ANCHOR: readiness
/// Whether the service has begun shutting down. Cloned into the router and
/// into the shutdown handler; both see the same flag.
#[derive(Clone, Default)]
pub struct Readiness {
    draining: Arc<AtomicBool>,
}

impl Readiness {
    /// From now on `/readyz` answers 503, whatever the database says.
    pub fn start_draining(&self) {
        self.draining.store(true, Ordering::Relaxed);
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::Relaxed)
    }
}
// ANCHOR_END: readiness

#[derive(Clone)]
struct ProbeState {
    db: PgPool,
    readiness: Readiness,
    wait: Duration,
}

// ANCHOR: routes
/// `/livez` and `/readyz`, with their own state, to merge into the app.
/// `wait` bounds the database check, as `/health` bounds its own.
pub fn routes(db: PgPool, readiness: Readiness, wait: Duration) -> Router {
    Router::new()
        .route("/livez", get(livez))
        .route("/readyz", get(readyz))
        .with_state(ProbeState {
            db,
            readiness,
            wait,
        })
}
// ANCHOR_END: routes

// ANCHOR: livez
/// Answers as long as the runtime can run a handler. It asks nothing of the
/// database on purpose: when PostgreSQL is down, restarting every replica
/// of the API would not bring it back, and would add start-ups to an outage.
async fn livez() -> Json<Value> {
    Json(json!({ "status": "alive" }))
}
// ANCHOR_END: livez

// ANCHOR: readyz
/// 200 only when this instance should get traffic: it is not shutting
/// down, and the database answers within `wait`.
async fn readyz(State(state): State<ProbeState>) -> (StatusCode, Json<Value>) {
    if state.readiness.is_draining() {
        return not_ready("shutting down");
    }
    let ping = sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&state.db);
    match tokio::time::timeout(state.wait, ping).await {
        Ok(Ok(_)) => (StatusCode::OK, Json(json!({ "status": "ready" }))),
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness: database unavailable");
            not_ready("database unavailable")
        }
        Err(_) => not_ready("database did not answer in time"),
    }
}

fn not_ready(reason: &str) -> (StatusCode, Json<Value>) {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "status": "not ready", "reason": reason })),
    )
}
// ANCHOR_END: readyz
