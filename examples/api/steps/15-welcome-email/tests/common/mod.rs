//! What every test file needs to talk to the router. Each file in tests/ is
//! a crate of its own, so a helper written in one is not seen by another;
//! this one lives in a folder, where Cargo does not take it for a test of its
//! own, and each file that needs it declares `mod common;`.
// Each test crate uses some of these helpers, and the compiler would call
// the others dead code in it.
#![allow(dead_code)]

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use argon2::Params;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::PgPool;
use tower::ServiceExt;
use users_api::config::{AllowedOrigins, Config};

/// The one browser origin the tests' configuration allows.
pub const ALLOWED_ORIGIN: &str = "https://app.example";

// ANCHOR: config
/// The settings the tests build the router with, written out here rather
/// than read from the environment: the database comes from `#[sqlx::test]`,
/// and no socket is opened, so the address and the pool size are unused.
pub fn config() -> Config {
    Config {
        database_url: String::new(),
        host: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
        allowed_origins: AllowedOrigins::List(vec![HeaderValue::from_static(ALLOWED_ORIGIN)]),
        request_timeout: Duration::from_secs(5),
        max_connections: 10,
        password_params: cheap_hashes(),
        max_hashes: 4,
        hash_wait: Duration::from_secs(1),
        outbox: std::env::temp_dir().join("users-api-outbox"),
    }
}
// ANCHOR_END: config

// ANCHOR: cheap_hashes
/// The cheapest Argon2id there is (8 KiB, one pass): microseconds a hash
/// instead of tens of milliseconds. The tests check what is stored, not
/// how long it takes to guess, and they create hundreds of users.
pub fn cheap_hashes() -> Params {
    Params::new(Params::MIN_M_COST, Params::MIN_T_COST, 1, None).unwrap()
}
// ANCHOR_END: cheap_hashes

// ANCHOR: send
/// Sends one request through the router; returns the status and the body
/// parsed as JSON, `Null` when there is none.
pub async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    // `oneshot` consumes the router it is called on: send a clone.
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("{status}, not JSON: {}", String::from_utf8_lossy(&bytes)))
    };
    (status, body)
}
// ANCHOR_END: send

/// A request without a body.
pub fn request(method: Method, uri: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap()
}

/// A request whose body is `json`, as text: the property tests send text
/// that no `serde_json::Value` can hold.
pub fn json_request(method: Method, uri: &str, json: impl Into<String>) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json.into()))
        .unwrap()
}

/// What a log subscriber writes, kept so that a test can read it.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Log {
    /// Everything written so far.
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

/// Sends the log events of this thread to a `Log` until the guard is
/// dropped: a test's runtime runs the handlers on the test's own thread, and
/// tests running side by side each read only their own events.
pub fn capture_log() -> (Log, tracing::subscriber::DefaultGuard) {
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    (log, tracing::subscriber::set_default(subscriber))
}

// ANCHOR: sessions
/// A session for user `user_id`, written straight into the table, and its
/// token: for the tests of what a signed-in user's request does. Signing in
/// through the API, and every refusal, are tests/auth.rs's subject.
pub async fn session_for(db: &PgPool, user_id: i64) -> String {
    // Any text will do: the service looks up the SHA-256 of what it is sent.
    let token = format!("test-session-of-user-{user_id}");
    sqlx::query(
        "INSERT INTO sessions (token_sha256, user_id, expires_at)
         VALUES ($1, $2, now() + interval '1 hour') ON CONFLICT DO NOTHING",
    )
    .bind(users_api::sessions::token_sha256(&token))
    .bind(user_id)
    .execute(db)
    .await
    .unwrap();
    token
}

/// `request`, sent with `Authorization: Bearer <token>`.
pub fn bearer(mut request: Request<Body>, token: &str) -> Request<Body> {
    let value = HeaderValue::try_from(format!("Bearer {token}")).unwrap();
    request.headers_mut().insert(header::AUTHORIZATION, value);
    request
}
// ANCHOR_END: sessions
