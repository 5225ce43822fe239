//! Exercise: validation rules. POST /users takes a name and an email; the
//! handler stores what `valid_name` and `valid_email` return (the values
//! trimmed), or answers 422 with `{"error": "…"}` when one refuses.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A refusal: its status, and the message the body carries.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

fn unprocessable(message: &str) -> ApiError {
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: message.to_string(),
    }
}

/// A name, trimmed: 1 to 100 characters, counted as characters, not bytes.
fn valid_name(name: &str) -> Result<String, ApiError> {
    // Accepts every name as sent. Trim it, count its characters, and refuse
    // fewer than 1 or more than 100 with `unprocessable` and the message
    // the tests expect.
    Ok(name.to_string())
}

/// An email, trimmed: `local@domain` with one `@`, something before it, a
/// dot after it, and at most 254 characters in all.
fn valid_email(email: &str) -> Result<String, ApiError> {
    // Accepts every email as sent. Trim it, split it at the `@`, check both
    // sides and the length, and refuse the rest with `unprocessable`.
    Ok(email.to_string())
}

#[derive(Deserialize)]
struct CreateUser {
    name: Option<String>,
    email: Option<String>,
}

#[derive(Clone, Serialize)]
struct User {
    id: i64,
    name: String,
    email: String,
}

fn required(value: Option<String>, field: &str) -> Result<String, ApiError> {
    value.ok_or_else(|| unprocessable(&format!("{field} is required")))
}

type Users = Arc<Mutex<Vec<User>>>;

async fn create(
    State(users): State<Users>,
    Json(payload): Json<CreateUser>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let name = valid_name(&required(payload.name, "name")?)?;
    let email = valid_email(&required(payload.email, "email")?)?;
    let mut users = users.lock().unwrap();
    let user = User {
        id: users.len() as i64 + 1,
        name,
        email,
    };
    users.push(user.clone());
    Ok((StatusCode::CREATED, Json(user)))
}

fn app() -> Router {
    Router::new()
        .route("/users", post(create))
        .with_state(Users::default())
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    for body in [
        json!({ "name": "  Ada Lovelace ", "email": "ada@example.com" }),
        json!({ "name": " ", "email": "ada@example.com" }),
        json!({ "name": "Ada", "email": "ada.example.com" }),
    ] {
        let request = Request::post("/users")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let answer = response.into_body().collect().await.unwrap().to_bytes();
        println!(
            "POST {body} -> {status}\n  {}",
            String::from_utf8_lossy(&answer)
        );
    }
}
