//! Exercise: write the test. `assert_outage_is_a_quiet_500` gets a router
//! and the pool it reads from. It must cut the database off (close the
//! pool), send GET /users/1, and panic, as a failing test does, unless the
//! answer is 500 Internal Server Error with exactly `{"error": "internal
//! error"}` as its JSON body: nothing of the database's own words.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use sqlx::PgPool;

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
    // Cut the database off, send GET /users/1 through `app`, then check the
    // status and the whole JSON body.
    let _ = (app, db);
    todo!("close the pool, send GET /users/1 and check the answer")
}

/// On the database DATABASE_URL names: the check, run on this app.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    assert_outage_is_a_quiet_500(app(db.clone()), db).await;
    println!("the check passed on the app above");
    Ok(())
}
