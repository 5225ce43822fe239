//! One axum server for both protocols: tonic's generated service is a tower
//! service, and `tonic::service::Routes` turns it into an axum Router, so
//! gRPC (HTTP/2) and REST (HTTP/1.1 or HTTP/2) share a port and a pool.

use std::net::SocketAddr;

use axum::Router;
use axum::middleware;
use axum::routing::get;
use sqlx::PgPool;
use tokio::net::TcpListener;
use tonic::service::Routes;

use crate::auth::{self, Token};
use crate::grpc::Users;
use crate::pb::user_service_server::UserServiceServer;
use crate::rest;

// ANCHOR: router
pub fn router(db: PgPool, token: Token) -> Router {
    let users = UserServiceServer::with_interceptor(
        Users { db: db.clone() },
        auth::interceptor(token.clone()),
    );
    let grpc = Routes::new(users).into_axum_router();
    let rest = Router::new()
        .route("/users/{id}", get(rest::get))
        .with_state(db)
        .layer(middleware::from_fn_with_state(token, auth::require_token));
    grpc.merge(rest)
}
// ANCHOR_END: router

// ANCHOR: serve
/// Serves until `shutdown` resolves. `axum::serve` speaks HTTP/1.1 and,
/// with axum's `http2` feature, HTTP/2 without TLS: each connection says
/// which by its first bytes.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
// ANCHOR_END: serve

/// 127.0.0.1 unless HOST says otherwise: a port on every interface is a
/// decision, not a default.
pub fn address(host: Option<String>, port: u16) -> Result<SocketAddr, String> {
    let host = host.unwrap_or_else(|| "127.0.0.1".into());
    format!("{host}:{port}")
        .parse()
        .map_err(|e| format!("HOST {host:?}: {e}"))
}
