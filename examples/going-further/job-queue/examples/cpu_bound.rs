//! What a CPU-bound job does to the worker pool, three ways: run inline on
//! the async runtime, moved to tokio's blocking threads, or to rayon's pool.
//! Each run: two workers on a runtime of one thread (what a container held
//! to one CPU gets by default), a lease of 300 ms, and four jobs that each
//! keep a core busy for a second without an `.await`. A watcher on a thread
//! of its own, as another machine's worker would, looks for running jobs
//! whose lease has lapsed: jobs another worker would claim and run again.
//!
//!   DATABASE_URL=postgres://… cargo run --example cpu_bound

use std::sync::Arc;
use std::time::{Duration, Instant};

use job_queue::Backoff;
use job_queue::worker::{self, Handler, WorkerConfig};
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use tokio::sync::watch;

const JOBS: i64 = 4;
const WORK: Duration = Duration::from_secs(1);
const CONFIG: WorkerConfig = WorkerConfig {
    workers: 2,
    lease: Duration::from_millis(300),
    idle: Duration::from_millis(20),
    backoff: Backoff {
        base: Duration::ZERO,
        cap: Duration::ZERO,
    },
    grace: Duration::from_secs(5),
};

/// A second of work that never awaits: a loop over arithmetic, as parsing,
/// compressing, hashing or resizing an image would be.
fn cpu_work() -> u64 {
    let start = Instant::now();
    let mut x: u64 = 1;
    while start.elapsed() < WORK {
        for _ in 0..10_000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        }
    }
    x
}

// ANCHOR: handlers
/// The job's work on the runtime's own thread: no other task runs on that
/// thread until it ends, the heartbeats of the running jobs included.
fn inline() -> Handler {
    Arc::new(|_job| {
        Box::pin(async {
            std::hint::black_box(cpu_work());
            Ok(())
        })
    })
}

/// On tokio's blocking threads, made for work that does not await: the
/// runtime's threads stay free to poll the workers and their heartbeats.
fn blocking() -> Handler {
    Arc::new(|_job| {
        Box::pin(async {
            let x = tokio::task::spawn_blocking(cpu_work)
                .await
                .map_err(|e| e.to_string())?;
            std::hint::black_box(x);
            Ok(())
        })
    })
}

/// On rayon's pool, one thread a core, and the answer back by a channel:
/// for work that splits into parts (`par_iter`), or to bound how many cores
/// the jobs may take at once.
fn on_rayon() -> Handler {
    Arc::new(|_job| {
        Box::pin(async {
            let (send, answer) = tokio::sync::oneshot::channel();
            rayon::spawn(move || {
                let _ = send.send(cpu_work());
            });
            let x = answer.await.map_err(|e| e.to_string())?;
            std::hint::black_box(x);
            Ok(())
        })
    })
}
// ANCHOR_END: handlers

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "set DATABASE_URL to an empty database")?;
    println!(
        "{JOBS} jobs of {} ms of CPU each; {} workers on a runtime of 1 thread; lease {} ms",
        WORK.as_millis(),
        CONFIG.workers,
        CONFIG.lease.as_millis()
    );
    println!(
        "{:<16} {:>5} {:>14} {:>11} {:>8}",
        "handler", "done", "leases lapsed", "extra runs", "seconds"
    );
    for (name, handler) in [
        ("inline", inline()),
        ("spawn_blocking", blocking()),
        ("rayon", on_rayon()),
    ] {
        // A runtime of its own each time, with one thread whatever this
        // machine has.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let (done, lapsed, extra, seconds) = runtime.block_on(drain(&url, handler))?;
        println!("{name:<16} {done:>5} {lapsed:>14} {extra:>11} {seconds:>8.1}");
    }
    Ok(())
}

/// Runs the jobs to the end; returns jobs done, jobs seen running with a
/// lapsed lease, claims beyond one a job (runs started again after a lapse,
/// here by the pool's other worker), and the wall time.
async fn drain(
    url: &str,
    handler: Handler,
) -> Result<(i64, usize, i64, f64), Box<dyn std::error::Error>> {
    let db = PgPoolOptions::new().max_connections(4).connect(url).await?;
    sqlx::migrate!().run(&db).await?;
    sqlx::query("TRUNCATE jobs").execute(&db).await?;
    sqlx::query(
        "INSERT INTO jobs (kind, payload) SELECT 'report', '{}' FROM generate_series(1, $1)",
    )
    .bind(JOBS)
    .execute(&db)
    .await?;
    let watcher = std::thread::spawn({
        let url = url.to_string();
        move || watch_leases(&url)
    });
    let start = Instant::now();
    let (stop, shutdown) = watch::channel(false);
    let pool = tokio::spawn(worker::run(db.clone(), CONFIG, handler, shutdown));
    while count(&db, "SELECT count(*) FROM jobs WHERE state <> 'done'").await? > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let seconds = start.elapsed().as_secs_f64();
    stop.send_replace(true);
    pool.await?;
    let done = count(&db, "SELECT count(*) FROM jobs WHERE state = 'done'").await?;
    let extra = count(&db, "SELECT sum(attempts - 1)::bigint FROM jobs").await?;
    db.close().await;
    let lapsed = watcher.join().map_err(|_| "the watcher panicked")??;
    Ok((done, lapsed, extra, seconds))
}

/// Another machine's view, on a thread and a runtime of its own: every 10 ms
/// until the queue is done, the running jobs whose lease has lapsed.
fn watch_leases(url: &str) -> Result<usize, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let db = PgPoolOptions::new()
            .max_connections(1)
            .connect(url)
            .await
            .map_err(|e| e.to_string())?;
        let mut lapsed = std::collections::HashSet::new();
        loop {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM jobs WHERE state = 'running' AND locked_until < now()",
            )
            .fetch_all(&db)
            .await
            .map_err(|e| e.to_string())?;
            lapsed.extend(ids);
            if count(&db, "SELECT count(*) FROM jobs WHERE state <> 'done'")
                .await
                .map_err(|e| e.to_string())?
                == 0
            {
                return Ok(lapsed.len());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
}

async fn count(db: &PgPool, sql: &'static str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(sql).fetch_one(db).await
}
