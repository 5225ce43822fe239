//! The users API. `app()` builds the whole router, so the tests can drive it
//! without a socket; `main.rs` only adds the socket.

pub mod users;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;
use axum::routing::get;

// ANCHOR: state
/// What every handler can reach: the users, kept in memory until the
/// PostgreSQL lesson. Cloning copies the `Arc`, not the users, so every
/// request sees the same ones.
#[derive(Clone, Default)]
pub struct AppState {
    users: Arc<Mutex<users::Users>>,
}

impl AppState {
    /// The users, locked. A lock is poisoned when a thread panicked while
    /// holding it. The code holding this one only moves a counter, inserts,
    /// removes and assigns fields, none of which can stop halfway, so the
    /// users are never left half-changed: the guard is taken back rather
    /// than failing every later request.
    pub fn users(&self) -> MutexGuard<'_, users::Users> {
        self.users.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: state

// ANCHOR: routes
fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/users", get(users::list).post(users::create))
        .route("/users/{id}", get(users::get).delete(users::delete))
}
// ANCHOR_END: routes

// ANCHOR: app
pub fn app() -> Router {
    routes().with_state(AppState::default())
}
// ANCHOR_END: app

// ANCHOR: health
/// GET /health: the process is up and answering.
async fn health() -> &'static str {
    "ok"
}
// ANCHOR_END: health
