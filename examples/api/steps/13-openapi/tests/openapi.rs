//! The OpenAPI document: served as generated, and true to the router. Each
//! operation it describes is answered by a handler with a status it
//! documents; each method it leaves out of a path is 405; each operation
//! that needs a session says so, and is 401 with the Bearer challenge
//! without one. Then the rules the fuzzer found the document lacking.

mod common;

use std::collections::BTreeSet;

use axum::Router;
use axum::http::{Method, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;

use common::{config, json_request, request, send};

/// The document as GET /openapi.json serves it.
async fn served(app: &Router) -> Value {
    let response = app
        .clone()
        .oneshot(request(Method::GET, "/openapi.json"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes).expect("the document is JSON")
}

/// (method, path, operation) for every operation the document describes.
fn operations(doc: &Value) -> Vec<(Method, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().unwrap() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            all.push((method, path.clone(), operation.clone()));
        }
    }
    all
}

// ANCHOR: served
#[sqlx::test]
async fn the_document_is_served_as_generated(db: PgPool) {
    let doc = served(&users_api::app(db, &config())).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let (_, generated) = users_api::routes();
    assert_eq!(doc, serde_json::to_value(generated).unwrap());
}

/// Each operation reaches its handler, whose answer the operation
/// documents: an empty request to any of them is refused or served in our
/// JSON, never the router's empty 404 or 405.
#[sqlx::test]
async fn every_operation_is_answered_as_documented(db: PgPool) {
    let app = users_api::app(db, &config());
    let doc = served(&app).await;
    let operations = operations(&doc);
    // health, openapi, POST and DELETE of sessions, five on users.
    assert_eq!(operations.len(), 9);
    for (method, path, operation) in operations {
        let uri = path.replace("{id}", "1");
        let (status, body) = send(&app, request(method.clone(), &uri)).await;
        let documented = &operation["responses"][status.as_str()];
        assert!(
            documented.is_object(),
            "{method} {uri}: {status}, undocumented"
        );
        assert!(
            body.is_object(),
            "{method} {uri}: {status} without a JSON body"
        );
    }
}

#[sqlx::test]
async fn methods_the_document_omits_are_405(db: PgPool) {
    let app = users_api::app(db, &config());
    let doc = served(&app).await;
    let documented: BTreeSet<(Method, String)> = operations(&doc)
        .into_iter()
        .map(|(method, path, _)| (method, path))
        .collect();
    for path in doc["paths"].as_object().unwrap().keys() {
        let uri = path.replace("{id}", "1");
        for method in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ] {
            if !documented.contains(&(method.clone(), path.clone())) {
                let (status, _) = send(&app, request(method.clone(), &uri)).await;
                assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            }
        }
    }
}
// ANCHOR_END: served

// ANCHOR: security
/// The operations behind `CurrentUser` name the bearer scheme and document
/// its 401 with the challenge; without a token they answer exactly that.
/// The others need no session. (Schemathesis's ignored_auth check sends the
/// same requests.)
#[sqlx::test]
async fn operations_that_need_a_session_say_so(db: PgPool) {
    let app = users_api::app(db, &config());
    let doc = served(&app).await;
    let scheme = &doc["components"]["securitySchemes"]["session_token"];
    assert_eq!(
        (&scheme["type"], &scheme["scheme"]),
        (&json!("http"), &json!("bearer"))
    );
    let mut secured = BTreeSet::new();
    for (method, path, operation) in operations(&doc) {
        let needs_session = operation["security"] == json!([{ "session_token": [] }]);
        let uri = path.replace("{id}", "1");
        let response = app
            .clone()
            .oneshot(request(method.clone(), &uri))
            .await
            .unwrap();
        let challenge = response.headers().get(header::WWW_AUTHENTICATE).cloned();
        if needs_session {
            secured.insert(format!("{method} {path}"));
            let unauthorized = &operation["responses"]["401"];
            assert!(
                unauthorized["headers"]["www-authenticate"].is_object(),
                "{method} {path}"
            );
            assert_eq!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{method} {path}"
            );
            assert_eq!(challenge.unwrap(), "Bearer");
        } else {
            assert_eq!(operation.get("security"), None, "{method} {path}");
            assert_ne!(
                response.status(),
                StatusCode::UNAUTHORIZED,
                "{method} {path}"
            );
        }
    }
    let expected = [
        "DELETE /sessions/current",
        "DELETE /users/{id}",
        "PATCH /users/{id}",
    ];
    assert_eq!(secured, expected.map(String::from).into());
}
// ANCHOR_END: security

#[sqlx::test]
async fn created_users_link_to_the_operations_on_their_id(db: PgPool) {
    let doc = served(&users_api::app(db, &config())).await;
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

// What schemathesis found: each request below was valid by the
// document and refused by the service (or the reverse). The fix was in the
// document each time; these tests keep the two in agreement.

// ANCHOR: findings
/// Found: POST /users `{"name": "", "email": null}` got 422, while the
/// document derived from `Option<String>` allowed any string or null.
#[sqlx::test]
async fn the_document_says_what_a_new_user_needs(db: PgPool) {
    let app = users_api::app(db, &config());
    let doc = served(&app).await;
    let create = &doc["components"]["schemas"]["CreateUser"];
    assert_eq!(create["required"], json!(["name", "email", "password"]));
    assert_eq!(create["properties"]["name"]["minLength"], 1);
    assert_eq!(create["properties"]["email"]["format"], "email");
    assert_eq!(create["properties"]["password"]["minLength"], 8);
    let body = json!({ "name": "", "email": null, "password": "long enough" });
    let (status, _) = send(&app, json_request(Method::POST, "/users", body.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Found: a name holding the NUL character got 422 (PostgreSQL's text
/// cannot store it), while the document's name allowed any character.
#[sqlx::test]
async fn the_document_keeps_nul_out_of_names(db: PgPool) {
    let doc = served(&users_api::app(db, &config())).await;
    let create = &doc["components"]["schemas"]["CreateUser"];
    let update = &doc["components"]["schemas"]["UpdateUser"]["allOf"][0];
    for schema in [create, update] {
        let pattern = schema["properties"]["name"]["pattern"].as_str().unwrap();
        assert!(pattern.contains(r"[^\x00]*\S[^\x00]*"), "{pattern}");
    }
}

/// Found: PATCH `{}` got 422, valid by a document whose fields were all
/// optional; then, with both fields made non-null, `{"name": "0", "email":
/// null}` got 200 though the document forbade it. The document now says
/// what the handler does: null leaves a field alone, and one field must be
/// a string.
#[sqlx::test]
async fn the_document_asks_patch_for_one_field(db: PgPool) {
    let doc = served(&users_api::app(db, &config())).await;
    let update = &doc["components"]["schemas"]["UpdateUser"];
    let email = &update["allOf"][0]["properties"]["email"]["type"];
    assert_eq!(email, &json!(["string", "null"]));
    let needs = &update["allOf"][1]["anyOf"];
    assert_eq!(needs[0]["required"], json!(["name"]));
    assert_eq!(needs[1]["required"], json!(["email"]));
}
// ANCHOR_END: findings

// ANCHOR: finding_offset
/// Found by fuzzing the service before its hardening:
/// `GET /users?limit=1&offset=9223372036854775807` got no answer at all. The
/// handler computed `offset + limit` for every page; in a debug build the sum
/// overflowed and the panic closed the connection (a release build wraps).
#[sqlx::test]
async fn the_largest_offset_is_an_empty_page(db: PgPool) {
    let app = users_api::app(db, &config());
    let uri = format!("/users?limit=1&offset={}", i64::MAX);
    let (status, page) = send(&app, request(Method::GET, &uri)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["users"], json!([]));
    assert_eq!(page["next_offset"], Value::Null);
}
// ANCHOR_END: finding_offset
