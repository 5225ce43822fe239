//! The JSON log lines: one object per line, with the request span's fields,
//! and without the user's data.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use observability::{app, telemetry};
use serde_json::Value;
use sqlx::PgPool;
use tower::ServiceExt;

// ANCHOR: test_logs
#[sqlx::test(migrations = "./migrations")]
async fn each_line_is_a_json_object_with_the_request_fields(db: PgPool) {
    let lines = common::Lines::default();
    // Logs only (no OTLP endpoint), into `lines`, on this test's thread.
    let (subscriber, _telemetry) = telemetry::subscriber("test", None, lines.clone()).unwrap();
    let _default = tracing::subscriber::set_default(subscriber);

    let request = Request::post("/signups")
        .header("content-type", "application/json")
        .body(Body::from(r#"{"name":"Ada","email":"ada@example.com"}"#))
        .unwrap();
    let response = app::router(db).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::ACCEPTED);

    let text = lines.text();
    println!("{text}");
    let events: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("every line is one JSON object"))
        .collect();
    let finished = events
        .iter()
        .find(|event| event["message"] == "request finished")
        .expect("a line for the finished request");
    assert_eq!(finished["level"], "INFO");
    assert_eq!(finished["status"], 202);
    assert!(finished["latency_ms"].as_f64().is_some());
    // The span's fields ride along on every line written inside it.
    assert_eq!(finished["span"]["http.route"], "/signups");
    assert_eq!(finished["span"]["http.request.method"], "POST");
    let accepted = events
        .iter()
        .find(|event| event["message"] == "signup accepted")
        .expect("the handler's own line");
    assert_eq!(accepted["span"]["name"], "request");
    assert!(accepted["user_id"].as_i64().is_some());
    // The email went to the database and the job, never to the log.
    assert!(
        !text.contains("ada@example.com"),
        "the log holds the user's email"
    );
}
// ANCHOR_END: test_logs
