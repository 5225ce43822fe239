//! Exercise: validation rules. POST /users takes a name and an email; the
//! handler stores what `valid_name` and `valid_email` return (the values
//! trimmed), or answers 422 with `{"error": "…"}` when one refuses.

// ANCHOR: solution
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
    let name = name.trim();
    // `len()` counts bytes: "é" is two of them, but one character.
    let length = name.chars().count();
    if !(1..=100).contains(&length) {
        return Err(unprocessable("name must be 1 to 100 characters"));
    }
    Ok(name.to_string())
}

/// An email, trimmed: `local@domain` with one `@`, something before it, a
/// dot after it, and at most 254 characters in all.
fn valid_email(email: &str) -> Result<String, ApiError> {
    let email = email.trim();
    let well_formed = match email.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !domain.contains('@'),
        None => false,
    };
    if !well_formed || email.chars().count() > 254 {
        return Err(unprocessable("email must look like name@example.com"));
    }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{Request, header};
    use http_body_util::BodyExt;
    use serde_json::Value;
    use tower::ServiceExt;

    /// POSTs `name` and `email` to a new app; the status and the body.
    async fn create_user(name: &str, email: &str) -> (StatusCode, Value) {
        let body = json!({ "name": name, "email": email });
        let request = Request::post("/users")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    fn refused(message: &str) -> (StatusCode, Value) {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "error": message }),
        )
    }

    const BAD_NAME: &str = "name must be 1 to 100 characters";
    const BAD_EMAIL: &str = "email must look like name@example.com";

    #[tokio::test]
    async fn a_valid_user_is_created_with_its_values_trimmed() {
        let (status, user) = create_user("  Ada Lovelace ", " ada@example.com\n").await;
        assert_eq!(status, StatusCode::CREATED, "{user}");
        assert_eq!(user["name"], "Ada Lovelace");
        assert_eq!(user["email"], "ada@example.com");
    }

    #[tokio::test]
    async fn an_empty_or_blank_name_is_refused() {
        assert_eq!(create_user("", "ada@example.com").await, refused(BAD_NAME));
        assert_eq!(
            create_user(" \t ", "ada@example.com").await,
            refused(BAD_NAME)
        );
    }

    /// 100 characters pass and 101 do not, counted as characters: each `é`
    /// is two bytes.
    #[tokio::test]
    async fn a_name_has_at_most_100_characters() {
        let hundred = "é".repeat(100);
        assert_eq!(
            create_user(&hundred, "e@example.com").await.0,
            StatusCode::CREATED
        );
        let longer = "é".repeat(101);
        assert_eq!(
            create_user(&longer, "e@example.com").await,
            refused(BAD_NAME)
        );
    }

    #[tokio::test]
    async fn an_email_needs_one_at_with_text_before_and_a_dot_after() {
        for email in [
            "ada.example.com",
            "@example.com",
            "ada@localhost",
            "ada@example@com.org",
            "",
        ] {
            assert_eq!(
                create_user("Ada", email).await,
                refused(BAD_EMAIL),
                "{email:?}"
            );
        }
    }

    #[tokio::test]
    async fn an_email_has_at_most_254_characters() {
        let at_most = format!("{}@example.com", "a".repeat(254 - 12));
        assert_eq!(create_user("Ada", &at_most).await.0, StatusCode::CREATED);
        let longer = format!("{}@example.com", "a".repeat(255 - 12));
        assert_eq!(create_user("Ada", &longer).await, refused(BAD_EMAIL));
    }
}
// ANCHOR_END: tests
