//! Exercise: write the test. `assert_blank_name_is_refused` gets the users
//! app and must panic, as a failing test does, unless POST /users with
//! `{"name": "   ", "email": "ada@example.com"}` (a name of three spaces)
//! is answered 422 Unprocessable Entity with exactly
//! `{"error": "name must be 1 to 100 characters", "field": "name"}`, and
//! GET /users afterwards still answers 200 with no user: `[]`.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde::Deserialize;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The users, in memory: this app stands in for the service.
type Users = Arc<Mutex<Vec<Value>>>;

#[derive(Deserialize)]
struct NewUser {
    name: String,
    email: String,
}

const NAME_RULE: &str = "name must be 1 to 100 characters";

/// The rule: 1 to 100 characters once trimmed.
fn name_ok(name: &str) -> bool {
    (1..=100).contains(&name.trim().chars().count())
}

/// Adds a user; returns it with its id.
fn store(users: &Users, name: &str, email: &str) -> Value {
    let mut users = users.lock().unwrap();
    let user = json!({ "id": users.len() + 1, "name": name, "email": email });
    users.push(user.clone());
    user
}

async fn create(State(users): State<Users>, Json(new): Json<NewUser>) -> Response {
    if !name_ok(&new.name) {
        let body = json!({ "error": NAME_RULE, "field": "name" });
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
    }
    let user = store(&users, new.name.trim(), &new.email);
    (StatusCode::CREATED, Json(user)).into_response()
}

async fn list(State(users): State<Users>) -> Json<Value> {
    Json(Value::Array(users.lock().unwrap().clone()))
}

/// The app with the given POST /users handler and an empty list of users.
fn app_with<H, T>(create: H) -> Router
where
    H: axum::handler::Handler<T, Users>,
    T: 'static,
{
    let routes = Router::new().route("/users", get(list).post(create));
    routes.with_state(Users::default())
}

fn app() -> Router {
    app_with(create)
}

/// The lesson's helper: the status, and the body as JSON (Null when empty).
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)))
    };
    (status, body)
}

/// Panics unless a blank name is refused with a 422 naming the field, and
/// nothing is stored.
async fn assert_blank_name_is_refused(app: Router) {
    // Send the POST with `send`, compare status and body with one
    // assert_eq!, then check with GET /users that nothing was stored.
    let _ = app;
    todo!("send the blank name, then check the answer and the list")
}

#[tokio::main]
async fn main() {
    assert_blank_name_is_refused(app()).await;
    println!("the test passed on the correct app");
}
