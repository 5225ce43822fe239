//! The service's public routes: a signup that enqueues a welcome email, a
//! report that is slow on purpose, and a health check. Every request runs
//! in a span of its own, and every query in a span under it.

use std::time::Instant;

use axum::extract::{MatchedPath, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use job_queue::QueueError;
use job_queue::queue;
use job_queue::welcome::{self, Welcome};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use tracing::field::Empty;
use tracing::{Instrument, Span};
use tracing_opentelemetry::OpenTelemetrySpanExt;

use crate::{telemetry, trace_context};

// ANCHOR: request_span
/// One span per request, named after the route pattern (`GET /report`), in
/// the trace the caller's `traceparent` names, or in a new trace.
async fn trace_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |path| path.as_str())
        .to_owned();
    let span = tracing::info_span!(
        "request",
        otel.name = format!("{method} {route}"),
        otel.kind = "server",
        http.request.method = %method,
        http.route = %route,
        http.response.status_code = Empty,
        trace_id = Empty,
    );
    // Before the span is first entered: after that, its parent is fixed.
    let _ = span.set_parent(trace_context::from_headers(request.headers()));
    if let Some(id) = telemetry::trace_id(&span) {
        span.record("trace_id", id);
    }
    let started = Instant::now();
    let response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    span.record("http.response.status_code", status);
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    // One line per request, inside the span: the line carries its trace_id.
    span.in_scope(|| tracing::info!(status, latency_ms, "request finished"));
    response
}
// ANCHOR_END: request_span

/// A span around one SQL statement, with the statement as OpenTelemetry's
/// database conventions name it (`db.query.text`). Never the bound values:
/// they are user data (an email here), and a trace store is not the place.
fn query_span(name: &str, statement: &'static str) -> Span {
    tracing::info_span!(
        "query",
        otel.name = name,
        otel.kind = "client",
        db.system.name = "postgresql",
        db.query.text = statement,
    )
}

#[derive(Debug)]
pub struct AppError(QueueError);

impl<E: Into<QueueError>> From<E> for AppError {
    fn from(error: E) -> Self {
        Self(error.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        // The cause goes to the log (with the request's trace_id), not to the client.
        tracing::error!(error = %self.0, cause = ?self.0, "request failed");
        (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
    }
}

#[derive(Debug, Deserialize)]
pub struct Signup {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Accepted {
    pub user_id: i64,
    pub job_id: i64,
}

/// A job's payload with the trace context of the request that enqueued it.
/// The job's own fields stay at the top level, so the welcome job's handler
/// reads its payload unchanged (serde ignores the extra `trace` field).
#[derive(Debug, Serialize, Deserialize)]
pub struct Traced<T> {
    #[serde(flatten)]
    pub job: T,
    #[serde(default)]
    pub trace: trace_context::Carrier,
}

const INSERT_SIGNUP: &str = "INSERT INTO signups (name, email) VALUES ($1, $2) RETURNING id";

// ANCHOR: signup
async fn signup(
    State(db): State<PgPool>,
    Json(signup): Json<Signup>,
) -> Result<(StatusCode, Json<Accepted>), AppError> {
    let user_id: i64 = sqlx::query_scalar(INSERT_SIGNUP)
        .bind(&signup.name)
        .bind(&signup.email)
        .fetch_one(&db)
        .instrument(query_span("INSERT signups", INSERT_SIGNUP))
        .await?;
    let welcome = Welcome {
        user_id,
        name: signup.name,
        email: signup.email,
    };
    let job_id = enqueue(&db, welcome)
        .instrument(tracing::info_span!(
            "enqueue",
            otel.name = "enqueue welcome_email",
            otel.kind = "producer"
        ))
        .await?;
    tracing::info!(user_id, job_id, "signup accepted");
    Ok((StatusCode::ACCEPTED, Json(Accepted { user_id, job_id })))
}

/// Enqueues the welcome email with the current span's trace context: the
/// job's span, on a worker, minutes later maybe, joins this trace.
async fn enqueue(db: &PgPool, welcome: Welcome) -> Result<i64, QueueError> {
    let key = welcome.idempotency_key();
    let payload = Traced {
        job: welcome,
        trace: trace_context::inject(&Span::current()),
    };
    let payload = serde_json::to_value(&payload)?;
    queue::enqueue(db, welcome::KIND, &payload, Some(&key), 5)
        .instrument(query_span(
            "INSERT jobs",
            "INSERT INTO jobs ... ON CONFLICT (idempotency_key) ...",
        ))
        .await
}
// ANCHOR_END: signup

#[derive(Debug, Deserialize)]
pub struct ReportQuery {
    /// How long the report's query sleeps: the slow query to find.
    #[serde(default)]
    pub delay_ms: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Report {
    pub signups: i64,
    pub queued_jobs: i64,
}

const COUNT_SIGNUPS: &str = "SELECT count(*) FROM signups";
// pg_sleep in FROM yields one row: the wait, once, then the count.
const COUNT_QUEUED_SLOWLY: &str =
    "SELECT (SELECT count(*) FROM jobs WHERE state = 'queued') FROM pg_sleep($1)";

// ANCHOR: report
/// A report whose second query is slow on purpose (`pg_sleep`, at most
/// 2 s). A demonstration only: a parameter that makes a query wait lets any
/// client hold the pool's connections, so a real service has no such route.
async fn report(
    State(db): State<PgPool>,
    Query(query): Query<ReportQuery>,
) -> Result<Json<Report>, AppError> {
    let delay = query.delay_ms.min(2000) as f64 / 1000.0;
    let signups: i64 = sqlx::query_scalar(COUNT_SIGNUPS)
        .fetch_one(&db)
        .instrument(query_span("SELECT signups", COUNT_SIGNUPS))
        .await?;
    let queued_jobs: i64 = sqlx::query_scalar(COUNT_QUEUED_SLOWLY)
        .bind(delay)
        .fetch_one(&db)
        .instrument(query_span("SELECT jobs", COUNT_QUEUED_SLOWLY))
        .await?;
    Ok(Json(Report {
        signups,
        queued_jobs,
    }))
}
// ANCHOR_END: report

async fn health() -> &'static str {
    "ok"
}

// ANCHOR: router
/// The public router. `/metrics` is not on it: it has a port of its own.
pub fn router(db: PgPool) -> Router {
    Router::new()
        .route("/signups", post(signup))
        .route("/report", get(report))
        .route("/health", get(health))
        // Router::layer wraps each route and the 404 fallback, after
        // routing: both see the MatchedPath (none on a 404). The outer one,
        // added last, times the tracing middleware's work too.
        .layer(middleware::from_fn(trace_request))
        .layer(middleware::from_fn(crate::metrics::record))
        .with_state(db)
}
// ANCHOR_END: router
