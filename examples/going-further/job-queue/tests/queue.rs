//! The queue against a real PostgreSQL: each test gets a migrated database
//! of its own (`#[sqlx::test]`, on the server DATABASE_URL names).

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use job_queue::queue::{self, AfterFailure};
use job_queue::worker::{self, Totals};
use job_queue::{Backoff, Handler, WorkerConfig};
use serde_json::json;
use sqlx::PgPool;
use tokio::sync::watch;

const LEASE: Duration = Duration::from_secs(30);
const NO_WAIT: Backoff = Backoff {
    base: Duration::ZERO,
    cap: Duration::ZERO,
};

async fn states(db: &PgPool) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT state, count(*) FROM jobs GROUP BY state ORDER BY state")
        .fetch_all(db)
        .await
        .unwrap()
}

/// Waits (up to 10 s, polling) until `done` says so: timing-free tests on a busy machine.
async fn until(mut done: impl AsyncFnMut() -> bool) {
    for _ in 0..1000 {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("waited 10 s");
}

async fn count(db: &PgPool, state: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM jobs WHERE state = $1")
        .bind(state)
        .fetch_one(db)
        .await
        .unwrap()
}

/// Moves the queue's clock instead of sleeping: every lease has run out and
/// every backoff has passed.
async fn time_passes(db: &PgPool) {
    sqlx::query(
        "UPDATE jobs SET locked_until = now() - interval '1 second', run_at = now() - interval '1 second'",
    )
    .execute(db)
    .await
    .unwrap();
}

async fn enqueue_n(db: &PgPool, n: usize) {
    for i in 0..n {
        queue::enqueue(db, "test", &json!({ "n": i }), None, 3)
            .await
            .unwrap();
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn the_same_key_twice_is_one_job(db: PgPool) {
    let first = queue::enqueue(&db, "welcome_email", &json!({}), Some("welcome_email:7"), 5)
        .await
        .unwrap();
    let again = queue::enqueue(&db, "welcome_email", &json!({}), Some("welcome_email:7"), 5)
        .await
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(states(&db).await, [("queued".to_string(), 1)]);
}

// ANCHOR: test_skip_locked
#[sqlx::test(migrations = "./migrations")]
async fn two_workers_never_take_the_same_job(db: PgPool) {
    enqueue_n(&db, 200).await;
    let mut claimers = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let db = db.clone();
        claimers.spawn(async move {
            let mut mine = Vec::new();
            while let Some(job) = queue::claim(&db, LEASE).await.unwrap() {
                mine.push(job.id);
            }
            mine
        });
    }
    let mut all = Vec::new();
    while let Some(mine) = claimers.join_next().await {
        all.extend(mine.unwrap());
    }
    let distinct: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), 200, "every job claimed once");
    assert_eq!(distinct.len(), 200, "no job claimed twice");
}
// ANCHOR_END: test_skip_locked

#[sqlx::test(migrations = "./migrations")]
async fn a_failing_job_is_retried_then_dead_with_its_error(db: PgPool) {
    enqueue_n(&db, 1).await;
    let mut outcomes = Vec::new();
    for attempt in 1..=3 {
        let job = queue::claim(&db, LEASE)
            .await
            .unwrap()
            .expect("queued again");
        assert_eq!(job.attempts, attempt);
        let error = format!("failure {attempt}");
        outcomes.push(
            queue::fail(&db, &job, &error, Duration::ZERO)
                .await
                .unwrap(),
        );
    }
    assert_eq!(
        outcomes,
        [AfterFailure::Retry, AfterFailure::Retry, AfterFailure::Dead]
    );
    assert!(queue::claim(&db, LEASE).await.unwrap().is_none());
    let (state, error): (String, String) = sqlx::query_as("SELECT state, last_error FROM jobs")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!((state.as_str(), error.as_str()), ("dead", "failure 3"));
}

#[sqlx::test(migrations = "./migrations")]
async fn a_retry_waits_for_its_backoff(db: PgPool) {
    enqueue_n(&db, 1).await;
    let job = queue::claim(&db, LEASE).await.unwrap().unwrap();
    queue::fail(&db, &job, "busy", Duration::from_secs(3600))
        .await
        .unwrap();
    assert!(
        queue::claim(&db, LEASE).await.unwrap().is_none(),
        "too early"
    );
    time_passes(&db).await;
    assert_eq!(queue::claim(&db, LEASE).await.unwrap().unwrap().attempts, 2);
}

// ANCHOR: test_crash
#[sqlx::test(migrations = "./migrations")]
async fn a_crash_mid_job_leaves_it_to_be_retried(db: PgPool) {
    enqueue_n(&db, 1).await;
    // A worker claims the job and dies: it never completes, fails or releases it.
    let lost = queue::claim(&db, LEASE).await.unwrap().unwrap();
    assert!(
        queue::claim(&db, LEASE).await.unwrap().is_none(),
        "still leased"
    );
    time_passes(&db).await;
    let again = queue::claim(&db, LEASE)
        .await
        .unwrap()
        .expect("lease expired");
    assert_eq!((again.id, again.attempts), (lost.id, 2));
    // The dead worker's late answer no longer counts.
    assert!(!queue::complete(&db, &lost).await.unwrap());
    assert!(queue::complete(&db, &again).await.unwrap());
}
// ANCHOR_END: test_crash

#[sqlx::test(migrations = "./migrations")]
async fn a_crash_on_the_last_attempt_makes_the_job_dead(db: PgPool) {
    queue::enqueue(&db, "test", &json!({}), None, 1)
        .await
        .unwrap();
    queue::claim(&db, LEASE).await.unwrap().unwrap();
    time_passes(&db).await;
    assert!(queue::claim(&db, LEASE).await.unwrap().is_none());
    assert_eq!(states(&db).await, [("dead".to_string(), 1)]);
}

/// A handler that takes `work` per job and records the jobs it finished.
fn recording(work: Duration, finished: Arc<Mutex<Vec<i64>>>) -> Handler {
    Arc::new(move |job| {
        let finished = finished.clone();
        Box::pin(async move {
            tokio::time::sleep(work).await;
            finished.lock().unwrap().push(job.id);
            Ok(())
        })
    })
}

/// Starts a pool on its own task: the sender stops it, the handle gives its totals.
fn start(
    db: &PgPool,
    config: WorkerConfig,
    handler: Handler,
) -> (watch::Sender<bool>, tokio::task::JoinHandle<Totals>) {
    let (stop, shutdown) = watch::channel(false);
    let pool = tokio::spawn(worker::run(db.clone(), config, handler, shutdown));
    (stop, pool)
}

fn config(workers: usize, grace: Duration) -> WorkerConfig {
    WorkerConfig {
        workers,
        lease: LEASE,
        idle: Duration::from_millis(20),
        backoff: NO_WAIT,
        grace,
    }
}

// ANCHOR: test_shutdown
#[sqlx::test(migrations = "./migrations")]
async fn shutdown_lets_jobs_in_flight_finish_and_loses_none(db: PgPool) {
    enqueue_n(&db, 40).await;
    let finished = Arc::new(Mutex::new(Vec::new()));
    let (stop, pool) = start(
        &db,
        config(4, Duration::from_secs(5)),
        recording(Duration::from_millis(50), finished.clone()),
    );
    // Stop once a few jobs are done and four are running.
    until(async || finished.lock().unwrap().len() >= 4 && count(&db, "running").await == 4).await;
    let in_flight: Vec<i64> = sqlx::query_scalar("SELECT id FROM jobs WHERE state = 'running'")
        .fetch_all(&db)
        .await
        .unwrap();
    stop.send(true).unwrap();
    let totals = pool.await.unwrap();
    let finished = finished.lock().unwrap().clone();
    for id in &in_flight {
        assert!(
            finished.contains(id),
            "job {id}, running at the shutdown, finished"
        );
    }
    // A job claimed just as the shutdown came is handed back, not run.
    assert!(totals.released <= 4, "{totals:?}");
    let finished = finished.len() as i64;
    assert!(finished < 40, "{finished}");
    assert_eq!(totals.done as i64, finished);
    assert_eq!(
        states(&db).await,
        [
            ("done".to_string(), finished),
            ("queued".to_string(), 40 - finished)
        ],
        "nothing left running"
    );
}
// ANCHOR_END: test_shutdown

#[sqlx::test(migrations = "./migrations")]
async fn shutdown_hands_back_a_job_that_overruns_its_grace(db: PgPool) {
    enqueue_n(&db, 2).await;
    let finished = Arc::new(Mutex::new(Vec::new()));
    let (stop, pool) = start(
        &db,
        config(2, Duration::from_millis(50)),
        recording(Duration::from_secs(30), finished.clone()),
    );
    until(async || count(&db, "running").await == 2).await;
    stop.send(true).unwrap();
    let totals = pool.await.unwrap();
    assert_eq!(
        totals,
        Totals {
            released: 2,
            ..Totals::default()
        }
    );
    let attempts: Vec<i32> = sqlx::query_scalar("SELECT attempts FROM jobs WHERE state = 'queued'")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(attempts, [0, 0], "handed back untried");
}

#[sqlx::test(migrations = "./migrations")]
async fn the_welcome_job_writes_its_message_once_however_often_it_runs(db: PgPool) {
    use job_queue::welcome::{self, Welcome};
    let outbox = tempfile::tempdir().unwrap();
    let ada = Welcome {
        user_id: 1,
        name: "Ada".into(),
        email: "ada@example.com".into(),
    };
    for _ in 0..2 {
        ada.enqueue(&db).await.unwrap();
    }
    let handler = welcome::handler(outbox.path().to_path_buf());
    let (stop, pool) = start(&db, config(2, Duration::ZERO), handler);
    until(async || count(&db, "done").await == 1).await;
    stop.send(true).unwrap();
    assert_eq!(pool.await.unwrap().done, 1);
    // Enqueued again once done, it is still the same job, and not run again.
    let id: i64 = sqlx::query_scalar("SELECT id FROM jobs")
        .fetch_one(&db)
        .await
        .unwrap();
    let again = ada.enqueue(&db).await.unwrap();
    assert_eq!(again, id);
    assert_eq!(states(&db).await, [("done".to_string(), 1)]);
    // Run again by hand (a retry after a crash), it writes the same one file.
    welcome::send(outbox.path(), &serde_json::to_string(&ada).unwrap())
        .await
        .unwrap();
    let files: Vec<_> = std::fs::read_dir(outbox.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    let message = std::fs::read_to_string(outbox.path().join("1.eml")).unwrap();
    assert!(
        message.starts_with("To: Ada <ada@example.com>\n"),
        "{message}"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn a_dropped_shutdown_sender_stops_the_pool(db: PgPool) {
    let finished = Arc::new(Mutex::new(Vec::new()));
    let (stop, pool) = start(
        &db,
        config(2, Duration::ZERO),
        recording(Duration::ZERO, finished),
    );
    drop(stop);
    let totals = tokio::time::timeout(Duration::from_secs(10), pool)
        .await
        .expect("the pool stopped")
        .unwrap();
    assert_eq!(totals, Totals::default());
}

// ANCHOR: test_heartbeat
#[sqlx::test(migrations = "./migrations")]
async fn a_job_longer_than_its_lease_runs_once(db: PgPool) {
    enqueue_n(&db, 1).await;
    let finished = Arc::new(Mutex::new(Vec::new()));
    // Each job takes three leases; the heartbeat keeps it this worker's.
    let short = WorkerConfig {
        lease: Duration::from_millis(300),
        ..config(1, Duration::from_secs(5))
    };
    let (stop, pool) = start(
        &db,
        short,
        recording(Duration::from_millis(900), finished.clone()),
    );
    until(async || count(&db, "running").await == 1).await;
    // A second worker (another machine) polls all the while: nothing to take.
    let mut polls = 0;
    while count(&db, "running").await == 1 {
        assert!(
            queue::claim(&db, Duration::from_millis(300))
                .await
                .unwrap()
                .is_none()
        );
        polls += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(polls >= 10, "polled {polls} times while it ran");
    stop.send(true).unwrap();
    let totals = pool.await.unwrap();
    assert_eq!((totals.done, totals.lost), (1, 0));
    let attempts: i32 = sqlx::query_scalar("SELECT attempts FROM jobs")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(attempts, 1, "claimed once");
}
// ANCHOR_END: test_heartbeat

#[sqlx::test(migrations = "./migrations")]
async fn a_worker_whose_lease_was_taken_stops_the_job(db: PgPool) {
    enqueue_n(&db, 1).await;
    // A handler that would run for 30 s, and says when it is stopped.
    let stopped = Arc::new(AtomicBool::new(false));
    let flag = stopped.clone();
    let handler: Handler = Arc::new(move |_job| {
        let on_drop = SetOnDrop(flag.clone());
        Box::pin(async move {
            let _on_drop = on_drop;
            tokio::time::sleep(Duration::from_secs(30)).await;
            Ok(())
        })
    });
    let short = WorkerConfig {
        lease: Duration::from_millis(300),
        ..config(1, Duration::ZERO)
    };
    let (stop, pool) = start(&db, short, handler);
    until(async || count(&db, "running").await == 1).await;
    // The worker stalls past its lease and another claims the job, in one
    // statement (a heartbeat between two could renew the lease): at its
    // next heartbeat the first notices and stops.
    let taken: queue::Job = sqlx::query_as(
        "UPDATE jobs SET attempts = attempts + 1, locked_until = now() + interval '30 seconds'
         RETURNING id, kind, payload::text AS payload, attempts, max_attempts",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(taken.attempts, 2);
    until(async || stopped.load(Ordering::SeqCst)).await;
    stop.send(true).unwrap();
    let totals = pool.await.unwrap();
    assert_eq!((totals.lost, totals.done, totals.failed), (1, 0, 0));
    assert!(
        queue::complete(&db, &taken).await.unwrap(),
        "the new owner's answer counts"
    );
}

/// Sets its flag when dropped: when a handler's future is stopped.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

// ANCHOR: test_panic
#[sqlx::test(migrations = "./migrations")]
async fn a_panicking_handler_fails_its_job_not_the_pool(db: PgPool) {
    enqueue_n(&db, 1).await;
    let calls = Arc::new(Mutex::new(0));
    let seen = calls.clone();
    let handler: Handler = Arc::new(move |_job| {
        let calls = seen.clone();
        Box::pin(async move {
            let call = {
                let mut calls = calls.lock().unwrap();
                *calls += 1;
                *calls
            };
            if call == 1 {
                panic!("index out of bounds");
            }
            Ok(())
        })
    });
    let (stop, pool) = start(&db, config(1, Duration::ZERO), handler);
    until(async || count(&db, "done").await == 1).await;
    stop.send(true).unwrap();
    let totals = pool.await.unwrap();
    assert_eq!((totals.failed, totals.done), (1, 1));
    let error: String = sqlx::query_scalar("SELECT last_error FROM jobs")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(error, "the handler panicked: index out of bounds");
}
// ANCHOR_END: test_panic

#[sqlx::test(migrations = "./migrations")]
async fn a_database_error_pauses_the_workers_instead_of_stopping_them(db: PgPool) {
    // The table vanishes (a botched migration, a restore in progress): every
    // claim fails until it is back.
    sqlx::query("ALTER TABLE jobs RENAME TO jobs_away")
        .execute(&db)
        .await
        .unwrap();
    let finished = Arc::new(Mutex::new(Vec::new()));
    let (stop, pool) = start(
        &db,
        config(2, Duration::ZERO),
        recording(Duration::ZERO, finished.clone()),
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!pool.is_finished(), "the workers are still there");
    sqlx::query("ALTER TABLE jobs_away RENAME TO jobs")
        .execute(&db)
        .await
        .unwrap();
    enqueue_n(&db, 3).await;
    until(async || count(&db, "done").await == 3).await;
    stop.send(true).unwrap();
    let totals = pool.await.unwrap();
    assert_eq!(totals.done, 3);
    assert!(totals.errors >= 2, "{totals:?}");
}
