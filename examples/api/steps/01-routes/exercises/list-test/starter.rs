//! Exercise: write the test. `assert_lists_ada_and_grace` gets a router that
//! should hold two users, Ada (id 1) and Grace (id 2), and must panic, as a
//! failing test does, unless GET /users answers 200 OK with exactly
//! `[{"id":1,"name":"Ada"},{"id":2,"name":"Grace"}]`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The app under test: the users it is given, listed at GET /users.
fn app(users: Value) -> Router {
    Router::new().route("/users", get(move || async move { Json(users) }))
}

/// Panics unless GET /users lists Ada and Grace, in id order, with 200 OK.
async fn assert_lists_ada_and_grace(app: Router) {
    // Send GET /users through `app` with `oneshot`, then assert on the
    // status and on the body parsed as JSON.
    todo!("check {app:?}")
}

#[tokio::main]
async fn main() {
    let users = json!([{ "id": 1, "name": "Ada" }, { "id": 2, "name": "Grace" }]);
    assert_lists_ada_and_grace(app(users)).await;
    println!("the check passed on the correct app");
}
