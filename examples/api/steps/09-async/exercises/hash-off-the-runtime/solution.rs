//! Exercise: keep CPU work off the runtime's threads. `signup` hashes the
//! password with `state.hash`, a slow function that never reaches an
//! `.await`. Called inline, it holds the runtime's thread for as long as it
//! runs, and no other request is served meanwhile. Run it on Tokio's
//! blocking pool instead, and answer 500 if the hash panics.

// ANCHOR: solution
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
    // The closure must own what it uses: it may outlive this request.
    let hash = state.hash.clone();
    let password = body.password;
    match tokio::task::spawn_blocking(move || hash(&password)).await {
        Ok(hash) => {
            let user = json!({ "email": body.email, "hash_length": hash.len() });
            (StatusCode::CREATED, Json(user))
        }
        // The closure panicked: the panic ends here, as a JoinError.
        Err(_) => {
            let error = json!({ "error": "internal error" });
            (StatusCode::INTERNAL_SERVER_ERROR, Json(error))
        }
    }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, mpsc};
    use tower::ServiceExt;

    fn signup_request() -> Request<Body> {
        let body = r#"{"email": "ada@example.com", "password": "correct horse"}"#;
        Request::post("/signup")
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    }

    async fn send(app: Router, request: Request<Body>) -> (StatusCode, Value) {
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    // `#[tokio::test]` runs each test on a runtime with one thread.
    #[tokio::test]
    async fn health_is_answered_while_a_password_hashes() {
        let (started_tx, started_rx) = tokio::sync::oneshot::channel();
        let (answered_tx, answered_rx) = mpsc::channel::<()>();
        let started_tx = Mutex::new(Some(started_tx));
        let answered_rx = Mutex::new(answered_rx);
        let waited_in_vain = Arc::new(AtomicBool::new(false));
        let flag = waited_in_vain.clone();
        // A hash that lasts until /health has been answered: it can end
        // only if the runtime is free to answer /health meanwhile. Two
        // seconds without an answer mean it never will.
        let hash: Hasher = Arc::new(move |_password: &str| {
            if let Some(started) = started_tx.lock().unwrap().take() {
                let _ = started.send(());
            }
            let answered = answered_rx.lock().unwrap();
            if answered.recv_timeout(Duration::from_secs(2)).is_err() {
                flag.store(true, Ordering::SeqCst);
            }
            "a-hash".to_string()
        });
        let app = app(hash);
        let signup = tokio::spawn(send(app.clone(), signup_request()));
        started_rx.await.unwrap();
        let health = Request::get("/health").body(Body::empty()).unwrap();
        let response = app.oneshot(health).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let _ = answered_tx.send(());
        let (status, _) = signup.await.unwrap();
        assert_eq!(status, StatusCode::CREATED);
        assert!(
            !waited_in_vain.load(Ordering::SeqCst),
            "/health was not answered while the password was hashing: \
             the hash held the runtime's only thread"
        );
    }

    #[tokio::test]
    async fn signup_answers_201_with_the_hash_length() {
        let app = app(Arc::new(|password: &str| password.to_uppercase()));
        let (status, body) = send(app, signup_request()).await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(
            body,
            json!({ "email": "ada@example.com", "hash_length": 13 })
        );
    }

    #[tokio::test]
    async fn a_hash_that_panics_is_a_500() {
        let app = app(Arc::new(|_: &str| -> String { panic!("the hash failed") }));
        let (status, body) = send(app, signup_request()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body, json!({ "error": "internal error" }));
    }
}
// ANCHOR_END: tests
