//! The users resource: create, read, list, delete.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::AppState;

// ANCHOR: user
#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
}

/// The body of POST /users.
#[derive(Debug, Deserialize)]
pub struct CreateUser {
    pub name: String,
    pub email: String,
}

/// The users by id, and the last id handed out: an id is never given twice,
/// even after its user is deleted, as a database's would not be.
#[derive(Debug, Default)]
pub struct Users {
    last_id: i64,
    by_id: BTreeMap<i64, User>,
}
// ANCHOR_END: user

// ANCHOR: create
pub async fn create(
    State(state): State<AppState>,
    Json(new): Json<CreateUser>,
) -> (StatusCode, Json<User>) {
    let mut users = state.users();
    users.last_id += 1;
    let user = User {
        id: users.last_id,
        name: new.name,
        email: new.email,
    };
    users.by_id.insert(user.id, user.clone());
    (StatusCode::CREATED, Json(user))
}
// ANCHOR_END: create

// ANCHOR: get
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<User>, StatusCode> {
    let user = state
        .users()
        .by_id
        .get(&id)
        .cloned()
        .ok_or(StatusCode::NOT_FOUND)?;
    Ok(Json(user))
}
// ANCHOR_END: get

// ANCHOR: list
pub async fn list(State(state): State<AppState>) -> Json<Vec<User>> {
    Json(state.users().by_id.values().cloned().collect())
}
// ANCHOR_END: list

// ANCHOR: delete
pub async fn delete(State(state): State<AppState>, Path(id): Path<i64>) -> StatusCode {
    match state.users().by_id.remove(&id) {
        Some(_) => StatusCode::NO_CONTENT,
        None => StatusCode::NOT_FOUND,
    }
}
// ANCHOR_END: delete
