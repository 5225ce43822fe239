//! Exercise: work that must outlive the request. `signup` stores the user,
//! then sends a welcome email through a slow mail service, and only then
//! answers. Two things are wrong with that: the client waits for the mail,
//! and if the client goes away meanwhile, the handler's future is dropped
//! at that `.await` and the mail is never sent, though the user exists.
//! Send the mail from a task of its own, and answer without waiting for it.

// ANCHOR: solution
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
    // A task of its own: it runs to its end whatever becomes of this
    // request, and the answer does not wait for it.
    let mailer = state.mailer.clone();
    let to = body.email.clone();
    tokio::spawn(async move { mailer.send_welcome(to).await });
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tokio::time::timeout;
    use tower::ServiceExt;

    /// A mailer whose network lets nothing through until the test says so.
    fn stalled_mailer() -> Mailer {
        Mailer {
            sent: Arc::default(),
            network: Arc::new(Semaphore::new(0)),
            latency: Duration::ZERO,
            calls: Arc::default(),
        }
    }

    fn signup_request() -> Request<Body> {
        Request::post("/signup")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"email": "ada@example.com"}"#))
            .unwrap()
    }

    /// Waits for the mail to reach the mail service; two seconds without it
    /// mean it never will.
    async fn mail_sent(mailer: &Mailer) -> bool {
        timeout(Duration::from_secs(2), async {
            while mailer.sent.lock().unwrap().is_empty() {
                tokio::task::yield_now().await;
            }
        })
        .await
        .is_ok()
    }

    #[tokio::test]
    async fn the_answer_does_not_wait_for_the_mail() {
        let mailer = stalled_mailer();
        let answer = timeout(
            Duration::from_secs(2),
            app(mailer.clone()).oneshot(signup_request()),
        )
        .await
        .expect("no answer while the mail service was stalled: the handler waits for the mail")
        .unwrap();
        assert_eq!(answer.status(), StatusCode::CREATED);
        let bytes = answer.into_body().collect().await.unwrap().to_bytes();
        let body: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body, json!({ "id": 1, "email": "ada@example.com" }));
        // The mail still goes out once the network lets it through.
        mailer.network.add_permits(1);
        assert!(mail_sent(&mailer).await, "the welcome mail was never sent");
    }

    #[tokio::test]
    async fn the_mail_is_sent_even_if_the_client_goes_away() {
        let mailer = stalled_mailer();
        let request = tokio::spawn(app(mailer.clone()).oneshot(signup_request()));
        // The handler has called the mail service...
        mailer.calls.notified().await;
        // ...when the client goes away: the server drops the request's
        // future, as aborting this task does.
        request.abort();
        let _ = request.await;
        mailer.network.add_permits(1);
        assert!(
            mail_sent(&mailer).await,
            "the client went away and the welcome mail was never sent"
        );
        assert_eq!(*mailer.sent.lock().unwrap(), ["ada@example.com"]);
    }
}
// ANCHOR_END: tests
