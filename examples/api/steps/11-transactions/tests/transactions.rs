//! A sign-up writes two rows, the user and the password hash, and must
//! write both or neither. These tests make it fail between the two, for
//! real, in the test's own database, and look at what was left.

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use users_api::app;

use common::{config, json_request, send};

/// POST /users for Ada.
fn sign_up_ada() -> Request<Body> {
    let ada = json!({ "name": "Ada", "email": "ada@example.com", "password": "correct horse" });
    json_request(Method::POST, "/users", ada.to_string())
}

/// Rows in `users` and in `credentials`, read on a connection of the
/// test's own: what the service committed, and nothing else.
async fn rows(db: &PgPool) -> (i64, i64) {
    sqlx::query_as("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM credentials)")
        .fetch_one(db)
        .await
        .unwrap()
}

// ANCHOR: refuse
/// From now on every INSERT into `credentials` fails, as a lost connection
/// or a full disk could make it fail: after the user's INSERT succeeded.
/// `CHECK (false)` holds for no row, and `NOT VALID` spares the rows
/// already there. `#[sqlx::test]` gave this test a database of its own, so
/// no other test meets the constraint.
async fn refuse_credentials(db: &PgPool) {
    sqlx::query("ALTER TABLE credentials ADD CONSTRAINT no_credentials CHECK (false) NOT VALID")
        .execute(db)
        .await
        .unwrap();
}
// ANCHOR_END: refuse

// ANCHOR: midway
#[sqlx::test]
async fn a_sign_up_that_fails_midway_leaves_nothing(db: PgPool) {
    let app = app(db.clone(), &config());
    refuse_credentials(&db).await;

    let (status, body) = send(&app, sign_up_ada()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(body, json!({ "error": "internal error" }));
    assert_eq!(rows(&db).await, (0, 0), "no user without a password");

    // The email is still free: once the fault is gone, Ada signs up.
    sqlx::query("ALTER TABLE credentials DROP CONSTRAINT no_credentials")
        .execute(&db)
        .await
        .unwrap();
    let (status, body) = send(&app, sign_up_ada()).await;
    assert_eq!(status, StatusCode::CREATED);
    // Id 2: the rolled-back INSERT had taken 1 from the identity's
    // sequence, and sequences are not rolled back.
    assert_eq!(body["id"], 2);
    assert_eq!(rows(&db).await, (1, 1));
}
// ANCHOR_END: midway

// ANCHOR: gone
/// The client goes away while the handler waits on its second INSERT: the
/// handler's future is dropped there, the transaction with it.
#[sqlx::test]
async fn a_client_gone_midway_leaves_nothing(db: PgPool) {
    let app = app(db.clone(), &config());
    // Holds every INSERT into credentials until this transaction ends.
    let mut lock = db.begin().await.unwrap();
    sqlx::query("LOCK TABLE credentials IN EXCLUSIVE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();

    let client = tokio::spawn({
        let app = app.clone();
        async move { send(&app, sign_up_ada()).await }
    });
    wait_for_blocked_credentials_insert(&db).await;
    // What hyper does when the connection closes: drop the request's future.
    client.abort();
    assert!(client.await.unwrap_err().is_cancelled());
    lock.rollback().await.unwrap();

    assert_eq!(rows(&db).await, (0, 0));
    // Had the user been committed, her email would be taken (409).
    let (status, _) = send(&app, sign_up_ada()).await;
    assert_eq!(status, StatusCode::CREATED);
}

/// Returns once a session of the service waits for the lock on its INSERT
/// into credentials: by then the user's row is written, not committed.
async fn wait_for_blocked_credentials_insert(db: &PgPool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'
               AND query LIKE 'INSERT INTO credentials%'",
        )
        .fetch_one(db)
        .await
        .unwrap();
        if waiting == 1 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the sign-up never reached its second INSERT"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
// ANCHOR_END: gone
