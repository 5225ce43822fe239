//! Exercise: a response's JSON shape. GET /users/{id} answers a front end
//! that wants camelCase keys, every time as RFC 3339 text in UTC, and no
//! `lastLogin` key at all for a user who never logged in.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use time::OffsetDateTime;
use time::macros::datetime;

/// A user as the database holds it. The password hash must never be sent,
/// which is why the answer is a type of its own rather than this one.
struct UserRow {
    id: i64,
    display_name: String,
    // Read by a login handler, which this program leaves out.
    #[allow(dead_code)]
    password_hash: String,
    created_at: OffsetDateTime,
    last_login: Option<OffsetDateTime>,
}

/// What GET /users/{id} sends. serde's attributes decide the JSON: the
/// keys' case, how a time is written, whether a `None` is sent at all.
#[derive(Debug, Serialize)]
struct UserJson {
    id: i64,
    display_name: String,
    created_at: OffsetDateTime,
    last_login: Option<OffsetDateTime>,
}

impl From<UserRow> for UserJson {
    fn from(row: UserRow) -> Self {
        // Copies the times with whatever offset they were stored with.
        Self {
            id: row.id,
            display_name: row.display_name,
            created_at: row.created_at,
            last_login: row.last_login,
        }
    }
}

fn rows() -> Vec<UserRow> {
    vec![
        UserRow {
            id: 1,
            display_name: "Ada Lovelace".into(),
            password_hash: "$argon2id$v=19$…".into(),
            created_at: datetime!(2026-12-03 18:45 UTC),
            last_login: None,
        },
        UserRow {
            id: 2,
            display_name: "Grace Hopper".into(),
            password_hash: "$argon2id$v=19$…".into(),
            // Written down in Paris, one hour ahead of UTC in December.
            created_at: datetime!(2026-12-04 10:00:00.25 +01:00),
            last_login: Some(datetime!(2026-12-05 08:30:15 UTC)),
        },
    ]
}

async fn get_user(Path(id): Path<i64>) -> Result<Json<UserJson>, StatusCode> {
    let row = rows().into_iter().find(|row| row.id == id);
    let row = row.ok_or(StatusCode::NOT_FOUND)?;
    Ok(Json(UserJson::from(row)))
}

fn app() -> Router {
    Router::new().route("/users/{id}", get(get_user))
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    for uri in ["/users/1", "/users/2"] {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = app().oneshot(request).await.unwrap();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        println!("GET {uri}\n  {}", String::from_utf8_lossy(&body));
    }
}
