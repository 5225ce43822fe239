//! Exercise: a handler for PUT /users/{id}/name. The body is the new name
//! as plain text. Answer 200 OK with the name as stored (spaces around it
//! trimmed), 404 Not Found when there is no such user, and 400 Bad Request,
//! changing nothing, when the name is empty once trimmed.

// ANCHOR: solution
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
    let name = name.trim();
    // Checked before the lookup: a bad request changes nothing either way.
    if name.is_empty() {
        return Err(StatusCode::BAD_REQUEST);
    }
    let mut users = users.lock().unwrap();
    let stored = users.get_mut(&id).ok_or(StatusCode::NOT_FOUND)?;
    *stored = name.to_string();
    Ok(stored.clone())
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn with_ada() -> Users {
        let users = Users::default();
        users.lock().unwrap().insert(1, "Ada".to_string());
        users
    }

    async fn put_name(users: &Users, uri: &str, name: &str) -> (StatusCode, String) {
        let request = Request::put(uri)
            .body(Body::from(name.to_string()))
            .unwrap();
        let response = app(users.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn renaming_answers_the_new_name_and_stores_it() {
        let users = with_ada();
        let answer = put_name(&users, "/users/1/name", "Ada Lovelace").await;
        assert_eq!(answer, (StatusCode::OK, "Ada Lovelace".to_string()));
        assert_eq!(users.lock().unwrap()[&1], "Ada Lovelace");
    }

    #[tokio::test]
    async fn spaces_around_the_name_are_trimmed() {
        let users = with_ada();
        let answer = put_name(&users, "/users/1/name", "  Ada  \n").await;
        assert_eq!(answer, (StatusCode::OK, "Ada".to_string()));
    }

    #[tokio::test]
    async fn an_unknown_user_is_404_and_creates_no_one() {
        let users = with_ada();
        let (status, _) = put_name(&users, "/users/2/name", "Grace").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(users.lock().unwrap().len(), 1, "PUT must not create user 2");
    }

    #[tokio::test]
    async fn an_empty_name_is_400_and_changes_nothing() {
        let users = with_ada();
        let (status, _) = put_name(&users, "/users/1/name", "   ").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(users.lock().unwrap()[&1], "Ada", "the old name stays");
    }
}
// ANCHOR_END: tests
