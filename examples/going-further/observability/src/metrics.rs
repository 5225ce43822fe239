//! Prometheus metrics: recorded through the `metrics` facade anywhere in
//! the code, rendered in Prometheus's text format on the metrics port.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sqlx::PgPool;

// ANCHOR: buckets
/// Request latency buckets, in seconds: fine where a healthy API answers
/// (a few milliseconds), coarse out to the 2.5 s a user gives up at. Each
/// bucket is a series of its own, so eleven, not a hundred.
pub const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// Installs the process's recorder once; every later call returns its handle.
pub fn install() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("http_request_duration_seconds".into()),
                    LATENCY_BUCKETS,
                )
                .expect("the bucket list is not empty")
                .install_recorder()
                .expect("no other metrics recorder is installed")
        })
        .clone()
}
// ANCHOR_END: buckets

// ANCHOR: middleware
/// Counts and times every request, labelled by route pattern, never by the
/// raw path: `/users/17` and `/users/18` are one series, `/users/{id}`, and a
/// scanner trying random paths adds one series, `unmatched`, not thousands.
pub async fn record(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |path| path.as_str())
        .to_owned();
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}
// ANCHOR_END: middleware

#[derive(Clone)]
struct Scrape {
    handle: PrometheusHandle,
    db: PgPool,
}

// ANCHOR: scrape
/// How long a scrape waits for the queue's count: far under Prometheus's
/// scrape timeout (10 s by default, 1 s in the test), so an exhausted pool
/// cannot make the whole page late.
const QUEUE_COUNT_LIMIT: Duration = Duration::from_millis(500);

/// `GET /metrics`: the gauges are read at scrape time (the pool's
/// connections, the queue's jobs by state), then everything is rendered.
async fn scrape(State(scrape): State<Scrape>) -> Response {
    let pool = &scrape.db;
    let idle = pool.num_idle() as f64;
    metrics::gauge!("db_pool_connections", "state" => "idle").set(idle);
    metrics::gauge!("db_pool_connections", "state" => "in_use").set(f64::from(pool.size()) - idle);
    metrics::gauge!("db_pool_max_connections").set(f64::from(pool.options().get_max_connections()));
    let depth = tokio::time::timeout(
        QUEUE_COUNT_LIMIT,
        sqlx::query_as::<_, (String, i64)>("SELECT state, count(*) FROM jobs GROUP BY state")
            .fetch_all(pool),
    )
    .await;
    match depth {
        Ok(Ok(rows)) => {
            for state in ["queued", "running", "done", "dead"] {
                let count = rows.iter().find(|(s, _)| s == state).map_or(0, |(_, n)| *n);
                metrics::gauge!("job_queue_jobs", "state" => state).set(count as f64);
            }
        }
        // The rest of the page is still worth scraping: the queue's gauges
        // keep their last values, and the counter and the log say why.
        Ok(Err(error)) => {
            metrics::counter!("scrape_queries_skipped_total", "reason" => "error").increment(1);
            tracing::warn!(%error, "could not count the queue's jobs");
        }
        Err(_) => {
            metrics::counter!("scrape_queries_skipped_total", "reason" => "timeout").increment(1);
            tracing::warn!(limit = ?QUEUE_COUNT_LIMIT, "no connection or no answer in time to count the queue's jobs");
        }
    }
    (
        [("content-type", "text/plain; version=0.0.4")],
        scrape.handle.render(),
    )
        .into_response()
}

/// The metrics port's whole router: `/metrics` and nothing else.
pub fn router(handle: PrometheusHandle, db: PgPool) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(Scrape { handle, db })
}
// ANCHOR_END: scrape
