//! The router driven without a socket: `oneshot` hands it one request and
//! returns its response, as the server does for each request it reads off a
//! connection. Every test builds its own app, so each starts with no users.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
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

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
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
    let (status, body) = send(&app, post_json("/users", &ada)).await;
    assert_eq!(status, StatusCode::CREATED);
    let expected = json!({ "id": 1, "name": "Ada", "email": "ada@example.com" });
    assert_eq!(json(&body), expected);

    let (status, body) = send(&app, request(Method::GET, "/users/1")).await;
    assert_eq!((status, json(&body)), (StatusCode::OK, expected));
}
// ANCHOR_END: tests

#[tokio::test]
async fn list_shows_every_user_by_id() {
    let app = users_api::app();
    for name in ["Ada", "Grace"] {
        let user = json!({ "name": name, "email": format!("{name}@example.com") });
        send(&app, post_json("/users", &user)).await;
    }
    let (status, body) = send(&app, request(Method::GET, "/users")).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<_> = json(&body)
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
    let answer = send(&app, request(Method::GET, "/users/42")).await;
    assert_eq!(answer, (StatusCode::NOT_FOUND, String::new()));
}

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
    assert_eq!(response.headers()[header::ALLOW], "GET,HEAD,DELETE");
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
