//! The router driven without a socket: `oneshot` hands it one request and
//! returns its response, as the server does for each request it reads off a
//! connection. `#[sqlx::test]` gives each test a database of its own, new
//! and migrated, on the server DATABASE_URL names, so each starts with no
//! users and ids from 1, and the tests can run side by side.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use axum::routing::get;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tower::ServiceExt;

// ANCHOR: send
/// Sends one request through the router; returns the status and the body.
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, String) {
    // `oneshot` consumes the router it is called on: send a clone.
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}
// ANCHOR_END: send

fn request(method: Method, uri: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap()
}

fn post_json(uri: &str, body: &Value) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn patch_json(uri: &str, body: &Value) -> Request<Body> {
    Request::patch(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

/// Creates users named `names`, with ids from 1 in that order.
async fn create_users(app: &Router, names: &[&str]) {
    for name in names {
        let user = json!({ "name": name, "email": format!("{name}@example.com") });
        let (status, body) = send(app, post_json("/users", &user)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
}

// ANCHOR: tests
#[sqlx::test]
async fn health_answers_ok(db: PgPool) {
    let app = users_api::app(db);
    let answer = send(&app, request(Method::GET, "/health")).await;
    assert_eq!(answer, (StatusCode::OK, "ok".to_string()));
}

#[sqlx::test]
async fn create_then_get(db: PgPool) {
    let app = users_api::app(db);
    let ada = json!({ "name": "Ada", "email": "ada@example.com" });
    let (status, created) = send(&app, post_json("/users", &ada)).await;
    assert_eq!(status, StatusCode::CREATED);
    let user = json(&created);
    assert_eq!((&user["id"], &user["name"]), (&json!(1), &json!("Ada")));
    assert_eq!(user["email"], "ada@example.com");

    // Both handlers serialize the same `User`: the same bytes.
    let answer = send(&app, request(Method::GET, "/users/1")).await;
    assert_eq!(answer, (StatusCode::OK, created));
}

#[sqlx::test]
async fn created_at_is_rfc3339_in_utc(db: PgPool) {
    let app = users_api::app(db);
    let before = OffsetDateTime::now_utc();
    create_users(&app, &["Ada"]).await;
    let (_, body) = send(&app, request(Method::GET, "/users/1")).await;
    let text = json(&body)["created_at"].as_str().unwrap().to_string();
    let created_at = OffsetDateTime::parse(&text, &Rfc3339).expect(&text);
    assert!(text.ends_with('Z'), "{text}");
    // PostgreSQL's clock, not this process's, stamps the row, and the server
    // may run elsewhere (a VM, a managed service) and be a little off.
    let skew = (created_at - before).abs();
    assert!(skew < time::Duration::minutes(1), "{text}: {skew} off");
}
// ANCHOR_END: tests

#[sqlx::test]
async fn list_shows_every_user_by_id(db: PgPool) {
    let app = users_api::app(db);
    create_users(&app, &["Ada", "Grace"]).await;
    let (status, body) = send(&app, request(Method::GET, "/users")).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<_> = json(&body)["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|user| (user["id"].clone(), user["name"].clone()))
        .collect();
    assert_eq!(
        names,
        [(json!(1), json!("Ada")), (json!(2), json!("Grace"))]
    );
}

#[sqlx::test]
async fn unknown_id_is_404(db: PgPool) {
    let app = users_api::app(db);
    let (status, body) = send(&app, request(Method::GET, "/users/42")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body), json!({ "error": "no user with id 42" }));
}

// ANCHOR: rejections
/// The id does not fit `Path<i64>`: axum's 400 and its explanation, in our shape.
#[sqlx::test]
async fn non_numeric_id_is_400_in_our_shape(db: PgPool) {
    let app = users_api::app(db);
    let (status, body) = send(&app, request(Method::GET, "/users/forty-two")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let expected = "Invalid URL: Cannot parse `forty-two` to a `i64`";
    assert_eq!(json(&body), json!({ "error": expected }));
}

#[sqlx::test]
async fn wrong_content_type_is_415_in_our_shape(db: PgPool) {
    let app = users_api::app(db);
    let form = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name=Ada"))
        .unwrap();
    let (status, body) = send(&app, form).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(json(&body)["error"].is_string(), "{body}");
}
// ANCHOR_END: rejections

// ANCHOR: bodies
/// A field left out or `null` is `None`: our 422, naming it.
#[sqlx::test]
async fn missing_field_is_422_naming_it(db: PgPool) {
    let app = users_api::app(db);
    for (body, missing) in [
        (json!({ "name": "Ada" }), "email"),
        (json!({ "email": "ada@example.com" }), "name"),
        (json!({ "name": "Ada", "email": null }), "email"),
    ] {
        let (status, answer) = send(&app, post_json("/users", &body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let expected = json!({ "error": format!("{missing} is required"), "field": missing });
        assert_eq!(json(&answer), expected);
    }
}

/// A value of the wrong type is serde's refusal: axum's 422, in our shape.
#[sqlx::test]
async fn wrong_type_is_axums_422(db: PgPool) {
    let app = users_api::app(db);
    let body = json!({ "name": 5, "email": "ada@example.com" });
    let (status, answer) = send(&app, post_json("/users", &body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = json(&answer)["error"].as_str().unwrap().to_string();
    let serdes_words = "name: invalid type: integer `5`, expected a string";
    assert!(message.contains(serdes_words), "{message}");
}

#[sqlx::test]
async fn broken_json_is_400(db: PgPool) {
    let app = users_api::app(db);
    let broken = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"name": "Ada", "#))
        .unwrap();
    let (status, answer) = send(&app, broken).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(json(&answer)["error"].is_string(), "{answer}");
}

/// Keys the payload does not declare are skipped: a client cannot choose
/// its id or its creation time.
#[sqlx::test]
async fn unknown_keys_are_ignored(db: PgPool) {
    let app = users_api::app(db);
    let body = json!({
        "name": "Ada",
        "email": "ada@example.com",
        "id": 99,
        "created_at": "1970-01-01T00:00:00Z"
    });
    let (status, answer) = send(&app, post_json("/users", &body)).await;
    assert_eq!(status, StatusCode::CREATED);
    let user = json(&answer);
    assert_eq!(user["id"], 1);
    assert_ne!(user["created_at"], "1970-01-01T00:00:00Z");
}
// ANCHOR_END: bodies

// ANCHOR: validation
/// A value that is there but wrong: our 422, naming the field, and no user.
#[sqlx::test]
async fn invalid_field_is_422_naming_it(db: PgPool) {
    let app = users_api::app(db);
    let long_name = "x".repeat(101);
    for (name, email, field, message) in [
        (
            " ",
            "ada@example.com",
            "name",
            "name must be 1 to 100 characters",
        ),
        (
            &long_name,
            "ada@example.com",
            "name",
            "name must be 1 to 100 characters",
        ),
        (
            "Ada",
            "ada.example.com",
            "email",
            "email must look like name@example.com",
        ),
        (
            "Ada",
            "ada@example",
            "email",
            "email must look like name@example.com",
        ),
        (
            "Ada\0",
            "ada@example.com",
            "name",
            "name must not contain the NUL character (\\u0000)",
        ),
    ] {
        let body = json!({ "name": name, "email": email });
        let answer = send(&app, post_json("/users", &body)).await;
        let expected = json!({ "error": message, "field": field });
        assert_eq!(
            (answer.0, json(&answer.1)),
            (StatusCode::UNPROCESSABLE_ENTITY, expected)
        );
    }
    let (_, list) = send(&app, request(Method::GET, "/users")).await;
    assert_eq!(json(&list)["users"], json!([]));
}

/// What the checks return is what is stored: the name without its spaces.
#[sqlx::test]
async fn names_and_emails_are_stored_trimmed(db: PgPool) {
    let app = users_api::app(db);
    let spaced = json!({ "name": "  Ada Lovelace ", "email": " ada@example.com " });
    let (status, body) = send(&app, post_json("/users", &spaced)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let user = json(&body);
    assert_eq!(
        (&user["name"], &user["email"]),
        (&json!("Ada Lovelace"), &json!("ada@example.com"))
    );
}

/// A PATCH that changes nothing is refused, naming no field; one that
/// changes a field to a bad value names it.
#[sqlx::test]
async fn patch_is_checked_like_create(db: PgPool) {
    let app = users_api::app(db);
    create_users(&app, &["Ada"]).await;
    // Empty, misspelt, or null: nothing to change, and no field to blame.
    for body in [
        json!({}),
        json!({ "nmae": "Ada L." }),
        json!({ "name": null }),
    ] {
        let (status, answer) = send(&app, patch_json("/users/1", &body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let expected = json!({ "error": "nothing to update: send name, email or both" });
        assert_eq!(json(&answer), expected);
    }
    let (status, answer) = send(&app, patch_json("/users/1", &json!({ "email": "ada" }))).await;
    assert_eq!(
        (status, json(&answer)["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("email"))
    );
}
// ANCHOR_END: validation

// ANCHOR: pages
#[sqlx::test]
async fn list_pages_through_users(db: PgPool) {
    let app = users_api::app(db);
    create_users(&app, &["Ada", "Grace", "Linus"]).await;
    let page = |uri| {
        let app = app.clone();
        async move { json(&send(&app, request(Method::GET, uri)).await.1) }
    };
    let first = page("/users?limit=2").await;
    assert_eq!(first["users"].as_array().unwrap().len(), 2);
    assert_eq!(first["next_offset"], 2);
    let last = page("/users?limit=2&offset=2").await;
    assert_eq!(last["users"][0]["name"], "Linus");
    assert_eq!(last["next_offset"], Value::Null);
}

/// Not a number is serde's refusal; out of range is the handler's.
#[sqlx::test]
async fn bad_pagination_is_400(db: PgPool) {
    let app = users_api::app(db);
    for uri in [
        "/users?limit=ten",
        "/users?limit=0",
        "/users?limit=1000",
        "/users?offset=-1",
    ] {
        let (status, body) = send(&app, request(Method::GET, uri)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(json(&body)["error"].is_string(), "{uri}: {body}");
    }
}
// ANCHOR_END: pages

// ANCHOR: update
#[sqlx::test]
async fn patch_changes_only_the_fields_sent(db: PgPool) {
    let app = users_api::app(db);
    create_users(&app, &["Ada"]).await;
    let rename = json!({ "name": "Ada Lovelace" });
    let (_, before) = send(&app, request(Method::GET, "/users/1")).await;
    let (status, body) = send(&app, patch_json("/users/1", &rename)).await;
    assert_eq!(status, StatusCode::OK);
    let mut expected = json(&before);
    expected["name"] = json!("Ada Lovelace");
    assert_eq!(json(&body), expected);

    let (status, _) = send(&app, patch_json("/users/2", &rename)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
// ANCHOR_END: update

#[sqlx::test]
async fn delete_removes_once_and_the_id_is_not_reused(db: PgPool) {
    let app = users_api::app(db);
    let ada = json!({ "name": "Ada", "email": "ada@example.com" });
    send(&app, post_json("/users", &ada)).await;
    let delete = || request(Method::DELETE, "/users/1");
    assert_eq!(send(&app, delete()).await.0, StatusCode::NO_CONTENT);
    assert_eq!(send(&app, delete()).await.0, StatusCode::NOT_FOUND);

    let (_, body) = send(&app, post_json("/users", &ada)).await;
    assert_eq!(json(&body)["id"], 2);
}

// ANCHOR: router_answers
/// A path that matches with a method it does not have: 405, and the methods
/// it does have in `allow`, without any handler of ours running.
#[sqlx::test]
async fn wrong_method_is_405_listing_the_allowed_ones(db: PgPool) {
    let app = users_api::app(db);
    let response = app.oneshot(request(Method::PUT, "/users/1")).await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()[header::ALLOW], "GET,HEAD,PATCH,DELETE");
}

#[sqlx::test]
async fn unknown_path_is_404(db: PgPool) {
    let app = users_api::app(db);
    let answer = send(&app, request(Method::GET, "/nope")).await;
    assert_eq!(answer, (StatusCode::NOT_FOUND, String::new()));
}

/// A `get` route answers HEAD too, with the body left off.
#[sqlx::test]
async fn head_is_get_without_the_body(db: PgPool) {
    let app = users_api::app(db);
    let answer = send(&app, request(Method::HEAD, "/health")).await;
    assert_eq!(answer, (StatusCode::OK, String::new()));
}
// ANCHOR_END: router_answers

// ANCHOR: database
/// Emails are unique whatever their case: the index on lower(email) refuses
/// the second row, and the handler turns that into a 409.
#[sqlx::test]
async fn taken_email_is_409_in_any_case(db: PgPool) {
    let app = users_api::app(db);
    create_users(&app, &["Ada"]).await;
    let again = json!({ "name": "Ada", "email": "ADA@example.com" });
    let (status, body) = send(&app, post_json("/users", &again)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let expected = json!({ "error": "a user with this email already exists", "field": "email" });
    assert_eq!(json(&body), expected);
}

#[sqlx::test]
async fn patch_to_a_taken_email_is_409(db: PgPool) {
    let app = users_api::app(db);
    create_users(&app, &["Ada", "Grace"]).await;
    let taken = json!({ "email": "ada@example.com" });
    let (status, _) = send(&app, patch_json("/users/2", &taken)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, grace) = send(&app, request(Method::GET, "/users/2")).await;
    assert_eq!(json(&grace)["email"], "Grace@example.com");
}

/// What the API wrote is a row that SQL reads back.
#[sqlx::test]
async fn a_created_user_is_a_row(db: PgPool) {
    let app = users_api::app(db.clone());
    create_users(&app, &["Ada"]).await;
    let row: (i64, String, String) = sqlx::query_as("SELECT id, name, email FROM users")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(row, (1, "Ada".into(), "Ada@example.com".into()));
}

/// Values travel apart from the SQL text, as bind parameters: a name that
/// looks like SQL is stored and read back as it is.
#[sqlx::test]
async fn input_that_looks_like_sql_is_just_data(db: PgPool) {
    let app = users_api::app(db);
    let name = "Robert'); DROP TABLE users;--";
    let bobby = json!({ "name": name, "email": "bobby@example.com" });
    let (status, _) = send(&app, post_json("/users", &bobby)).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, body) = send(&app, request(Method::GET, "/users/1")).await;
    assert_eq!(json(&body)["name"], name);
}

// ANCHOR_END: database

/// Collects what a log subscriber writes, so a test can read it.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ANCHOR: outage
/// With no connection to be had, reading, listing and creating each fail
/// with a 500 that says nothing of the database's insides, which go to the
/// log instead.
#[sqlx::test]
async fn database_gone_is_500_without_details(db: PgPool) {
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // This thread only: #[sqlx::test] runs the test, handlers included, on it.
    let _guard = tracing::subscriber::set_default(subscriber);
    let app = users_api::app(db.clone());
    db.close().await;
    let ada = json!({ "name": "Ada", "email": "ada@example.com" });
    for attempt in [
        request(Method::GET, "/users/1"),
        request(Method::GET, "/users"),
        post_json("/users", &ada),
    ] {
        let answer = send(&app, attempt).await;
        let expected = r#"{"error":"internal error"}"#.to_string();
        assert_eq!(answer, (StatusCode::INTERNAL_SERVER_ERROR, expected));
    }
    let log = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let details = log
        .lines()
        .filter(|line| line.contains("ERROR") && line.contains("closed pool"))
        .count();
    assert_eq!(
        details, 3,
        "one ERROR line with SQLx's words per request:\n{log}"
    );
}
// ANCHOR_END: outage

// ANCHOR: layers_tests
#[sqlx::test]
async fn every_response_carries_a_request_id(db: PgPool) {
    let app = users_api::app(db);
    let response = app
        .clone()
        .oneshot(request(Method::GET, "/health"))
        .await
        .unwrap();
    let id = response.headers()[users_api::REQUEST_ID].to_str().unwrap();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    // An id the caller sends (a gateway, another service) is kept.
    let forwarded = Request::get("/health")
        .header(users_api::REQUEST_ID, "from-the-gateway")
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(forwarded).await.unwrap();
    assert_eq!(
        response.headers()[users_api::REQUEST_ID],
        "from-the-gateway"
    );
}

#[sqlx::test]
async fn cors_answers_only_the_allowed_origins(db: PgPool) {
    let app = users_api::app(db);
    let preflight = |origin: &str| {
        Request::options("/users")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = users_api::ALLOWED_ORIGINS[0];
    let response = app.clone().oneshot(preflight(allowed)).await.unwrap();
    assert_eq!(
        response.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        allowed
    );
    let response = app
        .oneshot(preflight("https://evil.example"))
        .await
        .unwrap();
    let headers = response.headers();
    assert!(
        !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "{headers:?}"
    );
}

#[sqlx::test]
async fn browser_code_may_read_the_request_id(db: PgPool) {
    let app = users_api::app(db);
    let allowed = users_api::ALLOWED_ORIGINS[0];
    let request = Request::get("/health")
        .header(header::ORIGIN, allowed)
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    let headers = response.headers();
    assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], allowed);
    assert_eq!(
        headers[header::ACCESS_CONTROL_EXPOSE_HEADERS],
        users_api::REQUEST_ID
    );
}

#[sqlx::test]
async fn a_body_over_the_limit_is_413(db: PgPool) {
    let app = users_api::app(db);
    let name = "x".repeat(users_api::MAX_BODY_BYTES);
    let user = json!({ "name": name, "email": "big@example.com" });
    let (status, body) = send(&app, post_json("/users", &user)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        json(&body)["error"]
            .as_str()
            .unwrap()
            .contains("length limit"),
        "{body}"
    );
}

#[tokio::test]
async fn a_request_past_the_timeout_is_503() {
    async fn slow() -> &'static str {
        tokio::time::sleep(Duration::from_secs(5)).await;
        "too late"
    }
    // A route of the test's own, in the service's layers with a short timeout.
    let router = Router::new().route("/slow", get(slow));
    let app = users_api::layers(router, Duration::from_millis(100));
    let started = Instant::now();
    let (status, body) = send(&app, request(Method::GET, "/slow")).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "")
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the handler was not cut off"
    );
}
// ANCHOR_END: layers_tests
