//! Exercise: write the test that catches half a sign-up. `app` signs users
//! up at POST /users, storing the user and a password hash (a stand-in
//! here) in one transaction. `assert_all_or_nothing` gets the app and its
//! database, and must panic, as a failing test does, unless a sign-up whose
//! second INSERT (into `credentials`) fails answers 500 Internal Server
//! Error and leaves no row in `users`. Make that INSERT fail for real, in
//! the database the check is given.

use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, header};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use tower::ServiceExt;

#[derive(Deserialize)]
struct SignUp {
    name: String,
    email: String,
    password: String,
}

#[derive(Serialize)]
struct Created {
    id: i64,
}

/// Stores the user and the hash in one transaction; 500 on any error.
async fn sign_up(
    State(db): State<PgPool>,
    Json(body): Json<SignUp>,
) -> Result<(StatusCode, Json<Created>), StatusCode> {
    let hash = format!("stand-in for a hash of {} bytes", body.password.len());
    let failed = |_: sqlx::Error| StatusCode::INTERNAL_SERVER_ERROR;
    let mut tx = db.begin().await.map_err(failed)?;
    let id = sqlx::query_scalar!(
        "INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id",
        body.name,
        body.email
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(failed)?;
    sqlx::query!(
        "INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)",
        id,
        hash
    )
    .execute(&mut *tx)
    .await
    .map_err(failed)?;
    tx.commit().await.map_err(failed)?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

fn app(db: PgPool) -> Router {
    Router::new().route("/users", post(sign_up)).with_state(db)
}

/// POST /users for Ada.
fn sign_up_ada() -> Request<Body> {
    Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            r#"{"name": "Ada", "email": "ada@example.com", "password": "correct horse"}"#,
        ))
        .unwrap()
}

/// Panics unless a sign-up whose INSERT into `credentials` fails answers
/// 500 and leaves no user behind.
async fn assert_all_or_nothing(db: PgPool, app: Router) {
    // Make every INSERT into credentials fail here, in the database `db`,
    // before the request.

    let response = app.oneshot(sign_up_ada()).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);

    // Then check that `users` holds no row.
    let _ = db;
}

/// On a database the service has migrated (DATABASE_URL); this adds the
/// constraint to it, so use a throwaway one.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    assert_all_or_nothing(db.clone(), app(db)).await;
    println!("the check passed on the transactional app");
    Ok(())
}
