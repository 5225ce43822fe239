//! The router driven without a socket: `oneshot` hands it one request and
//! returns its response, as the server does for each request it reads off a
//! connection. Every test builds its own app, so each starts with no users.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
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
#[tokio::test]
async fn health_answers_ok() {
    let app = users_api::app();
    let answer = send(&app, request(Method::GET, "/health")).await;
    assert_eq!(answer, (StatusCode::OK, "ok".to_string()));
}

#[tokio::test]
async fn create_then_get() {
    let app = users_api::app();
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

#[tokio::test]
async fn created_at_is_rfc3339_in_utc() {
    let app = users_api::app();
    let before = OffsetDateTime::now_utc();
    create_users(&app, &["Ada"]).await;
    let (_, body) = send(&app, request(Method::GET, "/users/1")).await;
    let text = json(&body)["created_at"].as_str().unwrap().to_string();
    let created_at = OffsetDateTime::parse(&text, &Rfc3339).expect(&text);
    assert!(text.ends_with('Z'), "{text}");
    assert!(before <= created_at && created_at <= OffsetDateTime::now_utc());
}
// ANCHOR_END: tests

#[tokio::test]
async fn list_shows_every_user_by_id() {
    let app = users_api::app();
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

#[tokio::test]
async fn unknown_id_is_404() {
    let app = users_api::app();
    let (status, body) = send(&app, request(Method::GET, "/users/42")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body), json!({ "error": "no user with id 42" }));
}

// ANCHOR: rejections
/// The id does not fit `Path<i64>`: axum's 400 and its explanation, in our shape.
#[tokio::test]
async fn non_numeric_id_is_400_in_our_shape() {
    let app = users_api::app();
    let (status, body) = send(&app, request(Method::GET, "/users/forty-two")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let expected = "Invalid URL: Cannot parse `forty-two` to a `i64`";
    assert_eq!(json(&body), json!({ "error": expected }));
}

#[tokio::test]
async fn wrong_content_type_is_415_in_our_shape() {
    let app = users_api::app();
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
#[tokio::test]
async fn missing_field_is_422_naming_it() {
    let app = users_api::app();
    for (body, missing) in [
        (json!({ "name": "Ada" }), "email"),
        (json!({ "email": "ada@example.com" }), "name"),
        (json!({ "name": "Ada", "email": null }), "email"),
    ] {
        let (status, answer) = send(&app, post_json("/users", &body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let expected = json!({ "error": format!("{missing} is required") });
        assert_eq!(json(&answer), expected);
    }
}

/// A value of the wrong type is serde's refusal: axum's 422, in our shape.
#[tokio::test]
async fn wrong_type_is_axums_422() {
    let app = users_api::app();
    let body = json!({ "name": 5, "email": "ada@example.com" });
    let (status, answer) = send(&app, post_json("/users", &body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = json(&answer)["error"].as_str().unwrap().to_string();
    let serdes_words = "name: invalid type: integer `5`, expected a string";
    assert!(message.contains(serdes_words), "{message}");
}

#[tokio::test]
async fn broken_json_is_400() {
    let app = users_api::app();
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
#[tokio::test]
async fn unknown_keys_are_ignored() {
    let app = users_api::app();
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

// ANCHOR: pages
#[tokio::test]
async fn list_pages_through_users() {
    let app = users_api::app();
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
#[tokio::test]
async fn bad_pagination_is_400() {
    let app = users_api::app();
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
#[tokio::test]
async fn patch_changes_only_the_fields_sent() {
    let app = users_api::app();
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

#[tokio::test]
async fn delete_removes_once_and_the_id_is_not_reused() {
    let app = users_api::app();
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
#[tokio::test]
async fn wrong_method_is_405_listing_the_allowed_ones() {
    let app = users_api::app();
    let response = app.oneshot(request(Method::PUT, "/users/1")).await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()[header::ALLOW], "GET,HEAD,PATCH,DELETE");
}

#[tokio::test]
async fn unknown_path_is_404() {
    let app = users_api::app();
    let answer = send(&app, request(Method::GET, "/nope")).await;
    assert_eq!(answer, (StatusCode::NOT_FOUND, String::new()));
}

/// A `get` route answers HEAD too, with the body left off.
#[tokio::test]
async fn head_is_get_without_the_body() {
    let app = users_api::app();
    let answer = send(&app, request(Method::HEAD, "/health")).await;
    assert_eq!(answer, (StatusCode::OK, String::new()));
}
// ANCHOR_END: router_answers
