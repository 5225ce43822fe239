//! The users API. `app()` builds the whole router, wrapped in its
//! middleware, so the tests can drive it without a socket; `main.rs` adds
//! the socket, the database connection, logging and shutdown.

pub mod config;
pub mod error;
pub mod health;
pub mod users;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Method, Request, StatusCode, header};
use axum::routing::get;
use sqlx::PgPool;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::config::{AllowedOrigins, Config};

// ANCHOR: state
/// What every handler can reach: the connection pool. `PgPool` is a handle
/// to connections shared by every clone, so cloning it for each request
/// copies a pointer, and every request reads and writes the same database.
#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    /// How long /health waits for the database (health::wait_within).
    pub health_wait: Duration,
}
// ANCHOR_END: state

/// How long a query waits for a free connection before its request fails:
/// with the database gone, a client gets a 500 in 3 seconds, not SQLx's 30.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

// ANCHOR: routes
fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/users", get(users::list).post(users::create))
        .route(
            "/users/{id}",
            get(users::get).patch(users::update).delete(users::delete),
        )
}
// ANCHOR_END: routes

/// The header that carries each request's id, on the request and the response.
pub const REQUEST_ID: &str = "x-request-id";

/// Largest request body accepted; a user is far smaller.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

// ANCHOR: cors
fn cors(origins: &AllowedOrigins) -> CorsLayer {
    let layer = CorsLayer::new()
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE])
        // Without this, a script in the browser cannot read the id to report it.
        .expose_headers([HeaderName::from_static(REQUEST_ID)]);
    match origins {
        // Any origin, as CorsLayer::permissive() allows: for local development only.
        AllowedOrigins::Any => layer.allow_origin(Any),
        AllowedOrigins::List(list) => layer.allow_origin(AllowOrigin::list(list.iter().cloned())),
    }
}
// ANCHOR_END: cors

// ANCHOR: app
pub fn app(db: PgPool, config: &Config) -> Router {
    let health_wait = health::wait_within(config.request_timeout);
    layers(routes(), config).with_state(AppState { db, health_wait })
}
// ANCHOR_END: app

// ANCHOR: layers
/// The middleware around every route. Generic over the state so that a test
/// can wrap a router of its own (one that panics, one that is slow) in
/// exactly this stack, with a configuration of its own (a short timeout).
pub fn layers<S>(router: Router<S>, config: &Config) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let request_id = HeaderName::from_static(REQUEST_ID);
    router
        // Innermost, so the 500 it makes of a panic passes through every
        // layer after it like any other response: CORS headers, request id,
        // a log line.
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // 503, not 408: the client sent its request in time, the server did
        // not answer it in time.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.request_timeout,
        ))
        .layer(cors(&config.allowed_origins))
        // Layers wrap from the bottom up: the id is set first, then the
        // trace span can record it, then it is copied onto the response.
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id = %id)
            })
            // One line per response (status, latency) at the default level.
            .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}
// ANCHOR_END: layers
