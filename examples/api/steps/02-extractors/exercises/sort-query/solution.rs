//! Exercise: a validation rule for `?sort=`. GET /users lists the users by
//! id unless `sort` names another field (`name` or `email`); a `-` in front
//! reverses the order (`?sort=-name`). Any other value is refused with 400
//! Bad Request and `{"error": "…"}` naming what may be sorted by.

// ANCHOR: solution
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Clone, Debug, Serialize)]
struct User {
    id: i64,
    name: String,
    email: String,
}

/// The query string as sent: `sort` may be missing.
#[derive(Debug, Deserialize)]
struct ListQuery {
    sort: Option<String>,
}

#[derive(Debug, PartialEq)]
enum Field {
    Id,
    Name,
    Email,
}

/// How to order the list: by which field, and whether backwards.
#[derive(Debug, PartialEq)]
struct Sort {
    field: Field,
    descending: bool,
}

/// A refusal: its status, and the message the body carries.
#[derive(Debug, PartialEq)]
struct ApiError {
    status: StatusCode,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// `None` is by id, ascending; `"name"`, `"-email"`… as the exercise says.
fn parse_sort(raw: Option<&str>) -> Result<Sort, ApiError> {
    let raw = raw.unwrap_or("id");
    // strip_prefix says both whether the `-` was there and what follows it.
    let (descending, name) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let field = match name {
        "id" => Field::Id,
        "name" => Field::Name,
        "email" => Field::Email,
        _ => {
            return Err(ApiError {
                status: StatusCode::BAD_REQUEST,
                message: format!("cannot sort by {name:?}: sort by id, name or email"),
            });
        }
    };
    Ok(Sort { field, descending })
}

fn users() -> Vec<User> {
    [
        (1, "Grace", "grace@example.com"),
        (2, "Ada", "ada@example.com"),
        (3, "Linus", "al@example.com"),
    ]
    .map(|(id, name, email)| User {
        id,
        name: name.into(),
        email: email.into(),
    })
    .to_vec()
}

async fn list(Query(query): Query<ListQuery>) -> Result<Json<Vec<User>>, ApiError> {
    let sort = parse_sort(query.sort.as_deref())?;
    let mut users = users();
    match sort.field {
        Field::Id => users.sort_by_key(|u| u.id),
        Field::Name => users.sort_by(|a, b| a.name.cmp(&b.name)),
        Field::Email => users.sort_by(|a, b| a.email.cmp(&b.email)),
    }
    if sort.descending {
        users.reverse();
    }
    Ok(Json(users))
}

fn app() -> Router {
    Router::new().route("/users", get(list))
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    for uri in ["/users?sort=name", "/users?sort=-id", "/users?sort=age"] {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        println!(
            "GET {uri} -> {status}\n  {}",
            String::from_utf8_lossy(&body)
        );
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use serde_json::Value;
    use tower::ServiceExt;

    async fn get(uri: &str) -> (StatusCode, Value) {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    /// The ids of a listed page, in order.
    async fn ids(uri: &str) -> Vec<i64> {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::OK, "GET {uri} answered {body}");
        body.as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_i64().unwrap())
            .collect()
    }

    #[tokio::test]
    async fn without_sort_the_users_come_by_id() {
        assert_eq!(ids("/users").await, [1, 2, 3]);
    }

    #[tokio::test]
    async fn sort_names_a_field() {
        assert_eq!(
            ids("/users?sort=name").await,
            [2, 1, 3],
            "Ada, Grace, Linus"
        );
        assert_eq!(
            ids("/users?sort=email").await,
            [2, 3, 1],
            "ada@, al@, grace@"
        );
        assert_eq!(ids("/users?sort=id").await, [1, 2, 3]);
    }

    #[tokio::test]
    async fn a_minus_reverses_the_order() {
        assert_eq!(
            ids("/users?sort=-name").await,
            [3, 1, 2],
            "Linus, Grace, Ada"
        );
        assert_eq!(ids("/users?sort=-id").await, [3, 2, 1]);
    }

    #[tokio::test]
    async fn another_field_is_refused_with_400_and_the_fields_allowed() {
        let expected = json!({ "error": "cannot sort by \"age\": sort by id, name or email" });
        assert_eq!(
            get("/users?sort=age").await,
            (StatusCode::BAD_REQUEST, expected)
        );
    }

    #[tokio::test]
    async fn a_lone_minus_or_a_capital_is_no_field() {
        assert_eq!(get("/users?sort=-").await.0, StatusCode::BAD_REQUEST);
        assert_eq!(get("/users?sort=Name").await.0, StatusCode::BAD_REQUEST);
        assert_eq!(get("/users?sort=--id").await.0, StatusCode::BAD_REQUEST);
    }
}
// ANCHOR_END: tests
