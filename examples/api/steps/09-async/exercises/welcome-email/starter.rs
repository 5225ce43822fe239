//! Exercise: work that must outlive the request. `signup` stores the user,
//! then sends a welcome email through a slow mail service, and only then
//! answers. Two things are wrong with that: the client waits for the mail,
//! and if the client goes away meanwhile, the handler's future is dropped
//! at that `.await` and the mail is never sent, though the user exists.
//! Send the mail from a task of its own, and answer without waiting for it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{Notify, Semaphore};

/// A mail service over a slow network.
#[derive(Clone)]
struct Mailer {
    /// The addresses the service has accepted a mail for.
    sent: Arc<Mutex<Vec<String>>>,
    /// Each call waits for a permit (the tests hand them out), then `latency`.
    network: Arc<Semaphore>,
    latency: Duration,
    /// Told when a call starts, so a test knows the handler is waiting on it.
    calls: Arc<Notify>,
}

impl Mailer {
    async fn send_welcome(&self, to: String) {
        self.calls.notify_one();
        let _permit = self.network.acquire().await.unwrap();
        tokio::time::sleep(self.latency).await;
        self.sent.lock().unwrap().push(to);
    }
}

#[derive(Clone)]
struct AppState {
    users: Arc<Mutex<Vec<String>>>,
    mailer: Mailer,
}

#[derive(Deserialize)]
struct Signup {
    email: String,
}

async fn signup(
    State(state): State<AppState>,
    Json(body): Json<Signup>,
) -> (StatusCode, Json<Value>) {
    let id = {
        let mut users = state.users.lock().unwrap();
        users.push(body.email.clone());
        users.len()
    };
    // The client waits for the mail, and the mail waits for the client.
    state.mailer.send_welcome(body.email.clone()).await;
    (
        StatusCode::CREATED,
        Json(json!({ "id": id, "email": body.email })),
    )
}

fn app(mailer: Mailer) -> Router {
    let users = Arc::new(Mutex::new(Vec::new()));
    Router::new()
        .route("/signup", post(signup))
        .with_state(AppState { users, mailer })
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use std::time::Instant;
    use tower::ServiceExt;
    let mailer = Mailer {
        sent: Arc::default(),
        network: Arc::new(Semaphore::new(Semaphore::MAX_PERMITS)),
        latency: Duration::from_millis(500),
        calls: Arc::default(),
    };
    let started = Instant::now();
    let request = Request::post("/signup")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"email": "ada@example.com"}"#))
        .unwrap();
    let response = app(mailer.clone()).oneshot(request).await.unwrap();
    println!("{} after {:?}", response.status(), started.elapsed());
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!(
        "mails sent a second later: {:?}",
        mailer.sent.lock().unwrap()
    );
}
