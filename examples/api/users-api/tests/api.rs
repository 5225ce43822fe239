//! The API through its router, without a socket, against a real PostgreSQL:
//! `#[sqlx::test]` creates a fresh database for each test and applies the
//! migrations. One test per bad input the API must answer without a 500.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;
use users_api::config::{AllowedOrigins, Config};

fn config() -> Config {
    Config {
        database_url: String::new(),
        port: 0,
        allowed_origins: AllowedOrigins::List(vec![HeaderValue::from_static(
            "https://app.example",
        )]),
        request_timeout: Duration::from_secs(5),
        max_connections: 10,
    }
}

// ANCHOR: send
/// Sends one request; returns the status and the body parsed as JSON (Null when empty).
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
// ANCHOR_END: send

fn json_request(method: &str, uri: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

async fn create(app: &Router, name: &str, email: &str) -> Value {
    let (status, body) = send(
        app,
        json_request(
            "POST",
            "/users",
            &json!({ "name": name, "email": email }).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

#[sqlx::test]
async fn health_checks_the_database(pool: PgPool) {
    let app = users_api::app(pool.clone(), &config());
    assert_eq!(
        send(&app, get("/health")).await,
        (StatusCode::OK, json!({ "status": "ok" }))
    );
    pool.close().await;
    assert_eq!(
        send(&app, get("/health")).await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({ "error": "database unavailable" })
        )
    );
}

// ANCHOR: create_then_get
#[sqlx::test]
async fn create_then_get(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let created = create(&app, "  Ada Lovelace ", "ada@example.com").await;
    assert_eq!(created["name"], "Ada Lovelace");
    assert_eq!(created["email"], "ada@example.com");
    let id = created["id"].as_i64().unwrap();
    let (status, fetched) = send(&app, get(&format!("/users/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fetched, created);
}
// ANCHOR_END: create_then_get

#[sqlx::test]
async fn malformed_json_is_400(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let (status, body) = send(&app, json_request("POST", "/users", "{\"name\": ")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("JSON"), "{body}");
}

#[sqlx::test]
async fn wrong_content_type_is_415(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let request = Request::post("/users")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("name=Ada"))
        .unwrap();
    let (status, body) = send(&app, request).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        body["error"].as_str().unwrap().contains("application/json"),
        "{body}"
    );
}

// ANCHOR: empty_name
#[sqlx::test]
async fn empty_name_is_422_naming_the_field(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let (status, body) = send(
        &app,
        json_request(
            "POST",
            "/users",
            r#"{"name": "   ", "email": "a@example.com"}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        json!({ "error": "name must be 1 to 100 characters", "field": "name" })
    );
}
// ANCHOR_END: empty_name

#[sqlx::test]
async fn missing_email_is_422_naming_the_field(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let (status, body) = send(&app, json_request("POST", "/users", r#"{"name": "Ada"}"#)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        json!({ "error": "email is required", "field": "email" })
    );
}

#[sqlx::test]
async fn email_without_at_is_422(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let (status, body) = send(
        &app,
        json_request(
            "POST",
            "/users",
            r#"{"name": "Ada", "email": "ada.example.com"}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["field"], "email");
}

#[sqlx::test]
async fn duplicate_email_is_409_whatever_its_case(pool: PgPool) {
    let app = users_api::app(pool, &config());
    create(&app, "Ada", "ada@example.com").await;
    let (status, body) = send(
        &app,
        json_request(
            "POST",
            "/users",
            r#"{"name": "Other", "email": "ADA@example.com"}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        body,
        json!({ "error": "a user with this email already exists", "field": "email" })
    );
}

#[sqlx::test]
async fn unknown_id_is_404(pool: PgPool) {
    let app = users_api::app(pool, &config());
    assert_eq!(
        send(&app, get("/users/424242")).await,
        (
            StatusCode::NOT_FOUND,
            json!({ "error": "no user with id 424242" })
        )
    );
}

#[sqlx::test]
async fn non_numeric_id_is_400(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let (status, body) = send(&app, get("/users/abc")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["error"].as_str().unwrap().contains("Cannot parse"),
        "{body}"
    );
}

#[sqlx::test]
async fn oversized_body_is_413(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let name = "x".repeat(users_api::MAX_BODY_BYTES);
    let (status, _) = send(
        &app,
        json_request(
            "POST",
            "/users",
            &json!({ "name": name, "email": "a@example.com" }).to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[sqlx::test]
async fn bad_pagination_is_400(pool: PgPool) {
    let app = users_api::app(pool, &config());
    for (uri, message) in [
        ("/users?limit=0", "limit must be between 1 and 100"),
        ("/users?limit=101", "limit must be between 1 and 100"),
        ("/users?offset=-1", "offset must be 0 or more"),
    ] {
        assert_eq!(
            send(&app, get(uri)).await,
            (StatusCode::BAD_REQUEST, json!({ "error": message })),
            "{uri}"
        );
    }
    let (status, body) = send(&app, get("/users?limit=ten")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("limit"), "{body}");
}

#[sqlx::test]
async fn list_pages_through_users(pool: PgPool) {
    let app = users_api::app(pool, &config());
    for n in 1..=5 {
        create(&app, &format!("User {n}"), &format!("user{n}@example.com")).await;
    }
    let (status, page) = send(&app, get("/users?limit=2&offset=2")).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = page["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["User 3", "User 4"]);
    assert_eq!(page["next_offset"], 4);
    let (_, last) = send(&app, get("/users?limit=2&offset=4")).await;
    assert_eq!(last["next_offset"], Value::Null);
}

#[sqlx::test]
async fn patch_updates_and_checks(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let id = create(&app, "Ada", "ada@example.com").await["id"]
        .as_i64()
        .unwrap();
    create(&app, "Grace", "grace@example.com").await;
    let uri = format!("/users/{id}");
    let (status, body) = send(&app, json_request("PATCH", &uri, r#"{"name": "Ada L."}"#)).await;
    assert_eq!((status, &body["name"]), (StatusCode::OK, &json!("Ada L.")));
    assert_eq!(body["email"], "ada@example.com");
    let (status, _) = send(
        &app,
        json_request("PATCH", &uri, r#"{"email": "grace@example.com"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = send(
        &app,
        json_request("PATCH", "/users/999", r#"{"name": "X"}"#),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test]
async fn patch_without_a_known_field_is_422_naming_none(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let id = create(&app, "Ada", "ada@example.com").await["id"]
        .as_i64()
        .unwrap();
    // Empty, misspelt, or null: nothing to change, and no field to blame.
    for body in ["{}", r#"{"nmae": "Ada L."}"#, r#"{"name": null}"#] {
        assert_eq!(
            send(&app, json_request("PATCH", &format!("/users/{id}"), body)).await,
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "error": "nothing to update: send name, email or both" })
            ),
            "{body}"
        );
    }
}

#[sqlx::test]
async fn nul_character_is_422_not_a_database_error(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let (status, body) = send(
        &app,
        json_request(
            "POST",
            "/users",
            r#"{"name": "Ada\u0000", "email": "ada@example.com"}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        json!({ "error": "name must not contain the NUL character (\\u0000)", "field": "name" })
    );
    let id = create(&app, "Ada", "ada@example.com").await["id"]
        .as_i64()
        .unwrap();
    let (status, body) = send(
        &app,
        json_request(
            "PATCH",
            &format!("/users/{id}"),
            r#"{"email": "ada\u0000@example.com"}"#,
        ),
    )
    .await;
    assert_eq!(
        (status, &body["field"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &json!("email"))
    );
}

#[sqlx::test]
async fn delete_removes_once(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let id = create(&app, "Ada", "ada@example.com").await["id"]
        .as_i64()
        .unwrap();
    let delete = || {
        Request::delete(format!("/users/{id}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        send(&app, delete()).await,
        (StatusCode::NO_CONTENT, Value::Null)
    );
    assert_eq!(send(&app, delete()).await.0, StatusCode::NOT_FOUND);
}

#[sqlx::test]
async fn input_that_looks_like_sql_is_just_data(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let name = "Robert'); DROP TABLE users;--";
    let created = create(&app, name, "bobby@example.com").await;
    assert_eq!(created["name"], name);
    let (status, list) = send(&app, get("/users")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["users"][0]["name"], name);
}

// ANCHOR: outage
#[sqlx::test]
async fn database_outage_is_500_without_details(pool: PgPool) {
    let app = users_api::app(pool.clone(), &config());
    pool.close().await;
    for request in [
        get("/users/1"),
        get("/users"),
        json_request(
            "POST",
            "/users",
            r#"{"name": "Ada", "email": "a@example.com"}"#,
        ),
    ] {
        assert_eq!(
            send(&app, request).await,
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                json!({ "error": "internal error" })
            )
        );
    }
}
// ANCHOR_END: outage

#[sqlx::test]
async fn responses_carry_a_request_id(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let response = app.oneshot(get("/health")).await.unwrap();
    let id = response
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(id.len(), 36, "a UUID: {id}");
}

#[sqlx::test]
async fn cors_allows_only_configured_origins(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let preflight = |origin: &'static str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/users")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = app
        .clone()
        .oneshot(preflight("https://app.example"))
        .await
        .unwrap();
    assert_eq!(
        allowed
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .unwrap(),
        "https://app.example"
    );
    let refused = app
        .oneshot(preflight("https://evil.example"))
        .await
        .unwrap();
    assert!(
        refused
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );
}

#[sqlx::test]
async fn cors_lets_browser_code_read_the_request_id(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let request = Request::get("/health")
        .header(header::ORIGIN, "https://app.example")
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    let headers = response.headers();
    assert_eq!(
        headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://app.example"
    );
    assert_eq!(
        headers[header::ACCESS_CONTROL_EXPOSE_HEADERS],
        users_api::REQUEST_ID
    );
    assert!(headers.contains_key(users_api::REQUEST_ID));
}

#[sqlx::test]
async fn a_request_past_the_timeout_is_503(pool: PgPool) {
    // Another transaction holds a lock on the table, so the request waits
    // for the database until the timeout layer cuts it off.
    let mut blocker = pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *blocker)
        .await
        .unwrap();
    let app = users_api::app(
        pool,
        &Config {
            request_timeout: Duration::from_millis(200),
            max_connections: 10,
            ..config()
        },
    );
    let (status, _) = send(&app, get("/users")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    blocker.rollback().await.unwrap();
}
