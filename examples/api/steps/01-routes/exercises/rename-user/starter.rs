//! Exercise: a handler for PUT /users/{id}/name. The body is the new name
//! as plain text. Answer 200 OK with the name as stored (spaces around it
//! trimmed), 404 Not Found when there is no such user, and 400 Bad Request,
//! changing nothing, when the name is empty once trimmed.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Request, StatusCode};
use axum::routing::put;
use tower::ServiceExt;

/// The users' names by id, shared by every request.
type Users = Arc<Mutex<BTreeMap<i64, String>>>;

fn app(users: Users) -> Router {
    Router::new()
        .route("/users/{id}/name", put(rename))
        .with_state(users)
}

/// PUT /users/{id}/name: the body (a `String` extractor) is the new name.
async fn rename(
    State(users): State<Users>,
    Path(id): Path<i64>,
    name: String,
) -> Result<String, StatusCode> {
    // Trim the name and refuse an empty one; then find user `id` in
    // `users` (404 if there is none), store the name and answer with it.
    todo!("rename user {id} to {name:?} in {users:?}")
}

#[tokio::main]
async fn main() {
    let users = Users::default();
    users.lock().unwrap().insert(1, "Ada".to_string());
    for (uri, body) in [
        ("/users/1/name", " Ada Lovelace "),
        ("/users/2/name", "Grace"),
        ("/users/1/name", "  "),
    ] {
        let request = Request::put(uri).body(Body::from(body)).unwrap();
        let response = app(users.clone()).oneshot(request).await.unwrap();
        println!("PUT {uri} {body:?} -> {}", response.status());
    }
    println!("stored: {:?}", users.lock().unwrap());
}
