//! Exercise: write the test. `assert_outage_is_a_quiet_500` gets a router
//! and the pool it reads from. It must cut the database off (close the
//! pool), send GET /users/1, and panic, as a failing test does, unless the
//! answer is 500 Internal Server Error with exactly `{"error": "internal
//! error"}` as its JSON body: nothing of the database's own words.

// ANCHOR: solution
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;

/// GET /users/{id}: the user's name, read from the `users` table.
async fn get_user(State(db): State<PgPool>, Path(id): Path<i64>) -> Response {
    let name = sqlx::query_scalar::<_, String>("SELECT name FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&db)
        .await;
    match name {
        Ok(Some(name)) => Json(json!({ "id": id, "name": name })).into_response(),
        Ok(None) => {
            let body = json!({ "error": format!("no user with id {id}") });
            (StatusCode::NOT_FOUND, Json(body)).into_response()
        }
        Err(error) => {
            eprintln!("database error: {error}");
            let body = json!({ "error": "internal error" });
            (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
        }
    }
}

fn app(db: PgPool) -> Router {
    Router::new()
        .route("/users/{id}", get(get_user))
        .with_state(db)
}

/// Panics unless, with its database gone, `app` answers GET /users/1 with
/// a 500 whose body says nothing but "internal error".
async fn assert_outage_is_a_quiet_500(app: Router, db: PgPool) {
    // Every query on a closed pool fails at once: a database that went away.
    db.close().await;
    let request = Request::get("/users/1").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).expect("the body should be JSON");
    // The whole body: any extra key or word could carry the database's.
    assert_eq!(body, json!({ "error": "internal error" }));
}

/// On the database DATABASE_URL names: the check, run on this app.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    assert_outage_is_a_quiet_500(app(db.clone()), db).await;
    println!("the check passed on the app above");
    Ok(())
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the learner's check fails (panics) on `app` over `db`.
    async fn check_fails_on(app: Router, db: PgPool) -> bool {
        let check = tokio::spawn(assert_outage_is_a_quiet_500(app, db));
        check.await.is_err_and(|error| error.is_panic())
    }

    /// An app whose GET /users/{id} answers a database error with `answer`.
    fn app_answering(db: PgPool, answer: fn(sqlx::Error) -> Response) -> Router {
        let handler = move |State(db): State<PgPool>, Path(id): Path<i64>| async move {
            let name = sqlx::query_scalar::<_, String>("SELECT name FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(&db)
                .await;
            match name {
                Ok(name) => Json(json!({ "id": id, "name": name })).into_response(),
                Err(error) => answer(error),
            }
        };
        Router::new()
            .route("/users/{id}", get(handler))
            .with_state(db)
    }

    #[sqlx::test]
    async fn passes_on_an_app_that_keeps_the_details_in_the_log(db: PgPool) {
        assert!(
            !check_fails_on(app(db.clone()), db).await,
            "the check should pass on the app of the exercise"
        );
    }

    #[sqlx::test]
    async fn passes_however_the_app_finds_out(db: PgPool) {
        // Another correct app: it reads the row with fetch_one, so a
        // missing user is an error too; on an outage it still says nothing.
        let quiet = app_answering(db.clone(), |_| {
            let body = json!({ "error": "internal error" });
            (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
        });
        assert!(
            !check_fails_on(quiet, db).await,
            "this app hides the outage's details too: the check should pass"
        );
    }

    #[sqlx::test]
    async fn fails_on_an_app_that_sends_the_database_error(db: PgPool) {
        let leaky = app_answering(db.clone(), |error| {
            let body = json!({ "error": error.to_string() });
            (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
        });
        assert!(
            check_fails_on(leaky, db).await,
            "SQLx's message reaches the client here: the check should fail"
        );
    }

    #[sqlx::test]
    async fn fails_on_an_app_that_adds_the_detail_beside_the_message(db: PgPool) {
        let leaky = app_answering(db.clone(), |error| {
            let body = json!({ "error": "internal error", "detail": error.to_string() });
            (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
        });
        assert!(
            check_fails_on(leaky, db).await,
            "the detail rides along in another key: the check should fail"
        );
    }

    #[sqlx::test]
    async fn fails_on_an_empty_500(db: PgPool) {
        // The articles' `.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)`.
        let bare = app_answering(db.clone(), |_| {
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        });
        assert!(
            check_fails_on(bare, db).await,
            "an empty body is not our JSON: the check should fail"
        );
    }

    #[sqlx::test]
    async fn fails_on_an_app_that_calls_the_outage_a_missing_user(db: PgPool) {
        let hiding = app_answering(db.clone(), |_| {
            let body = json!({ "error": "no user with id 1" });
            (StatusCode::NOT_FOUND, Json(body)).into_response()
        });
        assert!(
            check_fails_on(hiding, db).await,
            "a 404 tells the client the user is gone: the check should fail"
        );
    }
}
// ANCHOR_END: tests
