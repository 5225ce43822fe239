//! The users resource: create, read, list (paginated), update, delete.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::AppState;
use crate::error::ApiError;

// ANCHOR: user
#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}
// ANCHOR_END: user

// ANCHOR: payloads
/// The body of POST /users. Fields are optional here so that a missing one
/// is answered with our own message naming it, not serde's.
#[derive(Debug, Deserialize)]
pub struct CreateUser {
    pub name: Option<String>,
    pub email: Option<String>,
}

/// The body of PATCH /users/{id}: any subset of the fields.
#[derive(Debug, Deserialize)]
pub struct UpdateUser {
    pub name: Option<String>,
    pub email: Option<String>,
}
// ANCHOR_END: payloads

// ANCHOR: validate
/// A name is 1 to 100 characters once trimmed.
fn valid_name(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::Validation {
            field: "name",
            message: "name must be 1 to 100 characters".into(),
        });
    }
    Ok(name.to_string())
}

/// An email is `local@domain`, both parts non-empty, at most 254 characters.
fn valid_email(email: &str) -> Result<String, ApiError> {
    let email = email.trim();
    let well_formed = matches!(email.split_once('@'),
        Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.contains('@'));
    if !well_formed || email.len() > 254 {
        return Err(ApiError::Validation {
            field: "email",
            message: "email must look like name@example.com".into(),
        });
    }
    Ok(email.to_string())
}

fn required(value: Option<String>, field: &'static str) -> Result<String, ApiError> {
    value.ok_or(ApiError::Validation {
        field,
        message: format!("{field} is required"),
    })
}
// ANCHOR_END: validate

// ANCHOR: conflict_on_email
/// Maps the unique index on lower(email) to 409; other errors stay 500.
fn conflict_on_email(error: sqlx::Error) -> ApiError {
    match &error {
        sqlx::Error::Database(db) if db.constraint() == Some("users_email_key") => {
            ApiError::Conflict {
                field: "email",
                message: "a user with this email already exists".into(),
            }
        }
        _ => ApiError::Database(error),
    }
}
// ANCHOR_END: conflict_on_email

// ANCHOR: create
pub async fn create(
    State(state): State<AppState>,
    payload: Result<Json<CreateUser>, JsonRejection>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let Json(payload) = payload?;
    let name = valid_name(&required(payload.name, "name")?)?;
    let email = valid_email(&required(payload.email, "email")?)?;
    let user = sqlx::query_as!(
        User,
        "INSERT INTO users (name, email) VALUES ($1, $2)
         RETURNING id, name, email, created_at",
        name,
        email
    )
    .fetch_one(&state.db)
    .await
    .map_err(conflict_on_email)?;
    Ok((StatusCode::CREATED, Json(user)))
}
// ANCHOR_END: create

// ANCHOR: get
pub async fn get(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<User>, ApiError> {
    let Path(id) = id?;
    let user = sqlx::query_as!(
        User,
        "SELECT id, name, email, created_at FROM users WHERE id = $1",
        id
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(ApiError::NotFound(id))?;
    Ok(Json(user))
}
// ANCHOR_END: get

// ANCHOR: list
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

pub async fn list(
    State(state): State<AppState>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<UserPage>, ApiError> {
    let Query(page) = page?;
    let limit = page.limit.unwrap_or(20);
    let offset = page.offset.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::BadRequest {
            status: StatusCode::BAD_REQUEST,
            message: "limit must be between 1 and 100".into(),
        });
    }
    if offset < 0 {
        return Err(ApiError::BadRequest {
            status: StatusCode::BAD_REQUEST,
            message: "offset must be 0 or more".into(),
        });
    }
    // One row more than asked for tells whether another page exists.
    let mut users = sqlx::query_as!(
        User,
        "SELECT id, name, email, created_at FROM users ORDER BY id LIMIT $1 OFFSET $2",
        limit + 1,
        offset
    )
    .fetch_all(&state.db)
    .await?;
    let next_offset = (users.len() as i64 > limit).then_some(offset + limit);
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
    let Json(payload) = payload?;
    if payload.name.is_none() && payload.email.is_none() {
        return Err(ApiError::Validation {
            field: "name",
            message: "send name, email or both".into(),
        });
    }
    let name = payload.name.as_deref().map(valid_name).transpose()?;
    let email = payload.email.as_deref().map(valid_email).transpose()?;
    let user = sqlx::query_as!(
        User,
        "UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email)
         WHERE id = $1
         RETURNING id, name, email, created_at",
        id,
        name,
        email
    )
    .fetch_optional(&state.db)
    .await
    .map_err(conflict_on_email)?
    .ok_or(ApiError::NotFound(id))?;
    Ok(Json(user))
}
// ANCHOR_END: update

// ANCHOR: delete
pub async fn delete(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let Path(id) = id?;
    let deleted = sqlx::query!("DELETE FROM users WHERE id = $1", id)
        .execute(&state.db)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(ApiError::NotFound(id));
    }
    Ok(StatusCode::NO_CONTENT)
}
// ANCHOR_END: delete
