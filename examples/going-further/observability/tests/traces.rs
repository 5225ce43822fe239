//! One trace from a request into the job it enqueued, and one slow request
//! down to its SQL, sent over OTLP to a real Jaeger and read back from
//! Jaeger's query API. One test in this file: it installs the process's
//! global subscriber.

mod common;

use std::collections::HashMap;
use std::fs;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::http::Method;
use observability::telemetry;
use serde_json::Value;
use sqlx::PgPool;

const SERVICE: &str = "observability";

// ANCHOR: jaeger
/// A Jaeger of the test's own: OTLP over gRPC in, traces kept in memory,
/// the query API out, all on loopback ports picked for this run.
struct Jaeger {
    child: Child,
    otlp: String,
    query: String,
    _dir: tempfile::TempDir,
}

impl Jaeger {
    fn start() -> Jaeger {
        let binary = common::program(
            common::tool_cache().join("jaeger-v1.75.0/jaeger"),
            "node scripts/task.ts jaeger   # from the repository's root: builds Jaeger v1.75.0 with Go, once (about 10 minutes)",
        );
        let (otlp, query, grpc) = (
            common::free_port(),
            common::free_port(),
            common::free_port(),
        );
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("jaeger.yaml");
        fs::write(
            &config,
            format!(
                include_str!("jaeger.yaml"),
                otlp = otlp,
                query = query,
                grpc = grpc
            ),
        )
        .unwrap();
        let log = fs::File::create(dir.path().join("jaeger.log")).unwrap();
        let child = Command::new(binary)
            .arg("--config")
            .arg(&config)
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("Jaeger starts");
        Jaeger {
            child,
            otlp: format!("http://127.0.0.1:{otlp}"),
            query: format!("http://127.0.0.1:{query}"),
            _dir: dir,
        }
    }

    fn log(&self) -> String {
        fs::read_to_string(self._dir.path().join("jaeger.log")).unwrap_or_default()
    }

    async fn get(&self, path: &str) -> Option<Value> {
        let answer = common::get(&format!("{}{path}", self.query)).await.ok()?;
        if answer.status != 200 {
            return None;
        }
        answer.json()
    }
}

impl Drop for Jaeger {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
// ANCHOR_END: jaeger

/// A span as Jaeger's query API returns it.
#[derive(Debug, Clone)]
struct Span {
    id: String,
    parent: Option<String>,
    name: String,
    start_us: i64,
    duration_us: i64,
    tags: HashMap<String, Value>,
}

fn spans(trace: &Value) -> Vec<Span> {
    trace["spans"]
        .as_array()
        .expect("a trace has spans")
        .iter()
        .map(|span| Span {
            id: span["spanID"].as_str().unwrap().to_owned(),
            parent: span["references"].as_array().and_then(|refs| {
                refs.iter()
                    .find(|r| r["refType"] == "CHILD_OF")
                    .map(|r| r["spanID"].as_str().unwrap().to_owned())
            }),
            name: span["operationName"].as_str().unwrap().to_owned(),
            start_us: span["startTime"].as_i64().unwrap(),
            duration_us: span["duration"].as_i64().unwrap(),
            tags: span["tags"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|tag| {
                    (
                        tag["key"].as_str().unwrap().to_owned(),
                        tag["value"].clone(),
                    )
                })
                .collect(),
        })
        .collect()
}

// ANCHOR: tree
/// The spans as an indented tree: start offset from the root, duration, name.
fn tree(spans: &[Span]) -> String {
    fn walk(spans: &[Span], parent: Option<&str>, root_start: i64, depth: usize, out: &mut String) {
        let mut children: Vec<&Span> = spans
            .iter()
            .filter(|s| s.parent.as_deref() == parent)
            .collect();
        children.sort_by_key(|s| s.start_us);
        for span in children {
            let statement = span.tags.get("db.query.text").and_then(Value::as_str);
            out.push_str(&format!(
                "{:>9.1} ms {:>9.1} ms  {}{}{}\n",
                (span.start_us - root_start) as f64 / 1000.0,
                span.duration_us as f64 / 1000.0,
                "  ".repeat(depth),
                span.name,
                statement.map(|s| format!("  [{s}]")).unwrap_or_default(),
            ));
            walk(spans, Some(&span.id), root_start, depth + 1, out);
        }
    }
    let ids: Vec<&str> = spans.iter().map(|s| s.id.as_str()).collect();
    let root = spans
        .iter()
        .find(|s| s.parent.as_deref().is_none_or(|p| !ids.contains(&p)))
        .expect("a root span");
    let mut out = String::from("    start  duration  span\n");
    walk(spans, root.parent.as_deref(), root.start_us, 0, &mut out);
    out
}
// ANCHOR_END: tree

fn find<'a>(spans: &'a [Span], name: &str) -> &'a Span {
    spans.iter().find(|s| s.name == name).unwrap_or_else(|| {
        panic!(
            "no span {name:?} in {:?}",
            spans.iter().map(|s| &s.name).collect::<Vec<_>>()
        )
    })
}

// ANCHOR: test_traces
#[sqlx::test(migrations = "./migrations")]
async fn a_request_and_its_job_are_one_trace_in_jaeger(db: PgPool) {
    let jaeger = Jaeger::start();
    let logs = common::Lines::default();
    let (subscriber, telemetry) =
        telemetry::subscriber(SERVICE, Some(&jaeger.otlp), logs.clone()).unwrap();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    common::until("Jaeger's query API", Duration::from_secs(30), async || {
        jaeger.get("/api/services").await
    })
    .await;

    let outbox = tempfile::tempdir().unwrap();
    let running = common::start(db.clone(), outbox.path()).await;

    // The caller is traced already: its traceparent names the trace to join
    // (the W3C specification's example id; this Jaeger is the test's own).
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let signup = common::http(
        Method::POST,
        &format!("http://{}/signups", running.app),
        &[("traceparent", &format!("00-{trace_id}-00f067aa0ba902b7-01"))],
        Some(&serde_json::json!({ "name": "Ada", "email": "ada@example.com" })),
    )
    .await
    .unwrap();
    assert_eq!(signup.status, 202);
    common::until(
        "the welcome job to run",
        Duration::from_secs(10),
        async || (common::job_states(&db).await == [("done".to_string(), 1)]).then_some(()),
    )
    .await;

    // The slow request: one second in one query.
    let report = common::get(&format!("http://{}/report?delay_ms=1000", running.app))
        .await
        .unwrap();
    assert_eq!(report.status, 200);

    running.stop().await.unwrap();
    // Sends the spans still batched in the process.
    telemetry.shutdown().await;

    // Jaeger batches too: ask until the whole trace is there.
    let signup_trace = common::until(
        "the signup's trace in Jaeger",
        Duration::from_secs(30),
        async || {
            let answer = jaeger.get(&format!("/api/traces/{trace_id}")).await?;
            let trace = answer["data"].get(0)?.clone();
            (spans(&trace)
                .iter()
                .any(|s| s.name == "write welcome message"))
            .then_some(trace)
        },
    )
    .await;
    let signup_spans = spans(&signup_trace);
    println!(
        "trace {trace_id}: POST /signups and its job\n{}",
        tree(&signup_spans)
    );

    // The log line of the same request names the trace: from a log to its trace.
    let text = logs.text();
    let (line, finished) = text
        .lines()
        .map(|line| (line, serde_json::from_str::<Value>(line).unwrap()))
        .find(|(_, event)| {
            event["message"] == "request finished" && event["span"]["http.route"] == "/signups"
        })
        .expect("the signup's log line");
    println!("its log line:\n{line}\n");
    assert_eq!(finished["span"]["trace_id"], trace_id);

    let request = find(&signup_spans, "POST /signups");
    assert_eq!(
        request.parent.as_deref(),
        Some("00f067aa0ba902b7"),
        "the caller's span is the parent"
    );
    let enqueue = find(&signup_spans, "enqueue welcome_email");
    let job = find(&signup_spans, "job welcome_email");
    assert_eq!(enqueue.parent.as_ref(), Some(&request.id));
    assert_eq!(
        job.parent.as_ref(),
        Some(&enqueue.id),
        "the job continues the trace"
    );
    assert_eq!(
        find(&signup_spans, "write welcome message").parent.as_ref(),
        Some(&job.id)
    );
    assert_eq!(
        find(&signup_spans, "INSERT signups").parent.as_ref(),
        Some(&request.id)
    );

    let slow = common::until(
        "the report's trace in Jaeger",
        Duration::from_secs(30),
        async || {
            let answer = jaeger
                .get(&format!(
                    "/api/traces?service={SERVICE}&operation=GET%20%2Freport&limit=1"
                ))
                .await?;
            answer["data"].get(0).cloned()
        },
    )
    .await;
    let slow_spans = spans(&slow);
    println!(
        "the slow request: GET /report?delay_ms=1000\n{}",
        tree(&slow_spans)
    );
    let handler = find(&slow_spans, "GET /report");
    let query = find(&slow_spans, "SELECT jobs");
    assert_eq!(query.parent.as_ref(), Some(&handler.id));
    assert!(
        query.duration_us >= 1_000_000,
        "the pg_sleep query took {} µs",
        query.duration_us
    );
    assert_eq!(query.tags["db.system.name"], "postgresql");
    // The slow query is the request: everything else in it together took
    // under half a second (a few milliseconds on an idle machine).
    let rest_us = handler.duration_us - query.duration_us;
    assert!(
        rest_us < 500_000,
        "the request's other work took {rest_us} µs"
    );
    assert!(jaeger.log().len() < 1_000_000);
}
// ANCHOR_END: test_traces
