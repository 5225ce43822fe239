//! The queue's operations, each one SQL statement, so that two workers (or
//! two machines) sharing the database never see a job half-updated.

use std::time::Duration;

use sqlx::{PgExecutor, PgPool};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum QueueError {
    #[error("the job queue's database failed: {0}")]
    Database(#[from] sqlx::Error),
    #[error("a job's payload is not JSON")]
    Payload(#[from] serde_json::Error),
}

/// A claimed job, as a worker sees it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// The JSON payload, as text.
    pub payload: String,
    /// This attempt's number, from 1.
    pub attempts: i32,
    pub max_attempts: i32,
}

/// What became of a job that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Queued again, to run after its backoff.
    Retry,
    /// Out of attempts: kept as `dead` with its last error.
    Dead,
    /// No longer this attempt's (its lease ran out and another worker
    /// claimed it): nothing recorded.
    Lost,
}

// ANCHOR: enqueue
/// Adds a job, or returns the id of the job already enqueued under the same
/// key: a caller that retries (a request sent twice) makes one job.
///
/// `db` is a pool or a connection inside a transaction: enqueued in the
/// transaction that writes the job's reason (a new user), the job exists
/// if and only if that write commits.
pub async fn enqueue<'e>(
    db: impl PgExecutor<'e>,
    kind: &str,
    payload: &serde_json::Value,
    key: Option<&str>,
    max_attempts: i32,
) -> Result<i64, QueueError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO jobs (kind, payload, idempotency_key, max_attempts)
         VALUES ($1, $2::jsonb, $3, $4)
         ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
         RETURNING id",
    )
    .bind(kind)
    .bind(serde_json::to_string(payload)?)
    .bind(key)
    .bind(max_attempts)
    .fetch_one(db)
    .await?;
    Ok(id)
}
// ANCHOR_END: enqueue

// ANCHOR: claim
/// Takes the oldest job that can run, and leases it for `lease`: a job whose
/// worker died mid-run is claimed again once its lease has passed.
pub async fn claim(db: &PgPool, lease: Duration) -> Result<Option<Job>, QueueError> {
    // A job whose lease ran out on its last attempt will not be retried.
    sqlx::query(
        "UPDATE jobs SET state = 'dead', locked_until = NULL,
             last_error = 'its worker stopped during the last attempt'
         WHERE state = 'running' AND locked_until < now() AND attempts >= max_attempts",
    )
    .execute(db)
    .await?;
    let job = sqlx::query_as(
        "UPDATE jobs
         SET state = 'running', attempts = attempts + 1,
             locked_until = now() + make_interval(secs => $1)
         WHERE id = (
             SELECT id FROM jobs
             WHERE (state = 'queued' AND run_at <= now())
                OR (state = 'running' AND locked_until < now() AND attempts < max_attempts)
             ORDER BY run_at, id
             LIMIT 1
             FOR UPDATE SKIP LOCKED
         )
         RETURNING id, kind, payload::text AS payload, attempts, max_attempts",
    )
    .bind(lease.as_secs_f64())
    .fetch_optional(db)
    .await?;
    Ok(job)
}
// ANCHOR_END: claim

// ANCHOR: extend
/// The heartbeat of a long job: its lease pushed `lease` into the future.
/// False if the job is no longer this worker's (the lease ran out first and
/// another worker claimed it), so the worker should stop running it.
pub async fn extend(db: &PgPool, job: &Job, lease: Duration) -> Result<bool, QueueError> {
    let extended = sqlx::query(
        "UPDATE jobs SET locked_until = now() + make_interval(secs => $3)
         WHERE id = $1 AND state = 'running' AND attempts = $2",
    )
    .bind(job.id)
    .bind(job.attempts)
    .bind(lease.as_secs_f64())
    .execute(db)
    .await?;
    Ok(extended.rows_affected() == 1)
}
// ANCHOR_END: extend

/// Marks a job done. False if it was no longer this worker's (its lease
/// ran out and another worker took it).
pub async fn complete(db: &PgPool, job: &Job) -> Result<bool, QueueError> {
    let done = sqlx::query(
        "UPDATE jobs SET state = 'done', locked_until = NULL
         WHERE id = $1 AND state = 'running' AND attempts = $2",
    )
    .bind(job.id)
    .bind(job.attempts)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

// ANCHOR: fail
/// Records a failure: the job runs again after `delay`, or, out of
/// attempts, stays `dead` with the error for a person to read.
pub async fn fail(
    db: &PgPool,
    job: &Job,
    error: &str,
    delay: Duration,
) -> Result<AfterFailure, QueueError> {
    let dead: Option<bool> = sqlx::query_scalar(
        "UPDATE jobs
         SET state = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
             run_at = now() + make_interval(secs => $3),
             locked_until = NULL, last_error = $4
         WHERE id = $1 AND state = 'running' AND attempts = $2
         RETURNING state = 'dead'",
    )
    .bind(job.id)
    .bind(job.attempts)
    .bind(delay.as_secs_f64())
    .bind(error)
    .fetch_optional(db)
    .await?;
    Ok(match dead {
        Some(true) => AfterFailure::Dead,
        Some(false) => AfterFailure::Retry,
        None => AfterFailure::Lost,
    })
}
// ANCHOR_END: fail

/// Hands a job back at shutdown: queued again at once, and the attempt it
/// was claimed for not counted, since the shutdown stopped it, not the job.
/// Side effects the handler had already started may still complete, so a
/// handler must be safe to run again (the welcome job writes one file).
pub async fn release(db: &PgPool, job: &Job) -> Result<(), QueueError> {
    sqlx::query(
        "UPDATE jobs SET state = 'queued', attempts = attempts - 1, locked_until = NULL
         WHERE id = $1 AND state = 'running' AND attempts = $2",
    )
    .bind(job.id)
    .bind(job.attempts)
    .execute(db)
    .await?;
    Ok(())
}
