//! Exercise: a response's JSON shape. GET /users/{id} answers a front end
//! that wants camelCase keys, every time as RFC 3339 text in UTC, and no
//! `lastLogin` key at all for a user who never logged in.

// ANCHOR: solution
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use time::macros::datetime;
use time::{OffsetDateTime, UtcOffset};

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

/// What GET /users/{id} sends.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct UserJson {
    id: i64,
    display_name: String,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    // `option` is the same format for an `Option`; a `None` is left out
    // rather than written as `null`.
    #[serde(
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    last_login: Option<OffsetDateTime>,
}

impl From<UserRow> for UserJson {
    fn from(row: UserRow) -> Self {
        // RFC 3339 keeps a value's offset; the API promises UTC.
        let utc = |time: OffsetDateTime| time.to_offset(UtcOffset::UTC);
        Self {
            id: row.id,
            display_name: row.display_name,
            created_at: utc(row.created_at),
            last_login: row.last_login.map(utc),
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

    /// The body of GET `uri`, byte for byte.
    async fn body_of(uri: &str) -> String {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = app().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    /// The same body, parsed, for the tests of one rule at a time.
    async fn json_of(uri: &str) -> Value {
        serde_json::from_str(&body_of(uri).await).unwrap()
    }

    #[tokio::test]
    async fn keys_are_camel_case() {
        let user = json_of("/users/2").await;
        let mut keys: Vec<&str> = user
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        assert_eq!(keys, ["createdAt", "displayName", "id", "lastLogin"]);
    }

    #[tokio::test]
    async fn a_time_is_rfc3339_text() {
        let user = json_of("/users/1").await;
        assert_eq!(user["createdAt"], "2026-12-03T18:45:00Z");
    }

    /// Grace's row was written at 10:00 in Paris (UTC+1): 09:00 in UTC.
    #[tokio::test]
    async fn times_are_sent_in_utc() {
        let user = json_of("/users/2").await;
        assert_eq!(user["createdAt"], "2026-12-04T09:00:00.25Z");
        assert_eq!(user["lastLogin"], "2026-12-05T08:30:15Z");
    }

    /// Not `"lastLogin": null`: no key at all.
    #[tokio::test]
    async fn no_last_login_means_no_key() {
        let user = json_of("/users/1").await;
        let nulls: Vec<&String> = user
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, value)| value.is_null())
            .map(|(key, _)| key)
            .collect();
        assert!(nulls.is_empty(), "sent as null: {nulls:?}");
    }

    #[tokio::test]
    async fn both_bodies_byte_for_byte() {
        assert_eq!(
            body_of("/users/1").await,
            r#"{"id":1,"displayName":"Ada Lovelace","createdAt":"2026-12-03T18:45:00Z"}"#
        );
        assert_eq!(
            body_of("/users/2").await,
            concat!(
                r#"{"id":2,"displayName":"Grace Hopper","#,
                r#""createdAt":"2026-12-04T09:00:00.25Z","#,
                r#""lastLogin":"2026-12-05T08:30:15Z"}"#
            )
        );
    }
}
// ANCHOR_END: tests
