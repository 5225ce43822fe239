//! The worker's side: each job runs in a span whose parent is the span that
//! enqueued it, read from the job's payload, so the request and its job are
//! one trace however long the job waited.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use job_queue::welcome;
use job_queue::{Handler, Job};
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;

use crate::app::Traced;
use crate::trace_context;

// ANCHOR: job_span
/// The job handler for the worker pool: the welcome email, in a span that
/// continues the enqueuing request's trace.
pub fn handler(outbox: PathBuf) -> Handler {
    Arc::new(move |job: Job| {
        let outbox = outbox.clone();
        Box::pin(async move {
            let span = tracing::info_span!(
                "job",
                otel.name = format!("job {}", job.kind),
                otel.kind = "consumer",
                job.id = job.id,
                job.kind = %job.kind,
                job.attempt = job.attempts,
            );
            // No trace in the payload (a job enqueued elsewhere): a new trace.
            let carrier = serde_json::from_str::<Traced<serde_json::Value>>(&job.payload)
                .map(|traced| traced.trace)
                .unwrap_or_default();
            let _ = span.set_parent(trace_context::extract(&carrier));
            run(&outbox, &job).instrument(span).await
        })
    })
}
// ANCHOR_END: job_span

async fn run(outbox: &std::path::Path, job: &Job) -> Result<(), String> {
    let started = Instant::now();
    let outcome = match job.kind.as_str() {
        welcome::KIND => welcome::send(outbox, &job.payload)
            .instrument(tracing::info_span!(
                "send",
                otel.name = "write welcome message"
            ))
            .await
            .map(|_| ()),
        other => Err(format!("no handler for jobs of kind {other}")),
    };
    let result = if outcome.is_ok() { "done" } else { "failed" };
    metrics::counter!("jobs_total", "kind" => job.kind.clone(), "outcome" => result).increment(1);
    metrics::histogram!("job_duration_seconds", "kind" => job.kind.clone())
        .record(started.elapsed().as_secs_f64());
    match &outcome {
        Ok(()) => tracing::info!("job done"),
        Err(error) => tracing::warn!(%error, "job failed"),
    }
    outcome
}
