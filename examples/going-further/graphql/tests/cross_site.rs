//! Requests a page on another site can make a browser send without asking
//! the server first (no CORS preflight): a GET, and a POST whose
//! Content-Type is text/plain, multipart/form-data,
//! application/x-www-form-urlencoded or absent. Each carries a valid
//! createUser document; none may create the user.

mod common;

use axum::http::Method;
use common::{Answer, send, start};
use sqlx::PgPool;

const CREATE: &str = r#"mutation { createUser(name: "Eve", email: "eve@example.com") { id } }"#;

/// The document as a JSON request body, `{"query": "..."}`.
fn json_body() -> String {
    serde_json::json!({ "query": CREATE }).to_string()
}

/// `s` percent-encoded for a URL's query string.
fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn users(db: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(db)
        .await
        .unwrap()
}

fn show(name: &str, answer: &Answer) {
    println!("{name}: HTTP {}", answer.status);
}

// ANCHOR: cross_site
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn what_a_form_on_another_site_can_send_is_refused(db: PgPool) {
    let server = start(db.clone(), |_| {}).await;
    let post = |content_type: Option<&'static str>, body: String| {
        send(
            &server,
            Method::POST,
            "/graphql",
            content_type,
            body.into_bytes(),
        )
    };

    // A link or an <img>: the document in the query string.
    let get = send(
        &server,
        Method::GET,
        &format!("/graphql?query={}", url_encode(CREATE)),
        None,
        Vec::new(),
    )
    .await;
    show("GET with the document in the query string", &get);
    assert_eq!(get.status, 405);

    // <form enctype="text/plain"> with one field named `{"query":"…","x":"`
    // and the value `"}`: the browser sends name=value, which is JSON.
    let json = json_body();
    let name = format!(r#"{},"x":""#, json.strip_suffix('}').unwrap());
    let answer = post(Some("text/plain"), format!("{name}=\"}}\r\n")).await;
    show("a text/plain form", &answer);
    assert_eq!(answer.status, 415);

    // <form enctype="multipart/form-data"> with the fields of a GraphQL
    // upload request: `operations` (the document) and `map`.
    let multipart = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{}\r\n\
         --XyZ\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{}}\r\n--XyZ--\r\n",
        json_body()
    );
    let answer = post(Some("multipart/form-data; boundary=XyZ"), multipart).await;
    show("a multipart/form-data form", &answer);
    assert_eq!(answer.status, 415);

    // fetch(…, { mode: "no-cors" }) may send any body with this type, or
    // with none at all.
    let answer = post(Some("application/x-www-form-urlencoded"), json_body()).await;
    show("an application/x-www-form-urlencoded body", &answer);
    assert_eq!(answer.status, 415);
    let answer = post(None, json_body()).await;
    show("no Content-Type", &answer);
    assert_eq!(answer.status, 415);

    assert_eq!(users(&db).await, 0, "no request created the user");
    server.stop().await.unwrap();
}
// ANCHOR_END: cross_site

#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn json_with_parameters_or_in_capitals_is_accepted(db: PgPool) {
    let server = start(db.clone(), |_| {}).await;
    // A media type's name is case-insensitive, and parameters follow it.
    for content_type in ["application/json; charset=utf-8", "Application/JSON"] {
        let answer = send(
            &server,
            Method::POST,
            "/graphql",
            Some(content_type),
            serde_json::json!({ "query": "{ __typename }" })
                .to_string()
                .into_bytes(),
        )
        .await;
        assert_eq!(answer.status, 200, "{content_type}");
        assert_eq!(answer.body["data"]["__typename"], "Query");
    }
    // Not JSON, though it starts the same way.
    let answer = send(
        &server,
        Method::POST,
        "/graphql",
        Some("application/jsonx"),
        json_body().into_bytes(),
    )
    .await;
    assert_eq!(answer.status, 415);
    assert_eq!(users(&db).await, 0);
    server.stop().await.unwrap();
}
