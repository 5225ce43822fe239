//! The routing and handlers of the users API, without a socket and without
//! a database: requests are read from a file (or standard input), sent one by
//! one through the router with `tower::ServiceExt::oneshot`, and each
//! response is printed. The store is a map behind a mutex, standing in for
//! PostgreSQL, so the program runs anywhere, the page included. No async
//! runtime is needed either: nothing here waits on the network, so
//! `pollster::block_on` is enough to drive the futures.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde::{Deserialize, Serialize};
use tower::ServiceExt;

// ANCHOR: store
#[derive(Clone, Serialize)]
struct User {
    id: u64,
    name: String,
}

/// Shared state: cloning the Arc shares one map between all requests.
#[derive(Clone, Default)]
struct Store {
    users: Arc<Mutex<BTreeMap<u64, User>>>,
}

impl Store {
    /// The map, locked. A lock is poisoned when a thread panicked while
    /// holding it. Here the only change made under it is one `insert`, done
    /// completely or not at all, so the map is never left half-changed: the
    /// guard is taken back instead of failing every later request.
    fn users(&self) -> MutexGuard<'_, BTreeMap<u64, User>> {
        self.users.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: store

#[derive(Deserialize)]
struct NewUser {
    name: String,
}

// ANCHOR: handlers
async fn create(State(store): State<Store>, Json(new): Json<NewUser>) -> (StatusCode, Json<User>) {
    let mut users = store.users();
    let id = users.keys().next_back().map_or(1, |last| last + 1);
    let user = User { id, name: new.name };
    users.insert(id, user.clone());
    (StatusCode::CREATED, Json(user))
}

async fn show(State(store): State<Store>, Path(id): Path<u64>) -> Result<Json<User>, StatusCode> {
    store
        .users()
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or(StatusCode::NOT_FOUND)
}

async fn list(State(store): State<Store>) -> Json<Vec<User>> {
    Json(store.users().values().cloned().collect())
}

fn app() -> Router {
    Router::new()
        .route("/users", get(list).post(create))
        .route("/users/{id}", get(show))
        .with_state(Store::default())
}
// ANCHOR_END: handlers

// ANCHOR: drive
/// Turns one line such as `POST /users {"name": "Ada"}` into a request.
fn request(line: &str) -> Option<Request<Body>> {
    let mut parts = line.splitn(3, ' ');
    let (method, uri, body) = (parts.next()?, parts.next()?, parts.next().unwrap_or(""));
    let mut builder = Request::builder().method(method).uri(uri);
    if !body.is_empty() {
        builder = builder.header("content-type", "application/json");
    }
    builder.body(Body::from(body.to_string())).ok()
}

fn main() {
    let mut script = String::new();
    match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => script = text,
            Err(error) => {
                eprintln!("handlers-in-memory: cannot read {path}: {error}");
                std::process::exit(1);
            }
        },
        None => {
            std::io::stdin().read_to_string(&mut script).expect("stdin");
        }
    }
    let app = app();
    for line in script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let Some(request) = request(line) else {
            eprintln!("skipped, not METHOD PATH [JSON]: {line}");
            continue;
        };
        // The router is cheap to clone; oneshot consumes the clone.
        let response = pollster::block_on(app.clone().oneshot(request)).expect("infallible");
        let status = response.status();
        let body = pollster::block_on(response.into_body().collect())
            .expect("body")
            .to_bytes();
        let body = String::from_utf8_lossy(&body);
        let sep = if body.is_empty() { "" } else { " " };
        println!("{line}\n  -> {status}{sep}{body}");
    }
}
// ANCHOR_END: drive
