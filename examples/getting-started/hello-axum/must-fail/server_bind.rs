//! Must fail: the axum 0.6 way of starting a server. `axum::Server` was
//! removed in axum 0.7, so current axum rejects this at compile time.
use axum::{Router, routing::get};
use std::net::SocketAddr;

#[tokio::main]
async fn main() {
    let routes = Router::new().route("/", get(|| async { "hi" }));
    let address = SocketAddr::from(([127, 0, 0, 1], 3000));
    // ANCHOR: old
    axum::Server::bind(&address)
        .serve(routes.into_make_service())
        .await
        .unwrap();
    // ANCHOR_END: old
}
