//! The same read as REST + JSON, for the comparison: GET /users/{id} runs
//! the very `store::get` the gRPC call runs, under the same limit.

use axum::Json;
use axum::extract::{Path, State};
use sqlx::PgPool;

use crate::error::UserError;
use crate::store::{self, User};

// ANCHOR: get
pub async fn get(State(db): State<PgPool>, Path(id): Path<i64>) -> Result<Json<User>, UserError> {
    let work = store::get(&db, id);
    let user = tokio::time::timeout(crate::grpc::SERVER_LIMIT, work)
        .await
        .unwrap_or(Err(UserError::DeadlineExceeded))?;
    Ok(Json(user))
}
// ANCHOR_END: get
