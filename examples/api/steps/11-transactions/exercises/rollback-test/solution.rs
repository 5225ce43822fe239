//! Exercise: write the test that catches half a sign-up. `app` signs users
//! up at POST /users, storing the user and a password hash (a stand-in
//! here) in one transaction. `assert_all_or_nothing` gets the app and its
//! database, and must panic, as a failing test does, unless a sign-up whose
//! second INSERT (into `credentials`) fails answers 500 Internal Server
//! Error and leaves no row in `users`. Make that INSERT fail for real, in
//! the database the check is given.

// ANCHOR: solution
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
    // A constraint no row satisfies (NOT VALID spares the rows already
    // there): in this test's database the second INSERT fails for real,
    // after the first has succeeded.
    sqlx::query("ALTER TABLE credentials ADD CONSTRAINT no_credentials CHECK (false) NOT VALID")
        .execute(&db)
        .await
        .unwrap();

    let response = app.oneshot(sign_up_ada()).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);

    // Read on another connection: only committed rows are seen.
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(users, 0, "a user without credentials was left behind");
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the learner's check fails (panics) on `app`.
    async fn check_fails_on(db: PgPool, app: Router) -> bool {
        let check = tokio::spawn(assert_all_or_nothing(db, app));
        check.await.is_err_and(|error| error.is_panic())
    }

    /// The same sign-up as two statements, each committed on its own.
    async fn sign_up_in_two_statements(
        State(db): State<PgPool>,
        Json(body): Json<SignUp>,
    ) -> Result<(StatusCode, Json<Created>), StatusCode> {
        let failed = |_: sqlx::Error| StatusCode::INTERNAL_SERVER_ERROR;
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id")
                .bind(&body.name)
                .bind(&body.email)
                .fetch_one(&db)
                .await
                .map_err(failed)?;
        sqlx::query("INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)")
            .bind(id)
            .bind(&body.password)
            .execute(&db)
            .await
            .map_err(failed)?;
        Ok((StatusCode::CREATED, Json(Created { id })))
    }

    /// A transaction whose second INSERT's error is dropped. PostgreSQL
    /// answers COMMIT in a failed transaction by rolling it back, without
    /// an error: nothing is stored, yet the client is told 201 Created.
    async fn sign_up_ignoring_an_error(
        State(db): State<PgPool>,
        Json(body): Json<SignUp>,
    ) -> Result<(StatusCode, Json<Created>), StatusCode> {
        let failed = |_: sqlx::Error| StatusCode::INTERNAL_SERVER_ERROR;
        let mut tx = db.begin().await.map_err(failed)?;
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id")
                .bind(&body.name)
                .bind(&body.email)
                .fetch_one(&mut *tx)
                .await
                .map_err(failed)?;
        let _ignored =
            sqlx::query("INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)")
                .bind(id)
                .bind(&body.password)
                .execute(&mut *tx)
                .await;
        tx.commit().await.map_err(failed)?;
        Ok((StatusCode::CREATED, Json(Created { id })))
    }

    fn app_with(db: PgPool, handler: axum::routing::MethodRouter<PgPool>) -> Router {
        Router::new().route("/users", handler).with_state(db)
    }

    #[sqlx::test]
    async fn passes_on_the_transactional_app(db: PgPool) {
        assert!(
            !check_fails_on(db.clone(), app(db)).await,
            "the check should pass on the app that signs up in one transaction"
        );
    }

    #[sqlx::test]
    async fn fails_on_two_separate_statements(db: PgPool) {
        let app = app_with(db.clone(), post(sign_up_in_two_statements));
        assert!(
            check_fails_on(db, app).await,
            "this app leaves Ada without credentials: the check should fail"
        );
    }

    #[sqlx::test]
    async fn fails_on_an_app_that_answers_201_for_nothing(db: PgPool) {
        let app = app_with(db.clone(), post(sign_up_ignoring_an_error));
        assert!(
            check_fails_on(db, app).await,
            "this app stores nothing but answers 201 Created: the check should fail"
        );
    }
}
// ANCHOR_END: tests
