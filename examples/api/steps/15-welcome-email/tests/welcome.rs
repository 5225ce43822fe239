//! The welcome email: a sign-up enqueues it in the transaction that writes
//! the user, and the workers send it. On a real PostgreSQL, with the job
//! queue's table from this step's migrations.

mod common;

use std::time::Duration;

use axum::http::{Method, StatusCode};
use job_queue::{Backoff, WorkerConfig, welcome, worker};
use serde_json::{Value, json};
use sqlx::PgPool;
use tokio::sync::watch;
use users_api::app;

use common::{config, json_request, send};

async fn sign_up(app: &axum::Router, email: &str) -> (StatusCode, Value) {
    let body = json!({ "name": "Ada", "email": email, "password": "correct horse" });
    send(app, json_request(Method::POST, "/users", body.to_string())).await
}

async fn jobs(db: &PgPool) -> Vec<(String, Value, String)> {
    sqlx::query_as("SELECT kind, payload, state FROM jobs ORDER BY id")
        .fetch_all(db)
        .await
        .unwrap()
}

// ANCHOR: enqueued
#[sqlx::test]
async fn a_sign_up_enqueues_one_welcome_email(db: PgPool) {
    let app = app(db.clone(), &config());
    let (status, user) = sign_up(&app, "ada@example.com").await;
    assert_eq!(status, StatusCode::CREATED);
    let payload = json!({ "user_id": user["id"], "name": "Ada", "email": "ada@example.com" });
    assert_eq!(
        jobs(&db).await,
        [("welcome_email".to_string(), payload, "queued".to_string())]
    );
}
// ANCHOR_END: enqueued

// ANCHOR: refused
#[sqlx::test]
async fn a_refused_sign_up_enqueues_nothing(db: PgPool) {
    let app = app(db.clone(), &config());
    sign_up(&app, "ada@example.com").await;
    // The same email again: the user's INSERT fails, the transaction rolls
    // back, and no email goes to an account that does not exist.
    let (status, _) = sign_up(&app, "ada@example.com").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(jobs(&db).await.len(), 1);
}
// ANCHOR_END: refused

// ANCHOR: refused_job
#[sqlx::test]
async fn a_sign_up_whose_job_cannot_be_written_leaves_no_user(db: PgPool) {
    let app = app(db.clone(), &config());
    // Every INSERT into jobs fails from now on (as a full disk could make
    // it fail), after the user's and the password's INSERTs succeeded.
    sqlx::query("ALTER TABLE jobs ADD CONSTRAINT no_jobs CHECK (false) NOT VALID")
        .execute(&db)
        .await
        .unwrap();
    let (status, _) = sign_up(&app, "ada@example.com").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(users, 0, "no user who will never get the email");
}
// ANCHOR_END: refused_job

// ANCHOR: sent
#[sqlx::test]
async fn the_workers_write_the_email_to_the_outbox(db: PgPool) {
    let outbox = tempfile::tempdir().unwrap();
    let app = app(db.clone(), &config());
    let (_, user) = sign_up(&app, "ada@example.com").await;

    let (stop, shutdown) = watch::channel(false);
    let config = WorkerConfig {
        workers: 2,
        lease: Duration::from_secs(30),
        idle: Duration::from_millis(20),
        backoff: Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(100),
        },
        grace: Duration::from_secs(1),
    };
    let workers = tokio::spawn(worker::run(
        db.clone(),
        config,
        welcome::handler(outbox.path().to_path_buf()),
        shutdown,
    ));
    let file = outbox.path().join(format!("{}.eml", user["id"]));
    for _ in 0..500 {
        if file.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    stop.send_replace(true);
    assert_eq!(workers.await.unwrap().done, 1);
    let message = std::fs::read_to_string(&file).expect("the email was written");
    assert_eq!(
        message,
        "To: Ada <ada@example.com>\nSubject: Welcome, Ada\n\nYour account is ready.\n"
    );
    assert_eq!(jobs(&db).await[0].2, "done");
}
// ANCHOR_END: sent
