//! Jobs per second through the queue with 1, 2 and 4 workers, for a handler
//! that does nothing (what the queue itself costs: a claim and a completion,
//! three statements a job) and for one that waits 10 ms (a job that calls
//! another service). Run by `npm run bench:jobs` on a throwaway PostgreSQL.
//!
//!   DATABASE_URL=postgres://… cargo run --release --example throughput

use std::sync::Arc;
use std::time::{Duration, Instant};

use job_queue::Backoff;
use job_queue::worker::{self, Handler, WorkerConfig};
use sqlx::postgres::PgPoolOptions;
use tokio::sync::watch;

/// The handlers timed: a name, how long each job waits, how many jobs a run has.
const HANDLERS: [(&str, Duration, i64); 2] = [
    ("no work (the queue's cost)", Duration::ZERO, 2000),
    ("10 ms of waiting (I/O)", Duration::from_millis(10), 400),
];

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "set DATABASE_URL to an empty database")?;
    let db = PgPoolOptions::new()
        .max_connections(8)
        .connect(&url)
        .await?;
    sqlx::migrate!().run(&db).await?;
    // One untimed run first: connections opened, statements prepared.
    drain(&db, 4, Duration::ZERO, 200).await?;
    println!(
        "{:<28} {:>7} {:>5} {:>8} {:>7}",
        "handler", "workers", "jobs", "seconds", "jobs/s"
    );
    for (name, work, jobs) in HANDLERS {
        for workers in [1, 2, 4] {
            let seconds = drain(&db, workers, work, jobs).await?;
            println!(
                "{name:<28} {workers:>7} {jobs:>5} {seconds:>8.3} {:>7.0}",
                jobs as f64 / seconds
            );
        }
    }
    Ok(())
}

/// Enqueues `jobs` jobs, then times `workers` workers until every one is done.
async fn drain(
    db: &sqlx::PgPool,
    workers: usize,
    work: Duration,
    jobs: i64,
) -> Result<f64, Box<dyn std::error::Error>> {
    sqlx::query("TRUNCATE jobs").execute(db).await?;
    sqlx::query(
        "INSERT INTO jobs (kind, payload) SELECT 'bench', '{}' FROM generate_series(1, $1)",
    )
    .bind(jobs)
    .execute(db)
    .await?;
    let handler: Handler = Arc::new(move |_job| {
        Box::pin(async move {
            if !work.is_zero() {
                tokio::time::sleep(work).await;
            }
            Ok(())
        })
    });
    let config = WorkerConfig {
        workers,
        lease: Duration::from_secs(60),
        idle: Duration::from_millis(5),
        backoff: Backoff {
            base: Duration::from_millis(100),
            cap: Duration::from_secs(10),
        },
        grace: Duration::from_secs(10),
    };
    let (stop, shutdown) = watch::channel(false);
    let started = Instant::now();
    let pool = tokio::spawn(worker::run(db.clone(), config, handler, shutdown));
    // Polled every 10 ms (so a time may be up to 10 ms long), and left if
    // the pool stops: its error would otherwise leave this waiting forever.
    loop {
        let done: i64 = sqlx::query_scalar("SELECT count(*) FROM jobs WHERE state = 'done'")
            .fetch_one(db)
            .await?;
        if done == jobs || pool.is_finished() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let seconds = started.elapsed().as_secs_f64();
    stop.send(true)?;
    pool.await?;
    Ok(seconds)
}
