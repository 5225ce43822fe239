//! What the tests share: the server on a free port of 127.0.0.1, a GraphQL
//! request over real HTTP, and users with jobs to ask for.

#![allow(dead_code)]

use axum::body::Bytes;
use axum::http::{Method, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};
use sqlx::PgPool;
use users_graphql::server::{self, Running, Settings};

/// The server with the defaults (loopback, introspection off, batching
/// on), changed by `change`, on a port the system picks.
pub async fn start(db: PgPool, change: impl FnOnce(&mut Settings)) -> Running {
    let mut settings = Settings {
        port: 0,
        ..Settings::default()
    };
    change(&mut settings);
    server::start(db, &settings)
        .await
        .expect("the server starts")
}

/// An HTTP answer: status and body as JSON.
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

/// POSTs `body` as JSON to the server's /graphql.
pub async fn post(running: &Running, body: &Value) -> Answer {
    send(
        running,
        Method::POST,
        "/graphql",
        Some("application/json"),
        serde_json::to_vec(body).unwrap(),
    )
    .await
}

/// Any request to the server: the method, path, Content-Type (or none)
/// and body a browser on another site could choose.
pub async fn send(
    running: &Running,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> Answer {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut request = Request::builder()
        .method(method)
        .uri(format!("http://{}{path}", running.addr));
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let request = request.body(Full::new(Bytes::from(body))).unwrap();
    let response = client.request(request).await.expect("the server answers");
    let status = response.status().as_u16();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    Answer { status, body }
}

/// A GraphQL document (and its variables) over HTTP.
pub async fn graphql(running: &Running, query: &str, variables: Value) -> Answer {
    post(running, &json!({ "query": query, "variables": variables })).await
}

/// The messages of the response's `errors`, in order.
pub fn errors(answer: &Answer) -> Vec<String> {
    answer.body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["message"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Sample users with jobs (src/demo.rs).
pub async fn seed(db: &PgPool, users: i64, jobs: i64) {
    users_graphql::demo::seed(db, users, jobs)
        .await
        .expect("sample data");
}
