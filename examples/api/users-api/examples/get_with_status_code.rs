//! The "before" step of the errors lesson: GET /users/{id} written the way
//! the articles write it, every failure flattened to a bare status code.
//! It compiles and is a valid handler; the lesson shows the diff from this
//! to src/users.rs.
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use users_api::AppState;
use users_api::users::User;

// ANCHOR: get
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<User>, StatusCode> {
    let user = sqlx::query_as!(
        User,
        "SELECT id, name, email, created_at FROM users WHERE id = $1",
        id
    )
    .fetch_optional(&state.db)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
    .ok_or(StatusCode::NOT_FOUND)?;
    Ok(Json(user))
}
// ANCHOR_END: get

fn main() {
    // Proves `get` is a handler axum accepts for this state.
    let _route: axum::routing::MethodRouter<AppState> = axum::routing::get(get);
}
