//! The Rust + Axum peer of the benchmarking lab. Every peer answers the
//! same bytes (scripts/bench/lab/contract.ts has the contract, which the tests check):
//! `GET /plaintext` and `GET /users/{id}`, one row of `bench_users` as JSON.
//!
//! Environment: PORT, DATABASE_URL, POOL_SIZE. The lab pins the process to
//! one core and sets TOKIO_WORKER_THREADS=1, which `#[tokio::main]` reads.

use std::net::Ipv4Addr;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

// ANCHOR: user
#[derive(Serialize, sqlx::FromRow)]
struct User {
    id: i32,
    name: String,
    email: String,
}
// ANCHOR_END: user

/// `{"error":"…"}` with a status: the contract's 400, 404 and 500 bodies.
fn error(status: StatusCode, message: &'static str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

async fn plaintext() -> &'static str {
    "Hello, World!"
}

// ANCHOR: user_by_id
async fn user_by_id(State(pool): State<PgPool>, Path(id): Path<String>) -> Response {
    // The contract's rule, checked by hand so every stack rejects the same ids.
    if id.is_empty() || id.len() > 9 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return error(StatusCode::BAD_REQUEST, "invalid id");
    }
    let id: i32 = id.parse().expect("nine digits fit in an i32");
    let user = sqlx::query_as::<_, User>("SELECT id, name, email FROM bench_users WHERE id = $1")
        .bind(id)
        .fetch_optional(&pool)
        .await;
    match user {
        Ok(Some(user)) => Json(user).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "not found"),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "database error"),
    }
}
// ANCHOR_END: user_by_id

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} must be set"))
}

#[tokio::main]
async fn main() {
    let port: u16 = env("PORT").parse().expect("PORT must be a port number");
    let pool_size: u32 = env("POOL_SIZE")
        .parse()
        .expect("POOL_SIZE must be a number");
    // Connections open on first use, as in the other peers; the pool never
    // holds more than POOL_SIZE.
    let pool = PgPoolOptions::new()
        .max_connections(pool_size)
        .connect_lazy(&env("DATABASE_URL"))
        .expect("DATABASE_URL must be a postgres:// URL");
    let app = Router::new()
        .route("/plaintext", get(plaintext))
        .route("/users/{id}", get(user_by_id))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .expect("the port must be free");
    println!("bench-axum listening on {}", listener.local_addr().unwrap());
    axum::serve(listener, app).await.expect("the server failed");
}
