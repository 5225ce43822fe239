//! A pool of workers on tokio: each claims a job, runs its handler, and
//! records the outcome. A long job's lease is renewed while it runs. A
//! handler that panics fails its job, and a database error pauses a worker
//! instead of ending it. A shutdown stops new claims; a job in flight gets
//! `grace` to finish and is handed back untried if it does not.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::watch;
use tokio::task::{JoinError, JoinSet};
use tokio::time::{Instant, MissedTickBehavior};

use crate::backoff::Backoff;
use crate::queue::{self, AfterFailure, Job, QueueError};

/// Runs one job: `Err` carries the reason, which the queue keeps.
pub type Handler =
    Arc<dyn Fn(Job) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send>> + Send + Sync>;

#[derive(Debug, Clone, Copy)]
pub struct WorkerConfig {
    pub workers: usize,
    /// How long a claimed job is a worker's before others may take it. A
    /// running job renews it every third of it, so the lease bounds how long
    /// a crashed worker's job waits, not how long a job may run.
    pub lease: Duration,
    /// The pause after finding the queue empty, or after a database error.
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
    /// Handed back at shutdown, untried.
    pub released: u64,
    /// Found another worker's when they ended, or stopped when a
    /// heartbeat found it so: their lease ran out and the job was claimed
    /// again, so their outcome is not recorded.
    pub lost: u64,
    /// Database errors the workers paused on and survived.
    pub errors: u64,
}

impl Totals {
    fn add(&mut self, other: Totals) {
        self.done += other.done;
        self.failed += other.failed;
        self.released += other.released;
        self.lost += other.lost;
        self.errors += other.errors;
    }
}

// ANCHOR: run
/// Runs `config.workers` workers until `shutdown` turns true (or its sender
/// is dropped), then waits for each to finish or hand back its job.
pub async fn run(
    db: PgPool,
    config: WorkerConfig,
    handler: Handler,
    shutdown: watch::Receiver<bool>,
) -> Totals {
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
    while let Some(one) = workers.join_next().await {
        // A worker never panics: handlers run as tasks of their own.
        totals.add(one.expect("a worker task ended abnormally"));
    }
    totals
}
// ANCHOR_END: run

// ANCHOR: worker
async fn worker(
    db: PgPool,
    config: WorkerConfig,
    handler: Handler,
    mut shutdown: watch::Receiver<bool>,
) -> Totals {
    let mut totals = Totals::default();
    while !stopping(&shutdown) {
        if let Err(error) = claim_and_run(&db, config, &handler, &shutdown, &mut totals).await {
            // The database is down or restarting. The job in hand, if any,
            // is still leased: once the lease runs out it is claimed again.
            // Pause and try again; only a shutdown ends a worker.
            totals.errors += 1;
            tracing::warn!(%error, "job queue worker pausing after a database error");
            pause(config.idle, &mut shutdown).await;
        }
    }
    totals
}

/// One turn of a worker: claim a job (or wait for one), run it, record it.
async fn claim_and_run(
    db: &PgPool,
    config: WorkerConfig,
    handler: &Handler,
    shutdown: &watch::Receiver<bool>,
    totals: &mut Totals,
) -> Result<(), QueueError> {
    let Some(job) = queue::claim(db, config.lease).await? else {
        pause(config.idle, &mut shutdown.clone()).await;
        return Ok(());
    };
    if stopping(shutdown) {
        // Asked to stop while claiming: hand the job back at once.
        queue::release(db, &job).await?;
        totals.released += 1;
        return Ok(());
    }
    match run_leased(db, config, handler, &job, shutdown.clone()).await {
        // False: the lease ran out while the handler held the thread (no
        // heartbeat could run) and another worker took the job.
        Ran::Finished(Ok(())) => match queue::complete(db, &job).await? {
            true => totals.done += 1,
            false => totals.lost += 1,
        },
        Ran::Finished(Err(error)) => {
            let delay = config.backoff.jittered(job.attempts as u32);
            match queue::fail(db, &job, &error, delay).await? {
                AfterFailure::Lost => totals.lost += 1,
                AfterFailure::Retry | AfterFailure::Dead => totals.failed += 1,
            }
        }
        Ran::Stopped => {
            queue::release(db, &job).await?;
            totals.released += 1;
        }
        Ran::Lost => totals.lost += 1,
    }
    Ok(())
}
// ANCHOR_END: worker

enum Ran {
    Finished(Result<(), String>),
    /// The shutdown's grace ran out first.
    Stopped,
    /// Another worker holds the job now.
    Lost,
}

// ANCHOR: run_leased
/// Runs the handler as a task of its own, renewing the job's lease while it
/// runs. Returning drops the JoinSet, which aborts the task if it is still
/// running: at its next await it stops, and the job is not run twice here.
async fn run_leased(
    db: &PgPool,
    config: WorkerConfig,
    handler: &Handler,
    job: &Job,
    mut shutdown: watch::Receiver<bool>,
) -> Ran {
    let mut task = JoinSet::new();
    task.spawn(handler(job.clone()));
    // (At least a millisecond: a zero period would make `interval` panic.)
    let every = (config.lease / 3).max(Duration::from_millis(1));
    let mut heartbeat = tokio::time::interval_at(Instant::now() + every, every);
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let deadline = async move {
        // Runs on past a shutdown for `grace`, never past it. (A dropped
        // sender ends the wait too: it counts as a shutdown.)
        let _ = shutdown.wait_for(|stop| *stop).await;
        tokio::time::sleep(config.grace).await;
    };
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            Some(joined) = task.join_next() => {
                return Ran::Finished(joined.map_err(panic_message).and_then(|outcome| outcome));
            }
            _ = heartbeat.tick() => match queue::extend(db, job, config.lease).await {
                Ok(true) => {}
                Ok(false) => return Ran::Lost,
                // Keep running: the lease may outlast the outage, and if it
                // does not, the next heartbeat finds the job lost.
                Err(error) => tracing::warn!(%error, job = job.id, "could not renew a job's lease"),
            },
            () = &mut deadline => return Ran::Stopped,
        }
    }
}
// ANCHOR_END: run_leased

/// A panicking handler fails its job with the panic's message, which the
/// queue keeps as the job's last error.
fn panic_message(error: JoinError) -> String {
    let Ok(payload) = error.try_into_panic() else {
        return "the job's task was cancelled".to_string();
    };
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with no message".to_string());
    format!("the handler panicked: {text}")
}

/// Waits `idle`, but wakes at once for a shutdown.
async fn pause(idle: Duration, shutdown: &mut watch::Receiver<bool>) {
    tokio::select! {
        _ = tokio::time::sleep(idle) => {}
        _ = shutdown.changed() => {}
    }
}

/// A shutdown was asked for, or its sender is gone (its owner stopped).
fn stopping(shutdown: &watch::Receiver<bool>) -> bool {
    *shutdown.borrow() || shutdown.has_changed().is_err()
}
