//! The OpenAPI document: served, valid JSON, and complete. A route added to
//! the router without a `#[utoipa::path]` description fails here, and so does
//! a link from POST /users to an operation that no longer exists.

use std::collections::BTreeSet;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use tower::ServiceExt;
use users_api::config::{AllowedOrigins, Config};

fn config() -> Config {
    Config {
        database_url: String::new(),
        port: 0,
        allowed_origins: AllowedOrigins::Any,
        request_timeout: Duration::from_secs(5),
        max_connections: 10,
    }
}

/// The router with a pool that never connects: serving the document and
/// refusing a method need no database.
fn app() -> Router {
    let pool = PgPoolOptions::new()
        .connect_lazy("postgres://unused@127.0.0.1:1/none")
        .unwrap();
    users_api::app(pool, &config())
}

async fn served_document() -> Value {
    let response = app()
        .oneshot(Request::get("/openapi.json").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes).expect("the document is JSON")
}

/// (METHOD, path) of every operation the document describes.
fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().unwrap().keys() {
            operations.insert((method.to_uppercase(), path.clone()));
        }
    }
    operations
}

/// (METHOD, path) of every route in `routes()`, read from its source: axum
/// cannot list a router's routes, so the test reads what the code says.
fn routed() -> BTreeSet<(String, String)> {
    let source = include_str!("../src/lib.rs");
    let body = source
        .split_once("fn routes()")
        .and_then(|(_, rest)| rest.split_once("\n}\n"))
        .expect("src/lib.rs has fn routes()")
        .0;
    let mut routes = BTreeSet::new();
    for call in body.split(".route(").skip(1) {
        let (path, handlers) = call
            .trim_start()
            .strip_prefix('"')
            .and_then(|rest| rest.split_once('"'))
            .expect("a route's path is a string literal");
        for method in ["get", "post", "put", "patch", "delete"] {
            let call = format!("{method}(");
            // `get(` but not `users::get(` or `target(`.
            let mut calls = handlers.match_indices(&call).filter(|(at, _)| {
                !handlers[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
            });
            if calls.next().is_some() {
                routes.insert((method.to_uppercase(), path.to_string()));
            }
        }
    }
    routes
}

// ANCHOR: served
#[tokio::test]
async fn the_document_is_served_and_matches_the_code() {
    let doc = served_document().await;
    assert_eq!(doc["openapi"], "3.1.0");
    let generated =
        serde_json::to_value(<users_api::openapi::ApiDoc as utoipa::OpenApi>::openapi()).unwrap();
    assert_eq!(doc, generated);
}

#[tokio::test]
async fn every_route_is_documented_and_nothing_else() {
    let routes = routed();
    assert!(routes.len() >= 6, "found only {routes:?} in routes()");
    assert_eq!(documented(&served_document().await), routes);
}
// ANCHOR_END: served

#[tokio::test]
async fn methods_the_document_omits_are_405() {
    let doc = served_document().await;
    let operations = documented(&doc);
    for path in doc["paths"].as_object().unwrap().keys() {
        let uri = path.replace("{id}", "1");
        for method in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ] {
            if operations.contains(&(method.to_string(), path.clone())) {
                continue;
            }
            let request = Request::builder()
                .method(method.clone())
                .uri(&uri)
                .body(Body::empty())
                .unwrap();
            let status = app().oneshot(request).await.unwrap().status();
            assert_eq!(
                status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} is answered but not documented"
            );
        }
    }
}

#[tokio::test]
async fn created_users_link_to_the_operations_on_their_id() {
    let doc = served_document().await;
    let links = doc["paths"]["/users"]["post"]["responses"]["201"]["links"]
        .as_object()
        .expect("POST /users's 201 has links");
    let ids: BTreeSet<&str> = doc["paths"]["/users/{id}"]
        .as_object()
        .unwrap()
        .values()
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let targets: BTreeSet<&str> = links
        .values()
        .map(|link| {
            assert_eq!(link["parameters"]["id"], "$response.body#/id");
            link["operationId"].as_str().unwrap()
        })
        .collect();
    assert_eq!(targets, ids, "one link to each operation on /users/{{id}}");
}

/// Sends a JSON body; validation answers before any query, so the lazy pool is never used.
async fn send_json(method: Method, uri: &str, body: Value) -> StatusCode {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    app().oneshot(request).await.unwrap().status()
}

// What schemathesis found: each request below was valid by the document and
// refused by the service (or the reverse). The fix was in the document each
// time; these tests keep the two in agreement.

// ANCHOR: finding_empty_name
/// Found: POST /users `{"name": "", "email": null}` got 422, while the
/// document allowed any string or null for both fields.
#[tokio::test]
async fn the_document_says_what_a_new_user_needs() {
    let doc = served_document().await;
    let create = &doc["components"]["schemas"]["CreateUser"];
    assert_eq!(create["required"], json!(["name", "email"]));
    assert_eq!(create["properties"]["name"]["type"], "string");
    assert_eq!(create["properties"]["name"]["minLength"], 1);
    assert_eq!(create["properties"]["name"]["maxLength"], 100);
    assert_eq!(create["properties"]["email"]["format"], "email");
    let body = json!({ "name": "", "email": null });
    assert_eq!(
        send_json(Method::POST, "/users", body).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
// ANCHOR_END: finding_empty_name

// ANCHOR: finding_nul
/// Found: a name holding the NUL character got 422 (PostgreSQL cannot store
/// it), while the document's name allowed any character.
#[tokio::test]
async fn the_document_keeps_nul_out_of_names() {
    let doc = served_document().await;
    for schema in ["CreateUser", "UpdateUser"] {
        let name = &doc["components"]["schemas"][schema];
        let name = if name["allOf"].is_array() {
            &name["allOf"][0]
        } else {
            name
        };
        let pattern = name["properties"]["name"]["pattern"].as_str().unwrap();
        assert!(
            pattern.contains(r"[^\x00]*\S[^\x00]*"),
            "{schema}: {pattern}"
        );
    }
    let body = json!({ "name": "Ada\u{0}", "email": "ada@example.com" });
    assert_eq!(
        send_json(Method::POST, "/users", body).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
// ANCHOR_END: finding_nul

// ANCHOR: finding_empty_patch
/// Found: PATCH `{}` got 422, valid by a document whose fields were all
/// optional; then, with both fields made non-null, `{"name": "0", "email":
/// null}` was answered 200 though the document forbade it. The document now
/// says what the handler does: null leaves a field alone, and one field
/// must be a string.
#[tokio::test]
async fn the_document_asks_patch_for_one_field() {
    let doc = served_document().await;
    let update = &doc["components"]["schemas"]["UpdateUser"];
    assert_eq!(
        update["allOf"][0]["properties"]["email"]["type"],
        json!(["string", "null"])
    );
    let needs = &update["allOf"][1]["anyOf"];
    assert_eq!(needs[0]["required"], json!(["name"]));
    assert_eq!(needs[1]["required"], json!(["email"]));
    for body in [json!({}), json!({ "name": null, "email": null })] {
        assert_eq!(
            send_json(Method::PATCH, "/users/1", body).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
}
// ANCHOR_END: finding_empty_patch

// ANCHOR: finding_offset
/// Found against the service before its hardening:
/// `GET /users?limit=1&offset=9223372036854775807` got no answer at all. The
/// handler computed `offset + limit` for every page; in a debug build the sum
/// overflowed and the panic closed the connection (a release build wraps).
#[sqlx::test]
async fn the_largest_offset_is_an_empty_page(pool: PgPool) {
    let app = users_api::app(pool, &config());
    let uri = format!("/users?limit=1&offset={}", i64::MAX);
    let response = app
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let page: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(page["users"], json!([]));
    assert_eq!(page["next_offset"], Value::Null);
}
// ANCHOR_END: finding_offset
