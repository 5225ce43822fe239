//! Exercise (needs PostgreSQL): write the test of a rule the database
//! enforces. Emails are unique whatever their case: the table's unique index
//! `users_email_key` is on `lower(email)`, and the app answers its violation
//! with 409. `assert_taken_email_is_409` gets the app on an empty table and
//! must panic, as a failing test does, unless:
//! - POST /users with `{"name": "Ada", "email": "ada@example.com"}` is 201;
//! - POST /users with `{"name": "Ada again", "email": "ADA@example.com"}`
//!   is 409 with exactly
//!   `{"error": "a user with this email already exists", "field": "email"}`;
//! - GET /users then answers 200 with one user, Ada.

use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;

#[derive(Deserialize)]
struct NewUser {
    name: String,
    email: String,
}

fn answer(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

/// The service's create, cut down: the database decides whether the email
/// is taken, and its unique index's name tells a taken email from a fault.
async fn create(State(db): State<PgPool>, Json(new): Json<NewUser>) -> Response {
    let inserted =
        sqlx::query_as::<_, (i64,)>("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id")
            .bind(&new.name)
            .bind(&new.email)
            .fetch_one(&db)
            .await;
    match inserted {
        Ok((id,)) => answer(
            StatusCode::CREATED,
            json!({ "id": id, "name": new.name, "email": new.email }),
        ),
        Err(sqlx::Error::Database(error)) if error.constraint() == Some("users_email_key") => {
            let body =
                json!({ "error": "a user with this email already exists", "field": "email" });
            answer(StatusCode::CONFLICT, body)
        }
        Err(_) => answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({ "error": "internal error" }),
        ),
    }
}

async fn list(State(db): State<PgPool>) -> Response {
    let rows =
        sqlx::query_as::<_, (i64, String, String)>("SELECT id, name, email FROM users ORDER BY id")
            .fetch_all(&db)
            .await
            .unwrap();
    let users: Vec<Value> = rows
        .into_iter()
        .map(|(id, name, email)| json!({ "id": id, "name": name, "email": email }))
        .collect();
    answer(StatusCode::OK, Value::Array(users))
}

/// The app with the given POST /users handler, on the database `db`.
fn app_with<H, T>(db: PgPool, create: H) -> Router
where
    H: axum::handler::Handler<T, PgPool>,
    T: 'static,
{
    Router::new()
        .route("/users", get(list).post(create))
        .with_state(db)
}

fn app(db: PgPool) -> Router {
    app_with(db, create)
}

/// The step's helper: the status, and the body as JSON (Null when empty).
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

fn post_user(name: &str, email: &str) -> Request<Body> {
    let user = json!({ "name": name, "email": email });
    Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(user.to_string()))
        .unwrap()
}

/// Panics unless an email taken in another case is refused with 409 and
/// nothing is stored for it.
async fn assert_taken_email_is_409(app: Router) {
    // Create Ada, then send her email again in capitals and compare the
    // answer with one assert_eq!; then check that GET /users lists only her.
    let _ = app;
    todo!("create Ada, then try her email in capitals")
}

/// Your test, as it would stand in tests/api.rs: a database of its own,
/// new and migrated, and the app on it.
#[cfg(test)]
#[sqlx::test]
async fn taken_email_is_409_in_any_case(db: PgPool) {
    assert_taken_email_is_409(app(db)).await;
}

fn main() {
    println!("this exercise is its tests: `cargo test` gives each a database of its own");
}
