//! The users API. `app()` builds the whole router, so the tests can drive it
//! without a socket; `main.rs` adds the socket and the database connection.

pub mod error;
pub mod users;

use std::time::Duration;

use axum::Router;
use axum::routing::get;
use sqlx::PgPool;

// ANCHOR: state
/// What every handler can reach: the connection pool. `PgPool` is a handle
/// to connections shared by every clone, so cloning it for each request
/// copies a pointer, and every request reads and writes the same database.
#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
}
// ANCHOR_END: state

/// How long a query waits for a free connection before its request fails:
/// with the database gone, a client gets a 500 in 3 seconds, not SQLx's 30.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

// ANCHOR: routes
fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/users", get(users::list).post(users::create))
        .route(
            "/users/{id}",
            get(users::get).patch(users::update).delete(users::delete),
        )
}
// ANCHOR_END: routes

// ANCHOR: app
pub fn app(db: PgPool) -> Router {
    routes().with_state(AppState { db })
}
// ANCHOR_END: app

// ANCHOR: health
/// GET /health: the process is up and answering.
async fn health() -> &'static str {
    "ok"
}
// ANCHOR_END: health
