//! Exercise: keep CPU work off the runtime's threads. `signup` hashes the
//! password with `state.hash`, a slow function that never reaches an
//! `.await`. Called inline, it holds the runtime's thread for as long as it
//! runs, and no other request is served meanwhile. Run it on Tokio's
//! blocking pool instead, and answer 500 if the hash panics.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

/// A password hash: slow, CPU only, no `.await` inside.
type Hasher = Arc<dyn Fn(&str) -> String + Send + Sync>;

#[derive(Clone)]
struct AppState {
    hash: Hasher,
}

#[derive(Deserialize)]
struct Signup {
    email: String,
    password: String,
}

async fn signup(
    State(state): State<AppState>,
    Json(body): Json<Signup>,
) -> (StatusCode, Json<Value>) {
    // Runs on the runtime's thread: nothing else is served until it returns.
    let hash = (state.hash)(&body.password);
    let user = json!({ "email": body.email, "hash_length": hash.len() });
    (StatusCode::CREATED, Json(user))
}

async fn health() -> &'static str {
    "ok"
}

fn app(hash: Hasher) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/signup", post(signup))
        .with_state(AppState { hash })
}

/// Stands in for argon2: 300 ms of arithmetic, whatever the compiler's
/// optimisation level.
fn slow_hash(password: &str) -> String {
    let until = Instant::now() + Duration::from_millis(300);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    while Instant::now() < until {
        for byte in password.bytes() {
            h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// One runtime thread, as on a server whose workers are all busy: how long
/// does /health take while a signup hashes?
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let app = app(Arc::new(slow_hash));
    let body = r#"{"email": "ada@example.com", "password": "correct horse"}"#;
    let request = Request::post("/signup")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let started = Instant::now();
    let signup = tokio::spawn(app.clone().oneshot(request));
    // Let the signup start before the health check is sent.
    tokio::task::yield_now().await;
    let health = Request::get("/health").body(Body::empty()).unwrap();
    let status = app.oneshot(health).await.unwrap().status();
    println!("GET /health: {status} after {:?}", started.elapsed());
    let status = signup.await.unwrap().unwrap().status();
    println!("POST /signup: {status}");
}
