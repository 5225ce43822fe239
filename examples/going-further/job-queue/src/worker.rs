//! A pool of workers on tokio: each claims a job, runs its handler, and
//! records the outcome. A shutdown stops new claims; a job in flight gets
//! `grace` to finish and is handed back untried if it does not.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::backoff::Backoff;
use crate::queue::{self, Job, QueueError};

/// Runs one job: `Err` carries the reason, which the queue keeps.
pub type Handler =
    Arc<dyn Fn(Job) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send>> + Send + Sync>;

#[derive(Debug, Clone, Copy)]
pub struct WorkerConfig {
    pub workers: usize,
    /// How long a claimed job is a worker's before others may take it.
    /// Longer than any job should run.
    pub lease: Duration,
    /// The pause after finding the queue empty.
    pub idle: Duration,
    pub backoff: Backoff,
    /// At shutdown, how long a job in flight may still run.
    pub grace: Duration,
}

/// What the pool did, for logs and tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub done: u64,
    pub failed: u64,
    pub released: u64,
}

// ANCHOR: run
/// Runs `config.workers` workers until `shutdown` turns true, then waits
/// for each to finish or hand back its job.
pub async fn run(
    db: PgPool,
    config: WorkerConfig,
    handler: Handler,
    shutdown: watch::Receiver<bool>,
) -> Result<Totals, QueueError> {
    let mut workers = JoinSet::new();
    for _ in 0..config.workers {
        workers.spawn(worker(
            db.clone(),
            config,
            handler.clone(),
            shutdown.clone(),
        ));
    }
    let mut totals = Totals::default();
    while let Some(result) = workers.join_next().await {
        let one = result.expect("a worker panicked")?;
        totals.done += one.done;
        totals.failed += one.failed;
        totals.released += one.released;
    }
    Ok(totals)
}
// ANCHOR_END: run

// ANCHOR: worker
async fn worker(
    db: PgPool,
    config: WorkerConfig,
    handler: Handler,
    mut shutdown: watch::Receiver<bool>,
) -> Result<Totals, QueueError> {
    let mut totals = Totals::default();
    while !stopping(&shutdown) {
        let Some(job) = queue::claim(&db, config.lease).await? else {
            // Nothing to do: wait, but wake at once for a shutdown.
            tokio::select! {
                _ = tokio::time::sleep(config.idle) => {}
                _ = shutdown.changed() => {}
            }
            continue;
        };
        if stopping(&shutdown) {
            // Asked to stop while claiming: hand the job back at once.
            queue::release(&db, &job).await?;
            totals.released += 1;
            break;
        }
        let mut asked = shutdown.clone();
        let deadline = async move {
            // Runs on past a shutdown for `grace`, never past it. (A dropped
            // sender ends the wait too: it counts as a shutdown.)
            let _ = asked.wait_for(|stop| *stop).await;
            tokio::time::sleep(config.grace).await;
        };
        tokio::select! {
            outcome = handler(job.clone()) => match outcome {
                Ok(()) => {
                    queue::complete(&db, &job).await?;
                    totals.done += 1;
                }
                Err(error) => {
                    let delay = config.backoff.jittered(job.attempts as u32);
                    queue::fail(&db, &job, &error, delay).await?;
                    totals.failed += 1;
                }
            },
            () = deadline => {
                // The handler's future is dropped here: it stops at its
                // next await, and the job goes back as if never claimed.
                queue::release(&db, &job).await?;
                totals.released += 1;
            }
        }
    }
    Ok(totals)
}
// ANCHOR_END: worker

/// A shutdown was asked for, or its sender is gone (its owner stopped).
fn stopping(shutdown: &watch::Receiver<bool>) -> bool {
    *shutdown.borrow() || shutdown.has_changed().is_err()
}
