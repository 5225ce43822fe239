//! The N+1 problem's cost in time: one request for 100 users with their
//! jobs (and then with each job's user), resolved one user at a time and
//! through the DataLoader with a 1 ms and a 5 ms batch delay. Run by
//! `npm run bench:graphql` in release mode against a throwaway PostgreSQL
//! on this machine (DATABASE_URL, an empty database). Prints a table: the
//! statements each request sent, and the median and 95th percentile of
//! the request's time as the client saw it, over 200 requests.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::Request;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::layer::SubscriberExt;
use users_graphql::query_count::QueryCount;
use users_graphql::server::{self, Settings};
use users_graphql::{MIGRATOR, demo};

const REQUESTS: usize = 200;

const DOCUMENTS: [(&str, &str); 2] = [
    (
        "users › jobs",
        "{ users(first: 100) { edges { node { name jobs { kind state } } } } }",
    ),
    (
        "users › jobs › user",
        "{ users(first: 100) { edges { node { name jobs { kind user { name } } } } } }",
    ),
];

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let count = QueryCount::default();
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(count.clone()))?;
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&url)
        .await?;
    MIGRATOR.run(&db).await?;
    demo::seed(&db, 100, 3).await?;

    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let modes = [
        ("one user at a time", false, Duration::ZERO),
        ("DataLoader, 1 ms delay", true, Duration::from_millis(1)),
        ("DataLoader, 5 ms delay", true, Duration::from_millis(5)),
    ];
    println!(
        "{:<22} {:<24} {:>10} {:>11} {:>8}",
        "document", "resolving", "statements", "median ms", "p95 ms"
    );
    for (name, document) in DOCUMENTS {
        for (mode, batching, batch_delay) in modes {
            let settings = Settings {
                port: 0,
                batching,
                batch_delay,
                ..Settings::default()
            };
            let running = server::start(db.clone(), &settings).await?;
            let uri = format!("http://{}/graphql", running.addr);
            let body = Bytes::from(serde_json::to_vec(
                &serde_json::json!({ "query": document }),
            )?);
            let mut times = Vec::with_capacity(REQUESTS);
            let mut statements = Vec::with_capacity(REQUESTS);
            // Ten requests to warm the pool's connections and their
            // prepared statements, then the ones measured.
            for i in 0..REQUESTS + 10 {
                let request = Request::post(&uri)
                    .header("content-type", "application/json")
                    .body(Full::new(body.clone()))?;
                count.take();
                let started = Instant::now();
                let response = client.request(request).await?;
                let bytes = response.into_body().collect().await?.to_bytes();
                let took = started.elapsed();
                let sent = count.take();
                let answer: serde_json::Value = serde_json::from_slice(&bytes)?;
                assert!(answer.get("errors").is_none(), "{answer}");
                if i >= 10 {
                    times.push(took);
                    statements.push(sent);
                }
            }
            running.stop().await?;
            times.sort();
            statements.sort();
            // The median count: a busy moment can split a batch in two.
            let median_statements = statements[statements.len() / 2];
            println!(
                "{name:<22} {mode:<24} {median_statements:>10} {:>11.2} {:>8.2}",
                percentile(&times, 0.5),
                percentile(&times, 0.95)
            );
        }
    }
    Ok(())
}
