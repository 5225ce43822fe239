//! The users resource: create, read, list (a page at a time), update, delete.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::AppState;
use crate::error::ApiError;

// ANCHOR: user
/// A user as the API sends it. `Serialize` only: no request body is ever
/// read into a whole `User`, so no client can choose its id or creation time.
#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// Written as RFC 3339 text, `2026-12-03T18:45:00.5Z`, rather than as
    /// the array of numbers that `OffsetDateTime`'s own `Serialize` writes.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}
// ANCHOR_END: user

// ANCHOR: payloads
/// The body of POST /users. Both fields are required, yet declared `Option`:
/// a missing one reaches the handler as `None`, which `required` answers in
/// our error shape, naming the field, instead of serde's message.
#[derive(Debug, Deserialize)]
pub struct CreateUser {
    pub name: Option<String>,
    pub email: Option<String>,
}

/// The body of PATCH /users/{id}: the fields to change, any of them.
#[derive(Debug, Deserialize)]
pub struct UpdateUser {
    pub name: Option<String>,
    pub email: Option<String>,
}
// ANCHOR_END: payloads

/// The users by id, and the last id handed out: an id is never given twice,
/// even after its user is deleted, as a database's would not be.
#[derive(Debug, Default)]
pub struct Users {
    last_id: i64,
    by_id: BTreeMap<i64, User>,
}

// ANCHOR: required
/// A field the API cannot do without: left out or sent as `null`, it is
/// `None`, and the client gets a 422 whose message names it.
fn required(value: Option<String>, field: &'static str) -> Result<String, ApiError> {
    value.ok_or_else(|| ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: format!("{field} is required"),
    })
}
// ANCHOR_END: required

// ANCHOR: create
pub async fn create(
    State(state): State<AppState>,
    payload: Result<Json<CreateUser>, JsonRejection>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let Json(payload) = payload?;
    let name = required(payload.name, "name")?;
    let email = required(payload.email, "email")?;
    let mut users = state.users();
    users.last_id += 1;
    let user = User {
        id: users.last_id,
        name,
        email,
        // Read in UTC, so the JSON ends in `Z` whatever the server's zone.
        created_at: OffsetDateTime::now_utc(),
    };
    users.by_id.insert(user.id, user.clone());
    Ok((StatusCode::CREATED, Json(user)))
}
// ANCHOR_END: create

// ANCHOR: get
pub async fn get(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<User>, ApiError> {
    let Path(id) = id?;
    let user = state
        .users()
        .by_id
        .get(&id)
        .cloned()
        .ok_or(ApiError::not_found(id))?;
    Ok(Json(user))
}
// ANCHOR_END: get

// ANCHOR: page
/// `?limit=&offset=`: limit 1 to 100 (default 20), offset from 0.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct UserPage {
    pub users: Vec<User>,
    pub limit: i64,
    pub offset: i64,
    /// The offset of the next page, or null on the last one.
    pub next_offset: Option<i64>,
}
// ANCHOR_END: page

// ANCHOR: list
pub async fn list(
    State(state): State<AppState>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<UserPage>, ApiError> {
    let Query(page) = page?;
    let limit = page.limit.unwrap_or(20);
    let offset = page.offset.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::bad_request("limit must be between 1 and 100"));
    }
    if offset < 0 {
        return Err(ApiError::bad_request("offset must be 0 or more"));
    }
    // One user more than asked for tells whether another page exists.
    let mut users: Vec<User> = state
        .users()
        .by_id
        .values()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(limit as usize + 1)
        .cloned()
        .collect();
    // Lazy: an offset near i64::MAX would overflow if the sum were always
    // computed, and only a page with a user after it has a next offset.
    let next_offset = (users.len() as i64 > limit).then(|| offset + limit);
    users.truncate(limit as usize);
    Ok(Json(UserPage {
        users,
        limit,
        offset,
        next_offset,
    }))
}
// ANCHOR_END: list

// ANCHOR: update
pub async fn update(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
    payload: Result<Json<UpdateUser>, JsonRejection>,
) -> Result<Json<User>, ApiError> {
    let Path(id) = id?;
    let Json(changes) = payload?;
    let mut users = state.users();
    let user = users.by_id.get_mut(&id).ok_or(ApiError::not_found(id))?;
    if let Some(name) = changes.name {
        user.name = name;
    }
    if let Some(email) = changes.email {
        user.email = email;
    }
    Ok(Json(user.clone()))
}
// ANCHOR_END: update

// ANCHOR: delete
pub async fn delete(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let Path(id) = id?;
    match state.users().by_id.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(ApiError::not_found(id)),
    }
}
// ANCHOR_END: delete
