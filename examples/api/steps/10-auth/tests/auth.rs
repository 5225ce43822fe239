//! Signing in and out, and every refusal: 401 without a live session (with
//! its `WWW-Authenticate` challenge: `Bearer`, or `Bearer
//! error="invalid_token"` for a token that names no session), 403 for a signed-in user who
//! is neither the owner nor an admin. Each refusal also checks that nothing
//! changed.

mod common;

use std::time::Duration;

use argon2::Argon2;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;
use users_api::config::Config;

use common::{
    ALLOWED_ORIGIN, bearer, cheap_hashes, config, json_request, request, send, session_for,
};

const PASSWORD: &str = "correct horse battery staple";

/// Creates a user with `PASSWORD`; their id.
async fn create_user(app: &Router, name: &str) -> i64 {
    let user =
        json!({ "name": name, "email": format!("{name}@example.com"), "password": PASSWORD });
    let (status, body) = send(app, json_request(Method::POST, "/users", user.to_string())).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_i64().unwrap()
}

async fn sign_in_as(app: &Router, email: &str, password: &str) -> (StatusCode, Value) {
    let body = json!({ "email": email, "password": password });
    send(
        app,
        json_request(Method::POST, "/sessions", body.to_string()),
    )
    .await
}

/// Signs `name` in; the session's token.
async fn token_of(app: &Router, name: &str) -> String {
    let (status, body) = sign_in_as(app, &format!("{name}@example.com"), PASSWORD).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["token"].as_str().unwrap().to_string()
}

fn with_authorization(mut request: Request<Body>, value: &str) -> Request<Body> {
    let value = value.parse().unwrap();
    request.headers_mut().insert(header::AUTHORIZATION, value);
    request
}

fn rename(id: i64, name: &str) -> Request<Body> {
    json_request(
        Method::PATCH,
        &format!("/users/{id}"),
        json!({ "name": name }).to_string(),
    )
}

fn delete(id: i64) -> Request<Body> {
    request(Method::DELETE, &format!("/users/{id}"))
}

/// Sends `request` and checks it is a 401 with this challenge and message:
/// `NO_TOKEN`, `BAD_TOKEN` or a wrong sign-in's.
async fn assert_401(app: &Router, request: Request<Body>, (challenge, message): (&str, &str)) {
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()[header::WWW_AUTHENTICATE], challenge);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(body, json!({ "error": message }));
}

/// Sends `request` and checks it is the 403 of the owner-or-admin rule, with
/// no challenge: signing in again would not help.
async fn assert_403(app: &Router, request: Request<Body>) {
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(!response.headers().contains_key(header::WWW_AUTHENTICATE));
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    let rule = "only the user themselves or an admin may change this user";
    assert_eq!(body, json!({ "error": rule }));
}

async fn name_of(app: &Router, id: i64) -> Option<String> {
    let (status, body) = send(app, request(Method::GET, &format!("/users/{id}"))).await;
    (status == StatusCode::OK).then(|| body["name"].as_str().unwrap().to_string())
}

/// No token: the bare scheme, with no error to name (RFC 6750, section 3.1).
const NO_TOKEN: (&str, &str) = (
    "Bearer",
    "sign in first: send Authorization: Bearer <token>",
);
/// A token that names no live session.
const BAD_TOKEN: (&str, &str) = (
    r#"Bearer error="invalid_token""#,
    "session unknown or expired: sign in again",
);

// ANCHOR: sign_in
#[sqlx::test]
async fn signing_in_gives_a_token_stored_only_as_its_hash(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let ada = create_user(&app, "ada").await;
    // Emails match whatever their case, as when they are unique.
    let (status, body) = sign_in_as(&app, "ADA@example.com", PASSWORD).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["user_id"], ada);
    let token = body["token"].as_str().unwrap();
    assert_eq!(token.len(), 64);
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
    let stored: Vec<Vec<u8>> = sqlx::query_scalar("SELECT token_sha256 FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(stored, [users_api::sessions::token_sha256(token)]);
}

#[sqlx::test]
async fn an_email_signs_in_as_padded_as_it_signed_up(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let user = json!({ "name": "Ada", "email": " ada@example.com ", "password": PASSWORD });
    let (status, body) = send(&app, json_request(Method::POST, "/users", user.to_string())).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Sign-up stored it trimmed; sign-in trims what it is sent the same way.
    assert_eq!(body["email"], "ada@example.com");
    let (status, _) = sign_in_as(&app, " ada@example.com ", PASSWORD).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[sqlx::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_401(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_user(&app, "ada").await;
    let wrong = json!({ "error": "wrong email or password" });
    let answer = sign_in_as(&app, "ada@example.com", "not the password").await;
    assert_eq!(answer, (StatusCode::UNAUTHORIZED, wrong.clone()));
    let answer = sign_in_as(&app, "nobody@example.com", PASSWORD).await;
    assert_eq!(answer, (StatusCode::UNAUTHORIZED, wrong));
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}

/// An unknown email's password is checked all the same, against a dummy hash
/// made with the configured cost. How long either check takes is not
/// measured: on a shared machine a timing test would fail at random. What is
/// tested is that the check happens: with no hash permit free, an unknown
/// email waits for one and gets the 503 a real check gets, not a quick 401.
#[sqlx::test]
async fn an_unknown_email_costs_a_password_check(db: PgPool) {
    let busy = Config {
        max_hashes: 0,
        hash_wait: Duration::from_millis(50),
        ..config()
    };
    let app = users_api::app(db, &busy);
    let (status, _) = sign_in_as(&app, "nobody@example.com", PASSWORD).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let dummy = users_api::password::dummy_hash(&Argon2::from(cheap_hashes()));
    assert!(dummy.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{dummy}");
}

/// A wrong sign-in is a 401 like the others, so it names a scheme: the bare
/// one, as no token came (src/sessions.rs says why a 401 at all).
#[sqlx::test]
async fn a_wrong_password_gets_the_bare_challenge(db: PgPool) {
    let app = users_api::app(db, &config());
    create_user(&app, "ada").await;
    let wrong = json!({ "email": "ada@example.com", "password": "not the password" });
    let request = json_request(Method::POST, "/sessions", wrong.to_string());
    assert_401(&app, request, ("Bearer", "wrong email or password")).await;
}

#[sqlx::test]
async fn signing_in_without_a_field_is_422_naming_it(db: PgPool) {
    let app = users_api::app(db, &config());
    let body = json!({ "email": "ada@example.com" }).to_string();
    let (status, body) = send(&app, json_request(Method::POST, "/sessions", body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["field"], "password");
}
// ANCHOR_END: sign_in

// ANCHOR: unauthenticated
#[sqlx::test]
async fn changing_a_user_without_a_session_is_401(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = create_user(&app, "ada").await;
    assert_401(&app, rename(ada, "Eve"), NO_TOKEN).await;
    assert_401(&app, delete(ada), NO_TOKEN).await;
    assert_eq!(name_of(&app, ada).await.as_deref(), Some("ada"));
}

#[sqlx::test]
async fn another_scheme_or_no_token_is_401(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = create_user(&app, "ada").await;
    for value in ["Basic YWRhOnNlY3JldA==", "Bearer", "Bearer ", "token"] {
        let request = with_authorization(rename(ada, "Eve"), value);
        assert_401(&app, request, NO_TOKEN).await;
    }
    assert_eq!(name_of(&app, ada).await.as_deref(), Some("ada"));
}

#[sqlx::test]
async fn an_unknown_token_is_401(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = create_user(&app, "ada").await;
    let made_up = "0".repeat(64);
    assert_401(&app, bearer(delete(ada), &made_up), BAD_TOKEN).await;
    assert_eq!(name_of(&app, ada).await.as_deref(), Some("ada"));
}

#[sqlx::test]
async fn an_expired_session_is_401(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let ada = create_user(&app, "ada").await;
    let token = token_of(&app, "ada").await;
    sqlx::query("UPDATE sessions SET expires_at = now() - interval '1 second'")
        .execute(&db)
        .await
        .unwrap();
    assert_401(&app, bearer(rename(ada, "Eve"), &token), BAD_TOKEN).await;
    assert_eq!(name_of(&app, ada).await.as_deref(), Some("ada"));
}

#[sqlx::test]
async fn signing_out_ends_that_session_only(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = create_user(&app, "ada").await;
    let laptop = token_of(&app, "ada").await;
    let phone = token_of(&app, "ada").await;
    let sign_out = || request(Method::DELETE, "/sessions/current");
    let (status, _) = send(&app, bearer(sign_out(), &laptop)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_401(&app, bearer(sign_out(), &laptop), BAD_TOKEN).await;
    assert_401(&app, bearer(rename(ada, "Eve"), &laptop), BAD_TOKEN).await;
    let (status, _) = send(&app, bearer(rename(ada, "Ada L."), &phone)).await;
    assert_eq!(status, StatusCode::OK);
}

#[sqlx::test]
async fn the_scheme_may_be_written_in_any_case(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = create_user(&app, "ada").await;
    let token = token_of(&app, "ada").await;
    let request = with_authorization(rename(ada, "Ada L."), &format!("bEARER {token}"));
    assert_eq!(send(&app, request).await.0, StatusCode::OK);
}

#[sqlx::test]
async fn signing_out_without_a_session_is_401(db: PgPool) {
    let app = users_api::app(db, &config());
    let sign_out = request(Method::DELETE, "/sessions/current");
    assert_401(&app, sign_out, NO_TOKEN).await;
}
// ANCHOR_END: unauthenticated

// ANCHOR: forbidden
#[sqlx::test]
async fn a_member_may_change_only_themselves(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = create_user(&app, "ada").await;
    let grace = create_user(&app, "grace").await;
    let token = token_of(&app, "ada").await;
    assert_403(&app, bearer(rename(grace, "Eve"), &token)).await;
    assert_403(&app, bearer(delete(grace), &token)).await;
    assert_eq!(name_of(&app, grace).await.as_deref(), Some("grace"));
    let (status, body) = send(&app, bearer(rename(ada, "Ada L."), &token)).await;
    assert_eq!((status, &body["name"]), (StatusCode::OK, &json!("Ada L.")));
}

#[sqlx::test]
async fn a_member_gets_403_even_for_a_user_that_does_not_exist(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let ada = create_user(&app, "ada").await;
    let token = session_for(&db, ada).await;
    assert_403(&app, bearer(delete(404), &token)).await;
}

#[sqlx::test]
async fn no_request_makes_a_member_an_admin(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let ada = create_user(&app, "ada").await;
    let token = token_of(&app, "ada").await;
    let promote = json!({ "role": "admin" }).to_string();
    let patch = json_request(Method::PATCH, &format!("/users/{ada}"), promote);
    let (status, _) = send(&app, bearer(patch, &token)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let role: String = sqlx::query_scalar("SELECT role FROM users WHERE id = $1")
        .bind(ada)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(role, "member");
}
// ANCHOR_END: forbidden

// ANCHOR: admin
#[sqlx::test]
async fn an_admin_may_change_and_delete_anyone(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_user(&app, "root").await;
    let grace = create_user(&app, "grace").await;
    // The only way to make an admin: SQL, by someone with the database.
    sqlx::query("UPDATE users SET role = 'admin' WHERE email = 'root@example.com'")
        .execute(&db)
        .await
        .unwrap();
    let token = token_of(&app, "root").await;
    let (status, _) = send(&app, bearer(rename(grace, "Grace H."), &token)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = send(&app, bearer(delete(grace), &token)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // A user who does not exist: the admin may ask, and learns it.
    let (status, _) = send(&app, bearer(delete(grace), &token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test]
async fn deleting_yourself_ends_your_sessions(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let ada = create_user(&app, "ada").await;
    let token = token_of(&app, "ada").await;
    let (status, _) = send(&app, bearer(delete(ada), &token)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
    assert_401(&app, bearer(delete(ada), &token), BAD_TOKEN).await;
}
// ANCHOR_END: admin

// ANCHOR: cors
/// A browser asks before it sends a token from another origin: the allowed
/// front end may send `Authorization`, or its PATCH and DELETE would fail.
#[sqlx::test]
async fn a_browser_may_send_the_token_from_the_allowed_origin(db: PgPool) {
    let app = users_api::app(db, &config());
    let preflight = Request::options("/users/1")
        .header(header::ORIGIN, ALLOWED_ORIGIN)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization,content-type",
        )
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(preflight).await.unwrap();
    let allowed = response.headers()[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap();
    assert!(
        allowed.split(',').any(|h| h.trim() == "authorization"),
        "{allowed}"
    );
}
// ANCHOR_END: cors
